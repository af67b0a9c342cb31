"""Dates: every temporal expression in an article, normalised against its published date.

The rule-based tagger in ``nlp.timex`` finds and resolves expressions; this module adds what only
the parse knows: the tense of the verb an expression attaches to (a bare "Tuesday" in "arrived
Tuesday" points back, in "will arrive Tuesday" forward), spaCy's DATE/TIME entities as a second
opinion (they can unblock a match the guards held back, and a PERSON entity vetoes "May" in
"Theresa May"), the day a clock time belongs to, and the narrative day "the next day" counts from.
"""

from __future__ import annotations

import datetime as dt

from spacy.tokens import Doc, Token

from ..model import DateMention, Span
from ..model.ids import stable_id
from .lexicon import FUTURE_AUX
from .timex import Group, Hit, Timex, keep, resolve, scan

MODAL_FUTURE = frozenset({"can", "may", "might", "should", "must", "could"})
FUTURE_HEADS = frozenset({
    "expect", "plan", "schedule", "set", "due", "go", "intend", "slate", "aim", "poise", "prepare", "propose",
    "hope", "want", "seek", "vow", "promise", "pledge", "arrange", "likely", "poised", "expected", "scheduled",
})
PLAN_VERBS = frozenset({"plan", "schedule", "slate", "postpone", "delay", "defer", "reschedule", "adjourn"})
PRESENT_BE = frozenset({"is", "are", "am", "'s", "'re", "’s", "’re"})
VETO_LABELS = frozenset({"PERSON", "ORG", "WORK_OF_ART", "PRODUCT", "LAW", "FAC"})
# rules whose match can be a name or a common word, so a non-time entity over it vetoes it
VETOABLE = frozenset({"month", "weekday", "season", "holiday", "relative-day", "ref", "year", "non-gregorian"})
OVERRULED = frozenset({"month", "year", "season", "weekday", "relative-day", "bare-plural-unit"})
DAY_GRAINS = frozenset({"day", "part_of_day", "time"})


def extract_dates(ctx) -> tuple[DateMention, ...]:
    """Every temporal expression in the article with its TIMEX3 value; never raises on odd text."""
    article, doc = ctx.article, ctx.doc
    anchor = _anchor(article.published)
    text = article.text
    found: list[tuple[Group, Timex]] = []
    mentions: list[DateMention] = []
    last_day: dt.date | None = None  # the latest day the narrative reached, for "the next day"
    last_any: dt.date | None = None  # the latest placed date of any size, for "that year"
    for g in _candidates(text, doc):
        span = doc.char_span(g.start, g.end, alignment_mode="expand")
        tense = tense_of(span) if span is not None else None
        ref = _ref_for(g, mentions, span, last_day, last_any)
        try:
            tx = resolve(g, text, anchor, tense, ref)
        except (ValueError, OverflowError, KeyError, IndexError):
            continue  # a combination the calendar cannot hold (year 0, day 32): lose this mention, not the article
        if tx is None:
            continue
        found.append((g, tx))
        mentions.append(_mention(article.id, text, g, tx, anchor))
        if tx.start is not None and tx.type in ("DATE", "TIME"):
            last_any = tx.start
            if tx.start == tx.end and tx.granularity in DAY_GRAINS:
                last_day = tx.start
    # the quarters a results story reports on: named outright, and less than a year before the article
    quarters = [(g.start, tx) for g, tx in found if tx.granularity == "quarter" and "-Q" in tx.value
                and not _derived(tx.rule) and anchor is not None and tx.start is not None
                and 0 <= (anchor - tx.start).days <= 366]
    if quarters:
        for i, (g, tx) in enumerate(found):
            if _a_year_before(g):
                q = _focus_quarter(g.start, quarters)
                if q is not None:
                    mentions[i] = _mention(article.id, text, g, _same_quarter_a_year_before(tx, q), anchor)
    return tuple(mentions)


FINANCIAL_AFTER = 400  # characters: "A year earlier, … in the third quarter" names the quarter after
CLOCK_RULES = frozenset({"clock", "clock-24", "clock-colon", "clock-word", "oclock", "clock-pod", "part-of-day"})
DAY_WORDS = frozenset({"day", "days", "night", "nights", "morning", "afternoon", "evening", "weekend"})


def _derived(rule: str) -> bool:
    return any(k in rule for k in ("financial", "fin-period:year-", "fin-period:comparable", "fin-period:same",
                                   "fin-period:corresponding", "fin-period:prior", "year-ago", "ago:"))


def _focus_quarter(at: int, quarters: list[tuple[int, Timex]]) -> Timex | None:
    """The quarter a results story is about at this point: the last one named before, else the next."""
    before = [tx for start, tx in quarters if start < at]
    if before:
        return before[-1]
    after = [tx for start, tx in quarters if at < start <= at + FINANCIAL_AFTER]
    return after[0] if after else None


def _a_year_before(g: Group) -> bool:
    h = g.hits[0]
    gr = h.g
    if h.rule == "ago":
        return ((gr.get("u") or "").lower() == "year" and (gr.get("n") or "").lower() in ("a", "one", "1")
                and (gr.get("dir") or "").lower() in ("ago", "earlier", "before", "prior"))
    return h.rule == "year-end" and any(k in (gr.get("w") or "").lower() for k in ("earlier", "ago"))


def _ref_for(g: Group, mentions: list[DateMention], span, last_day, last_any) -> dt.date | None:
    """The day a narrative expression counts from: a clock time takes its sentence's day, "the next day"
    the last day named, "that year" or "a year earlier" the last date of any size."""
    h = g.hits[0]
    if h.rule in CLOCK_RULES:
        return _sentence_day(mentions, span) or last_day
    unit = (h.g.get("u") or h.g.get("pod") or "").lower()
    if h.rule in ("weekday", "this-pod") or unit in DAY_WORDS:
        return last_day
    return last_any


def _same_quarter_a_year_before(tx: Timex, q: Timex) -> Timex:
    """In results news "a year earlier", "year-ago" and "the year-earlier period" mean the quarter
    the story is about, a year before (TimeML annotates them so, and a reader means that)."""
    if q.start is None or q.end is None:
        return tx
    y = q.start.year - 1
    try:
        start, end = q.start.replace(year=y), q.end.replace(year=y)
    except ValueError:  # year 0
        return tx
    value = f"{y:04d}-Q{(q.start.month - 1) // 3 + 1}"
    return Timex(value, "DATE", "quarter", start, end, f"{tx.rule};financial:quarter-a-year-before", True)


def _anchor(published: str | None) -> dt.date | None:
    if not published:
        return None
    try:
        return dt.date.fromisoformat(published.strip()[:10])
    except ValueError:
        return None  # an unreadable published date: resolve only absolute expressions


def _mention(article_id: str, text: str, g: Group, tx: Timex, anchor: dt.date | None) -> DateMention:
    if tx.anchored:
        how = f"published:{anchor.isoformat()}" if anchor else "missing"
    else:
        how = ""
    return DateMention(
        id=stable_id(article_id, g.start, g.end, prefix="dt"),
        span=Span(start=g.start, end=g.end, text=text[g.start:g.end]),
        value=tx.value,
        type=tx.type,  # type: ignore[arg-type]
        granularity=tx.granularity,  # type: ignore[arg-type]
        start=tx.start.isoformat() if tx.start else None,
        end=tx.end.isoformat() if tx.end else None,
        anchor=how,
        rule=tx.rule + (f";mod={tx.mod}" if tx.mod else ""),
    )


def _candidates(text: str, doc: Doc) -> list[Group]:
    """The tagger's expressions, less those inside a name, plus what spaCy tags that the guards held back."""
    groups = scan(text)
    ents = doc.ents  # a property that builds its spans on every access
    named = [(e.start_char, e.end_char) for e in ents if e.label_ in VETO_LABELS]
    if named:
        groups = [g for g in groups if not (len(g.hits) == 1 and g.hits[0].rule in VETOABLE
                                            and any(s <= g.start and g.end <= e for s, e in named))]
    taken = [(g.start, g.end) for g in groups]
    extra: list[Group] = []
    for ent in ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if any(ent.start_char < e and s < ent.end_char for s, e in taken):
            continue
        for sub in scan(ent.text, guards=False):
            s, e = ent.start_char + sub.start, ent.start_char + sub.end
            hits = tuple(_moved(h, ent.start_char) for h in sub.hits)
            # spaCy's word overrules the guards that hold back names and numbers ("June", "1990"),
            # not those that know a title or an age when they see one
            if all(h.rule in OVERRULED or keep(h, text) is not None for h in hits):
                extra.append(Group(s, e, hits))
    if extra:
        groups = sorted(groups + extra, key=lambda g: g.start)
    return groups


def _moved(h: Hit, offset: int) -> Hit:
    return Hit(h.start + offset, h.end + offset, h.rule, h.groups, h.priority)


def _sentence_day(mentions: list[DateMention], span) -> dt.date | None:
    """A day already named in the same sentence: "9 a.m." in "Kim left Tuesday at 9 a.m." is Tuesday's."""
    if span is None or not mentions:
        return None
    sent_start = span[0].sent.start_char if len(span) else span.start_char
    for m in reversed(mentions):
        if m.span.end <= sent_start:
            break
        if m.start and m.start == m.end and m.granularity in ("day", "part_of_day"):
            return dt.date.fromisoformat(m.start)
    return None


def tense_of(span) -> str | None:
    """The tense of the verb a temporal expression hangs from: "past", "present", "future" or None."""
    tok: Token = span.root
    for _ in range(8):
        if tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("aux", "auxpass"):
            break
        if tok.head.i == tok.i:
            return None
        tok = tok.head
    else:
        return None
    if tok.pos_ not in ("VERB", "AUX"):
        return None
    return verb_tense(tok, before=span.start < tok.i)


def verb_tense(v: Token, *, before: bool = False) -> str | None:
    """``before``: the expression stands before its verb ("On Friday, the government planned…")."""
    auxes = [c for c in v.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "future"
    if v.lemma_ in PLAN_VERBS and not before:
        # "planned a rally on Saturday", "postponed until Tuesday", "was scheduled for Thursday" look ahead
        # from when they were said; "had been scheduled to expire Friday" is over; "On Friday, X planned"
        # dates the planning; "a service planned for Saturday was canceled" could be either
        if v.tag_ == "VBN" and v.dep_ in ("acl", "amod"):
            return None
        return "past" if "had" in words or any(c.lower_ == "had" for c in v.head.children) else "future"
    if v.lemma_ == "go" and v.tag_ == "VBG" and any(c.dep_ == "xcomp" for c in v.children):
        return "future"  # "is going to visit"
    if any(a.tag_ == "VBD" for a in auxes if a.lower_ not in ("would", "could", "might", "should")):
        return "past"  # "was announced Tuesday", "had been scheduled to expire Friday"
    if v.tag_ == "VBD":
        return "past"
    if v.tag_ == "VBN":
        if words & {"has", "have", "had", "'s", "'ve", "’s", "’ve"}:
            return "past"
        if v.lemma_ in FUTURE_HEADS and words & PRESENT_BE:
            return "future"  # "is expected Tuesday", "is scheduled for Friday"
        if v.dep_ in ("acl", "amod") and not words:
            return "past"  # "the injunction issued Thursday", "a poll completed on Saturday"
    if v.tag_ == "VB":
        if words & MODAL_FUTURE:
            return "future"
        if "would" in words:
            return None
        if "to" in words:
            return _to_infinitive_tense(v)
        return None
    if v.tag_ == "VBG" and words & PRESENT_BE:
        return "future"  # "Kim is visiting China next week": a present progressive with a date is planned
    if v.tag_ in ("VBZ", "VBP"):
        return "present"
    return None


def _to_infinitive_tense(v: Token) -> str | None:
    """ "is scheduled to spend Tuesday" looks ahead; "had been due to expire Friday" looked ahead from a
    past that is over, so the day is behind the article."""
    head = v.head
    if head.i == v.i:
        return None
    governor = head
    for _ in range(2):  # "due" and "likely" are adjectives: their verb is the copula above them
        if governor.pos_ in ("VERB", "AUX") or governor.head.i == governor.i:
            break
        governor = governor.head
    planned = head.lemma_ in FUTURE_HEADS or head.lower_ in FUTURE_HEADS
    if planned:
        pluperfect = any(c.lower_ == "had" for c in governor.children) or "had" in {c.lower_ for c in head.children}
        return "past" if pluperfect else "future"
    return None
