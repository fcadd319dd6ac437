"""``honours app``: the Streamlit browser UI on the chosen store."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer

from honours.cli import command
from honours.commands.graph import Db, Neo4jUri
from honours.errors import HonoursError

APP = Path(__file__).resolve().parents[2] / "app_streamlit.py"


def streamlit_command(port: int, max_upload_mb: int | None = None) -> list[str]:
    """The ``streamlit run`` command line: headless, no usage statistics (stays off the network),
    uploads limited to the app's limit (``HONOURS_MAX_UPLOAD_MB`` or 20 MB) by Streamlit too."""
    from viz.uploads import max_upload_mb as configured  # the viz package is slow to import: only for `app`

    limit = max_upload_mb or configured()
    return [sys.executable, "-m", "streamlit", "run", str(APP), "--server.headless", "true",
            "--browser.gatherUsageStats", "false", "--server.port", str(port),
            "--server.maxUploadSize", str(limit),
            "--server.fileWatcherType", "none"]  # no reload when the installed code changes under a running app


def app_environment(db: Path | None, neo4j: str | None, max_upload_mb: int | None = None) -> dict[str, str]:
    """The environment that tells the app which store to open and how big an upload may be."""
    env = dict(os.environ)
    if db is not None:
        env["HONOURS_DB"] = str(db.expanduser().resolve())
    if neo4j:
        env["NEO4J_URI"] = neo4j
    if max_upload_mb:
        env["HONOURS_MAX_UPLOAD_MB"] = str(max_upload_mb)  # viz.uploads.ENV_MAX_UPLOAD
    return env


@command("app")
def app(
    db: Db = None, neo4j: Neo4jUri = None,
    port: Annotated[int, typer.Option("--port", min=1, max=65535, help="Port to serve on.")] = 8501,
    max_upload_mb: Annotated[Optional[int], typer.Option(
        "--max-upload-mb", min=1, help="Largest upload in MB (default 20, or HONOURS_MAX_UPLOAD_MB).")] = None,
) -> None:
    """Explore the graph in a browser: search, profiles, networks, timelines, Cypher console, lineage export."""
    if not APP.is_file():
        raise HonoursError(f"the app file {APP} is missing")
    typer.echo(f"Honours Graph on http://localhost:{port} (Ctrl+C stops it)")
    try:
        done = subprocess.run(streamlit_command(port, max_upload_mb),
                              env=app_environment(db, neo4j, max_upload_mb), check=False)
    except KeyboardInterrupt:
        return
    if done.returncode:
        raise typer.Exit(done.returncode)
