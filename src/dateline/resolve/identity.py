"""Event identity: whether a report (one coded event in one article) is a report of an occurrence.

A report carries what the event is: its PLOVER type and mode, its actor and target as canonical parties
(a normalised name, a country and a kind: a named person or organisation, a state or place standing for
its country, a description such as "a North Korean official", or nobody known), where it happened (a
gazetteer entry with its country and first-level region), its days (with how much the date can be
trusted) and the words of its sentence. :func:`match` compares a report with an occurrence (the fold of
the reports already joined) and says whether it joins, how strongly, and why, field by field.

The rules are hard where a difference means another event (another type or mode, two different named
actors, two different cities, days that cannot overlap) and lenient where one side does not know (no
target, no place, "the president" beside a named president of the same country). Agreement on fields
that may be unknown is not enough by itself: a join also needs an anchor, something the two share that
an unrelated event of the same type and days would rarely share (the same named party, or names, numbers
or enough words of their sentences; one city alone is not: two arrests in one city on one day are two).
For acts done in words (rejecting, accusing, demanding) the same actor is not enough either: one minister
rejects several things in a week, so the target must be the same party or the sentences must share what
was rejected (a name, a number or a few content words).
Each report must agree with every report already joined, not only with the occurrence's name for a side.

Reports of two types can be one act where the one type entails the other (a capture told as an arrest, a
shooting told as an attack): the pairs are in ``data/same_act.tsv``. Such a join needs the target known on
both sides, and scores below a join of the same type, so a report of the same type wins where both fit.
Types linked by those pairs form a *family*: candidates for a report are looked up by family and week.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from dataclasses import dataclass, field, replace
from typing import Any

HAPPENED = ("occurred", "reported")
PRECISE_DAYS = 7  # a report dated to a week or less can found an occurrence and set its days
PLACEABLE_DAYS = 31  # a month is the vaguest date that can still be matched to one occurrence
GAP_DAYS = 2  # reports dated a day or two apart (arrival, talks, departure) are one occurrence
WEAK_DAYS = 3  # a report dated only by its publication day may tell of something a few days before

# kinds of party, most specific first: a named party decides an occurrence's actor over a state, etc.
KINDS = ("named", "state", "generic", "unknown")
# meetings and calls are one occurrence whichever side a report names first; a visit has a direction
SYMMETRIC_TYPES = frozenset({"CONSULT"})
DIRECTED_MODES = frozenset({"visit", "host"})
# GeoNames feature codes by how much ground they cover
LEVELS = ("country", "admin1", "admin2", "city", "site")
MIN_SHARED_WORDS = 5
CROSS_TYPE_PENALTY = 3.0  # a join across types scores below any join of the same type and anchors
# Acts done in words: one minister rejects, accuses or demands several things in a week, so the same actor
# is no anchor alone for these; the target or what the sentences say must agree too. Meetings, visits and
# deeds are left out: one leader seldom makes two visits of the same place in the same days.
VERBAL_TYPES = frozenset({"REJECT", "ACCUSE", "REQUEST", "THREATEN", "SUPPORT", "PROTEST"})
MIN_TOPIC_WORDS = 3  # shared common words that say one subject; two different acts share the verb and a word or so

_STOP = frozenset("""a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most my myself no
nor not now of off on once only or other our ours ourselves out over own same she should so some such than that
the their theirs them themselves then there these they this those through to too under until up very was we were
what when where which while who whom why will with would you your yours yourself yourselves said says say told
tell according reported report reports news week month year day days today yesterday monday tuesday wednesday
thursday friday saturday sunday january february march april may june july august september october november
december mr mrs ms new one two last first next since later earlier time""".split())
_WORD = re.compile(r"[^\W\d_][\w'’-]*|\d[\d,.]*\d|\d")


@functools.lru_cache(maxsize=1)
def same_act_pairs() -> frozenset[tuple[tuple[str, str | None], tuple[str, str | None]]]:
    """The (type, mode) pairs that can name one act, both ways round (``data/same_act.tsv``)."""
    from importlib import resources

    text = (resources.files("dateline.resolve") / "data" / "same_act.tsv").read_text(encoding="utf-8")
    pairs: set = set()
    rows = [line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#")]
    for n, row in enumerate(rows[1:], 2):
        if len(row) != 4:
            raise ValueError(f"same_act.tsv row {n}: expected 4 columns, got {len(row)}")
        a = (row[0], None if row[1] == "-" else row[1])
        b = (row[2], None if row[3] == "-" else row[3])
        pairs |= {(a, b), (b, a)}
    return frozenset(pairs)


def same_act(a_type: str, a_mode: str | None, b_type: str, b_mode: str | None) -> bool:
    """Whether a report of one (type, mode) may tell of the same act as one of the other."""
    return (a_type, a_mode) == (b_type, b_mode) or ((a_type, a_mode), (b_type, b_mode)) in same_act_pairs()


@functools.lru_cache(maxsize=1)
def _families() -> dict[str, str]:
    """Each type that a pair links to another, to the first of its linked group (alphabetically)."""
    parent: dict[str, str] = {}

    def root(t: str) -> str:
        while parent.setdefault(t, t) != t:
            t = parent[t]
        return t

    for (a, _), (b, _) in same_act_pairs():
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return {t: root(t) for t in parent}


def family(type_: str) -> str:
    """The group of types whose reports may be one occurrence: the type itself unless a pair links it."""
    return _families().get(type_, type_)


def normalise_name(name: str | None) -> str:
    """Lower case, no accents, no punctuation, no leading article: "The  Kim-Jong Un" -> "kim jong un"."""
    if not name:
        return ""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = re.sub(r"[^\w\s]", " ", text)
    words = text.split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@dataclass(frozen=True, slots=True)
class Party:
    """A canonical actor or target: normalised name, display label, country (alpha-3) and kind."""

    name: str
    label: str
    country: str | None
    kind: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "label": self.label, "country": self.country, "kind": self.kind}

    @staticmethod
    def from_dict(d: dict[str, Any] | None) -> "Party | None":
        return Party(d["name"], d["label"], d.get("country"), d["kind"]) if d else None


@dataclass(frozen=True, slots=True)
class Place:
    """Where an event happened: a gazetteer entry with its country (alpha-2), region and level."""

    name: str
    key: str  # the GeoNames id, or the normalised name where there is none
    country: str | None
    admin1: str
    level: str

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "key": self.key, "country": self.country, "admin1": self.admin1,
                "level": self.level}

    @staticmethod
    def from_dict(d: dict[str, Any] | None) -> "Place | None":
        return Place(d["name"], d["key"], d.get("country"), d.get("admin1") or "", d["level"]) if d else None


def place_level(feature_class: str, feature_code: str) -> str:
    code = (feature_code or "").upper()
    if code.startswith("PCL") or code in ("TERR", "ZN"):
        return "country"
    if code == "ADM1":
        return "admin1"
    if code.startswith("ADM"):
        return "admin2"
    if (feature_class or "").upper() == "P" or code.startswith("PPL"):
        return "city"
    if (feature_class or "").upper() == "A":
        return "admin1"
    return "site"


@dataclass(slots=True)
class Report:
    """One coded event that happened, as evidence for an occurrence."""

    event_id: str
    article_id: str
    type: str
    mode: str | None
    actor: Party | None
    recipient: Party | None
    place: Place | None
    start: dt.date
    end: dt.date
    weak: bool = False  # dated only by the article's publication day
    words: frozenset[str] = frozenset()
    published: str | None = None

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def precise(self) -> bool:
        return self.days <= PRECISE_DAYS

    @property
    def tier(self) -> int:
        """How much its days can say: 0 a precise date of its own, 1 the publication day, 2 a vague span."""
        return 2 if not self.precise else 1 if self.weak else 0

    @property
    def reach(self) -> tuple[dt.date, dt.date]:
        """The days it may tell of: a publication day reaches back a few days before it."""
        return (self.start - dt.timedelta(days=WEAK_DAYS), self.end) if self.weak else (self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        return {"event": self.event_id, "article": self.article_id, "type": self.type, "mode": self.mode,
                "actor": self.actor.to_dict() if self.actor else None,
                "recipient": self.recipient.to_dict() if self.recipient else None,
                "place": self.place.to_dict() if self.place else None, "start": str(self.start),
                "end": str(self.end), "weak": self.weak, "words": sorted(self.words), "published": self.published}

    @staticmethod
    def from_dict(d: dict[str, Any]) -> "Report":
        return Report(d["event"], d["article"], d["type"], d.get("mode"), Party.from_dict(d.get("actor")),
                      Party.from_dict(d.get("recipient")), Place.from_dict(d.get("place")),
                      dt.date.fromisoformat(d["start"]), dt.date.fromisoformat(d["end"]), bool(d.get("weak")),
                      frozenset(d.get("words") or ()), d.get("published"))


def content_words(sentence: str, limit: int = 40) -> frozenset[str]:
    """What a sentence says, for comparing two reports: content words (stemmed, lower case), numbers and
    capitalised names (marked with a leading ``^``), stop words and calendar words left out."""
    from ..xdoc.lexicon import stem

    out: list[str] = []
    for i, m in enumerate(_WORD.finditer(sentence or "")):
        w = m.group(0).strip("'’-")
        low = w.lower()
        if not w or low in _STOP:
            continue
        if w[0].isdigit():
            number = w.replace(",", "")
            if not (number.isdigit() and (int(number) <= 31 or 1000 <= int(number) <= 2999)):
                out.append("#" + number)  # a day of the month or a year is in every report of its days
        elif len(w) > 2:
            out.append(("^" + low) if w[0].isupper() and i > 0 else stem(low))
    return frozenset(out[:limit])


# -- comparing --------------------------------------------------------------------------------

@dataclass(slots=True)
class Verdict:
    """Whether a report may join an occurrence, how strongly, and the evidence field by field."""

    ok: bool
    score: float = 0.0
    why: dict[str, Any] = field(default_factory=dict)
    reason: str = ""  # what ruled it out


def compare_parties(a: Party | None, b: Party | None) -> tuple[bool, str]:
    """(compatible, how). Never two different named parties; a state, a description or nobody known is
    compatible with a party of the same country."""
    if a is None or b is None or a.kind == "unknown" or b.kind == "unknown":
        return True, "one side not known"
    if a.country and b.country and a.country != b.country:
        return False, f"different countries ({a.country}, {b.country})"
    if a.name == b.name:
        return True, "same name"
    if a.kind == "named" and b.kind == "named":
        short, long_ = sorted((a.name.split(), b.name.split()), key=len)
        if short and set(short) <= set(long_):
            return True, "short form of the same name"
        return False, f"different named actors ({a.label}, {b.label})"
    if a.kind == "generic" or b.kind == "generic":
        return True, "a description of the same country" if a.country and b.country else "a description"
    return True, "the same country"


def compare_places(a: Place | None, b: Place | None) -> tuple[bool, str]:
    """(compatible, how) in the place hierarchy: a city lies within its country and region; two cities,
    two regions or two countries differ."""
    if a is None or b is None:
        return True, "one side has no place"
    if a.country and b.country and a.country != b.country:
        return False, f"different countries ({a.name}, {b.name})"
    if a.key == b.key:
        return True, "same place"
    hi, lo = sorted((a, b), key=lambda p: LEVELS.index(p.level))
    if hi.level == "country":
        return True, f"{lo.name} is within {hi.name}"
    if a.admin1 and b.admin1 and a.admin1 != b.admin1:
        return False, f"different regions ({a.name}, {b.name})"
    if hi.level in ("admin1", "admin2"):
        return True, f"{lo.name} is within {hi.name}" if hi.admin1 and hi.admin1 == lo.admin1 else "same country"
    if hi.level == lo.level or not (a.admin1 and b.admin1):
        return False, f"different places ({a.name}, {b.name})"
    return True, f"{lo.name} is in the region of {hi.name}"  # a landmark and a city of one region


def compare_days(o_start: dt.date, o_end: dt.date, o_precise: bool, r: Report) -> tuple[bool, str]:
    """(compatible, how): precise days overlap or lie within GAP_DAYS; a vague span holds the other."""
    lo, hi = r.reach
    gap = dt.timedelta(days=GAP_DAYS)
    if r.precise and o_precise:
        if lo - gap <= o_end and o_start - gap <= hi:
            return True, "overlapping days" if lo <= o_end and o_start <= hi else "days within two days"
        return False, f"days apart ({r.start}..{r.end} vs {o_start}..{o_end})"
    if not r.precise and o_precise:
        return (o_start >= lo and o_end <= hi,
                f"{r.start}..{r.end} holds the occurrence" if o_start >= lo and o_end <= hi
                else f"{r.start}..{r.end} does not hold {o_start}..{o_end}")
    if r.precise and not o_precise:
        inside = lo <= o_end and hi >= o_start and r.start >= o_start and r.end <= o_end
        return inside, ("its days lie within the occurrence's span" if inside
                        else f"{r.start}..{r.end} outside {o_start}..{o_end}")
    if lo <= o_end and o_start <= hi:
        return True, "overlapping spans"
    return False, f"spans apart ({r.start}..{r.end} vs {o_start}..{o_end})"


def symmetric(type_: str, mode: str | None) -> bool:
    return type_ in SYMMETRIC_TYPES and mode not in DIRECTED_MODES


def _parties(o_actor, o_recipient, r: Report) -> tuple[bool, dict[str, str], bool, str]:
    """Actor and target compared in order, or crossed for a meeting ("A met B" and "B met A")."""
    orders = [(r.actor, r.recipient, False)]
    if symmetric(r.type, r.mode):
        orders.append((r.recipient, r.actor, True))
    first_reason = ""
    for actor, recipient, crossed in orders:
        ok_a, how_a = compare_parties(o_actor, actor)
        ok_r, how_r = compare_parties(o_recipient, recipient)
        if ok_a and ok_r:
            return True, {"actor": how_a, "recipient": how_r}, crossed, ""
        first_reason = first_reason or ("actor: " + how_a if not ok_a else "recipient: " + how_r)
    return False, {}, False, first_reason


def _anchor_names(how: dict[str, str], o_actor, o_recipient) -> list[str]:
    out = []
    for role, party in (("actor", o_actor), ("recipient", o_recipient)):
        if party and party.kind in ("named", "state") and how.get(role) in ("same name", "short form of the same name"):
            out.append(f"same {role} {party.label}")
    return out


def match(occ: Any, r: Report) -> Verdict:
    """Compare report ``r`` with occurrence ``occ`` (anything with type, mode, actor, recipient, place,
    start, end, precise and words, e.g. :class:`resolve.linking.Occurrence`)."""
    cross = (occ.type, occ.mode) != (r.type, r.mode)
    if cross and not same_act(occ.type, occ.mode, r.type, r.mode):
        return Verdict(False, reason=f"type/mode {r.type}/{r.mode} vs {occ.type}/{occ.mode}")
    ok, how, crossed, reason = _parties(occ.actor, occ.recipient, r)
    if not ok:
        return Verdict(False, reason=reason)
    if cross and how.get("recipient") == "one side not known":
        # an arrest and an attack are one act only where they befall the same target
        return Verdict(False, reason=f"{r.type}/{r.mode or '-'} vs {occ.type}/{occ.mode or '-'} with a target not known")
    # every report already joined must agree too, not only the occurrence's name for each side
    actor, recipient = (r.recipient, r.actor) if crossed else (r.actor, r.recipient)
    for a, t in getattr(occ, "sides", ()):
        if not (compare_parties(a, actor)[0] and compare_parties(t, recipient)[0]):
            return Verdict(False, reason=f"a joined report names {a.label if a else '?'} -> {t.label if t else '?'}")
    ok_p, how_p = compare_places(occ.place, r.place)
    for joined in getattr(occ, "places", ()):  # the places of the reports already joined
        if ok_p and not (got := compare_places(joined, r.place))[0]:
            ok_p, how_p = got
    if not ok_p:
        return Verdict(False, reason="place: " + how_p)
    ok_d, how_d = compare_days(occ.start, occ.end, occ.precise, r)
    if not ok_d:
        return Verdict(False, reason="days: " + how_d)
    # words naming the parties were weighed above: what else the sentences share is the evidence here
    shared = sorted((occ.words & r.words) - _party_words(occ.actor, occ.recipient, r.actor, r.recipient))
    anchors = _anchor_names(how, occ.actor, occ.recipient)
    if enough_words(shared):
        anchors.append("shared words")
    if not anchors:  # one city is no anchor alone: two arrests in one city on one day are two
        return Verdict(False, reason="nothing shared beyond type, place and days (no same named party or words)")
    if r.type in VERBAL_TYPES and not any(a.startswith("same recipient") for a in anchors) \
            and not same_topic(shared):
        # "X rejected the pause" and "X rejected the evidence": one actor, one verb, two acts
        return Verdict(False, reason=f"{r.type} by one actor with neither the same target nor the same subject")
    if how_p == "same place" and occ.place and occ.place.level in ("city", "site"):
        anchors.append(f"same place {occ.place.name}")
    closeness = 1.0 if how_d == "overlapping days" else 0.5
    score = 2.0 * len(anchors) + 0.5 * len(shared) + closeness + (0.5 if how_p == "same place" else 0.0)
    if cross:
        score -= CROSS_TYPE_PENALTY
    why = {"type": f"{r.type}/{r.mode or '-'}", **how, "crossed": crossed, "place": how_p, "days": how_d,
           "anchors": anchors, "shared_words": [w.lstrip("#^") for w in shared][:20], "score": round(score, 2)}
    if cross:
        why["same_act"] = f"{r.type}/{r.mode or '-'} tells of the same act as {occ.type}/{occ.mode or '-'}"
    return Verdict(True, score, why)


def enough_words(shared: list[str]) -> bool:
    """Whether what two sentences share says they tell of one event: names or numbers (two, or one with
    two more words) say more than common words, of which it takes MIN_SHARED_WORDS (the event's own
    verb and the day's news share a few by chance)."""
    strong = sum(1 for w in shared if w[0] in "#^")
    return strong >= 2 or (strong == 1 and len(shared) >= 3) or len(shared) >= MIN_SHARED_WORDS


def same_topic(shared: list[str]) -> bool:
    """Whether two sentences of a verbal act speak of the same thing: a shared name or number, or a few
    shared content words (the verb alone, or "the proposal", is shared by two different rejections)."""
    return any(w[0] in "#^" for w in shared) or len(shared) >= MIN_TOPIC_WORDS


def _party_words(*parties: Party | None) -> frozenset[str]:
    return _label_words(" ".join(p.label for p in parties if p is not None))


@functools.lru_cache(maxsize=4096)
def _label_words(text: str) -> frozenset[str]:
    # each word both as a name ("^kim") and as a common word ("minist"): where it stood decides the form
    return frozenset(content_words(text, limit=100) | content_words(text.lower(), limit=100)
                     | {"^" + w for w in text.lower().split()})


def more_specific(a: Party | None, b: Party | None) -> Party | None:
    """The party an occurrence is named by: named over state over description over nobody; the
    longer name of one named party ("Kim Jong Un" over "Kim"); else the one it had."""
    if a is None:
        return b
    if b is None:
        return a
    ka, kb = KINDS.index(a.kind), KINDS.index(b.kind)
    if kb < ka or (kb == ka == 0 and len(b.name) > len(a.name)):
        return b
    if a.country is None and b.country and a.kind == b.kind:
        return replace(a, country=b.country)
    return a


def finer_place(a: Place | None, b: Place | None) -> Place | None:
    if a is None:
        return b
    if b is None:
        return a
    return b if LEVELS.index(b.level) > LEVELS.index(a.level) else a
