"""Write ``data/petrarch2/ordinary_words.tsv``: the one-word Phoenix actor names that are also
ordinary English words, so that the Phoenix base layer does not code "Youth" or "Zero" at the
start of a sentence as an actor (see :mod:`dateline.ontology.phoenix`).

A word counts as ordinary when an English word list has it in lower case ("zero", "youth",
"senate"; "phoenix" too, though it is also a city). Run it again after updating the Phoenix files;
the word lists are SCOWL's (Debian packages wamerican and wbritish):

    .venv/bin/python scripts/phoenix_ordinary_words.py /usr/share/dict/american-english \
        /usr/share/dict/british-english
"""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.ontology.petrarch import parse_petrarch_actors
from dateline.ontology.phoenix import ACTOR_FILES, ORDINARY_WORDS, data_file, read_data

HEADER = """\
# One-word names in the Phoenix actor files that are also ordinary English words.
# Made by scripts/phoenix_ordinary_words.py from SCOWL's word lists; read by ontology/phoenix.py:
# these names match only text written in capitals ("ETA", not "Youth" at a sentence's start).
word
"""


def one_word_names() -> set[str]:
    names: set[str] = set()
    for name in ACTOR_FILES:
        for row in parse_petrarch_actors(read_data(name), name):
            names.update(a.lower() for a in row.names if len(a.split()) == 1)
    return names


def main(lists: list[str]) -> None:
    lower: set[str] = set()
    for path in lists:
        lower.update(w for w in Path(path).read_text(encoding="utf-8", errors="replace").split() if w.islower())
    rows = sorted(w for w in one_word_names() if w in lower)
    body = "".join(f"{w}\n" for w in rows)
    data_file(ORDINARY_WORDS).write_text(HEADER + body, encoding="utf-8")
    print(f"{len(rows)} ordinary words written")


if __name__ == "__main__":
    main(sys.argv[1:])
