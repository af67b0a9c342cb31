"""Which trigger words may name the same event: one lemma, one word family, or one group of
``data/event_words.tsv``.

A word family is found by stripping a derivational ending ("nomination", "nominee" and "nominate" all
give "nomin"; "shooting" gives "shoot"), so nouns and verbs of one event meet without a dictionary.
"""

from __future__ import annotations

import functools
from importlib import resources

# endings stripped once, longest first ("nominated" -> "nomin"); a stem keeps at least MIN_STEM letters
_SUFFIXES = ("ations", "ation", "itions", "ition", "ating", "ated", "ates", "ions", "ion", "ments", "ment",
             "ings", "ing", "ees", "ee", "als", "al", "ers", "er", "ate", "ed", "es", "s", "e")
MIN_STEM = 3


def stem(word: str) -> str:
    """A crude word-family key: "nominations" -> "nomin", "arrested" -> "arrest", "fired" -> "fir"."""
    w = word.lower()
    if " " in w:  # a phrase keeps its words, each stemmed
        return " ".join(stem(p) for p in w.split())
    if ":" in w:  # a sense ("fire:shoot") is its own family
        return w
    for suf in _SUFFIXES:
        if w.endswith(suf) and len(w) - len(suf) >= MIN_STEM:
            return w[: -len(suf)]
    return w


@functools.cache
def event_groups() -> dict[str, str]:
    """Word (and its stem) -> group id, from ``data/event_words.tsv``."""
    text = resources.files("dateline.xdoc").joinpath("data/event_words.tsv").read_text(encoding="utf-8")
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#") or line.startswith("group\t"):
            continue
        group, _, words = line.partition("\t")
        for w in words.split("|"):
            w = w.strip().lower()
            for key in (w, stem(w)):
                if key in out and out[key] != group:
                    raise ValueError(f"event_words.tsv: {w!r} is in groups {out[key]!r} and {group!r}")
                out[key] = group
    return out


def family(lemma: str) -> str:
    """The key trigger words are compared by: their group where they have one, else their stem."""
    groups = event_groups()
    lemma = lemma.lower().strip()
    return groups.get(lemma) or groups.get(stem(lemma)) or "~" + stem(lemma)
