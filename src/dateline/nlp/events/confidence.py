"""An event's confidence: how likely it is to be right, from how it was read.

Two steps. ``rule_score`` adds up what the reading rests on (a pattern with conditions, a composed
reading, a main-clause verb, a named actor) as the coder always has. ``calibrated`` turns that score and
a few more facts about the reading (``features``: is the act asserted, who takes part, is the trigger a
noun or a verb of a subordinate clause, is it inside what someone says, which kind of act it is) into the
chance that a judge finds the event right or partly right: a logistic model whose weights are fitted by
``scripts/fit_event_confidence.py`` on events of the real-news tune samples, judged by people who did not
write the rules (``data/confidence.json`` keeps the weights, the fit's figures and the samples it was
fitted on; no article text). The features are kept on the event (``Evidence.features``), so
``dateline explain`` can say why an event is trusted, and the model can be refitted from stored events.

The default threshold (``config.DEFAULT_MIN_CONFIDENCE``) hides events below it from listings and counts
unless a user asks for them (``--min-confidence``); they are stored all the same.
"""

from __future__ import annotations

import functools
import json
import math
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Token

from ...model import ActorRef
from ..lexicon import SPEECH_VERBS


# how an unnamed doer placed only by the country the story is set in is coded (``build._at_home``): we
# know where, not who, so the actor counts as unknown to the model
SETTING = "where the story is set"


@functools.cache
def weights() -> dict:
    text = (resources.files("dateline.nlp.events") / "data" / "confidence.json").read_text(encoding="utf-8")
    return json.loads(text)


def rule_score(d, actor: ActorRef, recipient: ActorRef | None, background: bool, m) -> float:
    """What the reading rests on, on the coder's old additive scale (0.05-0.97)."""
    c = 0.55
    p = m.pattern
    if p.obj or p.prt or p.prep or p.linear:
        c += 0.12
    if d.complement is not None or (d.rule and d.rule[0] != p.id):
        c += 0.08  # a composed reading ("threatened to impose sanctions", "ready to host") is the fuller one
    t = m.token
    if t.dep_ == "ROOT" or (t.dep_ == "conj" and t.head.dep_ == "ROOT") or (d.anchor is not None and
                                                                             d.anchor.dep_ == "ROOT"):
        c += 0.12
    elif t.dep_ in ("relcl", "acl", "advcl", "pcomp"):
        c -= 0.08
    if m.pos == "noun":
        c -= 0.05
    if background:
        c -= 0.12
    if actor.country or actor.code:
        c += 0.08
    else:
        c -= 0.15
    if recipient is not None and (recipient.country or recipient.code):
        c += 0.05
    return round(max(0.05, min(0.97, c)), 3)


@dataclass(frozen=True, slots=True)
class Reading:
    """What the confidence model reads of one coded event."""

    score: float  # rule_score
    status: str
    actor: ActorRef
    recipient: ActorRef | None
    trigger: Token
    rule: str  # the pattern ids, "+"-joined


def _reported(t: Token) -> bool:
    """Inside what someone says: under a verb of saying, or in quotation marks."""
    head = t
    for _ in range(8):
        if head.dep_ in ("ccomp", "parataxis") and head.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if head.head.i == head.i:
            break
        head = head.head
    left = t.doc[t.sent.start:t.i].text
    return left.count("\u201c") > left.count("\u201d") or left.count('"') % 2 == 1


def features(r: Reading) -> dict[str, float]:
    s = min(max(r.score, 0.01), 0.99)
    t = r.trigger
    known = bool(r.actor.entity_id or r.actor.code or r.actor.country) and not (
        r.actor.span is None and SETTING in r.actor.coding)
    # how the event was read, not which kind of event it is: the tune samples are mostly political news,
    # and a prior on kinds learnt there ("violence words are usually figures of speech") would not carry
    # over to war reporting
    return {
        "rule_logit": math.log(s / (1 - s)),
        "hypothetical": float(r.status == "hypothetical"),
        "not_occurred": float(r.status not in ("occurred", "reported")),
        "actor_known": float(known),
        "actor_coded": float(known and bool(r.actor.code or r.actor.country)),
        "recipient": float(r.recipient is not None),
        "recipient_coded": float(bool(r.recipient is not None and (r.recipient.code or r.recipient.country))),
        "noun": float(t.pos_ in ("NOUN", "PROPN")),
        "subordinate": float(t.dep_ in ("relcl", "acl", "advcl", "pcomp", "xcomp", "ccomp", "pobj", "conj")
                             and t.dep_ != "ROOT"),
        "reported": float(_reported(t)),
        "composed": float("+" in r.rule),
    }


def calibrated(r: Reading) -> tuple[float, dict[str, float]]:
    """The chance, by the fitted model, that a judge finds the event right or partly right, and the
    features it read."""
    w = weights()
    x = features(r)
    z = w["intercept"] + sum(w["coef"].get(k, 0.0) * v for k, v in x.items())
    return round(1 / (1 + math.exp(-z)), 3), {k: round(v, 3) for k, v in x.items()}
