"""The dead and hurt of an act told apart from further acts (nlp/events/outcomes.py). Every sentence here is
invented."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _assaults(nlp, text: str):
    art = make_article(title="Report", paragraphs=[text], published="2022-05-10")
    return [e for e in next(analyze([art], nlp=nlp)).events if e.type == "ASSAULT"]


def test_those_a_clash_or_a_storm_left_hurt_are_not_attackers(nlp):
    events = _assaults(nlp, "A clash between farmers and police near Quito has left two farmers injured.")
    assert "injured" not in [e.evidence.trigger.text for e in events]
    assert not _assaults(nlp, "The storm left nine people injured in Manila on Sunday.")


def test_what_a_bombing_left_is_its_toll_and_its_victims(nlp):
    events = _assaults(nlp, "The bombing in Mosul left eleven Iraqi policemen wounded on Monday.")
    assert [e.evidence.trigger.text for e in events] == ["bombing"]


def test_gunmen_who_left_people_wounded_wounded_them(nlp):
    (e,) = _assaults(nlp, "Somali gunmen left four Kenyan guards wounded near Mandera on Friday.")
    assert e.evidence.trigger.text == "wounded" and "gunmen" in e.actor.text and "guards" in e.recipient.text


def test_they_killed_right_after_an_attack_is_its_toll(nlp):
    story = ("Militants attacked an army base near Kidal, in Mali, on Monday. "
             "They killed nine Malian soldiers and wounded twelve.")
    assert [e.evidence.trigger.text for e in _assaults(nlp, story)] == ["attacked"]


def test_the_toll_window_stays_open_while_the_story_counts_the_hurt(nlp):
    story = ("A bomb exploded outside a cafe in Lille, France, on Friday. The mayor said there were no deaths. "
             "Officials said there had been injuries. Nine people were taken to hospital. "
             "There were three men and two children injured.")
    assert [e.evidence.trigger.text for e in _assaults(nlp, story)] == ["exploded"]


def test_a_suicide_bomber_who_blew_himself_up_attacked_those_he_killed(nlp):
    (e,) = _assaults(nlp, "A suicide bomber blew himself up outside a mosque in Quetta on Friday, killing seven "
                          "Pakistani worshippers.")
    assert e.evidence.trigger.text.startswith("blew") and "bomber" in e.actor.text
    assert "worshippers" in e.recipient.text


def test_harm_done_only_to_oneself_is_still_no_attack(nlp):
    assert not _assaults(nlp, "The Chilean senator shot himself in the foot with the remark, critics said.")


def test_a_bombing_said_to_be_an_attack_is_one_act(nlp):
    events = _assaults(nlp, "The Sunday bombing in Jalalabad was an attack on an Afghan army post.")
    assert [e.evidence.trigger.text for e in events] == ["attack"]
    assert len(_assaults(nlp, "The bombing in Jalalabad killed an Afghan soldier, and an attack on a post "
                              "in Herat wounded two Afghan policemen.")) >= 2


def _coerce(nlp, text: str):
    art = make_article(title="Report", paragraphs=[text], published="2022-05-10")
    return [e for e in next(analyze([art], nlp=nlp)).events if e.type == "COERCE"]


def test_closing_subway_stations_silences_no_broadcaster(nlp):
    assert not _coerce(nlp, "After the blast, Chilean officials closed two nearby subway stations in Santiago.")
    assert _coerce(nlp, "The Bolivian government closed an opposition radio station in La Paz on Monday.")


def test_a_bomb_that_went_off_is_a_blast_and_an_alarm_is_not(nlp):
    (e,) = _assaults(nlp, "A roadside bomb went off near a market in Mosul, Iraq, on Monday, killing four Iraqi "
                          "policemen.")
    assert e.evidence.trigger.text == "went off" and "policemen" in e.recipient.text
    assert not _assaults(nlp, "The fire alarm went off at the Peruvian congress in Lima on Monday.")


def test_grenades_thrown_and_vehicles_rammed_into_people_are_attacks(nlp):
    (e,) = _assaults(nlp, "A man hurled a grenade at Ugandan soldiers in Kampala on Sunday.")
    assert "soldiers" in e.recipient.text
    assert [e.evidence.trigger.text for e in _assaults(nlp, "A van rammed into a crowd of tourists in Vienna, "
                                                            "Austria.")] == ["rammed"]
    assert not _assaults(nlp, "The Hungarian parliament rammed through a new media law.")


def test_an_attack_that_targeted_a_convoy_was_done_to_it(nlp):
    (e,) = _assaults(nlp, "The attack targeted a convoy of Malian soldiers near Gao.")
    assert "convoy" in e.recipient.text


def test_rockets_fired_at_a_town_are_an_attack_and_into_the_sea_a_show_of_force(nlp):
    assert _assaults(nlp, "Militants fired rockets at a Lebanese village near Tyre on Monday.")
    art = make_article(title="Report", paragraphs=["Iran fired three missiles into the Gulf on Monday."],
                       published="2022-05-10")
    assert [e.type for e in next(analyze([art], nlp=nlp)).events] == ["MOBILIZE"]


def test_a_shell_that_hit_a_school_is_an_attack_and_a_storm_is_not(nlp):
    assert [e.evidence.trigger.text for e in _assaults(nlp, "Artillery shells hit a school in Idlib, Syria.")] == ["hit"]
    assert [e.evidence.trigger.text for e in _assaults(nlp, "A rocket slammed into a clinic in Idlib, Syria.")] \
        == ["slammed"]
    assert not _assaults(nlp, "The typhoon hit the Vietnamese coast on Monday.")
    assert not _assaults(nlp, "A lorry slammed into a wall in Lille, France.")
