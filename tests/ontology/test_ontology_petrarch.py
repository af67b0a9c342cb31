from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dateline.ontology.petrarch import (
    load_petrarch_actors,
    load_petrarch_agents,
    parse_petrarch_date,
)

# ------------------------------------------------------------------ our own samples

ACTORS_SAMPLE = """\
<!-- a sample written for these tests -->
<!--
  a comment over
  several lines [XXX]
-->
# a Python-style comment
NORTHLAND_  [NTH]   # trailing comment
+NORTHLANDER
+THE_NORTH_KINGDOM

MAYOR_SMITH_OF_NORTHLAND
+MAYOR_SMITH
\t[NTHCVL < 950101]
\t[NTHGOV 19950102 - 20001231]  ; legacy comment
\t[NTHELI >010101]

RIVER_TOWN [RVT] # default code
\t[RVTREB 20050101-20051231]

GHOST_TOWN
\t[GHO]

<! -- a malformed comment that PETRARCH still skips -->
NULL_PLACE [---]
TWO_WAY [AAA/BBB]
BROKEN_DATES [BRK]
\t[BRKGOV 20200101-20190101]
\t[BRKMIL nonsense]
"""

AGENTS_SAMPLE = """\
<!-- agents sample written for these tests -->
!WORKER! = HAND, HANDS
!HEAD! = CHIEF, CHIEFS
RANGER [~MIL]
CITY_GUARD {} [~COP]
OX {OXEN} [~AGR]
DAIRY [~AGR]
FERRY!WORKER! [~LAB]
!HEAD!_OF_WATCH [~COPGOV]
PEACE_MONITOR [IGO~]
NO_CODE_HERE
UNKNOWN!MARK! [~GOV]
"""


@pytest.fixture()
def sample_actors(tmp_path: Path):
    path = tmp_path / "sample.actors.txt"
    path.write_text(ACTORS_SAMPLE, encoding="utf-8")
    return load_petrarch_actors(path)


@pytest.fixture()
def sample_agents(tmp_path: Path):
    path = tmp_path / "sample.agents.txt"
    path.write_text(AGENTS_SAMPLE, encoding="utf-8")
    return load_petrarch_agents(path)


def test_sample_actor_records(sample_actors):
    names = {e.name for e in sample_actors}
    assert names == {
        "NORTHLAND",
        "MAYOR SMITH OF NORTHLAND",
        "RIVER TOWN",
        "GHOST TOWN",
        "NULL PLACE",
        "TWO WAY",
        "BROKEN DATES",
    }
    north = sample_actors.lookup("the North Kingdom")
    assert [(e.code, e.country, e.sector, e.aliases) for e in north] == [
        ("NTH", "NTH", "", ("NORTHLANDER", "THE NORTH KINGDOM"))
    ]
    assert sample_actors.lookup("Northlander")[0].source == "sample.actors.txt"
    assert sample_actors.lookup("several lines") == []


@pytest.mark.parametrize(
    ("text", "on", "code", "approximate"),
    [
        ("Mayor Smith", date(1994, 12, 31), "NTHCVL", False),
        ("Mayor Smith", date(1995, 1, 1), "NTHCVL", False),
        ("Mayor Smith", date(1995, 1, 2), "NTHGOV", False),
        ("mayor smith", date(2000, 12, 31), "NTHGOV", False),
        ("Mayor Smith of Northland", date(2001, 1, 1), "NTHELI", False),
        ("River Town", date(2004, 6, 1), "RVT", False),
        ("River Town", date(2005, 6, 1), "RVTREB", False),
        ("River Town", date(2006, 1, 1), "RVT", False),
        ("Ghost Town", date(2006, 1, 1), "GHO", False),
    ],
)
def test_sample_date_restrictions(sample_actors, text, on, code, approximate):
    rows = sample_actors.lookup(text, on)
    assert (rows[0].code, rows[0].approximate) == (code, approximate)


def test_sample_codes(sample_actors):
    mayor = sample_actors.lookup("Mayor Smith", date(1999, 1, 1))[0]
    assert (mayor.country, mayor.sector, mayor.codes) == ("NTH", "GOV", ("NTH", "GOV"))
    assert (mayor.start, mayor.end) == (date(1995, 1, 2), date(2000, 12, 31))
    null = sample_actors.lookup("Null Place")[0]
    assert (null.code, null.country, null.codes) == ("---", "", ())
    two = sample_actors.lookup("Two Way")[0]
    assert (two.country, two.codes) == ("AAA", ("AAA", "BBB"))
    broken = sample_actors.lookup("Broken Dates")
    assert [e.code for e in broken] == ["BRK"]  # unreadable restrictions are skipped


def test_sample_agents(sample_agents):
    assert sample_agents.sector_for("rangers") == ("MIL", "ranger")
    assert sample_agents.sector_for("city guard") == ("COP", "city guard")
    assert sample_agents.sector_for("city guards") is None  # {} means no plural
    assert sample_agents.sector_for("oxen") == ("AGR", "ox")
    assert sample_agents.sector_for("dairies") == ("AGR", "dairy")
    assert sample_agents.sector_for("ferryhands") == ("LAB", "ferryhands")
    assert sample_agents.sector_for("chiefs of watch") == ("COPGOV", "chiefs of watch")
    monitor = sample_agents.get("peace monitors")
    assert (monitor.sector, monitor.code, monitor.prefix) == ("IGO", "IGO~", True)
    assert sample_agents.get("no code here") is None
    assert sample_agents.get("unknownmark") is None
    assert sample_agents.get("ranger").code == "~MIL"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("950601", date(1995, 6, 1)),
        ("300101", date(2030, 1, 1)),
        ("310101", date(1931, 1, 1)),
        ("19950601", date(1995, 6, 1)),
        ("20121109", date(2012, 11, 9)),
    ],
)
def test_parse_petrarch_date(text, expected):
    assert parse_petrarch_date(text) == expected


@pytest.mark.parametrize("text", ["", "9506", "20100931", "abcdef"])
def test_parse_petrarch_date_rejects(text):
    with pytest.raises(ValueError):
        parse_petrarch_date(text)


# ------------------------------------------------------------------ the PETRARCH-2 validation files


@pytest.fixture(scope="module")
def validate_actors():
    from conftest import shared_path

    return load_petrarch_actors(shared_path("eval", "events", "petrarch2", "PETR.Validate.actors.txt"))


@pytest.fixture(scope="module")
def validate_agents():
    from conftest import shared_path

    return load_petrarch_agents(shared_path("eval", "events", "petrarch2", "PETR.Validate.agents.txt"))


@pytest.mark.parametrize(
    ("text", "code", "country", "sector"),
    [
        ("Hamas", "PSEREBHMS", "PSE", "REB"),
        ("Israeli troops", "ISRMIL", "ISR", "MIL"),
        ("President George W. Bush", "USAGOV", "USA", "GOV"),
        ("U.S.", "USA", "USA", ""),
        ("us", "USA", "USA", ""),  # PETRARCH files match case-insensitively
        ("Interpol", "IGOCOPITP", "IGO", "COP"),
        ("European Union", "IGOEEU", "IGO", "IGO"),
        ("Al-Qaeda", "IMGMOSALQ", "IMG", "IMG"),
        ("Red Cross", "NGO", "NGO", "NGO"),
        ("Ent", "ENT", "ENT", ""),
        ("White House", "USAGOV", "USA", "GOV"),
        ("Seoul", "KOR", "KOR", ""),
        ("The Hermit Kingdom", "PRK", "PRK", ""),
        ("Barad-Dur", "MOR", "MOR", ""),
        ("Australian", "AUS", "AUS", ""),
    ],
)
def test_validation_actors(validate_actors, text, code, country, sector):
    rows = validate_actors.lookup(text)
    assert [(e.code, e.country, e.sector) for e in rows] == [(code, country, sector)]


@pytest.mark.parametrize(
    ("text", "on", "code"),
    [  # the DATE-* records of PETR.UnitTest.records.xml
        ("Sam Gamgee", date(1995, 1, 4), "HOBCIV"),
        ("Sam Gamgee", date(2008, 1, 19), "HOBCIV"),
        ("Sam Gamgee", date(2010, 1, 6), "HOBMIL"),
        ("Sam Gamgee", date(2010, 1, 9), "ORCHOB"),
        ("Sam Gamgee", date(2010, 1, 12), "ORCHOB"),
        ("Sam Gamgee", date(2010, 1, 13), "HOBMIL"),
        ("Sam Gamgee", date(2012, 12, 31), "HOBGOV"),
        ("Hamfast Gamgee", date(1995, 1, 4), "HOB"),
        ("Hamfast Gamgee", date(2012, 11, 9), "HOBGOV"),
        ("Hamfast Gamgee", date(2014, 1, 4), "HOB"),
        ("Smeagol", date(1995, 11, 1), "HOBGOV"),
        ("Slinker", date(1998, 1, 1), "HOBGOV"),
        ("Stinker", date(1995, 1, 1), "HOB"),
        ("Slinker", date(2001, 1, 1), "HOBREB"),
        ("Zimbabwe", date(1978, 12, 23), "RHO"),
        ("Zimbabwe", date(2001, 1, 1), "ZBW"),
        ("Prince of Dol Amroth", date(1990, 1, 1), "---"),
        ("Prince of Dol Amroth", date(2000, 1, 1), "DOL"),
    ],
)
def test_validation_date_restrictions(validate_actors, text, on, code):
    first = validate_actors.best(text, on)
    assert (first.code, first.approximate) == (code, False)


def test_validation_outside_every_restriction(validate_actors):
    ussr = validate_actors.lookup("USSR", date(2000, 1, 1))
    assert [(e.code, e.approximate, e.end) for e in ussr] == [("USR", True, date(1991, 12, 26))]


def test_validation_comments_are_skipped(validate_actors):
    assert validate_actors.lookup("Nasgul") == []
    assert validate_actors.lookup("New actors for PETRARCH validation test") == []
    assert validate_actors.lookup("JW") == []


@pytest.mark.parametrize(
    ("phrase", "sector", "noun"),
    [
        ("president", "GOV", "president"),
        ("presidents", "GOV", "president"),
        ("foreign minister", "GOVFRM", "foreign minister"),
        ("attorneys general", "GOV", "attorney general"),
        ("congressmen", "LEG", "congressmen"),
        ("congresswoman", "LEG", "congresswoman"),
        ("congresses", "LEG", "congress"),
        ("ministries of silly walks", "GOV", "ministries of silly walks"),
        ("police", "COP", "police"),
        ("troops", "MIL", "troops"),
        ("golden geese", "GGS", "golden goose"),
        ("parliamentary opposition", "OPP", "parliamentary opposition"),
        ("state-owned newspaper", "GOVMED", "state-owned newspaper"),
        ("semi-official newspapers", "MED", "semi-official newspaper"),
    ],
)
def test_validation_agents(validate_agents, phrase, sector, noun):
    assert validate_agents.sector_for(phrase) == (sector, noun)


def test_validation_agent_details(validate_agents):
    body = validate_agents.get("human rights body")
    assert (body.sector, body.code, body.prefix) == ("NGO", "NGO~", True)
    assert validate_agents.get("parliamentary oppositions") is None  # {} : no plural
    assert validate_agents.get("polices") is None
    assert validate_agents.get("journalists' union") is None  # commented out
    assert validate_agents.get("police").code == "~COP"
