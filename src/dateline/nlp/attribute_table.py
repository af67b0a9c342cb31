"""spaCy's attribute ruler (tag -> part of speech and morphology, and its word exceptions) read from a table.

The English pipelines' attribute ruler runs its ~180 rules through spaCy's token Matcher, which builds a
match state per word and rule: a tenth of the whole parse of a wire story (about 5 ms of 40). Its rules
test only a word's own tag, lower-case form, dependency label and whether it is a space, one or two words
at a time, so which rule positions a word satisfies depends on those four values alone and is worked out
once per distinct combination. Matches are then applied as the ruler applies them: all found on the
words as the parser left them, then set in rule order, a later rule overriding an earlier one, each on the
word its ``index`` names, written to the same token fields. ``AttributeTable`` is built from the
pipeline's own ruler, so a model with other rules gets those; a rule it cannot read (another matcher
operator or attribute) leaves the ruler in place (``install``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import numpy
from spacy.attrs import DEP, IS_SPACE, LEMMA, LOWER, MORPH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc

NAME = "dateline_attribute_table"
_READ = (TAG, LOWER, DEP, IS_SPACE)
_WRITE = (TAG, POS, MORPH, LEMMA, DEP)
MAX_MEMO = 200_000  # distinct (tag, word, label, space) combinations remembered


class Unreadable(ValueError):
    """A ruler pattern this table does not read; the pipeline keeps spaCy's ruler."""


def _test(key: str, spec: Any) -> Callable[[tuple[str, str, str, bool]], bool]:
    """One pattern condition on a word's (tag, lower, dep, is_space), as spaCy's Matcher tests it."""
    at = {"TAG": 0, "LOWER": 1, "DEP": 2, "IS_SPACE": 3}.get(key)
    if at is None:
        raise Unreadable(key)
    if at == 3:
        if not isinstance(spec, bool):
            raise Unreadable(f"{key}: {spec!r}")
        return lambda w: w[3] == spec
    if isinstance(spec, str):
        return lambda w: w[at] == spec
    if isinstance(spec, dict) and len(spec) == 1:
        (op, value), = spec.items()
        if op == "IN":
            allowed = frozenset(value)
            return lambda w: w[at] in allowed
        if op == "NOT_IN":
            barred = frozenset(value)
            return lambda w: w[at] not in barred
        if op == "REGEX":
            regex = re.compile(value)
            return lambda w: regex.search(w[at]) is not None
    raise Unreadable(f"{key}: {spec!r}")


def _index(index: dict[tuple[int, str], list[int]], word: dict[str, Any], test: int) -> None:
    """File test number ``test`` under the tags or spellings its word must have, or under the rest."""
    for at, key in ((0, "TAG"), (1, "LOWER")):
        spec = word.get(key)
        if isinstance(spec, str):
            values = [spec]
        elif isinstance(spec, dict) and set(spec) == {"IN"}:
            values = list(spec["IN"])
        else:
            continue
        for v in dict.fromkeys(values):
            index.setdefault((at, v), []).append(test)
        return
    index.setdefault((-1, ""), []).append(test)


class AttributeTable:
    """The attribute ruler ``ruler``'s rules, applied without the Matcher; same results."""

    def __init__(self, ruler: Any) -> None:
        # (rule number, pattern number, length, index of the word set) and each word's conditions
        self.patterns: list[tuple[int, int, int, int]] = []
        self.tests: list[tuple[tuple[int, int, int], Callable[[tuple], bool]]] = []
        # the tests a word can pass, by its tag (0) or its lower-case form (1) where a test names them,
        # the rest (-1) tried on every word: a new word is tested against a few rules, not all
        self.index: dict[tuple[int, str], list[int]] = {}
        self.sets: list[dict[int, int]] = []
        for r, (attrs, index) in enumerate(zip(ruler.attrs, ruler.indices)):
            unknown = set(attrs) - set(_WRITE)
            if unknown:
                raise Unreadable(f"rule {r} sets {unknown}")
            self.sets.append(dict(attrs))
        for r, rule in enumerate(ruler.patterns):
            for p, pattern in enumerate(rule["patterns"]):
                if not isinstance(pattern, list) or not pattern:
                    raise Unreadable(f"rule {r}: {pattern!r}")
                n = len(pattern)
                index = ruler.indices[r]
                if not -n <= index < n:
                    raise Unreadable(f"rule {r}: index {index} of {n} words")
                self.patterns.append((r, p, n, index % n))
                for k, word in enumerate(pattern):
                    checks = [_test(key, spec) for key, spec in word.items()]
                    self.tests.append(((r, p, k), lambda w, checks=checks: all(c(w) for c in checks)))
                    _index(self.index, word, len(self.tests) - 1)
        self.by_start = {(r, p): (n, index) for r, p, n, index in self.patterns}
        self._memo: dict[tuple[int, int, int, int], frozenset[tuple[int, int, int]]] = {}

    def _positions(self, key: tuple[int, int, int, int], strings: Any) -> frozenset[tuple[int, int, int]]:
        got = self._memo.get(key)
        if got is None:
            if len(self._memo) > MAX_MEMO:
                self._memo.clear()
            # the hashes are the same in every string store; the strings are in the document's
            word = (strings[key[0]] if key[0] else "", strings[key[1]] if key[1] else "",
                    strings[key[2]] if key[2] else "", bool(key[3]))
            tried = [*self.index.get((0, word[0]), ()), *self.index.get((1, word[1]), ()),
                     *self.index.get((-1, ""), ())]
            got = self._memo[key] = frozenset(self.tests[t][0] for t in tried if self.tests[t][1](word))
        return got

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array(list(_READ)).tolist()
        words = [self._positions(tuple(row), doc.vocab.strings) for row in rows]
        final: dict[int, dict[int, tuple[int, int]]] = {}  # word -> attr -> (rule, value)
        for i, here in enumerate(words):
            for r, p, k in here:
                if k:
                    continue
                n, index = self.by_start[(r, p)]
                if i + n > len(words) or any((r, p, j) not in words[i + j] for j in range(1, n)):
                    continue
                slot = final.setdefault(i + index, {})
                for attr, value in self.sets[r].items():
                    if attr not in slot or slot[attr][0] <= r:
                        slot[attr] = (r, value)
        if final:
            cols = list(_WRITE)
            table = doc.to_array(cols)
            for i, attrs in final.items():
                for attr, (_r, value) in attrs.items():
                    table[i, cols.index(attr)] = value
            doc.from_array(cols, table.astype(numpy.uint64, copy=False))
        return doc


def _make(nlp: Language, name: str) -> AttributeTable:
    return AttributeTable(nlp.get_pipe("attribute_ruler"))


def install(nlp: Language) -> bool:
    """Put the table in place of ``nlp``'s attribute ruler (left in the pipeline, disabled); False where
    there is no ruler or it has a rule the table does not read, and the ruler stays."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    try:
        AttributeTable(nlp.get_pipe("attribute_ruler"))
    except Unreadable:
        return False
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_make)
    nlp.add_pipe(NAME, after="attribute_ruler")
    nlp.disable_pipe("attribute_ruler")
    return True
