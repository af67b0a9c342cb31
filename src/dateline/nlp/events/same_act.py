"""One act named twice in one sentence, or told by the verb its noun is the subject of.

A copular sentence whose subject and complement are both event nouns of one kind does not tell two acts:
it says what the first one was ("the Tuesday bombing was an attack on a police post"). The complement is
the one to keep, as it is the one the sentence gives its target, place and time ("an attack on the post in
May"); coding both would count the act twice.

"The raid targeted a border post", "a blast rocked the market": the verb adds nothing of its own, but
what it hits is whom the act was done to (``aimed_at``).
"""

from __future__ import annotations

from .drafts import Draft


# verbs whose subject is an act of violence and whose object is what that act hit
HITTING_VERBS = frozenset({"target", "hit", "strike", "rock", "destroy", "damage", "wreck", "devastate",
                           "flatten", "level"})
# "ripped through a market", "tore through the hall"
THROUGH_VERBS = frozenset({"rip", "tear", "sweep"})


def aimed_at(drafts: list[Draft]) -> list[Draft]:
    """The drafts, each violent event noun that is the subject of a verb of hitting given that verb's
    object as a further candidate for whom it was done to ("the attack targeted a convoy of soldiers")."""
    for d in drafts:
        t = d.match.token
        if d.match.pos != "noun" or _kind(d.code) != "violence" or t.dep_ != "nsubj":
            continue
        verb, lemma = t.head, t.head.lemma_.lower()
        if lemma in HITTING_VERBS:
            objs = [c for c in verb.children if c.dep_ in ("dobj", "obj")]
        elif lemma in THROUGH_VERBS:
            objs = [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "through"
                    for x in c.children if x.dep_ == "pobj"]
        else:
            continue
        d.recipient_alts.extend((f"what '{t.text}' {verb.text}", o) for o in objs)
    return drafts


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


def one_protest(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less a protest word told as the purpose or the setting of another protest in its clause:
    "farmers marched through the town to protest against the tax" and "students protested at a rally" are
    one demonstration each. The governing one is kept (it has the doer); what the other was against becomes
    a further candidate for its target."""
    protests = {d.match.token.i: d for d in drafts if (d.code or "")[:2] == "14"}
    dropped = set()
    for d in drafts:
        t = d.match.token
        if t.i not in protests:
            continue
        host = None
        if t.dep_ in ("xcomp", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            host = protests.get(t.head.i)  # "marched ... to protest"
        elif t.dep_ == "pobj" and t.head.lower_ in ("at", "during", "in") and t.head.head.pos_ == "VERB":
            host = protests.get(t.head.head.i)  # "protested at a rally"
        if host is None or host is d or id(host) in dropped:
            continue
        dropped.add(id(d))
        host.recipient_alts.extend((f"what '{t.text}' was against", x) for c in t.children
                                   if c.dep_ == "prep" and c.lower_ in ("against", "over")
                                   for x in c.children if x.dep_ == "pobj")
        if t.pos_ == "VERB":
            host.recipient_alts.extend((f"what '{t.text}' was against", c) for c in t.children if c.dep_ == "dobj")
    return [d for d in drafts if id(d) not in dropped]
