"""A word of intent or a demand that governs a light verb ("host", "hold") governs the act named by the
verb's object: being ready to host a meeting is an intention to meet, not a meeting.

Every sentence here is invented; each tests one general behaviour, not a sentence of a development set.
"""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _events(nlp, text: str):
    art = make_article(title="Report", paragraphs=[text], published="2022-05-10")
    return [e for e in next(analyze([art], nlp=nlp)).events if e.evidence.sentence.text.strip() == text.strip()]


@pytest.mark.parametrize("text", [
    "The Norwegian foreign minister said he was ready to host a meeting between France and Germany.",
    "The Swiss president said she was willing to host talks between Egypt and Ethiopia.",
])
def test_ready_to_host_a_meeting_is_an_intention_to_meet(nlp, text):
    evs = _events(nlp, text)
    meeting = [e for e in evs if e.evidence.trigger.text in ("meeting", "talks")]
    assert meeting, [(e.type, e.cameo, e.evidence.trigger.text) for e in evs]
    assert all(e.type == "AGREE" and e.cameo == "036" and e.status == "intended" for e in meeting), \
        [(e.type, e.cameo, e.status) for e in meeting]
    assert any("puts" in e.evidence.explanation for e in meeting)


def test_a_meeting_that_was_held_stays_a_meeting(nlp):
    evs = _events(nlp, "The Norwegian foreign minister hosted a meeting between France and Germany on Monday.")
    assert not any(e.type == "AGREE" for e in evs), [(e.type, e.cameo) for e in evs]
