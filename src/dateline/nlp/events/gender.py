"""Whether a person of an article is a man or a woman, as far as the article shows it, so that "he"
is not bound to the last woman named nor "she" to the last man.

The evidence, all from English usage: a form of address ("Mrs", "Sir"), a gendered title or
relation ("chairwoman", "his wife, Ann"), a common given name, and the article's own pronouns where
the grammar ties them to the person ("Ann Lee won her seat", "Tom Hale said he would go").
Conflicting evidence gives no answer.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Doc, Token

FEMALE_WORDS = frozenset({
    "mrs", "ms", "miss", "madam", "madame", "dame", "lady", "queen", "princess", "empress", "duchess",
    "countess", "baroness", "chairwoman", "spokeswoman", "congresswoman", "businesswoman", "councilwoman",
    "stateswoman", "sportswoman", "policewoman", "wife", "mother", "daughter", "sister", "widow",
    "grandmother", "granddaughter", "aunt", "niece", "actress", "woman", "girl", "heiress", "nun",
})
MALE_WORDS = frozenset({
    "mr", "sir", "lord", "king", "prince", "emperor", "duke", "baron", "congressman", "businessman",
    "councilman", "statesman", "sportsman", "policeman", "husband", "father", "son", "brother", "widower",
    "grandfather", "grandson", "uncle", "nephew", "man", "boy", "monk",
})
# given names that are a woman's or a man's in most English-language news; names used for both
# (Jordan, Kim, Leslie, Robin, Jean) are left out
FEMALE_NAMES = frozenset({
    "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
    "nancy", "lisa", "betty", "margaret", "sandra", "ashley", "dorothy", "kimberly", "emily", "donna",
    "michelle", "carol", "amanda", "melissa", "deborah", "stephanie", "rebecca", "sharon", "laura",
    "cynthia", "amy", "angela", "helen", "anna", "anne", "ann", "brenda", "pamela", "nicole", "emma",
    "samantha", "katherine", "catherine", "christine", "rachel", "carolyn", "janet", "maria", "heather",
    "diane", "julie", "joyce", "victoria", "kelly", "christina", "joan", "evelyn", "lauren", "judith",
    "olivia", "martha", "cheryl", "megan", "andrea", "hannah", "jacqueline", "ruth", "gloria", "teresa",
    "sara", "janice", "julia", "grace", "judy", "theresa", "rose", "beverly", "denise", "marilyn", "amber",
    "danielle", "brittany", "diana", "natalie", "sophia", "alice", "nikki", "elena", "nadia", "fatima",
    "aisha", "sonia", "yulia", "marine", "ségolène", "nicola", "priti", "alison", "jane", "jill", "kamala",
    "condoleezza", "madeleine", "sheila", "tessa", "harriet", "yvette", "caroline", "claire", "louise",
    "charlotte", "lucy", "ursula", "christiane", "benazir", "indira", "golda",
})
MALE_NAMES = frozenset({
    "james", "john", "robert", "michael", "william", "david", "richard", "joseph", "thomas", "charles",
    "christopher", "daniel", "matthew", "anthony", "mark", "donald", "steven", "paul", "andrew", "joshua",
    "kenneth", "kevin", "brian", "george", "timothy", "ronald", "edward", "jason", "jeffrey", "ryan",
    "jacob", "gary", "nicholas", "eric", "jonathan", "stephen", "larry", "justin", "scott", "brandon",
    "benjamin", "samuel", "gregory", "frank", "alexander", "raymond", "patrick", "jack", "dennis", "jerry",
    "tyler", "aaron", "jose", "adam", "henry", "nathan", "douglas", "zachary", "peter", "kyle", "walter",
    "ethan", "jeremy", "harold", "keith", "roger", "noah", "gerald", "carl", "terry", "sean", "austin",
    "arthur", "lawrence", "jesse", "dylan", "bryan", "joe", "billy", "bruce", "albert", "willie", "gabriel",
    "logan", "alan", "juan", "wayne", "roy", "ralph", "randy", "eugene", "vincent", "russell", "elijah",
    "louis", "bobby", "philip", "johnny", "bernard", "ted", "tom", "tim", "mike", "bill", "bob", "jim",
    "ken", "tony", "barack", "vladimir", "boris", "gordon", "nigel", "nicolas", "emmanuel", "francois",
    "jacques", "gerhard", "helmut", "olaf", "recep", "mahmoud", "ali", "mohammed", "muhammad", "ahmed",
    "hassan", "abdullah", "omar", "ivan", "sergei", "dmitry", "silvio", "matteo", "mariano", "pedro",
    "luiz", "jair", "narendra", "shinzo", "fumio", "charlie", "antonio", "mitt", "marco", "jeb", "chris",
    "newt", "rudy", "dick", "al",
})
_PRONOUN = {"he": "m", "him": "m", "his": "m", "himself": "m", "she": "f", "her": "f", "hers": "f", "herself": "f"}


def pronoun_gender(tok: Token) -> str | None:
    return _PRONOUN.get(tok.lower_)


def entity_gender(mention_spans: list[tuple[int, int]], titles: tuple[str, ...], name: str, doc: Doc) -> str | None:
    """'f', 'm' or None for a person with these mentions (character offsets), titles and name."""
    votes: Counter[str] = Counter()
    words = [w.strip(".,").lower() for t in titles for w in t.split()]
    first = name.split()[0].lower() if name.split() else ""
    for w in words:
        votes.update(_word(w))
    votes.update("f" if first in FEMALE_NAMES else "m" if first in MALE_NAMES else "")
    for start, end in mention_spans:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        votes.update(_word(span[0].text.strip(".").lower()))  # "Mrs Phoenix", "Mr Denver"
        votes.update(_bound_pronouns(span.root))
    if votes["f"] and votes["m"]:
        return "f" if votes["f"] >= 3 * votes["m"] else "m" if votes["m"] >= 3 * votes["f"] else None
    return "f" if votes["f"] else "m" if votes["m"] else None


def _word(w: str) -> str:
    return "f" if w in FEMALE_WORDS else "m" if w in MALE_WORDS else ""


def _bound_pronouns(name: Token) -> str:
    """The gender of pronouns the grammar ties to a subject: "X won her seat" (a possessive in the same
    clause), "X said he would" (the subject of what X said)."""
    if name.dep_ not in ("nsubj", "nsubjpass"):
        return ""
    verb = name.head
    out = ""
    for c in verb.children:
        if c.i == name.i:
            continue
        if c.dep_ in ("dobj", "pobj", "attr") or c.dep_ == "prep":
            for t in c.subtree:
                if t.dep_ == "poss" and pronoun_gender(t) and _same_clause(t, verb):
                    out += pronoun_gender(t)
        elif c.dep_ == "ccomp":
            subj = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ in ("he", "she"):
                out += pronoun_gender(subj)
    return out


def _same_clause(tok: Token, verb: Token) -> bool:
    t = tok
    while t.i != verb.i and t.head.i != t.i:
        if t.dep_ in ("relcl", "ccomp", "advcl", "xcomp", "acl"):
            return False
        t = t.head
    return t.i == verb.i
