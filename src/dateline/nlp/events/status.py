"""Did it happen? The status of an event from the words around its trigger.

occurred (the default) · reported (hedged: "is said to have met", "reportedly", "rumors of") ·
expected (future or planned: "will meet", "plans to", "an expected summit", "ahead of the summit") ·
intended ("ready to sit with", "wants to") · denied ("did not meet", "denied meeting") ·
hypothetical ("if ...", "could", "might").
"""

from __future__ import annotations

from spacy.tokens import Token

from ..lexicon import FUTURE_AUX, SPEECH_VERBS
from .lexicon import (
    ALLEGE_VERBS,
    ASSERTING_VERBS,
    COGNITION_VERBS,
    CONDITION_MARKS,
    DENIAL_VERBS,
    DOUBT_VERBS,
    OBLIGATION_AUX,
    PROPOSAL_NOUNS,
    FUTURE_MODIFIERS,
    FUTURE_PHRASES,
    HEDGE_ADVERBS,
    HEDGE_NOUNS,
    HEDGE_PASSIVES,
    NEGATORS,
    PAST_FUTURE_AUX,
    PLAN_WORDS,
    POSSIBILITY_AUX,
)

AFTER_PHRASES = ("in the works", "in the pipeline", "on the cards", "being prepared", "being planned",
                 "yet to be confirmed", "to be held", "to take place")


def status_of(trigger: Token, *, noun: bool = False) -> tuple[str, str]:
    """(status, the words that decided it)."""
    # an event noun takes no tense from the verb it is the subject of ("the visit will be a steppingstone")
    steps = (question, _claimed, _hedge, _negation, _condition, _governor, _noun_context) if noun else \
        (question, held_back, _imagined, _claimed, _hedge, _negation, performative, _condition, _modality,
         _governor, _verb_context)
    if noun and trigger.dep_ in ("nsubj", "nsubjpass"):
        steps = (question, _claimed, _hedge, _noun_context)
    for fn in steps:
        got = fn(trigger)
        if got is not None:
            return got
    return "occurred", ""


# Acts done by saying them: "we would like to thank the crews" thanks them in the saying.
PERFORMATIVES = frozenset({"thank", "congratulate", "apologise", "apologize", "welcome", "commend", "salute",
                           "praise", "applaud", "acknowledge"})
POLITE_WANTS = frozenset({"like", "want", "wish"})


def held_back(tok: Token) -> tuple[str, str] | None:
    """ "His reluctance to condemn", "the refusal to meet": whatever else is said of it, the act was not done."""
    if not any(c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
        return None
    noun = tok.head if tok.dep_ == "acl" else None
    if tok.dep_ == "xcomp":  # the parser may hang "to condemn" on the verb whose object the noun is
        noun = next((c for c in tok.head.children if c.dep_ in ("dobj", "nsubj", "nsubjpass") and c.i == tok.i - 2),
                    None)  # the noun right before "to": "blamed his reluctance to condemn"
    if noun is not None and noun.pos_ == "NOUN" and PLAN_WORDS.get(noun.lemma_.lower()) == "denied":
        return "denied", f"{noun.text} to"
    return None


IMAGINING = frozenset({"see", "imagine", "picture", "envision", "envisage"})


def _imagined(tok: Token) -> tuple[str, str] | None:
    """ "I can't see myself backing him", "could imagine herself voting for her": what one pictures oneself
    doing is not done; with the picturing denied, it is denied."""
    head = tok.head
    if tok.dep_ not in ("ccomp", "xcomp") or head.lemma_.lower() not in IMAGINING or \
            not any(c.dep_ in ("nsubj", "dobj") and c.lower_.endswith(("self", "selves")) for c in tok.children):
        return None
    neg = next((c for c in head.children if c.dep_ == "neg"), None)
    return ("denied", f"{neg.text} {head.text}") if neg is not None else ("hypothetical", head.text)


def performative(tok: Token) -> tuple[str, str] | None:
    """ "Would like to thank", "wants to congratulate": the polite form of thanking is thanking."""
    if tok.lemma_.lower() not in PERFORMATIVES or tok.dep_ != "xcomp" or tok.head.lemma_.lower() not in POLITE_WANTS:
        return None
    if any(c.dep_ == "neg" for c in tok.head.children):
        return None
    return "occurred", f"{tok.head.text} to {tok.text}"


def _chain(tok: Token, limit: int = 6):
    """The token and the predicates above it, while they belong to the same event complex."""
    t = tok
    for _ in range(limit):
        yield t
        if t.head.i == t.i or t.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "ROOT", "conj"):
            return
        t = t.head


def question(tok: Token) -> tuple[str, str] | None:
    """A question asserts nothing: "Will the army withdraw?" """
    text = tok.sent.text.rstrip().rstrip('"\'’”)').rstrip()
    return ("hypothetical", "?") if text.endswith("?") else None


def _claimed(tok: Token) -> tuple[str, str] | None:
    """What someone claims, is accused of, or what a negated "mean/say" governs is not asserted:
    "claims that rebels fired shells" (reported), "disputed claims that ..." (denied), "accused of
    smuggling" (reported), "this does not mean that talks have ended" (hypothetical)."""
    t = tok
    for _ in range(5):
        h = t.head
        if h.i == t.i:
            return None
        word = h.lemma_.lower()
        if t.dep_ in ("acl", "ccomp") and h.pos_ == "NOUN" and word in HEDGE_NOUNS:
            gov = h.head
            if h.dep_ in ("dobj", "nsubjpass") and gov.lemma_.lower() in DOUBT_VERBS:
                return "denied", f"{gov.text} {h.text}"
            return "reported", f"{h.text} that"
        if t.dep_ == "ccomp" and word in COGNITION_VERBS and _future(t):
            return "hypothetical", f"{h.text} ... will"  # "believes voters will back the plan": a view
        if t.dep_ in ("acl", "ccomp") and h.pos_ == "NOUN" and word in PROPOSAL_NOUNS:
            return "hypothetical", f"{h.text} that"  # "on condition that the network pay"
        if any(c.dep_ == "mark" and c.lower_ == "for" for c in t.children) and \
                any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            return "hypothetical", "for ... to"  # "it is essential for the states to contribute"
        if t.dep_ in ("ccomp", "xcomp") and word in ("seem", "appear"):
            return "reported", f"{h.text} to"  # "she seems to have agreed"
        if t.dep_ == "ccomp" and h.dep_ == "xcomp" and h.head.lemma_.lower() in ("seem", "appear"):
            return "reported", f"{h.head.text} to {h.text}"  # "the emails seem to show that she agreed"
        if t.dep_ == "ccomp" and word in ("claim", "allege"):
            return "reported", f"{h.text} that"  # "rebels claimed that soldiers shelled the village"
        if t.dep_ in ("pcomp", "pobj", "prep", "xcomp") and word in ALLEGE_VERBS:
            return "reported", f"{h.text} of" if t.dep_ != "xcomp" else h.text
        if t.dep_ in ("ccomp", "xcomp", "pcomp", "dobj") and word in ASSERTING_VERBS and \
                any(c.dep_ == "neg" for c in h.children):
            return "hypothetical", f"not {h.text}"  # "did not say that", "did not mention asking"
        if t.dep_ in ("ccomp", "advcl", "relcl", "parataxis", "ROOT"):
            return None
        t = h
    return None


def _future(verb: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX | PAST_FUTURE_AUX | POSSIBILITY_AUX
               for c in verb.children)


def _hedge(tok: Token) -> tuple[str, str] | None:
    for t in _chain(tok):
        for c in t.children:
            if c.dep_ == "advmod" and c.lower_ in HEDGE_ADVERBS:
                return "reported", c.text
        h = t.head
        if t.dep_ == "xcomp" and h.lemma_.lower() in HEDGE_PASSIVES and any(
                c.dep_ in ("auxpass", "nsubjpass") for c in h.children):
            aux = next((c for c in h.children if c.dep_ == "auxpass"), None)
            return "reported", f"{aux.text + ' ' if aux is not None else ''}{h.text} to"
        if t.dep_ == "pobj" and h.lower_ == "of" and h.head.lemma_.lower() in HEDGE_NOUNS:
            return "reported", f"{h.head.text} of"
    return None


def _negation(tok: Token) -> tuple[str, str] | None:
    if tok.dep_ == "conj" and any(c.dep_ == "cc" and c.lower_ in ("or", "nor") for c in tok.head.children):
        neg = next((c for c in tok.head.children if c.dep_ == "neg"), None)
        if neg is not None:  # "has not endorsed her or conceded": the "not" covers both
            return "denied", neg.text
    for t in _chain(tok, 3):
        neg = next((c for c in t.children if c.dep_ == "neg" or (c.lower_ in NEGATORS and c.dep_ == "advmod")),
                   None)
        if neg is not None:
            return "denied", neg.text
        if t.dep_ in ("xcomp", "ccomp", "dobj", "pcomp") and t.head.lemma_.lower() in DENIAL_VERBS:
            return "denied", t.head.text
    return None


def _condition(tok: Token) -> tuple[str, str] | None:
    t = tok
    for _ in range(8):
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS:
                return "hypothetical", c.text
            # "If elected, she would ask him": the condition is a clause of its own on the verb
            mark = next((x for x in c.children if x.dep_ == "mark" and x.lower_ in ("if", "unless")), None) \
                if c.dep_ == "advcl" else None
            if mark is not None:
                return "hypothetical", mark.text
        if t.head.i == t.i or t.dep_ in ("ccomp", "parataxis", "ROOT"):
            return None
        t = t.head
    return None


# Times that a present progressive can happen at now ("is holding talks today"): no arrangement.
NOW_WORDS = frozenset({"today", "now", "currently", "tonight", "this", "morning", "afternoon", "evening"})


def _arranged(verb: Token) -> tuple[str, str] | None:
    """ "The ministry is holding a meeting on Friday": the present progressive with a time of its own is a
    future arrangement, not something going on."""
    if verb.tag_ != "VBG" or not any(c.dep_ == "aux" and c.lower_ in ("is", "are", "am", "'s", "'re")
                                     for c in verb.children):
        return None
    when = [t for t in verb.subtree if t.ent_type_ in ("DATE", "TIME")]
    if when and not any(t.lower_ in NOW_WORDS for t in when):
        return "expected", f"{next(c.text for c in verb.children if c.dep_ == 'aux')} {verb.text} ... {when[0].text}"
    return None


def _modality(tok: Token) -> tuple[str, str] | None:
    arranged = _arranged(tok)
    if arranged is not None:
        return arranged
    for t in _chain(tok, 3):
        for c in t.children:
            if c.dep_ not in ("aux", "auxpass"):
                continue
            low = c.lower_
            if low in FUTURE_AUX:
                return "expected", c.text
            if low in PAST_FUTURE_AUX:
                if any(x.dep_ == "aux" and x.lemma_ == "have" for x in t.children):
                    return "hypothetical", f"{c.text} have"  # "would have met": it did not happen
                return "expected", c.text
            if low in POSSIBILITY_AUX or low in OBLIGATION_AUX:
                return "hypothetical", c.text  # "could attack", "must release": neither has happened
        # "will work with the unions to call for a strike": the purpose is as future as the work
        # ("troops who would be sent to fight", "could be deployed to guard": as uncertain as the sending)
        if t.dep_ in ("advcl", "xcomp") and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children):
            aux = next((c for c in t.head.children if c.dep_ == "aux" and
                        c.lower_ in FUTURE_AUX | PAST_FUTURE_AUX | POSSIBILITY_AUX), None)
            if aux is not None:
                return ("hypothetical" if aux.lower_ in POSSIBILITY_AUX else "expected"), aux.text
        # "is going to", "is to meet"
        if t.dep_ == "xcomp" and t.head.lower_ == "going":
            return "expected", "going to"
        if t.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in t.children) and \
                t.head.lemma_ == "be" and t.dep_ in ("xcomp", "ccomp"):
            return "expected", f"{t.head.text} to"
    return None


def _governor(tok: Token) -> tuple[str, str] | None:
    """A verb or adjective of planning, wanting or refusing above the trigger: "plans to", "ready to",
    "an invitation to visit", "has yet to visit"."""
    if tok.dep_ == "acl" and tok.head.lemma_.lower() in PLAN_WORDS and any(
            c.lower_ == "to" and c.dep_ == "aux" for c in tok.children):
        return PLAN_WORDS[tok.head.lemma_.lower()], f"{tok.head.text} to"
    if tok.dep_ == "xcomp" and tok.head.lemma_ == "have" and any(c.lower_ == "yet" for c in tok.head.children):
        return "expected", "yet to"
    t = tok
    for _ in range(5):
        if t.dep_ == "conj" and t.head.tag_ == t.tag_ == "VBG":
            t = t.head  # "talked about closing the border and banning imports": both are talked about
            continue
        if t.dep_ not in ("xcomp", "acomp", "ccomp", "pcomp", "pobj", "prep", "dobj") or t.head.i == t.i:
            return None
        h = t.head
        word = h.lemma_.lower()
        if word in PLAN_WORDS and t.dep_ in ("xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj"):
            if word == "look" and not any(c.lower_ == "forward" for c in h.children):
                pass
            else:
                return PLAN_WORDS[word], h.text
        if t.dep_ in ("ccomp",):
            return None
        t = h
    return None


def _noun_context(tok: Token) -> tuple[str, str] | None:
    future = _future_governor(tok)
    if future is not None:
        return "expected", future
    doc = tok.doc
    for c in tok.children:
        if c.dep_ in ("amod", "compound") and c.lower_ in FUTURE_MODIFIERS:
            return "expected", c.text
    start = max(tok.sent.start, tok.i - 8)
    left = doc[start:tok.i]
    words = [t.lower_ for t in left]
    for w in words:
        if w in FUTURE_MODIFIERS:
            return "expected", w
    text = " " + " ".join(words) + " "
    for phrase in FUTURE_PHRASES:
        if f" {phrase} " in text or text.rstrip().endswith(" " + phrase):
            return "expected", phrase
    right = " ".join(t.lower_ for t in doc[tok.i + 1:min(tok.sent.end, tok.i + 8)])
    for phrase in AFTER_PHRASES:
        if phrase in right:
            return "expected", phrase
    return None


def _future_governor(noun: Token) -> str | None:
    """ "It will start accession talks", "they will hold a summit": an event noun that is the object of a
    verb in the future tense has not happened yet."""
    t = noun
    for _ in range(3):
        if t.dep_ not in ("dobj", "obj", "pobj", "prep") or t.head.i == t.i:
            return None
        t = t.head
        if t.pos_ in ("VERB", "AUX"):
            aux = next((c for c in t.children if c.dep_ == "aux" and c.lower_ in FUTURE_AUX), None)
            return aux.text if aux is not None else None
    return None


def _verb_context(tok: Token) -> tuple[str, str] | None:
    """A gerund in a hope or plan phrase: "pinning hopes of ... meeting again"."""
    if tok.tag_ != "VBG":
        return None
    doc = tok.doc
    start = max(tok.sent.start, tok.i - 8)
    text = " " + " ".join(t.lower_ for t in doc[start:tok.i]) + " "
    for phrase in FUTURE_PHRASES:
        if f" {phrase} " in text:
            return "expected", phrase
    return None


# Acts of pressure, protest or force: told as what someone says or knows another did, they are that
# speaker's claim ("the mayor said the militia shelled the town", "we know their agents broke into the
# servers"), not the writer's own statement.
HOSTILE_ROOTS = frozenset({"13", "14", "15", "16", "17", "18", "19", "20"})


def on_anothers_word(tok: Token, code: str) -> tuple[str, str] | None:
    """ "reported" for a hostile act in what someone else says: "the mayor said the militia shelled the town",
    "the militia shelled the town, the mayor said". The speaker's own side's acts ("we struck back") stay."""
    if code[:2] not in HOSTILE_ROOTS:
        return None
    t = tok
    while t.dep_ == "conj" and t.head is not t:
        t = t.head
    verb = t.head if t.dep_ == "ccomp" else next(
        (c for c in t.children if c.dep_ in ("parataxis", "ccomp") and c.i > tok.i and
         c.lemma_.lower() in SPEECH_VERBS), None) if t.dep_ == "ROOT" else None
    if verb is None or verb.lemma_.lower() not in SPEECH_VERBS | {"know"}:
        return None
    speaker = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    doer = next((c for c in t.children if c.dep_ in ("nsubj", "agent")), None)
    if speaker is None or (doer is not None and (doer.lower_ == speaker.lower_ or doer.pos_ == "PRON")):
        return None  # "the group said it carried out the attack": a pronoun may be the speaker's own side
    return "reported", f"{speaker.text} {verb.text}"
