"""When an event happened relative to the words that tell it (used by ``anchor.event_date``).

News is told on the day it is published, but much of what an article says happened earlier:

* the pluperfect ("had agreed", "had been arrested") puts an event before the time of its clause,
  and the present perfect with a count or a frequency ("has visited twice", "has met three times",
  "has often criticised") sums up earlier occasions; neither is the news of the day, so a date that
  only the governing clause gives ("..., officials said on Monday") is the time of the telling, not
  of the event;
* a definite mention of an event the article dates elsewhere ("the meeting", "his meeting with X",
  after "X met Y on Saturday") is that event, and takes its date.

A wire dateline ("OSLO, Jan 7 -") dates the report, never an event of its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

# adverbs that make a present perfect a tally of earlier occasions ("has visited twice", "has met
# before"); "already", "just" and "now" are left out: "has already arrived" is today's news
COUNT_ADVERBS = frozenset({"twice", "thrice", "repeatedly", "often", "frequently", "previously", "before",
                           "regularly", "recently", "earlier", "once", "routinely", "lately"})
COUNT_NOUNS = frozenset({"times", "occasions"})
HAD = frozenset({"had", "'d"})
HAVE = frozenset({"has", "have", "'s", "'ve"})
MODALS = frozenset({"will", "would", "shall", "should", "may", "might", "must", "can", "could", "'ll"})
# words that make a mention another occasion than the one dated elsewhere ("his first visit")
OTHER_OCCASION = frozenset({"first", "second", "third", "fourth", "fifth", "last", "previous", "latest", "next",
                            "earlier", "later", "recent", "new", "another", "past", "prior", "former", "future",
                            "upcoming", "planned", "expected", "possible", "proposed", "further", "other",
                            "repeated", "several", "many", "two", "three", "four", "five"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
DASH = r"(?:-{1,2}|\u2013|\u2014)"
_BEFORE_DATE = re.compile(r"\s*[A-Z][A-Za-z.'\u2019 -]{1,40},\s*")
_AFTER_DATE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?" + DASH)


_WIRE_DATELINE = re.compile(r"[A-Z][A-Z.'\u2019 -]{1,40}(?:,[^\n,]{1,30}){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?" + DASH)


def in_wire_dateline(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the date of a wire dateline ("TAIPEI, March 3 -", "Oslo, Jan 7 (Reuters) -")?"""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_BEFORE_DATE.fullmatch(text[line_start:start]) and _AFTER_DATE.match(text, end))


def wire_dateline(text: str, pos: int) -> tuple[int, int] | None:
    """The character range of the capitals' wire dateline ("ROME -", "TAIPEI, March 3 (Reuters) -")
    that opens the line holding ``pos``, if there is one."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _WIRE_DATELINE.match(text, line_start)
    return (line_start, m.end()) if m else None


def _auxiliaries(verb: Token) -> list[str]:
    aux = [c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if not aux and verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX"):
        # "had met the envoy and agreed a truce": the second verb shares the first one's auxiliaries
        aux = [c.lower_ for c in verb.head.children if c.dep_ in ("aux", "auxpass")]
    return aux


def _counted(verb: Token) -> str:
    """The count or frequency said of a verb ("twice", "three times", "on several occasions"), if any."""
    for c in verb.children:
        if c.dep_ in ("advmod", "npadvmod") and c.lower_ in COUNT_ADVERBS:
            return c.text
        if c.lower_ in COUNT_NOUNS and c.dep_ in ("npadvmod", "advmod", "dobj", "obj"):
            return " ".join(t.text for t in c.subtree)
        if c.dep_ == "prep" and c.lower_ == "on":
            for x in c.children:
                if x.dep_ == "pobj" and x.lower_ in COUNT_NOUNS:
                    return " ".join(t.text for t in c.subtree)
    return ""


def earlier_cue(verb: Token) -> str:
    """Why the verb's clause puts its event before the time of telling, or "" when it does not:
    the pluperfect, or the present perfect with a count or frequency."""
    if verb.pos_ not in ("VERB", "AUX"):
        return ""
    aux = _auxiliaries(verb)
    if any(a in MODALS for a in aux):
        return ""  # "would have met" is not a report of a meeting
    perfect = verb.tag_ == "VBN" or (verb.tag_ == "VBG" and "been" in aux)
    if not perfect:
        return ""
    if any(a in HAD for a in aux):
        return f"'had {verb.text}' (pluperfect)"
    count = _counted(verb)
    if count and any(a in HAVE for a in aux):
        return f"'has {verb.text} {count}' (present perfect of repeated or earlier occasions)"
    return ""


def _stem(tok: Token) -> str:
    """The word shared by a verb and its event noun: meet/meeting, bomb/bombing, talk/talks, visit."""
    w = tok.lemma_.lower()
    if w.endswith("ings"):
        w = w[:-1]
    if w.endswith("ing") and len(w) > 5:
        w = w[:-3]
        if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls":
            w = w[:-1]  # "kidnapping" -> "kidnap"; "shelling" keeps its double l
    if w.endswith("s") and tok.pos_ == "NOUN" and not w.endswith("ss"):
        w = w[:-1]
    return w


def definite_mention(noun: Token) -> bool:
    """Is the noun a definite mention of one occasion ("the meeting", "his visit"), not of another one
    ("his first visit", "the next summit", "a meeting")?"""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    definite = False
    for c in noun.children:
        if c.dep_ == "det" and c.lower_ in DEFINITE or c.dep_ == "poss":
            definite = True
        if c.dep_ in ("amod", "nummod", "compound", "advmod", "det") and (c.lower_ in OTHER_OCCASION
                                                                         or c.ent_type_ == "ORDINAL"):
            return False
    return definite


def _names(toks) -> set[str]:
    return {t.lower_ for t in toks if t.pos_ == "PROPN" and len(t.text) > 1}


def _past_occasion(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if tok.pos_ == "NOUN":
        return True  # a noun counts only with a date of its own, checked by the caller
    return tok.pos_ == "VERB" and (tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(
        a in HAD | HAVE for a in _auxiliaries(tok))) and not any(a in MODALS for a in _auxiliaries(tok))


def same_event_date(noun: Token, own_date: Callable[[Token], object | None]):
    """The date of the one occasion a definite event noun refers back to, with the word that dates it.

    Candidates are other mentions of the same word ("met" for "the meeting") that happened and have
    a date in their own clause (``own_date``); when the noun names someone ("his meeting with
    Sanders"), a candidate's sentence must name them too, and otherwise it must come earlier. All
    candidates must agree on the date, or none is taken: two meetings on two days are two events."""
    if not definite_mention(noun):
        return None
    stem = _stem(noun)
    names = _names(t for t in noun.subtree if t.i != noun.i)
    found = []
    for tok in noun.doc:
        if tok.i == noun.i or tok.pos_ not in ("VERB", "NOUN") or _stem(tok) != stem:
            continue
        if not _past_occasion(tok):
            continue
        if names and not names & _names(tok.sent):
            continue
        if not names and tok.i > noun.i:
            continue
        d = own_date(tok)
        if d is not None:
            found.append((d, tok))
    values = {d.value for d, _ in found}
    if len(values) != 1:
        return None
    return min(found, key=lambda f: abs(f[1].i - noun.i))
