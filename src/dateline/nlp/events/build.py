"""A draft turned into event records: its arguments on the parse, the actors they name, the sense test,
status, date, place, confidence and the evidence that explains it.

Actor and recipient come from the trigger's syntactic arguments as its pattern's frame lists them
(``arguments``), then its own dependents that can be parties; a draft whose trigger is not used in its
event sense is dropped or recoded (``sense``); the confidence is calibrated (``confidence``).
"""

from __future__ import annotations

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...model import ActorRef, Event, Evidence, PlaceRef, Span
from ...model.ids import stable_id
from ...ontology.events import default_event_ontology
from ..lexicon import SPEECH_VERBS
from ..names import tokens_between
from .actors import ActorResolver
from .anchor import event_date, event_place, place_ref
from .appraisal import NAMING
from .arguments import (dependents, infinitive_parties, is_passive, is_setting, noun_actor, passive_recipient,
                        recipient_slots, subject_of)
from .confidence import SETTING, Reading, calibrated, rule_score
from .drafts import FAMILIES, Draft
from .lexicon import LIGHT_VERBS
from .recipient_fallbacks import learned_recipient, protest_ground
from .refine import _same, inner, located
from .status import held_back, on_anothers_word, status_of
from .triggers import Match

NAME = "dateline.events.v1"
OCCUR_VERBS = frozenset({"take", "begin", "start", "open", "end", "close", "conclude", "continue", "resume",
                         "happen", "convene", "kick", "wrap", "finish", "get"})
MILITARY_NOUNS = frozenset({"troop", "soldier", "force", "peacekeeper", "army", "unit", "contingent", "battalion",
                            "marine", "sailor", "warship", "tank", "militia", "militiaman", "guerrilla", "fighter"})


# "the minister's plan would cut aid": the plan's effects are proposed, not done
PROPOSAL_HEADS = frozenset({"proposal", "plan", "bill", "law", "measure", "policy", "scheme", "reform", "budget",
                            "draft", "amendment", "initiative", "legislation"})


def events_of(ctx, sent: TokSpan, d: Draft, resolver: ActorResolver, style: str) -> list[Event]:
    m = d.match
    onto = default_event_ontology()
    framed = not d.actor_toks and not d.recipient_toks
    if framed:
        _arguments(d)
    speaker = _speaker(ctx, d, resolver)
    actors = [a for t in d.actor_toks for a in resolver.resolve(t, speaker=speaker)]
    if not _in_sense(ctx, d, actors):
        return []
    if framed and any(a.country or a.code or a.entity_id for a in actors):
        # only for an act by someone we can name, which the rules code with or without a recipient:
        # the scorer adds whom it was aimed at rather than making events of its own
        learned_recipient(d, ctx.resources.agents)
        if m.pos == "verb" and any(is_setting(t, m.token) for t in d.recipient_toks):
            d.recipient_toks, d.recipient_how = [], ""  # the scorer picked the scene, not a party
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
    if d.recipient_how.startswith("whom '"):
        # "promised to reform Serbia" said by Serbia's president: a promise about one's own country
        recipients = [r for r in recipients if r.sector or not any(r.country == a.country for a in actors)]
    if not any(r.country or r.code for r in recipients) and len(actors) > 1 and \
            ("symmetric" in d.flags or m.compound):
        recipients = []  # "A and B met": each is the other's recipient
    pairwise = not recipients and len(actors) > 1 and ("symmetric" in d.flags or m.compound)
    if "recipient" in d.flags and not pairwise and not any(r.country or r.code or r.entity_id for r in recipients):
        return []  # a visit or meeting, done or intended, with no one else named is not coded
    if not _fits_flags(d, actors):
        return []
    if "known-actor" in d.flags and not any(a.country or a.code or a.entity_id for a in actors):
        return []  # a judgement needs a judge we can name
    if "realizer" in d.flags and m.pos == "noun" and not _realized(m.token):
        return []
    violent = d.code[:2] in ("18", "19", "20")
    forceful = violent or d.code[:2] in ("14", "17")  # violence, protest, arrests: news even by someone unnamed
    if not actors and not recipients and not forceful:
        return []
    if not forceful and not any(a.country or a.code or a.entity_id for a in [*actors, *recipients]):
        return []  # neither side names anyone we can place: not worth an event
    if d.code[:2] in ("03", "04", "05", "06", "07", "08") and not any(a.country or a.code or a.entity_id
                                                                      for a in actors):
        return []  # cooperation by someone unknown: an unnamed attacker is news, an unnamed visitor is not
    if d.match.pattern.comp == "AGREE" and d.code[:2] == "13" and \
            not any(r.country or r.code or r.entity_id for r in recipients):
        return []  # "committed to imposing limits on imports": a pledge of policy threatens no one named
    if not actors and not forceful and m.pos == "noun":
        return []  # "the importance of keeping sanctions on X": a non-violent act no one is named doing
    if not actors and (recipients or forceful):
        actors = [ActorRef(text="", name="(unknown)")]  # "three civilians were killed in a bombing"
    actors = [located(ctx, a, m, anchor_tok=d.anchor or m.token) for a in actors]
    recipients = [inner(ctx, r, resolver, actors) for r in recipients]
    recipients = [located(ctx, r, m, anchor_tok=d.anchor or m.token) for r in recipients]
    if m.token.lemma_.lower() in ARREST_WORDS and d.code[:2] == "17" and all(not a.text for a in actors):
        actors = [_police(a, _setting(ctx)) for a in actors]  # "six were arrested"
    if forceful and not any(a.country or a.code or a.entity_id for a in [*actors, *recipients]):
        actors = [_at_home(a, _setting(ctx)) for a in actors]  # "the explosion" in a story set in France
    if forceful and not any(a.country or (a.code and not a.coding.startswith(POLICE)) or a.entity_id
                            for a in [*actors, *recipients]):
        return []  # "a bomb went off", "dozens were held" with no one and nowhere named: nothing to place
    coding = onto.plover_for(d.code)
    plover = d.plover or (coding.type if coding else "")
    mode = d.mode or (coding.mode if coding and coding.mode else "") or None
    if d.plover and not d.mode and coding and coding.type == d.plover:
        mode = coding.mode
    status, cue = d.status or status_of(d.anchor or m.token, noun=m.pos == "noun")
    if d.status and d.status[0] == "occurred" and d.status[1] == "":
        status, cue = status_of(m.token, noun=m.pos == "noun")
    if m.pos == "verb":
        status, cue = held_back(m.token) or (status, cue)  # "blamed his reluctance to condemn": not condemned
    if status == "occurred":
        status, cue = on_anothers_word(m.token, d.code or "") or (status, cue)
    background = m.pos == "noun" and not _realized(m.token)
    anchor = d.anchor or m.token
    date, date_source = event_date(ctx, m.token, anchor, plover=plover, status=status, background=background)
    taken = [(a.span.start, a.span.end) for a in [*actors, *recipients] if a.span is not None]
    place, place_source = event_place(ctx, m.token, anchor, exclude=taken)
    actors = [_police_where(ctx, a, place) for a in actors]
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
    tour = mode == "visit" and sum(p[1] is not None for p in pairs) > 1  # several places visited
    for actor, recipient, code, reverse in pairs:
        raw = rule_score(d, actor, recipient, background, m)
        rule = "+".join(d.rule)
        conf, read = calibrated(Reading(raw, status, actor, recipient, m.token, rule))
        explanation = _explain(d, actor, recipient, code, plover, reverse)
        ev_code = code
        ev_plover, ev_mode = plover, mode
        if code != d.code:
            c2 = onto.plover_for(code)
            ev_plover = c2.type if c2 else ""
            ev_mode = c2.mode if c2 else None
        ev_place, ev_place_source = place, place_source
        if tour and recipient is not None:
            # "is visiting Kenya, Ghana and Mali": each visit is to its own place, not the first one named
            own = _visited(ctx, [recipient])
            ev_place, ev_place_source = own if own[0] is not None else (place, place_source)
        eid = stable_id(ctx.article.id, start, end, _key(actor), _key(recipient), ev_code, prefix="ev")
        out.append(Event(
            id=eid, article_id=ctx.article.id, type=ev_plover, actor=actor, recipient=recipient, mode=ev_mode,
            cameo=ev_code, date=date, location=ev_place, status=status, confidence=conf, provenance=NAME,
            evidence=Evidence(sentence=sentence, trigger=trigger, rule=rule, explanation=explanation,
                              status_cue=cue, date_source=date_source, place_source=ev_place_source,
                              rule_score=raw, features=read),
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
    if actor is not None and noun_class(actor, agents) in INANIMATE and actor.lemma_.lower() not in TEAMS and \
            not any(c.dep_ == "poss" for c in actor.children):  # "the ministry's statement" speaks for it
        if (d.code or "")[:2] not in VIOLENT_ROOTS:  # "the memo warns": a document does not act
            v = Verdict(False, reason=f"'{actor.text}' is a thing, a document or an idea, not an actor")
            ctx.notes.setdefault("events.dropped", []).append((m.token.idx, v.reason))
            return False
        d.actor_toks, d.actor_how = [], f"'{actor.text}' is what did it, not who: actor unknown"
        actor = None
    if d.rule[0] in ("r.say-blame", "r.say-praise") and (m.token.dep_ == "amod" or d.anchor is not None and
                                                         d.anchor.lemma_.lower() in NAMING):
        return True  # "an example of reckless spending", "called him a disgrace": the word judges; it names no act
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
        elif is_passive(m.token) and (d.code or "")[:2] in ("17", "18", "19", "20"):
            # "thousands were arrested", "two men were shot": done to the subject by someone unnamed
            pr = passive_recipient(m.token)
            if pr is not None:
                d.recipient_toks, d.recipient_how = [pr], f"subject of passive '{m.token.text}', no one named doing it"
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
    if m.pos == "verb" and ((d.code or "")[:2] in ("10", "11") or m.token.lemma_.lower() == "charge"):
        cands += _clause_subject(m.token, exclude)  # "charged that the party ignored ...": an accusation
    if d.complement is not None and p.comp in FAMILIES:
        cands += _complement_parties(d.complement, p.comp, exclude)
    if not petrarch and not p.linear and not (d.code or "").startswith("04"):
        # tried after the pattern's own slots, when those name no party (meetings and visits must name
        # the other side in their own slots)
        cands += [c for c in dependents(m.token, exclude) if all(c[1].i != x.i for _, x in cands)]
        if m.pos == "verb" and not any(not is_setting(t, m.token) for _, t in cands):
            cands += infinitive_parties(m.token, exclude)
    cands = [(s, t) for s, t in cands if not is_setting(t, m.token)]
    if (d.code or "")[:2] == "14":  # "rallied at the university", "took to the streets of the city": where
        cands = [(s, t) for s, t in cands if not protest_ground(t)]
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


def _clause_subject(trigger: Token, exclude: set[int]) -> list[tuple[str, Token]]:
    """Whom a complaint or an order is about when its "that" clause names them: "complained that the
    referees were biased" (the referees), "ordered that the agencies share their files" (the agencies)."""
    from ...ontology.agents import default_agents
    from .parties import is_party_noun
    from .sense import noun_class
    from .triggers import for_to_clause

    for_to = for_to_clause(trigger)  # "called for the minister to resign"
    clauses = [c for c in trigger.children if c.dep_ == "ccomp" or c is for_to]
    out = []
    for c in clauses:
        for s in c.subtree:  # the parser may hang the subject on the clause's auxiliary
            if s.dep_ not in ("nsubj", "nsubjpass") or c not in (s.head, s.head.head) or s.i in exclude or \
                    s.lower_ in ("it", "i", "we", "this"):
                continue
            if s.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or noun_class(s) == "person" or \
                    is_party_noun(s, default_agents()):
                out.append(("subject of the clause it governs", s))
    return out


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
    for t in d.actor_toks:  # "the second rotation of UN peacekeeping troops"
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
    if not recipients and len(actors) > 1 and ("symmetric" in d.flags or m.compound or _mutual(m.token)):
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


# Nouns of an effort that are also the people running it: "the campaign said", "the campaign refused".
TEAMS = frozenset({"campaign", "movement"})


def _mutual(trigger) -> bool:
    """ "A and B pledged to work together", "agreed to help each other", "to cooperate with one another":
    each acts towards the other. The word must hang on the trigger or on the verb it governs."""
    verbs = [trigger] + [c for c in trigger.children if c.dep_ == "xcomp"]
    for v in verbs:
        for c in v.children:
            if c.lower_ in ("together", "jointly") and c.dep_ == "advmod":
                return True
            if c.dep_ in ("prep", "dobj"):
                words = " ".join(t.lower_ for t in c.subtree)
                if words.endswith(("each other", "one another")):
                    return True
    return False


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


def _setting(ctx) -> tuple[str, str] | None:
    """The country an unnamed act of force in this article is placed in (``home.article_setting``), found once."""
    from .home import article_setting

    got = ctx.notes.get("events.setting")
    if got is None:
        got = ctx.notes["events.setting"] = (article_setting(ctx),)
    return got[0]


# Arrests: made by the police wherever no one else is named as making them ("six protesters were arrested").
ARREST_WORDS = frozenset({"arrest", "detain", "apprehend", "detention"})
POLICE = "an arrest with no one named making it: the police"


def _police(a: ActorRef, home: tuple[str, str] | None) -> ActorRef:
    """The unnamed maker of an arrest is the police: of the country the story is set in, or of no known
    country (``---COP``); ``_police_where`` moves it to the country of the arrest's place once known."""
    from dataclasses import replace

    country, why = home if home is not None else (None, "")
    return replace(a, name="police", country=country, sector="COP", code=(country or "---") + "COP",
                   coding=f"{POLICE}{f' of {country} ({why})' if country else ''}")


def _police_where(ctx, a: ActorRef, place) -> ActorRef:
    """Police making an arrest in Paris are French police, whoever they hold."""
    from dataclasses import replace

    if not a.coding.startswith(POLICE) or place is None or not place.country:
        return a
    c = ctx.resources.countries.from_code(place.country)
    if c is None or c.iso3 == a.country:
        return a
    return replace(a, country=c.iso3, code=c.iso3 + "COP", coding=f"{POLICE} of {c.iso3} (where: {place.name})")


def _at_home(a: ActorRef, home: tuple[str, str] | None) -> ActorRef:
    """An unnamed doer of an act of force placed in the country the whole story is set in (``home``), as
    PLOVER's coders place an unnamed attacker where the attack happens."""
    from dataclasses import replace

    if home is None or a.span is not None or a.country or a.code:
        return a
    country, why = home
    return replace(a, country=country, code=country, coding=f"country {country} {SETTING}: {why}")
