from __future__ import annotations

import subprocess
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

import pycountry
import pytest

from dateline.ontology._text import acronym_key, is_acronym, norm_key
from dateline.ontology.countries import Country, default_countries, load_countries

DATA = resources.files("dateline.ontology") / "data" / "countries.tsv"

#: Rows that are not in ISO 3166-1 (documented in the file header).
PSEUDO = {"XKX": "XK"}
#: Keys deliberately listed for two countries (documented in the file header).
AMBIGUOUS = {"congo", "congolese"}
#: Rows documented as having no demonym / no capital.
NO_DEMONYM = {"ATF", "BVT", "DMA", "HMD", "SGS", "SJM", "UMI"}
NO_CAPITAL = {"ATA", "BVT", "HMD", "NFK", "TKL", "UMI"}


@pytest.fixture(scope="module")
def idx():
    return default_countries()


def test_every_iso_country_once_with_matching_codes(idx):
    rows = {c.iso3: c for c in idx}
    assert len(rows) == len(idx), "duplicate iso3"
    expected = {c.alpha_3: c.alpha_2 for c in pycountry.countries} | PSEUDO
    assert {iso3: c.iso2 for iso3, c in rows.items()} == expected


def test_file_is_sorted_utf8_and_has_comment_header():
    text = DATA.read_bytes().decode("utf-8")
    lines = text.splitlines()
    assert lines[0].startswith("#")
    data = [line for line in lines if line and not line.startswith("#")]
    assert data[0].split("\t") == ["iso3", "iso2", "name", "aliases", "demonyms", "capital", "capital_aliases"]
    codes = [line.split("\t")[0] for line in data[1:]]
    assert codes == sorted(codes)
    for line in data[1:]:
        cells = line.split("\t")
        assert len(cells) == 7, line
        assert all(cell == cell.strip() for cell in cells), line
        assert all(item.strip() for cell in (cells[3], cells[4], cells[6]) if cell for item in cell.split("|")), line


def test_demonyms_and_capitals_everywhere_except_documented(idx):
    assert {c.iso3 for c in idx if not c.demonyms} == NO_DEMONYM
    assert {c.iso3 for c in idx if not c.capital} == NO_CAPITAL


def test_no_key_maps_to_two_countries_unless_documented(idx):
    owners: dict[str, set[str]] = defaultdict(set)
    for country in idx:
        for text in (*country.names, *country.demonyms, *country.capitals):
            key = f"ACRONYM:{acronym_key(text)}" if is_acronym(text) else norm_key(text)
            owners[key].add(country.iso3)
    clashes = {key for key, codes in owners.items() if len(codes) > 1}
    assert clashes == AMBIGUOUS


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("U.S.", "USA"),
        ("US", "USA"),
        ("the U.S.", "USA"),
        ("U.S.A.", "USA"),
        ("the United States", "USA"),
        ("United States of America", "USA"),
        ("America", "USA"),
        ("the States", "USA"),
        ("South Korea's", "KOR"),
        ("South Korea’s", "KOR"),
        ("Republic of Korea", "KOR"),
        ("ROK", "KOR"),
        ("North Korea", "PRK"),
        ("DPRK", "PRK"),
        ("D.P.R.K.", "PRK"),
        ("Democratic People's Republic of Korea", "PRK"),
        ("UK", "GBR"),
        ("U.K.'s", "GBR"),
        ("Britain", "GBR"),
        ("Great Britain", "GBR"),
        ("Russia", "RUS"),
        ("Russian Federation", "RUS"),
        ("RUSSIA", "RUS"),
        ("Taiwan", "TWN"),
        ("Kosovo", "XKX"),
        ("Palestine", "PSE"),
        ("Vatican", "VAT"),
        ("Holy See", "VAT"),
        ("Ivory Coast", "CIV"),
        ("Côte d'Ivoire", "CIV"),
        ("Burma", "MMR"),
        ("Myanmar", "MMR"),
        ("Czech Republic", "CZE"),
        ("Czechia", "CZE"),
        ("Turkey", "TUR"),
        ("Türkiye", "TUR"),
        ("Turkiye", "TUR"),
        ("Swaziland", "SWZ"),
        ("Eswatini", "SWZ"),
        ("Macedonia", "MKD"),
        ("North Macedonia", "MKD"),
        ("the Netherlands", "NLD"),
        ("Philippines'", "PHL"),
        ("Guinea-Bissau", "GNB"),
        ("Guinea Bissau", "GNB"),
        ("DR Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("UAE", "ARE"),
    ],
)
def test_from_name(idx, text, iso3):
    country = idx.from_name(text)
    assert country is not None, text
    assert country.iso3 == iso3


@pytest.mark.parametrize(
    "text",
    ["us", "uk", "dprk", "car", "turkey", "china", "jersey", "States", "the North", "Korea", "Congo", "", "  "],
)
def test_from_name_rejects(idx, text):
    assert idx.from_name(text) is None


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("North Korean", "PRK"),
        ("North Koreans", "PRK"),
        ("South Korean", "KOR"),
        ("Chinese", "CHN"),
        ("American", "USA"),
        ("Americans", "USA"),
        ("British", "GBR"),
        ("Britons", "GBR"),
        ("Israeli", "ISR"),
        ("Emiratis", "ARE"),
        ("Filipino", "PHL"),
        ("Dutch", "NLD"),
        ("Ivorian", "CIV"),
        ("Kosovar", "XKX"),
        ("Palestinians", "PSE"),
    ],
)
def test_from_demonym(idx, text, iso3):
    assert idx.from_demonym(text).iso3 == iso3


@pytest.mark.parametrize(
    ("text", "iso3"),
    [
        ("Seoul", "KOR"),
        ("Pyongyang", "PRK"),
        ("Washington", "USA"),
        ("Washington, D.C.", "USA"),
        ("Washington DC", "USA"),
        ("Beijing", "CHN"),
        ("Peking", "CHN"),
        ("Tokyo", "JPN"),
        ("Moscow", "RUS"),
        ("Jerusalem", "ISR"),
        ("Kyiv", "UKR"),
        ("Kiev", "UKR"),
        ("Naypyidaw", "MMR"),
        ("The Hague", "NLD"),
        ("St. George's", "GRD"),
        ("Malé", "MDV"),
    ],
)
def test_from_capital(idx, text, iso3):
    assert idx.from_capital(text).iso3 == iso3


def test_tel_aviv_is_not_a_capital_and_male_is_not_malé(idx):
    assert idx.from_capital("Tel Aviv") is None
    assert idx.from_capital("male") is None
    assert idx.from_capital("Male") is None


@pytest.mark.parametrize(
    ("text", "iso3", "how"),
    [
        ("U.S.", "USA", "name"),
        ("North Korean", "PRK", "demonym"),
        ("Seoul", "KOR", "capital"),
        ("Chinese", "CHN", "demonym"),
        ("Britons", "GBR", "demonym"),
        ("Washington", "USA", "capital"),
        ("Luxembourg", "LUX", "name"),
    ],
)
def test_find(idx, text, iso3, how):
    country, found_how = idx.find(text)
    assert (country.iso3, found_how) == (iso3, how)


def test_find_misses_and_ambiguity(idx):
    assert idx.find("us") is None
    assert idx.find("Gondor") is None
    assert idx.find("Congolese") is None
    assert sorted(c.iso3 for c, how in idx.candidates("Congolese")) == ["COD", "COG"]


@pytest.mark.parametrize(("code", "iso3"), [("KOR", "KOR"), ("kr", "KOR"), ("KP", "PRK"), ("XK", "XKX"), ("GB", "GBR")])
def test_from_code(idx, code, iso3):
    assert idx.from_code(code).iso3 == iso3
    assert code in idx


def test_from_code_unknown(idx):
    assert idx.from_code("ZZZ") is None
    assert idx.from_code("") is None


def test_country_is_frozen(idx):
    usa = idx.from_code("USA")
    assert isinstance(usa, Country)
    with pytest.raises(AttributeError):
        usa.name = "x"  # type: ignore[misc]
    assert "Washington D.C." in usa.capital_aliases


def test_load_user_file(tmp_path: Path):
    path = tmp_path / "mine.tsv"
    path.write_text(
        "# my countries\n"
        "iso3\tiso2\tname\taliases\tdemonyms\tcapital\tcapital_aliases\textra\n"
        "GON\tGN\tGondor\tSouth Kingdom|the South Kingdom\tGondorian|Gondorians\tMinas Tirith\tMundburg\tx\n",
        encoding="utf-8",
    )
    idx = load_countries(path)
    assert idx.from_name("the South Kingdom").iso3 == "GON"
    assert idx.find("Gondorians") == (idx.from_code("GON"), "demonym")
    assert idx.from_capital("Mundburg").iso3 == "GON"


def test_import_reads_nothing():
    code = (
        "import dateline.ontology as o\n"
        "from dateline.ontology import countries, actors, agents\n"
        "assert countries.default_countries.cache_info().currsize == 0\n"
        "assert actors.default_actors.cache_info().currsize == 0\n"
        "assert agents.default_agents.cache_info().currsize == 0\n"
        "assert o.default_countries() is o.default_countries()\n"
    )
    src = Path(__file__).resolve().parents[2] / "src"
    result = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": str(src)}, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
