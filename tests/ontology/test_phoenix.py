"""The PETRARCH-2 / Phoenix dictionaries as the base layer under Dateline's tables."""

from __future__ import annotations

from datetime import date
from importlib import resources

import pytest

from dateline.ontology._text import norm_key
from dateline.ontology.actors import ActorEntry, LayeredActors, dateline_actors, default_actors, load_actors
from dateline.ontology.agents import dateline_agents, default_agents
from dateline.ontology.phoenix import (
    FILE_DATE,
    cameo_verbs,
    display_name,
    layered_verbs,
    name_key,
    phoenix_actors,
    phoenix_agents,
)
from dateline.ontology.verbs import default_verbs

FOLDER = resources.files("dateline.ontology") / "data" / "petrarch2"


@pytest.fixture(scope="module")
def actors():
    return default_actors()


@pytest.fixture(scope="module")
def phoenix():
    return phoenix_actors()


def _codes(rows: list[ActorEntry]) -> list[str]:
    return [r.code for r in rows]


# ------------------------------------------------------------------ the shipped files


def test_shipped_with_licence_and_readme():
    names = {p.name for p in FOLDER.iterdir()}
    assert {"LICENSE.MIT.txt", "README.md", "ordinary_words.tsv", "CAMEO.2.0.txt.gz", "Phoenix.agents.txt.gz",
            "Phoenix.Countries.actors.txt.gz", "Phoenix.International.actors.txt.gz",
            "Phoenix.MilNonState.actors.txt.gz", "Phoenix.discards.txt.gz"} <= names
    assert "MIT License" in (FOLDER / "LICENSE.MIT.txt").read_text(encoding="utf-8")
    assert "Phoenix.IssueCoding.txt.gz" not in names  # only what is used is shipped


@pytest.mark.parametrize("name", ["HAMID KARZAI", "AL-QAEDA_IN IRAQ", "U.S. ARMY", "CÔTE D'IVOIRE", "A/B, C.D"])
def test_quick_key_is_the_normal_key(name):
    assert name_key(name) == norm_key(name)


@pytest.mark.parametrize("phrase, shown", [
    ("AL-QAEDA IN THE ARABIAN PENINSULA", "Al-Qaeda in the Arabian Peninsula"),
    ("BASQUE FATHERLAND AND FREEDOM (ETA)", "Basque Fatherland and Freedom (ETA)"),
    ("US DEPARTMENT OF STATE", "US Department of State"),
    ("NATO", "NATO"),
    ("XINHUA", "Xinhua"),
    ("AL QAEDA", "Al Qaeda"),
    ("R.I.M.", "R.I.M."),
])
def test_display_names(phrase, shown):
    assert display_name(phrase) == shown


# ------------------------------------------------------------------ layering


def _dictionary(rows: str):
    header = "name\taliases\ttype\tcountry\tsector\trole\tstart\tend\tnote\n"
    return load_actors("test.tsv", text=header + rows)


def test_top_layer_wins_the_same_phrase_and_base_answers_the_rest():
    top = _dictionary("Ria Ostrova\tOstrova\tPERSON\tFIN\tGOV\tminister\t\t\t\n")
    base = _dictionary("Ria Ostrova\t\tPERSON\tEST\tOPP\t\t\t\t\nLake Group\t\tORG\tEST\tBUS\t\t\t\t\n")
    layered = LayeredActors(top, base)
    assert _codes(layered.lookup("Ria Ostrova")) == ["FINGOV"]
    assert _codes(layered.lookup("Lake Group")) == ["ESTBUS"]
    assert layered.lookup("Nobody Here") == []
    assert "Lake Group" in layered and len(layered) == 3


def test_base_answers_a_date_the_top_only_guesses():
    top = _dictionary("Ria Ostrova\t\tPERSON\tFIN\tGOV\tminister\t2020-01-01\t2022-12-31\t\n")
    base = _dictionary("Ria Ostrova\t\tPERSON\tFIN\tLEG\tlegislator\t2005-01-01\t2009-12-31\t\n")
    layered = LayeredActors(top, base)
    assert _codes(layered.lookup("Ria Ostrova", on=date(2021, 5, 1))) == ["FINGOV"]
    assert _codes(layered.lookup("Ria Ostrova", on=date(2007, 5, 1))) == ["FINLEG"]
    guess = layered.lookup("Ria Ostrova", on=date(2015, 5, 1))  # neither holds: the top's nearest
    assert _codes(guess) == ["FINGOV"] and guess[0].approximate


def test_default_actors_layer_dateline_over_phoenix(actors):
    assert isinstance(actors, LayeredActors)
    assert actors.top is dateline_actors()
    assert len(actors.base) > 20_000


def test_a_dateline_row_overrides_phoenix(actors, phoenix):
    # Phoenix codes the agency MED with no country; Dateline's row says whose it is
    assert phoenix.lookup("Reuters")[0].country == ""
    row = actors.lookup("Reuters")[0]
    assert (row.country, row.sector, row.source) == ("GBR", "MED", "actors.tsv")


@pytest.mark.parametrize("text, code", [
    ("Lord's Resistance Army", "CFRREB"),
    ("ETA", "ESPREB"),
    ("Abu Sayyaf", "IMGSEAMUSASF"),
    ("Black Hand", "LBNREB"),
])
def test_phoenix_only_actors_are_found(actors, text, code):
    assert not dateline_actors().lookup(text)
    assert actors.lookup(text)[0].code == code


# ------------------------------------------------------------------ dates


def test_date_restricted_role_is_honoured(actors):
    before = actors.lookup("Mahmoud Ahmadinejad", on=date(2003, 6, 1))
    during = actors.lookup("Mahmoud Ahmadinejad", on=date(2009, 6, 1))
    after = actors.lookup("Mahmoud Ahmadinejad", on=date(2013, 12, 1))
    assert [r.sector for r in during] == ["GOV"] and during[0].type == "PERSON"
    assert "GOV" not in [r.sector for r in before + after]
    assert {r.country for r in before + during + after} == {"IRN"}


def test_an_open_role_ends_on_the_files_date(actors):
    on_date = actors.lookup("Hamid Karzai", on=FILE_DATE)
    later = actors.lookup("Karzai", on=date(2019, 3, 1))
    assert _codes(on_date) == ["AFGGOV"]
    assert _codes(later) == ["AFG"] and later[0].sector == "" and not later[0].approximate


# ------------------------------------------------------------------ words that are no actors


@pytest.mark.parametrize("text", ["Youth", "Zero", "Organization", "Tigers", "Marches", "Saga", "Falcon", "Rim",
                                  "Senate", "black hand", "hassan", "Hassan", "Albert", "us"])
def test_ordinary_capitalised_words_and_given_names_code_nothing(phoenix, text):
    assert phoenix.lookup(text) == []


def test_acronyms_still_match_in_capitals(phoenix):
    assert phoenix.lookup("ETA") and phoenix.lookup("RIM") and phoenix.lookup("R.I.M.")


@pytest.mark.parametrize("text", ["Germany", "German", "Germans", "Kabul", "Afghan", "the United States", "U.S."])
def test_country_names_are_left_to_the_country_table(phoenix, text):
    assert phoenix.lookup(text) == []


def test_other_places_of_a_country_level_record_give_the_country(phoenix):
    row = phoenix.lookup("Kandahar")[0]
    assert (row.code, row.name) == ("AFG", "Afghanistan")


# ------------------------------------------------------------------ agents


@pytest.mark.parametrize("phrase, sector", [
    ("police", "COP"),
    ("riot police", "COP"),
    ("police official", "COP"),
    ("chief financial officer", "BUS"),
    ("Northwind Foods chief executive officer", "BUS"),
    ("army officer", "MIL"),
    ("activists", "CVL"),  # Dateline's choice; Phoenix says OPP
    ("sharecroppers", "AGR"),  # Phoenix only
])
def test_agent_sectors_after_layering(phrase, sector):
    assert default_agents().sector_for(phrase).sector == sector


def test_dateline_agents_win_and_phoenix_adds_nouns():
    layered, own = default_agents(), dateline_agents()
    assert len(layered) > 3 * len(own)
    for entry in own:
        assert layered.get(entry.noun).sector == entry.sector


def test_phoenix_agent_sectors_are_ones_dateline_knows():
    from dateline.ontology.petrarch import CAMEO_SECTORS

    agents = phoenix_agents()
    assert all(e.sector in CAMEO_SECTORS for e in agents)
    assert agents.get("imam").sector == "REL"  # a religion code ("~MUS") is REL
    assert agents.get("man") is None  # "~PPL" is no sector


# ------------------------------------------------------------------ verbs


def test_default_verbs_are_datelines_alone():
    assert {p.source for p in default_verbs()} == {"verbs.tsv"}


def test_layered_verbs_keep_dateline_lemmas_and_add_cameo_verbs():
    layered, own = layered_verbs(), default_verbs()
    assert [p for p in layered.lookup("meet")] == own.lookup("meet")
    assert not own.lookup("abolish")
    added = layered.lookup("abolish")
    assert added and all(p.source == "CAMEO.2.0.txt" for p in added)
    assert len(layered) < len(own) + len(cameo_verbs())
    assert layered.synsets == cameo_verbs().synsets


def test_a_multinational_coded_with_its_home_is_of_that_country(actors):
    # Phoenix writes a firm's home after MNC ("MNCUSA"); the firm is that country's, not of no country
    (row, *_) = actors.lookup("American Electric Power Company")
    assert (row.country, row.code) == ("USA", "MNCUSA")
