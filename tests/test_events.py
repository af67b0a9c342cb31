"""Event coding: one phenomenon per case, then explanation, CLI filters, the seed and bad input."""

from __future__ import annotations

import json

import pytest

from dateline.ingest import make_article
from dateline.model import Event
from dateline.pipeline import analyze


def analyse(body: str, published: str = "2019-01-08", language: str = "en"):
    lines = body.strip().split("\n")
    art = make_article(title=lines[0], paragraphs=lines[1:] or ["."], published=published, language=language)
    (a,) = analyze([art])
    for e in a.events:  # offsets always point into the canonical text
        for s in (e.evidence.sentence, e.evidence.trigger):
            assert art.text[s.start:s.end] == s.text
        for ref in (e.actor, e.recipient):
            if ref is not None and ref.span is not None:
                assert art.text[ref.span.start:ref.span.end] == ref.span.text
    return a


def events_of(body: str, published: str = "2019-01-08") -> list[Event]:
    return list(analyse(body, published).events)


def find(events: list[Event], type: str, actor: str | None = None, recipient: str | None = None) -> Event:
    for e in events:
        if e.type == type and (actor is None or e.actor.country == actor) and (
                recipient is None or (e.recipient is not None and e.recipient.country == recipient)):
            return e
    got = [(e.type, e.cameo, e.actor.country, e.recipient.country if e.recipient else None, e.status) for e in events]
    raise AssertionError(f"no {type} {actor}->{recipient} among {got}")


# -- one phenomenon per case ------------------------------------------------------------------------

CASES = [
    # (what, text, type, cameo prefix, actor, recipient, status)
    ("visit verb", "Visit\nNorth Korean leader Kim Jong Un arrived in Beijing on Tuesday.",
     "CONSULT", "042", "PRK", "CHN", "occurred"),
    ("visit noun", "Visit\nKim Jong Un made his fourth visit to China.", "CONSULT", "042", "PRK", "CHN", "occurred"),
    ("meet", "Talks\nChinese President Xi Jinping met South Korean President Moon Jae-in on Monday.",
     "CONSULT", "04", "CHN", "KOR", "occurred"),
    ("summit noun", "Summit\nU.S. President Donald Trump held a summit with Kim Jong Un in Singapore.",
     "CONSULT", "04", "USA", "PRK", "occurred"),
    ("threat", "Threat\nIran threatened to impose sanctions on Azerbaijan.", "THREATEN", "13", "IRN", "AZE",
     "occurred"),
    ("agreement", "Deal\nJordan agreed to provide aid to Iraq.", "AGREE", "03", "JOR", "IRQ", "occurred"),
    ("intent", "Talks\nKim Jong Un said that he was ready to sit with the U.S. president again.",
     "AGREE", "036", "PRK", "USA", "intended"),
    ("expected (will)", "Visit\nSouth Korean President Moon Jae-in will visit Pyongyang next month.",
     "AGREE", "036", "KOR", "PRK", "expected"),
    ("expected (noun)", "Kim in Beijing\nKim Jong Un came to Beijing ahead of an expected second summit with "
     "U.S. President Donald Trump.", "CONSULT", "04", "PRK", "USA", "expected"),
    ("hedged", "Talks\nThe North Korean leader is said to have met with Chinese President Xi Jinping.",
     "CONSULT", "04", "PRK", "CHN", "reported"),
    ("negated", "Talks\nU.S. President Donald Trump did not meet North Korean leader Kim Jong Un.",
     "CONSULT", "04", "USA", "PRK", "denied"),
    ("conditional", "War\nIf the talks fail, North Korea could attack South Korea.", "ASSAULT", "19", "PRK", "KOR",
     "hypothetical"),
    ("metonymy", "Row\nSeoul criticized Washington on Friday.", "ACCUSE", "111", "KOR", "USA", "occurred"),
    ("demand (said ... must)", "Demand\nNorway said on Friday that Peru must hand back the seized trawler.",
     "REQUEST", "10", "NOR", "PER", "occurred"),
    ("nationality + agent", "Clash\nSouth Korean troops attacked North Korean soldiers.", "ASSAULT", "19", "KOR",
     "PRK", "occurred"),
    ("capital as actor", "Protest\nPyongyang condemned the sanctions imposed by Washington.", "ACCUSE", "11", "PRK",
     None, "occurred"),
    ("US is no pronoun", "Reform\nThe US on Thursday rejected a plan by Canada to reform the trade body.", "REJECT", "12",
     "USA", None, "occurred"),
]


@pytest.mark.parametrize("what, text, type, cameo, actor, recipient, status", CASES, ids=[c[0] for c in CASES])
def test_coding(what, text, type, cameo, actor, recipient, status):
    e = find(events_of(text), type, actor, recipient)
    assert (e.cameo or "").startswith(cameo), (e.cameo, e.evidence.explanation)
    assert e.status == status, (e.status, e.evidence.status_cue)
    assert e.evidence.rule and e.evidence.explanation and 0 < e.confidence < 1


def test_sectors_from_agent_nouns_and_metonymy():
    evs = events_of("Clash\nSouth Korean troops attacked North Korean soldiers.\nSeoul criticized Washington.")
    attack = find(evs, "ASSAULT", "KOR", "PRK")
    assert (attack.actor.sector, attack.recipient.sector) == ("MIL", "MIL")
    row = find(evs, "ACCUSE", "KOR", "USA")
    assert (row.actor.sector, row.recipient.sector) == ("GOV", "GOV")


def test_state_media_and_officials():
    evs = events_of("Media\nChinese state media criticized Japan.\nNorth Korean officials praised China.")
    assert find(evs, "ACCUSE", "CHN", "JPN").actor.sector == "MED"
    assert find(evs, "SUPPORT", "PRK", "CHN").actor.sector == "GOV"


def test_compound_actors_give_one_event_each():
    evs = events_of("Deal\nSenior Hungarian and Romanian officials agreed to cooperate with Serbia.")
    actors = {e.actor.country for e in evs if e.type == "AGREE"}
    assert {"HUN", "ROU"} <= actors


def test_coordinated_parties_meet_each_other():
    evs = events_of("Talks\nThe United States and Jordan agreed on a free-trade pact.")
    pairs = {(e.actor.country, e.recipient.country if e.recipient else None) for e in evs if e.type == "AGREE"}
    assert {("USA", "JOR"), ("JOR", "USA")} <= pairs


def test_saying_alone_is_no_event():
    assert events_of("Weather\nU.S. President Donald Trump said the weather was nice on Sunday.") == []
    assert events_of("Remarks\nChinese foreign ministry spokesman Lu Kang said the talks were useful.") == []


def test_a_future_summit_did_not_happen():
    evs = events_of("Summit\nKim came to Beijing ahead of an expected but yet to be confirmed second summit with "
                    "U.S. President Donald Trump.")
    summits = [e for e in evs if e.type == "CONSULT" and e.recipient is not None and e.recipient.country == "USA"]
    assert summits and all(e.status == "expected" for e in summits)
    assert all(e.date is None or e.date.value == "FUTURE_REF" for e in summits)


def test_visit_date_and_place_from_the_clause():
    e = find(events_of("Visit\nKim Jong Un arrived in Beijing on Tuesday.", published="2019-01-09"),
             "CONSULT", "PRK", "CHN")
    assert e.date.value == "2019-01-08" and not e.date.inferred
    assert e.location is not None and e.location.name == "Beijing"
    assert "Tuesday" in e.evidence.date_source


def test_a_visit_to_a_place_is_located_there():
    e = find(events_of("Visit\nKim Jong Un visited Dalian on Monday and Tuesday.", published="2018-05-09"),
             "CONSULT", "PRK", "CHN")
    assert e.mode == "visit" and e.location is not None and e.location.name == "Dalian"
    assert "place visited" in e.evidence.place_source


def test_the_place_a_meeting_hangs_on_the_person_met():
    evs = events_of("Talks\nKim Jong Un met Chinese President Xi Jinping in the Chinese port city of Dalian "
                    "on Monday.", published="2018-05-08")
    e = find(evs, "CONSULT", "PRK", "CHN")
    assert e.location is not None and e.location.name == "Dalian", e


def test_a_relative_clause_keeps_its_own_date():
    evs = events_of("Trip\nReports said that Kim Jong Un had flown to Dalian on his private aircraft, rather than making "
                    "the long train journey he took to Beijing in March.", published="2018-05-08")
    e = find(evs, "CONSULT", "PRK", "CHN")
    assert e.location is not None and e.location.name == "Dalian"
    assert e.date is not None and e.date.value != "2018-03", e.date


def test_published_date_is_marked_inferred():
    e = find(events_of("Visit\nKim Jong Un arrived in Beijing.", published="2019-01-09"), "CONSULT", "PRK", "CHN")
    assert e.date.value == "2019-01-09" and e.date.inferred


def test_ids_are_stable():
    body = "Visit\nKim Jong Un arrived in Beijing on Tuesday."
    assert [e.id for e in events_of(body)] == [e.id for e in events_of(body)]


# -- explanation ------------------------------------------------------------------------------------

def test_explain_shows_trigger_rule_resolution_date_and_status():
    from dateline.nlp.events.explain import explain_lines

    e = find(events_of("Talks\nThe North Korean leader is said to have met with Chinese President Xi Jinping."),
             "CONSULT", "PRK", "CHN")
    text = "\n".join(explain_lines(e))
    assert "[[met]]" in text and "rule: v.meet" in text
    assert "status: reported" in text and "is said to" in text
    assert "actor:" in text and "PRK" in text and "recipient:" in text
    assert "date:" in text and "inferred" in text


# -- the CLI over a store --------------------------------------------------------------------------

@pytest.fixture(scope="module")
def event_db(tmp_path_factory):
    from dateline.runners.inline import ingest
    from dateline.store import open_store

    db = str(tmp_path_factory.mktemp("events") / "ev.duckdb")
    arts = [
        make_article(title="Kim visits China", paragraphs=["North Korean leader Kim Jong Un arrived in Beijing on "
                                                           "Tuesday. He met Chinese President Xi Jinping."],
                     published="2019-01-09"),
        make_article(title="Threat", paragraphs=["Iran threatened to impose sanctions on Azerbaijan."],
                     published="2018-05-02"),
    ]
    with open_store(db) as store:
        ingest(arts, store)
    return db


def run(*args):
    from typer.testing import CliRunner

    from dateline.cli import app

    return CliRunner().invoke(app, list(args))


def test_cli_events_filters(event_db):
    out = run("--db", event_db, "events", "--json")
    assert out.exit_code == 0, out.output
    rows = json.loads(out.output)
    assert {r["type"] for r in rows} >= {"CONSULT", "THREATEN"}
    visits = json.loads(run("--db", event_db, "events", "--type", "CONSULT", "--mode", "visit", "--json").output)
    assert visits and all(r["mode"] == "visit" for r in visits)
    kim = json.loads(run("--db", event_db, "events", "--actor", "PRK", "--recipient", "China", "--json").output)
    assert kim and all(r["actor_country"] == "PRK" for r in kim)
    assert json.loads(run("--db", event_db, "events", "--cameo", "13", "--json").output)[0]["actor_country"] == "IRN"
    in_2019 = json.loads(run("--db", event_db, "events", "--since", "2019-01-01", "--json").output)
    assert in_2019 and all(r["type"] != "THREATEN" for r in in_2019)
    early = json.loads(run("--db", event_db, "events", "--until", "2018-12-31", "--json").output)
    assert early and all(r["type"] == "THREATEN" for r in early)
    assert run("--db", event_db, "events", "--status", "occurred", "--csv").exit_code == 0
    assert run("--db", event_db, "events", "--status", "bogus").exit_code == 2
    assert run("--db", event_db, "events", "--type", "NOPE").exit_code == 2


def test_cli_explain(event_db):
    rows = json.loads(run("--db", event_db, "events", "--type", "CONSULT", "--json").output)
    out = run("--db", event_db, "explain", rows[0]["id"][:9])
    assert out.exit_code == 0, out.output
    assert "rule:" in out.output and "[[" in out.output and "actor:" in out.output
    assert run("--db", event_db, "explain", "evnope").exit_code == 2  # an id that names nothing: usage


# -- the seed ------------------------------------------------------------------------------------------

def test_seed_events_found_and_nothing_forbidden(seed_analysis):
    from conftest import shared_path
    from dateline.evals.seed import expected_path, score

    expected = json.loads(expected_path(shared_path("seed", "kim-4th-visit.txt")).read_text())
    result = score(seed_analysis, expected)
    event_misses = [m for m in result.details["misses"] if m.startswith("events") or "must_not" in m]
    assert result.metrics["events_passed"] == result.metrics["events_total"], event_misses
    assert result.metrics["must_not_violated"] == 0, event_misses


# -- bad input -------------------------------------------------------------------------------------

def test_a_very_long_sentence_is_skipped_with_a_reason():
    body = "Long\n" + " ".join(["officials met"] * 600) + "."
    a = analyse(body)
    assert any(e.code == "sentence_too_long" for e in a.errors)


def test_other_languages_are_skipped_with_a_reason():
    a = analyse("Besuch\nDer Kanzler traf den Präsidenten in Berlin.", language="de")
    assert a.events == () and any(e.code == "not_english" for e in a.errors)


@pytest.mark.parametrize("body", [
    "KIM ARRIVES IN BEIJING FOR TALKS WITH XI\nKIM JONG UN MET XI JINPING ON TUESDAY.",
    "Table\nCountry | Visits | Talks\nChina | 4 | 3\nRussia | 1 | 1",
    "List\n- meeting\n- summit\n- visit\n- talks with\n- sanctions",
    "Noise\n;;; ))) ((( --- !!! ???",
])
def test_odd_input_does_not_crash(body):
    a = analyse(body)
    assert not [e for e in a.errors if e.code == "extractor_failed"]
