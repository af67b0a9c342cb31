"""Acts done to oneself that are still done to others.

Most violence turned on oneself has no other party ("shot himself in the foot", "hanged himself"), so the
sense test drops it. A bomber who "blew himself up" or "detonated himself" at a checkpoint is the one
exception the language makes plain: the blast is a suicide attack on whoever stood near, and the dead the
sentence goes on to name ("..., killing six guards") are whom it was done to (``outcomes``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

if TYPE_CHECKING:
    from .drafts import Draft

# verbs of setting off a charge whose reflexive object is the bomber's own body
SELF_DETONATING = frozenset({"blow", "detonate", "explode"})


REFLEXIVES = frozenset({"himself", "herself", "themselves", "itself", "myself", "yourself", "ourselves"})


def blew_oneself_up(trigger: Token) -> bool:
    """ "blew himself up", "detonated herself": a suicide bombing, not harm done only to oneself."""
    lemma = trigger.lemma_.lower()
    if lemma not in SELF_DETONATING:
        return False
    if lemma == "blow" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in trigger.children):
        return False  # "blew himself a kiss"
    return True


def settle_self_blasts(drafts: list[Draft]) -> list[Draft]:
    """The drafts, with a suicide blast's sides set and its bomber no event of its own.

    "The bomber at the gate blew herself up and killed four guards": the bomber (the verb's subject) did it, and
    the reflexive object is no one it was done to; the dead named after it are (``outcomes`` gives them
    to the blast). "Bomber" names an act only where nothing else in the sentence does: as the subject of
    a violent verb it is that act's doer, and coding it too would count one blast twice."""
    # read here, not at the top: the sense test imports this module for ``blew_oneself_up``
    from .arguments import subject_of
    from .outcomes import VIOLENT_ROOTS
    from .sense import noun_class

    violent = {d.match.token.i for d in drafts if d.code[:2] in VIOLENT_ROOTS and d.match.pos == "verb"}
    out = []
    for d in drafts:
        t = d.match.token
        if d.match.pos == "noun" and t.dep_ == "nsubj" and t.head.i in violent and noun_class(t) == "person":
            continue
        if d.match.pos == "verb" and blew_oneself_up(t) and not d.actor_toks and \
                any(c.dep_ in ("dobj", "obj") and c.lower_ in REFLEXIVES for c in t.children):
            subj = subject_of(t)
            if subj is not None:
                d.actor_toks, d.actor_how = [subj], f"subject of '{t.text}'"
                d.recipient_toks, d.recipient_how = [], ""
        out.append(d)
    return out
