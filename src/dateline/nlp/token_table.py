"""A Doc's per-word attributes as plain Python lists, read from its arrays once per document.

The places and entities extractors test words one by one in loops over the whole text. ``doc[i]``
makes a new Token object on every access, and each of its attributes goes back through the
vocabulary, so such a loop costs far more than its tests. ``token_table(doc)`` reads the arrays
once (kept for the last Doc asked about, since every step of an extractor asks about the same one);
the values are the same as the Token attributes of the same names.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.attrs import (
    ENT_TYPE,
    IDX,
    IS_ALPHA,
    IS_PUNCT,
    IS_SPACE,
    IS_STOP,
    IS_TITLE,
    IS_UPPER,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc

__all__ = ["TokenTable", "token_table"]

_ATTRS = [ORTH, LOWER, IDX, POS, ENT_TYPE, IS_TITLE, IS_UPPER, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, SENT_START,
          SPACY]


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Word ``i``'s ``text``, ``lower`` (``lower_``), ``idx``, ``pos`` (``pos_``), ``ent_type``
    (``ent_type_``), flags, whether a space follows it (``whitespace_``), and ``caps``: capitalised,
    upper case or with a capital first letter ("DeKalb", which ``is_title`` is not)."""

    doc: Doc
    doc_text: str  # ``doc.text``, which spaCy joins from a Token object per word on every access
    text: list[str]
    lower: list[str]
    idx: list[int]
    pos: list[str]
    ent_type: list[str]
    is_title: list[bool]
    is_upper: list[bool]
    is_alpha: list[bool]
    is_punct: list[bool]
    is_space: list[bool]
    is_stop: list[bool]
    is_sent_start: list[bool]  # spaCy says True for the first word whatever the parse
    space_after: list[bool]
    caps: list[bool]

    def span_text(self, start: int, end: int) -> str:
        """``doc[start:end].text`` without making a Span (its text is the Doc's between the offsets)."""
        if end <= start:
            return ""
        return self.doc_text[self.idx[start]:self.idx[end - 1] + len(self.text[end - 1])]


_last: TokenTable | None = None


def token_table(doc: Doc) -> TokenTable:
    global _last
    if _last is not None and _last.doc is doc:
        return _last
    strings = doc.vocab.strings
    rows = doc.to_array(_ATTRS).tolist() if len(doc) else []
    cols = list(zip(*rows)) if rows else [()] * len(_ATTRS)
    orth, lower, idx, pos, ent, title, upper, alpha, punct, space, stop, sent, spacy = cols
    names: dict[int, str] = {}  # string ids repeat: each looked up once

    def strs(ids) -> list[str]:
        out = []
        for h in ids:
            s = names.get(h)
            if s is None:
                s = names[h] = strings[h]
            out.append(s)
        return out

    text = strs(orth)
    # a word is followed by one space or none, so the words and their spaces give the Doc's text
    doc_text = "".join([t + " " if sp else t for t, sp in zip(text, spacy)])
    table = TokenTable(
        doc=doc, doc_text=doc_text, text=text, lower=strs(lower), idx=list(idx), pos=strs(pos), ent_type=strs(ent),
        is_title=[bool(x) for x in title], is_upper=[bool(x) for x in upper], is_alpha=[bool(x) for x in alpha],
        is_punct=[bool(x) for x in punct], is_space=[bool(x) for x in space], is_stop=[bool(x) for x in stop],
        is_sent_start=[i == 0 or x == 1 for i, x in enumerate(sent)], space_after=[bool(x) for x in spacy],
        caps=[bool(a or b or (c and t[0].isupper())) for a, b, c, t in zip(title, upper, alpha, text)],
    )
    _last = table
    return table
