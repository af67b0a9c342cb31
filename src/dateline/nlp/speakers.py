"""Who a speaker phrase refers to: the article's entity for a name, a pronoun or an office.

No coreference model works offline, so this is rules over the entity extractor's groups:
- a phrase that holds (or sits in apposition to) a mention of an entity is that entity;
- "he"/"she" is the last quote's speaker when no other person was named outside quotes since,
  else the subject of the previous sentence when it is a person, else the last person named;
- a definite office noun ("the spokesperson", "the president") is the person holding that
  title or role, the one mentioned last when several do;
- anything else keeps its own words as the name ("a senior official"), or no name at all
  for a pronoun we cannot place.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from spacy.attrs import IDX
from spacy.tokens import Doc, Token

from ..model import Entity
from .events.gender import FEMALE_NAMES, MALE_NAMES, entity_gender, pronoun_gender
from .lexicon import PERSON_PRONOUNS
from .names import PERSON_ROLES

GROUP_PRONOUNS = frozenset({"they", "them", "we", "us", "i", "me", "you", "it", "who", "which", "that"})
ROLE_NOUNS = PERSON_ROLES | frozenset({
    "official", "aide", "adviser", "advisor", "diplomat", "lawmaker", "legislator", "spokesman", "chief",
    "director", "candidate", "nominee", "head", "officer", "representative", "negotiator", "strategist",
    "manager", "chairman",
})
DETERMINERS = ("the ", "The ")


# Whoever speaks *for* someone: the words are theirs, the position their principal's.
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen", "spokeswomen",
                          "mouthpiece", "surrogate", "aide"})
PRESS_ROLES = frozenset({"secretary", "officer", "office", "aide", "adviser", "advisor"})  # with "press" before


# Words that head a phrase which cannot speak: times and events ("a suicide attack", "Tuesday, saying ...")
# and page furniture verbs read as nouns ("Scroll", "Click"). Documents, polls and clips do speak in news
# ("the poll shows", "the clip says"), so they are not here.
NOT_SPEAKERS = frozenset({
    "attack", "bombing", "blast", "explosion", "shooting", "crash", "caption", "conference", "meeting",
    "interview", "rally", "hearing", "session", "day", "night", "week", "month", "year", "morning", "evening",
    "afternoon", "weekend", "time", "scroll", "click", "share", "advertisement", "language", "check", "query", "public",
})
# Texts that speak in news ("the report said", "a statement read"): a source of its own, never the person or
# body behind it, who is the principal ("a statement from the ministry", "the company's filing").
# Who speaks for the one whose they are: "Powell's office", "the Trump campaign", "Labour's deputy minister".
STAFF_NOUNS = frozenset({
    "office", "campaign", "team", "staff", "camp", "aide", "adviser", "advisor", "lawyer", "attorney", "counsel",
    "representative", "official", "administration", "government", "ministry", "department", "watchdog",
    "agency", "press", "secretary", "spokesman", "spokeswoman", "spokesperson",
})
DOCUMENT_NOUNS = frozenset({
    "statement", "report", "letter", "memo", "memorandum", "study", "survey", "poll", "document", "filing",
    "communique", "communiqué", "declaration", "release", "complaint", "lawsuit", "suit", "indictment",
    "ruling", "order", "analysis", "audit", "review", "assessment", "finding", "findings", "paper", "note",
    "email", "e-mail", "tweet", "post", "ad", "video", "footage", "recording", "transcript",
    "bylaws", "rules", "guidelines", "resolution", "motion", "petition", "submission", "brief", "affidavit",
    "website", "book", "article", "form", "disclosure", "editorial", "column", "cable", "dossier", "plan", "proposal", "bill",
})
ORIGIN_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})  # where a speaker is from
MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "npadvmod"})
NUMBER_LABELS = frozenset({"DATE", "TIME"})  # "63 percent said": respondents do speak


def cannot_speak(head: Token) -> bool:
    """True for a speaker phrase's head that names no person, organisation, role or document."""
    if head.pos_ == "PRON":
        return False
    if head.ent_type_ in NUMBER_LABELS:
        return True
    return head.lemma_.lower() in NOT_SPEAKERS or head.lower_ in NOT_SPEAKERS or not any(c.isalpha() for c in head.text)


@dataclass(slots=True)
class Resolved:
    entity: Entity | None
    name: str | None
    principal: str | None = None
    coref: str = ""  # the coreference link the speaker was read through, if any (nlp.coref_chains)


@dataclass(slots=True)
class SpeakerResolver:
    """Built once per article; answers "who is this phrase?" for speaker spans."""

    doc: Doc
    entities: tuple[Entity, ...]
    quoted: list[tuple[int, int]]  # character spans of quotation-mark stretches (mentions there don't count)
    chains: Any = None  # nlp.coref_chains.Chains of the article, or None
    _token_entity: dict[int, Entity] = field(default_factory=dict)
    _person_mentions: list[tuple[int, Entity]] = field(default_factory=list)  # (char start, entity), sorted
    _starts: list[int] = field(default_factory=list)
    _genders: dict[str, str | None] = field(default_factory=dict)  # entity id -> 'f', 'm' or None

    def __post_init__(self) -> None:
        self._starts = self.doc.to_array(IDX).tolist()  # token offsets without making a Token each
        for e in self.entities:
            for m in e.mentions:
                for i in self._tokens(m.span.start, m.span.end):
                    # a longer mention wins a token over a shorter one of another entity
                    self._token_entity.setdefault(i, e)
                if e.type == "PERSON" and not self._in_quote(m.span.start):
                    self._person_mentions.append((m.span.start, e))
        self._person_mentions.sort(key=lambda x: x[0])

    def _tokens(self, start: int, end: int) -> range:
        a = bisect.bisect_right(self._starts, start) - 1
        b = bisect.bisect_left(self._starts, end)
        return range(max(a, 0), max(b, 0))

    def _in_quote(self, char: int) -> bool:
        return any(a <= char < b for a, b in self.quoted)

    def entity_at(self, tok: Token) -> Entity | None:
        return self._token_entity.get(tok.i)

    def resolve(self, head: Token, span_tokens: list[Token], *, last_speaker: Entity | None,
                last_speaker_at: int = -1) -> Resolved:
        """The entity and name for a speaker phrase whose head is ``head``."""
        spokes = _spokes_head(head, span_tokens)
        if spokes is not None:
            return self._spokesperson(head, spokes, span_tokens)
        if head.lemma_.lower() in DOCUMENT_NOUNS and self.entity_at(head) is None:
            return self._document(head, span_tokens)
        e = self.entity_at(head)
        if e is None and head.pos_ == "PROPN":
            e = self.by_surname(head)  # "Labour's Mr Livingstone": the man, not the party before him
        if e is None:
            named = next((self._appos_entity(c) for c in head.children if c.dep_ == "appos"), None)
            owner = self.owner_of(head) if named is None or named.type != "PERSON" else None
            if owner is not None:  # "Schilling's son", "the Clinton team": someone of theirs speaks
                speaks_for = head.lemma_.lower() in STAFF_NOUNS or head.lemma_.lower() in ROLE_NOUNS
                return Resolved(None, _phrase(span_tokens) or None, owner.name if speaks_for else None)
            for t in [*reversed(span_tokens), *(c for c in head.children if c.dep_ == "appos")]:
                if self._place_modifier(t, head):
                    continue  # "the Vermont senator" is the senator, not Vermont
                e = self.entity_at(t) or (self._appos_entity(t) if t.dep_ == "appos" else None)
                if e is not None:
                    break
        if e is not None and head.lower_ in PERSON_PRONOUNS and (e.type != "PERSON" or self._other_sex(e, head)):
            e = None  # a pronoun the article's mentions gave to a body or to a person of the other sex
        if e is not None:
            return Resolved(e, e.name, _title_principal(e))
        chained = self._chained(head, span_tokens)
        if chained is not None:
            return chained
        named = self.by_surname(head) if len(span_tokens) == 1 else None
        if named is not None:
            return Resolved(named, named.name, _title_principal(named))
        low = head.lower_
        if head.pos_ == "PRON" or low in PERSON_PRONOUNS or low in GROUP_PRONOUNS:
            if low in PERSON_PRONOUNS:
                p = self.person_before(head, last_speaker=last_speaker, last_speaker_at=last_speaker_at)
                return Resolved(p, p.name if p else None)
            return Resolved(None, None)
        if head.lemma_.lower() in ROLE_NOUNS and _definite(span_tokens):
            p = self.office_holder(head, span_tokens)
            if p is not None:
                return Resolved(p, p.name)
        text = _phrase(span_tokens)
        return Resolved(None, text or None)

    def _chained(self, head: Token, span_tokens: list[Token]) -> Resolved | None:
        """ "he", "the president", "Ruiz" bound by the article's coreference to a named person or body."""
        if self.chains is None or not (head.pos_ in ("PRON", "PROPN") or head.lower_ in PERSON_PRONOUNS
                                       or head.pos_ == "NOUN" and _definite(span_tokens)):
            return None  # "officials said": no chain to ask for, so none is built
        link = self.chains.link(head)
        if link is None or link.entity.type not in ("PERSON", "ORG", "GPE", "NORP"):
            return None
        if head.lower_ in PERSON_PRONOUNS and (link.entity.type != "PERSON" or self._other_sex(link.entity, head)):
            return None  # "he" or "she" is a person, never a place or a body, nor "he" a Jessica
        if link.kind == "pronoun" and head.lower_ not in PERSON_PRONOUNS and link.entity.type == "PERSON":
            return None  # "it" or "they" is no one person
        e = link.entity
        return Resolved(e, e.name, _title_principal(e), coref=link.describe())

    def _spokesperson(self, head: Token, spokes: Token, span_tokens: list[Token]) -> Resolved:
        """ "Blair's spokesman", "a spokeswoman for the ministry", "Kremlin spokesman Dmitry Peskov":
        the spokesperson is the speaker (named when the phrase names them), the one they speak for the
        principal: a possessor, a "for"/"of" object, or the name before the role noun."""
        own = self.entity_at(head) if head is not spokes else None
        if own is None:
            own = next((self._appos_entity(c) for c in head.children if c.dep_ == "appos"), None)
        principal_toks = _principal_tokens(spokes)
        principal = None
        if principal_toks:
            e = next((self.entity_at(t) for t in reversed(principal_toks) if self.entity_at(t) is not None), None)
            principal = e.name if e is not None and e is not own else _phrase(principal_toks) or None
        if own is None and head is spokes and _definite(span_tokens) and not principal_toks:
            own = self.office_holder(head)  # "the spokesperson said", named earlier as one
        if own is not None:
            return Resolved(own, own.name, principal or _title_principal(own))
        return Resolved(None, _phrase(span_tokens) or None, principal)

    def by_surname(self, tok: Token) -> Entity | None:
        """The one person of the article whose name ends with this capitalised word ("Sanders" in a headline
        the tagger read without entities)."""
        if tok.pos_ not in ("PROPN", "NOUN") or not tok.text[:1].isupper() or len(tok.text) < 3:
            return None
        people = {e.id: e for e in self.entities if e.type == "PERSON" and len(e.name.split()) > 1
                  and e.name.split()[-1] == tok.text}
        return next(iter(people.values())) if len(people) == 1 else None

    def owner_of(self, head: Token) -> Entity | None:
        """Whose the speaking noun is: a possessor ("Schilling's son", "the UK's spending watchdog") or a
        person's name before it ("the Clinton team"). The noun speaks; for them only when it is their staff,
        office or role ("Powell's office", "the Trump campaign"), not "Trump's opponents"."""
        if head.pos_ != "NOUN":
            return None
        for c in head.children:
            if c.dep_ not in ("poss", "compound") or c.i > head.i:
                continue
            e = next((self.entity_at(t) for t in c.subtree if self.entity_at(t) is not None), None)
            if e is not None and (c.dep_ == "poss" or e.type == "PERSON"):
                return e
        return None

    def _place_modifier(self, tok: Token, head: Token) -> bool:
        """A place or nationality modifying a people noun ("the Vermont senator", "Iraqi officials"): where the
        speaker is from, not who speaks."""
        e = self.entity_at(tok)
        return (tok.i != head.i and tok.dep_ in MODIFIER_DEPS and e is not None and e.type in ORIGIN_LABELS
                and head.pos_ == "NOUN" and self.entity_at(head) is None)

    def _document(self, head: Token, span_tokens: list[Token]) -> Resolved:
        """ "the report said", "a statement from the ministry": the document speaks under its own words, the
        one who issued it is the principal."""
        toks = _principal_tokens(head, document=True)
        principal = None
        if toks:
            e = next((self.entity_at(t) for t in reversed(toks) if self.entity_at(t) is not None), None)
            principal = e.name if e is not None else _phrase(toks) or None
        return Resolved(None, _phrase(span_tokens) or None, principal)

    def _appos_entity(self, tok: Token) -> Entity | None:
        return next((self.entity_at(t) for t in tok.subtree if self.entity_at(t) is not None), None)

    def person_before(self, tok: Token, *, last_speaker: Entity | None, last_speaker_at: int) -> Entity | None:
        """The person a "he"/"she" at ``tok`` most likely is."""
        at = tok.idx
        k = bisect.bisect_left(self._person_mentions, at, key=lambda x: x[0])
        # "she" is never a man the article calls "he" or "Mr"; a person of unknown gender fits either
        before = [(s, e) for s, e in self._person_mentions[:k] if self._fits(e, tok)]
        if last_speaker is not None and last_speaker.type == "PERSON" and self._fits(last_speaker, tok):
            others = [e for s, e in before if s > last_speaker_at and e is not last_speaker]
            if not others:
                return last_speaker
        subj = self._previous_subject(tok)
        if subj is not None and self._fits(subj, tok):
            return subj
        # the subject of this sentence's main clause, when it is someone else named before the pronoun
        return before[-1][1] if before else None

    def _other_sex(self, e: Entity, pronoun: Token) -> bool:
        """The person's given name is one of the other sex's ("he" for a Jessica): stronger than the article's
        own pronouns, which a parse can tie to the wrong name."""
        want = pronoun_gender(pronoun)
        first = e.name.split()[0].lower() if e.name.split() else ""
        given = "f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else None
        return want is not None and given is not None and given != want

    def person_mentions(self) -> list[tuple[int, Entity]]:
        """(character start, person) of every person's mention outside quotation marks, in text order."""
        return self._person_mentions

    def fits(self, e: Entity, pronoun: Token) -> bool:
        """The person can be "he" or "she" as the pronoun says (the article's gender, else either)."""
        return self._fits(e, pronoun)

    def sex(self, e: Entity) -> str | None:
        """'f', 'm' or None (unknown) for a person, by given name, titles and the article's pronouns."""
        if e.id not in self._genders:
            spans = [(m.span.start, m.span.end) for m in e.mentions]
            self._genders[e.id] = entity_gender(spans, e.titles, e.name, self.doc)
        return self._genders[e.id]

    def _fits(self, e: Entity, pronoun: Token) -> bool:
        want = pronoun_gender(pronoun)
        if want is None:
            return True
        if self._other_sex(e, pronoun):
            return False
        if e.id not in self._genders:
            spans = [(m.span.start, m.span.end) for m in e.mentions]
            self._genders[e.id] = entity_gender(spans, e.titles, e.name, self.doc)
        got = self._genders[e.id]
        return got is None or got == want

    def _previous_subject(self, tok: Token) -> Entity | None:
        """The person who is the main subject of the sentence before; through a run of sentences whose
        subject is the same pronoun ("Lee spoke first. She then ... . 'Quote,' she said"), the person
        that run started from."""
        sent = tok.sent
        for _ in range(3):
            if sent.start == 0:
                return None
            sent = self.doc[sent.start - 1].sent
            subj = next((t for t in sent if t.dep_ in ("nsubj", "nsubjpass") and t.head.dep_ == "ROOT"
                         and not self._in_quote(t.idx)), None)
            if subj is None:
                return None
            e = self.entity_at(subj)
            if e is not None:
                return e if e.type == "PERSON" else None
            if subj.lower_ != tok.lower_:
                return None
        return None

    def office_holder(self, head: Token, span_tokens: list[Token] = ()) -> Entity | None:
        """The person named before whose title holds the role noun; not one the phrase's other words
        contradict ("the health minister" is not the prime minister, ``coref_descriptions.vetoed``)."""
        from .coref_descriptions import vetoed

        word = head.lemma_.lower()
        holders = [e for e in self.entities if e.type == "PERSON" and word in _role_words(e)
                   and not (span_tokens and vetoed(span_tokens, {*e.titles, e.role or ""}, e.country))]
        if not holders:
            return None
        if len(holders) == 1:
            return holders[0]

        def last_before(e: Entity) -> int:
            return max((m.span.start for m in e.mentions if m.span.start < head.idx), default=-1)

        return max(holders, key=last_before)


def _role_words(e: Entity) -> set[str]:
    words: set[str] = set()
    for t in (*e.titles, e.role or ""):
        words.update(w for w in re.split(r"[\s\-]+", t.lower()) if w)
    return words


def _definite(tokens: list[Token]) -> bool:
    return bool(tokens) and (tokens[0].lower_ in ("the", "this", "that") or tokens[0].dep_ == "poss")


def _phrase(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    text = tokens[0].doc[tokens[0].i:tokens[-1].i + 1].text.strip()
    for d in DETERMINERS:
        if text.startswith(d):
            text = text[len(d):]
    return " ".join(text.split())


def _title_principal(e: Entity) -> str | None:
    """Whom a person speaks for by the title the article gave them: "White House spokesperson" -> "White
    House" (the words before the role noun, less determiners and a possessive's ending)."""
    for title in e.titles:
        words = title.split()
        at = next((k for k, w in enumerate(words) if w.lower().strip(",.") in SPOKES_NOUNS), None)
        if at is None:
            continue
        before = [w for w in words[:at] if w.lower() not in ("a", "an", "the", "press", "chief", "senior", "deputy")]
        text = " ".join(before)
        for end in ("'s", "’s"):
            text = text[:-len(end)] if text.endswith(end) else text
        if text and text[0].isupper():
            return text
    return None


def _spokes_head(head: Token, span_tokens: list[Token]) -> Token | None:
    """The role noun of a spokesperson in the speaker phrase: its head ("the spokesman") or the title
    before a name ("Kremlin spokesman Dmitry Peskov")."""
    for t in [head, *(t for t in span_tokens if t.i < head.i)]:
        low = t.lemma_.lower()
        if t.lower_ in SPOKES_NOUNS or low in SPOKES_NOUNS:
            return t
        if low in PRESS_ROLES and any(c.lower_ == "press" for c in t.children):
            return t
    return None


def _principal_tokens(spokes: Token, *, document: bool = False) -> list[Token]:
    """Whom the role noun speaks for: "Blair's", "for the ministry", "of the company", or the words
    before it that are not its own determiners or adjectives ("Kremlin", "White House", "the ministry's").
    A document's is also who it is from ("a statement from the ministry", "by the senator")."""
    preps = ("for", "of", "to", "from", "by") if document else ("for", "of", "to")
    for c in spokes.children:
        if c.dep_ == "poss":
            return [t for t in c.subtree if t.dep_ != "case" and t.text not in ("'s", "’s", "'")]
        if c.dep_ == "prep" and c.lower_ in preps:
            obj = next((o for o in c.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return [t for t in obj.subtree if not t.is_punct][:8]
    before = [t for t in spokes.lefts if t.dep_ in ("compound", "nmod", "amod") and t.lower_ not in ("press", "chief",
                                                                                                    "senior", "deputy")]
    if before and any(t.pos_ == "PROPN" or t.ent_type_ for t in before):
        return [t for b in before for t in b.subtree if t.dep_ != "case" and not t.is_punct]
    return []
