"""Tune and check halves of every development set, by a stable hash of each item's key.

We look at misses on ``tune`` to decide what to fix and read ``check`` only for its number: a change
that lifts ``tune`` and not ``check`` fits the development items rather than the language.

An item's key is what identifies it in its gold set: a document's file name or id for document sets,
and for sentence sets the sentence itself, reduced to its lower-case letters and digits. Keying sentences
by their text keeps the records of one sentence together and puts a sentence that two sets share (the
ConfliBERT class and argument files hold many of the same sentences) in the same half of both, so a model
trained on one set's ``tune`` half never sees a sentence of another set's ``check`` half.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

SPLITS = ("all", "tune", "check")
_SALT = b"dateline-split-v1:"
T = TypeVar("T")


def sentence_key(text: str) -> str:
    """ "The U.S. and Iran's talks" and "The U.S. and Iran 's talks" give one key."""
    folded = unicodedata.normalize("NFKD", text).lower()
    return "".join(ch for ch in folded if ch.isalnum())


def half_of(key: str) -> str:
    """ "tune" or "check", the same on every machine and in every run."""
    digest = hashlib.sha1(_SALT + key.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "check"


def check_split(split: str) -> str:
    if split not in SPLITS:
        raise ValueError(f"unknown split {split!r}; use one of {', '.join(SPLITS)}")
    return split


def select(items: Iterable[T], key: Callable[[T], str], split: str) -> list[T]:
    """The items of one half ("all": every item), in their original order."""
    check_split(split)
    items = list(items)
    if split == "all":
        return items
    return [it for it in items if half_of(key(it)) == split]
