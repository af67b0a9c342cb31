"""Political parties named by their adjective before a party role: "Democratic presidential candidate",
"the Lib Dem leader", "Labour MP", "a Tory spokesman".

The parties themselves are rows of the actor dictionary (country, sector PTY); this module only
knows which short words name them and which nouns after such a word make it a party's word.
"Republican Guard" or "Democratic Republic" name no party, because "guard" and "republic" are no
party roles. Each word is assumed to name the party it names in most English-language news.
"""

from __future__ import annotations

from spacy.tokens import Token

# short or adjectival names -> the dictionary's canonical name of the party
PARTY_WORDS = {
    "democratic": "Democratic Party",
    "republican": "Republican Party",
    "gop": "Republican Party",
    "labour": "Labour Party",
    "tory": "Conservative Party",
    "conservative": "Conservative Party",
    "lib dem": "Liberal Democrats",
    "liberal democrat": "Liberal Democrats",
    "ukip": "UK Independence Party",
    "snp": "Scottish National Party",
    "cdu": "Christian Democratic Union",
    "spd": "Social Democratic Party of Germany",
}
# nouns naming a member or a body of a party: what makes "Democratic" a party's word
PARTY_ROLE_NOUNS = frozenset({
    "leader", "leaders", "leadership", "candidate", "candidates", "nominee", "nominees", "hopeful",
    "hopefuls", "contender", "contenders", "challenger", "chairman", "chairwoman", "chair", "chairperson",
    "senator", "senators", "sen", "congressman", "congresswoman", "congressmen", "lawmaker", "lawmakers",
    "legislator", "legislators", "representative", "representatives", "rep", "mp", "mps", "mep", "meps",
    "member", "members", "spokesman", "spokeswoman", "spokesperson", "strategist", "strategists",
    "official", "officials", "activist", "activists", "politician", "politicians", "councillor",
    "councillors", "peer", "peers", "whip", "frontbencher", "backbencher", "backbenchers", "party",
    "primary", "caucus", "governor", "mayor", "minister", "ministers", "delegate", "delegates",
    "voters", "supporters", "rival", "rivals", "presidential", "congressional", "gubernatorial",
    "state", "national", "establishment", "majority", "minority", "deputy", "chief", "president",
})
# the party's own sector wins over a generic office noun after its name: a party's leader or
# spokesman is the party's (PTY), not a government's; an MP or senator stays a legislator
PARTY_SECTOR_NOUNS = frozenset({
    "leader", "leaders", "leadership", "candidate", "candidates", "nominee", "nominees", "hopeful",
    "hopefuls", "contender", "contenders", "challenger", "chairman", "chairwoman", "chair", "chairperson",
    "spokesman", "spokeswoman", "spokesperson", "strategist", "strategists", "official", "officials",
    "activist", "activists", "politician", "politicians", "party", "primary", "caucus", "whip", "deputy",
    "chief", "president", "member", "members",
})


def party_word_at(tokens: list[Token], i: int) -> tuple[str, int] | None:
    """The party a capitalised party word at ``tokens[i]`` names, and how many words it takes, when a
    party role follows it ("Lib Dem leader", "Democratic presidential candidate")."""
    for size in (2, 1):
        chunk = tokens[i:i + size]
        if len(chunk) < size or not all(t.is_title or t.is_upper for t in chunk):
            continue
        name = PARTY_WORDS.get(" ".join(t.lower_.rstrip(".") for t in chunk))
        if name is None:
            continue
        after = tokens[i + size] if i + size < len(tokens) else None
        if after is not None and after.lower_.rstrip(".") in PARTY_ROLE_NOUNS:
            return name, size
    return None


def party_in(tokens: list[Token]) -> tuple[str, list[Token]] | None:
    """The first party named by its word in a run of words, with the words that name it."""
    for i in range(len(tokens)):
        got = party_word_at(tokens, i)
        if got is not None:
            return got[0], tokens[i:i + got[1]]
        if _members_word(tokens[i]):
            return PARTY_MEMBERS[tokens[i].lower_], tokens[i:i + 1]
    return None


# the members of a party named as a group: "the Republicans", "Democrats in the House"
PARTY_MEMBERS = {"democrats": "Democratic Party", "republicans": "Republican Party"}


def _members_word(tok: Token) -> bool:
    """ "the Republicans", not "Social Democrats" or "Christian Democrats", which name other parties."""
    if tok.lower_ not in PARTY_MEMBERS or not tok.is_title:
        return False
    before = tok.doc[tok.i - 1] if tok.i > 0 else None
    return before is None or not (before.is_title and before.pos_ in ("PROPN", "ADJ", "NOUN"))
