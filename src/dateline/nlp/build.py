"""build_nlp(): the only place a spaCy pipeline is loaded."""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language

from ..config import default_model
from .components import register_components


@cache
def build_nlp(model: str = "") -> Language:
    """Load the English pipeline with Dateline's components; cached per process.

    Newlines separate headline, standfirst and paragraphs, so each line starts a sentence:
    without that the parser runs a quote's sentence into the previous paragraph and picks
    the wrong speaker.
    """
    return _load(model)


def _load(model: str) -> Language:
    register_components()
    nlp = spacy.load(model or default_model())
    if "parser" in nlp.pipe_names:
        nlp.add_pipe("dateline_line_breaks", before="parser")
    else:
        nlp.add_pipe("dateline_line_breaks", first=True)
    return nlp


def model_version(nlp: Language) -> str:
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}@{nlp.meta.get('version', '?')}"


@cache
def analysis_nlp(model: str = "") -> Language:
    """``build_nlp``'s pipeline for the analysis, with the attribute ruler's rules read from a table
    (``attribute_table``: the same tags, parts of speech, morphology and lemmas, a tenth of the parse
    sooner) and its lemmatizer's answers remembered (``lemma_memo``: the same lemmas). A pipeline of its
    own: ``build_nlp``'s stays spaCy's, for what must measure spaCy itself (the bench's bare pass)."""
    from . import attribute_table, lemma_memo

    nlp = _load(model)
    attribute_table.install(nlp)
    lemma_memo.install(nlp)
    return nlp
