"""A count claim read into what a count over the store needs: who, what (PLOVER type and mode), with or to
whom, where, in which period, and the number claimed.

The grammar is general, not a list of sentences: a number cue (an ordinal before an event noun, "for the
Nth time", "once/twice/N times", a number before a plural event noun), the event word it counts (a noun
or a verb form, words.py), a period phrase (period.py), and the parties: the subject before the first verb
or preposition, a possessive ("Kim's fourth trip"), "between A and B", "A and B hold ...", a hyphenated
pair ("Xi-Kim summit"), and the object or prepositional phrase after the event word ("to China", "with
Xi", "in Kabul"). A country or capital named there becomes its ISO alpha-3 code (ontology/countries)."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from .period import Period, find_period
from .words import (COUNT_ADVERBS, EVENT_NOUNS, EVENT_VERBS, HOST_VERBS, LIGHT_VERBS, NUMBER, ORDINAL, TITLES,
                    event_word, number_value, ordinal_value)

MAX_CLAIM = 500
EVENT_EXAMPLES = "visit, trip, meeting, talks, summit, call, attack, strike, bombing, raid, protest, arrest"
# Words that end a phrase: after them comes another part of the sentence, not a name or a modifier.
POSSESSIVES = frozenset("his her its their the our my your".split())
COPULAS = frozenset("is was be been marks marked became becomes".split())
PRONOUNS = frozenset("it he she they we i you this that these those there who which one".split())
# Capitalised at a sentence's start but no name: "When Kim ...", "After ...".
LEADING = frozenset("when after as while since before if although though but and so then also still yet once "
                    "until during despite with".split())
TIME_WORDS = frozenset("day days week weeks month months year years decade today yesterday tonight morning".split())
NEGATIONS = frozenset("not never no n't without nor".split())
STOP = frozenset("to in into with since and or of for at on by from than as that who which while after before "
                 "amid during against between the a an his her its their this last".split())
_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.&-]*|[,;:()\"“”]")
_NAME = r"[A-Z][\w'’.&-]*(?:\s+(?:of\s+|de\s+|bin\s+|al-)?[A-Z][\w'’.&-]*)*"


class ClaimError(ValueError):
    """A text that is not a count claim we can check; ``reason`` says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class Claim:
    text: str
    number: int
    kind: str  # "ordinal" (the Nth one) or "count" (N of them)
    event: str  # the event noun counted ("visit")
    type: str  # PLOVER type
    mode: str | None  # PLOVER mode the event word names
    actor: str | None  # the filter for the actor side: a name or an ISO alpha-3 code
    counterpart: str | None  # the other side as written ("China", "Xi")
    recipient: str | None  # the filter for the other side: a name or an ISO alpha-3 code
    place: str | None  # where, as written ("Kabul")
    place_country: str | None
    period: Period | None

    @property
    def first_since(self) -> bool:
        """"The first since X": the one before was in X, so the count starts after it."""
        return self.number == 1 and self.kind == "ordinal" and self.period is not None and \
            self.period.kind == "since"

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["period"] = self.period.text if self.period else None
        return d


def parse_claim(text: str) -> Claim:
    """``text`` as a Claim; ClaimError saying what is missing when it is not a count claim."""
    s = _normal(text)
    period = find_period(s)
    body = (s[:period.start] + " " + s[period.end:]) if period else s
    body = re.sub(r"\s+", " ", body).strip(" ,;:")
    tokens = [(m.group(), m.start()) for m in _TOKEN.finditer(body)]
    cue = _number_cue(tokens)
    if cue is None:
        raise ClaimError("not a count: it names no ordinal (4th, second), count (twice, three times) or number "
                         "of events (three attacks)")
    number, kind, cue_at, event_at = cue
    if event_at is None:
        raise ClaimError(f"names no event to count ({EVENT_EXAMPLES} ...)")
    words = [t.lower() for t, _ in tokens]
    if any(w in NEGATIONS or w.endswith("n't") for w in words[:max(cue_at, event_at)]):
        raise ClaimError("is negated ('not', 'never'): it claims no number of events")
    if period and not _same_clause(s, period, tokens[max(cue_at, event_at)][0]):
        period = None  # "the third summit, after meetings in 2000 and 2007": that year is not its period
    event = _event_at(tokens, event_at)
    plover_type, mode = EVENT_NOUNS[event]
    parties = _parties(body, tokens, cue_at, event_at)
    actor, counterpart, recipient, place, place_country = _roles(plover_type, mode, *parties)
    return Claim(text=s, number=number, kind=kind, event=event, type=plover_type, mode=mode, actor=actor,
                 counterpart=counterpart, recipient=recipient, place=place, place_country=place_country,
                 period=period)


def _same_clause(text: str, period: Period, word: str) -> bool:
    """Whether a period phrase after the claim's words belongs to them: no comma, semicolon or dash between
    ("his third trip in a year" yes; "the third summit, after meetings in 2000" no). A period before them
    ("Last year, Kim met Moon three times") always does."""
    at = text.lower().find(word.lower())
    if at < 0 or period.start < at:
        return True
    return not re.search(r"[,;:()]| - | – | — ", text[at:period.start])


def _normal(text: str) -> str:
    s = str(text or "").replace("\u2019", "'").replace("\u2018", "'")
    s = re.sub(r"\s+", " ", s).strip().strip("\"“”")
    s = re.sub(r"^(?:analysis|update|exclusive|explainer|factbox|timeline|breaking|opinion|comment)\s*[:|-]\s*",
               "", s, flags=re.I)  # a label before a headline
    if not s:
        raise ClaimError("is empty")
    if len(s) > MAX_CLAIM:
        raise ClaimError(f"is {len(s):,} characters long; a claim is a headline or a sentence "
                         f"(at most {MAX_CLAIM})")
    return re.sub(r"(?<![A-Z])[.!?]+$", "", s).strip()


# ------------------------------------------------------------------ the number and what it counts

def _number_cue(tokens: list[tuple[str, int]]) -> tuple[int, str, int, int | None] | None:
    """(number, kind, index of the cue, index of the event word or None)."""
    words = [t.lower() for t, _ in tokens]
    for i, w in enumerate(words):  # "for the second time": the event is the verb or noun before it
        if w in ("the", "a") and i + 2 < len(words) and words[i + 2] == "time" and ordinal_value(words[i + 1]):
            return ordinal_value(words[i + 1]), "ordinal", i + 1, _event_near(words, i, back=True)
    for i, w in enumerate(words):
        n = ordinal_value(w)
        if n and (at := _noun_after(words, i)) is not None:
            return n, "ordinal", i, at
    for i, w in enumerate(words):
        if w in COUNT_ADVERBS or (w == "times" and i and number_value(words[i - 1])):
            n = COUNT_ADVERBS.get(w) or number_value(words[i - 1])
            return n, "count", i, _event_near(words, i, back=True)
    for i, w in enumerate(words):
        n = number_value(w)
        if n and w not in ("a", "an") and i + 1 < len(words):
            j = i + 1 + (words[i + 1] in ("more", "separate", "different", "other", "new", "deadly", "major"))
            if j < len(words) and event_word(words[j]) and words[j] != event_word(words[j]) \
                    and not words[j - 1].endswith("-"):
                return n, "count", i, j  # "three attacks": a number before a plural event noun
    for i, w in enumerate(words):  # "the visit was her third": the ordinal stands for the subject's noun
        if ordinal_value(w) and i >= 2 and words[i - 1] in POSSESSIVES and words[i - 2] in COPULAS \
                and (i + 1 == len(words) or words[i + 1] in STOP or not re.match(r"\w", words[i + 1])):
            subject = [j for j in range(i - 2) if event_word(words[j])]
            if subject:
                return ordinal_value(w), "ordinal", i, subject[-1]
    for i, w in enumerate(words):  # an ordinal that counts no event ("finished fourth"): say what is missing
        if ordinal_value(w) and w != "first":
            return ordinal_value(w), "ordinal", i, None
    return None


def _noun_after(words: list[str], i: int) -> int | None:
    """The event word an ordinal at ``i`` counts: a noun within three modifiers ("fourth China trip",
    "second Xi-Kim summit"), or a verb after "to" ("the first Chinese leader to visit")."""
    for j in range(i + 1, min(i + 6, len(words))):
        w = words[j]
        if w == "to" and j + 1 < len(words) and words[j + 1] in EVENT_VERBS and j - i <= 4:
            return j + 1
        if w == "of" and words[j - 1] in ("round", "wave", "series", "spate", "string"):
            continue  # "the second round of talks"
        if w in STOP or w in LIGHT_VERBS or not re.match(r"\w", w):
            return None
        if event_word(w) and j - i <= 4:
            return j
    return None


def _event_near(words: list[str], i: int, *, back: bool) -> int | None:
    """The closest event word to the cue at ``i``: before it first ("visited China twice"), then after."""
    before = [j for j in range(i - 1, -1, -1) if words[j] in EVENT_VERBS or event_word(words[j])]
    after = [j for j in range(i + 1, len(words)) if words[j] in EVENT_VERBS or event_word(words[j])]
    order = (before + after) if back else (after + before)
    return order[0] if order else None


def _event_at(tokens: list[tuple[str, int]], at: int) -> str:
    w = tokens[at][0].lower()
    nxt = tokens[at + 1][0].lower() if at + 1 < len(tokens) else ""
    prev = tokens[at - 1][0].lower() if at else ""
    for two in (f"{w} {event_word(nxt) or nxt}", f"{prev} {event_word(w) or w}"):
        if two in EVENT_NOUNS:  # "phone call", "state visit", "suicide bombing"
            return two
    return event_word(w) or EVENT_VERBS[w]


# ------------------------------------------------------------------ who, with whom, where

def _parties(body: str, tokens: list[tuple[str, int]], cue_at: int, event_at: int
             ) -> tuple[str | None, str | None, str | None, str | None]:
    """(actor phrase, other side's phrase, its preposition, a place phrase) as written."""
    words = [t.lower() for t, _ in tokens]
    actor = other = prep = place = None
    between = re.search(rf"\bbetween (?:the )?({_NAME}) and (?:the )?({_NAME})", body)
    if between:
        actor, other, prep = between.group(1), between.group(2), "with"
    subject_end = next((i for i, w in enumerate(words)
                        if w in LIGHT_VERBS or w in EVENT_VERBS or (w in STOP and w not in ("the", "a", "an", "and"))
                        or w in (",", ";", ":") or i == cue_at or event_word(w)), len(words))
    subject = body[:tokens[subject_end][1]] if subject_end < len(tokens) else body
    possessive = re.search(rf"({_NAME})'s\s+(?:\S+\s+){{0,1}}(?:{ORDINAL}|{NUMBER})\b",
                           body[:tokens[max(cue_at, 0)][1] + 20], re.I)
    if actor is None and " and " in subject:
        actor, other = (x.strip() for x in subject.split(" and ", 1))
        prep = "with"
    elif actor is None:
        actor = possessive.group(1) if possessive else (subject.strip() or None)
    if subject_end < len(words) and words[subject_end] in HOST_VERBS:  # "Xi hosts Kim": Kim is the visitor
        guest = re.match(rf"\s*(?:the\s+)?((?:[a-z-]+\s+)*{_NAME})", body[tokens[subject_end][1] +
                                                                           len(tokens[subject_end][0]):])
        if guest:
            actor, other, prep = guest.group(1), subject.strip(), "host"
    hyphen = re.search(r"\b([A-Z][\w.]+)-([A-Z][\w.]+)\b", body)  # "a second Xi-Kim summit"
    if hyphen and (ordinal_value(hyphen.group(0)) or number_value(hyphen.group(0))):
        hyphen = None  # "Twenty-First"
    if other is None and hyphen:
        a, b = hyphen.groups()
        if actor and b.lower() in actor.lower():
            a, b = b, a
        actor, other, prep = (actor or a), b, "with"
    after = body[tokens[event_at][1] + len(tokens[event_at][0]):]
    for m in re.finditer(rf"(?:\s|^)((?i:to|into|with|against|on|of|in|at|hit|rocks?|rocked|hits))?\s*(?:(?i:the)\s+)?"
                         rf"({_NAME})", after):
        p = (m.group(1) or "").lower()
        if m.start(2) > 60 or (not p and m.start(2) > 1):
            break
        if p in ("in", "at", "hit", "hits", "rock", "rocks", "rocked"):
            place = place or m.group(2)
        elif other is None:
            other, prep = m.group(2), p or "object"
    modifier = [tokens[j][0] for j in range(cue_at + 1, event_at) if tokens[j][0][:1].isupper()]
    if other is None and modifier and _country(" ".join(modifier)):  # "fourth China trip"
        other, prep = " ".join(modifier), "to"
    return actor, other, prep, place


def _roles(plover_type: str, mode: str | None, actor: str | None, other: str | None, prep: str | None,
           place: str | None) -> tuple[str | None, str | None, str | None, str | None, str | None]:
    """(actor filter, counterpart as written, recipient filter, place, place's country)."""
    if mode == "visit" and other and prep in ("to", "of", "object", "in") and place is None:
        place = other  # a visit to China is a visit in China
    if plover_type == "ASSAULT" and other and prep in ("object",) and place is None and _country(other):
        place, other = other, None  # "struck Kabul": where, not whom
    recipient = None
    if other:
        recipient = _country(other) or _name(other)
    return (_actor(actor), _name(other) if other else None, recipient, place,
            _country(place) if place else None)


def _country(text: str | None) -> str | None:
    if not text:
        return None
    from ..ontology.countries import default_countries

    countries = default_countries()
    t = text.strip()
    for candidate in (t, re.sub(r"^the\s+", "", t, flags=re.I)):
        found = countries.find(candidate)
        if found:
            return found[0].iso3
    return None


def _runs(phrase: str) -> list[str]:
    """Runs of capitalised words, a possessive or a lower-case word ending each."""
    runs, cur = [], []
    for tok in re.findall(r"[\w.&'-]+", phrase):
        base = re.sub(r"'s$", "", tok)
        if tok[:1].isupper() and tok.lower() not in ("the", "a", "an"):
            cur.append(base)
        if not tok[:1].isupper() or base != tok:
            if cur:
                runs.append(" ".join(cur))
            cur = []
    if cur:
        runs.append(" ".join(cur))
    return runs


def _name(phrase: str | None) -> str | None:
    """The name in a phrase, titles and nationality words before it left out ("Chinese President Xi
    Jinping" -> "Xi Jinping")."""
    if not phrase:
        return None
    for run in reversed(_runs(phrase)):
        words = run.split()
        while words:  # "South Korean President Moon Jae-in": nationality and title words go
            if words[0].lower() in TITLES or words[0].lower() in PRONOUNS or words[0].lower() in LEADING:
                words = words[1:]
            elif len(words) > 2 and _country(" ".join(words[:2])):
                words = words[2:]
            elif len(words) > 1 and _country(words[0]):
                words = words[1:]
            else:
                break
        if words and not _country(" ".join(words)):
            return " ".join(words)
    return None


def _actor(phrase: str | None) -> str | None:
    """The actor filter: a person's or group's name, else the country the phrase names (as its code), else
    the phrase's last plain word ("militants")."""
    if not phrase:
        return None
    named = _name(phrase)
    if named:
        return named
    for run in reversed(_runs(phrase)):
        code = _country(run)
        if code:
            return code
    plain = [w for w in re.findall(r"[a-z][\w-]*", phrase.lower()) if w not in STOP and w not in TITLES
             and w not in PRONOUNS and w not in LIGHT_VERBS and w not in LEADING and w not in TIME_WORDS
             and len(w) > 2 and w not in ("now", "again", "already", "spate", "series", "wave", "round", "string")]
    return plain[-1] if plain else None
