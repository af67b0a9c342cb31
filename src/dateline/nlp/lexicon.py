"""Word lists that more than one extractor reads, each defined once.

A list lives here when two extractors need the same words for the same reason: defined twice, the
copies drift apart (the quotes and events extractors once disagreed on 47 verbs of saying). Lists that
only one extractor reads stay beside it (``place_words``, ``events/lexicon``, ``timex/lexicon``); an
extractor that needs a wider list extends one of these where it is used (``quotes.CUE_VERBS``).

Words are lower case; verbs are lemmas, with the few inflected forms the lemmatizer sometimes leaves.
"""

from __future__ import annotations

# Verbs of saying, or of thinking aloud, whose complement clause is what was said: "she said (that) the
# talks failed", "the talks failed, he warned". The quotes extractor reads them as the cue of indirect
# speech; the events extractor as the mark of a reported clause (its "it" or "we" is the speaker, and
# "X said Y must ..." is a demand of X on Y). Not here: "cite", "quote" (they take a source, not a
# clause) and "expect", "hope" (a plan or a wish, not a statement): the quotes extractor adds them as
# cues of direct quotation only.
SPEECH_VERBS = frozenset({
    "acknowledge", "add", "admit", "agree", "allege", "announce", "answer", "argue", "assert", "assure",
    "believe", "boast", "brag", "caution", "chime", "claim", "comment", "complain", "concede", "conclude",
    "confirm", "contend", "counter", "declare", "deny", "disclose", "emphasise", "emphasize", "estimate",
    "explain", "fear", "find", "forecast", "hint", "indicate", "inform", "insist", "interject", "joke", "lament",
    "maintain", "mention", "muse", "note", "object", "observe", "pledge", "post", "predict", "proclaim",
    "promise", "propose", "protest", "quip", "recall", "recount", "reiterate", "remark", "repeat", "reply",
    "report", "respond", "retort", "reveal", "said", "say", "says", "scream", "shout", "show", "signal",
    "speculate", "state", "stress", "suggest", "tell", "testify", "think", "threaten", "told", "tweet",
    "underline", "vow", "warn", "whisper", "write", "yell",
})

# Auxiliaries that put a verb in the future ("will meet", "won't" is "wo" + "n't", "they'll"); the dates
# extractor reads them to take "Friday" as the coming one, the events extractor to mark an event expected.
FUTURE_AUX = frozenset({"will", "shall", "'ll", "’ll", "wo"})

# Pronouns that open a relative clause; as a subject they stand for the noun the clause hangs on
# ("the minister, who said ...": the speaker is the minister; "troops that crossed": the actor is troops).
RELATIVE_PRONOUNS = frozenset({"who", "whom", "whose", "which", "that"})

# Pronouns that refer to one person: a speaker or an actor "he" is the person named before it.
PERSON_PRONOUNS = frozenset({"he", "him", "his", "himself", "she", "her", "hers", "herself"})

# The possessive ending as the tokenizer splits it, straight and curly: "Korea's", "the Philippines'".
POSSESSIVE = ("'s", "’s", "'", "’")

# spaCy's entity labels for places (countries and cities, other locations, buildings and facilities).
PLACE_LABELS = ("GPE", "LOC", "FAC")
