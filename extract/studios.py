"""Studios named after their leader (``吴建明劳模和工匠人才创新工作室``), with their host."""
from __future__ import annotations

import re

from extract.context import ArticleContext
from extract.mentions import Mention
from extract.normalise import canonical_org, is_organisation
from ontology.organisations import classify
from extract.sentence import Sentence

STUDIO_KIND = (r"(?:劳模和工匠人才创新工作室|劳模工匠人才创新工作室|劳模和工匠人才工作室|劳模创新工作室|工匠人才创新工作室|"
               r"工匠创新工作室|女职工创新工作室|职工创新工作室|技能大师工作室|大师工作室|创新工作室)")
LEADER_REACH = 10  # characters before a studio's kind where its leader's name may start
STUDIO_SUFFIX = re.compile(rf"(?:(?!领衔|牵头|的)[\u4e00-\u9fff]){{0,6}}?{STUDIO_KIND}")  # 罗文斌|电力技能|创新工作室


BRACKETED_HOST = re.compile(r"[”\"]?[（(]([^（）()。；]{4,60})[）)]")
# The host's field in a studio's bracket: （领衔人：赵国良，依托单位：鹤山市人民医院）.
HOST_FIELD = re.compile(r"(?:依托单位|依托|所在单位|建设单位|创建单位|单位)[：:]\s*([^，,；;：:]{4,40})")
CONFERRERS = ("Union", "GovernmentBody")  # the bodies that name studios, not the ones hosting them


# A studio written right after its host under a name of its own: …有限公司“绿野”园林工匠创新工作室
HOSTED_STUDIO = re.compile(rf"(?:“[^”]{{1,10}}”)?(?:(?!的|领衔|牵头|成立|建成|组建|创建|挂牌|建立)[\u4e00-\u9fffA-Za-z]){{0,10}}?"
                           rf"{STUDIO_KIND}")


def studio_mentions(sent: Sentence) -> list[Mention]:
    """Studios named after a person in the sentence, or written right after their host, as
    units that can receive an honour."""
    out = []
    for person in sent.of("PER"):
        m = STUDIO_SUFFIX.match(sent.text, sent.local(person)[1])
        if m:
            out.append(Mention("ORG", person.start, sent.start + m.end(), person.text + m.group(0)))
    honours = [sent.local(h) for h in sent.of("HONOUR")]
    for host in sent.of("ORG"):
        m = HOSTED_STUDIO.match(sent.text, sent.local(host)[1])
        if m is None or any(s < m.end() and m.start() < e for s, e in honours) or any(
                o.start <= sent.start + m.start() < o.end for o in out):
            continue
        out.append(Mention("ORG", sent.start + m.start(), sent.start + m.end(), m.group(0)))
    return out


def bracket_host(content: str) -> str | None:
    """The host a studio's bracket names: all of it (（博罗县人民医院）) or its host field
    (（领衔人：赵国良，依托单位：鹤山市人民医院）); None when it names no host."""
    if field := HOST_FIELD.search(content):
        return field.group(1)
    return None if re.search(r"[，,：:]", content) else content


def _named_studio_leaders(sent: Sentence, ctx: ArticleContext) -> list[Mention]:
    """A person the article names, written at the start of a studio's name where the model read
    the name into something else (“罗锦辉劳模|创新工作室”, 李锦泉电力运维创新工作室 untagged)."""
    tagged = [sent.local(p) for p in sent.of("PER")]
    found = []
    for kind in re.finditer(STUDIO_KIND, sent.text):
        for start in range(max(0, kind.start() - LEADER_REACH), kind.start()):
            name = next((sent.text[start:start + n] for n in (4, 3, 2) if sent.text[start:start + n] in ctx.people), None)
            if name and not any(s < start + len(name) and start < e for s, e in tagged) \
                    and (m := STUDIO_SUFFIX.match(sent.text, start + len(name))) and m.end() == kind.end():
                found.append(Mention("PER", sent.start + start, sent.start + start + len(name), name))
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
        after = BRACKETED_HOST.match(sent.text, m.end())  # X工作室（广东精锐机械制造有限公司）
        named = bracket_host(after.group(1)) if after else None
        bracketed = canonical_org(named, ctx) if named else None
        hosts = [canonical_org(o.text, ctx) for o in sent.of("ORG") if sent.local(o)[1] <= sent.local(person)[0]]
        hosts = [h for h in hosts if classify(h).kind not in CONFERRERS]  # 区总工会新命名…: not the host
        host = bracketed if bracketed and is_organisation(bracketed) else hosts[-1] if hosts else None
        out.append({"name": person.text + m.group(0), "leader": person.text, "host": host})
    return out
