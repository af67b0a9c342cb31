"""Events named only as what is forbidden: "a ban on protests", "outlawed rallies".

An event noun that a ban or a prohibition is about names what may not happen, not something that did:
"the government banned protests" is the government's act (a restriction, coded on "banned" where the
lexicon knows it), and no protest took place in it.
"""

from __future__ import annotations

from spacy.tokens import Token

from .drafts import Draft

PROHIBITION_NOUNS = frozenset({"ban", "prohibition", "moratorium", "outlawing", "bar"})
PROHIBITION_VERBS = frozenset({"ban", "prohibit", "outlaw", "forbid", "bar", "proscribe"})


def _first_conjunct(tok: Token) -> Token:
    """ "a ban on gatherings and protests": the protests stand where the gatherings do."""
    for _ in range(6):
        if tok.dep_ != "conj":
            break
        tok = tok.head
    return tok


def forbidden(tok: Token) -> bool:
    """Is the noun what a ban is on ("a ban on protests") or what a verb of forbidding forbids
    ("banned rallies", "rallies were outlawed")?"""
    t = _first_conjunct(tok)
    if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in PROHIBITION_VERBS:
        return True
    prep = t.head
    return (t.dep_ == "pobj" and prep.lower_ in ("on", "against") and prep.head.pos_ == "NOUN"
            and prep.head.lemma_.lower() in PROHIBITION_NOUNS)


def drop_forbidden(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less event nouns named only as what is forbidden."""
    return [d for d in drafts if not (d.match.pos == "noun" and forbidden(d.match.token))]
