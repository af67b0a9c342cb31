"""Small spaCy components that later components need on the Doc."""

from __future__ import annotations

from spacy.tokens import Doc


def line_breaks(doc: Doc) -> Doc:
    """Start a sentence after every newline."""
    for tok in doc[1:]:
        prev = doc[tok.i - 1]
        if "\n" in prev.whitespace_ or (prev.is_space and "\n" in prev.text):
            if not tok.is_space:
                tok.is_sent_start = True
    return doc
