"""Building an actor reference: its code from a base and agent parts, its words and offsets, its name."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...model import ActorRef, Span


def agent_parts(entry) -> tuple[str, str]:
    """An agent's code before and after the actor's: "NGO~" -> ("NGO", ""), "~GOVFRM" -> ("", "GOVFRM")."""
    if entry is None:
        return "", ""
    code = (entry.code or "~" + entry.sector).replace(" ", "")
    if code.endswith("~"):
        return code[:-1], ""
    return "", code.lstrip("~")


def join_code(prefix: str, base: str, suffix: str) -> str:
    """PETRARCH-style actor code: prefix + base + suffix, without repeating a 3-letter part."""
    base = base or ("---" if (prefix or suffix) and not base else "")
    parts = [prefix[i:i + 3] for i in range(0, len(prefix), 3)] + [base[i:i + 3] for i in range(0, len(base), 3)]
    for i in range(0, len(suffix), 3):
        piece = suffix[i:i + 3]
        if piece not in parts:
            parts.append(piece)
    return "".join(parts)


def code_for(country: str | None, sector: str | None) -> str | None:
    if not country and not sector:
        return None
    return join_code("", country or "---", sector or "")


def span_ref(tokens) -> Span:
    return Span(start=tokens.start_char, end=tokens.end_char, text=span_text(tokens))


def span_text(tokens) -> str:
    """The text from the first token to the last (a phrase with a gap covers the gap too). Sliced from
    a spaCy span, not doc.text: spaCy rebuilds doc.text from every token on each access."""
    if isinstance(tokens, TokSpan) and len(tokens):
        return tokens.text  # contiguous already
    return tokens.doc[tokens[0].i:tokens[-1].i + 1].text


def as_pronoun(a: ActorRef, tok: Token, why: str) -> ActorRef:
    """The pronoun ``tok`` standing for ``a``, with ``a``'s words as what it refers to."""
    words = a.phrase or a.span
    if words is not None and words.start <= tok.idx < words.end:
        words = None
    return ActorRef(text=tok.text, name=a.name, span=Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text),
                    entity_id=a.entity_id, country=a.country, sector=a.sector, code=a.code, refers_to=words,
                    coding=f"{why}; {a.coding}" if a.coding else why)


def relabelled(a: ActorRef, coding: str, *, text: ActorRef | None = None) -> ActorRef:
    """The party ``a`` with a new reason; keeping the words of ``text`` where they are the phrase."""
    words = text if text is not None else a
    return replace(a, text=words.text, span=words.span, phrase=words.phrase, coding=coding)


def with_phrase(a: ActorRef, whole) -> ActorRef:
    """``a`` with ``whole`` (tokens) as the phrase a reader marks, where the words ``a`` was read from,
    or its phrase so far, lie inside it (the herders of "dozens of herders" are marked with the count,
    a name with its apposition) or hold it (a date the parse put before a name is left out); an
    antecedent elsewhere in the sentence keeps its own phrase."""
    words = a.phrase or a.span
    if words is None or not len(whole):
        return a
    s, e = whole.start_char, whole.end_char
    if not (s <= words.start and words.end <= e or words.start <= s and e <= words.end):
        return a
    if a.span is not None and (a.span.start, a.span.end) == (whole.start_char, whole.end_char):
        return replace(a, phrase=None)  # nothing more than its own words
    return replace(a, phrase=span_ref(whole))


# where a thing is, which says nothing of whom it concerns ("a rally in Lagos")


def phrase_name(span, head: Token) -> str:
    """What to call an actor found through a word that modifies its head: the proper name around the
    head ("Alain Lipietz" in "French Green MEP Alain Lipietz"), else the phrase without its article
    ("Chinese firms", "spokesman for UKIP")."""
    doc = head.doc
    if head.pos_ == "PROPN":
        left = head.i
        while left - 1 >= 0 and doc[left - 1].pos_ == "PROPN" and doc[left - 1].ent_type_ not in ("GPE", "NORP") \
                and doc[left - 1].dep_ in ("compound", "flat") and not doc[left - 1].is_upper:
            left -= 1  # back to a title in capitals ("MEP", "CEO"), which is no part of the name
        return doc[left:head.i + 1].text
    toks = list(span)
    while toks and (toks[0].dep_ in ("det", "predet") or toks[0].is_punct):
        toks = toks[1:]
    return doc[toks[0].i:toks[-1].i + 1].text if toks else head.text
