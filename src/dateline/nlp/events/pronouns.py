"""Pronouns as event arguments: whom "he", "it", "they", "himself" or a quoted "I" stand for."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Token

from ...model import ActorRef, Entity, Span
from ..lexicon import PERSON_PRONOUNS, RELATIVE_PRONOUNS
from .gender import entity_gender, pronoun_gender
from .phrases import split_coordination, whole_phrase
from .refs import as_pronoun, code_for, span_ref

THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
REFLEXIVES = frozenset({"himself", "herself", "itself", "themselves"})
CAPITAL_SECTOR = "GOV"  # a capital as an actor stands for its government (PLOVER GSR convention)


def resolve_pronoun(r: Any, tok: Token, speaker: list[ActorRef] | None) -> list[ActorRef]:
    """The actor a pronoun stands for: the speaker for "I"/"we" and for a pronoun in their words,
    the clause's subject for a reflexive, else the nearest fitting entity before it; or none."""
    low = tok.lower_
    owner = relative_owner(tok)
    if owner is not None:  # "the agency, which runs its own inquiry": the agency's inquiry
        return [as_pronoun(a, tok, f"'{tok.text}' is in a clause about {owner.text}, whose it is")
                for a in r.resolve(owner)]
    if low in FIRST_PERSON or (speaker and low in THING_PRONOUNS | PERSON_PRONOUNS and in_speech(tok)):
        if speaker:
            return [as_pronoun(s, tok, f"'{tok.text}' refers to the speaker {s.name}") for s in speaker]
        return []
    if low in REFLEXIVES:
        subj = clause_subject(tok)  # "Tom Hale defended himself": the subject, whoever it is
        if subj is None or subj.i == tok.i:
            return []
        return [as_pronoun(a, tok, f"'{tok.text}' is the subject of its clause, {a.name}")
                for a in r.resolve(subj)]
    from .chains import pronoun_party

    chained = pronoun_party(r, tok)  # the article's coreference, where it binds the pronoun
    if chained is not None:
        return chained
    types = ("PERSON",) if low in PERSON_PRONOUNS else ("GPE", "ORG", "NORP")
    best = antecedent(r, tok, types)
    if best is None:
        return _plural_subject_before(r, tok) if low in PLURAL_PRONOUNS else []
    start, ent = best
    sector = ent.sector or (CAPITAL_SECTOR if ent.role == "capital" else None)
    return [ActorRef(text=tok.text, name=ent.name, span=Span(start=tok.idx, end=tok.idx + len(tok.text),
                                                               text=tok.text),
                     refers_to=phrase_from(tok, start),
                     entity_id=ent.id, country=ent.country, sector=sector, code=code_for(ent.country, sector),
                     coding=f"'{tok.text}' refers to {ent.name}, the nearest {'/'.join(types).lower()} before it"
                            + (" that agrees with it" if pronoun_gender(tok) else "")
                            + (f"; {ent.coding}" if ent.coding else ""))]

PLURAL_PRONOUNS = frozenset({"they", "them", "their"})


def _plural_subject_before(r: Any, tok: Token) -> list[ActorRef]:
    """ "Several senators spoke after the speech. They criticised the plan": with no name to go back to,
    "they" is the plural subject of the sentence before, when that names a kind of party (an agent noun)."""
    start = sentence_start(tok.doc, tok.sent.start, 1)
    if start is None:
        return []
    subj = next((t for t in start if t.dep_ == "nsubj" and t.head.dep_ == "ROOT" and t.tag_ in ("NNS", "NNPS")),
                None)
    if subj is None:
        return []
    got = [a for a in r.resolve(subj) if a.sector or a.code]
    return [as_pronoun(a, tok, f"'{tok.text}' is the plural subject of the sentence before, {subj.text}")
            for a in got]


def phrase_from(tok: Token, start: int) -> Span | None:
    """The whole phrase of the mention that starts at character ``start``, which a pronoun stands for."""
    got = tok.doc.char_span(start, start + 1, alignment_mode="expand")
    if got is None or not len(got):
        return None
    head = got[0]
    while head.dep_ in ("compound", "flat") and head.head.i > head.i:
        head = head.head  # "the White House": from "White" to "House"
    part = next((p for p in split_coordination(head) if p.head.i == head.i), None)
    if part is None:
        return None
    whole = whole_phrase(part)
    if whole.start_char <= tok.idx < whole.end_char:
        return None  # not a phrase apart from the pronoun
    return span_ref(whole)


def antecedent(r: Any, tok: Token, types: tuple[str, ...]) -> tuple[int, Entity] | None:
    """Where the nearest fitting entity before the pronoun is named, and the entity: in its sentence
    first, then the subjects of the two sentences before. "He" is no woman's and "she" no man's, where the article shows which
    they are; "him" or "her" as an object is not the subject of its own verb ("Tom praised him")."""
    doc = tok.doc
    sent = tok.sent
    want = pronoun_gender(tok)
    other = co_subject(r, tok)
    cands = [(s, e) for s, e in r.mentions.before(tok.idx, types=types)
             if e.id != other and (want is None or gender(r, e) in (None, want))]
    if not cands:
        return None
    in_sent = [(s, e) for s, e in cands if s >= sent.start_char]
    if in_sent:
        return in_sent[-1]
    for back in range(1, 3):
        start = sentence_start(doc, sent.start, back)
        if start is None:
            break
        window = [(s, e) for s, e in cands if start.start_char <= s < (start.end_char)]
        subj = [(s, e) for s, e in window if is_subject_at(doc, s)]
        if subj:
            return subj[0]
        if window:
            return window[-1]
    return None  # nothing fitting nearby: a pronoun with no clear antecedent names no one

def gender(r: Any, ent: Entity) -> str | None:
    """An entity's gender, found once per article."""
    if ent.id not in r._genders:
        r._genders[ent.id] = entity_gender([(m.span.start, m.span.end) for m in ent.mentions],
                                              ent.titles, ent.name, r.ctx.doc) if ent.type == "PERSON" else None
    return r._genders[ent.id]

def co_subject(r: Any, tok: Token) -> str | None:
    """The entity that is the subject of the verb an object pronoun hangs on, which the pronoun is not."""
    if tok.dep_ not in ("dobj", "dative", "pobj") or tok.lower_ in ("his", "its", "their"):
        return None
    verb = tok.head.head if tok.dep_ == "pobj" else tok.head
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    got = r.mentions.covering(subj.idx, subj.idx + len(subj.text))
    return got[0].id if got is not None else None


def in_speech(tok: Token) -> bool:
    """Is the token inside a clause reported by a verb of saying ("Hungary said it will ...")?"""
    from ..lexicon import SPEECH_VERBS

    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            return True
        t = t.head
    return False


def sentence_start(doc, sent_start: int, back: int):
    sents = list(doc.sents) if not hasattr(doc, "_dl_sents") else doc._dl_sents
    idx = next((k for k, s in enumerate(sents) if s.start == sent_start), None)
    if idx is None or idx - back < 0:
        return None
    return sents[idx - back]


def is_subject_at(doc, char: int) -> bool:
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return False
    t = tok[0]
    while t.dep_ in ("compound", "flat", "amod") and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def relative_owner(tok: Token) -> Token | None:
    """ "The bureau, which is running its own inquiry", "the rebels, who lost their base": "its" or "their"
    in a relative clause whose subject is the relative pronoun belongs to the noun the clause describes."""
    if tok.lower_ not in ("its", "their") or tok.dep_ != "poss":
        return None
    t = tok.head
    for _ in range(5):
        if t.dep_ == "relcl":
            subj = next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in RELATIVE_PRONOUNS:
                return t.head
            return None
        if t.head.i == t.i or t.dep_ in ("ccomp", "advcl", "parataxis"):
            return None
        t = t.head
    return None


def clause_subject(tok: Token) -> Token | None:
    """The subject of the verb a word hangs on ("defended himself", "a letter to itself")."""
    t = tok.head
    while t.pos_ not in ("VERB", "AUX") and t.head.i != t.i:
        t = t.head
    return next((c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def acronym_name(tok: Token) -> bool:
    """ "US" the country, not "us": an upper-case word the tagger calls a name."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.ent_type_ in ("GPE", "ORG", "NORP")
