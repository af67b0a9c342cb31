"""A learned scorer for whom an act is aimed at: which noun phrase around a trigger is its target.

The rule coder reads the recipient off the trigger's frame (``nlp.events.arguments``). Where the frame
names no one, this scorer may: it scores each candidate phrase of the trigger's sentence (the head of a
noun phrase that is neither the trigger nor inside the actor's phrase) with a logistic regression over
features of the parse: the dependency path from the candidate to the trigger (the prepositions on it
named), which side of the trigger it stands on and how far, its entity type and noun class, whether the
trigger is a verb or a noun and in the passive, and the event's CAMEO root. The weights are trained by
``scripts/train_arg_scorer.py`` on the tune half of ConfliBERT's CAMEO-manual argument spans, and are
applied here in plain Python, so the product never imports scikit-learn.

Training and use both build the candidates and their features with ``candidates`` and ``features``
below, so the two cannot differ. The weights file records the threshold chosen by cross-validation on
the tune half, and the probabilities scikit-learn gave a few feature sets, which the tests compare.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from spacy.tokens import Token

WEIGHTS_FILE = "arg_scorer.json"
FORMAT = "dateline-arg-scorer-v1"

# A phrase's head, not a word inside a phrase: modifiers, determiners, possessors, conjuncts after the
# first (the actor resolver splits coordination itself) and appositions (they rename a head) are skipped.
INNER_DEPS = frozenset({"compound", "amod", "nummod", "det", "poss", "conj", "appos", "nmod", "case",
                        "npadvmod", "quantmod", "predet", "neg", "expl", "aux", "auxpass", "punct"})
# A time, an amount or a count is never whom an act is aimed at.
NOT_PARTY_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
NOT_PARTY_WORDS = frozenset({"who", "whom", "whose", "which", "that", "what", "this", "these", "those",
                             "itself", "themselves", "himself", "herself", "something", "anything", "nothing"})
ARG_PREPS_DEPS = frozenset({"prep", "agent", "dative"})
MAX_PATH = 5


def candidates(trigger: Token, actors: list[Token]) -> list[Token]:
    """Heads of the noun phrases of the trigger's sentence that could be its target: not the trigger,
    not a word of the actor's phrase, not the subject of the trigger or of a verb above it, not a time
    or an amount, in sentence order."""
    blocked = {trigger.i}
    for a in actors:
        blocked |= {t.i for t in a.subtree}
    above = {trigger.i} | {t.i for t in trigger.ancestors}
    out = []
    for t in trigger.sent:
        if t.i in blocked or t.dep_ in INNER_DEPS or t.lower_ in NOT_PARTY_WORDS:
            continue
        if t.pos_ not in ("NOUN", "PROPN", "PRON") or t.ent_type_ in NOT_PARTY_ENTS:
            continue
        if t.dep_ in ("nsubj", "csubj", "expl") and t.head.i in above:
            continue  # the subject of the trigger or of a verb it hangs on is on the doer's side
        out.append(t)
    return out


def _edge(t: Token) -> str:
    """A token's link to its head, with the preposition named ("pobj" under "on" is "pobj@on")."""
    if t.dep_ == "pobj" and t.head.dep_ in ARG_PREPS_DEPS:
        return f"pobj@{t.head.lower_}"
    return t.dep_


def _path(trigger: Token, cand: Token) -> tuple[list[str], list[str]]:
    """The edges climbed from the candidate up to the lowest head it shares with the trigger, and those
    climbed from the trigger to that head (both from the bottom). Prepositions are folded into "pobj@x"."""
    up_t = [trigger, *trigger.ancestors]
    where = {t.i: k for k, t in enumerate(up_t)}
    up_c = []
    for t in [cand, *cand.ancestors]:
        if t.i in where:
            down = up_t[:where[t.i]]
            return ([_edge(x) for x in up_c if x.dep_ not in ARG_PREPS_DEPS or x.dep_ == "dative"],
                    [_edge(x) for x in down])
        up_c.append(t)
    return [_edge(x) for x in up_c], ["?"]


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2" if n == 2 else "3-5" if n <= 5 else "6-10" if n <= 10 else "11+"


def features(trigger: Token, cand: Token, *, code: str, passive: bool, agents: Any = None) -> list[str]:
    """The candidate's features as names (each present once)."""
    from ..events.sense import noun_class

    up, down = _path(trigger, cand)
    first = up[0] if up else "self"
    tpos = "noun" if trigger.pos_ in ("NOUN", "PROPN") else "verb"
    root = (code or "")[:2] or "??"
    ent = cand.ent_type_ or "-"
    klass = noun_class(cand, agents)
    out = [
        "bias",
        f"first={first}",
        f"up={'>'.join(up[:3])}",
        f"down={'<'.join(down[:3])}",
        f"dir={'before' if cand.i < trigger.i else 'after'}",
        f"dist={_bucket(abs(cand.i - trigger.i))}",
        f"len={min(len(up) + len(down), 6)}",
        f"ent={ent}",
        f"pos={cand.pos_}",
        f"class={klass}",
        f"tpos={tpos}",
        f"under_trigger={not down}",
        f"tpos*first={tpos}|{first}",
        f"voice*first={'passive' if passive else 'active'}|{first}",
        f"root*first={root}|{first}",
        f"class*first={klass}|{first}",
        f"root*class={root}|{klass}",
        f"dir*class={'before' if cand.i < trigger.i else 'after'}|{klass}",
    ]
    if len(up) + len(down) <= MAX_PATH:
        out.append(f"path={'>'.join(up)}|{'<'.join(down)}")
        out.append(f"tpos*path={tpos}|{'>'.join(up)}|{'<'.join(down)}")
    return out


@dataclass(frozen=True, slots=True)
class Pick:
    """The candidate the scorer chose, its probability and the features that pushed it up most."""

    token: Token
    probability: float
    reasons: tuple[tuple[str, float], ...]

    def text(self) -> str:
        shown = ", ".join(f"{f} {w:+.2f}" for f, w in self.reasons)
        return f"chosen by the learned argument scorer, p={self.probability:.2f} (features: {shown})"


class ArgScorer:
    """The exported weights: one weight per feature name, the threshold and the training record."""

    def __init__(self, data: dict[str, Any]):
        if data.get("format") != FORMAT:
            raise ValueError(f"not an argument scorer file: format {data.get('format')!r}")
        self.weights: dict[str, float] = dict(data["weights"])
        self.threshold = float(data["threshold"])
        self.meta = {k: v for k, v in data.items() if k != "weights"}

    @classmethod
    def load(cls) -> "ArgScorer":
        """The packaged model, read once per process."""
        return _packaged()

    def probability(self, feats: list[str]) -> float:
        z = sum(self.weights.get(f, 0.0) for f in feats)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def best(self, trigger: Token, actors: list[Token], *, code: str, passive: bool, agents: Any = None,
             exclude: frozenset[int] = frozenset()) -> Pick | None:
        """The likeliest target among the candidates, if its probability reaches the threshold."""
        top: tuple[float, Token, list[str]] | None = None
        for cand in candidates(trigger, actors):
            if cand.i in exclude:
                continue
            feats = features(trigger, cand, code=code, passive=passive, agents=agents)
            p = self.probability(feats)
            if top is None or p > top[0]:
                top = (p, cand, feats)
        if top is None or top[0] < self.threshold:
            return None
        p, cand, feats = top
        pushes = sorted(((f, self.weights.get(f, 0.0)) for f in feats if f != "bias"), key=lambda x: -x[1])
        return Pick(cand, round(p, 4), tuple((f, round(w, 2)) for f, w in pushes[:3] if w > 0))


@cache
def _packaged() -> ArgScorer:
    raw = (resources.files("dateline.nlp.learned") / "data" / WEIGHTS_FILE).read_text(encoding="utf-8")
    return ArgScorer(json.loads(raw))
