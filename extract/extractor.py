"""Articles in, facts out: mentions found, relations read, everything with evidence.

:func:`extract_article` runs the spaCy pipeline (LAC tokens and entities) over an
article, adds the domain mentions (organisation suffixes, honours, titles), and reads
relations sentence by sentence. Offsets are mapped back to the original file through
the article's character map, so each fact's evidence points into the file.
"""
from __future__ import annotations

import re
from collections import Counter

from extract.context import ArticleContext, article_context
from extract.document import Article
from extract.facts import Evidence, Fact
from extract.honours import honour_mentions
from extract.lists import list_awards
from extract.mentions import Mention, is_person_name
from extract.normalise import canonical_org
from extract.relations import Sentence, awards, events, mentorships, positions, studios
from extract.nlp import get_nlp

ORG_SUFFIX = re.compile(
    r"[\u4e00-\u9fff（）()·]{2,30}?(?:有限公司|股份有限公司|分公司|集团|总工会|工会联合会|工联会|工会|"
    r"委员会|人大常委会|人民政府|研究院|研究所|学院|大学|学校|医院|银行|局|厅|办公室|协会|中心|"
    r"车间|班组|项目部|工区|作业区|分厂|实验室|站|队)"
)
SENT_END = re.compile(r"(?<=[。！？!?])[”’\"]?|\n")
MONTH_DAY = re.compile(r"(\d{1,2})月(\d{1,2})日")


def _sentences(text: str) -> list[tuple[int, int]]:
    spans, start = [], 0
    for m in SENT_END.finditer(text):
        end = m.end()
        if text[start:end].strip():
            spans.append((start, end))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _mentions(doc, text: str) -> list[Mention]:
    found = [Mention(e.label_, e.start_char, e.end_char, e.text) for e in doc.ents if e.label_ in ("PER", "ORG", "LOC")]
    found = [m for m in found if m.label != "PER" or is_person_name(m.text)]
    orgs = [m for m in found if m.label == "ORG"]
    for org in orgs:  # complete an ORG with the suffix words that follow it (…公司公交分公司)
        m = ORG_SUFFIX.match(text, org.end)
        if m and m.start() == org.end and len(m.group(0)) <= 12:
            found.remove(org)
            found.append(Mention("ORG", org.start, m.end(), text[org.start:m.end()]))
    found.extend(honour_mentions(text))
    return sorted(found, key=lambda m: (m.start, -m.end))


def _main_person(people: list[Mention]) -> str | None:
    counts = Counter(p.text for p in people)
    return counts.most_common(1)[0][0] if counts else None


def extract_article(article: Article, *, doc_text: str = "", nlp=None) -> list[Fact]:
    """Facts stated in one article, each with evidence in the original file."""
    nlp = nlp or get_nlp()
    text = article.text
    doc = nlp(text)
    ctx = article_context(text, doc_text=doc_text)
    mentions = _mentions(doc, text)
    year = article.date.year
    master = _main_person([m for m in mentions if m.label == "PER"])
    facts: list[Fact] = []

    def emit(kind: str, fields: dict, start: int, end: int, confidence: float) -> None:
        s, e = article.source_span(start, end)
        quote = text[start:end].strip()
        facts.append(Fact(kind, fields, Evidence(article.doc, s, e, quote), confidence, article.index))

    def date_of(sentence: str) -> str | None:
        m = MONTH_DAY.search(sentence)
        if m and year:
            return f"{year:04d}-{int(m[1]):02d}-{int(m[2]):02d}"
        y = re.search(r"((?:19|20)\d{2})年", sentence)
        return y.group(1) if y else None

    seen_people: set[str] = set()
    seen_orgs: set[str] = set()
    for s_start, s_end in _sentences(text):
        sent = Sentence(text[s_start:s_end], s_start, [m for m in mentions if s_start <= m.start and m.end <= s_end])
        for m in sent.of("PER"):
            if m.text not in seen_people:
                seen_people.add(m.text)
                emit("person", {"name": m.text}, s_start, s_end, 0.9)
        for m in sent.of("ORG"):
            name = canonical_org(m.text, ctx)
            if name not in seen_orgs and len(name) >= 3:
                seen_orgs.add(name)
                emit("organisation", {"name": name}, s_start, s_end, 0.8)
        for fields in positions(sent, ctx):
            emit("position", fields, s_start, s_end, 0.8)
        subject = next((m for m in reversed(mentions) if m.label == "PER" and m.end <= s_start), None)
        for fields in awards(sent, ctx, year, subject, dated_news=article.date.precision == "day"):
            emit("award", fields, s_start, s_end, 0.8)
        for fields in studios(sent, ctx):
            emit("studio", fields, s_start, s_end, 0.7)
        for fields in mentorships(sent, master):
            emit("mentorship", fields, s_start, s_end, 0.6)
        for fields in events(sent, ctx, date_of):
            emit("event", fields, s_start, s_end, 0.6)
    list_awards(text, mentions, ctx, year, lambda fields, s, e: emit("award", fields, s, e, 0.8))
    return _dedupe(facts)


IDENTITY = {"award": ("recipient", "honour"), "position": ("person", "organisation", "title"),
            "studio": ("name",), "event": ("name",), "mentorship": ("master", "apprentice"),
            "person": ("name",), "organisation": ("name",)}


def _dedupe(facts: list[Fact]) -> list[Fact]:
    """One fact per identity within an article; a later statement fills fields left empty."""
    kept: dict[tuple, Fact] = {}
    for fact in facts:
        key = (fact.type, *(fact.fields.get(k) for k in IDENTITY[fact.type]))
        if key not in kept:
            kept[key] = fact
            continue
        first = kept[key].fields
        for name, value in fact.fields.items():
            if first.get(name) in (None, [], "") and value not in (None, [], ""):
                first[name] = value
    return list(kept.values())
