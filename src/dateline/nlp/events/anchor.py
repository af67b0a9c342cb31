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
from ..place_events import _event_prep
from ..place_words import EVENT_NOUNS, PLACE_NOUNS
from .event_time import earlier_cue, in_wire_dateline, plain_perfect, same_occasion, stated_past, wire_dateline
from .told_time import (OCCASION_PREPS, calendar_free, dates_a_noun, dates_another_time, earlier_act, habitual,
                        object_of_another_act, other_tense, past_without_anchor, present_in_time_clause,
                        reduced_relative, same_time_clauses, still_to_come, told_before_complement, told_future,
                        undated_ref)

CLAUSE_BREAKS = ("ccomp", "advcl", "relcl", "acl", "parataxis", "csubj")
CLIMB_DEPS = ("xcomp", "ccomp", "acomp", "conj", "pcomp", "dobj", "pobj", "prep", "attr", "oprd", "nsubj",
              "nsubjpass", "amod", "compound", "advmod", "npadvmod")
RELATIVE_TIME_MARKS = frozenset({"since", "after", "before", "until", "once"})  # their own time
SAME_TIME_MARKS = frozenset({"when", "as", "while"})  # the time of the clause they hang on
TIME_PREPS = frozenset({"after", "since", "before", "until", "following"})  # an event noun after them has its own time
# a gerund after these tells another act ("accused of issuing", "blamed for attacking"); after "by",
# "in", "while" it is the same act ("responded by imposing tariffs")
OTHER_ACT_PREPS = frozenset({"of", "for", "after", "before", "since", "over", "about"})
# a relative clause on these has their time ("the day that they signed")
TIME_NOUNS = frozenset({"day", "week", "month", "year", "time", "moment", "night", "morning", "evening",
                        "afternoon", "hour", "date", "weekend"})
PLACE_PREPS = frozenset({"in", "at", "to", "into", "near", "outside", "inside"})
VERBAL_TYPES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "ACCUSE", "SUPPORT"})
# words for acts done to a target where it is: the target's place is the event's
ATTACK_WORDS = frozenset({"attack", "strike", "airstrike", "raid", "bomb", "bombing", "assault", "ambush",
                          "shell", "shelling", "storm", "shooting", "massacre", "seize", "arrest", "detain",
                          "kidnap", "abduct", "besiege", "blockade", "occupy", "invade"})
TARGET_PREPS = frozenset({"in", "at", "near", "inside", "outside"})
HAPPENED = frozenset({"occurred", "reported", "denied"})
OWN_CLAUSE = "the trigger's clause"


def clause_chars(head: Token) -> list[tuple[int, int]]:
    """Character ranges of a clause: the head's subtree without its embedded clauses."""
    skip: set[int] = set()
    for c in head.children:
        if c.dep_ in CLAUSE_BREAKS or (c.dep_ == "conj" and c.pos_ in ("VERB", "AUX")):
            skip.update(t.i for t in c.subtree)
    for t in head.subtree:
        if t.i != head.i and t.i not in skip and (t.dep_ == "relcl" or (
                t.dep_ == "pcomp" and t.pos_ in ("VERB", "AUX") and t.head.lower_ in OTHER_ACT_PREPS)):
            # "the long train journey he took to Beijing in March", "accused of issuing an opinion in
            # 1985": a relative clause or another act's gerund deeper in has its own time and place
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
        if t.dep_ == "pobj" and t.head.lower_ in TIME_PREPS:
            return  # "a week after his summit with Trump": the summit is not on the day the sentence tells
        if t.dep_ in ("advcl", "relcl", "acl") and any(c.dep_ == "mark" and c.lower_ in RELATIVE_TIME_MARKS
                                                        for c in t.children):
            return
        # "the talks began on Monday as critics have urged ...": a present perfect has a time of its own
        same_time = (any(c.lower_ in SAME_TIME_MARKS and c.dep_ in ("mark", "advmod") for c in t.children)
                     and not any(c.dep_ == "aux" and c.lower_ in ("has", "have") for c in t.children)) or \
            _participle_of_its_time(t) or _where_it_happened(t) or \
            (t.dep_ == "relcl" and t.head.lemma_.lower() in TIME_NOUNS)
        if t.dep_ in ("advcl", "relcl", "acl", "parataxis") and not same_time:
            return
        if t.dep_ == "conj" and other_tense(t, t.head):
            return  # "bought the port in 2012 and has expanded it": 2012 is not when it expanded
        t = t.head


def _participle_of_its_time(t: Token) -> bool:
    """A participle with no conjunction shares the time of what it hangs on: "speaking in Paris, she
    ..." that of her verb, and "held a rally denouncing the mayor" that of the rally (a past participle
    on a noun, "the bill passed in 2010", has a time of its own)."""
    if any(c.dep_ == "mark" for c in t.children):
        return False
    return (t.dep_ == "advcl" and t.tag_ in ("VBG", "VBN")) or (t.dep_ == "acl" and t.tag_ == "VBG")


def _where_it_happened(t: Token) -> bool:
    """A "where" clause on the place the governing verb happens in ("arrived in Beijing on Tuesday,
    where he met Xi") has that verb's time; on a place he came from ("flew home from Crete, where he
    toured a port") it has not."""
    if not _is_where_clause(t):
        return False
    x = t.head
    if x.dep_ == "appos":
        x = x.head
    if x.dep_ == "pobj" and x.head.lower_ == "of" and x.head.head.lemma_.lower() in PLACE_NOUNS:
        x = x.head.head  # "in the port city of Haiphong, where"
    if x.ent_type_ in ("DATE", "TIME"):
        return True  # "arrived in Haiphong on Monday, where": the parser hung it on the date
    return x.dep_ == "pobj" and x.head.lower_ in ("in", "at", "to", "into") and x.head.head.pos_ in ("VERB", "AUX")


def _is_where_clause(t: Token) -> bool:
    return t.dep_ == "relcl" and any(c.dep_ == "advmod" and c.lower_ == "where" for c in t.children)


def relative_past(trigger: Token, anchor: Token) -> bool:
    """Is the event told in a relative clause in the past on someone or somewhere ("the man who
    attacked the embassy", "the island where he visited a camp")? That describes them; it is not the
    news of the day, so without a date of its own it is only known to be earlier. A clause on a thing
    ("a letter that blamed Seoul") or a time ("the day that they signed") tells of that thing's time.
    The passive counts as the active does ("the man who was shot by police")."""
    t = anchor if anchor.pos_ in ("VERB", "AUX") else trigger
    if t.tag_ != "VBD" and not (t.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were")
                                                      for c in t.children)):
        return False
    for _ in range(3):
        if t.dep_ == "relcl":
            if _where_it_happened(t) or t.head.lemma_.lower() in TIME_NOUNS:
                return False
            # "the attack in which gunmen killed three guards": the act of that occasion, as told of it
            return any(c.lower_ in ("who", "whom", "whose", "where") for c in t.subtree
                       if c.dep_ in ("nsubj", "nsubjpass", "dobj", "poss", "advmod") and c.head.i == t.i) or \
                any(c.dep_ == "prep" and any(x.dep_ == "pobj" and x.lower_ in ("which", "whom") for x in c.children)
                    for c in t.children)
        if t.dep_ != "conj":
            return False
        t = t.head
    return False


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


def find_date(ctx, trigger: Token, anchor: Token, *, not_after: str | None = None,
              own_only: bool = False) -> tuple[DateMention | None, str]:
    """A date mention in the trigger's clause or a governing one, with where it was found; for what has
    happened, none that starts after ``not_after`` (the published date). ``own_only``: only the
    trigger's and the anchor's own clauses. A wire dateline's date is the report's, never an event's."""
    d, head = dated_clause(ctx, trigger, anchor, not_after=not_after, own_only=own_only)
    if d is None or head is None:
        return None, ""
    return d, OWN_CLAUSE if head.i in (trigger.i, anchor.i) else f"the clause of '{head.text}'"


def dated_clause(ctx, trigger: Token, anchor: Token, *, not_after: str | None = None,
                 own_only: bool = False, accept=None) -> tuple[DateMention | None, Token | None]:
    """``find_date``'s date with the head of the clause it was found in. ``accept``: which dates can
    date the event, when not those on a calendar (an undated article's "in September")."""
    if not ctx.dates:
        return None, None
    heads = [trigger, anchor] if own_only else [trigger, *clause_chain(anchor)]
    lo = min(h.left_edge.idx for h in heads)
    hi = max(h.right_edge.idx + len(h.right_edge.text) for h in heads)
    near = [d for d in ctx.dates if lo <= d.span.start and d.span.end <= hi
            and not in_wire_dateline(ctx.article.text, d.span.start, d.span.end)]
    if not near:  # the common case: no date anywhere in the clauses, so no clause need be drawn
        return None, None
    # "said on Monday it had ...": the date is the saying's, whatever clause the parser hung it on
    told_by = {d.id: told_before_complement(trigger.doc, d) for d in near}
    seen: set[int] = set()
    for head in heads:
        if head.i in seen:
            continue
        seen.add(head.i)
        ranges = clause_chars(head) if head.pos_ in ("VERB", "AUX", "ADJ") or head.i == trigger.i else \
            [(t.idx, t.idx + len(t.text)) for t in head.subtree]
        ranges += same_time_clauses(head)
        # only dates on a calendar can date an event ("the future", "a year" cannot)
        hits = [d for d in near if _in_clause(d, head, ranges, told_by[d.id]) and d.type in ("DATE", "TIME")
                and (interval(f"{d.start}/{d.end}" if d.start and d.end else d.value) is not None
                     if accept is None else accept(d))
                and not (not_after and d.start and d.start > not_after)
                and not _owned_by_object(d, trigger, anchor)]
        if hits:
            return min(hits, key=lambda d: abs(d.span.start - trigger.idx)), head
    return None, None


def _in_clause(d: DateMention, head: Token, ranges, told_by: Token | None) -> bool:
    if told_by is not None:
        return told_by.i == head.i
    return _inside(ranges, d.span.start, d.span.end) and not dates_a_noun(head.doc, d, head) and \
        not dates_another_time(head.doc, d, head)


def _owned_by_object(d: DateMention, trigger: Token, anchor: Token) -> bool:
    """Is the date the possessor of a noun the verb acts on ("condemned Monday's attack", "rejected
    Saturday's vote")? It dates that noun, as "the attack on Monday" would, not the verb's act."""
    span = trigger.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    owned = root.head
    if owned.dep_ == "pobj" and owned.head.lower_ in OCCASION_PREPS and owned.head.head.pos_ in ("VERB", "AUX"):
        return False  # "attacked him in Saturday's debate", "spoke at Sunday's rally": the verb's own day
    return root.dep_ == "poss" and owned.i not in (trigger.i, anchor.i) and \
        owned.dep_ in ("dobj", "pobj", "attr", "oprd", "dative")


def event_date(ctx, trigger: Token, anchor: Token, *, plover: str, status: str, background: bool) -> tuple[
        DateRef | None, str]:
    pub = ctx.article.published[:10] if ctx.article.published else None
    happened = status in HAPPENED
    future = told_future(trigger, anchor)
    d, head = _governed(dated_clause(ctx, trigger, anchor, not_after=pub if happened else None), trigger, anchor,
                        pub, background=background, future=future)
    own = head is not None and head.i in (trigger.i, anchor.i)
    earlier = (_earlier(trigger, anchor, head, background) or earlier_act(trigger, head)
               or ("" if own else stated_past(trigger, anchor))) if happened else ""
    where = OWN_CLAUSE if own else f"the clause of '{head.text}'" if head is not None else ""
    if d is not None and earlier:
        # "Israel had agreed a truce, officials said on Monday": Monday is when it was told
        told = d.end or d.start or pub
        return past_ref(told), f"{earlier}: before '{d.span.text}' in {where}, when it was told ({told})"
    if d is not None:
        return _dated(d, trigger, where, pub)
    if pub is None:
        d, head = _governed(dated_clause(ctx, trigger, anchor, accept=lambda d: calendar_free(d) or (
            happened and past_without_anchor(d))), trigger, anchor, pub, background=background, future=future)
        if d is not None:
            return undated_ref(d, OWN_CLAUSE if head.i in (trigger.i, anchor.i) else f"the clause of '{head.text}'")
        if not happened:
            return None, "no date in the clause and no published date"
    verbal = plover in VERBAL_TYPES
    ahead = still_to_come(trigger, pub, verbal=verbal, status=status, background=background, future=future)
    if ahead:
        return future_ref(pub), f"{ahead}: after the published date {pub}"
    if background and happened:
        same = same_occasion(trigger, lambda t: find_date(ctx, t, t, not_after=pub, own_only=True)[0],
                             key=lambda d: d.value)
        if same is not None:
            d, tok = same
            return date_ref(d), f"'{d.span.text}' dates the same event where the text says '{tok.text}' " \
                                f"({d.value})"
    if earlier:
        return past_ref(pub), f"{earlier} with no date of its own: {_before(pub)}"
    past = _vague_past(ctx, trigger, anchor) or stated_past(trigger, anchor) or habitual(trigger, anchor) \
        if happened else ""
    if past:
        return past_ref(pub), f"{past} with no calendar date: {_before(pub)}"
    perfect = _plain_perfect(ctx, trigger, anchor) if happened else ""
    if perfect:
        return past_ref(pub), f"{perfect}: {_before(pub)}"
    if happened and relative_past(trigger, anchor):
        return past_ref(pub), f"a relative clause in the past with no date of its own: " \
                              f"{_before(pub)}"
    reduced = reduced_relative(trigger, anchor, len(ctx.article.title or "")) if happened else ""
    if reduced:
        return past_ref(pub), f"{reduced} with no date of its own: {_before(pub)}"
    mark = relative_clause(anchor)
    ahead = present_in_time_clause(anchor) if mark and mark != "since" else ""
    if pub is not None and ahead:
        return future_ref(pub), f"{ahead}: a present tense in a '{mark}' clause tells what is to come, after {pub}"
    if background or (mark and (not verbal or (happened and mark in ("after", "since")))):
        # "after the candidates opposed it": what a since/after clause tells came first
        why = f"a '{mark}' clause" if mark else "a mention of an earlier event"
        return past_ref(pub), f"{why} with no date of its own: {_before(pub)}"
    if pub is None:
        return None, "no date in the clause and no published date"
    return DateRef(value=pub, start=pub, end=pub, granularity="day", inferred=True), \
        f"no date in the clause: the published date {pub}"


def _governed(found: tuple[DateMention | None, Token | None], trigger: Token, anchor: Token, pub: str | None, *,
              background: bool, future: str) -> tuple[DateMention | None, Token | None]:
    """Drop a date that only a governing clause gives when it is not the event's time: for an event
    noun that verb acts on ("condemned the attack on Monday": Monday is the condemning), and, for an
    act told with "will", a date not after the published day ("will meet him, officials said on
    Monday": Monday is the telling)."""
    d, head = found
    if d is None or head is None or head.i in (trigger.i, anchor.i):
        return d, head
    if background and object_of_another_act(trigger):
        return None, None
    if future and not (pub and d.start and d.start > pub):
        return None, None
    return d, head


def _before(pub: str | None) -> str:
    return f"before the published date {pub}" if pub else "before the article was written (it is undated)"


def _vague_past(ctx, trigger: Token, anchor: Token) -> str:
    """A date of the trigger's own clause that says only "before now" ("recently", "in recent months",
    "in the past"): the event is not the day's news, and no calendar day can be given."""
    for head in {trigger.i: trigger, anchor.i: anchor}.values():
        ranges = clause_chars(head) if head.pos_ in ("VERB", "AUX") else \
            [(t.idx, t.idx + len(t.text)) for t in head.subtree]
        for d in ctx.dates or ():
            if d.value == "PAST_REF" and _inside(ranges, d.span.start, d.span.end):
                return f"'{d.span.text}'"
    return ""


def _plain_perfect(ctx, trigger: Token, anchor: Token) -> str:
    """A present perfect of an act with no date in its clause; a headline's tense is not the text's
    ("Peru has signed" over the story of today's signing), so the title keeps the day."""
    if trigger.idx < len(ctx.article.title or ""):
        return ""
    for h in {trigger.i: trigger, anchor.i: anchor}.values():  # the event's own verb, or its light verb
        cue = plain_perfect(h)
        if cue:
            return cue
    return ""


def future_ref(after: str) -> DateRef:
    """Some day after ``after`` (the published date): an act still to come."""
    return DateRef(value="FUTURE_REF", start=after, end=None, granularity="unknown", inferred=True)


def past_ref(before: str | None) -> DateRef:
    """Some day before ``before`` (the published date, or the day the event was told of)."""
    return DateRef(value="PAST_REF", start=None, end=before, granularity="unknown", inferred=True)


def _dated(d: DateMention, trigger: Token, where: str, pub: str | None) -> tuple[DateRef, str]:
    first = trigger.doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    tok = first[0] if first is not None and len(first) else None
    if tok is not None and tok.head.lower_ == "since" and pub and (d.start or "") <= pub:
        # "four times since March last year": from then until the article
        ref = DateRef(value=f"{d.start or d.value}/{pub}", start=d.start, end=pub, granularity=d.granularity,
                      inferred=False, mention_id=d.id)
        return ref, f"'since {d.span.text}' in {where}: from {d.start or d.value} to the published date"
    return date_ref(d), f"'{d.span.text}' in {where} ({d.value})"


def _earlier(trigger: Token, anchor: Token, dated: Token | None, background: bool) -> str:
    """The pluperfect or counted perfect that puts the trigger's event before a time it is told at:
    its own verb's ("had agreed"), its noun's light verb ("had held talks"), or, through "and" and
    same-time links only, a governing one ("had spent two days in Beijing, where Xi held talks").
    Heads from ``dated`` up, the clause the date was found in, give the time of telling."""
    for h in _tense_heads(trigger, anchor, background):
        if dated is not None and h.i == dated.i:
            return ""
        cue = earlier_cue(h)
        if cue:
            return cue
    return ""


def _tense_heads(trigger: Token, anchor: Token, background: bool) -> list[Token]:
    """The verbs whose tense is the event's: a mention of another event ("for his second summit")
    has none, and reported speech ("Kim had said they would not test") has its own time."""
    heads = [t for t in (trigger, anchor) if t.pos_ in ("VERB", "AUX")]
    if trigger.pos_ != "VERB" and not background and trigger.head.pos_ in ("VERB", "AUX"):
        heads.append(trigger.head)
    t = heads[-1] if heads else None
    while t is not None and len(heads) < 8:
        same_time = t.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in SAME_TIME_MARKS for c in t.children)
        if not (t.dep_ == "conj" or same_time or _where_it_happened(t)):
            break
        t = t.head
        for _ in range(3):  # from the place a "where" clause hangs on up to its verb
            if t.pos_ in ("VERB", "AUX") or t.head.i == t.i:
                break
            t = t.head
        heads.append(t)
    return heads


def event_place(ctx, trigger: Token, anchor: Token, *, extra: list[Token] = (),
                exclude: list[tuple[int, int]] = ()) -> tuple[PlaceRef | None, str]:
    """The event's place; ``exclude`` holds the actors' spans ("U.S." in "U.S. President" is no place)
    unless the sentence says the event happened there ("landed in Athens", "attacked the embassy in
    Kabul", "the Nairobi mall attack"). Without one in the clause: the wire dateline's town for the
    main event of its sentence, or, for a definite mention ("the meeting"), where the text says that
    one occasion happened."""
    ref, why = _clause_place(ctx, trigger, anchor, extra, exclude)
    if ref is None:
        ref, why = _filed_from(ctx, trigger, anchor)
    if ref is None and trigger.pos_ == "NOUN":
        # only for a noun that names who took part: "the summit" may be a future one, and where that
        # is to be the clause cannot tell
        same = same_occasion(trigger, lambda t: _told_place(ctx, t), key=lambda p: p.name, named_only=True)
        if same is not None:
            ref, tok = same
            why = f"'{ref.name}' is where the same event happened where the text says '{tok.text}'"
    return ref, why


def _told_place(ctx, tok: Token) -> PlaceRef | None:
    """Where a mention of an event says it happened, if it says so."""
    ref, _ = _clause_place(ctx, tok, tok, (), ())
    return ref if ref is not None else _filed_from(ctx, tok, tok)[0]


def _clause_place(ctx, trigger: Token, anchor: Token, extra, exclude) -> tuple[PlaceRef | None, str]:
    ranges: list[tuple[int, int]] = []
    for head in {trigger.i: trigger, anchor.i: anchor}.values():
        ranges += clause_chars(head) if head.pos_ in ("VERB", "AUX") else \
            [(t.idx, t.idx + len(t.text)) for t in head.subtree]
    # a place counts when the trigger is said to happen there, not when it is merely in the clause
    # ("coordinated with China since Kim's outreach to Seoul" happened in neither)
    local = [*extra, *_locative(trigger), *_locative(anchor)]
    said = [*_where_antecedent(trigger, anchor), *_target_places(ctx, trigger)]  # may lie in an actor's words
    if ctx.places:
        hits = [p for p in ctx.places if _said_there(p, local, said, exclude)
                or (p.is_event_location and _inside(ranges, p.span.start, p.span.end)
                    and not _overlaps(p, exclude) and _hangs_on(ctx, p, trigger, anchor, ranges))]
        if hits:
            best = min(hits, key=lambda p: (not p.is_event_location, p.resolved is None,
                                            abs(p.span.start - trigger.idx)))
            how = "the event location" if best.is_event_location else "a place"
            return place_ref(best), f"'{best.span.text}' is {how} in the clause"
    for tok in [*local, *said]:
        if tok.ent_type_ in ("GPE", "LOC", "FAC") and (tok in said or not any(
                s <= tok.idx < e for s, e in exclude if tok.dep_ != "pobj")):
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


def _filed_from(ctx, trigger: Token, anchor: Token) -> tuple[PlaceRef | None, str]:
    """The city of a wire dateline ("LIMA - X met Y on Sunday") for the main event of the sentence it
    opens, when nothing nearer says where: a correspondent files from where the news is."""
    sent = trigger.sent
    where = wire_dateline(ctx.article.text, sent.start_char)
    if where is None or where[1] > sent.end_char:
        return None, ""
    if not any(t.dep_ == "ROOT" or (t.dep_ in ("ccomp", "conj") and t.head.dep_ == "ROOT") for t in (trigger, anchor)):
        return None, ""  # a subordinate event of the lead ("to help them sell ore") has its own place
    for p in ctx.places:
        if where[0] <= p.span.start and p.span.end <= where[1] and p.resolved is not None and p.kind == "name":
            return place_ref(p), f"'{p.span.text}' is the wire dateline the report was filed from"
    return None, ""


def _overlaps(p: Place, spans) -> bool:
    return any(s <= p.span.start < e or p.span.start <= s < p.span.end for s, e in spans)


def _said_there(p: Place, local: list[Token], said: list[Token], exclude) -> bool:
    """Is the place one the sentence says the event happened at? A place inside an actor's words
    counts only as the object of "in/at…" ("landed in Athens"), or as said of an attack's target."""
    for t in [*local, *said]:
        if p.span.start <= t.idx < p.span.end or t.idx <= p.span.start < t.idx + len(t.text):
            if t in said or t.dep_ == "pobj" or not _overlaps(p, exclude):
                return True
    return False


def _hangs_on(ctx, p: Place, trigger: Token, anchor: Token, ranges) -> bool:
    """Does the lead's event location hang on the trigger, its anchor or an event noun of the clause
    ("met Xi during a visit to Beijing"), rather than on another verb ("refused to ship ore to Japan")?"""
    span = trigger.doc.char_span(p.span.start, p.span.end, alignment_mode="expand")
    prep = _event_prep(span.root) if span is not None and len(span) else None
    if prep is None:
        return False
    head = prep.head
    return head.i in (trigger.i, anchor.i) or (head.lemma_.lower() in EVENT_NOUNS
                                               and _inside(ranges, head.idx, head.idx + len(head.text)))


def _where_antecedent(trigger: Token, anchor: Token) -> list[Token]:
    """The place a "where" clause hangs on ("the port city of Haiphong, where he met the premier")."""
    heads = [trigger, anchor]
    t = trigger
    while t.dep_ in ("conj", "xcomp") and len(heads) < 5:  # "where he landed and met the premier"
        t = t.head
        heads.append(t)
    for t in heads:
        if _is_where_clause(t):
            x = t.head
            if x.ent_type_ in ("DATE", "TIME"):  # "arrived in Haiphong on Monday, where": where he arrived
                verb = x.head.head if x.dep_ == "pobj" else x.head
                return _locative(verb)
            return [x, *[y for o in x.children if o.dep_ == "prep" and o.lower_ == "of" and x.lemma_ in PLACE_NOUNS
                         for y in o.children if y.dep_ == "pobj"]]
    return []


def _target_places(ctx, trigger: Token) -> list[Token]:
    """Where an attack's target is: "attacked the embassy in Kabul", "an attack on a post in Kandahar";
    and a town named before an attack noun ("the Nairobi mall attack")."""
    if trigger.lemma_.lower() not in ATTACK_WORDS:
        return []
    targets = [c for c in trigger.children if c.dep_ in ("dobj", "nsubjpass")]
    targets += [x for c in trigger.children if c.dep_ == "prep" and c.lower_ in ("on", "against", "at")
                for x in c.children if x.dep_ == "pobj"]
    if trigger.dep_ == "acl" and trigger.tag_ == "VBN":  # "the embassy attacked in Kabul"
        targets.append(trigger.head)
    out = [x for t in targets for c in t.children if c.dep_ == "prep" and c.lower_ in TARGET_PREPS
           for x in c.children if x.dep_ == "pobj"]
    # a country before an attack noun is who attacked ("U.S. strikes"), a town is where it happened
    out += [c for c in trigger.children if c.dep_ == "compound" and trigger.pos_ == "NOUN"
            and c.ent_type_ in ("GPE", "FAC") and not _country(ctx, trigger.doc[c.left_edge.i:c.i + 1].text)]
    return out


def _country(ctx, text: str) -> bool:
    found = ctx.resources.countries.find(text)
    return found is not None and found[1] != "capital"


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
                    if x.pos_ == "NOUN" and c.lower_ in ("in", "at"):
                        # "at a hotel in Washington", "at a news conference in Paris": the venue's town
                        out += [y for o in x.children if o.dep_ == "prep" and o.lower_ in ("in", "at")
                                for y in o.children if y.dep_ == "pobj"]
        if c.dep_ == "compound" and tok.pos_ == "NOUN" and c.ent_type_ in ("GPE", "LOC", "FAC"):
            out.append(c)
        if depth == 0 and c.dep_ == "advcl" and c.tag_ in ("VBG", "VBN") and not any(
                m.dep_ == "mark" for m in c.children):
            # "speaking in Tehran, he urged ...": a participle without a conjunction shares the place
            out += [x for x in _locative(c, 2) if x.head.lower_ in ("in", "at")]
        done_to = c.dep_ == "dobj" and (c.ent_type_ == "PERSON" or c.lemma_.lower() in EVENT_NOUNS
                                        or c.lower_ in EVENT_NOUNS)
        if depth < 2 and (done_to or c.dep_ == "prep" and c.lower_ == "with"):
            out += _locative(c, depth + 1)
        if depth == 0 and c.dep_ in ("nsubj", "nsubjpass"):
            # "Rouhani, speaking in Tehran, urged ...": the subject's participle says where he was
            out += [x for a in c.children if a.dep_ == "acl" and a.tag_ == "VBG" for x in _locative(a, 2)
                    if x.head.lower_ in ("in", "at")]
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
