"""Count claims: read from many phrasings (parse), put on the calendar (period), checked against the
occurrences of a small store built from articles of our own (check), found in stored articles (find),
and refused with a reason when they are not count claims. The CLI's verdicts and exit codes too."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest

from dateline.claims import ClaimError, check, find_claims, parse_claim, window

D = dt.date.fromisoformat

# (name, published, source, headline, sentences): a Swedish premier's three trips to Norway in 2021.
ARTICLES = [
    ("a0", "2020-06-01", "Fjord Post", "Berg criticises fishing quotas",  # the store's coverage starts here
     ["Norwegian Prime Minister Jonas Berg criticised the new fishing quotas on Monday."]),
    ("a1", "2021-02-01", "North Wire", "Lindqvist makes first trip to Norway as premier",
     ["Swedish Prime Minister Ada Lindqvist arrived in Oslo on Monday for a two-day visit to Norway.",
      "Lindqvist held talks with Norwegian Prime Minister Jonas Berg in Oslo on Monday."]),
    ("a2", "2021-02-02", "Fjord Post", "Lindqvist ends Oslo visit",
     ["Swedish Prime Minister Ada Lindqvist left Oslo on Tuesday after a two-day visit to Norway.",
      "Berg hosted Lindqvist for dinner on Monday."]),
    ("a3", "2021-04-15", "North Wire", "Lindqvist back in Norway for second visit in three months",
     ["Swedish Prime Minister Ada Lindqvist visited Bergen in Norway on Thursday, her second trip to the "
      "country this year.", "She met Berg in Bergen on Thursday."]),
    ("a4", "2021-09-08", "Baltic Times", "Lindqvist makes third visit to Norway in a year",
     ["Swedish Prime Minister Ada Lindqvist arrived in Oslo on Wednesday, her third visit to Norway in a year.",
      "She held talks with Berg on Wednesday."]),
    ("a5", "2021-09-08", "Fjord Post", "Lindqvist in Oslo again",
     ["Swedish Prime Minister Ada Lindqvist arrived in Oslo on Wednesday for talks with Berg.",
      "Her visit to Norway is her third this year."]),
]


@pytest.fixture(scope="session")
def claims_db(tmp_path_factory):
    from dateline.ingest import ReadOptions, read_inputs
    from dateline.runners.inline import ingest
    from dateline.store import open_store

    folder = tmp_path_factory.mktemp("claim_articles")
    for name, published, source, title, sentences in ARTICLES:
        (folder / f"{name}.txt").write_text(title + "\n" + "\n".join(sentences) + "\n", encoding="utf-8")
        (folder / f"{name}.json").write_text(json.dumps({"published": published, "source": source}))
    db = str(tmp_path_factory.mktemp("claims") / "claims.duckdb")
    with open_store(db) as store:
        report = ingest(read_inputs([folder], ReadOptions()), store)
    assert not report.failed, report
    return db


@pytest.fixture()
def store(claims_db):
    from dateline.store import open_store

    with open_store(claims_db, read_only=True) as s:
        yield s


# ------------------------------------------------------------------ parsing

@pytest.mark.parametrize("text, expected", [
    ("Kim Jong Un makes 4th visit to China in a year",
     dict(number=4, kind="ordinal", type="CONSULT", mode="visit", actor="Kim Jong Un", recipient="CHN")),
    ("Analysis: Ada's fourth trip to Norway in ten months - what it means",
     dict(number=4, kind="ordinal", mode="visit", actor="Ada", recipient="NOR")),
    ("Premier Lindqvist visits Norway for the second time in a month",
     dict(number=2, kind="ordinal", mode="visit", actor="Lindqvist", recipient="NOR")),
    ("The premier has visited Denmark twice this year",
     dict(number=2, kind="count", mode="visit", recipient="DNK")),
    ("Rebels carry out three attacks in a week", dict(number=3, kind="count", type="ASSAULT", actor="Rebels")),
    ("Five bombings in two days rock Kabul",
     dict(number=5, kind="count", type="ASSAULT", mode="explosives", place="Kabul", place_country="AFG")),
    ("Berg and Lindqvist hold third summit this year",
     dict(number=3, type="CONSULT", mode=None, actor="Berg", recipient="Lindqvist")),
    ("A fifth meeting between Jonas Berg and Ada Lindqvist in 2021",
     dict(number=5, actor="Jonas Berg", recipient="Ada Lindqvist")),
    ("Swedish Prime Minister Ada Lindqvist makes her first visit to Finland since 2015",
     dict(number=1, actor="Ada Lindqvist", recipient="FIN")),
    ("Oslo, first Swedish premier to visit Norway in 20 years", dict(number=1, mode="visit", recipient="NOR")),
    ("BERG MAKES TWENTY-FIRST TRIP TO SWEDEN IN A DECADE", dict(number=21, recipient="SWE")),
    ("Police make 12 arrests in a week in Paris",
     dict(number=12, kind="count", type="COERCE", mode="arrest", place="Paris", place_country="FRA")),
    ("Berg hosts Lindqvist for the third time in a year", dict(number=3, actor="Lindqvist", recipient="Berg")),
    ("Lindqvist and Berg speak in their second phone call this month", dict(number=2, mode="phone")),
    ("Last year, Lindqvist met Norwegian Prime Minister Jonas Berg three times",
     dict(number=3, kind="count", mode=None, actor="Lindqvist", recipient="Jonas Berg")),
    ("The trip to Oslo was her third in a year", dict(number=3, kind="ordinal", mode="visit", actor=None)),
    ("Explainer: Berg's second trip to Sweden in a month", dict(number=2, actor="Berg", recipient="SWE")),
    ("When Ada Lindqvist landed in Oslo, it was her first foreign trip in three years",
     dict(number=1, actor="Ada Lindqvist", period="in three years")),
    ("This week's talks were the second round of talks between Berg and Lindqvist", dict(period=None)),
    # a period after a comma is the context's, not the claim's
    ("It was the fourth summit of the two premiers, after talks in 2019",
     dict(number=4, actor=None, period=None)),
])
def test_claims_are_read_from_many_phrasings(text, expected):
    got = parse_claim(text).as_dict()
    assert {k: got[k] for k in expected} == expected


@pytest.mark.parametrize("text, why", [
    ("Kim is tall", "not a count"),
    ("Lindqvist visited Norway", "not a count"),
    ("Lindqvist arrived for a four-day visit", "not a count"),  # a duration, not a count
    ("Berg finished fourth in the race this year", "names no event"),
    ("On the second day of her three-day visit this year", "names no event"),
    ("Before 2020, Berg had not travelled abroad once", "is negated"),
    ("Berg never visited Sweden twice in a year", "is negated"),
    ("   ", "is empty"),
    ("x" * 600, "characters long"),
])
def test_what_is_not_a_count_claim_is_refused_with_the_reason(text, why):
    with pytest.raises(ClaimError, match=why):
        parse_claim(text)


@pytest.mark.parametrize("text, as_of, since, until", [
    ("X makes 4th visit to China in a year", "2019-01-08", "2018-01-09", "2019-01-08"),
    ("X makes 2nd visit to China in ten months", "2019-01-10", "2018-03-11", "2019-01-10"),
    ("X makes 3rd visit to China this year", "2019-06-20", "2019-01-01", "2019-06-20"),
    ("X visited China twice last year", "2019-06-20", "2018-01-01", "2018-12-31"),
    ("X has visited China four times since last March", "2019-01-10", "2018-03-01", "2019-01-10"),
    ("X makes first visit to China since 2011", "2019-01-10", "2012-01-01", "2019-01-10"),
    ("X has been to China on four trips since March last year", "2019-06-20", "2018-03-01", "2019-06-20"),
    ("X went on three trips to China since May this year", "2019-06-20", "2019-05-01", "2019-06-20"),
    ("X made three visits to China in 2018", "2019-01-10", "2018-01-01", "2018-12-31"),
    ("Three attacks within a week", "2021-03-10", "2021-03-04", "2021-03-10"),
    ("X makes second visit to China in a month", "2020-03-31", "2020-03-01", "2020-03-31"),
])
def test_periods_are_put_on_the_calendar_from_the_claims_day(text, as_of, since, until):
    assert window(parse_claim(text), D(as_of)) == (D(since), D(until))


def test_an_ordinal_with_no_period_needs_one_or_a_start():
    claim = parse_claim("Berg and Lindqvist hold third summit")
    with pytest.raises(ClaimError, match="no period to count in"):
        window(claim, D("2021-09-08"))
    assert window(claim, D("2021-09-08"), D("2021-01-01")) == (D("2021-01-01"), D("2021-09-08"))
    with pytest.raises(ClaimError, match="starts on 2030-01-01, after the claim's date"):
        window(parse_claim("X makes 2nd visit to Norway since 2030"), D("2021-09-08"))


# ------------------------------------------------------------------ verdicts over a store

def verdict(store, text, as_of, **kw):
    return check(store, parse_claim(text), D(as_of), **kw)


def test_the_third_visit_in_a_year_is_supported_with_every_article_behind_each(store):
    got = verdict(store, "Lindqvist makes third visit to Norway in a year", "2021-09-08")
    assert got["verdict"] == "supported" and got["count"] == 3
    assert [o["start"][:7] for o in got["occurrences"]] == ["2021-02", "2021-04", "2021-09"]
    titles = [{r["title"] for r in o["reports"]} for o in got["occurrences"]]
    assert {"Lindqvist makes first trip to Norway as premier", "Lindqvist ends Oslo visit"} <= titles[0]
    assert {"Lindqvist makes third visit to Norway in a year", "Lindqvist in Oslo again"} <= titles[2]
    assert got["actor"]["counted_as"] == "Ada Lindqvist"


@pytest.mark.parametrize("text, as_of, expected, count", [
    ("Lindqvist makes second visit to Norway in a year", "2021-09-08", "contradicted", 3),
    ("Lindqvist makes fourth visit to Norway in a year", "2021-09-08", "not enough data", 3),
    ("Lindqvist has visited Norway twice this year", "2021-04-15", "supported", 2),
    ("Lindqvist visits Norway for the second time in three months", "2021-04-15", "supported", 2),
    ("Lindqvist makes first visit to Norway in ten years", "2021-02-01", "not enough data", 1),  # before the store
    ("Lindqvist makes second visit to Denmark this year", "2021-09-08", "not enough data", 0),
    ("Berg and Lindqvist held their third meeting this year", "2021-09-08", "supported", 3),  # either side
    ("Lindqvist has met Berg twice this year", "2021-09-08", "contradicted", 3),
])
def test_verdicts(store, text, as_of, expected, count):
    got = verdict(store, text, as_of)
    assert (got["verdict"], got["count"]) == (expected, count), got["reason"]


def test_an_actor_no_article_names_is_refused(store):
    with pytest.raises(ClaimError, match="no stored article names 'Olaf Nilsen'"):
        verdict(store, "Olaf Nilsen makes third visit to Norway in a year", "2021-09-08")


def test_claims_in_stored_articles_are_found_and_checked_as_of_their_day(store):
    rows = find_claims(store)
    by = {r["sentence"]: r for r in rows}
    head = by["Lindqvist makes third visit to Norway in a year"]
    assert (head["as_of"], head["verdict"], head["where"]) == ("2021-09-08", "supported", "headline")
    pronoun = by["Her visit to Norway is her third this year."]  # "her": the article's main actor
    assert (pronoun["claimed"], pronoun["parsed"]["actor"], pronoun["verdict"]) == (3, "Ada Lindqvist", "supported")
    assert "Lindqvist in Oslo again" not in by  # no number, no claim
    assert all(r["as_of"] == r["published"][:10] for r in rows)


# ------------------------------------------------------------------ the CLI

def run(monkeypatch, *args):
    from dateline.cli import main

    monkeypatch.setattr(sys, "argv", ["dateline", *args])
    with pytest.raises(SystemExit) as e:
        main()
    return e.value.code or 0


def test_cli_claim_answers_in_json(monkeypatch, capsys, claims_db):
    assert run(monkeypatch, "--db", claims_db, "claim", "Lindqvist makes third visit to Norway in a year",
               "--as-of", "2021-09-08", "--json") == 0
    got = json.loads(capsys.readouterr().out)
    assert got["verdict"] == "supported" and got["claimed"] == 3 and len(got["occurrences"]) == 3


@pytest.mark.parametrize("args, message", [
    (["Kim is tall"], "not a count"),
    (["Berg and Lindqvist hold third summit", "--as-of", "2021-09-08"], "no period to count in"),
    (["Olaf Nilsen makes third visit to Norway in a year"], "no stored article names"),
    (["Lindqvist makes third visit to Norway in a year", "--as-of", "2021-02-30"], "not a real day"),
    (["Lindqvist makes 3rd visit to Norway since 2030", "--as-of", "2021-09-08"], "after the claim's date"),
    (["Lindqvist makes 3rd visit to Norway", "--as-of", "2021-09-08", "--since", "2022-01-01"], "starts after"),
])
def test_cli_claim_usage_errors_exit_2_with_the_reason(monkeypatch, capsys, claims_db, args, message):
    assert run(monkeypatch, "--db", claims_db, "claim", *args) == 2
    err = " ".join(capsys.readouterr().err.split()).replace("│", "")
    assert message in " ".join(err.split()) and "Traceback" not in err


def test_cli_claims_lists_verdicts(monkeypatch, capsys, claims_db):
    assert run(monkeypatch, "--db", claims_db, "claims", "--json") == 0
    rows = json.loads(capsys.readouterr().out)
    assert {"supported"} <= {r["verdict"] for r in rows}
    assert run(monkeypatch, "--db", claims_db, "claims", "--article", "zzzz") == 2


def test_readme_lists_the_commands():
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text()
    for command in ("dateline claim ", "dateline claims", "dateline timeline ", "dateline stories"):
        assert command in readme
