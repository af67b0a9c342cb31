"""Giving that is no aid: what an act of giving (CAMEO 07) hands over says whether it is aid.

Aid is goods, money or people (troops, experts) given to a party. "Donated his time", "provided a forum",
"supplied 40% of the new subscribers", "added to the confusion", "gave his views" and a company's supply of
what it sells hand over none of these. What it reads: the trigger, what is given (its head token and noun
class) and the giver's sector; what it writes: a verdict to drop the event, or None.
"""

from __future__ import annotations

from spacy.tokens import Token

GIVE_ROOTS = frozenset({"07"})  # aid: goods, money, people (troops), not words
# What is given that is no aid: one's own work ("donated his time") or a place to speak ("provided a forum").
OWN_WORK = frozenset({"service", "services", "time", "expertise", "skill", "talent", "effort", "energy",
                      "forum", "platform", "venue", "opportunity", "chance", "outlet", "voice"})
SHARE_WORDS = frozenset({"%", "percent", "per cent", "percentage", "proportion", "fraction", "third", "quarter",
                         "fifth", "tenth"})
ARMS = frozenset({"weapon", "arm", "ammunition", "missile"})


def judge_giving(trigger: Token, target: Token | None, kind: str | None, actor_sector: str | None):
    """A verdict dropping an act of giving that hands over no aid, or None to keep it."""
    from .sense import Verdict

    if target is not None and target.lemma_.lower() in OWN_WORK:
        return Verdict(False, reason=f"'{trigger.text} ... {target.text}': giving one's own work, not aid")
    if kind == "idea":
        return Verdict(False, reason=f"'{trigger.text} ... {target.text}': adding to a state of things, not aid")
    if target is not None and _a_share(target):
        return Verdict(False, reason=f"'{trigger.text} ... {target.text}': a share of a whole, a measure, not aid")
    if kind == "words":
        return Verdict(False, reason=f"'{trigger.text} ... {target.text}': giving words is a statement, not aid")
    if actor_sector in ("BUS", "MNC") and kind != "goods" and not (target is not None and
                                                                 target.lemma_.lower() in ARMS):
        return Verdict(False, reason=f"'{trigger.text}' by a company: a commercial supply, not aid")
    return None


def _a_share(tok: Token) -> bool:
    """ "Supplied 40% of the new subscribers", "provided a third of the output": a part of a whole, counted."""
    return tok.lemma_.lower() in SHARE_WORDS and any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children) \
        or tok.text == "%"
