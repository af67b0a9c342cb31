"""Name spans and the titles around them, read off spaCy's entities and dependency parse."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .lexicon import POSSESSIVE
from .token_table import doc_ents, span_offsets, token_table

NAME_LABELS = ("PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "PRODUCT")
LEADING_DROP = ("the",)

# Nouns naming a person by office: "the North Korean leader", "the U.S. president".
PERSON_ROLES = frozenset({
    "leader", "president", "premier", "chairman", "chairwoman", "chancellor", "king", "queen", "prince",
    "princess", "emperor", "emir", "sultan", "monarch", "minister", "spokesperson", "spokesman", "spokeswoman",
    "envoy", "ambassador", "secretary", "general", "commander", "dictator", "pope", "governor", "mayor",
    "senator", "congressman", "congresswoman", "speaker", "ayatollah", "shah", "vice-president",
})
# Roles that news also calls "leader".
LEADERS = frozenset({
    "leader", "president", "premier", "chairman", "chairwoman", "chancellor", "king", "queen", "emperor",
    "emir", "sultan", "monarch", "dictator", "head of state", "head of government", "supreme leader",
    "prime minister", "general secretary",
})
KIN = frozenset({
    "wife", "husband", "spouse", "son", "daughter", "sister", "brother", "father", "mother", "widow", "niece",
    "nephew", "uncle", "aunt", "grandson", "granddaughter", "grandfather", "grandmother", "half-brother",
    "half-sister", "cousin",
})


@dataclass(frozen=True, slots=True)
class NameSpan:
    """An entity span after cleaning; ``tokens`` is the spaCy span it covers."""

    tokens: Span
    label: str
    start: int = -1  # character offsets and text, filled from ``tokens`` (spaCy recomputes them per access)
    end: int = -1
    text: str = ""

    def __post_init__(self) -> None:
        start, end, text = span_offsets(self.tokens)
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)
        object.__setattr__(self, "text", text)


def name_spans(doc: Doc, labels: tuple[str, ...] = NAME_LABELS) -> list[NameSpan]:
    """spaCy's entities cleaned: no leading "the", no trailing "'s" or "on", "Xi and Kim" split in two,
    and a hyphenated given name kept whole ("Moon Jae-in", where spaCy stops at "Moon Jae")."""
    out: list[NameSpan] = []
    w = token_table(doc)
    for ent in doc_ents(doc):
        if ent.label_ not in labels:
            continue
        for start, end in _split_coordination(ent):
            while end - start > 1 and w.lower[start] in LEADING_DROP:
                start += 1
            start = _after_opening_gerund(doc, start, end)
            while end - start > 1 and (w.text[end - 1] in POSSESSIVE or w.is_punct[end - 1]
                                       or (doc[end - 1].is_lower and w.pos[end - 1] in ("ADP", "DET", "CCONJ"))):
                end -= 1
            if ent.label_ == "PERSON":
                end = _hyphen_tail(doc, end)
            start = _after_dateline(doc, start, end)
            end = _before_headline_word(doc, start, end)
            # a name never runs over a line break (headline into standfirst); a word is followed by one
            # space or none, so a line break is a space word of its own
            for i in range(start, end):
                if w.is_space[i]:
                    end = i
                    break
            if any(c.isalpha() for c in w.span_text(start, end)):
                out.append(NameSpan(doc[start:end], ent.label_))
    return _join_split_people(out, doc)


def _join_split_people(spans: list[NameSpan], doc: Doc) -> list[NameSpan]:
    """ "Kim Kye Gwan": the recogniser may cut a three-part name into two people side by side; two person
    names with nothing but a space between them, in one sentence, are one name (two people are never
    written so: a comma, "and" or a verb stands between them)."""
    out: list[NameSpan] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label == s.label == "PERSON" and prev.tokens.end == s.tokens.start and \
                prev.tokens[-1].whitespace_ == " " and \
                not doc[s.tokens.start].is_sent_start and doc[s.tokens.start].text[:1].isupper():
            out[-1] = NameSpan(doc[prev.tokens.start:s.tokens.end], "PERSON")
            continue
        out.append(s)
    return out


def _after_opening_gerund(doc: Doc, start: int, end: int) -> int:
    """ "Entrusting Ruiz with the budget is a risk": a sentence that opens with a gerund capitalises it, and
    the recogniser may run it into the name after it. Cut it where the tagger reads it as a verb, or where a
    full name of two words or more follows it: given names such as "Irving" or "Sterling" come with one
    surname ("Irving Berlin"), not with a whole name after them."""
    first = doc[start]
    if not first.is_sent_start or not first.lower_.endswith("ing") or len(first) < 5:
        return start
    if end - start >= 2 and first.tag_ == "VBG" or end - start >= 3:
        return start + 1
    return start


def _before_headline_word(doc: Doc, start: int, end: int) -> int:
    """ "Senator Blasts Budget Plan": in a headline written in Title Case the tagger runs a name on into the
    verb after it; a word the article's body writes in lower case ("blasts") ends the name there."""
    lower = _headline_lower_words(doc)
    return next((i for i in range(start + 1, end) if i in lower), end)


_last_headline: tuple = (None, frozenset())


def _headline_lower_words(doc: Doc) -> frozenset[int]:
    """The tokens of a Title Case or capitals headline (the text's first line) that running text writes in
    lower case, found once per document from the body's own spelling (``events.headline.recase``)."""
    global _last_headline
    if _last_headline[0] is doc:
        return _last_headline[1]
    from .events.headline import recased_headline

    found: frozenset[int] = frozenset()
    end = token_table(doc).doc_text.find("\n")
    recased = recased_headline(doc, end) if end > 0 else None
    if recased is not None:
        w = token_table(doc)  # the headline's words only, off the word table, not a Token per word of the text
        found = frozenset(i for i, start in enumerate(itertools.takewhile(lambda x: x < end, w.idx))
                          if w.text[i][:1].isupper() and recased[start].islower())
    _last_headline = (doc, found)
    return found


def _after_dateline(doc: Doc, start: int, end: int) -> int:
    """ "ROME - Bernie Sanders": a place in capitals and a spaced dash before a name are a dateline."""
    for i in range(start + 1, end - 1):
        if doc[i].text in ("-", "—", "–", "--") and doc[i].whitespace_ and doc[i - 1].whitespace_:
            if all(t.is_upper or t.is_punct for t in doc[start:i]):
                return i + 1
            break
    return start


def _hyphen_tail(doc: Doc, end: int) -> int:
    """ "Moon Jae" + "-in": a hyphen and a word written on to the name belong to it."""
    if end + 1 < len(doc) and not doc[end - 1].whitespace_ and doc[end].text in ("-", "‐") \
            and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower \
            and len(doc[end + 1]) <= 4:
        return end + 2
    return end


def _split_coordination(ent: Span) -> list[tuple[int, int]]:
    if ent.label_ != "PERSON" or not any(t.lower_ in ("and", "&") for t in ent):
        return [(ent.start, ent.end)]
    parts, start = [], ent.start
    for t in ent:
        if t.lower_ in ("and", "&") or t.text == ",":
            if t.i > start:
                parts.append((start, t.i))
            start = t.i + 1
    if ent.end > start:
        parts.append((start, ent.end))
    return parts


# Words that make a title another office than its head noun names: a shadow chancellor, a deputy prime
# minister, a former president or a vice-president is not "the chancellor", "the prime minister" or "the
# president" of the same story.
OTHER_OFFICE = frozenset({"shadow", "deputy", "vice", "former", "ex", "acting", "junior", "assistant", "under"})


def other_office(title_text: str) -> bool:
    return any(w in OTHER_OFFICE for w in title_text.lower().replace("-", " ").split())


@dataclass(frozen=True, slots=True)
class Title:
    """Words that describe a named person or body: "Chinese President", "his wife"."""

    tokens: Span
    head: Token  # the noun that names the office or relation
    possessor: Token | None = None  # "his" in "his wife"
    appositive: bool = False

    @property
    def head_word(self) -> str:
        return self.head.lemma_.lower()

    @property
    def text(self) -> str:
        return self.tokens.text


def premodifier_title(doc: Doc, start: int, end: int) -> Title | None:
    """The words before a name inside its noun phrase: "South Korea's presidential spokesperson Kim Eui-keum".

    They are the name's left dependents (with their own dependents) up to a determiner, a possessive
    pronoun, punctuation or a verb, so "In his address, Kim said" gives no title.
    """
    root = doc[start:end].root
    first = start
    possessor = None
    low = root.left_edge.i
    while low > 0 and _in_hyphened_word(doc, low - 1) and not doc[low - 1].whitespace_:
        low -= 1  # the parser may hang the first parts of "Editor-in-Chief" elsewhere
    for i in range(start - 1, low - 1, -1):
        tok = doc[i]
        if tok.is_space or "\n" in tok.whitespace_:
            break
        if tok.dep_ == "poss" and tok.pos_ == "PRON":
            possessor = tok
            break
        if _in_hyphened_word(doc, i) and first == i + 1:
            first = i  # "Secretary-General", "Editor-in-Chief": one word, whatever its parts are tagged
            continue
        if tok.lower_ == "of" and first == i + 1 and i > low and doc[i - 1].is_title and doc[i + 1].is_title:
            first = i  # "Secretary of Energy Ann Bevis", "Minister of Finance Ivo Lind": an office's own "of"
            continue
        if tok.dep_ in ("det", "cc", "prep", "nummod", "predet", "appos") or tok.pos_ not in (
            "PROPN", "NOUN", "ADJ", "PART"
        ):
            break
        first = i
    if first == start:
        return None
    span = doc[first:start]
    head = _head_noun(span)
    if head is None:
        return None
    return Title(span, head, possessor)


def _in_hyphened_word(doc: Doc, i: int) -> bool:
    """Is token ``i`` a hyphen written between two words, or a word written on to such a hyphen after it
    ("Secretary" "-" "General")? The parts of a hyphened word make one word of a title."""
    tok = doc[i]
    if tok.text in ("-", "‐") and i > 0:
        return not tok.whitespace_ and not doc[i - 1].whitespace_ and i + 1 < len(doc) and doc[i + 1].is_alpha
    return not tok.whitespace_ and i + 1 < len(doc) and doc[i + 1].text in ("-", "‐") and tok.is_alpha


def appositive_title(doc: Doc, start: int, end: int) -> Title | None:
    """A noun in apposition to the name: "his wife, Ri Sol Ju" or "Kim Yong Chol, a former spy chief"."""
    root = doc[start:end].root
    if root.dep_ == "appos" and root.head.pos_ == "NOUN" and not (start <= root.head.i < end):
        noun = root.head
    else:
        noun = next((c for c in root.children if c.dep_ == "appos" and c.pos_ == "NOUN"), None)
        if noun is None:
            return None
    left = noun.left_edge.i
    span = doc[left:noun.i + 1]
    possessor = next((t for t in span if t.dep_ == "poss" and t.pos_ == "PRON"), None)
    return Title(span, noun, possessor, appositive=True)


def _head_noun(span: Span) -> Token | None:
    for tok in reversed(span):
        if tok.pos_ in ("NOUN", "PROPN") and tok.ent_type_ not in ("GPE", "NORP"):
            return tok
    return None


def tokens_between(doc: Doc, start: int, end: int) -> list[Token]:
    """The tokens that start within the characters ``start``..``end``, found without scanning the doc."""
    span = doc.char_span(start, end, alignment_mode="expand")
    return [t for t in span if start <= t.idx < end] if span is not None else []


def role_nominal(tok: Token) -> Span | None:
    """ "the North Korean leader" as a phrase naming one person by office, or None.

    Definite and singular only ("a senior official" and "the two leaders" name no one in particular),
    and not when the noun is itself the title of a following name.
    """
    if tok.pos_ not in ("NOUN", "PROPN") or tok.tag_ not in ("NN", "NNP") or tok.lemma_.lower() not in PERSON_ROLES:
        return None  # "the Prime Minister" is often tagged a proper noun
    if tok.dep_ == "compound" and tok.head.ent_type_ == "PERSON":
        return None
    span = tok.doc[tok.left_edge.i:tok.i + 1]
    first = span[0]
    definite = first.lower_ == "the" or (first.ent_type_ in ("GPE",) and any(t.text in POSSESSIVE for t in span))
    if not definite or any(t.ent_type_ == "PERSON" for t in span) or any(t.like_num for t in span):
        return None
    if any(t.is_space for t in span):
        return None
    return span
