"""Discard phrases: words that mark a sentence (or a whole story) as one not to code for events,
such as sports results, entertainment and history ("World Cup", "bronze medal", "1942").

The format is PETRARCH's discard list (``Phoenix.discards.txt``, shipped in ``data/petrarch2/``)::

    BRONZE MEDAL          a sentence with this phrase is not coded
    +ACADEMY AWARD        "+": the whole story is not coded
    WORLD CUP_            "_" at the end: the last word must end there ("WORLD CUPS" does not match)
    CHAMPION              otherwise the last word is a stem ("CHAMPIONS", "CHAMPIONSHIP" match)

Matching ignores case and punctuation: a phrase matches a run of whole words of the text, each
word exactly but the last, which may be a stem. Words are runs of letters and digits, so "U.S."
is the two words "U S" on both sides.

>>> DiscardList.parse("BRONZE MEDAL\\n+WORLD CUP_").find("She won the bronze medals.")
Discard(phrase='BRONZE MEDAL', story=False, stem=True)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

__all__ = ["Discard", "DiscardList", "default_discards"]

_WORD = re.compile(r"[^\W_]+")
_STEM_KEY = 3  # letters a one-word stem is indexed by (a shorter stem by all of its letters)


def _words(text: str) -> list[str]:
    return _WORD.findall(text.upper())


@dataclass(frozen=True, slots=True)
class Discard:
    phrase: str  # as the file writes it, without the "+" and the "_"
    story: bool = False  # True: the whole story is not coded
    stem: bool = True  # True: the last word may go on ("CHAMPION" matches "championship")


class DiscardList:
    """Discard phrases indexed by their first word (a stem first word by its letters)."""

    def __init__(self, entries: Iterable[Discard] = ()) -> None:
        self._entries = tuple(entries)
        self._exact: dict[str, list[tuple[tuple[str, ...], Discard]]] = {}
        # one-word stems by their first letters: a word is tested against the stems it could start with
        self._stems: dict[str, list[tuple[str, Discard]]] = {}
        for entry in self._entries:
            words = _words(entry.phrase)
            if not words:
                continue
            if len(words) == 1 and entry.stem:
                self._stems.setdefault(words[0][:_STEM_KEY], []).append((words[0], entry))
            else:
                self._exact.setdefault(words[0], []).append((tuple(words[1:]), entry))
        self._key_sizes = sorted({len(key) for key in self._stems})  # [3] unless a stem is shorter

    @classmethod
    def parse(cls, text: str) -> "DiscardList":
        """Read a PETRARCH discard list ("#" starts a comment, blank lines are skipped)."""
        return cls(_parse(text))

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[Discard]:
        return iter(self._entries)

    def find(self, text: str) -> Discard | None:
        """The first discard phrase in ``text`` (a sentence, or a story for ``story`` entries), or None."""
        words = _words(text)
        for i, word in enumerate(words):
            for size in self._key_sizes:
                for stem, entry in self._stems.get(word[:size], ()) if size <= len(word) else ():
                    if word.startswith(stem):
                        return entry
            for rest, entry in self._exact.get(word, ()):
                if _follows(words, i + 1, rest, entry.stem):
                    return entry
        return None

    def phrase_in(self, text: str) -> str | None:
        """The matching phrase of :meth:`find`, or None."""
        found = self.find(text)
        return found.phrase if found is not None else None


def _follows(words: list[str], start: int, rest: tuple[str, ...], stem: bool) -> bool:
    """Do ``rest`` come next in ``words``, the last one as a stem when ``stem``?"""
    if start + len(rest) > len(words):
        return False
    for k, want in enumerate(rest):
        got = words[start + k]
        last = k == len(rest) - 1
        if not (got == want or (last and stem and got.startswith(want))):
            return False
    return True


def _parse(text: str) -> Iterator[Discard]:
    for line in text.splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        story = body.startswith("+")
        body = body.lstrip("+").strip()
        exact = body.endswith("_")
        phrase = " ".join(body.rstrip("_").replace("_", " ").split())
        if phrase:
            yield Discard(phrase=phrase, story=story, stem=not exact)


@functools.cache
def default_discards() -> DiscardList:
    """Phoenix.discards.txt, shipped in ``data/petrarch2/``."""
    from .phoenix import read_data

    return DiscardList.parse(read_data("Phoenix.discards.txt"))
