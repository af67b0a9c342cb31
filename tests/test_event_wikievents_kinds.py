"""Event kinds of news stories (issue 11, WikiEvents tune misses by cause): an explosion whose toll a
relative clause tells is one act."""

from __future__ import annotations

from event_helpers import events_of, on, triggers_and_types


def test_a_blast_which_wounded_people_is_one_act_with_its_victims():
    # the relative pronoun stands for the blast: the wounding is what the blast did, not a second attack
    got = triggers_and_types("Detectives in Ghent, Belgium, were looking for a woman thought to be behind a "
                             "Sunday blast which wounded four commuters.")
    assert ("blast", "ASSAULT") in got
    assert ("wounded", "ASSAULT") not in got


def test_a_raid_that_killed_villagers_keeps_them_as_its_targets():
    evs = events_of("Gunmen crossed into Tarsa province, Nigeria, at dawn. The raid, which killed six farmers, "
                    "lasted two hours.")
    raid = on(evs, "raid")
    assert raid[0].recipient is not None and "farmers" in raid[0].recipient.text
