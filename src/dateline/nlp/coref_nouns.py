"""Noun rules of within-article coreference (``nlp.coref``): role nouns bound to the person whose office
they name, "the country", "the city" and "the group" to the one named nearby, and the same noun again.

A mixin of ``coref._Builder``, as ``coref_pronouns`` is: it reads and extends the builder's clusters
(``drafts``), its map of head tokens to clusters (``owner``) and its sentences.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from ..model import Span
from .coref_descriptions import NOT_A_PERSON_YET
from .coref_pronouns import WINDOW
from .names import PERSON_ROLES
from .place_words import EVENT_NOUNS
from .speakers import ROLE_NOUNS
from .token_table import token_table

if TYPE_CHECKING:
    from .coref import _Draft

# nouns that stand for a named country, town or body of the article ("the country", "the group")
PLACE_NOUNS = {"country": "country", "nation": "country", "kingdom": "country", "republic": "country",
               "city": "town", "town": "town", "village": "town", "capital": "town"}
# generic words for a body, which any organisation may be called ("the police" or "the court" name a
# kind of body, which need not be the one last named)
BODY_NOUNS = frozenset({"group", "organization", "organisation", "company", "firm", "movement", "network"})
MENTION_CLASSES = frozenset({"person", "place", "building", "vehicle", "goods"})
# words for a person the story does not name, which a later "the man" or "the suspect" may go on with
UNNAMED_PERSON = frozenset({"man", "woman", "boy", "girl", "person", "individual", "suspect", "attacker",
                            "assailant", "gunman", "perpetrator", "culprit", "shooter", "killer", "bomber"})
MALE, FEMALE = frozenset({"man", "boy", "gunman"}), frozenset({"woman", "girl"})
# endings of nouns for events, acts and states ("election", "agreement", "shooting", "violence", "security",
# "pressure", "damage"): such a noun again is most often another event or another state, not a thing
EVENT_SUFFIXES = ("tion", "sion", "ment", "ing", "ance", "ence", "ity", "ism", "ness", "ure", "age")


class NounRules:
    # -- 4. role nouns ---------------------------------------------------------------------------------
    def role_nouns(self) -> None:
        w = token_table(self.doc)  # the word table first: a Token object only for the nouns
        for i, pos in enumerate(w.pos):
            if pos not in ("NOUN", "PROPN") or i in self.owner:
                continue
            tok = self.doc[i]
            if tok.tag_ not in ("NN", "NNP"):
                continue
            if not _definite(tok) and not self._headline_description(tok):
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

    def _headline_description(self, tok: Token) -> bool:
        """ "Ohio senator quits race": a headline drops the article, so a person noun narrowed by a word
        before it, in the first line, is as definite as "the Ohio senator"."""
        return (self.sent_of.get(tok.i) == 0 and tok.pos_ == "NOUN" and "\n" in token_table(self.doc).doc_text[:self.sents[0].end_char + 1]
                and not any(c.dep_ in ("det", "poss", "nummod") for c in tok.children)
                and any(c.dep_ in ("compound", "amod") and c.i < tok.i for c in tok.children))

    def _person_role(self, tok: Token, word: str) -> None:
        """The one person named before it whose known offices, places and party fit the description
        (``coref_descriptions``)."""
        self.bind_description(tok, word)

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
        often as any other country in the whole article. Only its names count, not the nationality
        adjectives and nouns linked to it, so the answer is the same whichever rules have run."""

        def named(d: _Draft) -> int:
            return sum(lk.kind in ("name", "short_name") for lk in d.links)

        ranked = sorted((d for d in self.drafts if d.country and d.entity is not None), key=named, reverse=True)
        if not ranked or named(ranked[0]) < 3 or len(ranked) > 1 and named(ranked[0]) < 2 * named(ranked[1]):
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

    # -- 8. the same noun again ------------------------------------------------------------------------
    def same_nouns(self) -> None:
        """ "a bakery ... the bakery": a definite noun phrase whose head is the head of an earlier phrase,
        in the same number, that adds no word the earlier mention lacks ("the second bomb" is not "a
        bomb"). Only nouns of people, bodies, places and things (``sense.noun_class``, ``_thing_noun``)."""
        from .coref import _Draft
        from .events.sense import noun_class

        agents = self.res.agents
        seen: dict[tuple[str, str], list[Token]] = {}  # (lemma, number) -> earlier heads
        for tok in self.doc:
            stance = _for_or_against(tok) and agents.get(tok.lower_) is not None  # "anti-government"
            if tok.pos_ != "NOUN" and not stance or tok.ent_type_ or not _thing_noun(tok, noun_class(tok, agents)):
                continue
            body = self._body(tok) or stance
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
            fit = [t for t in reversed(earlier[:-1]) if _modifiers(tok) <= _modifiers(t) | self._cluster_words(t)
                   and not (_modifiers(t) - _modifiers(tok)) & NOT_A_PERSON_YET]  # "the next president": no one yet
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

    def unnamed_people(self) -> None:
        """ "a suspect ... the suspect ... The man was seen": a definite word for an unnamed person ("the
        man", "the attacker") that starts no chain of its own goes on with the one unnamed person a
        noun of that kind described in its sentence or the two before, where the sex allows."""
        w = token_table(self.doc)  # the word table first: a Token object only for the nouns of a person
        for i, pos in enumerate(w.pos):
            if pos != "NOUN" or w.lemma[i].lower() not in UNNAMED_PERSON:
                continue
            tok = self.doc[i]
            low = tok.lemma_.lower()
            if tok.tag_ != "NN" or not _definite(tok):
                continue
            if any(c.dep_ == "poss" for c in tok.children) or _quantified(tok):
                continue
            own = self.owner.get(tok.i)
            if own is not None and min(h for h, _ in own.heads) < tok.i:
                continue  # it goes on with a chain already
            first = self.sents[max(0, self.sent_of[tok.i] - WINDOW)].start
            near = {}
            for d in self.drafts:
                if d is own or d.entity is not None or d.type != "NOUN" or not _same_sex(d, self.doc, low):
                    continue
                seen = [(h, s) for h, s in self._mentions_before(d, tok.i) if h >= first
                        and self.doc[h].lemma_.lower() in UNNAMED_PERSON and self.doc[h].tag_ == "NN"]
                if seen:
                    near[id(d)] = (d, seen[-1][1])
            if len(near) != 1:
                continue  # none, or two unnamed people: no guess
            d, ante = next(iter(near.values()))
            rule = f"'the {low}' goes on with {ante.text!r}, the one unnamed person described nearby"
            if own is None:
                self._add(d, _np(tok), "nominal", rule, ante)
            else:
                self._merge(own, d, rule, ante)

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


def _modifiers(tok: Token) -> set[str]:
    """The words that narrow a noun down: adjectives, nouns before it, numbers, names."""
    return {c.lower_ for c in tok.children if c.dep_ in ("amod", "compound", "nummod", "nmod")}


def _np(tok: Token):
    """The noun phrase up to its head: "the Venezuelan health minister" (what follows is left out)."""
    left = min((t.i for t in tok.lefts), default=tok.i)
    left = min(left, tok.left_edge.i)
    return tok.doc[left:tok.i + 1]


def _definite(tok: Token) -> bool:
    """Under "the", a demonstrative ("this", "these": they point back too) or a possessive."""
    det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
    return det is not None and (det.lower_ in ("the", "this", "that", "these", "those") or det.dep_ == "poss")


QUANTIFIERS = frozenset({"all", "other", "more", "some", "several", "many", "few", "one", "another", "each",
                         "every", "both", "any", "most", "additional", "further", "least", "no"})


def _quantified(tok: Token) -> bool:
    return any(c.lower_ in QUANTIFIERS or c.dep_ == "nummod" for c in tok.subtree if c.i < tok.i)


def _bare(tok: Token) -> bool:
    """No article, number or quantifier before the noun."""
    return not any(c.dep_ in ("det", "poss", "nummod", "quantmod") for c in tok.children)


def _thing_noun(tok: Token, cls: str) -> bool:
    """May a noun be a mention of a thing of the story? One of the sense table's people, places, buildings,
    vehicles and goods; or, outside the table, a singular noun under no possessive that does not read as
    an event or a state ("the bakery" after "a bakery", not "the attack", "the situation", "their power")."""
    if cls in MENTION_CLASSES:
        return True
    low = tok.lemma_.lower()
    det = next((c for c in tok.children if c.dep_ in ("det", "poss")), None)
    return (cls == "unknown" and low not in EVENT_NOUNS and not low.endswith(EVENT_SUFFIXES) and len(low) > 2
            and tok.tag_ == "NN" and (det is None or det.dep_ == "det"))


def _same_sex(d, doc, word: str) -> bool:
    """Does nothing said of the cluster ``d`` (its nouns, its he or she) make ``word``'s sex impossible?"""
    nouns = {doc[h].lemma_.lower() for h, _ in d.heads}
    says = {"male" if n in MALE else "female" for n in nouns if n in MALE | FEMALE} | {
        {"m": "male", "f": "female"}.get(g, g) for g in d.pronoun_genders}
    if word in MALE:
        return "female" not in says
    if word in FEMALE:
        return "male" not in says
    return True


def _for_or_against(tok: Token) -> bool:
    """ "anti-government", "pro-government": the body after the prefix is the one the phrase is about,
    whatever part of speech the tagger gave the joined word."""
    doc = tok.doc
    return tok.i >= 2 and doc[tok.i - 1].text == "-" and doc[tok.i - 2].lower_ in ("anti", "pro") and (
        not doc[tok.i - 1].whitespace_ and not doc[tok.i - 2].whitespace_)
