"""Triggers read into drafts: what each coded act will be before its arguments are resolved.

A verb of agreeing, asking, refusing or threatening is joined with the action it governs into one code
("threatened to impose sanctions" is THREATEN 1312, ``lexicon.compose``); a plan or intent word passes its
status down ("plans to visit"); "will visit" is an intention and "would not meet" a refusal; "X says Y
must do Z" is a demand; a judgement in what a named speaker says is criticism or praise (``appraisal``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...ontology.verbs import VerbPattern
from ..lexicon import FUTURE_AUX, SPEECH_VERBS
from ..words import WordTest
from .arguments import complement_tokens, subject_of
from .parties import is_thing
from .lexicon import LIGHT_VERBS, OBLIGATION_AUX, PAST_FUTURE_AUX, compose, intent_family
from .status import question, status_of
from .triggers import Match

FAMILIES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
WRAPPERS = frozenset({"INTEND", "PLAN", "NEGATE"})


@dataclass(slots=True)
class Draft:
    match: Match
    code: str
    rule: list[str]
    notes: list[str] = field(default_factory=list)
    complement: Match | None = None
    status: tuple[str, str] | None = None  # set by a wrapper or a conversion
    actor_toks: list[Token] = field(default_factory=list)
    recipient_toks: list[Token] = field(default_factory=list)
    actor_how: str = ""
    recipient_how: str = ""
    recipient_alts: list[tuple[str, Token]] = field(default_factory=list)  # further candidates, in order
    speaker_tok: Token | None = None
    plover: str = ""
    mode: str = ""
    flags: frozenset[str] = frozenset()
    anchor: Token | None = None  # the verb whose clause dates and places the event


# "offered to talk on condition that the rebels disarm": what follows such a noun is a term set, not the offer
TERMS_NOUNS = frozenset({"condition", "basis", "ground", "grounds", "pretext", "understanding", "premise"})


def complement_of(m: Match, by_tok: dict[int, Match]) -> Match | None:
    """The action a family or wrapper word governs, when it is itself a trigger."""
    for tok in complement_tokens(m.token):
        hit = by_tok.get(tok.i)
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in LIGHT_VERBS and (hit is None or hit.obj is None):
            # "ready to host a meeting", "plans to hold talks": the act is the light verb's object
            hit = next((by_tok[c.i] for c in tok.children if c.dep_ in ("dobj", "obj") and c.i in by_tok
                        and by_tok[c.i].pos == "noun"), None) or hit
        if hit is None and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in TERMS_NOUNS:
            # "rejected a request to interrogate", "demanded the withdrawal of": look one level down
            for c in tok.children:
                if c.dep_ in ("acl", "relcl", "prep") and c.i > tok.i:
                    inner = by_tok.get(c.i) or next((by_tok[x.i] for x in c.children if x.i in by_tok), None)
                    if inner is not None:
                        hit = inner
                        break
        if hit is None and tok.pos_ == "AUX":
            hit = next((by_tok[c.i] for c in tok.children if c.i in by_tok and c.dep_ in ("acomp", "xcomp")), None)
        if hit is not None and hit is not m:
            return hit
    return None


def draft_of(m: Match, by_tok: dict[int, Match], comp_of: dict[int, Match], style: str) -> Draft | None:
    p = m.pattern
    d = Draft(match=m, code=p.cameo, rule=[p.id], plover=p.plover, mode=p.mode, flags=p.flags, anchor=m.token)
    if p.comp in FAMILIES:
        c = comp_of.get(m.token.i)
        ccode = ""
        if c is not None:
            inner = draft_of(c, by_tok, comp_of, style)
            if inner is not None:
                ccode = inner.code
                d.complement = c
                d.rule += inner.rule
                d.notes.append(f"'{m.token.text}' governs '{c.token.text}' ({inner.code or 'no code'}): "
                               f"{p.comp} + {inner.code or '—'} -> {compose(p.comp, ccode)}")
                d.flags = frozenset(d.flags - {"recipient"})
        d.code = compose(p.comp, ccode) if style == "dateline" else (p.cameo or d.code)
        if ccode and d.code != ccode:
            d.plover = d.mode = ""  # the composed code decides the type
    if not d.code:
        return None
    return d


def wrapper_chain(m: Match, wrapped: dict[int, Match]) -> Match | None:
    return wrapped.get(m.token.i)


def apply_wrapper(d: Draft, w: Match, style: str) -> None:
    """ "ready to sit with" -> AGREE 036, intended; "plans to visit" -> AGREE 036, expected."""
    from .lexicon import PLAN_WORDS
    from .status import performative

    word = w.token.lemma_.lower()
    said = performative(d.match.token)
    if said is not None:  # "I want to thank the crews" thanks them: no intention, the act itself
        d.status = said
        return
    status = "denied" if w.pattern.comp == "NEGATE" else PLAN_WORDS.get(word, "intended" if w.pattern.comp ==
                                                                         "INTEND" else "expected")
    negated = next((c for c in w.token.children if c.dep_ == "neg"), None)
    if negated is not None:  # "did not intend to refer it": nothing is intended
        status = "denied"
    d.status = (status, f"{negated.text} {w.token.text}" if negated is not None else w.token.text)
    d.rule.insert(0, w.pattern.id)
    d.anchor = w.token
    if style == "dateline" and w.pattern.comp != "NEGATE" and negated is None and \
            d.match.pattern.comp not in FAMILIES:
        fam = intent_family(d.code)
        if fam is not None:
            new = compose(fam, d.code)
            d.notes.append(f"'{w.token.text}' puts '{d.match.token.text}' ({d.code}) ahead: {fam} {new}")
            d.code, d.plover, d.mode = new, "", ""


def modal_conversion(d: Draft) -> None:
    """ "will visit" is an intention to meet (AGREE 036); "would not meet demands" a refusal (REJECT)."""
    if d.match.pattern.comp in FAMILIES:
        return
    t = d.match.token
    if question(t) is not None:  # "Will the army attack?" asks; it neither intends nor threatens
        d.status = question(t)
        return
    context = status_of(t)
    if context[0] in ("hypothetical", "reported") and not context[1].endswith(("could", "may", "might")):
        d.status = context  # "believes voters will back it": a view, not an intention
        return
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    future = next((a for a in aux if a.lower_ in FUTURE_AUX | PAST_FUTURE_AUX), None)
    maybe = next((a for a in aux if a.lower_ in ("may", "might", "could")), None)
    if future is None and maybe is not None and (d.code or "")[:2] in ("16", "17", "18", "19", "20", "14", "15"):
        cond = next((c for c in t.children if c.dep_ == "advcl" and any(
            x.dep_ == "mark" and x.lower_ in ("if", "unless") for x in c.children)), None)
        if cond is not None and _reported(t):  # "X may halt mediation if ..., a minister said": a threat
            new = compose("THREATEN", d.code)
            d.notes.append(f"'{maybe.text} {t.text} ... if': a conditional threat, THREATEN {new}")
            d.code, d.plover, d.mode = new, "", ""
            d.status = ("hypothetical", f"{maybe.text} ... if")
            return
    if future is not None and any(a.lemma_ == "have" for a in aux):
        # "would not have allowed it": what would have happened had things been otherwise
        d.status = ("hypothetical", f"{future.text} have")
        return
    if future is None and t.dep_ == "xcomp" and t.head.lower_ == "going":
        future = t.head
    if future is None or t.dep_ in ("relcl", "acl"):
        return  # "a result that will be welcomed" describes; it commits no one
    neg = next((c for c in t.children if c.dep_ == "neg"), None)
    if neg is not None and not _can_refuse(t):  # "the prize will not go to her": a thing refuses nothing
        d.status = ("denied", f"{future.text} {neg.text}")
        return
    if neg is not None:
        new = compose("REJECT", d.code)
        d.notes.append(f"'{future.text} {neg.text} {t.text}': a refusal, REJECT {new}")
        d.code, d.plover, d.mode, d.status = new, "", "", ("occurred", f"{future.text} {neg.text}")
        d.flags = frozenset(d.flags - {"recipient"})
        return
    fam = intent_family(d.code)
    if fam is None:
        return
    new = compose(fam, d.code)
    d.notes.append(f"'{future.text} {t.text}': an intention, {fam} {new}")
    d.code, d.plover, d.mode = new, "", ""
    d.status = ("expected", future.text)


def _can_refuse(verb: Token) -> bool:
    """Only a party can refuse: a person, a body or a country as the subject ("the union will not meet
    him"), not a thing ("the money will not go to them")."""
    from ...ontology.agents import default_agents
    from .parties import is_thing

    subj = subject_of(verb)
    return subj is None or not is_thing(subj, default_agents())


def _reported(t: Token) -> bool:
    """Is the clause what someone says (under a verb of saying), rather than the writer's own words?"""
    for _ in range(6):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if t.dep_ == "ROOT" and any(c.dep_ in ("parataxis", "advcl", "ccomp") and c.lemma_.lower() in SPEECH_VERBS
                                    for c in t.children):
            return True  # "X may halt ..., the minister said" parsed with "said" under X
        if t.head.i == t.i:
            return False
        t = t.head
    return False


# Verbs of saying that can carry a demand ("said the army must withdraw"); not the verbs of thinking, agreeing
# or forecasting that the shared list of speech verbs also holds ("believes she should resign" is a view).
NOT_DEMANDING = frozenset({"think", "believe", "agree", "fear", "estimate", "predict", "forecast", "hope", "expect",
                           "speculate", "suggest", "caution", "acknowledge", "admit", "concede", "find", "show",
                           "indicate", "signal", "recall", "recount", "muse", "joke", "quip", "boast", "brag"})
_DEMAND_VERBS = WordTest(lambda w: w.lower() in (SPEECH_VERBS - NOT_DEMANDING) | {"conclude", "declare", "announce",
                                                                                 "insist"}, lower=False)


def speech_demands(sent: TokSpan, by_tok: dict[int, Match], drafts: list[Draft], agents=None) -> list[Draft]:
    """ "X said Y must do Z" is a demand of X on Y (REQUEST), whether or not Z is a coded action."""
    out: list[Draft] = []
    taken = {d.match.token.i for d in drafts} | {d.complement.token.i for d in drafts if d.complement}
    doc = sent.doc
    for i in _DEMAND_VERBS.in_range(doc, sent.start, sent.end):
        tok = doc[i]
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            target, modal = _obligation(c)
            if modal is None:
                continue
            # the action that is demanded may sit under "be ready to", "be allowed to"
            action = next((t for t in target.subtree if t.i in by_tok and t.i != target.i and
                           by_tok[t.i].pattern.comp not in WRAPPERS and
                           any(x.i == target.i for x in t.ancestors)), None) if target.i not in by_tok else None
            if action is not None and any(dr.match.token.i == action.i for dr in drafts):
                target = action
            if _not_a_demand(target, modal, agents):
                continue
            inner = by_tok.get(target.i)
            existing = next((d for d in drafts if d.match.token.i == target.i), None)
            base = (inner.pattern.cameo if inner else "") or (existing.code if existing is not None else "")
            code = compose("REQUEST", base)
            fake = inner or Match(token=target, pattern=_SAY_MUST, pos="verb")
            d = Draft(match=fake, code=code, rule=["r.say-must"] + ([fake.pattern.id] if inner else []),
                      anchor=tok, speaker_tok=subject_of(tok))
            d.notes.append(f"'{tok.text}' reports that someone '{modal.text}' '{target.text}': a demand, REQUEST {code}")
            d.actor_toks = [d.speaker_tok] if d.speaker_tok is not None else []
            d.actor_how = f"the speaker of '{tok.text}'"
            s = subject_of(target)
            d.recipient_toks = [s] if s is not None else []
            d.recipient_how = f"subject of '{target.text}'"
            d.status = ("occurred", modal.text)
            if existing is not None:
                drafts.remove(existing)
            elif target.i in taken:
                continue
            out.append(d)
    return out


def _not_a_demand(target: Token, modal: Token, agents=None) -> bool:
    """ "must have been", "must be" (a guess), "you have to be careful" (advice to anyone) and a clause
    with no one obliged are no demand on anyone."""
    from .sense import EPISTEMIC_LEMMAS, GENERIC_SUBJECTS, SAYING_LEMMAS

    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in target.children) and target.tag_ == "VBN":
        return True
    if modal.lemma_.lower() in ADVICE_MODALS:
        return True  # "said the council should reopen the library": advice, a view of what is best
    if target.lemma_ == "do" and any(c.dep_ == "prep" and c.lower_ == "with" for c in target.children):
        return True  # "it will have to do with money": a matter of, not an obligation
    if target.lemma_.lower() in EPISTEMIC_LEMMAS or target.lemma_.lower() in SAYING_LEMMAS:
        return True  # "must be", "needs to say": a guess, or a comment on speaking
    if modal.i < target.i and any(c.dep_ in ("nsubj", "nsubjpass") and modal.i < c.i < target.i
                                  for c in target.children) and modal.lower_ == "should":
        return True  # "Should Rubio win Florida, ...": a condition, not an obligation
    s = subject_of(target)
    if s is not None and s.lemma_.lower() in OWN_BODIES and any(
            c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES for c in s.children):
        return True  # "said his agency had to study the problem": what one's own body must do is a plan
    if s is not None and agents is not None and is_thing(s, agents):
        return True  # "the violence must stop": a wish about a state of things, no one is asked to act
    # "he said he will have to win": his own reckoning, not a demand on someone else
    return s is None or s.lower_ in GENERIC_SUBJECTS or s.lower_ in ("he", "she")


# "should", "ought to" and "need to" give advice or a view of what is best; "must" and "have to" oblige.
ADVICE_MODALS = frozenset({"should", "ought", "need"})
# Bodies a speaker belongs to, named with "his", "our": their duties are the speaker's own plans.
OWN_BODIES = frozenset({"agency", "government", "party", "company", "firm", "administration", "department",
                        "ministry", "team", "staff", "side", "organisation", "organization", "office", "union",
                        "campaign", "group", "bank", "council", "board"})
OWN_POSSESSIVES = frozenset({"his", "her", "their", "its", "our", "my"})


def _obligation(clause: Token) -> tuple[Token, Token | None]:
    t = clause
    for _ in range(3):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX:
                return t, c
            if c.dep_ == "xcomp" and t.lemma_ in ("have", "need") and any(x.lower_ == "to" for x in c.children) \
                    and not any(x.dep_ in ("dobj", "obj") for x in t.children):  # "had four years to prepare": time
                return c, t
        nxt = next((c for c in t.children if c.dep_ in ("xcomp", "acomp")), None)
        if nxt is None:
            break
        t = nxt
    return clause, None


_SAY_MUST = VerbPattern(id="r.say-must", lemma="", cameo="100", note="X says Y must do Z")
_JUDGEMENT = {
    "111": VerbPattern(id="r.say-blame", lemma="", cameo="111", flags=frozenset({"recipient", "known-actor"}),
                       note="X says Y failed, lied, acted recklessly: criticism"),
    "051": VerbPattern(id="r.say-praise", lemma="", cameo="051", flags=frozenset({"recipient", "known-actor"}),
                       note="X says Y was courageous: praise"),
}


def judgements(sent: TokSpan, drafts: list[Draft]) -> list[Draft]:
    """ "the watchdog said member states were failing to report fraud": blame (or praise) in what a named
    speaker says of another named party (``appraisal``)."""
    from .appraisal import appraisals

    taken = {d.match.token.i for d in drafts} | {d.complement.token.i for d in drafts if d.complement} | \
        {d.anchor.i for d in drafts if d.anchor is not None}
    out = []
    for a in appraisals(sent, taken):
        m = Match(token=a.word, pattern=_JUDGEMENT[a.code], pos="verb")
        d = Draft(match=m, code=a.code, rule=[m.pattern.id], anchor=a.verb, speaker_tok=a.speaker,
                  flags=m.pattern.flags)
        kind = "criticism, ACCUSE 111" if a.code == "111" else "praise, SUPPORT 051"
        d.notes.append(f"'{a.verb.text}' reports a judgement of '{a.target.text}' in the word '{a.word.text}': {kind}")
        d.actor_toks, d.actor_how = [a.speaker], f"the speaker of '{a.verb.text}'"
        d.recipient_toks, d.recipient_how = [a.target], f"what '{a.verb.text}' reports is about"
        said = status_of(a.verb)  # "is alleged to have said ...": the judgement is reported, not established
        d.status = said if said[0] != "occurred" else ("occurred", a.verb.text)
        out.append(d)
    return out


# -- arguments, actors and the event records --------------------------------------------------------
