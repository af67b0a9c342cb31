"""Recipients found outside a trigger's own frame: the territory an act is aimed at, the ground a protest is
held on (which is no target), and the learned argument scorer's pick where nothing else names one.

Reads the parse around a trigger and a draft's actor and recipient tokens; writes the draft's recipient
(``learned_recipient``). The frame's own slots come first (``arguments.recipient_slots``); this module is asked
only when they name no one.
"""

from __future__ import annotations

from spacy.tokens import Token

from .arguments import NOT_PARTIES, STOP_DEPS, is_passive


# CAMEO codes of acts aimed at a territory rather than at a party in it: a show of force or an alert (15),
# a ceasefire, a truce or a surrender (0356, 087x), a curfew, a state of emergency or a siege imposed or
# eased (081x, 172x), a blockade (191). Where no party is named, the place they hold in is the target.
TERRITORY_CODES = ("15", "0356", "087", "081", "172", "191")
TERRITORY_PREPS = frozenset({"in", "at", "across", "throughout", "over", "around", "inside"})


def territory_recipient(trigger: Token, code: str, exclude: set[int], agents=None) -> tuple[Token, str] | None:
    """ "troops remained on alert in Paris", "declared a ceasefire in Idlib", "imposed a curfew in parts of
    Kashmir": for an act aimed at a territory (TERRITORY_CODES), the place named in the trigger's own clause
    (on the trigger, its object, or the noun it modifies), with the preposition that names it."""
    from .sense import noun_class

    if not code.startswith(TERRITORY_CODES):
        return None
    roots = [trigger] + ([trigger.head] if trigger.dep_ in ("compound", "dobj", "pobj") else [])
    # "agreed to lay down their arms in Kivu": the act agreed to is the one that holds somewhere
    roots += [c for c in trigger.children if c.dep_ == "xcomp" and c.pos_ == "VERB"]
    stack = [c for r in roots for c in r.children if c.dep_ not in STOP_DEPS]
    while stack:
        t = stack.pop(0)
        if t.i in exclude or t.dep_ in STOP_DEPS:
            continue
        stack.extend(c for c in t.children if c.dep_ not in STOP_DEPS and c.dep_ != "conj")
        if t.dep_ == "pobj" and t.head.lower_ in TERRITORY_PREPS and t.ent_type_ not in NOT_PARTIES and \
                (t.ent_type_ in ("GPE", "LOC", "FAC") or noun_class(t, agents) == "place"):
            return t, f"where '{trigger.text}' holds ('{t.head.text}' phrase)"
    return None


GROUND_PREPS = frozenset({"at", "in", "to", "through", "into", "near", "across", "of", "on", "around"})


def protest_ground(tok: Token) -> bool:
    """A place or a building a protest is held at, in or across ("rallied at the university", "took to the
    streets of the city") is where it was, not whom it was against; a body's seat ("outside the embassy",
    "at the ministry") stands for the body protested against."""
    from ...ontology.agents import default_agents
    from .parties import is_party_noun
    from .sense import noun_class, noun_table

    if tok.dep_ != "pobj" or tok.head.lower_ not in GROUND_PREPS:
        return False
    if tok.head.lower_ == "to" and tok.head.head.lemma_.lower() == "protest":
        return False  # "protested to Tokyo over the visit": whom the protest is lodged with
    table = noun_table()
    if tok.head.lower_ == "of" and table.get(tok.head.head.lemma_.lower()) in ("place", "building"):
        return True  # "the streets of Lyon", "the centre of town", whatever the name is taken for
    if is_party_noun(tok, default_agents()):
        return False
    return tok.ent_type_ in ("GPE", "LOC", "FAC") or noun_class(tok) in ("place", "building") or \
        table.get(tok.lemma_.lower()) in ("place", "building")


def learned_recipient(d, agents=None) -> None:
    """Where the trigger's frame and its own dependents name no recipient at all, an act aimed at a
    territory takes the place it holds in (``territory_recipient``); else the learned argument
    scorer (``nlp.learned.args``) may pick one among the noun phrases around the trigger, when its
    probability reaches the threshold chosen on the tune half; the draft's ``recipient_how`` says so,
    with the probability and the features that weighed most, for ``dateline explain``."""
    from ..learned.args import ArgScorer

    from .sense import noun_class

    m = d.match
    if not any(t.ent_type_ or noun_class(t, agents) in ("person", "place") for t in d.recipient_toks):
        exclude = {w.i for w in m.words} | {t.i for t in d.actor_toks} | ({m.obj.i} if m.obj is not None else set())
        place = territory_recipient(m.token, d.code or "", exclude, agents)
        if place is not None:  # "remained on alert in Paris": the alert is no party, Paris is the target
            d.recipient_toks, d.recipient_alts, d.recipient_how = [place[0]], [], place[1]
            return
    if d.recipient_toks or d.recipient_alts or "recipient" in d.flags or "symmetric" in d.flags or m.compound \
            or (d.code or "").startswith("04"):
        return  # meetings and visits name their other side in their own slots; "A and B agreed" act on each other
    if m.pattern.id.startswith("petrarch:"):
        return  # PETRARCH's frames name their target by their own convention (the first actor after the verb)
    if any(a.conjuncts for a in d.actor_toks):
        return  # coordinated actors with no one else named may act on each other (events.build._pairs)
    if (d.code or "")[:2] == "11":
        told = charged_in(m.token, {t.i for t in d.actor_toks})
        if told is not None:  # "filed a suit alleging that the firm cheated": the firm
            d.recipient_toks, d.recipient_how = [told[0]], f"whom '{told[1].text}' charges"
            return
    exclude = frozenset({w.i for w in m.words} | ({m.obj.i} if m.obj is not None else set()))
    passive = m.pos != "noun" and is_passive(m.token)
    pick = ArgScorer.load().best(m.token, list(d.actor_toks), code=d.code or "", passive=passive, agents=agents,
                                 exclude=exclude)
    if pick is not None and not ((d.code or "")[:2] == "14" and protest_ground(pick.token)):
        d.recipient_toks, d.recipient_how = [pick.token], pick.text()


# Verbs that tell what a suit or a complaint says someone did: "a lawsuit alleging that the firm cheated".
CHARGING_VERBS = frozenset({"allege", "claim", "charge", "assert", "contend", "say", "argue", "accuse"})


def charged_in(trigger: Token, actors: set[int]) -> tuple[Token, Token] | None:
    """ "filed a lawsuit alleging that the firm had cheated", "lodged a complaint accusing the mayor of fraud": a
    suit or a complaint is aimed at whom the words it is described by charge, the subject of what they allege
    or the one they accuse, with the word that charges them."""
    nouns = [trigger] + [c for c in trigger.children if c.dep_ in ("dobj", "obj")]
    for n in nouns:
        for c in n.children:
            # the parse may hang the participle on the verb: "filed a suit in May alleging that ..."
            if c.dep_ not in ("acl", "advcl") or c.tag_ != "VBG" or c.lemma_.lower() not in CHARGING_VERBS:
                continue
            if c.lemma_.lower() == "accuse":
                got = [x for x in c.children if x.dep_ in ("dobj", "obj")]
            else:
                got = [x for cl in c.children if cl.dep_ == "ccomp" for x in cl.children if x.dep_ in ("nsubj", "nsubjpass")]
            got = [x for x in got if x.i not in actors and x.pos_ in ("PROPN", "NOUN")]
            if got:
                return got[0], c
    return None
