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
from ..lexicon import FUTURE_AUX  # "wo" is the tagger's half of "won't"

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


MANY = frozenset({"many", "numerous", "several", "multiple", "countless", "repeated", "various"})


def habitual(trigger: Token, anchor: Token) -> str:
    """Why the trigger's verb tells a habit rather than one act, or "" (a perfect is left to
    ``event_time``, which counts "has often met" as earlier occasions already)."""
    for h in {trigger.i: trigger, anchor.i: anchor}.values():
        if h.pos_ != "VERB" or h.tag_ not in ("VBZ", "VBP", "VBD"):
            continue
        for c in h.children:
            if c.dep_ == "advmod" and c.lower_ in HABITUAL:
                return f"'{c.text} {h.text}' (a habit, many occasions)"
            if c.lower_ in ("times", "occasions") and any(m.lower_ in MANY for m in c.children):
                # "apologised numerous times": many occasions, none of them said to be today's
                return f"'{h.text} {' '.join(t.text for t in c.subtree)}' (many occasions)"
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
    if v is None or v.i == head.i or v.dep_ != "acl" or v.tag_ != "VBN" or \
            not head.left_edge.i <= v.i <= head.right_edge.i:
        return False
    # "praised him in an interview published on Saturday": what is said in a statement or interview is
    # said when it is made public, so that date is the verb's
    medium = v.head
    return not (medium.lemma_.lower() in MEDIUM_NOUNS and medium.dep_ == "pobj" and medium.head.lower_ == "in"
                and medium.head.head.i == head.i)


# what words are made public in: a date on it ("a statement released on Monday") is when they were said
MEDIUM_NOUNS = frozenset({"interview", "statement", "speech", "letter", "article", "column", "op-ed", "post",
                          "tweet", "video", "broadcast", "message", "report", "editorial", "email", "memo"})


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


# -- whose time a date is, and when an act is told to come ------------------------------------------------

HAVE_AUX = frozenset({"has", "have", "'s", "'ve"})


def _tense(verb: Token) -> str | None:
    """The verb's own tense, from its own auxiliaries: "future", "perfect" (present perfect), "past", or
    None when it has no auxiliary and no subject of its own (it then shares the tense of what it is
    joined to: "had met the envoy and agreed a truce")."""
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    own = aux or any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    if not own:
        return None
    if aux & FUTURE_AUX:
        return "future"
    if aux & HAVE_AUX and (verb.tag_ == "VBN" or "been" in aux):
        return "perfect"
    if verb.tag_ == "VBD" or aux & {"was", "were", "did"}:
        return "past"
    return None


def other_tense(conj: Token, head: Token) -> bool:
    """Is a verb joined by "and/but" told in another tense than the verb it is joined to ("bought the port
    in 2012 and has expanded it since", "met on Monday and will meet again")? Then the first verb's
    date is not the second's: a perfect is some time up to now, a future after it."""
    if conj.pos_ not in ("VERB", "AUX") or head.pos_ not in ("VERB", "AUX"):
        return False
    a = _tense(conj)
    if a is None:
        return False
    b = _tense(head) or ("past" if head.tag_ == "VBD" else None)
    return b is not None and a != b


def told_future(trigger: Token, anchor: Token) -> str:
    """The "will" that puts the trigger's act after the day it is told ("will press Japan", "will meet
    the envoy, officials said on Monday"), or "". A "would" is left alone: in reported speech it is
    the future of a past day, and elsewhere a condition."""
    for h in {trigger.i: trigger, anchor.i: anchor}.values():
        # "will" goes with a bare verb ("Will urged" is a man called Will); "won't give" is a refusal
        # made as it is told, not an act to come
        if h.pos_ not in ("VERB", "AUX") or h.tag_ != "VB" or any(c.dep_ == "neg" for c in h.children):
            continue
        aux = [c for c in h.children if c.dep_ == "aux"]
        if not aux and h.dep_ == "conj" and h.head.pos_ in ("VERB", "AUX"):
            aux = [c for c in h.head.children if c.dep_ == "aux"]  # "will meet and sign"
        for a in aux:
            if a.lower_ in FUTURE_AUX:
                return f"'{a.text} {h.text}'"
    return ""


# a date below one of these words is the time of the act it introduces ("met since its bid in December",
# "spoke after the 2012 attack"), not of the verb the phrase hangs on
OTHER_TIME_PREPS = frozenset({"after", "since", "before", "until", "following"})


def dates_another_time(doc, d: DateMention, head: Token) -> bool:
    """Is the date inside the object of "since/after/before ..." below ``head`` ("held a meeting since
    its bid in December", "have attacked since the March offensive")? It dates that bid or offensive.
    A date that is itself the object ("since March", "after Monday") is the clause's own bound."""
    span = doc.char_span(d.span.start, d.span.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    t = span.root
    for _ in range(10):
        if t.i == head.i or t.head.i == t.i:
            return False
        if t.dep_ == "pobj" and t.head.lower_ in OTHER_TIME_PREPS and t.i != span.root.i:
            return True
        t = t.head
    return False


# the prepositions that make an event noun the occasion of the verb it hangs on ("spoke at a rally on
# Saturday", "erupted in protests in May"); under others ("over the raids", "of the crackdown") and as
# an object ("condemned the attack", "addressed the shootings") it is another act with its own time
OCCASION_PREPS = frozenset({"in", "at", "during", "amid", "amidst", "throughout"})


def object_of_another_act(noun: Token) -> bool:
    """Is an event noun that is not brought about in its clause ("condemned the attack on Monday",
    "asked on Wednesday to block the visit") the object of another act? Then the date of that act's
    clause says when it was done to the noun's event, not when that event happened."""
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head  # "the raids and arrests": the first one's place in the clause
    if t.dep_ in ("dobj", "attr", "oprd", "dative"):
        return True
    return t.dep_ == "pobj" and t.head.lower_ not in OCCASION_PREPS


def reduced_relative(trigger: Token, anchor: Token, title_end: int) -> str:
    """A past participle on a noun with no relative word ("the soldiers killed by the rebels", "an effort
    backed by the mayor"): it describes the noun by an earlier act, not the news of the day. A headline's
    participle ("Five killed in Kabul blast") is the news, and is left alone."""
    t = anchor if anchor.pos_ in ("VERB", "AUX") else trigger
    if t.idx < title_end or t.dep_ != "acl" or t.tag_ != "VBN":
        return ""
    if any(c.dep_ in ("aux", "auxpass", "mark") for c in t.children):
        return ""
    if t.head.pos_ not in ("NOUN", "PROPN", "PRON", "NUM") or t.lemma_.lower() in NAMING_PARTICIPLES:
        return ""  # "a party called Veritas" names it; nothing was done
    return f"'{t.head.text} {t.text}' (a past participle describing '{t.head.text}')"


NAMING_PARTICIPLES = frozenset({"call", "name", "know", "dub", "entitle", "title", "label", "nickname", "brand"})
# verbs whose object event is one still to come, if it comes at all ("block the visit", "postpone the talks")
AHEAD_OF_OBJECT = frozenset({"block", "prevent", "cancel", "postpone", "delay", "defer", "avert", "plan",
                             "schedule", "prepare", "propose", "reschedule", "veto", "forbid", "ban"})


def object_still_to_come(noun: Token) -> str:
    """The verb that makes an event noun one that has not happened ("asked to block the president's
    visit", "postponed the summit"), or ""."""
    t = noun
    while t.dep_ == "conj" and t.head.i != t.i:
        t = t.head
    if t.dep_ in ("dobj", "nsubjpass") and t.head.lemma_.lower() in AHEAD_OF_OBJECT:
        return f"'{t.head.text} {noun.text}'"
    return ""


def present_in_time_clause(verb: Token) -> str:
    """The present-tense verb of an "after/before/until/once" clause the verb is in ("after the president
    meets the envoy", "until they have signed"), or "": English tells what is still to come that way, so
    the act is after the day it is told, not before it."""
    t = verb
    for _ in range(6):
        if any(c.dep_ == "mark" for c in t.children) and t.dep_ in ("advcl", "relcl", "acl"):
            aux = {c.lower_ for c in t.children if c.dep_ in ("aux", "auxpass")}
            present = t.tag_ in ("VBZ", "VBP") and not aux or (t.tag_ == "VBN" and aux & {"has", "have"}) or \
                bool(aux & {"is", "are", "am"})
            return f"'{t.text}'" if present and t.pos_ in ("VERB", "AUX") else ""
        if t.head.i == t.i or t.dep_ in ("ROOT", "ccomp"):
            return ""
        t = t.head
    return ""


def still_to_come(trigger: Token, pub: str | None, *, verbal: bool, status: str, background: bool,
                  future: str) -> str:
    """Why an event with no date of its own is after the published date, or ""."""
    if pub is None:
        return ""
    if not verbal and status in ("expected", "intended", "hypothetical"):
        return "not yet happened and no date in the clause"
    ahead = object_still_to_come(trigger) if background else ""
    if ahead:
        return f"{ahead}: not yet happened"
    # "the minister will press Japan to cut tariffs": a request still to be made, even of a verbal type
    return f"{future} and no date of its own" if future else ""
