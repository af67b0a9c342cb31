"""Who an event argument is: a noun phrase on the parse resolved to an ActorRef.

Order of evidence, each step recorded in ``ActorRef.coding``:

1. coordination is split first: "the United States and Jordan", "Hungarian and Romanian officials";
2. pronouns go to the person or body they stand for ("his", "it" after "Hungary said");
3. "the two leaders", "both sides" go to the two parties last named;
4. an entity of the article (``ctx.entities``) that the phrase mentions gives name, country and sector,
   a capital standing for its government ("Seoul" -> KOR GOV);
5. otherwise the dictionaries: a known actor or a country named inside the phrase (by name, demonym or
   capital) and an agent noun for the sector ("North Korean officials" -> PRK GOV,
   "Chinese state media" -> CHN MED).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...model import ActorRef, Entity, Span
from ..lexicon import PERSON_PRONOUNS, RELATIVE_PRONOUNS
from ..names import KIN
from .phrases import (
    Part,
    _actor_like,
    _alternatives,
    _is_pair,
    _is_the_country,
    _partitive_of,
    np_span,
    split_coordination,
)

THING_PRONOUNS = frozenset({"it", "its", "they", "them", "their", "itself", "themselves"})
FIRST_PERSON = frozenset({"we", "us", "our", "i", "me", "my"})
NON_ACTOR_ENTS = frozenset({"LOC", "FAC", "EVENT", "WORK_OF_ART", "LAW", "PRODUCT", "LANGUAGE"})
CAPITAL_SECTOR = "GOV"  # a capital as an actor stands for its government (PLOVER GSR convention)
CITY_SECTOR = "CVL"


@dataclass(slots=True)
class Mentions:
    """Character offsets of every entity mention in the article, for matching argument tokens."""

    items: list[tuple[int, int, Entity, str]] = field(default_factory=list)  # start, end, entity, kind

    @classmethod
    def of(cls, entities: tuple[Entity, ...]) -> "Mentions":
        items = [(m.span.start, m.span.end, e, m.kind) for e in entities for m in e.mentions]
        items.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        return cls(items)

    def covering(self, start: int, end: int) -> tuple[Entity, str, int, int] | None:
        """The longest mention that covers [start, end), or the longest inside it."""
        best = None
        for s, e, ent, kind in self.items:
            if s <= start and end <= e or start <= s and e <= end:
                if best is None or (e - s) > (best[3] - best[2]):
                    best = (ent, kind, s, e)
        return best

    def before(self, pos: int, *, types: tuple[str, ...]) -> list[tuple[int, Entity]]:
        return [(s, ent) for s, e, ent, _ in self.items if e <= pos and ent.type in types]


@dataclass(slots=True)
class ActorResolver:
    """Resolves argument tokens of one article; keeps what it needs across sentences."""

    ctx: Any
    mentions: Mentions = field(init=False)
    on: Any = field(init=False)
    _memo: dict = field(init=False)  # (head, speaker) -> actors: the same argument serves several events

    def __post_init__(self) -> None:
        self.mentions = Mentions.of(self.ctx.entities)
        self.on = self.ctx.published_date
        self._memo = {}

    # -- entry point --------------------------------------------------------------------------
    def resolve(self, head: Token, *, speaker: list[ActorRef] | None = None) -> list[ActorRef]:
        """One ActorRef per coordinated part of the phrase headed by ``head`` (may be empty); parts
        that name no actor are dropped when others do ("Lions, tigers, and Gondor")."""
        key = (head.i, tuple(speaker) if speaker else None)
        if key not in self._memo:
            self._memo[key] = self._resolve(head, speaker=speaker)
        return list(self._memo[key])

    def _resolve(self, head: Token, *, speaker: list[ActorRef] | None = None) -> list[ActorRef]:
        out: list[ActorRef] = []
        for part in split_coordination(head, self.ctx.resources.agents, self._trigger_noun):
            for a in self._one(part, speaker=speaker):
                out.extend(_alternatives(a))
        if len(out) > 1 and any(a.country or a.code for a in out):
            out = [a for a in out if a.country or a.code]
        seen, unique = set(), []
        for a in out:
            key = (a.name, a.country, a.sector, a.span.start if a.span else None)
            if key not in seen:
                seen.add(key)
                unique.append(a)
        return unique

    def _one(self, part: "Part", *, speaker: list[ActorRef] | None) -> list[ActorRef]:
        h = part.head
        low = h.lower_
        if low in RELATIVE_PRONOUNS and h.dep_ in ("nsubj", "nsubjpass", "dobj") and h.head.dep_ == "relcl":
            return self._one(Part(h.head.head, np_span(h.head.head, agents=self.ctx.resources.agents)),
                             speaker=speaker)
        if (h.pos_ == "PRON" or low in PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON) and not _acronym_name(h):
            if low not in PERSON_PRONOUNS | THING_PRONOUNS | FIRST_PERSON:
                return []  # "that", "which", "one": nothing to resolve
            return self._pronoun(h, speaker)
        if _is_the_country(part):
            last = self._last_country(h)
            if last is not None:
                return [last]
        if _is_pair(part):
            pair = self._pair(h)
            if pair:
                return pair
        inner = _partitive_of(h)
        if inner is not None:  # "scores of Liberian refugees", "15 of its observers"
            got = self.resolve(inner, speaker=speaker)
            if any(a.country or a.code for a in got):
                return got
        app = next((c for c in h.children if c.dep_ == "appos" and c.pos_ == "PROPN"), None)
        if app is not None and h.pos_ == "NOUN" and h.lemma_.lower() in KIN:
            # "Kim's father, Kim Jong Il": the name in apposition is who the noun is
            got = self._one(Part(app, np_span(app, agents=self.ctx.resources.agents)), speaker=speaker)
            if got and (got[0].country or got[0].entity_id):
                return got
        span = part.span
        ref = self._span_actor(span, h)
        if ref.country:
            return [ref]
        app = next((c for c in h.children if c.dep_ == "appos"), None)
        if app is not None:  # "Kenzo Oshima, the United Nations Emergency Relief Coordinator"
            got = self._one(Part(app, np_span(app, agents=self.ctx.resources.agents)), speaker=speaker)
            if got and got[0].country:
                a = got[0]
                sector = ref.sector or a.sector
                return [ActorRef(text=ref.text, name=ref.name, span=ref.span, entity_id=ref.entity_id,
                                 country=a.country, sector=sector, code=a.code if not ref.code else
                                 _join_code("", a.code or a.country, sector or ""),
                                 coding=f"{ref.coding}; country {a.country} from the apposition '{a.text}' "
                                        f"({a.coding})")]
        return [ref]

    def _trigger_noun(self, tok: Token) -> bool:
        try:
            return bool(self.ctx.resources.verbs.lookup(tok.lemma_.lower(), "noun"))
        except (KeyError, AttributeError):
            return False

    # -- names, dictionaries, agents ---------------------------------------------------------------
    def _span_actor(self, span, head: Token) -> ActorRef:
        """The actor a phrase names: its base (an article entity, a dictionary actor or a country, with
        the dictionary's code winning for a name it lists) and the agent nouns around it
        ("MSF Arnor diplomat" -> NGO + ARN + GOV; "North Korean officials" -> PRK + GOV)."""
        path: list[str] = []
        name, entity_id, country, sector, base = _span_text(span), None, None, None, ""
        used: set[int] = set()
        got = self._mention(span, head)
        if got is not None:
            ent, kind, s, e = got
            used = {t.i for t in span if s <= t.idx < e}
            if not ent.country and self._row(self.ctx.article.text[s:e]) is None:
                used = set()  # a name we cannot place: its words may still hold a known actor
            mention = self.ctx.article.text[s:e]
            row = self._row(mention)
            name, entity_id, sector = ent.name, ent.id, ent.sector
            path.append(f"'{mention}' is a mention ({kind}) of {ent.name}")
            if row is not None:
                country, base = row.country or None, row.code or row.country
                sector = sector or row.sector or None
                path.append(self._row_note(mention, row))
            else:
                country, base = ent.country, ent.country or ""
                if ent.coding:
                    path.append(ent.coding)
            if ent.type in ("GPE", "LOC") and ent.role == "capital" and not sector and row is None:
                sector = CAPITAL_SECTOR
                path.append(f"a capital stands for its government: sector {CAPITAL_SECTOR}")
        if not country:
            hit = self._lookup(span, skip=used)
            if hit is not None:
                how, value, words, text = hit
                used |= words
                if how == "actor":
                    row = value
                    if entity_id is None:
                        name = row.name
                    country, base = row.country or None, row.code or row.country
                    sector = sector or row.sector or None
                    path.append(self._row_note(text, row))
                else:
                    c, found_how = value
                    country, base = c.iso3, c.iso3
                    if entity_id is None:
                        name = c.name
                    path.append(f"country {country} from '{text}' ({found_how})")
                    if found_how == "capital" and not sector:
                        sector = CAPITAL_SECTOR
                        path.append(f"a capital stands for its government: sector {CAPITAL_SECTOR}")
        if not country:
            place = self._place(span)  # "Dalian", "Vladivostok": a city the gazetteer puts in a country
            if place is not None:
                country = place[0]
                base = base or country
                path.append(place[1])
        prefix, suffix, nouns = "", "", []
        if not (entity_id and sector and self._is_person(entity_id)):
            for entry, noun in self._agents(span, head, skip=used):
                p_, s_ = _agent_parts(entry)
                prefix, suffix = prefix + p_, suffix + s_
                nouns.append(noun)
                path.append(f"sector {entry.sector} from agent noun '{noun}'")
                if not sector or sector == country:
                    sector = entry.sector[:3] if not p_ else sector
        if nouns and country and entity_id is None:
            name = f"{name} {nouns[-1]}" if name.lower() != nouns[-1] else name
        if not path:
            path.append(f"'{_span_text(span)}' names no known actor, country or agent")
        code = _join_code(prefix, base, suffix) if (base or prefix or suffix) else None
        if code and not prefix and not suffix and sector and base and not base.endswith(sector):
            code = _join_code("", base, sector)
        return ActorRef(text=_span_text(span), name=name, span=_span(span), entity_id=entity_id, country=country,
                        sector=sector, code=code, coding="; ".join(path))

    def _place(self, span) -> tuple[str, str] | None:
        toks = list(span)
        if not toks:
            return None
        start, end = toks[0].idx, toks[-1].idx + len(toks[-1].text)
        for p in self.ctx.places:
            if start <= p.span.start and p.span.end <= end and p.resolved is not None and p.resolved.country:
                c = self.ctx.resources.countries.from_code(p.resolved.country)
                if c is not None:
                    return c.iso3, (f"'{p.span.text}' is {p.resolved.name} in {c.iso3} (gazetteer)")
        return None

    def _is_person(self, entity_id: str) -> bool:
        return any(e.id == entity_id and e.type == "PERSON" for e in self.ctx.entities)

    def _row(self, text: str):
        rows = self.ctx.resources.actors.lookup(text, on=self.on)
        return rows[0] if rows else None

    @staticmethod
    def _row_note(text: str, row) -> str:
        dates = f", {row.start or '…'}–{row.end or '…'}" if row.dated else ""
        near = ", nearest period to the article's date" if row.approximate else ""
        return f"'{text}' is dictionary actor '{row.name}' ({row.code or row.country}{dates}{near}; {row.source})"

    def _mention(self, span, head: Token):
        """An article entity the phrase names; the head's own mention first ("Kim" in "Kim's visit")."""
        got = self.mentions.covering(head.idx, head.idx + len(head.text))
        if got is not None:
            return got
        for tok in reversed(list(span)):
            if tok.i > head.i and not _actor_like(head, self.ctx.resources.agents) and head.pos_ != "PROPN":
                continue  # only an agent noun takes its actor from a phrase after it ("officials in X")
            if tok.ent_type_ or tok.pos_ == "PROPN":
                got = self.mentions.covering(tok.idx, tok.idx + len(tok.text))
                if got is not None and got[0].type in ("GPE", "LOC", "ORG", "NORP", "PERSON", "FAC"):
                    return got
        return None

    def _lookup(self, span, *, skip: set[int]):
        """The longest dictionary actor or country named in the phrase (not in ``skip``)."""
        res = self.ctx.resources
        words = [t for t in span if t.i not in skip and not (t.is_punct and t.text not in ("'s", "’s"))]
        n = len(words)
        for size in range(min(6, n), 0, -1):
            for i in range(0, n - size + 1):
                chunk = words[i:i + size]
                if chunk[-1].text in ("'s", "’s", "'") or chunk[-1].dep_ == "det":
                    continue
                if any(b.i - a.i != 1 for a, b in zip(chunk, chunk[1:])):
                    continue
                doc = chunk[0].doc
                after = doc[chunk[-1].i + 1] if chunk[-1].i + 1 < len(doc) else None
                if (chunk[0].ent_iob_ == "I" and chunk[0].ent_type_ in NON_ACTOR_ENTS) or \
                        (after is not None and after.ent_iob_ == "I" and after.ent_type_ in NON_ACTOR_ENTS):
                    continue  # not "China" inside "the South China Sea"
                text = " ".join(t.text for t in chunk)
                first = next((t for t in chunk if t.dep_ != "det"), chunk[0])
                if not any(c.isalpha() for c in text) or not (first.is_title or first.is_upper or
                                                               first.pos_ == "PROPN" or first.ent_type_):
                    continue
                row = self._row(text)
                if row is not None:
                    return "actor", row, {t.i for t in chunk}, text
                found = res.countries.find(text)
                if found is not None:
                    return "country", found, {t.i for t in chunk}, text
        return None

    def _agents(self, span, head: Token, *, skip: set[int]):
        """Agent nouns in the phrase, longest first, left to right ("foreign minister", "MSF")."""
        agents = self.ctx.resources.agents
        toks = [t for t in span if t.i not in skip and t.dep_ not in ("det", "poss", "case", "cc", "punct")
                and t.pos_ in ("NOUN", "PROPN", "ADJ", "VERB", "X") and t.i <= max(head.i, span[0].i)]
        out = []
        i = 0
        while i < len(toks):
            hit = None
            for j in range(min(len(toks), i + 4), i, -1):
                chunk = toks[i:j]
                if any(b.i - a.i != 1 for a, b in zip(chunk, chunk[1:])):
                    continue
                if chunk[-1].pos_ not in ("NOUN", "PROPN", "X"):
                    continue  # "official visit" is no official
                phrase = " ".join(t.text for t in chunk)
                entry = agents.get(phrase)
                if entry is not None:
                    hit = (entry, phrase.lower(), j)
                    break
            if hit is not None:
                out.append((hit[0], hit[1]))
                i = hit[2]
            else:
                i += 1
        return out

    # -- pronouns and pairs ----------------------------------------------------------------------
    def _pronoun(self, tok: Token, speaker: list[ActorRef] | None) -> list[ActorRef]:
        low = tok.lower_
        if low in FIRST_PERSON or (speaker and low in THING_PRONOUNS | PERSON_PRONOUNS and _in_speech(tok)):
            if speaker:
                return [_as_pronoun(s, tok, f"'{tok.text}' refers to the speaker {s.name}") for s in speaker]
            return []
        types = ("PERSON",) if low in PERSON_PRONOUNS else ("GPE", "ORG", "NORP")
        best = self._antecedent(tok, types)
        if best is None:
            return []
        ent = best
        sector = ent.sector or (CAPITAL_SECTOR if ent.role == "capital" else None)
        return [ActorRef(text=tok.text, name=ent.name, span=Span(start=tok.idx, end=tok.idx + len(tok.text),
                                                                   text=tok.text),
                         entity_id=ent.id, country=ent.country, sector=sector, code=_code(ent.country, sector),
                         coding=f"'{tok.text}' refers to {ent.name}, the nearest {'/'.join(types).lower()} before it"
                                + (f"; {ent.coding}" if ent.coding else ""))]

    def _antecedent(self, tok: Token, types: tuple[str, ...]) -> Entity | None:
        """The nearest fitting entity before the pronoun: in its sentence first, preferring subjects,
        then the subjects of the two sentences before."""
        doc = tok.doc
        sent = tok.sent
        cands = self.mentions.before(tok.idx, types=types)
        if not cands:
            return None
        in_sent = [(s, e) for s, e in cands if s >= sent.start_char]
        if in_sent:
            return in_sent[-1][1]
        for back in range(1, 3):
            start = _sentence_start(doc, sent.start, back)
            if start is None:
                break
            window = [(s, e) for s, e in cands if start.start_char <= s < (start.end_char)]
            subj = [(s, e) for s, e in window if _is_subject_at(doc, s)]
            if subj:
                return subj[0][1]
            if window:
                return window[-1][1]
        return cands[-1][1]

    def _last_country(self, head: Token) -> ActorRef | None:
        """ "the country" -> the country named last before it."""
        for _, ent in reversed(self.mentions.before(head.idx, types=("GPE",))):
            if ent.country and ent.role == "country":
                span = head.doc[head.left_edge.i:head.i + 1]
                return ActorRef(text=span.text, name=ent.name, span=_span(span), entity_id=ent.id,
                                country=ent.country, sector=None, code=ent.country,
                                coding=f"'{span.text}' refers to {ent.name}, the country named last before it")
        return None

    def _pair(self, head: Token) -> list[ActorRef]:
        """ "the two leaders", "both sides": the last two distinct countries named before."""
        cands = self.mentions.before(head.idx, types=("PERSON", "GPE", "ORG"))
        seen: dict[str, Entity] = {}
        for _, ent in reversed(cands):
            if ent.country and ent.country not in seen:
                seen[ent.country] = ent
            if len(seen) == 2:
                break
        if len(seen) < 2:
            return []
        sector = "GOV" if head.lemma_.lower() in ("leader", "government", "capital") else None
        out = []
        for c, ent in reversed(list(seen.items())):
            out.append(ActorRef(text=head.text, name=ent.name if ent.type != "GPE" else ent.name, span=_span(
                head.doc[head.left_edge.i:head.i + 1]), entity_id=ent.id, country=c, sector=sector or ent.sector,
                code=_code(c, sector or ent.sector),
                coding=f"'{head.doc[head.left_edge.i:head.i + 1].text}' names two parties: {ent.name} is one of "
                       f"the last two named before it"))
        return out


def _agent_parts(entry) -> tuple[str, str]:
    """An agent's code before and after the actor's: "NGO~" -> ("NGO", ""), "~GOVFRM" -> ("", "GOVFRM")."""
    if entry is None:
        return "", ""
    code = (entry.code or "~" + entry.sector).replace(" ", "")
    if code.endswith("~"):
        return code[:-1], ""
    return "", code.lstrip("~")


def _join_code(prefix: str, base: str, suffix: str) -> str:
    """PETRARCH-style actor code: prefix + base + suffix, without repeating a 3-letter part."""
    base = base or ("---" if (prefix or suffix) and not base else "")
    parts = [prefix[i:i + 3] for i in range(0, len(prefix), 3)] + [base[i:i + 3] for i in range(0, len(base), 3)]
    for i in range(0, len(suffix), 3):
        piece = suffix[i:i + 3]
        if piece not in parts:
            parts.append(piece)
    return "".join(parts)


def _code(country: str | None, sector: str | None) -> str | None:
    if not country and not sector:
        return None
    return _join_code("", country or "---", sector or "")


def _inside(tok: Token, got) -> bool:
    _, _, s, e = got
    return s <= tok.idx and tok.idx + len(tok.text) <= e


def _span(tokens) -> Span:
    return Span(start=tokens.start_char, end=tokens.end_char, text=_span_text(tokens))


def _span_text(tokens) -> str:
    """The text from the first token to the last (a phrase with a gap covers the gap too). Sliced from
    a spaCy span, not doc.text: spaCy rebuilds doc.text from every token on each access."""
    if isinstance(tokens, TokSpan) and len(tokens):
        return tokens.text  # contiguous already
    return tokens.doc[tokens[0].i:tokens[-1].i + 1].text


def _as_pronoun(a: ActorRef, tok: Token, why: str) -> ActorRef:
    return ActorRef(text=tok.text, name=a.name, span=Span(start=tok.idx, end=tok.idx + len(tok.text), text=tok.text),
                    entity_id=a.entity_id, country=a.country, sector=a.sector, code=a.code,
                    coding=f"{why}; {a.coding}" if a.coding else why)


def _in_speech(tok: Token) -> bool:
    """Is the token inside a clause reported by a verb of saying ("Hungary said it will ...")?"""
    from ..lexicon import SPEECH_VERBS

    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("ccomp", "parataxis") and t.head.lemma_.lower() in SPEECH_VERBS:
            return True
        t = t.head
    return False


def _sentence_start(doc, sent_start: int, back: int):
    sents = list(doc.sents) if not hasattr(doc, "_dl_sents") else doc._dl_sents
    idx = next((k for k, s in enumerate(sents) if s.start == sent_start), None)
    if idx is None or idx - back < 0:
        return None
    return sents[idx - back]


def _is_subject_at(doc, char: int) -> bool:
    tok = doc.char_span(char, char + 1, alignment_mode="expand")
    if tok is None or len(tok) == 0:
        return False
    t = tok[0]
    while t.dep_ in ("compound", "flat", "amod") and t.head.i != t.i:
        t = t.head
    return t.dep_ in ("nsubj", "nsubjpass")


def _acronym_name(tok: Token) -> bool:
    """ "US" the country, not "us": an upper-case word the tagger calls a name."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.ent_type_ in ("GPE", "ORG", "NORP")
