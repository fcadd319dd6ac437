"""A lineage as an SVG timeline figure for an article: bands along an axis (years, generations or
roles), one card per honour or person, names also in pinyin and honours also in English, the
sources listed under the figure.

The SVG is built with ElementTree (so every text is escaped), starts with an XML declaration, is
UTF-8, and names a CJK font list so Chinese is drawn wherever one of them is installed.

>>> from queries.lineage_model import Column, Entry, Lineage
>>> figure = Lineage("person", "p1", "侯嘉杰", "Hou Jiajie", ("荣誉", "Honours"), (Column("year", "年份", "Year"),),
...                  [Entry({"year": 2023, "honour": "广东省五一劳动奖章"})])
>>> lineage_svg(figure).startswith('<?xml version="1.0" encoding="UTF-8"?>')
True
"""
from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ontology.schema import load_ontology
from queries.lineage_model import Entry, Lineage, Source, level_label

FONT = ("'Noto Sans CJK SC', 'Source Han Sans SC', 'Microsoft YaHei', 'PingFang SC', "
        "'Hiragino Sans GB', 'WenQuanYi Micro Hei', 'Noto Sans', Arial, sans-serif")
SVG_NS = "http://www.w3.org/2000/svg"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
UNDATED = "年份不详 / undated"

# sizes in px: (font size, line height, colour) for each kind of line
STYLES = {"title": (18, 26, "#1a1a1a"), "band": (14, 20, "#1a1a1a"), "main": (15, 21, "#1a1a1a"),
          "en": (12, 17, "#444444"), "detail": (11, 16, "#666666"), "note": (11, 16, "#444444")}
MARGIN, BAND_WIDTH, GAP, PAD, CARD_GAP = 24, 230, 44, 8, 10


@dataclass
class Card:
    """One box: lines of (text, style), the ontology class that colours it, a key for connectors."""

    lines: list[tuple[str, str]]
    kind: str
    key: str | None = None


@dataclass
class Figure:
    """Bands along the axis, each with its cards, and connectors between cards (by key)."""

    bands: list[tuple[str, list[Card]]]
    edges: list[tuple[str, str]] = field(default_factory=list)


# -- text measure ----------------------------------------------------------------------------------
def _width(text: str, size: int) -> float:
    """Estimated width of ``text``: CJK and full-width characters 1 em, others 0.55 em."""
    return sum(size if ord(ch) >= 0x2E80 else 0.55 * size for ch in text)


def _wrap(text: str, size: int, width: float) -> list[str]:
    """``text`` broken into lines no wider than ``width``: at spaces for Latin, anywhere for CJK."""
    lines, line = [], ""
    for token in _tokens(text):
        if line and _width(line + token, size) > width:
            lines.append(line.rstrip())
            line = token.lstrip()
        else:
            line += token
        while _width(line, size) > width and len(line) > 1:  # one token too long for a line
            cut = max(i for i in range(1, len(line) + 1) if _width(line[:i], size) <= width or i == 1)
            lines.append(line[:cut])
            line = line[cut:]
    return lines + ([line.rstrip()] if line.strip() else [])


def _tokens(text: str) -> list[str]:
    """Words with their following space for Latin text, single characters for CJK."""
    tokens, word = [], ""
    for ch in text:
        if ord(ch) >= 0x2E80:
            tokens += [word, ch] if word else [ch]
            word = ""
        else:
            word += ch
            if ch == " ":
                tokens.append(word)
                word = ""
    return [t for t in tokens + [word] if t]


# -- a lineage as bands of cards ----------------------------------------------------------------
def _refs(entry: Entry, numbers: dict[Source, int]) -> str:
    return "".join(f"[{numbers[s]}]" for s in entry.sources)


def _by_year(lineage: Lineage, card: Callable[[Entry], Card]) -> Figure:
    bands: dict[Any, list[Card]] = {}
    for entry in lineage.entries:
        bands.setdefault(entry.values.get("year"), []).append(card(entry))
    ordered = sorted(bands, key=lambda y: (y is None, y or 0))
    return Figure([(UNDATED if y is None else str(y), bands[y]) for y in ordered])


def _person_figure(lineage: Lineage, numbers: dict[Source, int]) -> Figure:
    def card(e: Entry) -> Card:
        v = e.values
        detail = " · ".join(x for x in (level_label(v.get("level")) if v.get("level") else None,
                                        v.get("conferred_by"), v.get("edition")) if x)
        return Card([(v["honour"], "main"), (v.get("honour_en") or "", "en"), (detail, "detail"),
                     (_refs(e, numbers), "detail")], "Honour")

    return _by_year(lineage, card)


def _honour_figure(lineage: Lineage, numbers: dict[Source, int]) -> Figure:
    def card(e: Entry) -> Card:
        v = e.values
        detail = " · ".join(x for x in (v.get("edition"), v.get("organisation")) if x)
        kind = "Person" if v.get("recipient_kind") == "person" else "Organisation"
        return Card([(v["recipient"], "main"), (v.get("recipient_pinyin") or "", "en"), (detail, "detail"),
                     (_refs(e, numbers), "detail")], kind)

    return _by_year(lineage, card)


def _studio_figure(lineage: Lineage, numbers: dict[Source, int]) -> Figure:
    refs = "".join(f"[{n}]" for n in numbers.values())
    hosts = [e for e in lineage.entries if e.values["relation"] == "host"]
    leaders = [e for e in lineage.entries if e.values["relation"] == "leader"]
    studio = Card([(lineage.name, "main"), (refs, "detail")], "Studio", "studio")
    bands = [("依托单位 / Host", [Card([(e.values["name"], "main"), (level_label(e.values.get("level")), "detail")],
                                    "Organisation", f"host{i}") for i, e in enumerate(hosts)]),
             ("工作室 / Studio", [studio]),
             ("领衔人 / Leader", [Card([(e.values["name"], "main"), (e.values.get("name_en") or "", "en")],
                                    "Person", f"leader{i}") for i, e in enumerate(leaders)]),
             ("成员 / Members", [Card([(lineage.notes[0][1] if lineage.notes else "", "detail")], "Person")])]
    edges = [(f"host{i}", "studio") for i in range(len(hosts))] + [("studio", f"leader{i}") for i in range(len(leaders))]
    return Figure(bands, edges)


def _generation_label(g: int) -> str:
    if g < 0:
        return f"上{-g}代师傅 / {-g} up"
    return "本人 / subject" if g == 0 else f"第{g}代徒弟 / generation {g}"


def _mentor_figure(lineage: Lineage, numbers: dict[Source, int]) -> Figure:
    bands: dict[int, dict[str, Card]] = {0: {lineage.id or "": Card([(lineage.name, "main"),
                                                                    (lineage.name_en or "", "en")], "Person", lineage.id)}}
    edges = []
    for e in lineage.entries:
        v, g = e.values, e.values["generation"]
        ends = (g - 1, g) if g > 0 else (g, g + 1)
        for band, role in zip(ends, ("master", "apprentice")):
            bands.setdefault(band, {}).setdefault(v[f"{role}_id"], Card(
                [(v[role], "main"), (v.get(f"{role}_pinyin") or "", "en")], "Person", v[f"{role}_id"]))
        bands[ends[1]][v["apprentice_id"]].lines.append((_refs(e, numbers), "detail"))
        edges.append((v["master_id"], v["apprentice_id"]))
    return Figure([(_generation_label(g), list(bands[g].values())) for g in sorted(bands)], edges)


FIGURES: dict[str, Callable[[Lineage, dict[Source, int]], Figure]] = {
    "person": _person_figure, "honour": _honour_figure, "studio": _studio_figure, "mentor": _mentor_figure}


# -- drawing ---------------------------------------------------------------------------------------
def _text(parent: ET.Element, x: float, y: float, text: str, style: str, **attrs: str) -> None:
    size, _, colour = STYLES[style]
    weight = {"font-weight": "bold"} if style in ("title", "band", "main") else {}
    node = ET.SubElement(parent, "text", {"x": f"{x:.0f}", "y": f"{y:.0f}", "font-size": str(size),
                                          "fill": colour, **weight, **attrs})
    node.text = text


def _card_lines(card: Card) -> list[tuple[str, str]]:
    width = BAND_WIDTH - 2 * PAD
    return [(line, style) for text, style in card.lines if text
            for line in _wrap(text, STYLES[style][0], width)]


def _draw_card(svg: ET.Element, card: Card, x: float, y: float, colours: dict[str, str]) -> float:
    """Draw ``card`` with its top-left corner at (x, y); return its height."""
    lines = _card_lines(card)
    height = 2 * PAD + sum(STYLES[s][1] for _, s in lines)
    ET.SubElement(svg, "rect", {"x": f"{x:.0f}", "y": f"{y:.0f}", "width": str(BAND_WIDTH), "height": f"{height:.0f}",
                                "rx": "6", "fill": "#ffffff", "stroke": colours.get(card.kind, "#888888"),
                                "stroke-width": "2"})
    baseline = y + PAD
    for line, style in lines:
        baseline += STYLES[style][1]
        _text(svg, x + PAD, baseline - 5, line, style)
    return height


def _footer(numbers: dict[Source, int], width: float) -> list[str]:
    lines = ["出处 / Sources:"] if numbers else []
    for source, n in numbers.items():
        title = f" 《{source.title}》" if source.title else ""
        date = f" ({source.date})" if source.date else ""
        lines += _wrap(f"[{n}] {source.file}{title}{date}: “{source.quote}”", STYLES["note"][0], width)
    return lines


def lineage_svg(lineage: Lineage) -> str:
    """The lineage as an SVG figure (UTF-8 text with an XML declaration)."""
    numbers = lineage.footnotes()
    figure = FIGURES[lineage.kind](lineage, numbers)
    colours = {name: cls.color for name, cls in load_ontology().classes.items()}
    bands = figure.bands or [("—", [Card([(lineage.empty, "detail")], "")])]
    width = max(2 * MARGIN + len(bands) * BAND_WIDTH + (len(bands) - 1) * GAP, 640)
    title = _wrap(lineage.title(), STYLES["title"][0], width - 2 * MARGIN)
    footer = _footer(numbers, width - 2 * MARGIN)

    svg = ET.Element("svg", {"xmlns": SVG_NS, "version": "1.1", "font-family": FONT, XML_LANG: "zh-Hans"})
    ET.SubElement(svg, "title").text = lineage.title()
    ET.SubElement(svg, "rect", {"width": "100%", "height": "100%", "fill": "#ffffff"})
    y = MARGIN
    for line in title:
        y += STYLES["title"][1]
        _text(svg, MARGIN, y - 6, line, "title")
    axis = y + 44
    ET.SubElement(svg, "line", {"x1": str(MARGIN), "y1": str(axis), "x2": str(width - MARGIN), "y2": str(axis),
                                "stroke": "#999999", "stroke-width": "2"})
    boxes: dict[str, tuple[float, float, float]] = {}  # key → (x, y, height)
    bottom = axis
    for i, (label, cards) in enumerate(bands):
        x = MARGIN + i * (BAND_WIDTH + GAP)
        ET.SubElement(svg, "circle", {"cx": f"{x + BAND_WIDTH / 2:.0f}", "cy": str(axis), "r": "5", "fill": "#555555"})
        _text(svg, x + BAND_WIDTH / 2, axis - 12, label, "band", **{"text-anchor": "middle"})
        top = axis + 18
        for card in cards:
            height = _draw_card(svg, card, x, top, colours)
            if card.key:
                boxes[card.key] = (x, top, height)
            top += height + CARD_GAP
        bottom = max(bottom, top)
    for start, end in figure.edges:
        if start in boxes and end in boxes:
            (x1, y1, h1), (x2, y2, h2) = boxes[start], boxes[end]
            ET.SubElement(svg, "line", {"x1": f"{x1 + BAND_WIDTH:.0f}", "y1": f"{y1 + h1 / 2:.0f}", "x2": f"{x2:.0f}",
                                        "y2": f"{y2 + h2 / 2:.0f}", "stroke": "#888888", "stroke-width": "1.5"})
    y = bottom + 10
    for line in footer:
        y += STYLES["note"][1]
        _text(svg, MARGIN, y, line, "note")
    height = y + MARGIN
    svg.set("width", f"{width:.0f}")
    svg.set("height", f"{height:.0f}")
    svg.set("viewBox", f"0 0 {width:.0f} {height:.0f}")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(svg, encoding="unicode") + "\n"
