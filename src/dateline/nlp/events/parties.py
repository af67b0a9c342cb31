"""Which noun phrases can be a party to an event: people, a body or a country, not a thing.

An actor or recipient is a person, an organisation, a country or a group of people ("three
journalists", "a woman", "civilians"). A phrase about a thing ("a request", "an investigation",
"the memo") is no party: the party is whoever is named inside it ("a request by textile makers" ->
the makers, "the council's decision" -> the council), or there is none.
"""

from __future__ import annotations

from spacy.tokens import Token

# Plain nouns for people and bodies that the agent dictionary leaves without a sector: they are
# parties (coded with no sector), never things. General English; plural and singular forms.
PEOPLE_NOUNS = frozenset({
    "man", "men", "person", "persons", "people", "boy", "boys", "fan", "fans", "friend", "friends",
    "supporter", "supporters", "critic", "critics", "donor", "donors", "maker", "makers", "member",
    "members", "prisoner", "prisoners", "rival", "rivals", "opponent", "opponents", "ally", "allies",
    "partner", "partners", "neighbour", "neighbours", "neighbor", "neighbors", "guest", "guests",
    "attacker", "attackers", "player", "players", "coach", "coaches", "pensioner", "pensioners",
    "client", "clients", "owner", "owners", "buyer", "buyers", "seller", "sellers", "user", "users",
    "individual", "individuals", "adult", "adults", "youth", "youths", "teenager", "teenagers",
    "colleague", "colleagues", "counterpart", "counterparts", "follower", "followers", "backer",
    "backers", "challenger", "challengers", "contender", "contenders", "hopeful", "hopefuls",
    "invitee", "invitees", "participant", "participants", "organiser", "organisers", "organizer",
    "organizers", "representative", "representatives", "leader", "leaders", "founder", "founders",
    "investor", "investors", "shareholder", "shareholders", "creditor", "creditors", "lender",
    "lenders", "borrower", "borrowers", "producer", "producers", "manufacturer", "manufacturers",
    "exporter", "exporters", "importer", "importers", "trader", "traders", "dealer", "dealers",
    "suspect", "suspects", "defendant", "defendants", "plaintiff", "plaintiffs", "witness",
    "witnesses", "survivor", "survivors", "mourner", "mourners", "relative", "relatives", "parent",
    "parents", "son", "sons", "daughter", "daughters", "wife", "husband", "mother", "father",
    "brother", "sister", "everyone", "everybody", "someone", "somebody", "anyone", "nobody",
    "crew", "crews", "staff", "team", "teams", "side", "sides", "national", "nationals", "native",
    "natives", "expatriate", "expatriates", "compatriot", "compatriots", "exile", "exiles", "inhabitant",
    "inhabitants", "descendant", "descendants", "heir", "heirs", "worshipper", "worshippers", "pilgrim",
    "pilgrims", "spectator", "spectators", "audience", "listener", "listeners", "viewer", "viewers",
    "reader", "readers", "employee", "employees", "volunteer", "volunteers", "recruit", "recruits",
})
BODY_NOUNS = frozenset({
    "board", "boards", "council", "councils", "committee", "committees", "commission", "commissions",
    "agency", "agencies", "association", "associations", "federation", "federations", "group",
    "groups", "body", "bodies", "organisation", "organisations", "organization", "organizations",
    "office", "offices", "department", "departments", "ministry", "ministries", "institute",
    "institutes", "foundation", "foundations", "society", "societies", "club", "clubs", "league",
    "leagues", "network", "networks", "alliance", "alliances", "coalition", "coalitions", "bloc",
    "blocs", "faction", "factions", "movement", "movements", "authority", "authorities",
    "administration", "regime", "regimes", "country", "countries", "nation", "nations", "state",
    "states", "city", "cities", "region", "regions", "province", "provinces",
    "community", "communities", "public", "family", "families", "household", "households",
    "company", "companies", "firm", "firms", "bank", "banks", "chain", "chains", "school", "schools",
    "university", "universities", "hospital", "hospitals", "church", "churches", "court", "courts",
    "assembly", "assemblies", "senate", "chamber", "cabinet", "panel", "panels", "tribunal",
    "watchdog", "watchdogs", "regulator", "regulators", "parliament", "congress", "newspaper",
    "newspapers", "broadcaster", "broadcasters", "website", "publisher", "publishers", "outlet", "outlets",
    "union", "unions", "employer", "employers", "business", "businesses", "industry", "industries",
    "entity", "entities", "institution", "institutions",
})
# heads that are never parties whatever else they are: times, amounts, ordinals
NON_PARTY_ENTS = frozenset({"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "ORDINAL", "CARDINAL"})
# prepositions after a thing that name who it belongs to or comes from: "a request by textile makers",
# "a letter from the mayor", "the demands of the strikers"
OWNER_PREPS = frozenset({"by", "from", "of"})


def is_party_noun(tok: Token, agents) -> bool:
    """Does a common noun name people or a body ("makers", "the board"), not a thing?"""
    low, lemma = tok.lower_, tok.lemma_.lower()
    from .sense import noun_class

    if low in PEOPLE_NOUNS or lemma in PEOPLE_NOUNS or low in BODY_NOUNS or lemma in BODY_NOUNS:
        return True
    if agents.get(tok.text) is not None or agents.get(lemma) is not None:
        return True
    return noun_class(tok) == "person"  # the sense table's people nouns: "inmates", "captives", "drivers"


def is_thing(tok: Token, agents) -> bool:
    """Is the head of a phrase a thing rather than a possible party? Names, pronouns and numbers
    ("two of them") are left to the resolver; dates and amounts are things."""
    counted = any(c.dep_ == "prep" and c.lower_ == "of" for c in tok.children)  # "two of the men"
    if tok.pos_ == "NUM" and tok.dep_ == "nsubj" and not counted:
        return True  # "Two released a statement": two of whom, the sentence does not say
    if tok.ent_type_ in NON_PARTY_ENTS and tok.pos_ != "PRON":
        return not (tok.pos_ == "NUM" and counted)
    if tok.pos_ != "NOUN" or tok.ent_type_ in ("PERSON", "ORG", "NORP", "GPE"):
        return False
    return not is_party_noun(tok, agents)


def owners(tok: Token) -> list[Token]:
    """The words inside a thing's phrase that may name its party, nearest first: the possessor
    ("the council's ruling"), then a "by/from/of" phrase ("a request by textile makers"), also on a
    participle ("crimes committed by rebel forces")."""
    out = [c for c in tok.children if c.dep_ == "poss"]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in OWNER_PREPS and c.i > tok.i:
            out += [x for x in c.children if x.dep_ == "pobj"]
        elif c.dep_ == "acl" and c.tag_ == "VBN":  # "crimes committed by X": X is the doer
            for p in c.children:
                if p.dep_ == "agent" or (p.dep_ == "prep" and p.lower_ == "by"):
                    out += [x for x in p.children if x.dep_ == "pobj"]
    return out



PLACE_PREPS = frozenset({"in", "at", "near", "across", "inside", "outside", "around", "throughout", "within",
                         "into", "along", "beyond", "off"})


def named_below(h: Token) -> list[Token]:
    """Names of countries, peoples and bodies inside a phrase, not inside a clause of its own nor as
    where it is ("a camp for Congolese refugees" -> Congolese; "a plan that Arnor drew up", "a rally in
    Lagos" -> nothing)."""
    out = []
    for t in sorted(h.subtree, key=lambda t: t.i):
        if t.i == h.i or t.ent_type_ not in ("NORP", "GPE", "ORG") or t.ent_iob_ == "I":
            continue
        path, x = [], t
        while x.i != h.i and x.head.i != x.i:
            path.append(x)
            x = x.head
        if not any(w.dep_ in ("relcl", "acl", "advcl", "ccomp") or w.dep_ == "prep" and w.lower_ in PLACE_PREPS
                   for w in path):
            out.append(t)
    return out
