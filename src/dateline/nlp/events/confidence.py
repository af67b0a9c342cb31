"""An event's confidence: how likely it is to be right, from how it was read.

Two steps. ``rule_score`` adds up what the reading rests on (a pattern with conditions, a composed
reading, a main-clause verb, a named actor) as the coder always has. ``calibrated`` turns that score,
with whether the act is asserted and who takes part, into the chance that a judge finds the event right
or partly right: a logistic model whose few weights are fitted by ``scripts/fit_event_confidence.py`` on
events of the real-news tune samples judged by people who did not write the rules (``data/
confidence.json`` keeps the weights, the fit's figures and what it was fitted on; no article text).

The default threshold (``config.DEFAULT_MIN_CONFIDENCE``) hides events below it from listings and counts
unless a user asks for them (``--min-confidence``); they are stored all the same.
"""

from __future__ import annotations

import functools
import json
import math
from importlib import resources

from ...model import ActorRef

FEATURES = ("rule_logit", "hypothetical", "actor_known", "recipient")


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


def features(score: float, status: str, actor: ActorRef, recipient: ActorRef | None) -> dict[str, float]:
    s = min(max(score, 0.01), 0.99)
    return {"rule_logit": math.log(s / (1 - s)), "hypothetical": float(status == "hypothetical"),
            "actor_known": float(bool(actor.entity_id or actor.code or actor.country)),
            "recipient": float(recipient is not None)}


def calibrated(score: float, status: str, actor: ActorRef, recipient: ActorRef | None) -> float:
    """The chance, by the fitted model, that a judge finds the event right or partly right."""
    w = weights()
    x = features(score, status, actor, recipient)
    z = w["intercept"] + sum(w["coef"][k] * x[k] for k in FEATURES)
    return round(1 / (1 + math.exp(-z)), 3)
