"""The event coder codes a word only in its event sense, with the status the sentence gives it.

Every sentence here is invented; each case tests one general behaviour (what the verb acts on, who acts,
whether the act is asserted), not a sentence of any development set.
"""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def _events(nlp, text: str):
    art = make_article(title="Report", paragraphs=[text], published="2022-05-10")
    return [e for e in next(analyze([art], nlp=nlp)).events if e.evidence.sentence.text.strip() == text.strip()]


@pytest.mark.parametrize("text", [
    "The senator attacked the budget plan in a speech.",  # an idea attacked: criticism of a plan, no violence
    "The opposition leader seized the moment to call for an election.",
    "The statistics office released its quarterly figures on Monday.",
    "The ministry provided details of the new tax.",
    "The coalition kept fighting for votes in the north.",
    "The union agreed.",
    "The reporter asked whether the minister would resign.",
    "The minister declined to comment on the report.",
    "The central bank warned that prices will rise next year.",
    "The leaked memo warns the government about shortages.",
    "Cheap imports hurt local farmers, a study says.",
    "He said there must have been a mistake.",
    "Voters said you have to be careful with promises.",
    "A driver who attacks a traffic warden faces a heavy fine.",
    "The navy has done little to fight smugglers, the report said.",  # an aim, not a clash
    "The coast guard helped fishermen in battling pirates.",
])
def test_no_event_outside_the_event_sense(nlp, text):
    assert [(e.type, e.evidence.trigger.text) for e in _events(nlp, text)] == []


@pytest.mark.parametrize("text,type_,trigger", [
    ("Rebel fighters attacked an army base near the border.", "ASSAULT", "attacked"),
    ("Police seized two trucks of smuggled fuel.", "COERCE", "seized"),
    ("The rebels released three aid workers on Friday.", "RETREAT", "released"),
    ("Norway agreed to send food aid to the region.", "AGREE", "agreed"),
    ("The union demanded that the company rehire the workers.", "REQUEST", "demanded"),
    ("The army warned that it would strike the camps if the attacks continued.", "THREATEN", "warned"),
    ("Somali troops fought pirates on Tuesday.", "ASSAULT", "fought"),  # a tensed clash with a bare plural
    ("The ministry sent troops to fight the Red Hand rebels.", "ASSAULT", "fight"),  # some picked out by name
])
def test_the_event_sense_is_kept(nlp, text, type_, trigger):
    assert (type_, trigger) in [(e.type, e.evidence.trigger.text) for e in _events(nlp, text)]


def test_a_verbal_attack_on_a_person_is_criticism(nlp):
    got = _events(nlp, "Senator Maria Ortega attacked Governor Paul Lind in a televised debate.")
    assert [(e.type, e.cameo) for e in got] == [("ACCUSE", "111")]


@pytest.mark.parametrize("text,status", [
    ("Will the army attack the town?", "hypothetical"),
    ("The agency disputed claims that soldiers shelled the village.", "denied"),
    ("Rebels claimed that soldiers shelled the village.", "reported"),
    ("The ruling does not mean that the embassy has cut its ties with Oslo.", "hypothetical"),
    ("Without the truce the army would have attacked the town.", "hypothetical"),
    ("The government must release the prisoners, the envoy said.", "occurred"),  # the envoy's demand happened
])
def test_status_follows_the_sentence(nlp, text, status):
    got = _events(nlp, text)
    assert got and got[0].status == status, [(e.type, e.status, e.evidence.status_cue) for e in got]


def test_the_actor_of_an_event_noun_is_not_who_condemns_it(nlp):
    got = _events(nlp, "The governor condemned the bombing of the market in Tarvia.")
    bombing = [e for e in got if e.evidence.trigger.text == "bombing"]
    assert all(e.actor.name != "The governor" and "governor" not in e.actor.text.lower() for e in bombing)


def test_blamed_for_names_the_alleged_actor(nlp):
    got = _events(nlp, "Police blamed the Tarvian Liberation Front for the bombing of the bus.")
    bombing = next(e for e in got if e.evidence.trigger.text == "bombing")
    assert "Liberation Front" in bombing.actor.text and bombing.status == "reported"


def test_blame_in_what_someone_says_is_criticism(nlp):
    got = _events(nlp, "The auditor general said the Ministry of Roads had failed to account for the funds.")
    blame = [e for e in got if e.evidence.rule == "r.say-blame"]
    assert blame and blame[0].type == "ACCUSE" and "Ministry" in blame[0].recipient.text
    assert blame[0].evidence.trigger.text == "failed"


def test_a_negated_judgement_is_not_blame(nlp):
    got = _events(nlp, "The auditor general said the Ministry of Roads had not failed in its duty.")
    assert not [e for e in got if e.evidence.rule == "r.say-blame"]


def test_name_calling_is_an_accusation(nlp):
    got = _events(nlp, "Governor Paul Lind called Senator Maria Ortega a liar on Sunday.")
    assert [(e.type, e.recipient.text if e.recipient else None) for e in got] == [("ACCUSE", "Senator Maria Ortega")]


def test_confidence_is_calibrated_from_the_fitted_weights(nlp):
    from dateline.nlp.events.confidence import weights

    w = weights()
    assert w["n"] > 100 and set(w["coef"]) == set(w["features"])
    art = make_article(title="Talks", paragraphs=["Norway's foreign minister met the Peruvian president in Lima.",
                                                  "Officials said Norway could meet Peru again if talks go well."],
                       published="2021-04-01")
    a = next(analyze([art], nlp=nlp))
    met = next(e for e in a.events if e.evidence.trigger.text == "met")
    assert 0.0 < met.confidence < 1.0 and set(met.evidence.features) == set(w["features"])
    maybe = [e for e in a.events if e.status == "hypothetical"]
    assert all(e.confidence < met.confidence for e in maybe)


def test_events_below_the_threshold_are_stored_but_not_listed(demo_db):
    from dateline import query
    from dateline.config import DEFAULT_MIN_CONFIDENCE
    from dateline.store import open_store

    with open_store(demo_db) as store:
        every = query.events(store, limit=100_000, min_confidence=0.0)
        shown = query.events(store, limit=100_000)
    assert shown and all(r["confidence"] >= DEFAULT_MIN_CONFIDENCE for r in shown)
    assert len(every) >= len(shown)


def test_a_title_case_headline_is_read_in_running_text_case(nlp):
    art = make_article(title="Police Arrest Two Men After Market Bombing In Harare",
                       paragraphs=["Police in Harare arrested two men on Monday after a bomb went off at a market."],
                       published="2021-04-01")
    a = next(analyze([art], nlp=nlp))
    head = [e for e in a.events if e.evidence.sentence.start == 0]
    assert ("COERCE", "Arrest") in [(e.type, e.evidence.trigger.text) for e in head]
    for e in a.events:  # every span keeps the article's own letters
        for s in (e.evidence.sentence, e.evidence.trigger, e.actor.span, e.recipient.span if e.recipient else None):
            assert s is None or a.article.text[s.start:s.end] == s.text


def test_recasing_follows_the_body():
    from collections import Counter

    from dateline.nlp.events.headline import needs_recasing, recase

    assert needs_recasing("Police Arrest Two Men After Attack") and not needs_recasing("Police arrest two men")
    upper, lower = Counter({"harare": 3, "nato": 2}), Counter({"police": 2, "arrested": 1, "men": 1})
    assert recase("POLICE ARREST NATO MEN IN HARARE", upper, lower) == "Police arrest NATO men in Harare"


def test_a_headline_infinitive_is_a_plan(nlp):
    art = make_article(title="Minister to visit Beijing", paragraphs=["The minister leaves on Monday."],
                       published="2021-04-01")
    a = next(analyze([art], nlp=nlp))
    head = [e for e in a.events if e.evidence.sentence.start == 0]
    assert head and head[0].status == "expected"


@pytest.mark.parametrize("paragraph", [
    "Wheat 120 130 140. Maize 98 99 101. Barley 77 78 80. Soy 300 310 320.",  # a table run into text
    "John Carver, Mary Lind, Ahmed Solak, Ruth Okafor, Piet de Vries, Lena Holm.",  # a list of names
    "Ninety-two. Blue skies. Tomorrow, perhaps.",  # sentences with no verb
])
def test_text_with_no_act_codes_nothing(nlp, paragraph):
    art = make_article(title="Notes", paragraphs=[paragraph], published="2021-04-01")
    assert next(analyze([art], nlp=nlp)).events == ()


def test_a_very_long_sentence_is_skipped_with_its_reason(nlp):
    long = "The army shelled the town and " * 200 + "the rebels fled."
    art = make_article(title="Long", paragraphs=[long], published="2021-04-01")
    a = next(analyze([art], nlp=nlp))
    assert not [e for e in a.events if e.evidence.sentence.start > 5]
    assert any(e.code == "sentence_too_long" for e in a.errors)


def test_an_all_capitals_headline_is_read_or_left_alone(nlp):
    art = make_article(title="TROOPS SHELL BORDER TOWN", paragraphs=["Government troops shelled the border town "
                       "of Ardmore on Monday, killing four civilians."], published="2021-04-01")
    a = next(analyze([art], nlp=nlp))
    head = [e for e in a.events if e.evidence.sentence.start == 0]
    assert all(e.type == "ASSAULT" for e in head)
    assert all(a.article.text[e.evidence.trigger.start:e.evidence.trigger.end] == e.evidence.trigger.text
               for e in a.events)


def test_a_present_tense_relative_clause_on_a_bare_plural_is_a_kind_not_an_act(nlp):
    # "shipowners who pay ransoms" are any such shipowners; no payment is reported
    assert [e.type for e in _events(nlp, "Shipowners who pay ransoms to pirates face new fines.")] == []
    assert [e.type for e in _events(nlp, "Rebels who attack convoys face long sentences.")] == []
    assert [e.type for e in _events(nlp, "Rebels who attacked a convoy on Monday fled.")] == ["ASSAULT"]


@pytest.mark.parametrize("text", [
    "Instead the movement is left with a split party and a damaged cause.",  # a participle describing a noun
    "The ministers have been struck by the scale of the protests.",  # struck by a state of things
    "Analysts note that pirates seize ships for ransom.",  # what such people do, not an act
])
def test_descriptions_and_figures_are_no_events(nlp, text):
    assert [(e.type, e.evidence.trigger.text) for e in _events(nlp, text)] == []


def test_a_demand_that_a_kind_of_people_act_is_still_read(nlp):
    types = {e.type for e in _events(nlp, "The council demanded that rebels release the hostages.")}
    assert types, "the demand was dropped as a description"
