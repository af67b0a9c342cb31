"""Entities within one article: every mention of one real-world thing grouped, then coded.

"Kim Jong Un", "Kim", "Chairman Kim" and "the North Korean leader" become one entity; "Kim Eui-keum"
stays another. No coreference model works offline, so this is rules over the parse:
full names first, short names to the full name that holds them (the most mentioned one when
two do), office nominals to the one person whose title or dictionary role fits.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from spacy.tokens import Doc
from spacy.tokens import Span as TokSpan

from ..model import Entity, Mention, Span
from ..model.ids import stable_id
from .actor_context import code_from_context
from .coding import code_group, home_country
from .events.gender import FEMALE_NAMES, MALE_NAMES
from .names import (
    LEADERS,
    NameSpan,
    Title,
    appositive_title,
    name_spans,
    premodifier_title,
    role_nominal,
)
from .token_table import span_offsets, token_table

ENTITY_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC")
HONORIFICS = frozenset({
    "mr", "mrs", "ms", "dr", "chairman", "chairwoman", "president", "premier", "general", "gen", "minister",
    "secretary", "senator", "sen", "rep", "governor", "gov", "prime", "king", "queen", "prince", "leader",
    "ambassador", "marshal", "comrade",
})


@dataclass(slots=True)
class Group:
    """Mentions of one thing while the article is read; becomes an Entity."""

    label: str
    key: tuple
    names: list[NameSpan] = field(default_factory=list)
    mentions: list[Mention] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    name: str = ""
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    coding: list[str] = field(default_factory=list)
    roles: set[str] = field(default_factory=set)  # office words from titles and the dictionary
    _words: set[str] = field(default_factory=set)
    _words_for: int = -1

    @property
    def words(self) -> set[str]:
        # cached against the number of names: asked for every name of every person in long articles
        if self._words_for != len(self.names):
            self._words = {w for n in self.names for w in words_of(n.text)}
            self._words_for = len(self.names)
        return self._words

    def role_words(self) -> set[str]:
        heads = {t.head_word for t in self.titles} | self.roles
        return heads | {w for r in self.roles for w in r.split()}


@lru_cache(maxsize=1 << 14)  # asked again for every name of every group while people are grouped
def words_of(text: str) -> tuple[str, ...]:
    return tuple(w for w in re.split(r"[\s\-‐–]+", text.lower().replace(".", "")) if w)


def extract_entities(ctx) -> tuple[Entity, ...]:
    doc, article, res = ctx.doc, ctx.article, ctx.resources
    spans = [_relabel(s, res, ctx.published_date) for s in name_spans(doc, ENTITY_LABELS)]
    spans = _headline_names(spans, doc, article)
    spans = _surnames_as_people(spans, res, ctx.published_date)
    groups: list[Group] = []
    groups += _group_people(_split_name_pairs([s for s in spans if s.label == "PERSON"]), ctx)
    groups += _group_others([s for s in spans if s.label != "PERSON"], ctx)
    for g in groups:
        for n in g.names:
            g.titles += _titles_of(doc, n.tokens.start, n.tokens.end)
    for g in groups:
        code_group(g, doc, res, ctx.published_date)
    home_country(groups, doc, res)
    code_from_context(groups, doc, res)  # company officers; offices of the article's country
    _add_title_mentions(groups)
    _add_role_nominals(groups, doc, res)
    _inherit_from_kin(groups, doc)
    return tuple(_to_entity(g, article.id) for g in groups if g.mentions)


# words that open a headline's question ("Can Ortiz Win Back Ohio?") and so run into the name after them
QUESTION_OPENERS = frozenset({"will", "can", "could", "would", "should", "shall", "may", "might", "must", "did",
                              "does", "do", "is", "are", "was", "were", "has", "have", "had", "why", "how",
                              "when", "what", "where", "who"})


def _headline_names(spans: list[NameSpan], doc, article) -> list[NameSpan]:
    """A headline's capitals run a person's name into the words beside it: "Can Ortiz ..." asks a
    question, "Ortiz Trounces Rivals" has a verb after the name. A name of the headline that the body
    never writes, where it does write the name without the question word before or the word after, is cut
    to what the body writes."""
    end = len(article.title) if article.title and article.text.startswith(article.title) else -1
    if end <= 0:
        return spans
    body = token_table(doc).doc_text[end:]
    out = []
    for s in spans:
        toks = s.tokens
        if s.label == "PERSON" and s.end <= end and len(toks) >= 2 and not _in_text(s.text, body):
            if toks[0].lower_ in QUESTION_OPENERS and _in_text(toks[1:].text, body):
                s = NameSpan(toks[1:], s.label)
            elif _in_text(toks[:-1].text, body) and (len(toks) > 2 or _in_text(toks[-1].lower_, body, case=True)):
                s = NameSpan(toks[:-1], s.label)
        out.append(s)
    return out


def _in_text(words: str, text: str, case: bool = False) -> bool:
    """Are the words in the text, as whole words (in their case when ``case``)?"""
    flags = 0 if case else re.IGNORECASE
    return bool(words) and re.search(r"(?<!\w)" + re.escape(words) + r"(?!\w)", text, flags) is not None


def _relabel(s: NameSpan, res, on) -> NameSpan:
    """The dictionary knows better than the tagger whether a name is a person or an organisation:
    spaCy calls "Trump" an ORG and "Xinhua" a PERSON now and then."""
    got = _honorific_person(s)
    if got is not None:
        return got  # "Mr Denver" is a man, whatever a dictionary says of Denver; "Mr Kennedy" is Kennedy
    if s.label == "PERSON" and res.countries.from_name(s.text) is not None and _honorific_person(s) is None:
        return NameSpan(s.tokens, "GPE")  # "Benin opened its borders": a country the tagger took for a man
    if s.label == "PERSON" and len(s.tokens) > 1:
        # headlines run words together: "Xi tells Kim China hopes…" gives a PERSON "Kim China"
        toks = s.tokens
        if res.countries.from_name(toks[-1].text) is not None:
            s = NameSpan(toks[:-1], s.label)
        elif res.countries.from_name(toks[0].text) is not None:
            s = NameSpan(toks[1:], s.label)
    entries = res.actors.lookup(s.text, on=on)
    kinds = {e.type for e in entries}
    if not kinds and s.label in ("PERSON", "GPE") and len(s.tokens) > 1 and s.tokens[-1].is_title \
            and s.tokens[-1].lower_ in BODY_END_WORDS:
        return NameSpan(s.tokens, "ORG")  # "Arnor Railways", "Tamsin Holdings": no man's and no town's name
    if len(kinds) != 1:
        return s
    kind = kinds.pop()
    if kind == "PERSON" and s.label != "PERSON":
        return NameSpan(s.tokens, "PERSON")
    if kind == "ORG" and s.label in ("PERSON", "GPE", "FAC"):
        return NameSpan(s.tokens, "ORG")
    return s


# last words of a body's name that end no person's or place's name
BODY_END_WORDS = frozenset({"railways", "railway", "airlines", "airways", "bank", "motors", "corporation", "corp",
                            "inc", "ltd", "plc", "llc", "holdings", "association", "foundation", "institute",
                            "university", "party", "federation", "league", "ministry", "agency", "authority",
                            "industries", "enterprises", "technologies", "telecom", "insurance", "pharmaceuticals"})


# forms of address that only ever stand before a person's name (not "President", which may lead
# an office's name, nor "General", which leads "General Motors")
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "messrs"})


def _honorific_person(s: NameSpan) -> NameSpan | None:
    """ "Mr Houston", "Mrs Phoenix": a name after a personal form of address is a person's, though the
    tagger or a dictionary reads it as a city. The form of address is left out of the name."""
    toks = s.tokens
    doc = toks.doc
    first = toks[0].text.rstrip(".").lower()
    if first in PERSONAL_HONORIFICS and len(toks) > 1 and toks[1].is_title:
        return NameSpan(toks[1:], "PERSON")
    before = doc[toks.start - 1] if toks.start > 0 else None
    if before is not None and before.text.rstrip(".").lower() in PERSONAL_HONORIFICS and before.is_title \
            and toks[0].is_title:
        return NameSpan(toks, "PERSON")
    return None


def _surnames_as_people(spans: list[NameSpan], res, on) -> list[NameSpan]:
    """ "Tim Canova ... Canova said": a short name the tagger called an organisation or a place is the
    person of the article whose full name holds it, unless a dictionary or the country table knows
    it as something else ("Ford", "Washington")."""
    people = [set(words_of(s.text)) for s in spans if s.label == "PERSON" and len(words_of(s.text)) >= 2]
    out = []
    for s in spans:
        w = set(words_of(s.text))
        if s.label in ("ORG", "GPE", "FAC") and len(w) <= 2 and any(w < p for p in people) and \
                not res.actors.lookup(s.text, on=on) and res.countries.find(s.text) is None:
            s = NameSpan(s.tokens, "PERSON")
        out.append(s)
    return out


# -- people ---------------------------------------------------------------------------------------

def _split_name_pairs(spans: list[NameSpan]) -> list[NameSpan]:
    """ "Trump-Kim summit", "Second Xi-Kim talks": two people joined by a hyphen, when each side is
    named on its own elsewhere in the article (so "Jean-Luc" or "Smith-Jones" stay whole)."""
    known = {w for s in spans for w in words_of(s.text) if "-" not in s.text}
    out = []
    for s in spans:
        toks = s.tokens
        cut = next((t.i for t in toks[1:-1] if t.text == "-" and not t.whitespace_ and not toks.doc[t.i - 1].whitespace_
                    and toks.doc[t.i - 1].is_title and toks.doc[t.i + 1].is_title), None)
        if cut is None:
            out.append(s)
            continue
        doc = toks.doc
        left, right = doc[toks.start:cut], doc[cut + 1:toks.end]
        while len(left) > 1 and left[0].pos_ in ("ADJ", "NUM", "DET"):
            left = left[1:]
        if left[-1].lower_ in known and right[0].lower_ in known:
            out += [NameSpan(left, s.label), NameSpan(right, s.label)]
        else:
            out.append(s)
    return out


def _group_people(spans: list[NameSpan], ctx) -> list[Group]:
    full = [s for s in spans if len(words_of(s.text)) >= 2]
    short = [s for s in spans if len(words_of(s.text)) < 2]
    groups: list[Group] = []
    for s in full:
        w = set(words_of(s.text))
        # "Donald Trump" and "Donald J. Trump" are one person; "Kim Jong Un" and "Kim Eui-keum" are not
        same = next((g for g in groups if w <= g.words or g.words <= w), None)
        if same is None:
            same = Group("PERSON", ("PERSON", words_of(s.text)))
            groups.append(same)
        same.names.append(s)
    for s in sorted(short, key=lambda s: s.start):
        w = set(words_of(s.text))
        holders = [g for g in groups if w <= g.words and any(len(words_of(n.text)) >= 2 for n in g.names)]
        if not holders:
            holders = [g for g in groups if w <= g.words]
        target = _most_salient(holders, s, ctx) if holders else None
        if target is None:
            target = Group("PERSON", ("PERSON", words_of(s.text)))
            groups.append(target)
        target.names.append(s)
    for g in groups:
        g.names.sort(key=lambda n: n.start)
        for n in g.names:
            g.mentions.append(_name_mention(n, g, ctx.doc))
    return groups


def _most_salient(holders: list[Group], s: NameSpan, ctx) -> Group:
    """Of several people a short name could be, the one named most so far (then the first named)."""
    if len(holders) == 1:
        return holders[0]
    title = _honorific_before(s, ctx.doc)
    if title:
        by_title = [g for g in holders if title in g.role_words()]
        if len(by_title) == 1:
            return by_title[0]
        # "Mrs. Hale" of John and Ann Hale: the one whose given name is a woman's
        sex = "f" if title in ("mrs", "ms") else "m" if title == "mr" else None
        by_sex = [g for g in holders if sex and _given_name_sex(g) == sex]
        if len(by_sex) == 1:
            return by_sex[0]

    # "Donald Trump ... Melania Trump ... Melania ... Trump said": a writer who gives one of two people
    # their given name alone keeps the bare surname for the other
    by_surname = [g for g in holders if not _called_by_given_name(g, s)]
    if by_surname:
        holders = by_surname
    if len(holders) == 1:
        return holders[0]
    word = words_of(s.text)

    def score(g: Group) -> tuple[int, int]:
        # the names that carry the shared word: "Melania" alone is no use of "Trump"
        before = sum(1 for n in g.names if n.start < s.start and set(word) <= set(words_of(n.text)))
        return before, -min(n.start for n in g.names)

    return max(holders, key=score)


def _given_name_sex(g: Group) -> str | None:
    firsts = {words_of(n.text)[0] for n in g.names if len(words_of(n.text)) >= 2}
    sexes = {"f" if f in FEMALE_NAMES else "m" if f in MALE_NAMES else None for f in firsts}
    return sexes.pop() if len(sexes) == 1 else None


def _called_by_given_name(g: Group, s: NameSpan) -> bool:
    """Whether the article names this person before ``s`` by a one-word name that is not ``s``'s
    word and is the first word of their full name ("Melania" of "Melania Trump")."""
    word = words_of(s.text)
    firsts = {words_of(n.text)[0] for n in g.names if len(words_of(n.text)) >= 2}
    return any(n.start < s.start and len(words_of(n.text)) == 1 and words_of(n.text) != word and
               words_of(n.text)[0] in firsts for n in g.names)


def _honorific_before(s: NameSpan, doc) -> str | None:
    i = s.tokens.start - 1
    if i >= 0 and doc[i].text.rstrip(".").lower() in HONORIFICS and doc[i].is_title:
        return doc[i].text.rstrip(".").lower()
    return None


def _name_mention(n: NameSpan, g: Group, doc) -> Mention:
    """A short name keeps its honorific: "Chairman Kim", "Mr. Trump"."""
    start = n.tokens.start
    if len(words_of(n.text)) < 2 and _honorific_before(n, doc):
        start -= 1
    tokens = doc[start:n.tokens.end]
    kind = "name" if len(words_of(n.text)) >= 2 or g.label != "PERSON" else "short_name"
    return Mention(span=_span(tokens), kind=kind)


# -- organisations, places ------------------------------------------------------------------------

def _group_others(spans: list[NameSpan], ctx) -> list[Group]:
    res = ctx.resources
    by_key: dict[tuple, Group] = {}
    for s in spans:
        key = _other_key(s, res, ctx.published_date)
        g = by_key.get(key)
        if g is None:
            g = by_key[key] = Group(s.label if key[0] != "country" else "GPE", key)
        g.names.append(s)
        g.mentions.append(_name_mention(s, g, ctx.doc))
    return _short_bodies(list(by_key.values()))


def _short_bodies(groups: list[Group]) -> list[Group]:
    """ "the Arnor Fishing Federation ... the Federation": a one-word name of a body is the one longer
    name of the article that ends with it."""
    def words(g: Group) -> tuple[str, ...]:
        return g.key[1] if g.key[0] == "ORG" else words_of(g.key[1]) if g.key[0] == "actor" else ()

    out = []
    for g in groups:
        if g.key[0] == "ORG" and len(g.key[1]) == 1:
            longer = [o for o in groups if o is not g and len(words(o)) > 1 and words(o)[-1] == g.key[1][0]]
            if len(longer) == 1:
                longer[0].names.extend(g.names)
                longer[0].mentions.extend(g.mentions)
                continue
        out.append(g)
    return out


def _other_key(s: NameSpan, res, on) -> tuple:
    text = s.text
    if s.label in ("GPE", "LOC"):
        country = res.countries.from_name(text)
        if country is not None:
            return ("country", country.iso3)
    if s.label in ("ORG", "FAC"):
        entries = [e for e in res.actors.lookup(text, on=on) if e.type != "PERSON"]
        if entries:
            return ("actor", entries[0].name)
    return (s.label, words_of(text))


# -- mentions by title, office and kinship ---------------------------------------------------------

# forms of address that say nothing of an office: "Sir Tom Lane, the union's general secretary" has his
# office in the apposition
_ADDRESS_ONLY = frozenset({"sir", "dame", "lord", "lady", "mr", "mrs", "ms", "miss", "dr"})


def _titles_of(doc: Doc, start: int, end: int) -> list[Title]:
    """The title before a name, else (or when it is a form of address alone) the noun in apposition, and
    each noun joined to that noun ("Ann Bevis, project manager and Arnor Air vice president")."""
    t = premodifier_title(doc, start, end)
    if t is not None and not all(tok.lower_.rstrip(".") in _ADDRESS_ONLY for tok in t.tokens):
        return [t]
    a = appositive_title(doc, start, end)
    if a is None:
        return [t] if t is not None else []
    out = [x for x in (t, a) if x is not None]
    for c in a.head.conjuncts:
        if c.pos_ == "NOUN" and c.i > a.head.i:
            out.append(Title(doc[c.left_edge.i:c.i + 1], c, None, appositive=True))
    return out


def _add_title_mentions(groups: list[Group]) -> None:
    """A title that names an office refers to its holder: "North Korean Leader" in front of Kim Jong Un."""
    for g in groups:
        if g.label != "PERSON":
            continue
        for t in g.titles:
            inside = any(m.span.start <= t.tokens.start_char and t.tokens.end_char <= m.span.end for m in g.mentions)
            if not inside and (t.head_word in LEADERS or t.head_word in _office_words()):
                g.mentions.append(Mention(span=_span(t.tokens), kind="title"))


def _office_words() -> frozenset[str]:
    from .names import PERSON_ROLES

    return PERSON_ROLES


def _add_role_nominals(groups: list[Group], doc, res) -> None:
    """ "the North Korean leader" -> the one person in the article with that office and country."""
    people = [g for g in groups if g.label == "PERSON"]
    taken = {(m.span.start, m.span.end) for g in people for m in g.mentions}
    from .coding import country_in
    from .coref_descriptions import office_notes, vetoed

    pos = token_table(doc).pos
    # only a noun names a role (capitalised, the tagger may call it a name): the others need no Token
    for tok in (doc[i] for i in range(len(doc)) if pos[i] in ("NOUN", "PROPN")):
        phrase = role_nominal(tok)
        if phrase is None or any(phrase.start_char <= a < phrase.end_char for a, _ in taken):
            continue
        head = tok.lemma_.lower()
        country = country_in(phrase, res)
        office = _office_of(phrase)
        fits = [g for g in people if (_role_fits(head, g) or office in g.roles) and
                (country is None or g.country == country)
                and not vetoed(phrase, {t.text for t in g.titles} | set(g.roles) | office_notes(res, g.name),
                               g.country)]  # "the health minister", "the senator from Texas"
        if len(fits) == 1:
            fits[0].mentions.append(Mention(span=_span(phrase), kind="nominal"))


# offices named by their title, as the dictionary's roles name them ("the Prime Minister" is the
# head of government the dictionary lists)
OFFICE_TITLES = {"prime minister": "head of government", "premier": "head of government",
                 "chancellor": "head of government", "president": "head of state", "king": "head of state",
                 "queen": "head of state", "emir": "head of state", "sultan": "head of state"}


def _office_of(phrase) -> str:
    text = " ".join(t.lower_ for t in phrase if t.dep_ != "det" and t.ent_type_ not in ("GPE", "NORP"))
    return next((office for title, office in OFFICE_TITLES.items() if text.endswith(title)), "")


def _role_fits(head: str, g: Group) -> bool:
    """Does a role noun ("the chancellor") fit a person's titles or offices? Not a title of another office
    with the same head ("shadow chancellor", ``names.other_office``)."""
    from .names import other_office

    roles = {t.head_word for t in g.titles if not other_office(t.text)} | g.roles
    roles |= {w for r in g.roles for w in r.split()}
    return head in roles or (head == "leader" and bool(roles & LEADERS))


def _inherit_from_kin(groups: list[Group], doc) -> None:
    """ "Kim and his wife, Ri Sol Ju": a relative with no country of their own shares the possessor's."""
    from .names import KIN

    people = [g for g in groups if g.label == "PERSON"]
    for g in people:
        if g.country:
            continue
        for t in g.titles:
            if t.head_word not in KIN or t.possessor is None:
                continue
            owner = _nearest_person_before(t.possessor.i, people, exclude=g, doc=doc)
            if owner is not None and owner.country:
                g.country = owner.country
                g.coding.append(f"country {owner.country} from {owner.name}, as '{t.text}'")
                break


def _nearest_person_before(i: int, people: list[Group], *, exclude: Group, doc) -> Group | None:
    sent_start = doc[i].sent.start_char
    best, best_start = None, -1
    for g in people:
        if g is exclude:
            continue
        for m in g.mentions:
            if sent_start <= m.span.start and m.span.end <= doc[i].idx and m.span.start > best_start:
                best, best_start = g, m.span.start
    return best


# -- output ----------------------------------------------------------------------------------------

def _span(tokens: TokSpan) -> Span:
    start, end, text = span_offsets(tokens)
    return Span(start=start, end=end, text=text)


def _to_entity(g: Group, article_id: str) -> Entity:
    mentions = tuple(sorted(set(g.mentions), key=lambda m: (m.span.start, m.span.end)))
    return Entity(
        id=stable_id(article_id, g.label, g.name, prefix="en"),
        name=g.name,
        type=g.label,
        mentions=mentions,
        country=g.country,
        sector=g.sector,
        role=g.role,
        titles=tuple(dict.fromkeys(t.text for t in g.titles)),
        coding="; ".join(g.coding),
    )
