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
from typing import TypeVar

from spacy.tokens import Token

# adverbs that make a present perfect a tally of earlier occasions ("has visited twice", "has met
# before"); "already", "just" and "now" are left out: "has already arrived" is today's news
COUNT_ADVERBS = frozenset({"twice", "thrice", "repeatedly", "often", "frequently", "previously", "before",
                           "regularly", "recently", "earlier", "once", "routinely", "lately"})
COUNT_NOUNS = frozenset({"times", "occasions"})
# adverbs that put a simple past before the news of the day ("previously rejected", "once praised");
# "recently" and "in the past" come from the dates extractor as PAST_REF mentions
# not "earlier": on the wire, that is the same day
FORMERLY = frozenset({"previously", "formerly", "once", "before", "initially", "originally"})
# an event noun with one of these is an earlier occasion ("recent deals", "past attacks")
EARLIER_NOUN_MODIFIERS = frozenset({"recent", "past", "previous", "earlier", "former", "prior", "repeated"})
HAD = frozenset({"had", "'d"})
HAVE = frozenset({"has", "have", "'s", "'ve"})
MODALS = frozenset({"will", "would", "shall", "should", "may", "might", "must", "can", "could", "'ll"})
# words that make a mention another occasion than the one dated elsewhere ("his first visit")
OTHER_OCCASION = frozenset({"first", "second", "third", "fourth", "fifth", "last", "previous", "latest", "next",
                            "earlier", "later", "recent", "new", "another", "past", "prior", "former", "future",
                            "upcoming", "planned", "expected", "possible", "proposed", "further", "other",
                            "repeated", "several", "many", "two", "three", "four", "five"})
DEFINITE = frozenset({"the", "this", "that", "these", "those"})
T = TypeVar("T")
DASH = r"(?:-{1,2}|\u2013|\u2014)"
_BEFORE_DATE = re.compile(r"\s*[A-Z][A-Za-z.'\u2019 -]{1,40},\s*")
_AFTER_DATE = re.compile(r"\s*(?:\([^()\n]{1,30}\)\s*)?" + DASH)


_WIRE_DATELINE = re.compile(r"[A-Z][A-Z.'\u2019 -]{1,40}(?:,[^\n,]{1,30}){0,2}\s*(?:\([^()\n]{1,30}\)\s*)?" + DASH)


def in_wire_dateline(text: str, start: int, end: int) -> bool:
    """Is text[start:end] the date of a wire dateline ("OSLO, Jan 7 -", "Lima, Jan 6 (Reuters) -")?"""
    line_start = text.rfind("\n", 0, start) + 1
    return bool(_BEFORE_DATE.fullmatch(text[line_start:start]) and _AFTER_DATE.match(text, end))


def wire_dateline(text: str, pos: int) -> tuple[int, int] | None:
    """The character range of the capitals' wire dateline ("LIMA -", "OSLO, Jan 7 (Reuters) -")
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


# verbs whose present perfect tells a state that still holds as the news is told ("has remained in
# office", "has lived abroad") or a result in place now ("has arrived in Tokyo" = is there now)
STATE_VERBS = frozenset({"be", "remain", "stay", "live", "know", "own", "belong", "serve", "lead", "rule",
                         "govern", "control", "hold", "keep", "continue", "last", "want", "wait", "seek",
                         "refuse", "insist", "maintain", "grow", "rise", "fall", "increase", "decline",
                         "arrive", "land", "reach", "come", "return", "begin", "start", "become"})
# words that keep a present perfect on the day it is told ("has just signed", "has now agreed") or make
# it a duration up to now ("has ruled for ten years", "has fought since 2011")
NOW_WORDS = frozenset({"just", "now", "already", "today", "tonight", "yet", "still", "so", "far"})
DURATION_PREPS = frozenset({"for", "since"})


def plain_perfect(verb: Token) -> str:
    """Why a present perfect with no count and no time of its own ("has endorsed the candidate", "have
    denounced the vote") tells an act done before the day it is reported, or "": English uses it for
    an act in the period up to now without saying when, so it is no dated news of the day. A state
    that still holds, a negation ("has not replied": nothing happened), a modal, a duration or a word
    of the present moment leaves it on the day."""
    if verb.pos_ not in ("VERB", "AUX") or verb.tag_ != "VBN" or verb.lemma_.lower() in STATE_VERBS:
        return ""
    aux = _auxiliaries(verb)
    if not any(a in HAVE for a in aux) or any(a in MODALS or a in HAD or a == "to" for a in aux):
        return ""  # "is said to have met": the infinitive's time is that of its governing clause
    for c in verb.children:
        if c.dep_ == "neg" or c.lower_ in NOW_WORDS:
            return ""
        if c.dep_ == "prep" and c.lower_ in DURATION_PREPS and (c.lower_ == "since" or _span_of_time(c)):
            return ""  # "has ruled for ten years"; "has called for a strike" tells what was called for
    return f"'has {verb.text}' (present perfect: done before it was told, day not said)"


# nouns that make "for ..." a stretch of time ("for ten years", "for a while", "for decades")
TIME_SPAN_NOUNS = frozenset({"second", "minute", "hour", "day", "night", "week", "month", "year", "decade",
                             "century", "while", "time", "age", "generation", "term", "period"})


def _span_of_time(prep: Token) -> bool:
    return any(x.dep_ == "pobj" and (x.ent_type_ in ("DATE", "TIME") or x.lemma_.lower() in TIME_SPAN_NOUNS)
               or x.lower_ in ("long", "ever") for x in prep.children)


def stated_past(trigger: Token, anchor: Token) -> str:
    """Why the trigger's own words place its event some time before the news of the day, or "":
    an adverb of the past on its verb ("previously rejected", "once praised", "rejected it before")
    or an event noun said to be an earlier one ("recent deals", "past attacks")."""
    for h in {trigger.i: trigger, anchor.i: anchor}.values():
        if h.pos_ in ("VERB", "AUX"):
            for c in h.children:
                if c.dep_ == "advmod" and c.lower_ in FORMERLY and not (c.lower_ == "once" and c.i > h.i):
                    return f"'{c.text} {h.text}'"  # "once" after the verb is a count ("met once")
        elif h.pos_ == "NOUN":
            for c in h.children:
                if c.dep_ == "amod" and c.lower_ in EARLIER_NOUN_MODIFIERS:
                    return f"'{c.text} {h.text}'"
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


def _participants(noun: Token) -> set[str] | None:
    """The last words of the people and bodies a definite event noun names ("his meeting with Li
    Keqiang" -> {"keqiang"} and whoever "his" is), or None when a possessive cannot be told: then
    whose occasion it is is unknown."""
    inside = {t.i for t in noun.subtree if t.i != noun.i}
    out = {_surname(e) for e in noun.doc.ents if e.label_ in ("PERSON", "ORG") and e.start in inside}
    for c in noun.children:
        if c.dep_ == "poss":
            if c.pos_ == "PROPN":
                out.add(c.lower_)
            elif c.pos_ == "PRON":
                who = _possessor(noun)
                if who is None:
                    return None
                out.add(who)
    return out


def _surname(ent) -> str:
    """The last proper noun of a name ("Moon" in a name the tagger split as "Moon Jae - in")."""
    words = [t for t in ent if t.pos_ == "PROPN"] or list(ent)
    return words[-1].lower_


def _person(tok: Token) -> str | None:
    """The surname of the person or body a subject names; a bare proper noun the tagger left untagged
    counts ("Li says ..." in a headline)."""
    ent = next((e for e in tok.doc.ents if e.start <= tok.i < e.end), None)
    if ent is not None:
        return _surname(ent) if ent.label_ in ("PERSON", "ORG") else None
    return tok.lower_ if tok.pos_ == "PROPN" else None


def _possessor(noun: Token) -> str | None:
    """Whom "his"/"their" in "X said that his meeting ..." is: the subject of the nearest verb above
    that names a person ("Li said his meeting ..." -> Li)."""
    t = noun
    for _ in range(6):
        if t.head.i == t.i:
            return None
        t = t.head
        subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass") and c.i != noun.i
                     and not any(x.i == noun.i for x in c.subtree)), None)
        if subj is not None:
            return _person(subj)
    return None


def _named(tok: Token, participants: set[str]) -> bool:
    """Does the mention name all of the participants (in its own words, or as its verb's arguments)?"""
    scope = tok.subtree if tok.pos_ == "VERB" else [*tok.subtree, *tok.head.children]
    return participants <= {t.lower_ for t in scope if t.pos_ == "PROPN"}


def _past_occasion(tok: Token) -> bool:
    if any(c.dep_ == "neg" for c in tok.children):
        return False
    if tok.pos_ == "NOUN":
        return True  # a noun counts only with a date of its own, checked by the caller
    return tok.pos_ == "VERB" and (tok.tag_ == "VBD" or tok.tag_ == "VBN" and any(
        a in HAD | HAVE for a in _auxiliaries(tok))) and not any(a in MODALS for a in _auxiliaries(tok))


def same_occasion(noun: Token, value_of: Callable[[Token], T | None], key: Callable[[T], object], *,
                  named_only: bool = False) -> tuple[T, Token] | None:
    """What the text says of the one occasion a definite event noun refers back to (its date, its
    place: ``value_of`` a mention, ``None`` when it says nothing), with the word it says it of.

    Candidates are other mentions of the same word ("met" for "the meeting") that happened; when the
    noun names who took part ("his meeting with Tsipras"), a candidate must name them all among its
    own words, and otherwise it must come earlier. All candidates that say something must agree (on
    ``key``), or nothing is taken: two meetings on two days, or in two towns, are two events.
    ``named_only``: only a noun that names who took part."""
    if not definite_mention(noun):
        return None
    stem = _stem(noun)
    names = _participants(noun)
    if names is None or (named_only and not names):
        return None
    found = []
    for tok in noun.doc:
        if tok.i == noun.i or tok.pos_ not in ("VERB", "NOUN") or _stem(tok) != stem:
            continue
        if not _past_occasion(tok):
            continue
        if names and not _named(tok, names):
            continue
        if not names and tok.i > noun.i:
            continue
        v = value_of(tok)
        if v is not None:
            found.append((v, tok))
    if len({key(v) for v, _ in found}) != 1:
        return None
    return min(found, key=lambda f: abs(f[1].i - noun.i))
