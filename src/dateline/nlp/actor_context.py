"""Codes an entity takes from the rest of its article, once every entity is coded on its own.

Two rules of how news is written:

* A company's officers are business people: "the carmaker's president", "Arnor Motors chairman",
  "chief executive of the airline" name someone who runs a company (BUS), not a head of state (GOV);
  an officer title alone ("President") says nothing of a company and is left as it was coded.
* A labour union's officers are labour: "Mark Lane, the union's general secretary", "president of the
  dockers' union" names a union man (LAB), not a minister, though "president" alone is GOV.
* Offices and bodies that many countries have ("the Treasury", "the Home Office", "Parliament", "the
  Supreme Court", "the police", a senator) and the people it names are of the country the article is
  set in, when its places, nationalities and placed bodies are (almost) all of one country (readers
  judging our entities on real news mark such a person with no country as wrong); bodies of no country
  (the UN, an NGO) and people of a foreign sector (a refugee, a UN envoy) are not placed so.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from .coding import LEGAL_FORMS, where_not_whom
from .names import PERSON_ROLES
from .us_states import PARTIES, party_tag_after, state_after_of
from .token_table import doc_ents

# titles a company's officers hold, as the head word of the title (lemma, lower case)
OFFICER_HEADS = frozenset({"president", "chairman", "chairwoman", "chair", "chairperson", "executive", "director",
                           "founder", "co-founder", "boss", "head", "chief", "ceo", "owner", "partner",
                           "vice-president", "officer", "manager",
                           "general"})  # the head of "director general", "secretary general"
COMPANY_SECTORS = frozenset({"BUS", "MNC"})
# sectors of an office or a state body that belongs to the country it works in
OFFICE_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY", "PTY"})
NOT_COUNTRIES = frozenset({"IGO", "NGO", "MNC", "IMG"})
# a long article may name another country in passing; one country with this share of at least this
# many mentions is still its home (the thresholds of nlp.events.home, for the events' parties)
DOMINANT_SHARE = 0.9
DOMINANT_MIN = 5
MIN_MENTIONS = 2


def code_from_context(groups: list[Any], doc: Any, res: Any) -> None:
    """People the tagger took for bodies or places, company officers to BUS, then unplaced offices and
    bodies to the article's country."""
    _people_by_apposition(groups)
    _bodies_by_apposition(groups)
    _companies_by_legal_form(groups)
    _units_of_companies(groups, res)
    _company_officers(groups, doc, res)
    _union_officers(groups)
    _officers_of_other_bodies(groups)
    _people_of_named_bodies(groups, doc)
    _police_ranks(groups, res)
    _aides_of_people(groups)
    _american_tags(groups, doc)
    home = article_country(groups, doc, res)
    if home is not None:
        _place_offices(groups, *home)
    else:
        _place_offices_by_politics(groups)


# -- people named as bodies or places -------------------------------------------------------------

# nouns only a person is called by: "Gowdy, a congressman from Ohio" is a man whatever the tagger said
PERSON_NOUNS = PERSON_ROLES | {"lawmaker", "legislator", "businessman", "businesswoman", "judge", "prosecutor",
                              "lawyer", "attorney", "reporter", "journalist", "actor", "actress", "singer",
                              "wife", "husband", "son", "daughter", "father", "mother", "brother", "sister"}


def _people_by_apposition(groups: list[Any]) -> None:
    """A name no dictionary or country table knows, in apposition to a noun only people are called by,
    is a person's: a surname tagged as an organisation or a town ("Clarke, the home secretary")."""
    for g in groups:
        if g.label == "PERSON" or g.key[0] not in ("ORG", "GPE", "LOC", "FAC"):
            continue
        title = next((t for t in g.titles if t.appositive and t.head_word in PERSON_NOUNS
                      and t.head.tag_ in ("NN", "NNP")), None)
        if title is not None:
            g.coding.append(f"a person: '{title.text}' in apposition (tagged {g.label})")
            g.label = "PERSON"


# nouns only a body is called by: "Yukora, the oil company" is a company whatever the tagger said
BODY_NOUNS = frozenset({"company", "firm", "group", "party", "bank", "agency", "ministry", "carrier", "airline",
                        "carmaker", "automaker", "newspaper", "broadcaster", "network", "union", "organisation",
                        "organization", "charity", "militia", "council", "committee", "department", "manufacturer",
                        "retailer", "insurer", "lender", "conglomerate", "maker", "operator", "producer",
                        "subsidiary", "chain", "club", "team", "insurgency", "movement", "alliance", "coalition"})


def _bodies_by_apposition(groups: list[Any]) -> None:
    """A name tagged as a person, in apposition to a noun only bodies are called by, is a body's: "Yukora,
    the Russian oil company", "the Russian oil company Yukora"; not when it is also called by a person's
    title ("Mr Yukora")."""
    for g in groups:
        # "German airline Fennair" before the name counts as "Fennair, the German airline" does
        if g.label != "PERSON" or any(not t.appositive and t.head_word not in BODY_NOUNS for t in g.titles):
            continue
        title = next((t for t in g.titles if t.head_word in BODY_NOUNS and t.head.tag_ in ("NN", "NNP")), None)
        if title is not None and not any(m.kind == "short_name" and " " in m.span.text for m in g.mentions):
            g.coding.append(f"a body: '{title.text}' in apposition (tagged PERSON)")
            g.label = "ORG"


# -- companies, and people who serve a named body ----------------------------------------------------

def _companies_by_legal_form(groups: list[Any]) -> None:
    """A body whose name ends in a company's legal form is a company (BUS)."""
    for g in groups:
        if g.label != "ORG" or g.sector:
            continue
        form = next((n.tokens[-1].text for n in g.names if len(n.tokens) > 1
                     and n.tokens[-1].text.rstrip(".").lower() in LEGAL_FORMS and n.tokens[-1].text[:1].isupper()),
                    None)
        if form is not None:
            g.sector = "BUS"
            g.coding.append(f"sector BUS: '{form}' is a company's legal form")


# last words of a body named after a company that is no part of its business ("the Arnor Foundation")
NOT_UNIT_WORDS = frozenset({"foundation", "institute", "university", "college", "school", "museum", "hospital",
                            "trust", "charity", "party", "union", "council", "centre", "center", "stadium", "arena",
                            "prize", "award", "awards", "cup", "family"})


def _units_of_companies(groups: list[Any], res: Any) -> None:
    """ "Arnor Motors Trucks", "Tamsin Commercial Aircraft": a body whose name begins with the name of a
    company the dictionary knows is a unit of that company (BUS), of the company's country."""
    for g in groups:
        if g.label != "ORG" or g.sector:
            continue
        words = g.name.split()
        if len(words) < 2 or words[-1].lower() in NOT_UNIT_WORDS:
            continue
        for size in range(len(words) - 1, 0, -1):
            row = next((r for r in res.actors.lookup(" ".join(words[:size]))
                        if r.sector in COMPANY_SECTORS and r.type != "PERSON"), None)
            if row is None:
                continue
            g.sector = "BUS"
            g.coding.append(f"sector BUS: a unit of {row.name}, whose name begins its own")
            if not g.country and row.country and row.country not in NOT_COUNTRIES:
                g.country = row.country
                g.coding.append(f"country {row.country} from {row.name}")
            break


def _people_of_named_bodies(groups: list[Any], doc: Any) -> None:
    """ "NBC News reporter Kay Lom", "Ministry of Fisheries spokesman", "CNN's Jo Ray": a person named with
    the body they work for is of its country, and of its sector when the title gives none."""
    bodies: dict[int, Any] = {}
    for g in groups:
        if g.label == "ORG" and g.country:
            for n in g.names:
                for tok in n.tokens:
                    bodies[tok.i] = g
    for g in groups:
        if g.label != "PERSON" or (g.country and g.sector):
            continue
        body, words, owned = _body_named_with(g, doc, bodies)
        if body is None:
            continue
        if not g.country and body.country != "MNC":  # a multinational's people have a country of their own
            g.country = body.country
            g.coding.append(f"country {body.country} from {body.name}, in '{words}'")
        if not g.sector and body.sector and _works_for(g, body, owned):
            g.sector = body.sector
            g.coding.append(f"sector {body.sector} from {body.name}, in '{words}'")


# nouns for someone who works for the body named with them (a "Kremlin critic" does not)
STAFF_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "official", "officer", "reporter",
                         "correspondent", "journalist", "editor", "anchor", "host", "presenter", "columnist",
                         "employee", "worker", "staffer", "executive", "director", "chief", "head", "manager"})


# prepositions that tie a staff noun to the body it works for ("host on CNN", "editor at the Times")
STAFF_PREPS = frozenset({"of", "for", "at", "on", "with"})


def _works_for(g: Any, body: Any, owned: bool) -> bool:
    """Does the person work for the body? Named by a staff noun with it, or as a newsroom's or a
    company's own ("CNN's Jo Ray")."""
    if any(t.head_word in STAFF_NOUNS for t in g.titles):
        return True
    return owned and body.sector in ("MED", "BUS")


def _body_named_with(g: Any, doc: Any, bodies: dict[int, Any]) -> tuple[Any, str, bool]:
    """The body named in a person's title or in the possessive before their name, the words, and
    whether it was the possessive."""
    for n in g.names:  # "CNN's Jo Ray": the body's possessive right before the name
        i = n.tokens.start
        if i >= 2 and doc[i - 1].tag_ == "POS" and (i - 2) in bodies:
            return bodies[i - 2], doc[i - 2:n.tokens.end].text, True
    for t in g.titles:
        hit = next((bodies[tok.i] for tok in t.tokens if tok.i in bodies), None)
        if hit is None and t.head_word in STAFF_NOUNS:  # "a host on CNN", "a reporter for the BBC"
            hit = next((bodies[tok.i] for prep in t.head.children if prep.dep_ == "prep"
                        and prep.lower_ in STAFF_PREPS for tok in prep.subtree if tok.i in bodies), None)
        if hit is not None:
            return hit, t.text, False
    return None, "", False


def _police_ranks(groups: list[Any], res: Any) -> None:
    """ "Police commander Luis Ortega", "police Colonel Ana Ruiz": a rank in the police is the police's
    (COP), though the rank word alone is an army's."""
    for g in groups:
        if g.label != "PERSON" or g.sector != "MIL":
            continue
        t = next((t for t in g.titles for tok in t.tokens
                  if tok.i != t.head.i and (res.agents.sector_for(tok.lower_) or ("",))[0] == "COP"), None)
        if t is not None:
            g.sector = "COP"
            g.coding.append(f"sector COP: '{t.text}' is a police rank")


def _american_tags(groups: list[Any], doc: Any) -> None:
    """ "Sen. Jo Ray (R-Texas)", "Rep. Al Poe, D-Calif.": American, and a legislator when nothing else
    says what they are; "Governor Al Poe of Ohio": an office held of an American state."""
    for g in groups:
        if g.label != "PERSON" or g.country:
            continue
        for n in g.names:
            tag = party_tag_after(doc, n.tokens.end)
            if tag is not None:
                g.country = "USA"
                g.coding.append(f"country USA from the party tag {tag[0]}-{tag[1]} ({PARTIES[tag[0]]}, "
                                f"{tag[1]})")
                if not g.sector:
                    g.sector = "LEG"
                    g.coding.append("sector LEG: a party tag names a member of Congress")
                break
            state = state_after_of(doc, n.tokens.end) if g.sector in OFFICE_SECTORS else None
            if state is not None:
                g.country = "USA"
                g.coding.append(f"country USA from '{doc[n.tokens.start:n.tokens.end].text} of {state}'")
                break


# -- a company's officers -------------------------------------------------------------------------

def _company_officers(groups: list[Any], doc: Any, res: Any) -> None:
    companies = _company_tokens(groups, doc)
    for g in groups:
        if g.label != "PERSON" or g.sector in COMPANY_SECTORS:
            continue
        for t in g.titles:
            if t.head_word not in OFFICER_HEADS:
                continue
            found = _company_of(t, companies, res)
            if found is None:
                continue
            words, company = found
            g.sector = "BUS"
            g.coding.append(f"sector BUS: '{t.text}' is an officer of a company ('{words}')")
            if not g.country and company is not None and company.country and company.country not in NOT_COUNTRIES:
                g.country = company.country
                g.coding.append(f"country {company.country} from the company, {company.name}")
            break


def _company_tokens(groups: list[Any], doc: Any) -> dict[int, Any]:
    """Token index -> the company group (sector BUS or MNC) whose name covers it."""
    out: dict[int, Any] = {}
    for g in groups:
        if g.label == "PERSON" or g.sector not in COMPANY_SECTORS:
            continue
        for n in g.names:
            for tok in n.tokens:
                out[tok.i] = g
    return out


def _company_of(t: Any, companies: dict[int, Any], res: Any) -> tuple[str, Any] | None:
    """The company a title ties its officer to: a company named or described inside the title ("Arnor
    Motors chairman", "the carmaker's president") or after its 'of' ("president of the airline")."""
    for tok in _title_words(t):
        if tok.i in companies:
            g = companies[tok.i]
            return g.name, g
        if tok.pos_ != "NOUN":
            continue
        words = " ".join(c.lower_ for c in tok.lefts if c.dep_ in ("compound", "amod")) + " " + tok.lower_
        found = res.agents.sector_for(words.strip())
        if found is not None and found[0] in COMPANY_SECTORS and found[1].split()[-1] == tok.lemma_.lower():
            return words.strip(), None
    return None


def _title_words(t: Any) -> list[Any]:
    """The words of a title other than its head, then those after the head's 'of' ("president of the
    airline"): where the body an officer serves is named."""
    words = [tok for tok in t.tokens if tok.i != t.head.i]
    for prep in t.head.children:
        if prep.dep_ == "prep" and prep.lower_ in SERVES_PREPS:
            words += [tok for tok in prep.subtree if tok.i != prep.i]
    return words


# the prepositions after an office that name the body it is held in: "president of the airline",
# "chief economist at Arnor Bank"
SERVES_PREPS = frozenset({"of", "at"})


# -- aides of named people ------------------------------------------------------------------------

# titles of those who serve one person (not "envoy to" or "ambassador to", which name where they are sent)
AIDE_HEADS = frozenset({"adviser", "advisor", "aide", "assistant", "spokesman", "spokeswoman", "spokesperson",
                        "secretary", "counsellor", "counselor"})


def _aides_of_people(groups: list[Any]) -> None:
    """ "Ivo Lind, an adviser on trade to President Ann Bevis": an aide of a named person whom the text
    gives no country of their own is of the country of the person they serve."""
    people: dict[int, Any] = {}
    for g in groups:
        if g.label == "PERSON" and g.country and g.country not in NOT_COUNTRIES:
            for n in g.names:
                for tok in n.tokens:
                    people[tok.i] = g
    for g in groups:
        if g.label != "PERSON" or g.country:
            continue
        for t in g.titles:
            if t.head_word not in AIDE_HEADS:
                continue
            to = [tok for prep in t.head.children if prep.dep_ == "prep" and prep.lower_ == "to"
                  for tok in prep.subtree if tok.i != prep.i]
            boss = next((people[tok.i] for tok in to if tok.i in people and people[tok.i] is not g), None)
            if boss is not None:
                g.country = boss.country
                g.coding.append(f"country {boss.country}: '{t.text}' serves {boss.name}")
                break


# -- a labour union's officers --------------------------------------------------------------------

# titles a union's officers hold, as the head word of the title (lemma, lower case)
UNION_ROLE_HEADS = OFFICER_HEADS | {"leader", "secretary", "official", "organizer", "organiser", "negotiator",
                                    "spokesman", "spokeswoman", "spokesperson", "representative", "steward"}


def _union_officers(groups: list[Any]) -> None:
    """ "the union's general secretary", "president of the dockers' union", "a teachers' union leader": an
    officer of a labour union is labour (LAB). Only the common noun counts: the European Union is no union
    of workers, and a capitalised "Union" inside a name is left to the dictionaries."""
    for g in groups:
        if g.label != "PERSON" or g.sector == "LAB":
            continue
        for t in g.titles:
            if t.head_word not in UNION_ROLE_HEADS:
                continue
            words = _union_in(t)
            if words is not None:
                g.sector = "LAB"
                g.coding.append(f"sector LAB: '{t.text}' is an officer of a labour union ('{words}')")
                break


def _union_in(t: Any) -> str | None:
    """The words naming a labour union inside a title or after its 'of', if any."""
    for tok in _title_words(t):
        if tok.lower_ in ("union", "unions") and tok.tag_ in ("NN", "NNS"):
            first = min(c.i for c in tok.subtree)
            return tok.doc[first:tok.i + 1].text
    return None


# -- officers of bodies that are no government ---------------------------------------------------

# heads of titles that states and every other kind of body alike give their officers: read alone
# they are a government's, but "president of a drivers' club" is the club's
SHARED_OFFICES = frozenset({"president", "vice-president", "leader", "head", "chief", "chairman", "chairwoman",
                            "chair", "director", "secretary", "spokesman", "spokeswoman", "spokesperson"})
GOVERNMENT_SECTORS = frozenset({"GOV", "LEG", "JUD", "COP", "MIL", "SPY"})


def _officers_of_other_bodies(groups: list[Any]) -> None:
    """ "Ana Ruiz, president of the Arnor Hikers' Federation": an office named "of" a named body that is
    no arm of a state is that body's office: its sector (the hikers' federation's, or none when the body
    is not coded), not the government's a bare "president" was read as."""
    bodies: dict[int, Any] = {}
    for g in groups:
        if g.label == "ORG":
            for n in g.names:
                for tok in n.tokens:
                    bodies[tok.i] = g
    for g in groups:
        if g.label != "PERSON" or g.sector != "GOV":
            continue
        for t in g.titles:
            if t.head_word not in SHARED_OFFICES:
                continue
            body = next((bodies[tok.i] for tok in _of_words(t.head) if tok.i in bodies), None)
            if body is None or body.sector in GOVERNMENT_SECTORS:
                continue
            g.sector = body.sector
            g.coding.append(f"sector {body.sector or 'none'}: '{t.text}' of {body.name}, no government body "
                            f"(not GOV)")
            break


def _of_words(head: Any) -> list[Any]:
    """The words after an office's 'of' or 'at', or after those of an office joined to it ("president
    and chief executive of the airline"), or of what it is in charge of ("the engineer in charge of
    sales at Arnor Electronics")."""
    out = []
    for h in [head] + [c for c in head.children if c.dep_ == "conj"]:
        for prep in h.children:
            if prep.dep_ == "prep" and (prep.lower_ in SERVES_PREPS or prep.lower_ == "in" and any(
                    c.lower_ == "charge" for c in prep.children)):
                out += [tok for tok in prep.subtree if tok.i != prep.i]
    return out


# -- the article's country ------------------------------------------------------------------------

def article_country(groups: list[Any], doc: Any, res: Any) -> tuple[str, str] | None:
    """(country, why) when the article's places, nationalities and placed bodies are of one country
    (or all but a stray one or two in a long article); None when it names none or several. Places
    named as what is acted on ("sanctions against Arnor") do not say where the story is set."""
    counts: Counter[str] = Counter()
    example: dict[str, str] = {}
    for g in groups:
        # a news outlet credited for a report ("the Associated Press reported") is not where it is set
        if not g.country or g.country in NOT_COUNTRIES or g.label == "PERSON" or g.sector == "MED":
            continue
        for n in g.names:
            if where_not_whom(n.tokens.root):
                counts[g.country] += 1
                example.setdefault(g.country, n.text)
    for ent in doc_ents(doc):
        if ent.label_ == "NORP" and not _ancestry(ent):
            hit = res.countries.find(ent.text)
            if hit is not None and hit[0].iso3 not in NOT_COUNTRIES:
                counts[hit[0].iso3] += 1
                example.setdefault(hit[0].iso3, ent.text)
    if not counts:
        return None
    (country, n), = counts.most_common(1)
    total = sum(counts.values())
    if len(counts) == 1 and n >= MIN_MENTIONS:
        return country, f"the one country the article is set in ('{example[country]}')"
    if n >= DOMINANT_MIN and n >= DOMINANT_SHARE * total:
        return country, f"the country of {n} of the article's {total} places and bodies ('{example[country]}')"
    return None


# nouns after a nationality that tell a person's forebears, not where the story is ("of Irish descent")
ANCESTRY_NOUNS = frozenset({"descent", "origin", "origins", "heritage", "ancestry", "extraction", "roots"})


def _ancestry(ent: Any) -> bool:
    doc = ent.doc
    return ent.end < len(doc) and doc[ent.end].lower_ in ANCESTRY_NOUNS


# words in a body's name that say it is no one country's ("the European Court of Auditors")
INTERNATIONAL_WORDS = frozenset({"european", "international", "world", "global", "united nations", "un", "african",
                                 "asian", "arab", "nato", "islamic", "commonwealth"})


# sectors that say a person is not of the country they are found in (an envoy of the UN, a refugee)
FOREIGN_SECTORS = frozenset({"IGO", "NGO", "MNC", "IMG", "REF", "UAF"})


def _place_offices(groups: list[Any], country: str, why: str) -> None:
    for g in groups:
        person = g.label == "PERSON" and (g.sector or "")[:3] not in FOREIGN_SECTORS
        if g.country or (g.sector not in OFFICE_SECTORS and not person) or g.label in ("GPE", "LOC"):
            continue
        if g.label != "PERSON" and any(w in INTERNATIONAL_WORDS for n in g.names for w in n.text.lower().split()):
            continue
        g.country = country
        g.coding.append(f"country {country}: an office or body of the article's country, {why}")


# sectors of the people and bodies of a country's politics: its government, parliament, parties and
# opposition
POLITICAL_SECTORS = frozenset({"GOV", "LEG", "PTY", "OPP"})
MIN_POLITICAL = 2


def _place_offices_by_politics(groups: list[Any]) -> None:
    """ "Culture Minister Ann Bevis ... 'like Hitler's Germany'": a story of one country's politics that
    names other countries in passing (a comparison, a trip, a foreign example) has no single home by its
    places, yet a minister or a shadow minister it names with no country is of the country whose
    government, parties and politicians it names, when all of those (two at least) are of one country;
    so is a person of no sector who takes part in the story (see _someone_in_it)."""
    countries = Counter(g.country for g in groups if g.sector in POLITICAL_SECTORS and g.country
                        and g.country not in NOT_COUNTRIES and g.label in ("PERSON", "ORG"))
    if len(countries) != 1 or sum(countries.values()) < MIN_POLITICAL:
        return
    (country, n), = countries.items()
    for g in groups:
        if g.country or g.label not in ("PERSON", "ORG"):
            continue
        if g.sector not in POLITICAL_SECTORS and not _someone_in_it(g):
            continue
        if g.label != "PERSON" and any(w in INTERNATIONAL_WORDS for n_ in g.names for w in n_.text.lower().split()):
            continue
        g.country = country
        g.coding.append(f"country {country}: an office of the country of the article's {n} other coded "
                        f"politicians, parties and government bodies")


def _someone_in_it(g: Any) -> bool:
    """A person of no sector the story names by full name and more than once: someone who takes part in
    its events (a campaigner, a pollster, a donor), not a figure of history or of elsewhere named in
    passing or by a surname alone ("like Hitler's Germany")."""
    return (g.label == "PERSON" and not g.sector and len(g.mentions) >= 2
            and max((len(n.text.split()) for n in g.names), default=0) >= 2)
