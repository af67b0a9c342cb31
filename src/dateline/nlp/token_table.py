"""A Doc's per-word attributes as plain Python lists, read from its arrays once per document.

The places and entities extractors test words one by one in loops over the whole text. ``doc[i]``
makes a new Token object on every access, and each of its attributes goes back through the
vocabulary, so such a loop costs far more than its tests. ``token_table(doc)`` reads the arrays
once (kept for the last few Docs asked about, since every step of an extractor asks about the same one);
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
    LEMMA,
    LOWER,
    ORTH,
    POS,
    SENT_START,
    SPACY,
)
from spacy.tokens import Doc, Span

__all__ = ["TokenTable", "doc_ents", "span_offsets", "token_table"]

_ATTRS = [ORTH, LOWER, LEMMA, IDX, POS, ENT_TYPE, IS_TITLE, IS_UPPER, IS_ALPHA, IS_PUNCT, IS_SPACE, IS_STOP, SENT_START,
          SPACY]


@dataclass(frozen=True, slots=True)
class TokenTable:
    """Word ``i``'s ``text``, ``lower`` (``lower_``), ``lemma`` (``lemma_``), ``idx``, ``pos`` (``pos_``),
    ``ent_type`` (``ent_type_``), flags, whether a space follows it (``whitespace_``), and ``caps``: capitalised,
    upper case or with a capital first letter ("DeKalb", which ``is_title`` is not)."""

    doc: Doc
    doc_text: str  # ``doc.text``, which spaCy joins from a Token object per word on every access
    text: list[str]
    lower: list[str]
    lemma: list[str]
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

    def offsets(self, start: int, end: int) -> tuple[int, int, str]:
        """``doc[start:end]``'s character offsets and text (``start_char``, ``end_char``, ``text``),
        for words ``start`` < ``end``, without making a Span or its Token objects."""
        text = self.span_text(start, end)
        return self.idx[start], self.idx[start] + len(text), text


# the last few documents' tables: the events extractor reads the article and its headline parsed again in
# turn, and with one table kept each switch built the article's again
_recent: list[TokenTable] = []
RECENT = 3
_strings: dict[int, str] = {}  # string id -> string: the ids recur across documents
MAX_STRINGS = 500_000  # a run over millions of articles stays bounded


def _strs(ids: list[int], doc: Doc) -> list[str]:
    missing = set(ids).difference(_strings)
    if missing:
        if len(_strings) > MAX_STRINGS:
            _strings.clear()
            missing = set(ids)
        store = doc.vocab.strings
        for h in missing:
            _strings[h] = store[h]
    return list(map(_strings.__getitem__, ids))


def token_table(doc: Doc) -> TokenTable:
    global _recent
    for table in _recent:
        if table.doc is doc:
            return table
    cols = doc.to_array(_ATTRS).T.tolist() if len(doc) else [[] for _ in _ATTRS]
    orth, lower, lemma, idx, pos, ent, title, upper, alpha, punct, space, stop, sent, spacy = cols
    text = _strs(orth, doc)
    # a word is followed by one space or none, so the words and their spaces give the Doc's text
    doc_text = "".join([t + " " if sp else t for t, sp in zip(text, spacy)])
    table = TokenTable(
        doc=doc, doc_text=doc_text, text=text, lower=_strs(lower, doc), lemma=_strs(lemma, doc), idx=idx, pos=_strs(pos, doc),
        ent_type=_strs(ent, doc), is_title=list(map(bool, title)), is_upper=list(map(bool, upper)),
        is_alpha=list(map(bool, alpha)), is_punct=list(map(bool, punct)), is_space=list(map(bool, space)),
        is_stop=list(map(bool, stop)), is_sent_start=[i == 0 or x == 1 for i, x in enumerate(sent)],
        space_after=list(map(bool, spacy)),
        caps=[bool(a or b or (c and t[0].isupper())) for a, b, c, t in zip(title, upper, alpha, text)],
    )
    _recent = [table, *_recent[:RECENT - 1]]
    return table


_last_ents: tuple = (None, ())


def span_offsets(tokens: Span) -> tuple[int, int, str]:
    """A Span's ``start_char``, ``end_char`` and ``text``, read off the word table (a Span makes a
    Token object per word to say them)."""
    if not len(tokens):
        return tokens.start_char, tokens.end_char, tokens.text
    return token_table(tokens.doc).offsets(tokens.start, tokens.end)


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents``, built once per document (spaCy makes new Span objects on every access)."""
    global _last_ents
    if _last_ents[0] is not doc:
        _last_ents = (doc, tuple(doc.ents))
    return _last_ents[1]
