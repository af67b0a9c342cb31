"""Can a recased headline give an event at all? Asked before it is parsed again, from its words alone.

Every event the coder finds starts on a word: a trigger whose lower-case form or lemma the verb lexicon
knows (``triggers.find_matches``), or a verb of saying that carries a demand or a judgement (``drafts``,
``appraisal``). Most wire headlines in capitals hold none ("STEEL OUTPUT FIGURES FOR MAY"), and their second
parse was a fifth of the events extractor's time. The lemma a word will get is not known before the parse,
but the few it can get are: its lower-case form, the lemmatizer's exceptions and suffix rules for every
part of speech, and the lemmas the attribute ruler sets on words of that spelling. If none of those of any
word is one the coder starts on, the parse would give no event and is skipped. Where the pipeline has any
other stage that could set a lemma, or no rule lemmatizer, every headline is parsed as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from ..lexicon import SPEECH_VERBS

# what the coder starts on besides the lexicon's triggers: the verbs of saying of demands and judgements
# (drafts.DEMAND_WORDS and appraisal.JUDGING_SPEECH are both within these)
SAYING = SPEECH_VERBS | frozenset({"conclude", "declare", "announce", "insist"})
# stages that set no lemma, or set them only in the ways read below
KNOWN_STAGES = frozenset({"tok2vec", "tagger", "parser", "senter", "ner", "attribute_ruler", "lemmatizer",
                          "dateline_line_breaks", "dateline_attribute_table"})
MAX_WORDS = 150  # events.extract.MAX_SENTENCE_TOKENS: a longer headline is parsed, so its skip is noted


class Unparsed:
    """A recased headline left unparsed because no word of it can start an event: it has no sentences to
    read, and the body's reading of the headline is not used either (as with a parse that found none)."""

    sents: tuple = ()


UNPARSED = Unparsed()


def may_code(nlp: Any, text: str, lexicon: Any) -> bool:
    """Could the parse of ``text`` give an event? False only when no word can start one."""
    lemmas = _lemma_tables(nlp)
    if lemmas is None:
        return True
    words = [t.text for t in nlp.tokenizer(text)]
    if len(words) > MAX_WORDS:
        return True

    def starts(w: str) -> bool:
        return lexicon.knows(w) or w.lower() in SAYING

    return any(starts(w) for word in words for w in lemmas(word))


_tables: dict[int, tuple[Any, Callable[[str], set[str]] | None]] = {}


def _lemma_tables(nlp: Any) -> Callable[[str], set[str]] | None:
    """Every lemma a word of this spelling can be given by ``nlp`` (a superset), or None when not known."""
    got = _tables.get(id(nlp))
    if got is None or got[0] is not nlp:
        if len(_tables) > 8:
            _tables.clear()
        got = _tables[id(nlp)] = (nlp, _build(nlp))
    return got[1]


def _build(nlp: Any) -> Callable[[str], set[str]] | None:
    names = set(nlp.pipe_names)
    if not names <= KNOWN_STAGES or "lemmatizer" not in names:
        return None
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule":
        return None
    exceptions = lemmatizer.lookups.get_table("lemma_exc", {})
    rules = [rule for by_pos in lemmatizer.lookups.get_table("lemma_rules", {}).values() for rule in by_pos]
    # the attribute table (``attribute_table``) applies the ruler's own rules, the ruler left disabled
    ruled = names & {"attribute_ruler", "dateline_attribute_table"}
    by_rule = _ruler_lemmas(nlp) if ruled else []
    if by_rule is None:
        return None

    def lemmas(word: str) -> set[str]:
        low = word.lower()
        out = {low}
        for table in exceptions.values():
            out.update(table.get(low, ()))
        out.update(low[:len(low) - len(old)] + new for old, new in rules if low.endswith(old))
        out.update(lemma for spelled, lemma in by_rule if spelled(low))
        return out

    return lemmas


def _ruler_lemmas(nlp: Any) -> list[tuple[Callable[[str], bool], str]] | None:
    """(may a word of this lower-case spelling be the one set, lemma) for each attribute-ruler rule that
    sets a lemma; a rule's words are all counted, whichever one it sets."""
    out = []
    for rule in nlp.get_pipe("attribute_ruler").patterns:
        lemma = rule["attrs"].get("LEMMA")
        if lemma is None:
            continue
        for pattern in rule["patterns"]:
            if not isinstance(pattern, list):
                return None  # a phrase pattern (a Doc): not read here
            out.extend((_spelled(word.get("LOWER")), lemma) for word in pattern)
    return out


def _spelled(spec: Any) -> Callable[[str], bool]:
    if spec is None:
        return lambda low: True  # no condition on the spelling: any word may take the lemma
    if isinstance(spec, str):
        return lambda low: low == spec
    if isinstance(spec, dict) and set(spec) == {"IN"}:
        allowed = frozenset(spec["IN"])
        return lambda low: low in allowed
    if isinstance(spec, dict) and set(spec) == {"REGEX"}:
        regex = re.compile(spec["REGEX"])
        return lambda low: regex.search(low) is not None
    return lambda low: True  # another operator: counted as matching anything
