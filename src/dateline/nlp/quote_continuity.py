"""Speaker continuity: "he" or "she" as a speaker is, first of all, the person whose statement came just before.

News reports one speaker for several sentences at a time ('"We will appeal," the mayor said. ... He said the
costs were ...'), and a reader takes "he" as the same speaker unless someone else of that sex has been named
since. The quote reader attributes each statement on its own, direct quotes before reported speech, so a
pronoun can be bound to a person named inside a quotation or only as an object. This pass runs once every
statement is found: in text order, a pronoun speaker takes the speaker of the statement before it when that
one is a person (named, or a person noun such as "the aide") within a few sentences and no other person of
the pronoun's sex is named outside quotation marks and outside reported speech in between. A definite person
noun that nothing else bound ("the tycoon said", "the Spectator editor told") is read the same way, from a
named person whose offices do not contradict it. Statements that continue another one (a quote with no cue of
its own) follow that one's speaker after it is settled.
"""

from __future__ import annotations

import bisect

from spacy.tokens import Token

from .events.gender import pronoun_gender
from .events.sense import noun_table
from .names import KIN, PERSON_ROLES
from .quote_parse import Found, inherit
from .speakers import DOCUMENT_NOUNS, ROLE_NOUNS, SPOKES_NOUNS, SpeakerResolver

SPEAKER_PRONOUNS = frozenset({"he", "she"})
MAX_SENTENCES = 6  # how far back the statement before may lie
PERSON_NOUNS = ROLE_NOUNS | SPOKES_NOUNS | frozenset({"one", "source", "man", "woman", "resident", "witness"})
# Nouns news uses to name again a person it has just named, by trade, standing or wealth ("the tycoon said",
# "the veteran lawmaker told reporters"), beside offices (names.PERSON_ROLES), kin and people nouns.
EPITHETS = frozenset({
    "tycoon", "magnate", "mogul", "billionaire", "millionaire", "businessman", "businesswoman", "entrepreneur",
    "executive", "founder", "owner", "boss", "editor", "publisher", "journalist", "columnist", "broadcaster",
    "politician", "lawmaker", "legislator", "veteran", "activist", "campaigner", "pollster", "economist",
    "analyst", "expert", "scientist", "researcher", "professor", "academic", "lawyer", "author", "writer",
    "novelist", "artist", "painter", "singer", "actor", "actress", "star", "musician", "player", "coach",
    "athlete", "doctor", "surgeon", "priest", "bishop", "cleric", "imam", "rabbi", "pastor", "teacher",
    "farmer", "worker", "student", "mother", "father", "grandmother", "grandfather", "widow", "survivor",
    "victim", "donor", "investor", "banker", "trader", "developer", "designer", "engineer", "official",
})
MALE_NOUNS = frozenset({"man", "businessman", "father", "grandfather", "actor", "king", "prince", "chairman",
                        "spokesman", "congressman"})
FEMALE_NOUNS = frozenset({"woman", "businesswoman", "mother", "grandmother", "actress", "widow", "queen",
                          "princess", "chairwoman", "spokeswoman", "congresswoman"})


def position(f: Found) -> int:
    """Where a statement starts in the text: its speaker, cue or content, whichever comes first."""
    own = [f.content[0]]
    if f.cue is not None:
        own.append(f.cue[0])
    return min(own)


def settle_pronouns(found: list[Found], resolver: SpeakerResolver, sent_starts: list[int]) -> None:
    """Rebind pronoun and epithet speakers by continuity (see the module docstring); ``sent_starts`` are the
    character offsets of the article's sentences."""
    said = [g.content for g in found if g.kind != "direct"]  # what was reported: names there are not the story's
    done: list[Found] = []
    for f in sorted(found, key=position):
        if f.follows is not None:
            if f.follows.speaker_name != f.speaker_name or f.follows.entity is not f.entity:
                inherit(f, f.follows, cue=False)
        elif _pronoun(f.speaker_tok) or _epithet(f):
            twin = next((g for g in done if g.cue is not None and g.cue == f.cue and g.speaker_tok is f.speaker_tok),
                        None)  # '"A," he said, adding that B': one speaker for both
            prev = twin or _last_person_statement(done, f.speaker_tok, named=not _pronoun(f.speaker_tok))
            if prev is not None and (twin is not None or _nobody_between(prev, f.speaker_tok, resolver, sent_starts,
                                                                         said)):
                _take(f, prev)
        done.append(f)


def _epithet(f: Found) -> bool:
    """ "the gambling tycoon said", "the Spectator editor told": a definite person noun that the article's
    names and offices left unbound."""
    head = f.speaker_tok
    if f.entity is not None or head is None or head.pos_ != "NOUN" or head.tag_ != "NN":
        return False
    first = head.left_edge
    if first.lower_ != "the" or any(c.dep_ in ("prep", "relcl", "acl", "appos") for c in head.children):
        return False  # "the man who sold it", "the head of the bank": described, so someone new
    low = head.lemma_.lower()
    return low in EPITHETS or low in PERSON_ROLES or low in ROLE_NOUNS or low in KIN or noun_table().get(low) == "person"


def _pronoun(tok: Token | None) -> bool:
    return tok is not None and tok.lower_ in SPEAKER_PRONOUNS


def _last_person_statement(done: list[Found], pronoun: Token, *, named: bool = False) -> Found | None:
    """The latest statement before ``pronoun`` by a person (``named``: a named one only)."""
    for g in reversed(done):
        anchor = _anchor(g)
        if anchor >= pronoun.idx or g.speaker_tok is pronoun:
            continue
        head = g.speaker_tok
        if g.entity is not None and g.entity.type == "PERSON":
            return g
        if head is None or not g.speaker_name or _not_a_person(g):
            continue  # no one's, a place's, a body's or a text's statement: "he" is none of them, and a person
            # named since still stops the walk (``_nobody_between``)
        if not named and g.entity is None and (head.pos_ == "NOUN" and head.lemma_.lower() in PERSON_NOUNS
                                               or head.lower_ in SPEAKER_PRONOUNS):
            return g  # "the aide", "one of his closest aides", and "he" read as the aide before
        return None  # someone unnamed, or a name typed as a body, spoke last: too unsure to go on
    return None


def _not_a_person(g: Found) -> bool:
    head = g.speaker_tok
    if g.entity is not None:
        # "the company said" is a body; a name typed as a place or a body ("Ruiz said") may be a person
        return head.pos_ != "PROPN"
    low = head.lemma_.lower()
    return low in DOCUMENT_NOUNS or noun_table().get(low, "person") != "person"


def _anchor(g: Found) -> int:
    """The latest of the statement's speaker and cue: who is named after it competes with it."""
    spots = [g.content[0]]
    if g.cue is not None:
        spots.append(g.cue[0])
    if g.speaker_tok is not None and g.follows is None:
        spots.append(g.speaker_tok.idx)
    return max(spots)


def _nobody_between(g: Found, word: Token, resolver: SpeakerResolver, sent_starts: list[int],
                    said: list[tuple[int, int]]) -> bool:
    """No one else the pronoun or epithet ``word`` could be is named between the statement ``g`` and it,
    outside quotation marks and outside what was reported, and ``g``'s person can be it."""
    a, b = _anchor(g), word.idx
    if bisect.bisect_right(sent_starts, b) - bisect.bisect_right(sent_starts, a) > MAX_SENTENCES:
        return False
    if g.entity is not None and not _can_be(g.entity, word, resolver):
        return False
    return not any(a < at < b and e is not g.entity and _can_be(e, word, resolver)
                   and not any(x <= at < y for x, y in said) for at, e in resolver.person_mentions())


def _can_be(e, word: Token, resolver: SpeakerResolver) -> bool:
    if word.pos_ == "PRON":
        return resolver.fits(e, word)
    low = word.lemma_.lower()
    sex = resolver.sex(e)
    if low in MALE_NOUNS and sex == "f" or low in FEMALE_NOUNS and sex == "m":
        return False
    # an office is not held by someone the article gives another office ("the president" is not the mayor)
    held = {w.lower().strip(",.") for t in e.titles for w in t.split()} & PERSON_ROLES
    return low not in PERSON_ROLES or not held or low in held


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
