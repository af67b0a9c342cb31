from __future__ import annotations

from datetime import date, datetime
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from dateline.ontology._text import DictionaryFormatError, norm_key
from dateline.ontology.actors import ActorDictionary, ActorEntry, dateline_actors, load_actors
from dateline.ontology.petrarch import CAMEO_SECTORS

DATA = resources.files("dateline.ontology") / "data" / "actors.tsv"
COUNTRY_CODES = {c.alpha_3 for c in pycountry.countries} | {"XKX", "IGO", "NGO", "MNC", "IMG"}
LEADER_ROLES = {"head of state", "head of government", "leader", "supreme leader", "acting head of state"}


@pytest.fixture(scope="module")
def actors():
    return dateline_actors()  # the file's own rows; the Phoenix layer under them: test_phoenix.py


# ------------------------------------------------------------------ the file


def test_file_format_and_size(actors):
    text = DATA.read_bytes().decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("#")
    data = [line for line in lines if line and not line.startswith("#")]
    assert data[0].split("\t") == ["name", "aliases", "type", "country", "sector", "role", "start", "end", "note"]
    rows = [line.split("\t") for line in data[1:]]
    assert len(rows) >= 400
    assert all(len(r) == 9 for r in rows)
    keys = [(norm_key(r[0]), r[6] or "0000", r[7] or "9999", r[5]) for r in rows]
    assert keys == sorted(keys), "rows must stay sorted by name, then start"
    assert len(actors) == len(rows)


def test_every_row_is_valid(actors):
    for e in actors:
        assert e.type in {"PERSON", "ORG"}, e
        assert e.country in COUNTRY_CODES, e
        assert e.sector in CAMEO_SECTORS, e
        assert e.role and e.role == e.role.lower(), e
        if e.start and e.end:
            assert e.start <= e.end, e
        if e.country in {"IGO", "NGO", "MNC"} and e.type == "ORG":
            assert e.sector in {e.country, "MIL"}, e  # UN Command and UNIFIL are IGO MIL
        assert e.code.startswith(e.country)


def test_rows_of_one_actor_agree_on_aliases_and_type(actors):
    seen: dict[str, ActorEntry] = {}
    for e in actors:
        first = seen.setdefault(e.name, e)
        assert (first.aliases, first.type) == (e.aliases, e.type), e.name


def test_no_alias_names_two_actors(actors):
    owners: dict[str, set[str]] = {}
    for e in actors:
        for alias in e.names:
            for hit in actors.lookup(alias):
                owners.setdefault(alias, set()).add(hit.name)
    clashes = {alias: names for alias, names in owners.items() if len(names) > 1}
    assert clashes == {}


# ------------------------------------------------------------------ coverage

G20_AND_FOCUS = (
    "ARG AUS BRA CAN CHN FRA DEU IND IDN ITA JPN KOR MEX RUS SAU ZAF TUR GBR USA "
    "PRK IRN ISR UKR SYR EGY PAK AFG VEN CUB VNM"
).split()


@pytest.mark.parametrize("day", [date(2015, 6, 1), date(2018, 6, 12), date(2019, 1, 8), date(2022, 6, 1), date(2025, 3, 1)])
@pytest.mark.parametrize("country", G20_AND_FOCUS)
def test_leaders_cover_2015_to_2025(actors, country, day):
    assert any(
        e.country == country and e.sector == "GOV" and e.role in LEADER_ROLES and e.valid_on(day) for e in actors
    ), f"no leader row for {country} on {day}"


def test_many_more_countries_have_leaders(actors):
    countries = {e.country for e in actors if e.role in LEADER_ROLES and e.country not in {"IGO", "NGO", "MNC"}}
    assert len(set(countries) - set(G20_AND_FOCUS)) >= 40


@pytest.mark.parametrize("country", "USA CHN RUS PRK KOR JPN GBR FRA DEU".split())
@pytest.mark.parametrize("day", [date(2015, 6, 1), date(2018, 6, 12), date(2021, 6, 1), date(2024, 6, 1)])
def test_foreign_ministers(actors, country, day):
    assert any(e.country == country and e.role == "foreign minister" and e.valid_on(day) for e in actors), (
        country,
        day,
    )


@pytest.mark.parametrize(
    ("text", "country", "sector"),
    [
        ("Xinhua", "CHN", "MED"),
        ("Xinhua News Agency", "CHN", "MED"),
        ("KCNA", "PRK", "MED"),
        ("Korean Central News Agency", "PRK", "MED"),
        ("Rodong Sinmun", "PRK", "MED"),
        ("Yonhap", "KOR", "MED"),
        ("Yonhap News Agency", "KOR", "MED"),
        ("Kyodo", "JPN", "MED"),
        ("TASS", "RUS", "MED"),
        ("RIA Novosti", "RUS", "MED"),
        ("Reuters", "GBR", "MED"),
        ("AP", "USA", "MED"),
        ("Associated Press", "USA", "MED"),
        ("AFP", "FRA", "MED"),
        ("Agence France-Presse", "FRA", "MED"),
        ("BBC", "GBR", "MED"),
        ("CNN", "USA", "MED"),
        ("Al Jazeera", "QAT", "MED"),
        ("People's Daily", "CHN", "MED"),
        ("Global Times", "CHN", "MED"),
        ("CCTV", "CHN", "MED"),
        ("NHK", "JPN", "MED"),
        ("DPA", "DEU", "MED"),
        ("ANSA", "ITA", "MED"),
        ("IRNA", "IRN", "MED"),
        ("Anadolu", "TUR", "MED"),
        ("White House", "USA", "GOV"),
        ("the White House", "USA", "GOV"),
        ("State Department", "USA", "GOV"),
        ("Pentagon", "USA", "MIL"),
        ("the Kremlin", "RUS", "GOV"),
        ("Blue House", "KOR", "GOV"),
        ("Cheong Wa Dae", "KOR", "GOV"),
        ("Korean People's Army", "PRK", "MIL"),
        ("KPA", "PRK", "MIL"),
        ("Workers' Party of Korea", "PRK", "PTY"),
        ("Chinese Communist Party", "CHN", "PTY"),
        ("CCP", "CHN", "PTY"),
        ("People's Liberation Army", "CHN", "MIL"),
        ("United Nations", "IGO", "IGO"),
        ("UN", "IGO", "IGO"),
        ("U.N.", "IGO", "IGO"),
        ("UN Security Council", "IGO", "IGO"),
        ("NATO", "IGO", "IGO"),
        ("European Union", "IGO", "IGO"),
        ("EU", "IGO", "IGO"),
        ("IAEA", "IGO", "IGO"),
        ("WHO", "IGO", "IGO"),
        ("IMF", "IGO", "IGO"),
        ("World Bank", "IGO", "IGO"),
        ("WTO", "IGO", "IGO"),
        ("ASEAN", "IGO", "IGO"),
        ("African Union", "IGO", "IGO"),
        ("Arab League", "IGO", "IGO"),
        ("OPEC", "IGO", "IGO"),
        ("OSCE", "IGO", "IGO"),
        ("G7", "IGO", "IGO"),
        ("G20", "IGO", "IGO"),
        ("Amnesty International", "NGO", "NGO"),
        ("Human Rights Watch", "NGO", "NGO"),
        ("Red Cross", "NGO", "NGO"),
        ("ICRC", "NGO", "NGO"),
        ("Doctors Without Borders", "NGO", "NGO"),
        ("MSF", "NGO", "NGO"),
        ("Greenpeace", "NGO", "NGO"),
    ],
)
def test_organisations(actors, text, country, sector):
    rows = actors.lookup(text)
    assert rows, text
    assert {(e.country, e.sector) for e in rows} == {(country, sector)}


@pytest.mark.parametrize("text", ["who", "un", "kcna", "ap", "pentagon", "amnesty", "Gondor", ""])
def test_lower_case_words_and_unknowns_do_not_match(actors, text):
    assert actors.lookup(text) == []


# ------------------------------------------------------------------ people and dates


@pytest.mark.parametrize(
    ("text", "on", "country", "sector", "role"),
    [
        ("Donald Trump", date(2019, 1, 8), "USA", "GOV", "head of state"),
        ("Trump", date(2019, 1, 8), "USA", "GOV", "head of state"),
        ("President Trump", datetime(2018, 6, 12, 9, 0), "USA", "GOV", "head of state"),
        ("Trump", date(2022, 6, 1), "USA", "ELI", "former president"),
        ("Trump", date(2025, 6, 1), "USA", "GOV", "head of state"),
        ("Trump", date(2012, 1, 1), "USA", "BUS", "businessman"),
        ("Mike Pompeo", date(2018, 6, 12), "USA", "GOV", "foreign minister"),
        ("Pompeo", date(2017, 6, 1), "USA", "SPY", "intelligence chief"),
        ("John Bolton", date(2019, 2, 28), "USA", "GOV", "national security adviser"),
        ("Stephen Biegun", date(2019, 1, 8), "USA", "GOV", "envoy"),
        ("Moon Jae-in", date(2018, 4, 27), "KOR", "GOV", "head of state"),
        ("Moon Jae In", date(2023, 1, 1), "KOR", "ELI", "former president"),
        ("Chung Eui-yong", date(2018, 3, 6), "KOR", "GOV", "national security adviser"),
        ("Kang Kyung-wha", date(2018, 6, 12), "KOR", "GOV", "foreign minister"),
        ("Kim Eui-keum", date(2019, 1, 8), "KOR", "GOV", "spokesperson"),
        ("Kim Eui-kyeom", date(2018, 9, 19), "KOR", "GOV", "spokesperson"),
        ("Ri Yong Ho", date(2018, 6, 12), "PRK", "GOV", "foreign minister"),
        ("Choe Son Hui", date(2023, 1, 1), "PRK", "GOV", "foreign minister"),
        ("Kim Yo Jong", date(2018, 2, 10), "PRK", "GOV", "senior official"),
        ("Kim Yong Chol", date(2018, 6, 1), "PRK", "GOV", "senior official"),
        ("Ri Sol Ju", date(2019, 1, 8), "PRK", "ELI", "first lady"),
        ("Xi Jinping", date(2019, 1, 8), "CHN", "GOV", "head of state"),
        ("Wang Yi", date(2019, 1, 8), "CHN", "GOV", "foreign minister"),
        ("Li Keqiang", date(2019, 1, 8), "CHN", "GOV", "head of government"),
        ("Shinzo Abe", date(2019, 1, 8), "JPN", "GOV", "head of government"),
        ("Vladimir Putin", date(2019, 4, 25), "RUS", "GOV", "head of state"),
        ("Sergei Lavrov", date(2019, 1, 8), "RUS", "GOV", "foreign minister"),
        ("Taliban", date(2020, 2, 29), "AFG", "REB", "armed group"),
        ("Taliban", date(2022, 1, 1), "AFG", "GOV", "government"),
    ],
)
def test_dated_lookup(actors, text, on, country, sector, role):
    rows = actors.lookup(text, on)
    assert [(e.country, e.sector, e.role, e.approximate) for e in rows] == [(country, sector, role, False)]


@pytest.mark.parametrize(
    "alias", ["Kim Jong Un", "Kim Jong-un", "Kim Jong-Un", "kim jong un", "Chairman Kim", "Kim Jong Un's", "KIM JONG UN"]
)
def test_kim_jong_un_aliases(actors, alias):
    rows = actors.lookup(alias, date(2018, 6, 12))
    assert [(e.name, e.country, e.sector, e.role) for e in rows] == [("Kim Jong Un", "PRK", "GOV", "leader")]
    later = actors.lookup(alias, date(2019, 6, 30))
    assert {e.role for e in later} == {"leader", "head of state"}
    assert {e.code for e in later} == {"PRKGOV"}


def test_undated_lookup_returns_every_row_in_order(actors):
    rows = actors.lookup("Trump")
    assert [e.role for e in rows] == [
        "businessman",
        "presidential candidate",
        "head of state",
        "former president",
        "head of state",
    ]
    assert all(e.name == "Donald Trump" for e in rows)


def test_nearest_row_when_no_period_holds(actors):
    rows = actors.lookup("Pompeo", date(2023, 1, 1))
    assert [(e.role, e.approximate) for e in rows] == [("foreign minister", True)]
    assert rows[0] != actors.lookup("Pompeo", date(2019, 1, 1))[0]  # the flag is part of the copy
    assert actors.best("Kim Jong Il", date(2019, 1, 8)).approximate


def test_transition_day_belongs_to_both_rows(actors):
    rows = actors.lookup("Trump", date(2021, 1, 20))
    assert {e.role for e in rows} == {"head of state", "former president"}


# ------------------------------------------------------------------ user files


USER_FILE = (
    "# my actors\n"
    "name\taliases\ttype\tcountry\tsector\trole\tstart\tend\tnote\n"
    "Frodo Baggins\tFrodo|Mr. Underhill\tPERSON\tGBR\tCVL\tring-bearer\t\t\t\n"
    "Kim Jong Un\tRocket Man\tPERSON\tPRK\tMIL\tsupreme commander\t2011-12-30\t\tuser row\n"
)


def test_load_and_merge_user_file(tmp_path: Path, actors):
    path = tmp_path / "mine.tsv"
    path.write_text(USER_FILE, encoding="utf-8")
    mine = load_actors(path)
    assert len(mine) == 2
    assert mine.lookup("Mr. Underhill")[0].source == "mine.tsv"
    merged = actors.merge(mine)
    assert len(merged) == len(actors) + 2
    assert merged.lookup("Frodo")[0].name == "Frodo Baggins"
    assert merged.lookup("Rocket Man")[0].sector == "MIL"
    # rows from both files with the same name are one actor
    roles = {e.role for e in merged.lookup("Kim Jong-un", date(2018, 6, 12))}
    assert roles == {"leader", "supreme commander"}
    assert actors.lookup("Rocket Man") == []  # the default dictionary is unchanged


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("X\t\tALIEN\tUSA\tGOV\tr\t\t\t", "PERSON or ORG"),
        ("X\t\tPERSON\tUSA\tGOV\tr\t2020-13-01\t\t", "bad date"),
        ("X\t\tPERSON\tUSA\tGOV\tr\t2020-01-02\t2020-01-01\t", "before start"),
        ("X\t\tPERSON\t\tGOV\tr\t\t\t", "required"),
    ],
)
def test_bad_rows_are_reported(line, message):
    text = "name\taliases\ttype\tcountry\tsector\trole\tstart\tend\tnote\n" + line + "\n"
    with pytest.raises(DictionaryFormatError, match=message):
        load_actors("bad.tsv", text=text)


def test_missing_column_is_reported():
    with pytest.raises(DictionaryFormatError, match="header lacks"):
        load_actors("bad.tsv", text="name\taliases\n")


def test_empty_dictionary():
    empty = ActorDictionary()
    assert empty.lookup("anything", date(2020, 1, 1)) == []
    assert empty.best("x") is None
