"""Studios named after their leader (``吴建明劳模和工匠人才创新工作室``), with their host."""
from __future__ import annotations

import re

from extract.context import ArticleContext
from extract.mentions import Mention
from extract.normalise import canonical_org
from extract.sentence import Sentence

STUDIO_KIND = (r"(?:劳模和工匠人才创新工作室|劳模工匠人才创新工作室|劳模和工匠人才工作室|劳模创新工作室|工匠人才创新工作室|"
               r"工匠创新工作室|女职工创新工作室|职工创新工作室|技能大师工作室|大师工作室|创新工作室)")
STUDIO_SUFFIX = re.compile(rf"(?:(?!领衔|牵头|的)[\u4e00-\u9fff]){{0,6}}?{STUDIO_KIND}")  # 罗文斌|电力技能|创新工作室


def studio_mentions(sent: Sentence) -> list[Mention]:
    """Studios named after a person in the sentence, as units that can receive an honour."""
    out = []
    for person in sent.of("PER"):
        m = STUDIO_SUFFIX.match(sent.text, sent.local(person)[1])
        if m:
            out.append(Mention("ORG", person.start, sent.start + m.end(), person.text + m.group(0)))
    return out


def _named_studio_leaders(sent: Sentence, ctx: ArticleContext) -> list[Mention]:
    """A person the article names, written before a studio's suffix where the model read the
    name into something else (“罗锦辉劳模|创新工作室” tagged as one organisation)."""
    found = []
    tagged = {sent.local(p)[1] for p in sent.of("PER")}
    for m in re.finditer(STUDIO_KIND, sent.text):
        for size in (3, 2):
            name = sent.text[max(0, m.start() - size):m.start()]
            if m.start() not in tagged and name in ctx.people:
                found.append(Mention("PER", sent.start + m.start() - size, sent.start + m.start(), name))
                break
    return found


def studios(sent: Sentence, ctx: ArticleContext) -> list[dict]:
    """Studios named after their leader (``吴建明劳模和工匠人才创新工作室``), with the host
    organisation named before them in the sentence."""
    out = []
    for person in sent.of("PER") + _named_studio_leaders(sent, ctx):
        _, p_end = sent.local(person)
        m = STUDIO_SUFFIX.match(sent.text, p_end)
        if not m:
            continue
        hosts = [o for o in sent.of("ORG") if sent.local(o)[1] <= sent.local(person)[0]]
        out.append({"name": person.text + m.group(0), "leader": person.text,
                    "host": canonical_org(hosts[-1].text, ctx) if hosts else None})
    return out
