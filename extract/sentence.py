"""A sentence of an article, with its mentions, as the relation readers take it."""
from __future__ import annotations

import re
from dataclasses import dataclass

from extract.mentions import Mention

JOINERS = ("、", "和", "及", "与")  # what joins coordinated names or units: A、B和C
PRONOUN = re.compile(r"(?<!其)[他她](?!们)")  # 他/她 standing for a person (not 其他, 他们)


@dataclass
class Sentence:
    """A sentence of an article: its text, its offset in the article, its mentions."""

    text: str
    start: int
    mentions: list[Mention]

    def of(self, label: str) -> list[Mention]:
        """Mentions with ``label``, in order."""
        return [m for m in self.mentions if m.label == label]

    def local(self, m: Mention) -> tuple[int, int]:
        """A mention's span relative to the sentence."""
        return m.start - self.start, m.end - self.start

    def begin(self, pos: int, marks: str) -> int:
        """Where the clause holding ``pos`` begins: just after the last of ``marks`` before it,
        else the sentence's start."""
        return max(self.text.rfind(c, 0, pos) for c in marks) + 1

    def stop(self, pos: int, marks: str) -> int:
        """Where the first of ``marks`` falls at or after ``pos`` (the end of a clause), else the
        sentence's end."""
        return min((i for i in (self.text.find(c, pos) for c in marks) if i >= 0), default=len(self.text))
