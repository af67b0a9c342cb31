"""Which words of a Doc pass a test, read from the Doc's arrays instead of its Token objects.

Iterating a Doc makes a Python Token object per word, and most loops over every word look for a
few words only (a trigger verb, "according", a verb of saying). ``WordTest`` reads the words'
string ids from the Doc's arrays and tests each distinct string once per process, so such a loop
makes Token objects only for the words that can matter. The results are the same as testing
``tok.lower_`` / ``tok.lemma_`` word by word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable

from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc

MAX_MEMO = 500_000  # distinct strings remembered; a run over millions of articles stays bounded


class WordTest:
    """``positions(doc)``: indices of the tokens whose lower-case form or lemma passes ``test``."""

    def __init__(self, test: Callable[[str], bool], *, lemma: bool = True, lower: bool = True) -> None:
        self.test = test
        self.attrs = [a for a, on in ((LOWER, lower), (LEMMA, lemma)) if on]
        self._memo: dict[int, bool] = {}
        self._last: tuple = (None, ())

    def _passes(self, ids: Iterable[int], doc: Doc) -> list[bool]:
        memo, strings, test = self._memo, doc.vocab.strings, self.test
        if len(memo) > MAX_MEMO:
            memo.clear()
        out = []
        for h in ids:
            r = memo.get(h)
            if r is None:
                r = memo[h] = bool(test(strings[h]))
            out.append(r)
        return out

    def positions(self, doc: Doc) -> tuple[int, ...]:
        if self._last[0] is doc:  # several callers ask about the same document in turn
            return self._last[1]
        if not len(doc):
            got: tuple[int, ...] = ()
        else:
            arr = doc.to_array(self.attrs)
            cols = [arr.tolist()] if len(self.attrs) == 1 else [list(c) for c in zip(*arr.tolist())]
            flags = [self._passes(c, doc) for c in cols]
            got = tuple(i for i, f in enumerate(zip(*flags)) if any(f))
        self._last = (doc, got)
        return got

    def in_range(self, doc: Doc, start: int, end: int) -> list[int]:
        """The positions between token ``start`` and ``end`` (a sentence)."""
        pos = self.positions(doc)
        return list(pos[bisect_left(pos, start):bisect_left(pos, end)])
