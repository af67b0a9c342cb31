"""Event words used for what no one did to anyone: an accident, or advice about a danger.

"Two accidental explosions killed seven militants" and "a bomb went off by accident" tell of a mishap, not an
attack, however deadly; "a travel warning" or "a storm warning" tells people of a danger, and threatens
no one. The words around the trigger say so.
"""

from __future__ import annotations

from spacy.tokens import Token

from .drafts import Draft

ACCIDENT_WORDS = frozenset({"accidental", "accidentally", "unintended", "unintentional", "unintentionally",
                            "inadvertent", "inadvertently", "premature", "prematurely", "accident"})
# what a warning of this kind is about: a hazard or a place to avoid, not what the warner will do
HAZARD_WORDS = frozenset({"travel", "weather", "storm", "flood", "tsunami", "heat", "health", "fire", "avalanche",
                          "hurricane", "typhoon", "cyclone", "tornado", "frost", "snow", "wind", "gale",
                          "drought", "smog", "pollution", "safety", "security"})


def accidental(tok: Token) -> bool:
    """ "accidental explosions", "the device went off prematurely", "exploded by accident"."""
    for c in tok.children:
        if c.dep_ in ("amod", "advmod") and c.lower_ in ACCIDENT_WORDS:
            return True
        if c.dep_ == "prep" and c.lower_ == "by" and any(x.lower_ == "accident" for x in c.children):
            return True
    return False


def advisory(tok: Token) -> bool:
    """ "a travel warning", "a storm warning": a warning named by the danger it is about."""
    return tok.pos_ == "NOUN" and any(c.dep_ in ("compound", "amod") and c.lemma_.lower() in HAZARD_WORDS
                                      for c in tok.children)


def drop_mishaps(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less violence told as an accident and warnings of a danger."""
    out = []
    for d in drafts:
        t = d.match.token
        if d.code[:2] in ("18", "19", "20") and accidental(t):
            continue
        if d.code[:2] == "13" and d.match.pos == "noun" and advisory(t):
            continue
        out.append(d)
    return out
