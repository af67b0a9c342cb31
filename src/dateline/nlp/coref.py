"""Coreference within one article: which mentions name the same person, body or place, and why.

A read model over what the article's analysis already holds, not a second grouping: the entity
extractor's groups (names, short names, titles and office nominals, ``nlp.entities``) are the clusters,
and the rules here only add the mentions those groups leave out. Every link carries its rule and the
mention it was linked to, so a reader (``explain``, ``show``) can see why. When two readings compete,
no link is made: a missing link costs less than a wrong one, since actors and speakers are read from
these clusters.

Rules, in the order they are tried (each mention, by its head word, is linked at most once):

1. the entity's own mentions: the same name again, a short form or surname of the full name ("Scholz"
   after "Olaf Scholz"), a title next to the name ("Chancellor"), an office noun the one holder of that
   office has ("the chancellor"); then groups the entity extractor left apart: a short name in brackets
   after a name ("(AFL)"), a surname the tagger read as a body or a place, a lone surname it left
   unnamed, each the one person of the article with that surname; a full name the tagger read as a body
   or a place ("Ana Maria Ruiz" as a body) whose surname alone it read as a person, where no one else of
   the article has that surname; a name in capitals made of the initials of one longer name ("AFL");
   a name the tagger missed where it comes again;
2. the words before a person's name that say what they are ("playwright", "Special Agent"); a noun
   phrase of a person or place in apposition to a name ("Ana Ruiz, the mayor of Dale") or a name in
   apposition to it;
3. a nationality adjective of a country ("Russian troops" -> Russia; the adjectives of a country the
   article does not name form a cluster of their own);
4. (``coref_nouns``, as 6) a definite noun that is the last word of a name before it ("the assembly"
   -> "the National Assembly"); a definite role noun ("the president") bound to the latest person named before it whose
   title or office is that noun; "the country", "the city", "the group" to the one country, town or
   body named in the sentence or the two before it;
5. a relative pronoun ("who", "which") to the mention its clause hangs on;
6. the same noun again: a definite phrase ("the bakery") or a bare body noun ("police") with the head
   of an earlier phrase of a person, body, place or thing, adding no word that one lacks ("the second
   bomb" is not "a bomb"); a noun outside the sense table only where it is singular, under no
   possessive, and does not read as an event or a state ("the bakery", not "the attack"); a body
   noun after "anti-" or "pro-" ("anti-government marches") is that body again;
7. (``coref_pronouns``) "I", "me", "my" inside a quotation to its speaker; "he", "she", "it", "they"
   by number, gender and salience within the sentence and the two before it (one for "they"): the one
   fitting candidate, or the subject when several fit, else none; a "he" or "she" with no one named
   nearby to a person named by a noun in the sentence or the one before ("the suspect").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from spacy.tokens import Doc, Token

from ..model import Entity, Quote, Span
from .coref_descriptions import DescriptionRules
from .coref_nouns import MENTION_CLASSES, NounRules, _np
from .coref_pronouns import PronounRules
from .events.gender import pronoun_gender
from .lexicon import RELATIVE_PRONOUNS
from .token_table import token_table

PLACE_KINDS = frozenset({"city", "town", "village", "state", "province", "district", "region", "county",
                         "island", "municipality", "neighborhood", "neighbourhood", "street", "square", "camp",
                         "base", "airport", "port"})
MENTION_CLASSES = frozenset({"person", "place", "building", "vehicle", "goods"})


@dataclass(frozen=True, slots=True)
class Link:
    """One mention of a cluster: its words, what kind of mention it is, and why it belongs there.

    ``antecedent`` is the mention it was linked to (None for the cluster's first mention)."""

    span: Span
    kind: str  # name, short_name, title, nominal, demonym, pronoun, relative
    rule: str
    antecedent: Span | None = None


@dataclass(frozen=True, slots=True)
class Cluster:
    """The mentions of one thing, in text order."""

    name: str
    type: str
    links: tuple[Link, ...]
    entity_id: str | None = None


@dataclass(slots=True)
class _Draft:
    name: str
    type: str
    entity: Entity | None
    links: list[Link] = field(default_factory=list)
    country: str | None = None  # ISO alpha-3 where the cluster is a country itself
    gender: str | None = None
    pronoun_genders: set[str] = field(default_factory=set)  # of the he/she pronouns linked to it so far
    heads: list[tuple[int, Span]] = field(default_factory=list)  # (head token, mention), as added


def clusters(doc: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...] = (),
             resources: Any = None, published: str | None = None) -> tuple[Cluster, ...]:
    """The article's mention clusters, one per entity with more than one mention and one per
    nationality whose country is not named; singletons are left out. ``published`` (the article's date)
    says which of a person's offices in the actor dictionary they hold."""
    return build(doc, entities, quotes, resources, published=published).result()


def build(doc: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...] = (), resources: Any = None, *,
          parties_only: bool = False, published: str | None = None) -> "_Builder":
    """Run the rules; the builder holds the clusters and which head token belongs to which.

    ``parties_only`` leaves out the rules whose links no event party or speaker can use (places named by
    a kind, nationality adjectives, the same common noun again), which the analysis of every article
    would otherwise pay for (``coref_chains``)."""
    if resources is None:
        from .resources import default_resources

        resources = default_resources()
    b = _Builder(doc, resources)
    b.published = _day(published)
    for e in entities:
        b.add_entity(e)
    b.merge_groups()
    b.bare_surnames()
    b.untagged_names()
    b.titles()
    b.appositions()
    if not parties_only:
        b.named_places()
        b.demonyms()
    b.role_nouns()
    b.age_descriptions()
    b.relatives()
    b.speakers(quotes)
    if not parties_only:
        b.same_nouns()
        b.unnamed_people()
    b.pronouns()
    return b


class _Builder(PronounRules, NounRules, DescriptionRules):
    """Holds the clusters while the rules add to them; ``owner`` maps a head token to its cluster."""

    def __init__(self, doc: Doc, resources: Any) -> None:
        self.doc = doc
        self.res = resources
        self.published = None  # the article's date: which of a person's dictionary offices they hold
        self.drafts: list[_Draft] = []
        self.skipped = ""  # why some mentions were left unlinked (a work cap), for the article's notes
        self.unsure: dict[int, str] = {}  # pronoun token -> why it was left unlinked (two antecedents fit)
        self.owner: dict[int, _Draft] = {}  # head token index -> cluster
        self.heads: dict[int, Span] = {}  # head token index -> the mention's span
        self.sents = list(doc.sents)
        self.sent_of = {}  # token index -> sentence number
        for k, s in enumerate(self.sents):
            for i in range(s.start, s.end):
                self.sent_of[i] = k

    # -- bookkeeping -------------------------------------------------------------------------------
    def _head(self, start: int, end: int) -> Token | None:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        return span.root if span is not None and len(span) else None

    def _add(self, d: _Draft, tokens_or_span, kind: str, rule: str, antecedent: Span | None) -> bool:
        span = tokens_or_span if isinstance(tokens_or_span, Span) else _span(tokens_or_span)
        head = self._head(span.start, span.end)
        if head is None or head.i in self.owner:
            return False
        self.owner[head.i] = d
        self.heads[head.i] = span
        d.heads.append((head.i, span))
        d.links.append(Link(span, kind, rule, antecedent))
        if kind == "pronoun" and pronoun_gender(head):
            d.pronoun_genders.add(pronoun_gender(head))
        return True

    @staticmethod
    def _mentions_before(d: _Draft, i: int) -> list[tuple[int, Span]]:
        return sorted((h, s) for h, s in d.heads if h < i)

    # -- 1. the entity extractor's groups ------------------------------------------------------------
    def add_entity(self, e: Entity) -> None:
        d = _Draft(e.name, e.type, e)
        country = self.res.countries.from_name(e.name) if e.type == "GPE" else None
        d.country = country.iso3 if country is not None and country.iso3 == e.country else None
        self.drafts.append(d)
        names: list[Span] = []
        mentions = sorted(e.mentions, key=lambda m: (m.span.start, -m.span.end))
        first_name = next((m.span for m in mentions if m.kind == "name"), mentions[0].span if mentions else None)
        for m in mentions:
            if m.kind == "title" and self._run_on(m.span):
                continue  # "AFP.District mayor": a title read across a missing line break
            after = next((n.span for n in mentions if n.kind in ("name", "short_name")
                          and 0 <= n.span.start - m.span.end <= 1), None)
            rule, ante = self._entity_rule(m, names, first_name, e, after)
            if ante == m.span:  # a short name that is the entity's first name: it starts the cluster
                rule, ante = "first name", None
            if self._add(d, m.span, m.kind, rule, ante) and m.kind in ("name", "short_name"):
                names.append(m.span)

    @staticmethod
    def _run_on(span: Span) -> bool:
        """Words run together across a lost line break or markup ("AFP.District", "ETA.==Background==")."""
        return re.search(r"[A-Za-z][.?!=\]\"”]+[A-Z][a-z]", span.text) is not None

    @staticmethod
    def _entity_rule(m, names: list[Span], first_name: Span | None, e: Entity,
                     after: Span | None) -> tuple[str, Span | None]:
        """The rule and the antecedent of one of the entity extractor's mentions; ``after`` is the name
        right after it, if any."""
        if m.kind == "name":
            if not names:
                return "first name", None
            same = next((n for n in reversed(names) if n.text == m.span.text), None)
            return ("the same name again", same) if same else ("another form of the name", names[-1])
        if m.kind == "short_name":
            full = next((n for n in reversed(names) if len(n.text.split()) > 1), first_name)
            return f"short form of the name {e.name!r}", full
        if m.kind == "title":
            if after is not None or not names:
                return f"title of {e.name}, before the name", after or first_name
            return f"in apposition to the name {e.name!r}", names[-1]
        return f"office noun that only {e.name} holds in the article", names[-1] if names else first_name

    def _noun_class(self, tok: Token) -> str:
        from .events.sense import noun_class

        return noun_class(tok, self.res.agents)

    # -- 1b. groups the entity extractor left apart -----------------------------------------------------
    def merge_groups(self) -> None:
        """ "the Arnor Fishing League (AFL) ... AFL": a short name in brackets right after a name is that
        name; "Ruiz" read as a body or a place is the one person of the article named "... Ruiz"."""
        by_name: dict[str, _Draft] = {}
        for d in self.drafts:
            for _, span in d.heads:
                by_name.setdefault(span.text, d)
        text = token_table(self.doc).doc_text
        for d in list(self.drafts):
            for _, span in list(d.heads):
                m = re.match(r"\s*\(\s*([A-Z][A-Za-z.&-]{1,9})\s*\)", text[span.end:span.end + 16])
                other = by_name.get(m[1]) if m else None
                if other is not None and other is not d and other.type != "PERSON" and d.type != "PERSON":
                    self._merge(other, d, f"short name in brackets after {span.text!r}", span)
        people: dict[str, list[_Draft]] = {}
        for d in self.drafts:
            if d.type == "PERSON" and d.entity is not None and len(d.entity.name.split()) > 1:
                people.setdefault(d.entity.name.split()[-1], []).append(d)
        for d in list(self.drafts):
            names = {span.text for _, span in d.heads}
            if d.entity is None or d.country or len(names) != 1 or len(d.entity.name.split()) != 1:
                continue
            holders = [p for p in people.get(next(iter(names)), []) if p is not d]
            if len(holders) == 1 and d.type in ("PERSON", "ORG", "GPE", "FAC", "LOC"):
                full = holders[0].heads[0][1] if holders[0].heads else None
                self._merge(d, holders[0], f"surname of {holders[0].name}", full)
        self._person_read_as_thing(people)
        self._initials()

    def _person_read_as_thing(self, people: dict[str, list[_Draft]]) -> None:
        """ "Ana Maria Ruiz" read as a body but "Ruiz" alone as a person: where no person of the article
        has that surname, the one name of a body or place that looks like a person's full name (two to
        four capitalised words) and ends with it is that person's, and joins the person."""
        for d in list(self.drafts):
            e = d.entity
            if e is None or d.type != "PERSON" or len(e.name.split()) != 1 or people.get(e.name):
                continue
            full = [o for o in self.drafts if o is not d and o.entity is not None and not o.country
                    and o.type in ("ORG", "GPE", "FAC", "LOC") and _person_like(o.entity.name, e.name)]
            if len(full) == 1 and full[0] in self.drafts:
                o = full[0]
                ante = o.heads[0][1] if o.heads else None
                self._merge(o, d, f"{o.name!r} is the full name of the person {e.name}", None)
                d.name = o.name
                first = next((lk for lk in d.links if lk.kind == "short_name"), None)
                if first is not None and ante is not None:  # the surname alone now refers back to the full name
                    d.links[d.links.index(first)] = Link(first.span, first.kind, f"surname of {o.name}", ante)

    def _initials(self) -> None:
        """ "the Arnor Fishing League ... AFL": a name in capitals that spells the initials of the capitalised
        words of exactly one longer name of a body or place in the article is that name's short form."""
        longer: dict[str, list[_Draft]] = {}
        for d in self.drafts:
            if d.type in ("ORG", "FAC", "GPE", "LOC", "NORP") and d.entity is not None:
                for spelt in {_initials_of(span.text) for _, span in d.heads} - {""}:
                    longer.setdefault(spelt, []).append(d)
        for d in list(self.drafts):
            names = {span.text.replace(".", "") for _, span in d.heads}
            if d.entity is None or d.type == "PERSON" or len(names) != 1:
                continue
            short = next(iter(names))
            if not (2 <= len(short) <= 6 and short.isalpha() and short.isupper()):
                continue
            holders = [o for o in longer.get(short, []) if o is not d]
            if len(holders) == 1 and holders[0] in self.drafts:
                full = next(s for _, s in holders[0].heads if _initials_of(s.text) == short)
                self._merge(d, holders[0], f"'{short}' is made of the initials of {full.text!r}", full)

    def bare_surnames(self) -> None:
        """ "Guevara denied it": a lone proper noun the tagger left unnamed (or read as a nationality) that
        is the surname of exactly one person named in full in the article."""
        people: dict[str, list[_Draft]] = {}
        for d in self.drafts:
            if d.type == "PERSON" and d.entity is not None and len(d.entity.name.split()) > 1:
                people.setdefault(d.entity.name.split()[-1], []).append(d)
        w = token_table(self.doc)  # the word table first: a Token object only for the proper nouns
        for i, pos in enumerate(w.pos):
            if pos != "PROPN" or i in self.owner or w.ent_type[i] in ("PERSON", "GPE", "ORG", "LOC", "FAC"):
                continue
            tok = self.doc[i]
            near = self.doc[max(0, tok.i - 1):tok.i + 2]
            if any(n.pos_ == "PROPN" and n.i != tok.i for n in near):
                continue  # part of a longer name
            holders = people.get(tok.text, [])
            if len(holders) == 1:
                d = holders[0]
                earlier = self._mentions_before(d, tok.i)
                ante = earlier[-1][1] if earlier else d.heads[0][1]
                self._add(d, self.doc[tok.i:tok.i + 1], "short_name", f"short form of the name {d.name!r}", ante)

    def untagged_names(self) -> None:
        """ "Calle Mayor ... Calle Mayor": a name the tagger found once and missed later is the same name
        again, where exactly one cluster has that name and the words stand apart from any longer name. A
        one-word name only for a body or a place (a lone surname is ``bare_surnames``'s)."""
        by_words: dict[tuple[str, ...], list[_Draft]] = {}
        for d in self.drafts:
            if d.entity is None:
                continue
            for words in {tuple(span.text.split()) for _, span in d.heads}:
                if len(words) == 1 and (d.type == "PERSON" or len(words[0]) < 3 or not words[0][:1].isupper()):
                    continue
                if all(w[:1].isupper() for w in words if len(w) > 3):
                    by_words.setdefault(words, []).append(d)
        w = token_table(self.doc)
        texts, ent_type = w.text, w.ent_type
        starts: dict[str, list[int]] = {}  # word -> where it stands: a name is looked for where its first word is
        for i, text in enumerate(texts):
            starts.setdefault(text, []).append(i)
        for words, holders in by_words.items():
            if len(holders) != 1:
                continue
            n = len(words)
            for i in starts.get(words[0], ()) if words else range(len(texts) + 1):
                if i > len(texts) - n or tuple(texts[i:i + n]) != words or any(ent_type[j] for j in range(i, i + n)):
                    continue
                if any(j in self.owner for j in range(i, i + n)) or self._in_longer_name(i, i + n):
                    continue
                earlier = self._mentions_before(holders[0], i)
                if earlier:  # again: after the name the tagger found
                    self._add(holders[0], self.doc[i:i + n], "name", "the same name again, which the tagger missed",
                              earlier[-1][1])

    def _in_longer_name(self, start: int, end: int) -> bool:
        """Is the name at tokens start..end part of a longer one ("United States Air Force")?"""
        return any(0 <= j < len(self.doc) and self.doc[j].pos_ == "PROPN" for j in (start - 1, end))

    def _merge(self, src: _Draft, dst: _Draft, rule: str, ante: Span | None) -> None:
        if src not in self.drafts:
            return
        first = min(src.links, key=lambda lk: lk.span.start, default=None)
        for lk in src.links:
            dst.links.append(Link(lk.span, lk.kind, rule, ante) if lk is first else lk)
        for h, span in src.heads:
            self.owner[h] = dst
            dst.heads.append((h, span))
        self.drafts.remove(src)

    # -- 2. titles and appositions ---------------------------------------------------------------------
    def titles(self) -> None:
        """ "playwright Ann Lee", "Special Agent Tom Hale": the words before a person's name that say what
        they are (``names.premodifier_title``) are a mention of them, whatever the office."""
        from .names import premodifier_title

        for d in [d for d in self.drafts if d.type == "PERSON"]:
            for _, name in list(d.heads):
                span = self.doc.char_span(name.start, name.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                t = premodifier_title(self.doc, span.start, span.end)
                if t is None or t.tokens.root.i in self.owner:
                    continue
                head = t.tokens.root
                if any(w.is_punct for w in t.tokens) or head.ent_type_ or self._run_on(_span(t.tokens)):
                    continue  # "Bagram Airfield", a run-on line: no title
                if self._noun_class(head) != "person" and head.pos_ != "PROPN":
                    continue
                self._add(d, t.tokens, "title", f"title of {d.name}, before the name", name)

    # -- 2. appositions --------------------------------------------------------------------------------
    def appositions(self) -> None:
        """ "Ana Ruiz, the mayor of Dale" and "the mayor, Ana Ruiz": the noun joins the name's cluster."""
        for h in list(self.heads):
            d, name = self.owner[h], self.heads[h]
            tok = self.doc[h]
            pairs = [c for c in tok.children if c.dep_ == "appos"]
            if tok.dep_ == "appos":
                pairs.append(tok.head)
            for other in pairs:
                if other.pos_ != "NOUN" or other.i in self.owner or _indefinite_plural(other):
                    continue
                if self._noun_class(other) not in MENTION_CLASSES:
                    continue  # "Rome, the occasion": a noun for no one and no place
                self._add(d, _np(other), "nominal", f"in apposition to {name.text!r}", name)

    def named_places(self) -> None:
        """ "the city of Lyon", "Kandahar province", "the state of Miranda": a noun for a kind of place
        with the place's name hanging on it names that place."""
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.i in self.owner or tok.lemma_.lower() not in PLACE_KINDS:
                continue
            names = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
            names += [g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                      for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            for n in names:
                d = self.owner.get(n.i)
                if d is not None and d.type in ("GPE", "LOC", "FAC"):
                    self._add(d, self.doc[tok.i:tok.i + 1], "nominal",
                              f"'{tok.lower_}' is the place called {self.heads[n.i].text!r}", self.heads[n.i])
                    break

    # -- 3. nationality adjectives ---------------------------------------------------------------------
    def demonyms(self) -> None:
        """ "Russian troops": the adjective names Russia, the article's Russia where it names it."""
        by_country = {d.country: d for d in self.drafts if d.country}
        for ent in self.doc.ents:
            if ent.label_ != "NORP" or ent.root.i in self.owner or ent.root.tag_ in ("NNS", "NNPS"):
                continue  # "Venezuelans" are people of the country, not the country
            country = self.res.countries.from_demonym(ent.text)
            if country is None:
                continue
            d = by_country.get(country.iso3)
            if d is None:
                d = by_country[country.iso3] = _Draft(country.name, "GPE", None, country=country.iso3)
                self.drafts.append(d)
            earlier = self._mentions_before(d, ent.root.i)
            ante = earlier[-1][1] if earlier else None
            rule = f"nationality adjective of {country.name}" + ("" if d.entity else " (the country is not named)")
            self._add(d, ent, "demonym", rule, ante)

    # -- 5. relative pronouns --------------------------------------------------------------------------
    def relatives(self) -> None:
        w = token_table(self.doc)  # the word table first: a Token object only for the relative pronouns
        for i, low in enumerate(w.lower):
            if low not in RELATIVE_PRONOUNS or low == "whose" or i in self.owner:
                continue
            tok = self.doc[i]
            clause = tok.head
            if clause.dep_ != "relcl" or tok.dep_ not in ("nsubj", "nsubjpass", "dobj"):
                continue
            noun = clause.head
            d = self.owner.get(noun.i)
            if d is None:
                continue
            if (tok.lower_ == "who") != (d.type == "PERSON"):
                continue  # "who" is a person's, "which" a thing's
            self._add(d, self.doc[tok.i:tok.i + 1], "relative", f"relative pronoun of {self.heads[noun.i].text!r}",
                      self.heads[noun.i])

    # -- result ----------------------------------------------------------------------------------------
    def result(self) -> tuple[Cluster, ...]:
        out = []
        for d in self.drafts:
            if len(d.links) < 2:
                continue
            links = tuple(sorted(d.links, key=lambda lk: (lk.span.start, lk.span.end)))
            out.append(Cluster(d.name, d.type, links, d.entity.id if d.entity else None))
        out.sort(key=lambda c: c.links[0].span.start)
        return tuple(out)


def explain(found: tuple[Cluster, ...]) -> list[str]:
    """One line per cluster and one per link, for ``explain`` and ``show``: each mention with the rule that
    put it in its cluster and the mention it was linked to."""
    out = []
    for c in found:
        out.append(f"{c.name} ({c.type}, {len(c.links)} mentions)")
        for lk in c.links:
            to = f" -> {lk.antecedent.text!r}" if lk.antecedent is not None else ""
            out.append(f"  {lk.span.text!r} [{lk.span.start}:{lk.span.end}] {lk.kind}{to}: {lk.rule}")
    return out


def _span(tokens) -> Span:
    return Span(start=tokens.start_char, end=tokens.end_char, text=tokens.text)


def _indefinite_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS")


def _person_like(name: str, surname: str) -> bool:
    """Two to four capitalised words, the last of them ``surname``: how a person's full name looks."""
    words = name.split()
    return 2 <= len(words) <= 4 and words[-1] == surname and all(
        w[:1].isupper() and w[1:].replace("-", "").isalpha() and w[1:].islower() for w in words)


def _initials_of(name: str) -> str:
    """The initials of a name's capitalised words ("Arnor Fishing League" -> "AFL"); "" for one word."""
    words = [w for w in re.split(r"[\s-]+", name) if w[:1].isupper() and w.isalpha()]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def _day(published: str | None):
    """The date of an ISO date or date-time string; None where there is none or it does not read."""
    import datetime as dt

    try:
        return dt.date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None
