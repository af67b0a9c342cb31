"""Small spaCy components that later components need on the Doc."""

from __future__ import annotations

from functools import cache

from spacy.language import Language
from spacy.tokens import Doc


@cache
def register_components() -> None:
    """Make the components known to spaCy by name, once per process: ``add_pipe`` takes names."""
    if not Language.has_factory("dateline_line_breaks"):
        Language.component("dateline_line_breaks", assigns=["token.is_sent_start"])(line_breaks)


def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not tok.is_space:
                tok.is_sent_start = True
                # the parser sometimes cuts a line's first word off as a sentence of its own
                # ("North | Korean leader Kim…" after a headline); a word then a word never ends one
                nxt = tok.i + 1
                if nxt < len(doc) and tok.is_alpha and doc[nxt].is_alpha and not tok.whitespace_.strip(" "):
                    doc[nxt].is_sent_start = False
    return doc
