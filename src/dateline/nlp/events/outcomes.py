"""Deaths and wounds told as what an act of violence did, not as acts of their own.

"A bomb exploded in the market, killing six people", "six people were killed in the bombing" and "the bombing
killed six people" tell one act: the bombing, with the dead as what it did. Coding the killing as well would
count one attack twice. The victims become whom the act was done to where it names no one else. A killing told on its own ("gunmen
killed six people") is still the act itself and stays.
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import RELATIVE_PRONOUNS
from .drafts import Draft
from .sense import noun_class

# verbs that tell a death or a wound, which may be the act itself or what another act did
OUTCOME_VERBS = {"kill": "killed", "wound": "wounded", "injure": "injured", "maim": "maimed", "hurt": "hurt"}
VIOLENT_ROOTS = ("18", "19", "20")
# nouns of violent acts that may be the subject of what they did ("the raid killed four")
ACT_NOUNS = frozenset({"attack", "bombing", "blast", "explosion", "shooting", "massacre", "raid", "strike",
                       "airstrike", "shelling", "ambush", "assault", "siege", "clash", "fighting", "riot",
                       "offensive", "bombardment", "rampage"})
# "killed in the blast", "wounded by the explosion", "died during the raid", "hurt from the shelling"
CAUSE_PREPS = frozenset({"in", "by", "during", "from", "after", "when"})


def _cause_of(tok: Token, violent: dict[int, Draft]) -> Draft | None:
    """The violent act whose outcome ``tok`` tells: the verb it hangs on as a participle ("exploded,
    killing six") or the event noun of its "in/by/during" phrase ("were killed in the bombing")."""
    if tok.dep_ == "conj" and tok.head.i in violent and not any(c.dep_ in ("nsubj", "nsubjpass")
                                                                for c in tok.children):
        return violent[tok.head.i]  # "killed 23 soldiers and wounded 15": what the one act did besides
    if tok.dep_ == "advcl" and tok.tag_ == "VBG" and not any(c.dep_ == "nsubj" for c in tok.children):
        if tok.head.i in violent:
            return violent[tok.head.i]
        # "left a bag holding a device that exploded, wounding five": the participle hangs on the main
        # verb, and tells what the nearest violent act before it in that clause did
        before = [t.i for t in tok.head.subtree if t.i < tok.i and t.i in violent]
        return violent[max(before)] if before else None
    passive = any(c.dep_ == "auxpass" for c in tok.children) or tok.dep_ == "acl" and tok.tag_ == "VBN"
    if not passive:  # "the bombing killed 191 people": the act is the subject of what it did
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is not None and subj.lower_ in RELATIVE_PRONOUNS and tok.dep_ == "relcl":
            subj = tok.head  # "a blast which wounded ten": the relative pronoun stands for the noun it follows
        if subj is None or subj.lemma_.lower() not in ACT_NOUNS:
            return None  # "a car bomb killed five": a weapon is no act of its own to fold the killing into
        return violent.get(subj.i)
    for c in tok.children:
        if c.dep_ in ("prep", "agent") and c.lower_ in CAUSE_PREPS:
            for x in c.children:
                if x.dep_ == "pobj" and x.i in violent:
                    return violent[x.i]
    return None


def _will_stand(d: Draft) -> bool:
    """Can the draft take in a killing? Not an event noun that needs a verb to bring it about and has
    none ("a car bomb" with no verb that sets it off is dropped later, and the dead with it)."""
    from .build import _realized

    return not (d.match.pos == "noun" and "realizer" in d.flags and not _realized(d.match.token))


def _left_state(tok: Token) -> tuple[Token, Token | None] | None:
    """(subject of "leave", the one left so) when ``tok`` is the state a "leave" leaves someone in: "the
    clash left two students injured", "the storm left him hurt"; else None."""
    head, victim = tok.head, None
    if tok.dep_ == "acl" and head.dep_ == "dobj":  # "left [five people injured]"
        head, victim = head.head, head
    elif tok.dep_ not in ("ccomp", "xcomp", "oprd", "acomp"):
        return None
    if head.lemma_.lower() != "leave" or head.i == tok.i:
        return None
    subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return None
    victim = victim or next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    victim = victim or next((c for c in head.children if c.dep_ == "dobj"), None)
    return subj, victim


def _left_by(d: Draft, violent: dict[int, Draft]) -> bool:
    """Settle a wound told as the state something left people in. The one left injured is the victim,
    never the doer. When what left them so is a violent act of the sentence, the wound is that act's
    toll (True: drop the draft); when it is a person or a group ("gunmen left five wounded"), they did
    it (the draft's sides are set, False); a storm, a crash or a clash no one is named in did no attack
    of its own here (True)."""
    got = _left_state(d.match.token)
    if got is None:
        return False
    subj, victim = got
    cause = violent.get(subj.i)
    if cause is not None and cause is not d:
        if victim is not None:
            cause.recipient_alts.append((f"whom '{cause.match.token.text}' left {d.match.token.text}", victim))
        return True
    if noun_class(subj) == "person" and subj.lemma_.lower() not in ACT_NOUNS:
        d.actor_toks, d.actor_how = [subj], f"subject of 'left' ... '{d.match.token.text}'"
        d.recipient_toks = [victim] if victim is not None else []
        d.recipient_how = f"whom '{subj.text}' left {d.match.token.text}" if victim is not None else ""
        return False
    return True


def drop_outcomes(drafts: list[Draft]) -> list[Draft]:
    """The drafts, less killings and woundings that tell what another violent draft of the sentence did."""
    violent = {d.match.token.i: d for d in drafts if d.code[:2] in VIOLENT_ROOTS and _will_stand(d)}
    out = []
    for d in drafts:
        t = d.match.token
        if t.lemma_.lower() in OUTCOME_VERBS and d.code[:2] in VIOLENT_ROOTS and _left_by(d, violent):
            continue
        cause = _cause_of(t, violent) if t.lemma_.lower() in OUTCOME_VERBS and d.code[:2] in VIOLENT_ROOTS else None
        if cause is None or cause is d:
            out.append(d)
            continue
        # the dead and the wounded are whom the act was done to, where the act names no one else
        victim = next((c for c in t.children if c.dep_ in ("dobj", "nsubjpass")), None)
        if victim is None and t.dep_ == "acl":
            victim = t.head
        if victim is not None:
            cause.recipient_alts.append((f"whom '{cause.match.token.text}' {OUTCOME_VERBS[t.lemma_.lower()]}", victim))
    return out


# a story that has just told of an attack tells its toll in the next sentence or two
TOLL_WINDOW = 2


# words of a toll: a story still counting the dead and hurt of an attack is still telling that attack
TOLL_WORDS = frozenset({"casualty", "injury", "toll", "victim", "dead", "death", "wounded", "injured", "hospital",
                        "hospitalise", "hospitalize", "survivor", "fatality", "injure", "wound", "kill", "die"})
PERSONAL_PRONOUNS = frozenset({"they", "he", "she"})


def counts_toll(sent) -> bool:
    """Does the sentence speak of the dead or the hurt ("there have been injuries", "no casualties")?"""
    return any(t.lemma_.lower() in TOLL_WORDS or t.lower_ in TOLL_WORDS for t in sent)


def toll_told_again(trigger: Token | None, doer_named: bool, *, just_told: bool = False) -> bool:
    """ "Six soldiers were killed", "four men were injured", with no one named doing it: in a story that
    has just told of a violent act, the dead and wounded of that act, not a new attack by someone unknown.
    Right after the act (``just_told``: the sentence before told it), "they killed six and wounded four"
    is its toll too: the pronoun stands for the attackers just named."""
    if trigger is None or trigger.lemma_.lower() not in OUTCOME_VERBS:
        return False
    if just_told and any(c.dep_ == "nsubj" and c.lower_ in PERSONAL_PRONOUNS for c in trigger.children):
        return True
    if doer_named:
        return False
    if any(c.dep_ in ("agent", "nsubj") for c in trigger.children):
        return False
    return any(c.dep_ == "auxpass" for c in trigger.children) or trigger.tag_ == "VBN"
