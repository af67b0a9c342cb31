"""When and where: the date and place of an event's clause.

Dates come from ``ctx.dates`` (the dates extractor) and places from ``ctx.places`` (the places
extractor) when they lie in the event's clause; both may be empty, and this still works:

* a date in the trigger's own clause, else in the clause that governs it (through "said that",
  "ready to", "is said to"; not out of a "since/after/before" clause, which has its own time);
* else, for what is reported as news, the article's published date, marked ``inferred``;
* else, for a background mention ("the Singapore summit", "since the leaders met") or a future one
  ("an expected summit"), no calendar date: ``PAST_REF`` / ``FUTURE_REF`` bounded by the published
  date, also ``inferred``.

A place in the clause from ``ctx.places`` (the event location first) wins; without one, a named
place the trigger governs with "in/at" ("met in Singapore", "arrived in Beijing") is used as written.
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import DateMention, DateRef, Place, PlaceRef
from ...model.timex import interval
from ..place_words import EVENT_NOUNS, PLACE_NOUNS

CLAUSE_BREAKS = ("ccomp", "advcl", "relcl", "acl", "parataxis", "csubj")
CLIMB_DEPS = ("xcomp", "ccomp", "acomp", "conj", "pcomp", "dobj", "pobj", "prep", "attr", "oprd", "nsubj",
              "nsubjpass", "amod", "compound", "advmod", "npadvmod")
RELATIVE_TIME_MARKS = frozenset({"since", "after", "before", "until", "once"})  # their own time
SAME_TIME_MARKS = frozenset({"when", "as", "while"})  # the time of the clause they hang on
PLACE_PREPS = frozenset({"in", "at", "to", "into", "near", "outside", "inside"})
VERBAL_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"})


def clause_chars(head: Token) -> list[tuple[int, int]]:
    """Character ranges of a clause: the head's subtree without its embedded clauses."""
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in CLAUSE_BREAKS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            skip.update(t.i for t in c.subtree)
    for t in head.subtree:
        if t.dep_ == "relcl" and t.i != head.i and t.i not in skip:
            # "the long train journey he took to Beijing in March": a relative clause deeper in has
            # its own time and place
            skip.update(x.i for x in t.subtree)
    toks = [t for t in head.subtree if t.i not in skip]
    ranges: list[tuple[int, int]] = []
    for t in sorted(toks, key=lambda t: t.i):
        s, e = t.idx, t.idx + len(t.text)
        if ranges and s - ranges[-1][1] <= 1:
            ranges[-1] = (ranges[-1][0], e)
        else:
            ranges.append((s, e))
    return ranges


def _inside(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(s <= start and end <= e for s, e in ranges)


def date_ref(d: DateMention) -> DateRef:
    return DateRef(value=d.value, start=d.start, end=d.end, granularity=d.granularity, inferred=False,
                   mention_id=d.id)


def clause_chain(tok: Token, limit: int = 6):
    """The clause heads from the trigger upwards, stopping at a clause with its own time."""
    t = tok
    for _ in range(limit):
        yield t
        if t.head.i == t.i:
            return
        if t.dep_ in ("advcl", "relcl", "acl") and any(c.dep_ == "mark" and c.lower_ in RELATIVE_TIME_MARKS
                                                        for c in t.children):
            return
        same_time = any(c.lower_ in SAME_TIME_MARKS and c.dep_ in ("mark", "advmod") for c in t.children) or (
            t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN") and not any(c.dep_ == "mark" for c in t.children))
        if t.dep_ in ("advcl", "relcl", "acl", "parataxis") and not same_time:
            return
        t = t.head


def relative_clause(tok: Token) -> str | None:
    """The mark of a time clause the trigger is in ("since", "after"), if any."""
    t = tok
    for _ in range(6):
        for c in t.children:
            if c.dep_ == "mark" and c.lower_ in RELATIVE_TIME_MARKS and t.dep_ in ("advcl", "relcl", "acl"):
                return c.lower_
        if t.head.i == t.i or t.dep_ in ("ROOT", "ccomp"):
            return None
        t = t.head
    return None


def find_date(ctx, trigger: Token, anchor: Token, *, not_after: str | None = None) -> tuple[DateMention | None, str]:
    """A date mention in the trigger's clause or a governing one, with where it was found; for what has
    happened, none that starts after ``not_after`` (the published date)."""
    if not ctx.dates:
        return None, ""
    heads = [trigger, *clause_chain(anchor)]
    lo = min(h.left_edge.idx for h in heads)
    hi = max(h.right_edge.idx + len(h.right_edge.text) for h in heads)
    near = [d for d in ctx.dates if lo <= d.span.start and d.span.end <= hi]
    if not near:  # the common case: no date anywhere in the clauses, so no clause need be drawn
        return None, ""
    seen: set[int] = set()
    for head in heads:
        if head.i in seen:
            continue
        seen.add(head.i)
        ranges = clause_chars(head) if head.pos_ in ("VERB", "AUX", "ADJ") or head.i == trigger.i else \
            [(t.idx, t.idx + len(t.text)) for t in head.subtree]
        # only dates on a calendar can date an event ("the future", "a year" cannot)
        hits = [d for d in near if _inside(ranges, d.span.start, d.span.end) and d.type in ("DATE", "TIME")
                and interval(f"{d.start}/{d.end}" if d.start and d.end else d.value) is not None
                and not (not_after and d.start and d.start > not_after)]
        if hits:
            best = min(hits, key=lambda d: abs(d.span.start - trigger.idx))
            where = "the trigger's clause" if head.i == trigger.i or head.i == anchor.i else f"the clause of '{head.text}'"
            return best, where
    return None, ""


def event_date(ctx, trigger: Token, anchor: Token, *, plover: str, status: str, background: bool) -> tuple[
        DateRef | None, str]:
    pub = ctx.article.published[:10] if ctx.article.published else None
    d, where = find_date(ctx, trigger, anchor, not_after=pub if status in ("occurred", "reported", "denied") else None)
    if d is not None:
        ref = date_ref(d)
        first = trigger.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
        tok = first[0] if first is not None and len(first) else None
        if tok is not None and tok.head.lower_ == "since" and pub and (d.start or "") <= pub:
            # "four times since March last year": from then until the article
            ref = DateRef(value=f"{d.start or d.value}/{pub}", start=d.start, end=pub, granularity=d.granularity,
                          inferred=False, mention_id=d.id)
            return ref, f"'since {d.span.text}' in {where}: from {d.start or d.value} to the published date"
        return ref, f"'{d.span.text}' in {where} ({d.value})"
    if pub is None:
        return None, "no date in the clause and no published date"
    verbal = plover in VERBAL_TYPES
    if not verbal and status in ("expected", "intended", "hypothetical"):
        return DateRef(value="FUTURE_REF", start=pub, end=None, granularity="unknown", inferred=True), \
            f"not yet happened and no date in the clause: after the published date {pub}"
    mark = relative_clause(anchor)
    if background or (mark and not verbal):
        why = f"a '{mark}' clause" if mark else "a mention of an earlier event"
        return DateRef(value="PAST_REF", start=None, end=pub, granularity="unknown", inferred=True), \
            f"{why} with no date of its own: before the published date {pub}"
    return DateRef(value=pub, start=pub, end=pub, granularity="day", inferred=True), \
        f"no date in the clause: the published date {pub}"


def event_place(ctx, trigger: Token, anchor: Token, *, extra: list[Token] = (),
                exclude: list[tuple[int, int]] = ()) -> tuple[PlaceRef | None, str]:
    """The event's place; ``exclude`` holds the actors' spans ("U.S." in "U.S. President" is no place)."""
    ranges: list[tuple[int, int]] = []
    for head in {trigger.i: trigger, anchor.i: anchor}.values():
        ranges += clause_chars(head) if head.pos_ in ("VERB", "AUX") else \
            [(t.idx, t.idx + len(t.text)) for t in head.subtree]
    if ctx.places:
        # a place counts when the trigger is said to happen there, not when it is merely in the clause
        # ("coordinated with China since Kim's outreach to Seoul" happened in neither)
        local = [t for t in [*extra, *_locative(trigger), *_locative(anchor)]]
        spots = [(t.idx, t.idx + len(t.text)) for t in local]
        lo, hi = min(s for s, _ in ranges), max(e for _, e in ranges)
        hits = [p for p in ctx.places if lo <= p.span.start and p.span.end <= hi
                and _inside(ranges, p.span.start, p.span.end)
                and not any(s <= p.span.start < e for s, e in exclude)
                and (p.is_event_location or any(p.span.start <= s < p.span.end or s <= p.span.start < e
                                                for s, e in spots))]
        if hits:
            best = min(hits, key=lambda p: (not p.is_event_location, p.resolved is None,
                                            abs(p.span.start - trigger.idx)))
            how = "the event location" if best.is_event_location else "a place"
            return place_ref(best), f"'{best.span.text}' is {how} in the clause"
    for tok in [*extra, *_locative(trigger), *_locative(anchor)]:
        if tok.ent_type_ in ("GPE", "LOC", "FAC") and not any(s <= tok.idx < e for s, e in exclude
                                                              if tok.dep_ != "pobj"):
            start = tok.i
            while start > 0 and tok.doc[start - 1].ent_iob_ == "I" and tok.doc[start - 1].ent_type_ == tok.ent_type_:
                start -= 1
            span = tok.doc[start:tok.i + 1]
            found = ctx.resources.countries.find(span.text)
            iso2 = found[0].iso2 if found else None
            if found is None:
                cap = ctx.resources.countries.from_capital(span.text)
                iso2 = cap.iso2 if cap else None
            return PlaceRef(name=span.text, country=iso2), f"'{span.text}' named with '{_prep_word(tok)}' " \
                                                         f"(as written; not geocoded)"
    return None, ""


def _locative(tok: Token, depth: int = 0) -> list[Token]:
    """The places a word puts something "in/at/to…"; through the person it is done with ("met Xi
    in Dalian", "held talks with Xi in Dalian"), where the parser hangs the place on the person."""
    out = []
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in PLACE_PREPS:
            for x in c.children:
                if x.dep_ == "pobj":
                    out.append(x)
                    # "in the port city of Dalian": the place is the city's name
                    out += [y for o in x.children if o.dep_ == "prep" and o.lower_ == "of" and x.lemma_ in PLACE_NOUNS
                            for y in o.children if y.dep_ == "pobj"]
        if c.dep_ == "compound" and tok.pos_ == "NOUN" and c.ent_type_ in ("GPE", "LOC", "FAC"):
            out.append(c)
        if depth < 2 and (c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in EVENT_NOUNS) or
                          c.dep_ == "prep" and c.lower_ == "with"):
            out += _locative(c, depth + 1)
        if depth and c.dep_ == "pobj" and c.ent_type_ == "PERSON":
            out += _locative(c, depth + 1)
    return out


def _prep_word(tok: Token) -> str:
    return tok.head.text if tok.dep_ == "pobj" else tok.dep_


def place_ref(p: Place) -> PlaceRef:
    r = p.resolved
    if r is None:
        return PlaceRef(name=p.span.text, place_id=p.id)
    return PlaceRef(name=r.name or p.span.text, place_id=p.id, country=r.country, lat=r.lat, lon=r.lon,
                    geonames_id=r.geonames_id)
