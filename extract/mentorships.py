"""Master–apprentice ties read from one sentence (``徒弟张卫东``, ``师从王五``, ``师傅是…Y``)."""
from __future__ import annotations

import re

from extract.context import ArticleContext
from extract.mentions import Mention
from extract.sentence import JOINERS, Sentence

MENTOR_CUE = re.compile(r"徒弟|学徒|弟子|师从")
MASTER_IS = re.compile(r"师傅(?:是|为)[^，。；]*$")  # 她的师傅是广东省工艺美术大师、…公司彩绘车间主任|陈淑贞
APPRENTICE_OF = re.compile(r"的(?:徒弟|弟子|学徒)")
TAKES_PUPIL = re.compile(r"[^，。；]{0,6}?收(?P<pronoun>她|他)?为(?:徒弟|徒|弟子)")  # 老焊工X却主动收她为徒
# 跟着师傅刘国华学爬塔; 带她入门的师傅、时任公司电工组长的周国强
MASTER_BEFORE = re.compile(r"(?:跟着|跟随|拜)?(?:老)?(?:师傅|师父)(?:、[^，。；、“”]{1,24}?的)?$")
# 带出徒弟15名，其中A、B…: the apprentices named after a count of them
APPRENTICES_NAMED = re.compile(r"(?:徒弟|弟子|学徒)[^。；]{0,16}?(?:其中|包括|分别是|有)[：:]?")


def mentorships(sent: Sentence, subject: Mention | None, ctx: ArticleContext | None = None) -> list[dict]:
    """``徒弟张卫东`` / ``师从王五`` / ``X也是Y的徒弟`` / ``师傅是…Y``: master → apprentice.

    A master written in the sentence (``Y的徒弟``, ``师傅是Y``) is taken as written. Else the
    other side of ``徒弟X`` is the sentence's first person not listed as an apprentice in it
    (徒弟A…，另一名徒弟B: B is not A's), or the person the passage is about.
    """
    out = []
    people = sent.of("PER")
    apprentices = ctx.apprentices if ctx is not None else set()
    listed: set[str] = set()  # apprentices this sentence lists: 徒弟A…，另一名徒弟B (B is not A's)
    run: tuple[int, str] | None = None  # where the last apprentice named after 徒弟 ends, and the master
    for person in people:
        p_start, p_end = sent.local(person)
        if m := MASTER_IS.search(sent.text[max(0, p_start - 40):p_start]):  # (她的)师傅是…陈淑贞
            before = [p for p in people if sent.local(p)[1] <= p_start - len(m.group(0)) and p.text != person.text]
            pupil = before[-1] if before else subject
            if pupil is not None and pupil.text != person.text:
                out.append({"master": person.text, "apprentice": pupil.text})
            continue
        if APPRENTICE_OF.match(sent.text, p_end):  # 罗锦辉的徒弟: the one before 是 is the apprentice
            before = [p for p in people if sent.local(p)[1] <= p_start]
            pupil = before[-1] if before and re.search(r"是$", sent.text[:p_start]) else None
            if pupil is not None:
                out.append({"master": person.text, "apprentice": pupil.text})
                apprentices.add(pupil.text)
            continue
        if (took := TAKES_PUPIL.match(sent.text, p_end)) and took.group("pronoun") and subject is not None:
            if subject.text != person.text:
                if ctx is not None:
                    ctx.masters.add(person.text)  # the pronoun after this is the pupil, the worker
                out.append({"master": person.text, "apprentice": subject.text})
            continue
        if MASTER_BEFORE.search(sent.text, 0, p_start):  # 跟着师傅刘国华学: the worker's master
            before = [p for p in people if sent.local(p)[1] <= p_start and p.text != person.text]
            pupil = before[0].text if before else _worker(subject, ctx)
            if ctx is not None:
                ctx.masters.add(person.text)  # a pronoun after this is still the worker, not the master
            if pupil is not None and pupil != person.text:
                out.append({"master": person.text, "apprentice": pupil})
            continue
        if (named := _named_apprentice(sent, person, people)) is not None:
            master = named or _worker(subject, ctx)
            if master is not None and master != person.text:
                out.append({"master": master, "apprentice": person.text})
                apprentices.add(person.text)
            continue
        if run is not None and sent.text[run[0]:p_start] in JOINERS:  # 徒弟A、B和C: each the master's
            out.append({"master": run[1], "apprentice": person.text})
            apprentices.add(person.text)
            listed.add(person.text)
            run = (p_end, run[1])
            continue
        window = sent.text[max(0, p_start - 6):p_start]
        cue = MENTOR_CUE.search(window)
        if not cue or (cue.group(0) != "师从" and len(window) - cue.end() > 1):
            continue  # 师从老钳工何炳坤 may name the master's trade; 徒弟 stands right before a name
        if cue.group(0) == "师从" and ctx is not None:
            ctx.masters.add(person.text)  # a pronoun after this is still the worker, not the master
        if cue.group(0) != "师从":
            apprentices.add(person.text)
            listed.add(person.text)
        others = [p for p in people if p.text != person.text and sent.local(p)[0] < p_start
                  and p.text not in listed]
        owner = [p for p in others if sent.local(p)[1] == p_start - len(window) + cue.start() - 1
                 and sent.text[sent.local(p)[1]] == "的"]  # 为李强的徒弟张小梅颁发: 李强's pupil
        others = owner or others
        master = others[0].text if others else _worker(subject, ctx)
        if master is None or master == person.text:
            continue
        pair = (person.text, master) if cue.group(0) == "师从" else (master, person.text)
        out.append({"master": pair[0], "apprentice": pair[1]})
        run = (p_end, master) if cue.group(0) != "师从" else None
    return out + _paired(sent, {(m["master"], m["apprentice"]) for m in out})


def _worker(subject: Mention | None, ctx: ArticleContext | None) -> str | None:
    """Whom the passage is about, on the other side of a master or apprentice named alone:
    the last person named who is nobody's apprentice, else the pronoun's subject."""
    if ctx is not None and ctx.protagonist:
        return ctx.protagonist
    return subject.text if subject is not None else None


# A与B、C，D与E分别签订师徒协议: pairs made at a ceremony, the master written first, right before the verb
PAIRING = re.compile(r"(?:分别)?(?:签订|签署|签下)(?:了)?师徒(?:协议|合同|结对协议)|(?:分别)?结成师徒(?:对子)?|(?:分别)?结为师徒")


def _paired(sent: Sentence, known: set[tuple[str, str]]) -> list[dict]:
    """Master and apprentices written ``A与B、C`` in a sentence that pairs them as 师徒."""
    cue = PAIRING.search(sent.text)
    if cue is None:
        return []
    lead = sent.begin(cue.start(), "。；;：:")  # the pairs run up to the verb
    people = [p for p in sent.of("PER") if lead <= sent.local(p)[0] and sent.local(p)[1] <= cue.start()]
    if not people or sent.local(people[-1])[1] != cue.start():
        return []  # 王建国与李强共同见证了…拜师仪式: no pairs written right before the verb
    out = []
    master = None
    for prev, person in zip(people, people[1:]):
        gap = sent.text[sent.local(prev)[1]:sent.local(person)[0]]
        if gap == "与":
            master = prev.text  # A与B: A the master, B the first apprentice
        elif gap != "、":
            master = None  # 、C continues the run; ，D与E or anything else ends it (D's 与 starts the next)
        if master is not None and master != person.text and (master, person.text) not in known:
            out.append({"master": master, "apprentice": person.text})
    return out


def _named_apprentice(sent: Sentence, person: Mention, people: list[Mention]) -> str | None:
    """For a person named among the apprentices a count announced (``带出徒弟15名，其中A、B``):
    the master written before the count ('' when none is), else None."""
    p_start = sent.local(person)[0]
    cues = list(APPRENTICES_NAMED.finditer(sent.text, 0, p_start))
    if not cues:
        return None
    cue = cues[-1]
    between = sent.text[cue.end():p_start]
    for other in people:
        if cue.end() <= sent.local(other)[0] < p_start:
            between = between.replace(other.text, "", 1)
    if re.sub(r"[、和及与\s]", "", between):
        return None  # the list of names ended before this person
    masters = [p for p in people if sent.local(p)[1] <= cue.start()]
    return masters[-1].text if masters else ""
