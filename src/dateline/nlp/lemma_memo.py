"""spaCy's rule lemmatizer with every answer remembered, for the analysis's own pipeline.

spaCy's English lemmatizer remembers a word's lemma only when it went through the suffix rules; a word
already in its base form ("minister" as a singular noun, "say" as an infinitive, "new" as a plain
adjective: most words of a wire story) is worked out again each time it occurs, through a Token object
and a dictionary of its morphology. What it returns depends on nothing but the word's spelling, part of
speech and morphology, so ``LemmaMemo`` asks the lemmatizer once per such triple and reads the rest from
a table, over the Doc's arrays: the same lemmas, set on the same words (those without one, as spaCy's
does unless told to overwrite), about a fifth of the time. ``install`` puts it in place of the pipeline's
lemmatizer under the same name, so whatever asks the pipeline for its lemmatizer (its mode, its tables)
still gets the answers of spaCy's own; ``build.build_nlp``'s pipeline, the bench's bare pass, keeps spaCy's.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, MORPH, ORTH, POS
from spacy.language import Language
from spacy.tokens import Doc

NAME = "dateline_lemma_memo"
MAX_MEMO = 500_000  # distinct (word, part of speech, morphology) triples remembered
_COLS = [ORTH, POS, MORPH, LEMMA]


class LemmaMemo:
    """Wraps a rule lemmatizer: same lemmas, each (word, part of speech, morphology) worked out once.
    Any other attribute (``mode``, ``lookups``) is the wrapped lemmatizer's."""

    def __init__(self, lemmatizer: Any) -> None:
        self.lemmatizer = lemmatizer
        self._memo: dict[tuple[int, int, int], int] = {}  # (orth, pos, morph) -> the lemma's string id

    def __getattr__(self, name: str) -> Any:
        # only reached for names this object lacks; "lemmatizer" itself is looked for before it is set
        # when the object is copied or unpickled, so that one is not passed on
        if name == "lemmatizer":
            raise AttributeError(name)
        return getattr(self.lemmatizer, name)

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        if not self.lemmatizer._validated:  # as spaCy's: its tables are checked before the first use
            self.lemmatizer._validate_tables()
        table = doc.to_array(_COLS)
        overwrite = self.lemmatizer.overwrite
        changed = False
        memo = self._memo
        for i, (orth, pos, morph, lemma) in enumerate(table.tolist()):
            if lemma and not overwrite:
                continue
            key = (orth, pos, morph)
            got = memo.get(key)
            if got is None:
                got = self._lemma(doc[i])
                # no part of speech: spaCy warns for each such word, so it is asked every time
                if pos:
                    if len(memo) > MAX_MEMO:
                        memo.clear()
                    memo[key] = got
            table[i, 3] = got
            changed = True
        if changed:
            doc.from_array([LEMMA], numpy.ascontiguousarray(table[:, 3:4]).astype(numpy.uint64, copy=False))
        return doc

    def _lemma(self, token: Any) -> int:
        # as spaCy's Lemmatizer.__call__ sets it: the first of the forms, added to the string store
        return token.vocab.strings.add(self.lemmatizer.lemmatize(token)[0])


def _make(nlp: Language, name: str) -> LemmaMemo:
    return LemmaMemo(nlp.get_pipe("lemmatizer"))


def install(nlp: Language) -> bool:
    """Put the memo in place of ``nlp``'s rule lemmatizer, under the name "lemmatizer"; False (and
    spaCy's lemmatizer stays) where there is none or it is not a rule lemmatizer."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or isinstance(lemmatizer, LemmaMemo):
        return False
    if not Language.has_factory(NAME):
        Language.factory(NAME, func=_make)
    nlp.add_pipe(NAME, name=NAME, after="lemmatizer")
    nlp.remove_pipe("lemmatizer")
    nlp.rename_pipe(NAME, "lemmatizer")
    return True
