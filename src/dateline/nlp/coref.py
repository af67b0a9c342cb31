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
   unnamed, each the one person of the article with that surname;
2. the words before a person's name that say what they are ("playwright", "Special Agent"); a noun
   phrase of a person or place in apposition to a name ("Ana Ruiz, the mayor of Dale") or a name in
   apposition to it;
3. a nationality adjective of a country ("Russian troops" -> Russia; the adjectives of a country the
   article does not name form a cluster of their own);
4. a definite noun that is the last word of a name before it ("the assembly" -> "the National
   Assembly"); a definite role noun ("the president") bound to the latest person named before it whose
   title or office is that noun; "the country", "the city", "the group" to the one country, town or
   body named in the sentence or the two before it;
5. a relative pronoun ("who", "which") to the mention its clause hangs on;
6. the same noun again: a definite phrase ("the bakery") or a bare body noun ("police") with the head
   of an earlier phrase of a person, body, place or thing, adding no word that one lacks ("the second
   bomb" is not "a bomb");
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
from .coref_pronouns import WINDOW, PronounRules
from .events.gender import pronoun_gender
from .lexicon import RELATIVE_PRONOUNS
from .names import PERSON_ROLES
from .speakers import ROLE_NOUNS

# nouns that stand for a named country, town or body of the article ("the country", "the group")
PLACE_NOUNS = {"country": "country", "nation": "country", "kingdom": "country", "republic": "country",
               "city": "town", "town": "town", "village": "town", "capital": "town"}
# generic words for a body, which any organisation may be called ("the police" or "the court" name a
# kind of body, which need not be the one last named)
BODY_NOUNS = frozenset({"group", "organization", "organisation", "company", "firm", "movement", "network"})
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
             resources: Any = None) -> tuple[Cluster, ...]:
    """The article's mention clusters, one per entity with more than one mention and one per
    nationality whose country is not named; singletons are left out."""
    return build(doc, entities, quotes, resources).result()


def build(doc: Doc, entities: tuple[Entity, ...], quotes: tuple[Quote, ...] = (), resources: Any = None, *,
          parties_only: bool = False) -> "_Builder":
    """Run the rules; the builder holds the clusters and which head token belongs to which.

    ``parties_only`` leaves out the rules whose links no event party or speaker can use (places named by
    a kind, nationality adjectives, the same common noun again), which the analysis of every article
    would otherwise pay for (``coref_chains``)."""
    if resources is None:
        from .resources import default_resources

        resources = default_resources()
    b = _Builder(doc, resources)
    for e in entities:
        b.add_entity(e)
    b.merge_groups()
    b.bare_surnames()
    b.titles()
    b.appositions()
    if not parties_only:
        b.named_places()
        b.demonyms()
    b.role_nouns()
    b.relatives()
    b.speakers(quotes)
    if not parties_only:
        b.same_nouns()
    b.pronouns()
    return b


class _Builder(PronounRules):
    """Holds the clusters while the rules add to them; ``owner`` maps a head token to its cluster."""

    def __init__(self, doc: Doc, resources: Any) -> None:
        self.doc = doc
        self.res = resources
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
        text = self.doc.text
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

    def bare_surnames(self) -> None:
        """ "Guevara denied it": a lone proper noun the tagger left unnamed (or read as a nationality) that
        is the surname of exactly one person named in full in the article."""
        people: dict[str, list[_Draft]] = {}
        for d in self.drafts:
            if d.type == "PERSON" and d.entity is not None and len(d.entity.name.split()) > 1:
                people.setdefault(d.entity.name.split()[-1], []).append(d)
        for tok in self.doc:
            if tok.pos_ != "PROPN" or tok.i in self.owner or tok.ent_type_ in ("PERSON", "GPE", "ORG", "LOC", "FAC"):
                continue
            near = self.doc[max(0, tok.i - 1):tok.i + 2]
            if any(n.pos_ == "PROPN" and n.i != tok.i for n in near):
                continue  # part of a longer name
            holders = people.get(tok.text, [])
            if len(holders) == 1:
                d = holders[0]
                earlier = self._mentions_before(d, tok.i)
                ante = earlier[-1][1] if earlier else d.heads[0][1]
                self._add(d, self.doc[tok.i:tok.i + 1], "short_name", f"short form of the name {d.name!r}", ante)

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

    # -- 4. role nouns ---------------------------------------------------------------------------------
    def role_nouns(self) -> None:
        for tok in self.doc:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.owner or tok.tag_ not in ("NN", "NNP"):
                continue
            if not _definite(tok):
                continue
            low = tok.lemma_.lower()
            if self._name_head(tok):
                continue
            if low in ROLE_NOUNS or low in PERSON_ROLES:
                self._person_role(tok, low)
            elif low in PLACE_NOUNS or low in BODY_NOUNS:
                self._thing_noun(tok, low)
            elif tok.pos_ == "NOUN" and self._noun_class(tok) == "person":
                self._person_role(tok, low)  # "the playwright" after "playwright Ann Lee"

    def _name_head(self, tok: Token) -> bool:
        """ "the assembly" after "the National Assembly", "the street" after "Rue Hugo street": a definite
        noun that is the last word of the name of a body or place named before it, the latest such."""
        low = tok.lower_
        best = None
        for d in self.drafts:
            if d.type not in ("ORG", "FAC", "GPE", "LOC") or d.entity is None:
                continue
            for h, span in self._mentions_before(d, tok.i):
                words = span.text.lower().split()
                if len(words) > 1 and words[-1] == low and (best is None or h > best[1]):
                    best = (d, h, span)
        if best is None:
            return False
        d, _, span = best
        return self._add(d, _np(tok), "nominal", f"'the {low}' is the last word of the name {span.text!r}", span)

    def _person_role(self, tok: Token, word: str) -> None:
        """The latest person named before it whose titles or office hold the noun."""
        best = None
        for d in self.drafts:
            e = d.entity
            if e is None or e.type != "PERSON":
                continue
            office = word in ROLE_NOUNS or word in PERSON_ROLES
            heads = {t.split()[-1].strip(".,").lower() for t in e.titles if t.split()} | self._described_as(d)
            if word not in (_role_words(e) if office else set()) | heads:
                continue  # any word of a title for an office noun, else the title's own head noun
            earlier = self._mentions_before(d, tok.i)
            if earlier and (best is None or earlier[-1][0] > best[1]):
                best = (d, earlier[-1][0], earlier[-1][1])
        if best is not None:
            d, _, ante = best
            self._add(d, _np(tok), "nominal", f"'{word}' is the office of {d.name}, the latest holder named "
                      "(by title, office or apposition)", ante)

    def _described_as(self, d: _Draft) -> set[str]:
        """The head nouns of the titles and appositions already in a cluster ("playwright", "mayor")."""
        return {self.doc[h].lemma_.lower() for (h, _), lk in zip(d.heads, d.links) if lk.kind in ("title", "nominal")}

    def _thing_noun(self, tok: Token, word: str) -> None:
        """ "the country" -> the one country named in the window; "the group" -> the one body."""
        if word in PLACE_NOUNS:
            want = PLACE_NOUNS[word]
            fits = [d for d in self.drafts if d.type == "GPE" and (d.country is not None) == (want == "country")]
        else:
            fits = [d for d in self.drafts if d.type == "ORG"]
        found = self._in_window(tok, fits)
        if len(found) == 1:
            d, ante = found[0]
            self._add(d, _np(tok), "nominal", f"'the {word}' stands for {d.name}, the only one named nearby", ante)
        elif not found and word in PLACE_NOUNS and PLACE_NOUNS[word] == "country":
            main = self._main_country(tok)
            if main is not None:
                d, ante = main
                self._add(d, _np(tok), "nominal", f"'the {word}' with none named nearby is the article's own "
                          f"country, {d.name}, named far more than any other", ante)

    def _main_country(self, tok: Token) -> tuple[_Draft, Span] | None:
        """The country the article is about: named before ``tok`` and at least three times, and twice as
        often as any other country in the whole article."""
        ranked = sorted((d for d in self.drafts if d.country and d.entity is not None),
                        key=lambda d: len(d.heads), reverse=True)
        if not ranked or len(ranked[0].heads) < 3 or len(ranked) > 1 and len(ranked[0].heads) < 2 * len(ranked[1].heads):
            return None
        earlier = self._mentions_before(ranked[0], tok.i)
        return (ranked[0], earlier[-1][1]) if earlier else None

    def _in_window(self, tok: Token, fits: list[_Draft], window: int = WINDOW) -> list[tuple[_Draft, Span]]:
        """Each fitting cluster mentioned in the sentence before ``tok`` or the ``window`` before, with its
        latest mention there."""
        first = self.sents[max(0, self.sent_of[tok.i] - window)].start
        out = []
        for d in fits:
            near = [(h, s) for h, s in self._mentions_before(d, tok.i) if h >= first]
            if near:
                out.append((d, near[-1][1]))
        return out

    # -- 5. relative pronouns --------------------------------------------------------------------------
    def relatives(self) -> None:
        for tok in self.doc:
            if tok.lower_ not in RELATIVE_PRONOUNS or tok.lower_ == "whose" or tok.i in self.owner:
                continue
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

    # -- 8. the same noun again ------------------------------------------------------------------------
    def same_nouns(self) -> None:
        """ "a bakery ... the bakery": a definite noun phrase whose head is the head of an earlier phrase,
        in the same number, that adds no word the earlier mention lacks ("the second bomb" is not "a
        bomb"). Only nouns of people, bodies, places and things (``sense.noun_class``)."""
        from .events.sense import noun_class

        agents = self.res.agents
        seen: dict[tuple[str, str], list[Token]] = {}  # (lemma, number) -> earlier heads
        for tok in self.doc:
            if tok.pos_ != "NOUN" or tok.ent_type_ or noun_class(tok, agents) not in MENTION_CLASSES:
                continue
            body = self._body(tok)
            if tok.dep_ in ("compound", "amod", "npadvmod", "nmod") and not body:
                continue  # "bus driver": a noun before a noun names a kind, except a body ("police officers")
            plural = tok.tag_ == "NNS" and tok.lower_ != tok.lemma_.lower()  # "police" is tagged either way
            key = (tok.lemma_.lower(), "plural" if plural else "singular")
            if _quantified(tok):
                continue  # "more police", "all the other workers", "one student": a part or a new set
            earlier = seen.setdefault(key, [])
            earlier.append(tok)
            if tok.i in self.owner or len(earlier) < 2 or not (_definite(tok) or body and _bare(tok)):
                continue
            fit = [t for t in reversed(earlier[:-1]) if _modifiers(tok) <= _modifiers(t) | self._cluster_words(t)]
            if not fit:
                continue
            # the latest that is already part of a chain, else the latest: "the socialist government" added a
            # word and started no chain of its own, so "the government" after it goes on with the earlier one
            ante = next((t for t in fit if t.i in self.owner), fit[0])
            d = self.owner.get(ante.i)
            if d is None:
                d = _Draft(_np(ante).text, "NOUN", None)
                self.drafts.append(d)
                self._add(d, _np(ante), "nominal", "first mention", None)
            self._add(d, _np(tok), "nominal", f"the same noun '{tok.lemma_.lower()}' again, adding no word",
                      self.heads.get(ante.i))

    def _body(self, tok: Token) -> bool:
        """ "police", "government", "military": a noun for a body of people, which news uses without an
        article for the one body of the story ("police said", "government forces")."""
        low = tok.lower_
        return low == tok.lemma_.lower() and self.res.agents.get(low) is not None and tok.tag_ in ("NN", "NNS")

    def _cluster_words(self, tok: Token) -> set[str]:
        d = self.owner.get(tok.i)
        if d is None:
            return set()
        return {w.lower() for _, span in d.heads for w in span.text.split()}

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


def _modifiers(tok: Token) -> set[str]:
    """The words that narrow a noun down: adjectives, nouns before it, numbers, names."""
    return {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "nmod")}


def _span(tokens) -> Span:
    return Span(start=tokens.start_char, end=tokens.end_char, text=tokens.text)


def _np(tok: Token):
    """The noun phrase up to its head: "the Venezuelan health minister" (what follows is left out)."""
    left = min((t.i for t in tok.lefts), default=tok.i)
    left = min(left, tok.left_edge.i)
    return tok.doc[left:tok.i + 1]


def _definite(tok: Token) -> bool:
    det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
    return det is not None and (det.lower_ in ("the", "this", "that") or det.dep_ == "poss")


QUANTIFIERS = frozenset({"all", "other", "more", "some", "several", "many", "few", "one", "another", "each",
                         "every", "both", "any", "most", "additional", "further", "least", "no"})


def _quantified(tok: Token) -> bool:
    return any(c.lower_ in QUANTIFIERS or c.dep_ == "nummod" for c in tok.subtree if c.i < tok.i)


def _bare(tok: Token) -> bool:
    """No article, number or quantifier before the noun."""
    return not any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in tok.children)


def _indefinite_plural(tok: Token) -> bool:
    return tok.tag_ in ("NNS", "NNPS")


def _role_words(e: Entity) -> set[str]:
    words: set[str] = set()
    for t in (*e.titles, e.role or ""):
        words.update(w.strip(".,").lower() for w in t.replace("-", " ").split())
    return words
