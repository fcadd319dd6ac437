"""A pyvis network page that tells the app which node was clicked: a Streamlit component served from
this package (``network_click/index.html``), so nothing is loaded from another host.

Streamlit's component iframes may not navigate the top window (their sandbox lacks
``allow-top-navigation``), so a click travels the way components talk: the page posts
``streamlit:setComponentValue`` to the app, which reruns with ``{"node": id, "at": ms}``.
"""
from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import streamlit.components.v1 as components

_FRAME = Path(__file__).with_name("network_click")
_component = components.declare_component("network_click", path=str(_FRAME))

# Added to the page: answers the app's later renders (a new page replaces this one), reports node
# clicks and sizes the frame. `network` is the vis.Network that pyvis's page keeps in a global.
_BRIDGE = """<script>
(function () {
  var VERSION = %s;
  function post(type, extra) {
    window.parent.postMessage(Object.assign({isStreamlitMessage: true, type: type}, extra), "*");
  }
  window.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.type !== "streamlit:render" || !data.args || data.args.version === VERSION) return;
    document.open();
    document.write(data.args.html);
    document.close();
  });
  if (typeof network !== "undefined" && network) {
    network.on("click", function (params) {
      if (params.nodes && params.nodes.length) {
        post("streamlit:setComponentValue", {value: {node: String(params.nodes[0]), at: Date.now()},
                                             dataType: "json"});
      }
    });
  }
  post("streamlit:setFrameHeight", {height: document.documentElement.scrollHeight + 8});
})();
</script>"""


def with_bridge(page: str) -> tuple[str, str]:
    """``page`` with the click bridge before its last ``</body>``, and the version that names it."""
    version = hashlib.sha1(page.encode("utf-8")).hexdigest()[:16]
    head, _, tail = page.rpartition("</body>")
    if not head:
        head, tail = page, ""
    return f"{head}{_BRIDGE % json.dumps(version)}</body>{tail}", version


def clickable_network(page: str, *, key: str, on_change: Callable[[], None] | None = None) -> dict[str, Any] | None:
    """Show the network ``page``; the last node click as ``{"node": id, "at": ms}``, or None.
    ``on_change`` runs (before the rerun) when a node is clicked; the value is ``st.session_state[key]``."""
    html, version = with_bridge(page)
    return _component(html=html, version=version, key=key, default=None, on_change=on_change)
