"""extract_events(ctx): each sentence to zero or more coded events, with actors, status and evidence.

Per sentence: find triggers (``triggers``), join a verb of agreeing/asking/refusing/threatening with
the action it governs into one code (``lexicon.compose``), pass plan and intent words down to the action
they govern, find actor and recipient tokens on the parse (``arguments``), resolve them to actors
(``actors``), then set status (``status``), date and place (``anchor``), evidence and a stable id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...model import ActorRef, Event, Evidence, ItemError, PlaceRef, Span
from ...model.ids import stable_id
from ...ontology.events import default_event_ontology
from ..names import tokens_between
from ..words import WordTest
from .actors import ActorResolver
from .anchor import event_date, event_place, place_ref
from .arguments import (
    complement_tokens,
    dependents,
    is_passive,
    noun_actor,
    passive_recipient,
    recipient_slots,
    subject_of,
)
from ..lexicon import FUTURE_AUX, SPEECH_VERBS
from .lexicon import (
    LIGHT_VERBS,
    OBLIGATION_AUX,
    PAST_FUTURE_AUX,
    compose,
    intent_family,
)
from .refine import _same, dedupe, inner, located
from .confidence import calibrated, rule_score
from .status import question, status_of
from .triggers import Match, find_matches

NAME = "dateline.events.v1"
MAX_SENTENCE_TOKENS = 150
FAMILIES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN"})
WRAPPERS = frozenset({"INTEND", "PLAN", "NEGATE"})
OCCUR_VERBS = frozenset({"take", "begin", "start", "open", "end", "close", "conclude", "continue", "resume",
                         "happen", "convene", "kick", "wrap", "finish", "get"})
MILITARY_NOUNS = frozenset({"troop", "soldier", "force", "peacekeeper", "army", "unit", "contingent", "battalion",
                            "marine", "sailor", "warship", "tank", "militia", "militiaman", "guerrilla", "fighter"})


@dataclass(slots=True)
class Draft:
    match: Match
    code: str
    rule: list[str]
    notes: list[str] = field(default_factory=list)
    complement: Match | None = None
    status: tuple[str, str] | None = None  # set by a wrapper or a conversion
    actor_toks: list[Token] = field(default_factory=list)
    recipient_toks: list[Token] = field(default_factory=list)
    actor_how: str = ""
    recipient_how: str = ""
    recipient_alts: list[tuple[str, Token]] = field(default_factory=list)  # further candidates, in order
    speaker_tok: Token | None = None
    plover: str = ""
    mode: str = ""
    flags: frozenset[str] = frozenset()
    anchor: Token | None = None  # the verb whose clause dates and places the event


def extract_events(ctx) -> tuple[Event, ...]:
    article = ctx.article
    if (article.language or "en")[:2].lower() != "en":
        _skip(ctx, "not_english", f"language {article.language!r}: event rules are for English")
        return ()
    lexicon = _lexicon(ctx)
    resolver = ActorResolver(ctx)
    out: list[Event] = []
    previous: dict[str, Event] = {}  # actor entity -> its dated event in the sentence before
    for sent, headline in _sentences(ctx):
        if len(sent) > MAX_SENTENCE_TOKENS:
            _skip(ctx, "sentence_too_long", f"{len(sent)} tokens at {sent.start_char}: over {MAX_SENTENCE_TOKENS}")
            continue
        if not any(t.is_alpha for t in sent):
            continue
        try:
            found = sentence_events(ctx, sent, lexicon, resolver)
        except (ValueError, IndexError, KeyError, AttributeError, TypeError, RecursionError) as e:
            # one odd parse costs its sentence, not the article
            _skip(ctx, "sentence_failed", f"{type(e).__name__}: {e} (sentence at {sent.start_char})")
            continue
        if headline:
            found = [_as_written(_headline_status(e, sent), ctx.article.text) for e in found]
        found = [_carry_date(e, sent, previous) for e in found]
        previous = {e.actor.entity_id: e for e in found if e.actor.entity_id and e.date and not e.date.inferred}
        out.extend(found)
    return tuple(dedupe(dedupe(out, by_sentence=True)))


# "the minister's plan would cut aid": the plan's effects are proposed, not done
PROPOSAL_HEADS = frozenset({"proposal", "plan", "bill", "law", "measure", "policy", "scheme", "reform", "budget",
                            "draft", "amendment", "initiative", "legislation"})
# "offered to talk on condition that the rebels disarm": what follows such a noun is a term set, not the offer
TERMS_NOUNS = frozenset({"condition", "basis", "ground", "grounds", "pretext", "understanding", "premise"})
def _sentences(ctx):
    """The article's sentences, the headline's parsed again in running-text case where it is written in
    Title Case or capitals (``headline``), each with whether it is the headline."""
    from .headline import headline_doc

    a = ctx.article
    end = len(a.title) if a.title and a.text.startswith(a.title) else -1
    again = None
    if end > 0:
        try:
            again = headline_doc(ctx.nlp, ctx.doc, end)
        except (ValueError, IndexError, RuntimeError):  # a headline spaCy cannot take costs only itself
            again = None
    if again is not None:
        yield from ((s, True) for s in again.sents)
    for s in ctx.doc.sents:
        if again is not None and s.start_char < end:
            continue
        yield s, 0 <= s.start_char < end


def _as_written(e: Event, text: str) -> Event:
    """An event read from the recased headline, with every span's text as the article writes it."""
    from dataclasses import replace

    def span(s: Span | None) -> Span | None:
        return None if s is None else replace(s, text=text[s.start:s.end])

    def side(a: ActorRef | None) -> ActorRef | None:
        if a is None or a.span is None:
            return a
        return replace(a, span=span(a.span), text=text[a.span.start:a.span.end])

    ev = e.evidence
    return replace(e, actor=side(e.actor), recipient=side(e.recipient),
                   evidence=replace(ev, sentence=span(ev.sentence), trigger=span(ev.trigger)))


def _headline_status(e: Event, sent: TokSpan) -> Event:
    """ "Minister to visit Beijing": a headline's bare infinitive is a plan."""
    from dataclasses import replace

    from .headline import to_plan

    trigger = next((t for t in sent if t.idx == e.evidence.trigger.start), None)
    if trigger is None or e.status != "occurred" or not to_plan(sent, trigger):
        return e
    return replace(e, status="expected", evidence=replace(e.evidence, status_cue="to (a headline's plan)"))


CONTINUATION = frozenset({"also", "added", "further", "however", "but", "then", "later", "meanwhile", "again"})


def _carry_date(e: Event, sent: TokSpan, previous: dict[str, Event]) -> Event:
    """ "In his address last week, Kim said ... However, he also warned ...": a statement that goes on
    from the sentence before, by the same speaker and with no date of its own, keeps that date."""
    from dataclasses import replace

    from .anchor import VERBAL_TYPES

    before = previous.get(e.actor.entity_id or "")
    if before is None or e.date is None or not e.date.inferred or e.date.value.endswith("_REF"):
        return e
    if e.type not in VERBAL_TYPES or not ({t.lower_ for t in sent} & CONTINUATION):
        return e
    d = before.date
    source = (f"carried from the sentence before: the same speaker ({e.actor.name}) goes on, with no date of its "
              f"own ({before.evidence.date_source})")
    return replace(e, date=d, evidence=replace(e.evidence, date_source=source))


def _lexicon(ctx):
    try:
        return ctx.resources.get("verbs")
    except (KeyError, AttributeError):
        from ...ontology.verbs import default_verbs

        return default_verbs()


def _skip(ctx, code: str, message: str) -> None:
    ctx.notes.setdefault("errors", []).append(ItemError(
        origin=ctx.article.origin, stage=f"analyze:{NAME}", code=code, message=message, article_id=ctx.article.id))


# -- one sentence ---------------------------------------------------------------------------------

def sentence_events(ctx, sent: TokSpan, lexicon, resolver: ActorResolver) -> list[Event]:
    style = getattr(lexicon, "style", "dateline")
    matches = find_matches(sent, lexicon)
    by_tok = {m.token.i: m for m in matches}
    comp_of: dict[int, Match] = {}
    for m in matches:
        if m.pattern.comp in FAMILIES | WRAPPERS:
            c = _complement(m, by_tok)
            if c is not None:
                comp_of[m.token.i] = c
    consumed = {c.token.i for i, c in comp_of.items() if by_tok[i].pattern.comp in FAMILIES}
    consumed |= {m.obj.i for m in matches if m.obj is not None and m.obj.i in by_tok and m.obj.i != m.token.i
                 and by_tok[m.obj.i].pos == "noun"}
    wrapped = {c.token.i: by_tok[i] for i, c in comp_of.items() if by_tok[i].pattern.comp in WRAPPERS}
    drafts: list[Draft] = []
    for m in matches:
        if m.token.i in consumed or m.pattern.comp in WRAPPERS:
            continue
        d = _draft(m, by_tok, comp_of, style)
        if d is None:
            continue
        w = _wrapper_chain(m, wrapped)
        if w is not None:
            _apply_wrapper(d, w, style)
        elif style == "dateline":
            _modal_conversion(d)
        drafts.append(d)
    if style == "dateline":
        drafts += _speech_demands(sent, by_tok, drafts)
        drafts += _judgements(sent, drafts)
    events: list[Event] = []
    for d in drafts:
        events.extend(_events(ctx, sent, d, resolver, style))
    return events


def _complement(m: Match, by_tok: dict[int, Match]) -> Match | None:
    """The action a family or wrapper word governs, when it is itself a trigger."""
    for tok in complement_tokens(m.token):
        hit = by_tok.get(tok.i)
        if hit is None and tok.pos_ in ("NOUN", "PROPN") and tok.lemma_.lower() not in TERMS_NOUNS:
            # "rejected a request to interrogate", "demanded the withdrawal of": look one level down
            for c in tok.children:
                if c.dep_ in ("acl", "relcl", "prep") and c.i > tok.i:
                    inner = by_tok.get(c.i) or next((by_tok[x.i] for x in c.children if x.i in by_tok), None)
                    if inner is not None:
                        hit = inner
                        break
        if hit is None and tok.pos_ == "AUX":
            hit = next((by_tok[c.i] for c in tok.children if c.i in by_tok and c.dep_ in ("acomp", "xcomp")), None)
        if hit is not None and hit is not m:
            return hit
    return None


def _draft(m: Match, by_tok: dict[int, Match], comp_of: dict[int, Match], style: str) -> Draft | None:
    p = m.pattern
    d = Draft(match=m, code=p.cameo, rule=[p.id], plover=p.plover, mode=p.mode, flags=p.flags, anchor=m.token)
    if p.comp in FAMILIES:
        c = comp_of.get(m.token.i)
        ccode = ""
        if c is not None:
            inner = _draft(c, by_tok, comp_of, style)
            if inner is not None:
                ccode = inner.code
                d.complement = c
                d.rule += inner.rule
                d.notes.append(f"'{m.token.text}' governs '{c.token.text}' ({inner.code or 'no code'}): "
                               f"{p.comp} + {inner.code or '—'} -> {compose(p.comp, ccode)}")
                d.flags = frozenset(d.flags - {"recipient"})
        d.code = compose(p.comp, ccode) if style == "dateline" else (p.cameo or d.code)
        if ccode and d.code != ccode:
            d.plover = d.mode = ""  # the composed code decides the type
    if not d.code:
        return None
    return d


def _wrapper_chain(m: Match, wrapped: dict[int, Match]) -> Match | None:
    return wrapped.get(m.token.i)


def _apply_wrapper(d: Draft, w: Match, style: str) -> None:
    """ "ready to sit with" -> AGREE 036, intended; "plans to visit" -> AGREE 036, expected."""
    from .lexicon import PLAN_WORDS

    word = w.token.lemma_.lower()
    status = "denied" if w.pattern.comp == "NEGATE" else PLAN_WORDS.get(word, "intended" if w.pattern.comp ==
                                                                         "INTEND" else "expected")
    negated = next((c for c in w.token.children if c.dep_ == "neg"), None)
    if negated is not None:  # "did not intend to refer it": nothing is intended
        status = "denied"
    d.status = (status, f"{negated.text} {w.token.text}" if negated is not None else w.token.text)
    d.rule.insert(0, w.pattern.id)
    d.anchor = w.token
    if style == "dateline" and w.pattern.comp != "NEGATE" and negated is None and \
            d.match.pattern.comp not in FAMILIES:
        fam = intent_family(d.code)
        if fam is not None:
            new = compose(fam, d.code)
            d.notes.append(f"'{w.token.text}' puts '{d.match.token.text}' ({d.code}) ahead: {fam} {new}")
            d.code, d.plover, d.mode = new, "", ""


def _modal_conversion(d: Draft) -> None:
    """ "will visit" is an intention to meet (AGREE 036); "would not meet demands" a refusal (REJECT)."""
    if d.match.pattern.comp in FAMILIES:
        return
    t = d.match.token
    if question(t) is not None:  # "Will the army attack?" asks; it neither intends nor threatens
        d.status = question(t)
        return
    context = status_of(t)
    if context[0] in ("hypothetical", "reported") and not context[1].endswith(("could", "may", "might")):
        d.status = context  # "believes voters will back it": a view, not an intention
        return
    aux = [c for c in t.children if c.dep_ in ("aux", "auxpass")]
    future = next((a for a in aux if a.lower_ in FUTURE_AUX | PAST_FUTURE_AUX), None)
    maybe = next((a for a in aux if a.lower_ in ("may", "might", "could")), None)
    if future is None and maybe is not None and (d.code or "")[:2] in ("16", "17", "18", "19", "20", "14", "15"):
        cond = next((c for c in t.children if c.dep_ == "advcl" and any(
            x.dep_ == "mark" and x.lower_ in ("if", "unless") for x in c.children)), None)
        if cond is not None and _reported(t):  # "X may halt mediation if ..., a minister said": a threat
            new = compose("THREATEN", d.code)
            d.notes.append(f"'{maybe.text} {t.text} ... if': a conditional threat, THREATEN {new}")
            d.code, d.plover, d.mode = new, "", ""
            d.status = ("hypothetical", f"{maybe.text} ... if")
            return
    if future is not None and any(a.lemma_ == "have" for a in aux):
        # "would not have allowed it": what would have happened had things been otherwise
        d.status = ("hypothetical", f"{future.text} have")
        return
    if future is None and t.dep_ == "xcomp" and t.head.lower_ == "going":
        future = t.head
    if future is None or t.dep_ in ("relcl", "acl"):
        return  # "a result that will be welcomed" describes; it commits no one
    neg = next((c for c in t.children if c.dep_ == "neg"), None)
    if neg is not None:
        new = compose("REJECT", d.code)
        d.notes.append(f"'{future.text} {neg.text} {t.text}': a refusal, REJECT {new}")
        d.code, d.plover, d.mode, d.status = new, "", "", ("occurred", f"{future.text} {neg.text}")
        d.flags = frozenset(d.flags - {"recipient"})
        return
    fam = intent_family(d.code)
    if fam is None:
        return
    new = compose(fam, d.code)
    d.notes.append(f"'{future.text} {t.text}': an intention, {fam} {new}")
    d.code, d.plover, d.mode = new, "", ""
    d.status = ("expected", future.text)


def _reported(t: Token) -> bool:
    """Is the clause what someone says (under a verb of saying), rather than the writer's own words?"""
    for _ in range(6):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            return True
        if t.dep_ == "ROOT" and any(c.dep_ in ("parataxis", "advcl", "ccomp") and c.lemma_.lower() in SPEECH_VERBS
                                    for c in t.children):
            return True  # "X may halt ..., the minister said" parsed with "said" under X
        if t.head.i == t.i:
            return False
        t = t.head
    return False


_DEMAND_VERBS = WordTest(lambda w: w.lower() in SPEECH_VERBS | {"conclude", "declare", "announce", "insist"},
                         lower=False)


def _speech_demands(sent: TokSpan, by_tok: dict[int, Match], drafts: list[Draft]) -> list[Draft]:
    """ "X said Y must do Z" is a demand of X on Y (REQUEST), whether or not Z is a coded action."""
    out: list[Draft] = []
    taken = {d.match.token.i for d in drafts} | {d.complement.token.i for d in drafts if d.complement}
    doc = sent.doc
    for i in _DEMAND_VERBS.in_range(doc, sent.start, sent.end):
        tok = doc[i]
        for c in tok.children:
            if c.dep_ != "ccomp":
                continue
            target, modal = _obligation(c)
            if modal is None:
                continue
            # the action that is demanded may sit under "be ready to", "be allowed to"
            action = next((t for t in target.subtree if t.i in by_tok and t.i != target.i and
                           by_tok[t.i].pattern.comp not in WRAPPERS and
                           any(x.i == target.i for x in t.ancestors)), None) if target.i not in by_tok else None
            if action is not None and any(dr.match.token.i == action.i for dr in drafts):
                target = action
            if _not_a_demand(target, modal):
                continue
            inner = by_tok.get(target.i)
            existing = next((d for d in drafts if d.match.token.i == target.i), None)
            base = (inner.pattern.cameo if inner else "") or (existing.code if existing is not None else "")
            code = compose("REQUEST", base)
            fake = inner or Match(token=target, pattern=_SAY_MUST, pos="verb")
            d = Draft(match=fake, code=code, rule=["r.say-must"] + ([fake.pattern.id] if inner else []),
                      anchor=tok, speaker_tok=subject_of(tok))
            d.notes.append(f"'{tok.text}' reports that someone '{modal.text}' '{target.text}': a demand, REQUEST {code}")
            d.actor_toks = [d.speaker_tok] if d.speaker_tok is not None else []
            d.actor_how = f"the speaker of '{tok.text}'"
            s = subject_of(target)
            d.recipient_toks = [s] if s is not None else []
            d.recipient_how = f"subject of '{target.text}'"
            d.status = ("occurred", modal.text)
            if existing is not None:
                drafts.remove(existing)
            elif target.i in taken:
                continue
            out.append(d)
    return out


def _not_a_demand(target: Token, modal: Token) -> bool:
    """ "must have been", "must be" (a guess), "you have to be careful" (advice to anyone) and a clause
    with no one obliged are no demand on anyone."""
    from .sense import EPISTEMIC_LEMMAS, GENERIC_SUBJECTS, SAYING_LEMMAS

    if any(c.dep_ == "aux" and c.lemma_ == "have" for c in target.children) and target.tag_ == "VBN":
        return True
    if target.lemma_.lower() in EPISTEMIC_LEMMAS or target.lemma_.lower() in SAYING_LEMMAS:
        return True  # "must be", "needs to say": a guess, or a comment on speaking
    s = subject_of(target)
    return s is None or s.lower_ in GENERIC_SUBJECTS


def _obligation(clause: Token) -> tuple[Token, Token | None]:
    t = clause
    for _ in range(3):
        for c in t.children:
            if c.dep_ == "aux" and c.lower_ in OBLIGATION_AUX:
                return t, c
            if c.dep_ == "xcomp" and t.lemma_ in ("have", "need") and any(x.lower_ == "to" for x in c.children):
                return c, t
        nxt = next((c for c in t.children if c.dep_ in ("xcomp", "acomp")), None)
        if nxt is None:
            break
        t = nxt
    return clause, None


from ...ontology.verbs import VerbPattern  # noqa: E402  (a placeholder pattern for demands with no trigger)

_SAY_MUST = VerbPattern(id="r.say-must", lemma="", cameo="100", note="X says Y must do Z")
_JUDGEMENT = {
    "111": VerbPattern(id="r.say-blame", lemma="", cameo="111", flags=frozenset({"recipient", "known-actor"}),
                       note="X says Y failed, lied, acted recklessly: criticism"),
    "051": VerbPattern(id="r.say-praise", lemma="", cameo="051", flags=frozenset({"recipient", "known-actor"}),
                       note="X says Y was courageous: praise"),
}


def _judgements(sent: TokSpan, drafts: list[Draft]) -> list[Draft]:
    """ "the watchdog said member states were failing to report fraud": blame (or praise) in what a named
    speaker says of another named party (``appraisal``)."""
    from .appraisal import appraisals

    taken = {d.match.token.i for d in drafts} | {d.complement.token.i for d in drafts if d.complement} | \
        {d.anchor.i for d in drafts if d.anchor is not None}
    out = []
    for a in appraisals(sent, taken):
        m = Match(token=a.word, pattern=_JUDGEMENT[a.code], pos="verb")
        d = Draft(match=m, code=a.code, rule=[m.pattern.id], anchor=a.verb, speaker_tok=a.speaker,
                  flags=m.pattern.flags)
        kind = "criticism, ACCUSE 111" if a.code == "111" else "praise, SUPPORT 051"
        d.notes.append(f"'{a.verb.text}' reports a judgement of '{a.target.text}' in the word '{a.word.text}': {kind}")
        d.actor_toks, d.actor_how = [a.speaker], f"the speaker of '{a.verb.text}'"
        d.recipient_toks, d.recipient_how = [a.target], f"what '{a.verb.text}' reports is about"
        said = status_of(a.verb)  # "is alleged to have said ...": the judgement is reported, not established
        d.status = said if said[0] != "occurred" else ("occurred", a.verb.text)
        out.append(d)
    return out


# -- arguments, actors and the event records --------------------------------------------------------

def _events(ctx, sent: TokSpan, d: Draft, resolver: ActorResolver, style: str) -> list[Event]:
    m = d.match
    onto = default_event_ontology()
    if not d.actor_toks and not d.recipient_toks:
        _arguments(d)
    speaker = _speaker(ctx, d, resolver)
    actors = [a for t in d.actor_toks for a in resolver.resolve(t, speaker=speaker)]
    if not _in_sense(ctx, d, actors):
        return []
    recipients: list[ActorRef] = []
    for t in d.recipient_toks:
        got = resolver.resolve(t, speaker=speaker)
        recipients += got
    if not any(r.country or r.code for r in recipients):
        # the first candidate named no known actor: try the others in order ("the right of Russia")
        for how, t in d.recipient_alts:
            got = [r for r in resolver.resolve(t, speaker=speaker) if r.country or r.code]
            if got and not all(any(_same(r, a) for a in actors) for r in got):
                recipients, d.recipient_how = got, how
                break
    recipients = [r for r in recipients if not any(_same(r, a) for a in actors)]
    if not any(r.country or r.code for r in recipients) and len(actors) > 1 and \
            ("symmetric" in d.flags or m.compound):
        recipients = []  # "A and B met": each is the other's recipient
    pairwise = not recipients and len(actors) > 1 and ("symmetric" in d.flags or m.compound)
    intent = d.status is not None and d.status[0] in ("intended", "expected") and (d.code or "")[:2] == "03"
    if "recipient" in d.flags and not pairwise and not intent and \
            not any(r.country or r.code or r.entity_id for r in recipients):
        return []  # a visit or meeting with no one named is not coded; an intention to meet still is
    if not _fits_flags(d, actors):
        return []
    if "known-actor" in d.flags and not any(a.country or a.code or a.entity_id for a in actors):
        return []  # a judgement needs a judge we can name
    if "realizer" in d.flags and m.pos == "noun" and not _realized(m.token):
        return []
    violent = d.code[:2] in ("18", "19", "20")
    if not actors and not recipients and not violent:
        return []
    if not violent and not any(a.country or a.code or a.entity_id for a in [*actors, *recipients]):
        return []  # neither side names anyone we can place: not worth an event
    if d.code[:2] in ("03", "04", "05", "06", "07", "08") and not any(a.country or a.code or a.entity_id
                                                                      for a in actors):
        return []  # cooperation by someone unknown: an unnamed attacker is news, an unnamed visitor is not
    if d.match.pattern.comp == "AGREE" and d.code[:2] == "13" and \
            not any(r.country or r.code or r.entity_id for r in recipients):
        return []  # "committed to imposing limits on imports": a pledge of policy threatens no one named
    if not actors and (recipients or violent):
        actors = [ActorRef(text="", name="(unknown)")]  # "three civilians were killed in a bombing"
    actors = [located(ctx, a, m, anchor_tok=d.anchor or m.token) for a in actors]
    if violent and not any(a.country or a.code or a.entity_id for a in [*actors, *recipients]):
        return []  # "a bomb went off" with no one and nowhere named: nothing to place
    recipients = [inner(ctx, r, resolver, actors) for r in recipients]
    recipients = [located(ctx, r, m, anchor_tok=d.anchor or m.token) for r in recipients]
    coding = onto.plover_for(d.code)
    plover = d.plover or (coding.type if coding else "")
    mode = d.mode or (coding.mode if coding and coding.mode else "") or None
    if d.plover and not d.mode and coding and coding.type == d.plover:
        mode = coding.mode
    status, cue = d.status or status_of(d.anchor or m.token, noun=m.pos == "noun")
    if d.status and d.status[0] == "occurred" and d.status[1] == "":
        status, cue = status_of(m.token, noun=m.pos == "noun")
    background = m.pos == "noun" and not _realized(m.token)
    anchor = d.anchor or m.token
    date, date_source = event_date(ctx, m.token, anchor, plover=plover, status=status, background=background)
    taken = [(a.span.start, a.span.end) for a in [*actors, *recipients] if a.span is not None]
    place, place_source = event_place(ctx, m.token, anchor, exclude=taken)
    if place is None and mode == "visit" and d.code != "043":
        place, place_source = _visited(ctx, recipients)  # "Kim visited Dalian": where he went
    pairs = _pairs(actors, recipients, d, m)
    if d.code in ("042", "043"):  # "left Hanoi for Washington": going home is not a visit
        pairs = [p for p in pairs if not (p[1] is not None and p[0].country and p[0].country == p[1].country
                                          and _place_like(ctx, p[1]))]
        if not pairs:
            return []
    out = []
    sentence = Span(start=sent.start_char, end=sent.end_char, text=sent.text)
    start, end = m.span
    trigger = Span(start=start, end=end, text=ctx.article.text[start:end])
    for actor, recipient, code, reverse in pairs:
        raw = rule_score(d, actor, recipient, background, m)
        conf = calibrated(raw, status, actor, recipient)
        rule = "+".join(d.rule)
        explanation = _explain(d, actor, recipient, code, plover, reverse)
        ev_code = code
        ev_plover, ev_mode = plover, mode
        if code != d.code:
            c2 = onto.plover_for(code)
            ev_plover = c2.type if c2 else ""
            ev_mode = c2.mode if c2 else None
        eid = stable_id(ctx.article.id, start, end, _key(actor), _key(recipient), ev_code, prefix="ev")
        out.append(Event(
            id=eid, article_id=ctx.article.id, type=ev_plover, actor=actor, recipient=recipient, mode=ev_mode,
            cameo=ev_code, date=date, location=place, status=status, confidence=conf, provenance=NAME,
            evidence=Evidence(sentence=sentence, trigger=trigger, rule=rule, explanation=explanation,
                              status_cue=cue, date_source=date_source, place_source=place_source,
                              rule_score=raw),
        ))
    return out


def _in_sense(ctx, d: Draft, actors: list[ActorRef]) -> bool:
    """Is the trigger used in its event sense (``sense.judge``)? It may also recode the event."""
    from .sense import INANIMATE, VIOLENT_ROOTS, Verdict, counted, judge, judge_family, noun_class

    m = d.match
    agents = ctx.resources.agents
    target = d.recipient_toks[0] if d.recipient_toks else _object_of(m)
    if (m.pattern.cameo or d.code or "")[:2] == "07":
        target = m.obj or _object_of(m) or target  # what is given says whether it is aid, not who gets it
    sector = next((a.sector for a in actors if a.sector), None)
    actor = counted(d.actor_toks[0]) if d.actor_toks else None
    if actor is not None and actor.lemma_.lower() in PROPOSAL_HEADS and d.status is None or \
            actor is not None and actor.lemma_.lower() in PROPOSAL_HEADS and d.status[0] in ("expected", "occurred"):
        d.status = ("hypothetical", actor.text)  # "her plan would cut aid": what a plan does has not happened
    if actor is not None and noun_class(actor, agents) in INANIMATE and \
            not any(c.dep_ == "poss" for c in actor.children):  # "the ministry's statement" speaks for it
        if (d.code or "")[:2] not in VIOLENT_ROOTS:  # "the memo warns": a document does not act
            v = Verdict(False, reason=f"'{actor.text}' is a thing, a document or an idea, not an actor")
            ctx.notes.setdefault("events.dropped", []).append((m.token.idx, v.reason))
            return False
        d.actor_toks, d.actor_how = [], f"'{actor.text}' is what did it, not who: actor unknown"
        actor = None
    # the trigger's own code says what its sense needs ("will supply" is still a verb of giving)
    base = d.code if m.pattern.comp in FAMILIES or not m.pattern.cameo else m.pattern.cameo
    v = judge(base, m.token, target, actor, actor_sector=sector, agents=agents)
    if v.keep and v.code and base != d.code:
        v = Verdict(True, reason=v.reason)  # a sense that recodes the trigger leaves a composed code alone
    if v.keep and m.pattern.comp in FAMILIES and m.pos != "noun" and d.rule[0] != "r.say-must":
        v = judge_family(m.pattern.comp, m.token, d.complement.token if d.complement else None, d.code, agents)
    if not v.keep:
        ctx.notes.setdefault("events.dropped", []).append((m.token.idx, v.reason))
        return False
    if v.code and v.code != d.code:
        d.notes.append(v.reason)
        d.code, d.plover, d.mode = v.code, "", ""
    return True


def _object_of(m: Match) -> Token | None:
    """What the trigger acts on when no recipient was taken: its object, or for an event noun the
    object of "on/against" ("an attack on the base")."""
    if m.pos == "noun":
        for name in ("on", "against", "of"):
            got = _prep(m.token, name)
            if got:
                return got[0]
        return None
    if is_passive(m.token):
        return passive_recipient(m.token)
    from .triggers import objects

    return next((o for o in objects(m.token) if o.dep_ in ("dobj", "obj")), None)


def _arguments(d: Draft) -> None:
    m, p = d.match, d.match.pattern
    exclude = {m.token.i} | {w.i for w in m.words}
    if m.obj is not None:
        exclude.add(m.obj.i)
    slots = p.recipient
    if d.complement is not None and not p.recipient:
        slots = d.complement.pattern.recipient
    if m.pos == "noun":
        toks, how = noun_actor(m.token, p.recipient, verbal=(d.code or "99")[:2] <= "13",
                               meeting=(d.code or "").startswith("04"))
        d.actor_toks, d.actor_how = toks, how
        between = [t for t in d.actor_toks if t.dep_ == "pobj" and t.head.lower_ == "between"]
        if between:
            d.flags = d.flags | {"symmetric"}
    else:
        s = subject_of(m.token)
        if s is not None:
            d.actor_toks, d.actor_how = [s], f"subject of '{m.token.text}'"
            if is_passive(m.token):
                d.actor_how = f"'by' phrase of passive '{m.token.text}'"
        elif is_passive(m.token) and p.id.startswith("petrarch:"):
            # PETRARCH reads an agentless passive's subject as the source ("X was criticized over Y")
            pr = passive_recipient(m.token)
            if pr is not None:
                d.actor_toks, d.actor_how = [pr], f"subject of passive '{m.token.text}' (PETRARCH convention)"
        if is_passive(m.token) and d.actor_how.startswith("'by'"):
            pr = passive_recipient(m.token)
            if pr is not None:
                d.recipient_toks, d.recipient_how = [pr], f"passive subject of '{m.token.text}'"
        if m.token.dep_ == "acl" and m.token.tag_ == "VBN" and m.token.head.pos_ in ("NOUN", "PROPN"):
            # "a journalist detained by police": the noun is the one acted on
            d.recipient_toks, d.recipient_how = [m.token.head], f"the noun '{m.token.text}' describes"
    exclude |= {t.i for t in d.actor_toks}
    if "$" in m.markers:
        d.actor_toks, d.actor_how = [m.markers["$"]], "source marked in the pattern"
    if "+" in m.markers:
        d.recipient_toks, d.recipient_how = [m.markers["+"]], "target marked in the pattern"
        return
    if d.recipient_toks:
        return
    petrarch = p.id.startswith("petrarch:")
    cands = recipient_slots(m.token, slots, pos=m.pos, exclude=exclude) if not petrarch else []
    if not cands and d.complement is not None:
        cands = recipient_slots(d.complement.token, d.complement.pattern.recipient or slots,
                                pos=d.complement.pos, exclude=exclude | {d.complement.token.i})
    if p.id.startswith("petrarch:"):
        cands += _first_actor_after(m)  # PETRARCH's target: the first actor in the verb phrase
    if (d.code or "")[:2] == "13":
        cands += _condition_subject(m.token)
    if d.complement is not None and p.comp in FAMILIES:
        cands += _complement_parties(d.complement, p.comp, exclude)
    if not petrarch and not p.linear and not (d.code or "").startswith("04"):
        # tried after the pattern's own slots, when those name no party (meetings and visits must name
        # the other side in their own slots)
        cands += [c for c in dependents(m.token, exclude) if all(c[1].i != x.i for _, x in cands)]
    if cands:
        slot, tok = cands[0]
        d.recipient_toks, d.recipient_how = [tok], f"{slot} of '{m.token.text}'"
        d.recipient_alts = [(f"{s} of '{m.token.text}'", t) for s, t in cands[1:]]


def _complement_parties(c: Match, family: str, exclude: set[int]) -> list[tuple[str, Token]]:
    """Who a demand, refusal or threat is aimed at, read off the action it governs: "demanded that
    Hamas renounce" (Hamas), "rejected a U.S. request" (the U.S.), "threatened to cut power to X" (X)."""
    tok = c.token
    out: list[tuple[str, Token]] = []
    if family == "REQUEST":
        s = subject_of(tok)
        if s is not None and s.i not in exclude:
            out.append(("the one asked to act", s))
        out += [("the one asked to act", t) for t in _prep(tok, "of")]
    if family == "REJECT" and c.pos == "noun":
        out += [("who made the request", x) for x in tok.children if x.dep_ in ("poss", "compound", "amod")
                and (x.ent_type_ or x.pos_ == "PROPN")]
        out += [("who made the request", t) for name in ("from", "by", "of") for t in _prep(tok, name)]
    out += [("the action's recipient", t) for _, t in recipient_slots(tok, c.pattern.recipient, pos=c.pos,
                                                                      exclude=exclude)]
    return out


def _prep(tok: Token, name: str) -> list[Token]:
    from .triggers import prep_objects

    return prep_objects(tok, name)


def _condition_subject(trigger: Token) -> list[tuple[str, Token]]:
    """ "warned ... if the U.S. does not make good on its promises": the threat is to the U.S."""
    for t in trigger.subtree:
        if t.dep_ == "mark" and t.lower_ in ("if", "unless"):
            s = next((c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if s is not None and s.lower_ not in ("we", "i", "us"):
                return [("condition", s)]
    return []


def _first_actor_after(m: Match) -> list[tuple[str, Token]]:
    """PETRARCH's target: the noun phrases in the verb phrase after the verb, in order."""
    out = []
    for t in m.token.subtree:
        if t.i > m.token.i and t.pos_ in ("PROPN", "NOUN") and t.dep_ in ("pobj", "dobj", "attr", "appos", "conj",
                                                                         "nsubj", "nsubjpass", "oprd"):
            out.append(("phrase after the verb", t))
    return out


def _speaker(ctx, d: Draft, resolver: ActorResolver) -> list[ActorRef] | None:
    """Who says the clause the trigger is in, for "it/they/we" inside what they said."""
    t = d.match.token
    for _ in range(8):
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            s = subject_of(t.head)
            if s is not None and s.i != d.match.token.i:
                got = resolver.resolve(s)
                if got:
                    return got
        if t.head.i == t.i:
            break
        t = t.head
    for q in ctx.quotes:  # the quotes extractor runs first (registrations: events requires quotes)
        if q.content.start <= d.match.token.idx < q.content.end and q.speaker_entity_id:
            ent = next((e for e in ctx.entities if e.id == q.speaker_entity_id), None)
            if ent is not None:
                return [ActorRef(text=q.speaker.text if q.speaker else ent.name, name=ent.name, span=q.speaker,
                                 entity_id=ent.id, country=ent.country, sector=ent.sector,
                                 code=(ent.country or "---") + (ent.sector or "") if ent.country or ent.sector
                                 else None, coding=f"speaker of the quote; {ent.coding}")]
    return None


def _fits_flags(d: Draft, actors: list[ActorRef]) -> bool:
    if not ({"military", "civilian"} & d.flags):
        return True
    words = {t.lemma_.lower() for t in d.actor_toks}
    doc = d.match.token.doc
    for a in actors:
        if a.span is not None:
            words |= {t.lemma_.lower() for t in tokens_between(doc, a.span.start, a.span.end)}
    for t in d.actor_toks:  # "the first deployment of NATO peacekeeping troops"
        words |= {x.lemma_.lower() for x in t.subtree if x.i < t.i + 8}
    military = bool(words & MILITARY_NOUNS) or any(a.sector == "MIL" for a in actors)
    return military if "military" in d.flags else not military


def _realized(noun: Token) -> bool:
    """Is an event noun brought about in its sentence ("held talks", "the summit began")?"""
    h = noun.head
    if noun.dep_ in ("dobj", "attr", "pobj") and h.lemma_.lower() in LIGHT_VERBS:
        return True
    if noun.dep_ == "pobj" and h.dep_ == "prep" and h.lower_ in ("on", "into") and \
            h.head.lemma_.lower() in ("go", "put", "remain", "stay", "place", "launch", "enter"):
        return True  # "went on strike", "put on alert"
    if noun.dep_ in ("nsubj", "nsubjpass") and h.lemma_.lower() in OCCUR_VERBS:
        return True
    return False


def _pairs(actors: list[ActorRef], recipients: list[ActorRef], d: Draft, m: Match):
    """(actor, recipient, code, reverse?) for each pair; coordinated actors with no recipient act on each
    other when the pattern is symmetric; PETRARCH's "A:B" codes add the reverse event."""
    code = d.code
    rev = m.pattern.reverse
    out = []
    if not actors:
        actors = [ActorRef(text="", name="(unknown)")]
    if not recipients and len(actors) > 1 and ("symmetric" in d.flags or m.compound):
        for a in actors:
            for b in actors:
                if a is not b and not _same(a, b):
                    out.append((a, b, code, False))
        return out
    targets = recipients or [None]
    for a in actors:
        for r in targets:
            out.append((a, r, code, False))
            if rev and r is not None:
                out.append((r, a, rev, True))
    return out


def _visited(ctx, recipients: list[ActorRef]) -> tuple[PlaceRef | None, str]:
    """The place a visit went to when the visited is a place the article names ("visited Dalian")."""
    for r in recipients:
        if r.span is None or not _place_like(ctx, r):
            continue
        for p in ctx.places:
            if p.resolved is not None and p.kind == "name" and p.span.start < r.span.end and r.span.start < p.span.end:
                return place_ref(p), f"'{p.span.text}' is the place visited"
    return None, ""


def _place_like(ctx, a: ActorRef) -> bool:
    """Is the recipient a country or a place rather than a person or an organisation?"""
    if a.entity_id:
        ent = next((e for e in ctx.entities if e.id == a.entity_id), None)
        return ent is not None and ent.type in ("GPE", "LOC", "FAC")
    return not a.sector or a.sector in ("GOV", "CVL")


def _key(a: ActorRef | None) -> str:
    if a is None:
        return "-"
    return f"{a.entity_id or a.name}|{a.code or a.country or ''}"


def _explain(d: Draft, actor: ActorRef, recipient: ActorRef | None, code: str, plover: str, reverse: bool) -> str:
    m = d.match
    lines = [f"trigger '{m.token.text}' ({m.pos}) matched pattern {m.pattern.id}"
             + (f" [{m.pattern.source}]" if m.pattern.source else "")]
    lines += d.notes
    lines.append(f"actor: {d.actor_how or 'none found'} -> {actor.name} ({actor.code or actor.country or '?'})")
    if recipient is not None:
        how = d.recipient_how or "coordinated actors acting on each other"
        lines.append(f"recipient: {how} -> {recipient.name} ({recipient.code or recipient.country or '?'})")
    if reverse:
        lines.append(f"reverse direction coded {code} by the pattern")
    return "\n".join(lines)
