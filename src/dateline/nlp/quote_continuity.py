"""Speaker continuity: "he" or "she" as a speaker is, first of all, the person whose statement came just before.

News reports one speaker for several sentences at a time ('"We will appeal," the mayor said. ... He said the
costs were ...'), and a reader takes "he" as the same speaker unless someone else of that sex has been named
since. The quote reader attributes each statement on its own, direct quotes before reported speech, so a
pronoun can be bound to a person named inside a quotation or only as an object. This pass runs once every
statement is found: in text order, a pronoun speaker takes the speaker of the statement before it when that
one is a person (named, or a person noun such as "the aide") within a few sentences and no other person of
the pronoun's sex is named outside quotation marks in between. Statements that continue another one (a
quote with no cue of its own) follow that one's speaker after it is settled.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .events.gender import pronoun_gender
from .quote_parse import Found, inherit
from .speakers import ROLE_NOUNS, SPOKES_NOUNS, SpeakerResolver

SPEAKER_PRONOUNS = frozenset({"he", "she"})
MAX_SENTENCES = 6  # how far back the statement before may lie
PERSON_NOUNS = ROLE_NOUNS | SPOKES_NOUNS | frozenset({"one", "source", "man", "woman", "resident", "witness"})


def position(f: Found) -> int:
    """Where a statement starts in the text: its speaker, cue or content, whichever comes first."""
    own = [f.content[0]]
    if f.cue is not None:
        own.append(f.cue[0])
    return min(own)


def settle_pronouns(found: list[Found], resolver: SpeakerResolver, sent_starts: list[int]) -> None:
    """Rebind pronoun speakers by continuity (see the module docstring); ``sent_starts`` are the character
    offsets of the article's sentences."""
    done: list[Found] = []
    for f in sorted(found, key=position):
        if f.follows is not None:
            if f.follows.speaker_name != f.speaker_name or f.follows.entity is not f.entity:
                inherit(f, f.follows, cue=False)
        elif _pronoun(f.speaker_tok):
            twin = next((g for g in done if g.cue is not None and g.cue == f.cue and g.speaker_tok is f.speaker_tok),
                        None)  # '"A," he said, adding that B': one speaker for both
            prev = twin or _last_person_statement(done, f.speaker_tok)
            if prev is not None and (twin is not None or _nobody_between(prev, f.speaker_tok, resolver, sent_starts)):
                _take(f, prev)
        done.append(f)


def _pronoun(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in SPEAKER_PRONOUNS


def _last_person_statement(done: list[Found], pronoun: Token) -> Found | None:
    for g in reversed(done):
        anchor = _anchor(g)
        if anchor >= pronoun.idx or g.speaker_tok is pronoun:
            continue
        if g.entity is not None and g.entity.type == "PERSON":
            return g
        head = g.speaker_tok
        if g.entity is None and head is not None and g.speaker_name and head.pos_ == "NOUN" \
                and head.lemma_.lower() in PERSON_NOUNS:
            return g  # "the aide", "one of his closest aides"
        # a body's, a document's or no one's statement is passed over: "he" is none of them, and a person
        # named since still stops the walk (``_nobody_between``)
    return None


def _anchor(g: Found) -> int:
    """The latest of the statement's speaker and cue: who is named after it competes with it."""
    spots = [g.content[0]]
    if g.cue is not None:
        spots.append(g.cue[0])
    if g.speaker_tok is not None and g.follows is None:
        spots.append(g.speaker_tok.idx)
    return max(spots)


def _nobody_between(g: Found, pronoun: Token, resolver: SpeakerResolver, sent_starts: list[int]) -> bool:
    a, b = _anchor(g), pronoun.idx
    if bisect.bisect_right(sent_starts, b) - bisect.bisect_right(sent_starts, a) > MAX_SENTENCES:
        return False
    if g.entity is not None and not resolver.fits(g.entity, pronoun):
        return False
    return not any(a < at < b and e is not g.entity and resolver.fits(e, pronoun)
                   for at, e in resolver.person_mentions())


def _take(f: Found, g: Found) -> None:
    if g.entity is f.entity and g.speaker_name == f.speaker_name:
        return
    f.entity, f.speaker_name, f.principal = g.entity, g.speaker_name, g.principal
    if g.coref and g.speaker_tok is f.speaker_tok:
        f.coref = g.coref
        return
    sex = pronoun_gender(f.speaker_tok) if f.speaker_tok is not None else None
    who = g.entity.name if g.entity is not None else g.speaker_name
    f.coref = (f"'{f.speaker_tok.text}' -> {who}: the speaker of the statement before, no other "
               f"{'woman' if sex == 'f' else 'man' if sex == 'm' else 'person'} named since")
