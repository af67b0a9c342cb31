"""One act named twice in one sentence: "the Tuesday bombing was an attack on a police post".

A copular sentence whose subject and complement are both event nouns of one kind does not tell two acts:
it says what the first one was. The complement is the one to keep, as it is the one the sentence gives
its target, place and time ("an attack on the post in May"); coding both would count the act twice.
"""

from __future__ import annotations

from .drafts import Draft


# a bombing (18), a killing (19) and a battle (20) are all acts of violence, named by different words
VIOLENT_ROOTS = ("18", "19", "20")


def _kind(code: str) -> str:
    return "violence" if code[:2] in VIOLENT_ROOTS else code[:2]


def drop_renamed(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less an event noun that is the subject of "be" with an event noun of the same kind as
    its complement ("the bombing was an attack", "the raid was a massacre")."""
    nouns = {d.match.token.i: d for d in drafts if d.match.pos == "noun"}
    out = []
    for d in drafts:
        t = d.match.token
        if d.match.pos == "noun" and t.dep_ in ("nsubj", "nsubjpass") and t.head.lemma_.lower() == "be":
            attr = next((c for c in t.head.children if c.dep_ == "attr" and c.i in nouns), None)
            if attr is not None and nouns[attr.i] is not d and _kind(nouns[attr.i].code) == _kind(d.code):
                continue
        out.append(d)
    return out
