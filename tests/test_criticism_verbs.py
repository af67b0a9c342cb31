"""Verbs of criticism code ACCUSE (CAMEO 111), and "attack" is criticism only when what is attacked is
words or plans, or a verdict follows ("as corrupt"). Every sentence here is invented for the case."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def coded(sentence: str) -> list[tuple[str, str, str | None]]:
    (a,) = analyze([make_article(title="Story", paragraphs=[sentence], published="2020-03-02", language="en")])
    return [(e.type, e.evidence.trigger.text, e.recipient.text if e.recipient else None) for e in a.events]


@pytest.mark.parametrize("sentence, trigger, recipient", [
    ("The Dutch premier castigated the unions for the strike.", "castigated", "the unions"),
    ("The Chilean senator derided the governor.", "derided", "the governor"),
    ("The Spanish foreign minister hit out at Morocco over the border.", "hit out", "Morocco"),
    ("Bolivia's president railed against Brazil in a speech.", "railed", "Brazil"),
    ("The Irish opposition attacked Varadkar's housing plan.", "attacked", "Varadkar"),
    ("The Kenyan opposition attacked the president as corrupt.", "attacked", "the president"),
])
def test_words_of_criticism_are_accusations(sentence, trigger, recipient):
    assert ("ACCUSE", trigger, recipient) in coded(sentence)


@pytest.mark.parametrize("sentence", [
    "Rebels attacked the army base with mortars.",
    "Gunmen attacked a police station in the north.",
])
def test_an_armed_attack_stays_an_assault(sentence):
    types = {t for t, trig, _ in coded(sentence) if trig == "attacked"}
    assert types == {"ASSAULT"}
