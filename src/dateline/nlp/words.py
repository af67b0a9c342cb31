"""Which words of a Doc pass a test, read from the document's word table, not its Token objects.

Most loops over every word look for a few words only (a trigger verb, "according", a verb of
saying). ``WordTest`` tests the lower-case forms and lemmas of the shared word table
(:mod:`dateline.nlp.token_table`), each distinct string once per process, so such a loop makes
Token objects only for the words that can matter. The results are the same as testing
``tok.lower_`` / ``tok.lemma_`` word by word.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable

from spacy.tokens import Doc

from .token_table import token_table

MAX_MEMO = 500_000  # distinct strings remembered; a run over millions of articles stays bounded


class WordTest:
    """``positions(doc)``: indices of the tokens whose lower-case form or lemma passes ``test``."""

    def __init__(self, test: Callable[[str], bool], *, lemma: bool = True, lower: bool = True) -> None:
        self.test = test
        self.lemma = lemma
        self.lower = lower
        self._memo: dict[str, bool] = {}
        self._last: tuple = (None, ())

    def _passes(self, word: str) -> bool:
        r = self._memo.get(word)
        if r is None:
            if len(self._memo) > MAX_MEMO:
                self._memo.clear()
            r = self._memo[word] = bool(self.test(word))
        return r

    def positions(self, doc: Doc) -> tuple[int, ...]:
        if self._last[0] is doc:  # several callers ask about the same document in turn
            return self._last[1]
        table = token_table(doc)
        cols = [c for c, on in ((table.lower, self.lower), (table.lemma, self.lemma)) if on]
        got = tuple(i for i, words in enumerate(zip(*cols)) if any(self._passes(w) for w in words))
        self._last = (doc, got)
        return got

    def in_range(self, doc: Doc, start: int, end: int) -> list[int]:
        """The positions between token ``start`` and ``end`` (a sentence)."""
        pos = self.positions(doc)
        return list(pos[bisect_left(pos, start):bisect_left(pos, end)])
