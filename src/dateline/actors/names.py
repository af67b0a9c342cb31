"""Names of actors as keys: the same person written "Kim Jong-un", "KIM JONG UN" or "Mr Kim Jong Un's"
gets one key, and an actor's id is a short hash of its key, so linking is the same on every machine and
in every order the articles arrive in.

A key says what kind of actor it names:

* ``dict:<name>``: an entry of the actor dictionaries (Dateline's ``actors.tsv`` over the Phoenix files),
  by the entry's normalised name, so the two layers' rows of one person are one actor;
* ``country:<ISO3>``: a country, from Dateline's country table;
* ``name:<TYPE>:<name>:<COUNTRY>``: an actor no dictionary knows, by its normalised name, type and country;
* the same with ``@<article id>`` at the end: a bare surname ("Kim") that neither the article nor the
  dictionary says more about. It stays inside its article, because the same surname in another article
  may be another person.
"""

from __future__ import annotations

import re
import unicodedata

from ..model.ids import stable_id

ID_PREFIX = "ac"
ID_HEX = 12  # 48 bits: a million actors give a collision with odds of about 1 in 500
ACTOR_ID = re.compile(rf"^{ID_PREFIX}[0-9a-f]{{8,{ID_HEX}}}$")  # an id or a prefix of one, as typed

# Words written before a person's name that say what they are, not who (lower case, dots dropped).
# Two-word titles are listed whole, so "prime minister" goes before "minister" is tried.
TITLES = frozenset("""
mr mrs ms miss mx dr prof professor sir dame lord lady rev reverend father sister brother pope cardinal
archbishop bishop imam rabbi sheikh sheik president vice-president premier chancellor king queen prince
princess emir sultan ayatollah chairman chairwoman chair secretary minister senator sen rep representative
congressman congresswoman governor gov mayor judge justice general gen lt lieutenant col colonel maj major
capt captain sgt sergeant adm admiral cmdr commander marshal ambassador amb envoy leader comrade
supt superintendent insp inspector officer detective deputy
""".split())
TWO_WORD_TITLES = frozenset({"prime minister", "vice president", "foreign minister", "defence minister",
                             "defense minister", "supreme leader", "crown prince", "field marshal",
                             "first lady", "state councillor", "secretary general", "secretary of state"})
# small words of names that are no surname on their own ("bin", "al", "van")
PARTICLES = frozenset({"al", "el", "bin", "ibn", "abu", "van", "von", "de", "del", "der", "da", "di", "du", "la",
                       "le", "dos", "das", "y", "jr", "sr", "ii", "iii"})

_APOSTROPHES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'", "\u00b4": "'"})
_SPACERS = re.compile(r"[-_/\u2010-\u2015]+")
_DROPPED = re.compile(r"[.,;:!?\"()\[\]{}]")
_POSSESSIVE = re.compile(r"(?:'s|(?<=s)')$")
_INITIALS = re.compile(r"^(?:[A-Za-z]\.){2,}$")


def fold(text: str) -> str:
    """Lower case without accents, apostrophes straight, hyphens as spaces, dots and commas dropped:
    "Nguyễn Phú-Trọng" -> "nguyen phu trong"."""
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    text = "".join(c for c in text if not unicodedata.combining(c)).casefold()
    text = _DROPPED.sub("", _SPACERS.sub(" ", text))
    return " ".join(text.split())


def strip_titles(words: list[str]) -> list[str]:
    """Leading titles off a person's name ("president donald trump" -> "donald trump"); nothing is left of a
    title alone ("Mr", "the President"), which names nobody."""
    while words:
        if len(words) >= 2 and " ".join(words[:2]) in TWO_WORD_TITLES:
            words = words[2:]
        elif words[0] in TITLES:
            words = words[1:]
        else:
            break
    return words


def normalise(name: str, type: str | None = None) -> str:
    """The key form of a name: folded (:func:`fold`), without a leading "the" or a trailing possessive,
    and for a person without the titles before it. "President Kim Jong-un's" -> "kim jong un"."""
    words = fold(name).split()
    if words and words[0] == "the" and len(words) > 1:
        words = words[1:]
    if words:
        words[-1] = _POSSESSIVE.sub("", words[-1]) or words[-1]
    words = [w.strip("'") for w in words if w.strip("'")]
    if type == "PERSON":
        words = strip_titles(words)
    return " ".join(words)


def has_title(name: str) -> bool:
    """Does a person's name start with a title ("President Bush", "Chairman Kim")?"""
    words = fold(name).split()
    return 0 < len(strip_titles(list(words))) < len(words)


def is_surname_only(key_name: str) -> bool:
    """One word, as a surname or a given name alone is written ("kim", "trump")."""
    return len(key_name.split()) == 1


def short_form_of(short: str, full: str) -> bool:
    """Is the one-word ``short`` the first or the last word of ``full`` (both normalised)? Family names
    come first in Korean and Chinese names ("Kim" of "Kim Jong Un") and last in English ones ("Trump")."""
    words = [w for w in full.split() if w not in PARTICLES]
    return len(words) > 1 and short in (words[0], words[-1])


def shown(name: str, *, person: bool = False) -> str:
    """A name as it is shown: text written all in capitals gets capitals on its words' first letters
    ("KIM JONG UN" -> "Kim Jong Un"); so do a person's words of two capitals beside words in mixed case,
    which the Phoenix files' names keep ("Kim Jong IL" -> "Kim Jong Il")."""
    # initials keep their capitals ("U.s. Federal Reserve", as the Phoenix names come, -> "U.S. ...")
    words = [w.upper() if _INITIALS.match(w) else w for w in name.split()]
    letters = [c for c in name if c.isalpha()]
    if letters and all(c.isupper() for c in letters) and len(words) > 1:
        return " ".join("-".join(p.capitalize() for p in w.split("-")) for w in words)
    if person and len(words) > 1:
        words = [w.capitalize() if len(w) == 2 and w.isalpha() and w.isupper() else w for w in words]
    return " ".join(words)


def dictionary_key(name: str) -> str:
    return "dict:" + normalise(name)


def country_key(iso3: str) -> str:
    return "country:" + iso3.upper()


def name_key(type: str, key_name: str, country: str | None, article_id: str | None = None) -> str:
    key = f"name:{type}:{key_name}:{(country or '').upper()}"
    return f"{key}@{article_id}" if article_id else key


def actor_id(key: str) -> str:
    """The stable id of an actor: ``ac`` and twelve hex digits of its key's hash."""
    return stable_id(key, prefix=ID_PREFIX, length=ID_HEX)


def looks_like_actor_id(value: str | None) -> bool:
    """Is a filter's value an actor id (or a prefix of one of at least eight hex digits)?"""
    return bool(value) and bool(ACTOR_ID.match(value.strip()))
