"""Times an event's own words give that the clause search of ``anchor.dated_clause`` would miss.

* A participle or a "while/when/as" clause on the trigger's verb shares its time ("Speaking at a rally
  on Monday, the senator attacked the governor"): its date is the event's.
* "The army said on Monday it had killed ten men": without "that", the parser often hangs the date
  on the reported verb, but standing before the reported clause's subject it tells when it was said.
* A past participle on a noun ("condemned the attack carried out on Monday") dates the noun's act.
* A habit ("they often meet") is many earlier occasions, none of them the day's news.
* A perfect participle ("having met him") or a gerund after "for/of/after/over" on a past verb
  ("criticised her on Monday for backing the bill") is an earlier act: before that verb's date.
* An article without a published date still dates what its text dates: a month or a weekday with no
  year ("arrested in September", "met on Monday") is kept as written (``XXXX-09``), and a past relative
  time that cannot be counted from an unknown day ("last year", "two years ago") says only "earlier".
"""

from __future__ import annotations

from spacy.tokens import Token

from ...model import DateMention, DateRef

SAME_TIME_MARKS = frozenset({"when", "while", "as"})
# words that make a time with no calendar anchor a past one, and words that make it a future one
PAST_WORDS = frozenset({"last", "ago", "yesterday", "earlier", "previous", "past", "previously"})
FUTURE_WORDS = frozenset({"next", "tomorrow", "coming", "later", "upcoming", "following"})


def same_time_clauses(head: Token) -> list[tuple[int, int]]:
    """Character ranges of the clauses under ``head`` that share its time: a participle with no
    conjunction ("speaking in Paris on Monday, she ...") or one marked "while/when/as". A perfect
    participle ("having met him on Monday, she ...") tells an earlier act and is left out."""
    if head.pos_ not in ("VERB", "AUX"):
        return []
    out: list[tuple[int, int]] = []
    for c in head.children:
        if c.dep_ != "advcl" or c.pos_ not in ("VERB", "AUX"):
            continue
        marks = [m.lower_ for m in c.children if m.dep_ == "mark"]
        auxes = {a.lower_ for a in c.children if a.dep_ in ("aux", "auxpass")}
        unmarked = not marks and c.tag_ in ("VBG", "VBN") and "having" not in auxes
        if unmarked or (marks and all(m in SAME_TIME_MARKS for m in marks)):
            out.append((c.left_edge.idx, c.right_edge.idx + len(c.right_edge.text)))
    return out


# a gerund after these names another act that came before the one it hangs on ("resigned after losing",
# "quarrelled over closing the port"); "before", "about" look ahead or aside
EARLIER_ACT_PREPS = frozenset({"after", "over"})
# ... and after these, when they give the reason of an act done to someone ("criticised her for backing
# the bill", "was accused of bombing"); straight after a verb they ask or tell of what is to come
# ("called for banning", "spoke of meeting")
REASON_PREPS = frozenset({"of", "for"})
AHEAD_VERBS = frozenset({"warn", "talk", "speak", "think", "dream", "threaten", "vow", "plan", "caution"})


def earlier_act(trigger: Token, dated: Token | None) -> str:
    """Why the trigger is an act the verb it hangs on refers back to, or "": a perfect participle
    ("having shot down a jet, ...") or a gerund after "of/for/after/over" on a verb in the past
    ("lashed out at Turkey on Thursday for having shot down a jet"). A date of the trigger's own
    clause (``dated`` is the trigger) is its own, and wins."""
    if trigger.pos_ not in ("VERB", "AUX") or (dated is not None and dated.i == trigger.i):
        return ""
    auxes = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "auxpass")}
    if "having" in auxes and trigger.tag_ == "VBN":
        return f"'having {trigger.text}' (perfect participle)"
    prep, verb = trigger.head, trigger.head.head
    if trigger.dep_ != "pcomp" or trigger.tag_ != "VBG" or verb.pos_ != "VERB" or verb.tag_ not in ("VBD", "VBN"):
        return ""
    done_to = any(c.dep_ in ("dobj", "auxpass", "nsubjpass") for c in verb.children)
    if prep.lower_ in EARLIER_ACT_PREPS or (prep.lower_ in REASON_PREPS and done_to
                                            and verb.lemma_.lower() not in AHEAD_VERBS):
        return f"'{prep.text} {trigger.text}' (an earlier act the verb '{verb.text}' refers to)"
    return ""


# adverbs that make a simple tense a habit ("they often meet", "she regularly criticised him"): many
# occasions, none of them the day's news
HABITUAL = frozenset({"often", "usually", "regularly", "frequently", "routinely", "habitually", "typically",
                      "sometimes", "repeatedly", "generally", "customarily"})


def habitual(trigger: Token, anchor: Token) -> str:
    """Why the trigger's verb tells a habit rather than one act, or "" (a perfect is left to
    ``event_time``, which counts "has often met" as earlier occasions already)."""
    for h in {trigger.i: trigger, anchor.i: anchor}.values():
        if h.pos_ != "VERB" or h.tag_ not in ("VBZ", "VBP", "VBD"):
            continue
        for c in h.children:
            if c.dep_ == "advmod" and c.lower_ in HABITUAL:
                return f"'{c.text} {h.text}' (a habit, many occasions)"
    return ""


def told_before_complement(doc, d: DateMention) -> Token | None:
    """The verb of saying a date belongs to when the parser hung it on the reported clause but it stands
    between the two ("said on Monday it had ..."), or None. With "that" before the date ("said that on
    Monday it had ..."), the date is the reported clause's own."""
    span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    v = _verb_of(doc, d)
    if v is None or v.dep_ != "ccomp" or v.head.pos_ not in ("VERB", "AUX") or v.head.i > span.start:
        return None
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subj is None or span.end > subj.left_edge.i:
        return None
    if any(c.dep_ == "mark" and c.i < span.start for c in v.children):
        return None
    return v.head


def _verb_of(doc, d: DateMention) -> Token | None:
    """The verb a date hangs on, or None."""
    span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    v = span.root
    for _ in range(4):
        if v.pos_ in ("VERB", "AUX"):
            return v
        if v.head.i == v.i:
            return None
        v = v.head
    return None


def dates_a_noun(doc, d: DateMention, head: Token) -> bool:
    """Does the date belong to a past participle on a noun below ``head`` ("ridiculed the claims made on
    Monday", "condemned the attack carried out in March")? That dates the noun's act, not the head's."""
    v = _verb_of(doc, d)
    return v is not None and v.i != head.i and v.dep_ == "acl" and v.tag_ == "VBN" and \
        head.left_edge.i <= v.i <= head.right_edge.i


def calendar_free(d: DateMention) -> bool:
    """A date with a month, season or weekday but no year, in an undated article ("September" ->
    XXXX-09, "Monday" -> XXXX-WXX-1); "yesterday" (XXXX-XX-XX) names none of them."""
    return d.type in ("DATE", "TIME") and d.start is None and d.value.startswith("XXXX-") and \
        not d.value.startswith("XXXX-XX")


def past_without_anchor(d: DateMention) -> bool:
    """A relative time that points back but cannot be counted from an unknown day ("last year")."""
    words = {w.strip(".,").lower() for w in d.span.text.split()}
    return d.value.startswith("XXXX") and d.start is None and bool(words & PAST_WORDS) and \
        not words & FUTURE_WORDS


def undated_ref(d: DateMention, where: str) -> tuple[DateRef, str]:
    """The event's date from a date of its clause (``calendar_free`` or ``past_without_anchor``) in an
    article with no published date; ``where`` names the clause."""
    if calendar_free(d):
        return DateRef(value=d.value, start=None, end=None, granularity=d.granularity, inferred=False,
                       mention_id=d.id), f"'{d.span.text}' in {where} ({d.value}: the article is undated, no year)"
    # a PAST_REF is never a day an event can be matched on, so it is marked inferred as elsewhere
    return DateRef(value="PAST_REF", start=None, end=None, granularity="unknown", inferred=True,
                   mention_id=d.id), f"'{d.span.text}' in {where}: earlier than the undated article"
