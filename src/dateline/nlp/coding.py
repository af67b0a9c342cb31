"""Country and sector codes for an entity, from what the article says and from the dictionaries.

The article's own words come first ("Chinese President Xi Jinping" -> CHN, GOV), the actor
dictionary fills what the text leaves open, and every code records where it came from.
"""

from __future__ import annotations

import re
from typing import Any

from spacy.tokens import Span as TokSpan

from ..ontology.agents import AgentMatch
from .lexicon import POSSESSIVE
from .political import PARTY_SECTOR_NOUNS, PARTY_WORDS, party_in
from .token_table import doc_ents


def country_in(span: TokSpan, res: Any) -> str | None:
    """The country named inside a span by a place or nationality: "South Korea's", "Chinese", "U.S."."""
    doc = span.doc
    i = span.start
    while i < span.end:
        tok = doc[i]
        if tok.ent_type_ not in ("GPE", "NORP", "LOC"):
            i += 1
            continue
        # the whole entity the token is in, read from the token tags (doc.ents would cost the whole doc)
        start = i
        while start > 0 and doc[start].ent_iob_ == "I":
            start -= 1
        end = i + 1
        while end < len(doc) and doc[end].ent_iob_ == "I":
            end += 1
        text = doc[start:end].text
        for p in POSSESSIVE:
            if text.endswith(p):
                text = text[: -len(p)]
        found = res.countries.find(text)
        if found is not None:
            return found[0].iso3
        i = end
    return None


# titles written short before a name, as the office they stand for ("Sen. Jane Doe", "Gen. Tom Lee")
SHORT_TITLES = {"sen.": "senator", "rep.": "lawmaker", "gov.": "governor", "gen.": "general", "lt.": "lieutenant",
                "col.": "colonel", "maj.": "major", "capt.": "captain", "sgt.": "sergeant", "adm.": "admiral",
                "cmdr.": "commander", "amb.": "ambassador", "supt.": "superintendent", "insp.": "inspector"}


# forms of address a title may end in ("the city's mayor Mr Lomax"): no office, so left out of the
# office words, which are read from the end
ADDRESS_FORMS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})


def _role_phrase(span: TokSpan) -> str:
    """The office words of a title, without the country: "presidential spokesperson"."""
    words = [t.text for t in span if t.ent_type_ not in ("GPE", "NORP") and t.text not in POSSESSIVE
             and t.pos_ != "PRON" and t.dep_ != "det"]
    while len(words) > 1 and words[-1].rstrip(".").lower() in ADDRESS_FORMS:
        words.pop()
    words = [SHORT_TITLES.get(w.lower(), SHORT_TITLES.get(w.lower() + ".", w)) if w[:1].isupper() else w
             for w in words]
    return " ".join(words).lower()


def code_group(g: Any, doc: Any, res: Any, on: Any) -> None:
    """Set name, country, sector and role on a group of mentions, with the reasons in ``g.coding``."""
    entry = _dictionary_entry(g, res, on)
    g.name = entry.name if entry is not None else _longest_name(g)
    if entry is not None and g.label in ("GPE", "LOC") and not entry.sector and entry.country == entry.code:
        g.name = _longest_name(g)  # "Miami" is in the United States, not the United States itself
    if g.key[0] == "country":
        country = res.countries.from_code(g.key[1])
        g.name, g.country, g.role = country.name, country.iso3, "country"
        g.coding.append(f"country {country.iso3}: the name of a country")
        return
    if g.label in ("GPE", "LOC"):
        for n in g.names:
            capital = res.countries.from_capital(n.text)
            if capital is not None:
                g.country, g.role = capital.iso3, "capital"
                g.coding.append(f"country {capital.iso3}: {n.text} is its capital")
                return
    title_country, title_sector = _from_titles(g, res, on, entry)
    if g.label == "PERSON" and not title_country:
        title_country = _of_country(g, doc, res)
    if g.label != "PERSON":
        title_country = title_country or _possessive_country(g, doc, res) or _country_in_name(g, res, entry)
        party = None if title_country or _other_party(entry) else _party_in_name(g, res, on)
        if party is not None:  # "the Ohio Republican Party", "the Democratic National Committee"
            title_country, title_sector = party.country, title_sector or party.sector or None
        if not (entry is not None and (entry.sector or _place_row(entry))):
            # a noun inside a known actor's own name says less than its dictionary row (the European
            # Union is no labour union) and more than words beside it ("Arnor Airlines, the carrier");
            # a state's own name ("the Soviet Union") is no body of the kind its noun names
            found = _central_bank(g.name, res) or _name_sector(g.name.lower(), res)
            if found and found[0] != title_sector:
                title_sector = found[0]
                g.coding.append(f"sector {found[0]} from '{found[1]}' in the name")
    g.country = title_country
    g.sector = title_sector
    if entry is not None:
        used = []
        if not g.country and entry.country:
            g.country = entry.country
            used.append(f"country {entry.country}")
        if not g.sector and entry.sector:
            g.sector = entry.sector
            used.append(f"sector {entry.sector}")
        if g.sector == "GOV" and entry.country in ("IGO", "NGO") and entry.sector == entry.country == g.country:
            # an international body's official ("UN Secretary-General") serves no government
            g.sector = entry.sector
            used.append(f"sector {entry.sector} (an office of an international body, not a government's)")
        g.role = g.role or entry.role or None
        if entry.role:
            g.roles.add(entry.role.lower())
        dates = f", {entry.start or '…'}–{entry.end or '…'}" if (entry.start or entry.end) else ""
        g.coding.append(f"{' and '.join(used) or 'identified'} from dictionary entry '{entry.name}' "
                        f"({entry.role or 'no role'}{dates}; {entry.source})")


def _from_titles(g: Any, res: Any, on: Any, entry: Any = None) -> tuple[str | None, str | None]:
    """Country and sector from the words before or beside a name: "Chinese President" -> CHN, GOV;
    a party's word gives the party's country, and its sector to a party role ("Lib Dem leader" ->
    GBR, PTY; "Labour MP" -> GBR, and LEG from "MP")."""
    country = sector = None
    for t in g.titles:
        if _office_not_held(t, entry, on):
            g.coding.append(f"'{t.text}' not read as an office held: on {on} the dictionary has "
                            f"{entry.name} as {entry.role or entry.sector} ({entry.source})")
            continue
        if _described_only(t, entry, on):
            g.coding.append(f"'{t.text}' says what {entry.name} is, not the office held: on {on} the dictionary "
                            f"has {entry.role or entry.sector} ({entry.source})")
            continue
        c = country_in(t.tokens, res)
        if c and not country:
            country = c
            g.coding.append(f"country {c} from '{t.text}'")
        found = res.agents.sector_for(_role_phrase(t.tokens)) if _role_phrase(t.tokens) else None
        found = _leader_of_what(t, found, res)
        party = _party_row(list(t.tokens), res, on) or _party_voice(t, res, on)
        if party is not None and not country:
            row, words, role = party
            country = row.country
            g.coding.append(f"country {row.country} from '{words}' in '{t.text}' (the {row.name})")
            if role in PARTY_SECTOR_NOUNS or t.head_word in PARTY_VOICE_NOUNS or not found:
                found = (row.sector, words)
        if found and not sector:
            sector = found[0]
            g.role = g.role or t.head_word
            g.coding.append(f"sector {found[0]} from '{found[1]}' in '{t.text}'")
    return country, sector


def _office_not_held(t: Any, entry: Any, on: Any) -> bool:
    """ "President Arnold" in a report of his campaign, or of his years after office: a bare national
    office before the name of someone whom a dated dictionary row gives another role on the article's
    day (a candidate, a former president) is a hypothetical or an honorific, not the office held."""
    if entry is None or on is None or not entry.sector or entry.sector == "GOV" or entry.approximate:
        return False
    day = on.date() if hasattr(on, "hour") else on
    if not (entry.start or entry.end) or not entry.valid_on(day) or not _bare_office(t):
        return False
    return True


def _described_only(t: Any, entry: Any, on: Any) -> bool:
    """ "Ann Bevis, an accomplished lawyer, is running for governor": a noun after "a" or "an" puts someone
    in a class (a trade learnt, a past career), where a dated dictionary row says what they are on the
    article's day (a candidate): the row's sector is the one to code."""
    if entry is None or on is None or not entry.sector or entry.approximate or not (entry.start or entry.end):
        return False
    day = on.date() if hasattr(on, "hour") else on
    first = t.tokens[0].lower_ if len(t.tokens) else ""
    return entry.valid_on(day) and first in ("a", "an")


# a party's word anywhere before these heads makes the title the party's: "Labour health
# spokesman" speaks for the party, whatever office words stand between
PARTY_VOICE_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "strategist", "candidate", "nominee",
                               "operative"})


def _party_voice(t: Any, res: Any, on: Any) -> tuple[Any, str, str] | None:
    """ "Labour transport spokesman": a party's word anywhere before a spokesman, with subject words
    between them, that the party's-word rule (a role noun right after the word) does not see."""
    if t.head_word not in PARTY_VOICE_NOUNS:
        return None
    toks = [tok for tok in t.tokens if tok.i < t.head.i]
    for i in range(len(toks)):
        for size in (2, 1):
            chunk = toks[i:i + size]
            if len(chunk) < size or not all(x.is_title or x.is_upper for x in chunk):
                continue
            name = PARTY_WORDS.get(" ".join(x.lower_.rstrip(".") for x in chunk))
            rows = [r for r in res.actors.lookup(name, on=on) if r.country] if name else []
            if rows:
                return rows[0], " ".join(x.text for x in chunk), t.head_word
    return None


def _leader_of_what(t: Any, found: Any, res: Any) -> Any:
    """ "Leader" alone is read as a government's, but "a farmers' leader" or "a temperance leader" leads
    what the noun before it names: that noun's sector ("student leader" -> students'), or none when the
    noun names a cause no dictionary codes. A proper name before it ("Hamas leader") is left as read;
    "Leader" with no word before it says nothing of what is led, and gives no sector."""
    if found is None or found.noun != "leader":
        return found
    if all(tok.i == t.head.i or tok.dep_ == "det" for tok in t.tokens):
        return None  # "Leader Ann Bevis", "the leader, Ann Bevis": of a party, a union or a state, unsaid
    before = [tok for tok in t.tokens if tok.i < t.head.i and tok.pos_ in ("NOUN", "PROPN") and not tok.ent_type_
              and tok.dep_ in ("compound", "nmod", "poss")]
    if not before:
        return found
    noun = before[-1]
    own = res.agents.sector_for(noun.lower_) or res.agents.sector_for(noun.lemma_.lower())
    return type(found)(own.sector, f"{noun.lower_} {found.noun}") if own is not None else None


def _party_row(tokens: list[Any], res: Any, on: Any) -> tuple[Any, str, str] | None:
    """The dictionary row of a party named by its word in a title, the words, and the role after them."""
    got = party_in(tokens)
    if got is None:
        return None
    name, words = got
    rows = [r for r in res.actors.lookup(name, on=on) if r.country]
    if not rows:
        return None
    after = words[-1].i + 1
    role = next((t.lower_.rstrip(".") for t in tokens if t.i == after), "")
    return rows[0], " ".join(t.text for t in words), role


def _other_party(entry: Any) -> bool:
    """A party the dictionary knows by its own name: a party's word inside it ("Democratic" in a
    "Liberal Democratic Party" or a "Social Democratic Party") names no branch of that other party."""
    return entry is not None and (entry.role or "").lower() == "party"


def _party_in_name(g: Any, res: Any, on: Any) -> Any:
    """ "the Ohio Republican Party", "Florida Democratic Party": a state's branch or a body of a party
    the dictionary knows is of that party's country and sector; the party's row."""
    for n in g.names:
        party = _party_row(list(n.tokens), res, on)
        if party is not None:
            row = party[0]
            g.coding.append(f"country {row.country} and sector {row.sector} from '{party[1]}' in its name "
                            f"(the {row.name})")
            return row
    return None


def _place_row(entry: Any) -> bool:
    """A dictionary row of a country or place: its code is its country alone, with no sector or role."""
    return bool(entry.country) and not entry.sector and not entry.role and (entry.code or "") == entry.country


# "the Bank of Japan", "the Central Bank of Nigeria", "the Reserve Bank of Australia": a bank named after a
# country is most often that country's central bank, an arm of the state (GOV, as the agents code a
# "central bank"). A few banks of that form are commercial banks and are left to the other rules: the
# Bank of America, of China, of Ireland, of Scotland, of Cyprus and of India.
_CENTRAL_BANK = re.compile(r"^(?:the\s+)?(central\s+|reserve\s+)?bank\s+of\s+(?:the\s+)?(.+)$", re.IGNORECASE)
_COMMERCIAL_BANKS_OF = frozenset({"america", "china", "ireland", "scotland", "cyprus", "india"})


def _central_bank(name: str, res: Any) -> AgentMatch | None:
    m = _CENTRAL_BANK.match(name.strip())
    if m is None or (not m.group(1) and m.group(2).lower() in _COMMERCIAL_BANKS_OF):
        return None
    found = res.countries.find(m.group(2))
    if found is None or found[1] == "capital":
        return None
    return AgentMatch("GOV", "central bank")


def _name_sector(name: str, res: Any) -> Any:
    """The sector a body's own name gives ("Arnor Ministry of Fisheries" -> GOV), not a noun after its
    "of" ("the Board of Deputies" is a board, whatever deputies are)."""
    found = res.agents.sector_for(name)
    if found and " of " in name and " of " not in found.noun and found.noun.split()[0] not in name.split(" of ")[0]:
        return None
    head = name.split(" of ")[0]
    if found is None and " of " in name and head.split()[-1] in OF_HEADS:
        found = res.agents.sector_for(head)  # "the Department of Energy" is a department, whatever energy is
    return found


# bodies of state whose own name puts what they do after "of"
OF_HEADS = frozenset({"department", "ministry"})


def _dictionary_entry(g: Any, res: Any, on: Any) -> Any:
    names = [n.text for n in sorted(g.names, key=lambda n: -len(n.text.split()))]
    if g.label == "PERSON":
        # a surname with its title ("President Obama") is listed where the surname alone is not
        names += [m.span.text for m in g.mentions if m.span.text not in names]
    if g.label != "PERSON":  # "Arnor Motor Corp." is the "Arnor Motor" a dictionary lists
        names += [stem for stem in map(without_legal_form, names) if stem and stem not in names]
    for text in names:
        if g.label == "PERSON" and len(text.split()) < 2 and len(names[0].split()) >= 2:
            continue  # a surname alone is too ambiguous once a full name is known
        for e in res.actors.lookup(text, on=on):
            if g.label != "PERSON" or person_row(e):
                return e
    return None


# words of a company's legal form that end its name: "Arnor Motor Corp", "Gondor Holdings", "Dale AG"
LEGAL_FORMS = frozenset({"corp", "corporation", "inc", "incorporated", "co", "company", "ltd", "limited", "plc",
                         "llc", "llp", "ag", "gmbh", "nv", "bv", "sa", "spa", "holdings", "pjsc", "oao", "ojsc"})


def without_legal_form(name: str) -> str | None:
    """The name before a company's legal form ("Arnor Motor Corp." -> "Arnor Motor"), or None."""
    words = name.split()
    if len(words) > 1 and words[-1].rstrip(".").lower() in LEGAL_FORMS and words[-1][:1].isupper():
        return " ".join(words[:-1]).rstrip(",")
    return None


def person_row(e: Any) -> bool:
    """Can a dictionary row code a person? A person's row, or an untyped one that is more than a bare
    country code (the Phoenix files type few of their people, and list towns as their country's
    aliases: "Houston" -> USA, which must not code "Mr Houston")."""
    return e.type == "PERSON" or (not e.type and (bool(e.sector) or (e.code or "") != (e.country or "")))


def _longest_name(g: Any) -> str:
    best = max(g.names, key=lambda n: (len(n.text.split()), -n.start))
    return best.text


def _possessive_country(g: Any, doc: Any, res: Any) -> str | None:
    """ "China's Xinhua News Agency": the country in the possessive before the name."""
    for n in g.names:
        i = n.tokens.start - 1
        if i >= 1 and doc[i].text in POSSESSIVE and doc[i - 1].ent_type_ in ("GPE", "NORP"):
            c = country_in(doc[i - 1:i], res)
            if c:
                owner = next((e for e in doc_ents(doc) if e.start <= i - 1 < e.end), doc[i - 1:i])
                g.coding.append(f"country {c} from '{doc[owner.start:i + 1].text}' before the name")
                return c
    return None


def _of_country(g: Any, doc: Any, res: Any) -> str | None:
    """ "King Hassan of Morocco", "President Mubarak of Egypt": a country right after the name."""
    for n in g.names:
        i = n.tokens.end
        if i + 1 < len(doc) and doc[i].lower_ == "of" and doc[i + 1].ent_type_ == "GPE":
            end = i + 2
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            found = res.countries.find(doc[i + 1:end].text)
            if found is not None and found[1] != "capital":
                g.coding.append(f"country {found[0].iso3} from '{doc[n.tokens.start:end].text}'")
                return found[0].iso3
    return None


NATIONAL_OFFICES = frozenset({"president", "vice-president", "prime minister", "premier", "king", "queen", "emir",
                              "sultan", "chancellor", "monarch", "head of state", "head of government"})


_OFFICE_WORDS = frozenset(w for o in NATIONAL_OFFICES for w in o.replace("-", " ").split()) | {"vice"}


def _bare_office(t: Any) -> bool:
    """ "President", "Vice-President": a national office and nothing else. "Fornost President"
    names a country of its own, even one no dictionary knows, so the article is not asked."""
    if t.head_word not in NATIONAL_OFFICES or t.possessor is not None:
        return False
    words = [w for tok in t.tokens if tok.is_alpha or "-" in tok.text for w in tok.lower_.split("-")]
    return all(w in _OFFICE_WORDS for w in words if w)


_WHERE_PREPS = frozenset({"in", "of", "across", "throughout", "within", "inside", "around"})


def where_not_whom(tok: Any) -> bool:
    """A country named as where things are ("in Algiers", "Zambia's economy"), not as the party
    acted on ("threatened action against Russia", "visited Kenya"): only the first says whose
    leader an unplaced president is."""
    while tok.dep_ == "conj" and tok.head.i != tok.i:  # "between Kenya and Uganda": as the first one
        tok = tok.head
    if tok.dep_ in ("dobj", "obj", "dative", "attr"):
        return False
    return not (tok.dep_ == "pobj" and tok.head.lower_ not in _WHERE_PREPS)


def home_country(groups: list[Any], doc: Any, res: Any) -> None:
    """ "President Levy Mwanawasa … the Zambian people": a head of state or government named by
    office alone, whom neither the text nor the dictionary gives a country, is of the country the
    article names when it names only one, and no other person of the article is of it ("President
    Firefly welcomed South African President Cyril Ramaphosa": the country named is the guest's)."""
    leaders = [g for g in groups if g.label == "PERSON" and not g.country
               and any(_bare_office(t) for t in g.titles)]
    if not leaders:
        return
    named: set[str] = {g.country for g in groups if g.label not in ("PERSON", "GPE") and g.country}
    for ent in doc_ents(doc):
        if ent.label_ == "NORP" or (ent.label_ == "GPE" and where_not_whom(ent.root)):
            found = res.countries.find(ent.text)
            if found is not None:
                named.add(found[0].iso3)
    named -= {"IGO", "NGO", "MNC", "IMG"}
    if len(named) != 1:
        return
    country = named.pop()
    if any(g.label == "PERSON" and g.country == country for g in groups):
        return
    for g in leaders:
        g.country = country
        g.coding.append(f"country {country}: the one country the article names, and no other person's")


def _country_in_name(g: Any, res: Any, entry: Any = None) -> str | None:
    """ "Chinese Foreign Ministry" -> CHN; only when exactly one country is named. A body the dictionary
    knows as no one country's (the "Inter-American Development Bank" is an IGO) keeps its row's code:
    a nationality or a continent's adjective in an international body's name names its members."""
    if entry is not None and entry.country in ("IGO", "NGO", "MNC", "IMG"):
        return None
    words = re.findall(r"[\w.'’-]+", g.name)
    found = set()
    for size in (3, 2, 1):
        for i in range(len(words) - size + 1):
            hit = res.countries.find(" ".join(words[i:i + size]))
            if hit is not None:
                found.add(hit[0].iso3)
        if found:
            break
    if len(found) == 1:
        c = found.pop()
        g.coding.append(f"country {c} from its name '{g.name}'")
        return c
    return None
