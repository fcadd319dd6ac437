"""Repair text pulled out of PDFs: rejoin broken lines, keep paragraphs, tidy characters.

PDF text layers break lines inside words and names (``张\\n\\n振飚``), put blank lines
between every line, space out justified characters (``职 工 发 放``) and mix half- and
full-width forms. :func:`repair` undoes this and keeps, for every output character,
its offset in the input, so evidence can always be traced back to the original file.

>>> r = repair("省总工会一级巡视员张\\n\\n振飚，湛江市委副书记李勇毅出席。")
>>> r.text
'省总工会一级巡视员张振飚，湛江市委副书记李勇毅出席。'
>>> r.offsets[10]  # '振' sits after the two newlines in the input
12
"""
from __future__ import annotations

import re
import statistics
from bisect import bisect_left
import unicodedata
from dataclasses import dataclass

# Punctuation that ends a paragraph when it ends a line.
TERMINAL = set("。！？!?…」』】")
CLOSING_QUOTES = set("”’\"')）")
# Punctuation that shows a line is running prose, not a heading or a table cell.
PROSE_PUNCTUATION = set("，。、；：！？,;:!?（）()")
# Punctuation of running sentences: a list line may hold brackets, colons and 、 (莞城街道：许锐彬（…公司）、…).
SENTENCE_PUNCTUATION = PROSE_PUNCTUATION - set("（）()：:、")
# A line starting with one of these begins a new paragraph.
PARAGRAPH_START = re.compile(
    r"^(?:[●■□◆◇▲△★☆•·▶►※]|（[一二三四五六七八九十]+）|[一二三四五六七八九十]+是|"
    r"[一二三四五六七八九十]+、|\d{1,2}[.、．](?!\d)|——|按[：:]|本报讯|文 ?[|｜]|来源 ?[|｜]|"
    r"作者 ?[|｜]|摄影 ?[|｜])"
)
# Byline lines keep their spaces: they separate several names (文 | 黎蔚 孙中伟).
BYLINE = re.compile(r"^\s*(?:文|作者|来源|摄影|摄|编辑|记者|通讯员|□)\s*[|｜/]?|[|｜]")
# A line of a name list or table: a short name, a gap, then more text.
# 张建华 佛山市…技术员 / 陈　雯（女）　…护士长 / 许锐彬（广东…有限公司）: a name, then its unit
LIST_ITEM = re.compile(r"^[\u4e00-\u9fff]\u3000?[\u4e00-\u9fff]{1,3}(?:[（(][男女][）)])?"
                       r"(?:[ \u3000\t]+[\u4e00-\u9fff]|[ \u3000]*[（(][^（）()]{4,40}[）)]$)")
NAME_AND_UNIT = re.compile(r"[\u4e00-\u9fff]{2,4}[（(][^（）()，。]{4,40}[）)]")  # 黄海燕（茂名市人民医院）
SENTENCE_INSIDE = re.compile(r"[，。；！？,;!?]")
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d{1,2}[.、．](?!\d))")
UNIT_ENDINGS = r"(?:公司|集团|厂|医院|科|部|班|组|队|中心|学校|局|站|所|室|会|车间|社|院)"
UNIT_END = re.compile(UNIT_ENDINGS + "$")
HOSTED_ROW = re.compile(rf"^[^，。；\s]{{2,30}}?(?:{UNIT_ENDINGS}|工作室)[（(][^（）()。；]{{2,60}}[）)]$")  # X工作室（依托单位）
# A list's row: a unit, a gap, its people (广东澜石铝型材有限公司 苏家辉、陈永健).
UNIT_ROW = re.compile(rf"^[^，。；\s]{{4,40}}?{UNIT_ENDINGS}[ \u3000]+[\u4e00-\u9fff]{{2,4}}(?:、[\u4e00-\u9fff]{{2,4}})*$")
# A list's heading: what it lists, a note in brackets, a colon (部分东莞市劳动模范名单（按镇街排列）：).
LIST_HEADING_TEXT = (r"(?:名单|获得者|获奖者|奖章|奖状|先锋号|模范|工匠|能手|标兵|工作者|集体|个人|单位|职工)"
                     r"(?:[（(][^（）()]{1,20}[）)])?[：:]")
LIST_HEADING = re.compile(LIST_HEADING_TEXT + "$")
DATE_ONLY = re.compile(r"^[^，。；\d]{0,8}[：:]?\s*(?:19|20)\d{2}\s*[-年./]\s*\d{1,2}\s*[-月./]\s*\d{1,2}\s*日?$")
HEADING_LINE = re.compile(r"^(?!(?:19|20)\d{2}年)[^，。；：:、]{2,30}?(?:名单|获得者|获奖者|获奖单位|获奖集体|获奖个人)(?:[（(][^（）()]{1,20}[）)])?[：:]?$")
COLUMNS = re.compile(r"[\u4e00-\u9fff]{2}[ \u3000]+[\u4e00-\u9fff]{2}")  # a row of a list: 单位A 单位B
LIST_LEAD = re.compile(r"^[^，。；：:]{2,20}?" + LIST_HEADING_TEXT)  # a line that starts with a list's heading
LABELLED = re.compile(r"^[\u4e00-\u9fff]{2,10}[：:]")  # a list line under a label: 莞城街道：…, 电工：…
PLACE_START = re.compile(r"^[\u4e00-\u9fff]{2,3}[省市县区](?![长委])")
# Half-width punctuation turned full-width next to Chinese text.
TO_FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# Lines that close an item: a photo credit (/ 林景余摄) or a source tag (（赵文清）).
ATTRIBUTION = re.compile(r"^[（(][^（）()]{1,12}[）)]$|[（(]\d+\s*[名个人家项][）)][:：]?$|[/／]\s*\S{2,8}摄$|(?:摄影|供图|图片|图)\s*[|｜]")
# A list's heading with its count: 海丰县五一劳动奖状（4个）, 先进工作者（6名）：
COUNT_HEADING = re.compile(r"^[^，。；：:、]{2,30}[（(]\d+\s*[名个人家项][）)][:：]?$")
# A space before one of these separates credits: （记者黄细英 通讯员霍嘉琪）.
ROLE_WORD = re.compile(r"通讯员|记者|摄影|摄像|编辑|作者|实习生")
MARKUP = re.compile(r"\*\*")  # bold markers left by some converters


@dataclass(frozen=True)
class Repaired:
    """Repaired text and, for each of its characters, the offset in the input."""

    text: str
    offsets: list[int]


def is_cjk(ch: str) -> bool:
    """True for a Chinese character (CJK unified ideographs and extensions)."""
    if len(ch) != 1:
        return False
    code = ord(ch)
    return (
        0x4E00 <= code <= 0x9FFF
        or 0x3400 <= code <= 0x4DBF
        or 0x20000 <= code <= 0x3134F
        or 0xF900 <= code <= 0xFAFF
    )


def _is_cjk_text(ch: str) -> bool:
    """A Chinese character or Chinese (full-width) punctuation."""
    if len(ch) != 1:
        return False
    return is_cjk(ch) or 0x3000 <= ord(ch) <= 0x303F or 0xFF00 <= ord(ch) <= 0xFFEF or ch in "“”‘’—…·"


@dataclass
class _Line:
    text: str  # the line without its newline
    start: int  # offset of text[0] in the input

    @property
    def stripped(self) -> str:
        """The line without surrounding whitespace."""
        return self.text.strip()


def _lines(text: str) -> list[_Line]:
    lines, pos = [], 0
    for raw in text.split("\n"):
        lines.append(_Line(raw, pos))
        pos += len(raw) + 1
    return lines


def _typical_widths(lines: list[_Line], window: int = 12) -> list[float]:
    """For each line, the typical width of prose lines around it (column width)."""
    lengths = [len(ln.stripped) for ln in lines]
    prose = [i for i, ln in enumerate(lines) if ln.stripped and any(c in SENTENCE_PUNCTUATION for c in ln.stripped)]
    widths = []
    for i in range(len(lines)):
        at = bisect_left(prose, i)
        near = [lengths[j] for j in prose[max(0, at - window): at + window]]
        widths.append(float(statistics.median(near)) if near else 0.0)
    return widths


def _ends_paragraph(prev: str, nxt: str, width: float, blank_between: bool) -> bool:
    """Whether the line break between ``prev`` and ``nxt`` is a paragraph break."""
    last = prev[-1]
    if last in CLOSING_QUOTES and len(prev) > 1 and prev[-2] in TERMINAL:
        return True
    if last in TERMINAL or "\t" in prev or "\t" in nxt or ATTRIBUTION.search(prev):
        return True
    if PARAGRAPH_START.match(nxt) or BYLINE.match(nxt) or BYLINE.match(prev):
        return True
    if DATE_ONLY.match(prev) or DATE_ONLY.match(nxt):
        return True  # 发布时间：2022-04-28 on a line of its own, between the title and the body
    if LIST_ITEM.match(prev) or LIST_ITEM.match(nxt):
        return True  # 张建华 佛山市某某机械有限公司技术员: a name, a gap, a unit
    if NUMBERED.match(prev) and len(prev) <= 30 and not SENTENCE_INSIDE.search(prev[2:]):
        return True  # 三、揭阳市五一劳动奖状: a numbered heading, not a wrapped line
    if (UNIT_ROW.match(prev) and UNIT_ROW.match(nxt)) or (HOSTED_ROW.match(prev) and HOSTED_ROW.match(nxt)):
        return True  # a list's rows: 单位 姓名、姓名 / 单位 姓名; X工作室（依托单位）
    if UNIT_END.search(prev) and PLACE_START.match(nxt):
        return True  # a list of units: …人民医院急诊科 / 汕头市鮀城公交运营有限公司18路车队
    if _unit_list(prev):
        return True  # 东莞鸿泰电子科技有限公司、东莞华晟光电有限公司: a list line of units ends there
    if HEADING_LINE.match(nxt) or (blank_between and COUNT_HEADING.match(nxt)) or (HEADING_LINE.match(prev) and len(prev) <= 30):
        return True  # 长安镇东莞市五一劳动奖章获得者: a list's heading on a line of its own
    if LIST_HEADING.search(prev) and len(prev) <= 48 and not SENTENCE_INSIDE.search(prev + nxt):
        return True  # 广东省五一劳动奖状： over the unit it lists; 部分…名单（按镇街排列）： over 莞城街道：…
    if LABELLED.match(prev) and LABELLED.match(nxt) and not SENTENCE_INSIDE.search(prev):
        return True  # 莞城街道：梁海生（…） / 南城街道：何志远（…）
    if prev.endswith(("如下：", "如下:")):
        return True  # …简介如下： the items below start their own paragraphs
    if last in "：:" and (UNIT_ROW.match(nxt) or HOSTED_ROW.match(nxt)) and SENTENCE_INSIDE.search(prev[:-1]):
        return True  # …名单如下（括号内为依托单位）： over a list's first row
    if (last in "：:" and len(nxt) <= 25 and not SENTENCE_INSIDE.search(nxt)
            and (prev.endswith(("如下：", "如下:")) or SENTENCE_INSIDE.search(prev[:-1]))):
        return True  # …进行了表彰，名单如下： then a list's heading (not a title: 广州市总工会：|“羊城工匠杯”…)
    if last in "，、：；,:;（(“‘《—-" or _open_quote(prev):
        return False
    if blank_between and ((width and len(prev) < 0.6 * width) or LIST_LEAD.match(nxt) or HOSTED_ROW.match(prev)
                          or (COLUMNS.search(prev) and not SENTENCE_INSIDE.search(prev))):
        return True  # a short line, a list's row, or a list's heading after a blank line: not a wrapped line
    has_prose = any(c in PROSE_PUNCTUATION for c in prev)
    full_width = width and len(prev) >= 0.8 * width
    if has_prose or full_width:
        return False
    # A short line with no punctuation: a heading, a caption, a table cell.
    return True


def _unit_list(line: str) -> bool:
    """A line that only lists units: two or more names ending like organisations, between 、 or spaces."""
    pieces = [p for p in re.split(r"[、\s\u3000]+", line) if p]
    return len(pieces) >= 2 and all(UNIT_END.search(p) or NAME_AND_UNIT.fullmatch(p) for p in pieces)


def _open_quote(line: str) -> bool:
    """A quotation or title mark opened on this line and not yet closed."""
    return line.count("“") > line.count("”") or line.count("《") > line.count("》")


def _join_lines(text: str) -> list[tuple[str, int]]:
    """Characters with source offsets, wrapped lines joined, paragraphs on their own lines."""
    lines = _lines(text)
    widths = _typical_widths(lines)
    out: list[tuple[str, int]] = []
    prev: _Line | None = None
    prev_index = -1
    for i, line in enumerate(lines):
        body = line.stripped
        if not body:
            continue
        lead = len(line.text) - len(line.text.lstrip())
        if prev is not None:
            blank = i - prev_index > 1
            newline_at = prev.start + len(prev.text)
            if _ends_paragraph(prev.stripped, body, widths[prev_index], blank):
                out.append(("\n", newline_at))
            elif prev.stripped[-1].isascii() and prev.stripped[-1].isalpha() and body[0].isascii() and body[0].isalpha():
                out.append((" ", newline_at))
        out.extend((ch, line.start + lead + k) for k, ch in enumerate(body))
        prev, prev_index = line, i
    return out


def _spaced_out(chars: list[tuple[str, int]], start: int, end: int) -> bool:
    """A justified line whose characters are separated by single spaces (职 工 发 放)."""
    seg = "".join(c for c, _ in chars[start:end])
    pairs = re.findall(r"\S(?= \S)", seg)
    return len(pairs) >= 3 and len(pairs) >= 0.6 * len(seg.replace(" ", ""))


def _drop_spaces(chars: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Remove spaces that PDF extraction put inside Chinese text; keep meaningful ones."""
    out: list[tuple[str, int]] = []
    para_start = 0
    paragraphs: list[tuple[int, int]] = []
    for i, (c, _) in enumerate(chars):
        if c == "\n":
            paragraphs.append((para_start, i))
            para_start = i + 1
    paragraphs.append((para_start, len(chars)))
    for p_start, p_end in paragraphs:
        para = "".join(c for c, _ in chars[p_start:p_end])
        keep_all = bool(BYLINE.match(para))
        spaced = _spaced_out(chars, p_start, p_end) or _is_prose(para)
        i = p_start
        joined_at = -1  # where the last removed gap ended: 郑　伟　普宁市… joins 郑伟, not 伟普宁市
        while i < p_end:
            c, off = chars[i]
            if c in " \u3000\u00a0\t":
                j = i
                while j < p_end and chars[j][0] in " \u3000\u00a0\t":
                    j += 1
                before = chars[i - 1][0] if i > p_start else ""
                after = chars[j][0] if j < p_end else ""
                if not before or not after:
                    i = j
                    continue
                run = "".join(ch for ch, _ in chars[i:j])
                removable = not keep_all and _removable(chars, i, j, p_start, p_end, run, spaced)
                if removable and not spaced and joined_at == i - 1:
                    removable = False  # the lone character already joined the one before it
                if removable:
                    joined_at = j
                else:
                    out.append(("\t" if "\t" in run else " ", off))
                i = j
                continue
            out.append((c, off))
            i += 1
        if p_end < len(chars):
            out.append(chars[p_end])
    return out


def _is_prose(paragraph: str) -> bool:
    """Running sentences, where a space between Chinese characters is an artefact."""
    return "，" in paragraph or "。" in paragraph or ("," in paragraph and "：" not in paragraph)


def _removable(chars: list[tuple[str, int]], i: int, j: int, p_start: int, p_end: int, run: str,
               spaced: bool) -> bool:
    """Whether the whitespace run chars[i:j] is an artefact inside Chinese text."""
    before, after = chars[i - 1][0], chars[j][0]
    if "\t" in run or ROLE_WORD.match("".join(c for c, _ in chars[j:j + 4])):
        return False
    if before.isascii() and after.isascii():
        return False
    if not (_is_cjk_text(before) or _is_cjk_text(after)):
        return False
    if spaced or not (is_cjk(before) and is_cjk(after)):
        return True  # Chinese next to a digit or punctuation: 超 4.7万, 2024 年
    if len(run) > 1 and not spaced:
        return False  # a wide gap separates items (names in a list, table cells)
    # Two Chinese runs: join when one side is a lone character (唐航 浩, 何 涛).
    left = _run_length(chars, i - 1, -1, p_start)
    right = _run_length(chars, j, 1, p_end)
    return left == 1 or right == 1


def _run_length(chars: list[tuple[str, int]], k: int, step: int, bound: int) -> int:
    n = 0
    while (k >= bound if step < 0 else k < bound) and is_cjk(chars[k][0]):
        n += 1
        k += step
    return n


def _normalise_char(ch: str, before: str, after: str) -> str:
    """Full-width letters and digits to ASCII; ASCII punctuation to full width in Chinese."""
    code = ord(ch)
    if 0xFF10 <= code <= 0xFF19 or 0xFF21 <= code <= 0xFF3A or 0xFF41 <= code <= 0xFF5A:
        return unicodedata.normalize("NFKC", ch)
    if code == 0x3000:
        return " "
    if ch in TO_FULL_WIDTH and (is_cjk(before) or is_cjk(after) or _is_cjk_text(before)):
        return TO_FULL_WIDTH[ch]
    return ch


def repair(text: str) -> Repaired:
    """Repair PDF-extracted text; see the module docstring."""
    text_chars = [(c, i) for i, c in enumerate(text)]
    # Markup and form feeds: drop bold markers; a form feed is a paragraph break.
    cleaned = "".join(c for c, _ in text_chars)
    drop = set()
    for m in MARKUP.finditer(cleaned):
        drop.update(range(m.start(), m.end()))
    source = "".join("\n" if c in "\f\r\v" else c for i, c in enumerate(cleaned) if i not in drop)
    kept_offsets = [i for i in range(len(cleaned)) if i not in drop]
    joined = _join_lines(source)
    joined = [(c, kept_offsets[o]) for c, o in joined]
    spaced = _drop_spaces(joined)
    out_chars, offsets = [], []
    for k, (c, off) in enumerate(spaced):
        before = spaced[k - 1][0] if k else ""
        after = spaced[k + 1][0] if k + 1 < len(spaced) else ""
        out_chars.append(_normalise_char(c, before, after))
        offsets.append(off)
    return Repaired("".join(out_chars), offsets)
