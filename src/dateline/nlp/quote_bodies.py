"""A body named again by a common noun: "the bank said", "the company said", "the central bank said".

Business and economics news names a company, a bank or an agency once ("Harbour Savings Bank said on Monday
...") and then calls it "the bank" or "the company" for the rest of the report. Such a speaker, left unbound
by the resolver, is read as
1. the body that spoke in the statement just before it, when that body's name holds the noun ("the bank" after
   "Harbour Savings Bank said") or the noun is a plain word for any firm ("the company", "the firm");
   An "it" that coreference left unbound is read as that body too ("The bank said ... It said ...").
2. else the one organisation of the article whose name holds the noun, named before the speaker ("the bank"
   with only "Harbour Savings Bank" named); two such names ("a savings bank and a farm bank") leave it unbound.
"""

from __future__ import annotations

from ..model import Entity
from .quote_parse import Found
from .speakers import DOCUMENT_NOUNS

# Words for a firm that fit any company ("Acme Widgets Inc ... the company said").
ANY_FIRM = frozenset({"company", "firm", "group", "concern"})
# Nouns that name a body by its kind; the body's own name usually holds the word ("Harbour Savings Bank").
BODY_NOUNS = ANY_FIRM | frozenset({
    "bank", "agency", "ministry", "department", "commission", "council", "authority", "institute", "board",
    "fund", "union", "federation", "association", "corporation", "airline", "carrier", "exchange", "office",
})
MAX_GAP = 2  # paragraphs between the statement before and this one


def settle_bodies(found: list[Found], entities: tuple[Entity, ...]) -> None:
    """Bind "the bank"/"the company" speakers left unbound (see the module docstring), in text order, and
    give a document's words to the body or person the article names behind it."""
    _documents(found, entities)
    for k, f in enumerate(found):
        noun = _body_noun(f)
        if noun is None:
            continue
        before = next((g for g in reversed(found[:k]) if g.entity is not None and g.content[0] < f.content[0]), None)
        e = None
        if before is not None and before.entity.type == "ORG" and f.para - before.para <= MAX_GAP \
                and (noun in ANY_FIRM or noun == "it" or noun in _words(before.entity)):
            e = before.entity
        if e is None and noun != "it":
            e = _only_named(f, noun, entities)
        if e is not None:
            f.entity, f.speaker_name = e, e.name
            f.coref = f"'{f.speaker_tok.text}' -> {e.name} (the body that spoke before)"


def _body_noun(f: Found) -> str | None:
    tok = f.speaker_tok
    if f.entity is not None or tok is None:
        return None
    if tok.lower_ == "it" and f.speaker_name is None:
        return "it"  # left unbound by coreference: the body that spoke just before, if one did
    if tok.pos_ != "NOUN" or tok.ent_type_:
        return None
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in tok.children):
        return None  # "a bank said" is some bank, not the one named
    if any(c.dep_ in ("poss", "compound", "prep") for c in tok.children):
        return None  # "the government's bank", "the bank of the north": a body of its own
    noun = tok.lemma_.lower()
    return noun if noun in BODY_NOUNS else None


def _words(e: Entity) -> set[str]:
    return {w.lower().strip(".,") for w in e.name.split()}


def _only_named(f: Found, noun: str, entities: tuple[Entity, ...]) -> Entity | None:
    tok = f.speaker_tok
    fits = [e for e in entities if e.type == "ORG" and noun in _words(e)
            and any(m.span.start < tok.idx for m in e.mentions)]
    return fits[0] if len(fits) == 1 else None


def _documents(found: list[Found], entities: tuple[Entity, ...]) -> None:
    """ "the letter from Acme said", "Acme's figures show": a text does not speak, whoever issued it does. The
    resolver keeps the document's words as the speaker and the issuer as the principal; when the issuer is one
    of the article's named people or bodies, the statement is theirs."""
    by_name = {e.name: e for e in entities if e.type in ("PERSON", "ORG", "GPE", "NORP")}
    for f in found:
        tok = f.speaker_tok
        if f.entity is not None or tok is None or not f.principal or tok.lemma_.lower() not in DOCUMENT_NOUNS:
            continue
        e = by_name.get(f.principal)
        if e is not None:
            f.coref = f"'{tok.text}' -> {e.name} (who issued it)"
            f.entity, f.speaker_name = e, e.name  # the issuer stays the principal too
