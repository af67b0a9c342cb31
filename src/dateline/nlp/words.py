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
RECENT = 3  # documents whose positions are remembered (an article, its headline parsed again)


class WordTest:
    """``positions(doc)``: indices of the tokens whose lower-case form or lemma passes ``test``."""

    def __init__(self, test: Callable[[str], bool], *, lemma: bool = True, lower: bool = True) -> None:
        self.test = test
        self.lemma = lemma
        self.lower = lower
        self._memo: dict[str, bool] = {}
        # the last few documents' answers: the events extractor reads the article and its headline parsed
        # again in turn, and with one remembered each switch scanned the whole article again
        self._recent: list[tuple[Doc, tuple[int, ...]]] = []

    def _passes(self, word: str) -> bool:
        r = self._memo.get(word)
        if r is None:
            if len(self._memo) > MAX_MEMO:
                self._memo.clear()
            r = self._memo[word] = bool(self.test(word))
        return r

    def positions(self, doc: Doc) -> tuple[int, ...]:
        for seen, got in self._recent:  # several callers ask about the same document in turn
            if seen is doc:
                return got
        table = token_table(doc)
        passes = self._passes
        if self.lower and self.lemma:  # the lower-case form first, the lemma only where it fails
            got = tuple(i for i, (low, lemma) in enumerate(zip(table.lower, table.lemma))
                        if passes(low) or passes(lemma))
        else:
            col = table.lower if self.lower else table.lemma if self.lemma else ()
            got = tuple(i for i, word in enumerate(col) if passes(word))
        self._recent = [(doc, got), *self._recent[:RECENT - 1]]
        return got

    def in_range(self, doc: Doc, start: int, end: int) -> list[int]:
        """The positions between token ``start`` and ``end`` (a sentence)."""
        pos = self.positions(doc)
        return list(pos[bisect_left(pos, start):bisect_left(pos, end)])
