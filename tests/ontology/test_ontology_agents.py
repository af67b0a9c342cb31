from __future__ import annotations

from importlib import resources
from pathlib import Path

import pytest

from dateline.ontology._text import DictionaryFormatError
from dateline.ontology.agents import AgentDictionary, AgentMatch, dateline_agents, load_agents
from dateline.ontology.petrarch import CAMEO_SECTORS

DATA = resources.files("dateline.ontology") / "data" / "agents.tsv"


@pytest.fixture(scope="module")
def agents():
    return dateline_agents()  # the file's own rows; the Phoenix layer under them: test_phoenix.py


def test_file_format(agents):
    lines = DATA.read_bytes().decode("utf-8").splitlines()
    assert lines[0].startswith("#")
    data = [line for line in lines if line and not line.startswith("#")]
    assert data[0].split("\t") == ["noun", "plural", "sector", "note"]
    rows = [line.split("\t") for line in data[1:]]
    assert len(rows) >= 120
    nouns = [r[0] for r in rows]
    assert nouns == sorted(nouns)
    assert len(set(nouns)) == len(nouns)
    for noun, plural, sector, _note in rows:
        assert noun == noun.lower() and plural == plural.lower()
        assert sector in CAMEO_SECTORS, noun
    assert len(agents) == len(rows)


def test_no_form_is_listed_twice(agents):
    forms = [form.replace("-", " ") for e in agents for form in e.forms]
    assert len(forms) == len(set(forms))


@pytest.mark.parametrize(
    ("phrase", "sector", "noun"),
    [
        ("presidential spokesperson", "GOV", "spokesperson"),
        ("North Korean foreign ministry spokesperson", "GOV", "spokesperson"),
        ("spokesman", "GOV", "spokesman"),
        ("spokeswomen", "GOV", "spokeswoman"),
        ("state media", "MED", "state media"),
        ("state-run media", "MED", "state-run media"),
        ("official media", "MED", "official media"),
        ("news agency", "MED", "news agency"),
        ("troops", "MIL", "troop"),
        ("U.S. troops", "MIL", "troop"),
        ("soldiers", "MIL", "soldier"),
        ("the army's", "MIL", "army"),
        ("navy", "MIL", "navy"),
        ("air force", "MIL", "air force"),
        ("general", "MIL", "general"),
        ("president", "GOV", "president"),
        ("prime minister", "GOV", "prime minister"),
        ("premier", "GOV", "premier"),
        ("foreign minister", "GOV", "foreign minister"),
        ("foreign ministry", "GOV", "foreign ministry"),
        ("officials", "GOV", "official"),
        ("diplomats", "GOV", "diplomat"),
        ("special envoy", "GOV", "envoy"),
        ("ambassador", "GOV", "ambassador"),
        ("government", "GOV", "government"),
        ("administration", "GOV", "administration"),
        ("cabinet", "GOV", "cabinet"),
        ("lawmakers", "LEG", "lawmaker"),
        ("legislators", "LEG", "legislator"),
        ("parliament", "LEG", "parliament"),
        ("congress", "LEG", "congress"),
        ("opposition lawmakers", "OPP", "opposition lawmaker"),
        ("opposition", "OPP", "opposition"),
        ("ruling party", "PTY", "ruling party"),
        ("party", "PTY", "party"),
        ("police", "COP", "police"),
        ("policemen", "COP", "policeman"),
        ("police officers", "COP", "police officer"),
        ("rebels", "REB", "rebel"),
        ("insurgents", "REB", "insurgent"),
        ("militants", "REB", "militant"),
        ("guerrillas", "REB", "guerrilla"),
        ("judge", "JUD", "judge"),
        ("court", "JUD", "court"),
        ("prosecutors", "JUD", "prosecutor"),
        ("intelligence", "SPY", "intelligence"),
        ("spies", "SPY", "spy"),
        ("journalists", "MED", "journalist"),
        ("reporter", "MED", "reporter"),
        ("newspaper", "MED", "newspaper"),
        ("broadcaster", "MED", "broadcaster"),
        ("students", "EDU", "student"),
        ("university", "EDU", "university"),
        ("teachers", "EDU", "teacher"),
        ("companies", "BUS", "company"),
        ("firm", "BUS", "firm"),
        ("banks", "BUS", "bank"),
        ("investors", "BUS", "investor"),
        ("criminals", "CRM", "criminal"),
        ("gang", "CRM", "gang"),
        ("smugglers", "CRM", "smuggler"),
        ("civilians", "CVL", "civilian"),
        ("residents", "CVL", "resident"),
        ("protesters", "CVL", "protester"),
        ("activists", "CVL", "activist"),
        ("villagers", "CVL", "villager"),
        ("workers", "LAB", "worker"),
        ("union", "LAB", "union"),
        ("refugees", "REF", "refugee"),
        ("doctors", "HLH", "doctor"),
        ("hospital", "HLH", "hospital"),
        ("farmers", "AGR", "farmer"),
        ("priest", "REL", "priest"),
        ("clerics", "REL", "cleric"),
        ("church", "REL", "church"),
        ("first lady", "ELI", "first lady"),
        ("royal family", "ELI", "royal family"),
        ("terrorists", "UAF", "terrorist"),
        ("human rights groups", "HRI", "human rights group"),
        ("semi-official newspaper", "MED", "newspaper"),
    ],
)
def test_sector_for(agents, phrase, sector, noun):
    match = agents.sector_for(phrase)
    assert match == AgentMatch(sector, noun)
    assert match == (sector, noun)  # a plain (sector, matched_noun) tuple too


@pytest.mark.parametrize("phrase", ["", "Kim Jong Un", "KCNA", "people", "polices", "spokesperson of"])
def test_sector_for_misses(agents, phrase):
    assert agents.sector_for(phrase) is None


def test_get_exact(agents):
    assert agents.get("Troops").sector == "MIL"
    assert agents.get("North Korean troops") is None


def test_longest_match_and_merge(tmp_path: Path, agents):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "noun\tplural\tsector\tnote\n"
        "foreign ministry spokesperson\tforeign ministry spokespersons\tGOV\tmore specific\n"
        "spokesman\tspokesmen\tMED\toverride for a test\n",
        encoding="utf-8",
    )
    mine = load_agents(path)
    merged = agents.merge(mine)
    assert merged.sector_for("North Korean foreign ministry spokesperson") == ("GOV", "foreign ministry spokesperson")
    assert merged.sector_for("spokesmen") == ("MED", "spokesman")  # later file wins
    assert agents.sector_for("spokesmen") == ("GOV", "spokesman")  # default unchanged
    assert merged.get("spokesman").source == "mine.tsv"


def test_bad_rows_are_reported():
    with pytest.raises(DictionaryFormatError, match="required"):
        load_agents("bad.tsv", text="noun\tplural\tsector\tnote\nsoldier\tsoldiers\t\t\n")


def test_a_shadow_office_is_the_oppositions(agents):
    assert agents.sector_for("home secretary") == ("GOV", "home secretary")
    assert agents.sector_for("Shadow Home Secretary") == ("OPP", "shadow home secretary")
    assert agents.sector_for("the shadow chancellor") == ("OPP", "shadow chancellor")
    assert agents.sector_for("shadow ministers") == ("OPP", "shadow minister")
    assert agents.sector_for("shadow boxer") is None  # no office, no party


def test_empty_dictionary():
    assert AgentDictionary().sector_for("troops") is None
