"""extract_events(ctx): each sentence to zero or more coded events, with actors, status and evidence.

Per sentence: find triggers (``triggers``) and read them into drafts (``drafts``: a verb of agreeing,
asking, refusing or threatening joined with the action it governs into one code, plan and intent words
passed down, "X says Y must ...", judgements in what is said), then turn each draft into events
(``build``: arguments on the parse, actors, the sense test, status, date, place, confidence, evidence).
The headline is read again in running-text case where it is written in capitals (``headline``).

Reads ctx.entities, ctx.dates, ctx.places and ctx.quotes; writes ctx.events.
"""

from __future__ import annotations

from spacy.tokens import Span as TokSpan

from ...model import ActorRef, Event, ItemError, Span
from .actors import ActorResolver
from .build import events_of
from .drafts import (
    FAMILIES,
    WRAPPERS,
    Draft,
    apply_wrapper,
    complement_of,
    draft_of,
    judgements,
    modal_conversion,
    speech_demands,
    wrapper_chain,
)
from .headline import read_passives
from .forbidden import drop_forbidden
from .mishaps import drop_mishaps
from .outcomes import TOLL_WINDOW, counts_toll, drop_outcomes, toll_told_again
from .refine import dedupe
from .same_act import aimed_at, drop_renamed, one_protest
from .self_acts import settle_self_blasts
from .spans import as_read
from .triggers import Match, find_matches

NAME = "dateline.events.v1"
MAX_SENTENCE_TOKENS = 150


def extract_events(ctx) -> tuple[Event, ...]:
    article = ctx.article
    if (article.language or "en")[:2].lower() != "en":
        _skip(ctx, "not_english", f"language {article.language!r}: event rules are for English")
        return ()
    lexicon = _lexicon(ctx)
    resolver = ActorResolver(ctx)
    out: list[Event] = []
    previous: dict[str, Event] = {}  # actor entity -> its dated event in the sentence before
    since_violence = 0  # sentences left in which a violent act told before may have its toll told
    headline_ids: set[str] = set()
    for sent, headline in _sentences(ctx):
        if len(sent) > MAX_SENTENCE_TOKENS:
            _skip(ctx, "sentence_too_long", f"{len(sent)} tokens at {sent.start_char}: over {MAX_SENTENCE_TOKENS}")
            continue
        if not any(t.is_alpha for t in sent):
            continue
        try:
            if headline:
                read_passives(sent, lexicon)
            found = sentence_events(ctx, sent, lexicon, resolver)
        except (ValueError, IndexError, KeyError, AttributeError, TypeError, RecursionError) as e:
            # one odd parse costs its sentence, not the article
            _skip(ctx, "sentence_failed", f"{type(e).__name__}: {e} (sentence at {sent.start_char})")
            continue
        if headline:
            found = [_as_written(_headline_status(e, sent), ctx.article.text) for e in found]
            headline_ids |= {e.id for e in found}
        found = [_carry_date(e, sent, previous) for e in found]
        if since_violence:  # "Six soldiers were killed": the toll of the attack just told, not another one
            found = [e for e in found if not toll_told_again(_token_at(sent, e.evidence.trigger.start),
                                                              e.actor.span is not None,
                                                              just_told=since_violence == TOLL_WINDOW)]
        violent = any((e.cameo or "")[:2] in ("18", "19", "20") for e in found)
        # the window stays open while the story goes on counting the dead and hurt ("no casualties")
        since_violence = TOLL_WINDOW if violent or (since_violence and counts_toll(sent)) else \
            max(0, since_violence - 1)
        previous = {e.actor.entity_id: e for e in found if e.actor.entity_id and e.date and not e.date.inferred}
        out.extend(found)
    out = _dated_by_its_retelling(out, headline_ids)
    # each side's span becomes the whole phrase a reader marks, now that nothing reads its words again
    return tuple(as_read(e, ctx.article.text) for e in dedupe(dedupe(out, by_sentence=True)))


def _dated_by_its_retelling(events: list[Event], headline_ids: set[str]) -> list[Event]:
    """A headline tells an act with no day ("Mayor rebukes council") that the body tells again with its day
    ("on Tuesday the mayor criticised the council"). A headline act with only the publication day takes
    the day of the body's telling with the same type, actor and recipient, when the text gives that telling
    a single day (the two are then one event)."""
    from dataclasses import replace

    days: dict[tuple, set[str]] = {}
    told: dict[tuple, Event] = {}
    for e in events:
        key = _act_key(e)
        if key is not None and e.date is not None and not e.date.inferred:
            days.setdefault(key, set()).add(e.date.value)
            told[key] = e
    out = []
    for e in events:
        key = _act_key(e)
        if e.id in headline_ids and key is not None and e.date is not None and e.date.inferred and \
                len(days.get(key, ())) == 1:
            other = told[key]
            source = f"the same act is told with its day in another sentence ({other.evidence.date_source})"
            e = replace(e, date=other.date, evidence=replace(e.evidence, date_source=source))
        out.append(e)
    return out


def _act_key(e: Event) -> tuple | None:
    """Type and both sides by the last word of their names: a headline's "Mills" is the body's "Anna
    Mills" (headline names are not linked to the body's entities)."""
    if e.recipient is None or not e.actor.name or not e.recipient.name:
        return None
    return e.type, e.actor.name.split()[-1].lower(), e.recipient.name.split()[-1].lower()


def _token_at(sent: TokSpan, idx: int):
    return next((t for t in sent if t.idx == idx), None)


def _sentences(ctx):
    """The article's sentences, the headline's parsed again in running-text case where it is written in
    Title Case or capitals (``headline``), each with whether it is the headline."""
    from .headline import headline_doc, title_end

    end = title_end(ctx.article)
    again = None
    if ctx.headline is not None:
        again = ctx.headline[0]  # parsed by the pipeline with the rest of the batch
    elif end > 0:
        try:
            again = headline_doc(ctx.nlp, ctx.doc, end, _lexicon(ctx))
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
    if trigger is not None and trigger.dep_ in ("dobj", "obj") and trigger.head.pos_ in ("VERB", "AUX"):
        trigger = trigger.head  # "to hold talks": the trigger shown is the noun, the plan is the verb's
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
            c = complement_of(m, by_tok)
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
        d = draft_of(m, by_tok, comp_of, style)
        if d is None:
            continue
        w = wrapper_chain(m, wrapped)
        if w is not None:
            apply_wrapper(d, w, style)
        elif style == "dateline":
            modal_conversion(d)
        drafts.append(d)
    if style == "dateline":
        drafts += speech_demands(sent, by_tok, drafts, ctx.resources.agents)
        drafts += judgements(sent, drafts)
        drafts = drop_outcomes(drafts)  # "exploded, killing six": one act, not two
        drafts = drop_forbidden(drafts)  # "a ban on protests": no protest took place
        drafts = drop_mishaps(drafts)  # "accidental explosions", "a travel warning"
        drafts = settle_self_blasts(drafts)  # "a suicide bomber blew himself up": one attack on others
        drafts = drop_renamed(drafts)  # "the bombing was an attack on ...": one act named twice
        drafts = one_protest(drafts)  # "marched to protest against the tax": one demonstration
        drafts = aimed_at(drafts)  # "the attack targeted a convoy": whom the act was done to
    events: list[Event] = []
    for d in drafts:
        events.extend(events_of(ctx, sent, d, resolver, style))
    return events
