"""Source homes: learnt from analyses, read and written as TSV, used as a prior when resolving places."""

from __future__ import annotations

import pytest

from dateline.geo.gazetteer import default_gazetteer
from dateline.geo.homes import (HomesFormatError, SourceHome, SourceHomes, learn_homes, read_homes, source_key,
                                write_homes)
from dateline.model import Article, GeoRef, Place, Span
from dateline.nlp.places import PlaceOptions, find_places

# -- learning, from made-up analyses ---------------------------------------------------------------

def geo(name: str, country: str, lat: float, lon: float, **kw) -> GeoRef:
    return GeoRef(name=name, country=country, lat=lat, lon=lon, **kw)


PARIS_FR = geo("Paris", "FR", 48.85, 2.35, admin1="11", feature_class="P", feature_code="PPLC", score=8.3)
PARIS_TN = geo("Paris", "US", 36.30, -88.33, admin1="TN", feature_class="P", feature_code="PPL", score=4.0)
HENRY_TN = geo("Henry County", "US", 36.33, -88.30, admin1="TN", feature_class="A", feature_code="ADM2", score=4.5)
HENRY_VA = geo("Henry County", "US", 36.68, -79.87, admin1="VA", feature_class="A", feature_code="ADM2", score=4.7)
PURYEAR = geo("Puryear", "US", 36.44, -88.33, admin1="TN", feature_class="P", feature_code="PPL", score=2.8)


def place(name: str, *cands: GeoRef) -> Place:
    return Place(id=f"pl-{name}", span=Span(start=0, end=len(name), text=name), resolved=cands[0], candidates=tuple(cands))


def town(name: str, cc: str, a1: str, lat: float, lon: float) -> GeoRef:
    return geo(name, cc, lat, lon, admin1=a1, feature_class="P", feature_code="PPL", score=4.0)


def test_a_local_paper_gets_its_state_and_town_even_where_a_name_alone_reads_as_a_capital():
    local = [
        # "Paris" alone reads as France's capital, but "Paris" and "Henry County" can both be in Tennessee
        ("https://www.ParisPost.example/news/1", [place("Paris", PARIS_FR, PARIS_TN), place("Henry County", HENRY_VA, HENRY_TN)]),
        ("parispost.example", [place("Paris", PARIS_TN, PARIS_FR), place("Puryear", PURYEAR)]),
        ("parispost.example", [place("Henry County", HENRY_TN, HENRY_VA), place("Paris", PARIS_TN, PARIS_FR)]),
        ("parispost.example", [place("Memphis", town("Memphis", "US", "TN", 35.15, -90.05))]),
        ("parispost.example", []),  # says nothing either way
    ]
    national = [("national.example", [place(n, town(n, "US", a1, lat, lon))])
                for n, a1, lat, lon in [("Boise", "ID", 43.6, -116.2), ("Tulsa", "OK", 36.2, -95.9),
                                        ("Akron", "OH", 41.1, -81.5), ("Fresno", "CA", 36.7, -119.8)]]
    wire = [("wire.example", [place(n, town(n, cc, a1, lat, lon))])
            for n, cc, a1, lat, lon in [("Boise", "US", "ID", 43.6, -116.2), ("Lyon", "FR", "84", 45.8, 4.8),
                                        ("Pune", "IN", "16", 18.5, 73.9), ("Leeds", "GB", "ENG", 53.8, -1.5)]]
    few = [("tiny.example", [place("Memphis", town("Memphis", "US", "TN", 35.15, -90.05))])] * 2
    homes = learn_homes(local + national + wire + few)
    home = homes.find("parispost.example")
    assert home is not None and (home.country, home.admin1) == ("US", "TN")
    assert home.articles == 4 and home.share == 1.0
    assert home.place.startswith("Paris, TN") and home.has_point and abs(home.lat - 36.30) < 0.01
    # a national paper's stories spread over the country: its country, no state
    assert homes.find("national.example") == SourceHome("national.example", "US", "", None, None, "US", 4, 1.0)
    assert homes.find("wire.example") is None  # a wire's over the world
    assert homes.find("tiny.example") is None  # two articles are too few to say
    assert homes.find(url="https://parispost.example/x") is home


def test_a_source_abroad_gets_its_country_not_a_namesake_state():
    georgia_ge = geo("Georgia", "GE", 42.0, 43.5, feature_class="A", feature_code="PCLI", score=9.0)
    georgia_us = geo("Georgia", "US", 32.7, -83.5, admin1="GA", feature_class="A", feature_code="ADM1", score=6.5)
    tbilisi = geo("Tbilisi", "GE", 41.7, 44.8, admin1="TB", feature_class="P", feature_code="PPLC", score=8.0)
    gori = geo("Gori", "GE", 41.98, 44.1, admin1="SK", feature_class="P", feature_code="PPL", score=4.7)
    arts = [("tbilisi.example", [place("Georgia", georgia_ge, georgia_us), place("Tbilisi", tbilisi)]),
            ("tbilisi.example", [place("Georgia", georgia_ge, georgia_us), place("Gori", gori)]),
            ("tbilisi.example", [place("Georgia", georgia_ge, georgia_us)])]
    home = learn_homes(arts).find("tbilisi.example")
    assert home is not None and home.country == "GE" and home.admin1 == ""


def test_source_keys():
    assert source_key("https://www.AJC.com/news/story") == "ajc.com"
    assert source_key("ajc.com/news") == "ajc.com"
    assert source_key("The Town Talk") == "the town talk"


# -- the file --------------------------------------------------------------------------------------

def test_tsv_round_trip(tmp_path):
    homes = [SourceHome("parispost.example", "US", "TN", 36.302, -88.326, "Paris, Henry County, TN"),
             SourceHome("wire.example", "US", "", None, None, "US", 12, 0.75),
             SourceHome("cambridge.example", "GB", "ENG", 52.2, 0.1167, "Cambridge", 5, 0.6)]
    path = tmp_path / "homes.tsv"
    text = write_homes(homes, path)
    assert text.startswith("#") and path.read_text(encoding="utf-8") == text
    back = read_homes(path)
    assert back == SourceHomes(homes)
    assert back.find("wire.example") == homes[1]
    # a user's own file: only source and country are required
    mine = read_homes("mine.tsv", "source\tcountry\tadmin1\nParisPost.example\tus\tTN\n")
    assert mine.find("parispost.example") == SourceHome("parispost.example", "US", "TN")


@pytest.mark.parametrize("body,message", [
    ("parispost.example\tUSA\tTN\t\t\t", "country 'USA'"),
    ("parispost.example\tUS\tTN\tnorth\t-88.3\t", "lat 'north' is not a number"),
    ("parispost.example\tUS\tTN\t136.3\t-88.3\t", "lat 136.3 is outside"),
    ("parispost.example\tUS\tTN\t36.3\t\t", "both lat and lon"),
    ("\tUS\tTN\t\t\t", "source is empty"),
    ("a.example\tUS\tTN\t\t\t\na.example\tUS\tKY\t\t\t", "already has a home on line 3"),
    ("a.example\tUS\tTN\t1\t2\tx\t3\t0.5\textra", "9 cells but 8 columns"),
])
def test_bad_lines_name_the_file_and_line(body, message):
    text = "# my homes\n" + "\t".join(("source", "country", "admin1", "lat", "lon", "place", "articles", "share")) + \
        "\n" + body + "\n"
    with pytest.raises(HomesFormatError) as e:
        read_homes("homes.tsv", text)
    assert message in str(e.value) and "homes.tsv:" in str(e.value)


def test_a_file_without_the_columns_is_refused():
    with pytest.raises(HomesFormatError, match="header lacks column"):
        read_homes("homes.tsv", "source\tstate\nparispost.example\tTN\n")


# -- resolution ------------------------------------------------------------------------------------

HOMES = SourceHomes([SourceHome("parispost.example", "US", "TN", 36.302, -88.326, "Paris, TN")])


@pytest.fixture(scope="module")
def gaz():
    return default_gazetteer()


def resolve_in(nlp, gaz, text, source, homes=HOMES):
    article = Article(id="a-home", text=text, source=source)
    found = find_places(nlp(text), article, gaz, PlaceOptions(homes=homes))
    for p in found:
        assert text[p.span.start:p.span.end] == p.span.text
    return {p.span.text: p.resolved for p in found}


TEXT = "Barn fire in Paris\nFirefighters in Paris put out a barn fire on Tuesday, the fire chief said."


def test_the_home_decides_an_ambiguous_name(nlp, gaz):
    without = resolve_in(nlp, gaz, TEXT, "parispost.example", homes=None)
    assert without["Paris"].country == "FR"
    got = resolve_in(nlp, gaz, TEXT, "parispost.example")
    assert (got["Paris"].country, got["Paris"].admin1) == ("US", "TN")
    # another source's "Paris" is not this paper's
    assert resolve_in(nlp, gaz, TEXT, "elsewhere.example")["Paris"].country == "FR"


def test_a_qualified_name_wins_over_the_home(nlp, gaz):
    text = "The school band played in Paris, France, last week before flying home to Tennessee."
    assert resolve_in(nlp, gaz, text, "parispost.example")["Paris"].country == "FR"


def test_analyze_takes_homes_from_the_resources(nlp):
    from dateline.nlp.resources import default_resources
    from dateline.pipeline import analyze

    article = Article(id="a-home2", text=TEXT, source="https://www.parispost.example/fire", published="2020-01-01")
    res = default_resources().with_overrides(source_homes=HOMES)
    (a,) = analyze([article], nlp=nlp, resources=res)
    paris = [p for p in a.places if p.span.text == "Paris"]
    assert paris and all(p.resolved.admin1 == "TN" for p in paris)
    (b,) = analyze([article], nlp=nlp)
    assert all(p.resolved.country == "FR" for p in b.places if p.span.text == "Paris")


def test_the_home_town_is_a_place_where_the_tagger_missed_it(nlp, gaz):
    text = ("Council backs new park\nThe Paris City Council voted on Monday to build a park. "
            "Paris Mayor Ann Hale said work would start in May. Mr. Paris, a local farmer, sold the land.")
    got = [p for p in find_places(nlp(text), Article(id="a-h3", text=text, source="parispost.example"), gaz,
                                  PlaceOptions(homes=HOMES)) if p.span.text == "Paris"]
    assert got and all(p.resolved.admin1 == "TN" for p in got)
    assert not any(p.span.start == text.index("Mr. Paris") + 4 for p in got)  # a man's name stays his


def test_letters_without_a_decomposition_fold_too():
    from dateline.geo.gazetteer import key

    assert key("Østfold") == key("Ostfold") == "ostfold"
    assert key("Łódź") == "lodz" and key("Ærø") == "aero"


def test_the_geo_eval_learns_homes_from_its_first_pass(tmp_path):
    from dateline.evals.geo import run

    stories = ["Firefighters in Paris put out a barn fire on Tuesday.",
               "The Henry County board met in Paris on Monday to talk about roads.",
               "Puryear and Paris will share a new water tower, Henry County officials said.",
               "A Paris man won the Henry County fair's pie contest."]
    arts = []
    for n, text in enumerate(stories):
        start = text.index("Paris")
        arts.append(f"<article docid='{n}'><domain>parispost.example</domain><text>{text}</text><toponyms>"
                    f"<toponym><start>{start}</start><end>{start + 5}</end><phrase>Paris</phrase>"
                    f"<gaztag><lon>-88.326</lon><lat>36.302</lat></gaztag></toponym></toponyms></article>")
    path = tmp_path / "local.xml"
    path.write_text("<articles>" + "".join(arts) + "</articles>", encoding="utf-8")
    once = run(path, homes=False)
    assert "acc161_without_homes" not in once.metrics
    twice = run(path)
    assert twice.metrics["acc161_without_homes"] == once.metrics["acc161"]
    assert twice.metrics["source_homes"] == 1 and twice.metrics["sources"] == 1
    assert twice.metrics["acc161"] >= once.metrics["acc161"]
    assert any(h.startswith("parispost.example\tParis") for h in twice.details["source_homes"])


def test_the_homes_verb_and_the_source_homes_option(tmp_path, demo_db):
    import json

    from typer.testing import CliRunner

    from dateline.cli import app

    saved = tmp_path / "homes.tsv"
    got = CliRunner().invoke(app, ["--db", demo_db, "homes", "--min-articles", "1", "--save", str(saved), "--json"])
    assert got.exit_code == 0, got.output
    rows = json.loads(got.stdout)
    assert rows and all(r["country"] for r in rows)
    assert {(h.source, h.country, h.admin1) for h in read_homes(saved)} == {
        (r["source"], r["country"], r["admin1"]) for r in rows}  # the file rounds points to ~10 m
    story = tmp_path / "fire.txt"
    story.write_text(TEXT + "\n", encoding="utf-8")
    mine = tmp_path / "mine.tsv"
    mine.write_text("source\tcountry\tadmin1\tlat\tlon\tplace\nparispost.example\tUS\tTN\t36.302\t-88.326\tParis\n",
                    encoding="utf-8")
    db = str(tmp_path / "fire.duckdb")
    got = CliRunner().invoke(app, ["--db", db, "ingest", str(story), "--source", "parispost.example",
                                   "--published", "2020-01-01", "--source-homes", str(mine)])
    assert got.exit_code == 0, got.output
    got = CliRunner().invoke(app, ["--db", db, "places", "--json"])
    assert {(r["name"], r["admin1"]) for r in json.loads(got.stdout)} == {("Paris", "TN")}
    bad = tmp_path / "bad.tsv"
    bad.write_text("source\tcountry\nparispost.example\tUSA\n", encoding="utf-8")
    got = CliRunner().invoke(app, ["--db", db, "ingest", str(story), "--source-homes", str(bad)])
    assert got.exit_code == 2 and "two-letter" in got.output


# -- a domain's country, and a local story's places the gazetteer lacks ---------------------------

def test_a_domain_names_its_country_by_its_code():
    from dateline.geo.homes import domain_country

    assert domain_country("https://www.cambridge-news.co.uk/news/1") == "GB"
    assert domain_country("dailystar.com.lb") == "LB"
    assert domain_country("lfpress.ca") == "CA"
    assert domain_country("ajc.com") == "" and domain_country("The Town Talk") == ""
    assert domain_country("citynews.tv") == ""  # sold worldwide as a word, not Tuvalu's


def test_a_domain_country_decides_between_namesake_states():
    cam_gb = town("Cambridge", "GB", "ENG", 52.2, 0.12)
    cam_us = town("Cambridge", "US", "MA", 42.38, -71.11)
    new_gb = town("Newmarket", "GB", "ENG", 52.25, 0.42)
    new_us = town("Newmarket", "US", "NH", 43.08, -70.94)
    boston = town("Boston", "US", "MA", 42.36, -71.06)
    stories = [[place("Cambridge", cam_us, cam_gb), place("Newmarket", new_us, new_gb), place("Boston", boston)]] * 3
    # every name can be in the United States, two of them in England too: read alone, Massachusetts
    us = learn_homes([("camnews.example.com", s) for s in stories]).find("camnews.example.com")
    assert us is not None and (us.country, us.admin1) == ("US", "MA")
    gb = learn_homes([("camnews.example.co.uk", s) for s in stories]).find("camnews.example.co.uk")
    assert gb is not None and (gb.country, gb.admin1) == ("GB", "ENG")
    assert gb.has_point and gb.lat > 50  # an English town of the stories


def test_a_local_storys_unknown_place_is_put_at_the_home_town(nlp, gaz):
    text = "Crews from Paris and Kelsworth put out a barn fire on Tuesday, the chief said."
    got = resolve_in(nlp, gaz, text, "parispost.example")
    assert (got["Paris"].admin1, got["Kelsworth"].feature_code) == ("TN", "AREA")
    assert abs(got["Kelsworth"].lat - 36.302) < 0.01 and got["Kelsworth"].source == "dateline:home"
    # no home, no guess; a story far from the home says nothing of its unknown names; nor does a
    # name its own words put in another state
    assert resolve_in(nlp, gaz, text, "parispost.example", homes=None)["Kelsworth"] is None
    far = "The band toured Lyon and Kelsworth last year."
    assert resolve_in(nlp, gaz, far, "parispost.example")["Kelsworth"] is None
    other = "Crews from Paris put out a fire. He lived in Whitlocke, Ohio, until 1990."
    assert resolve_in(nlp, gaz, other, "parispost.example")["Whitlocke"] is None


MN_HOMES = SourceHomes([SourceHome("echo.example", "US", "MN", 45.885, -95.377, "Alexandria, MN")])


def test_a_small_out_of_state_town_without_its_state_is_a_local_place(nlp, gaz):
    text = "Crash near Alexandria\nA driver from Brandon was hurt in a crash near Alexandria on Friday."
    got = resolve_in(nlp, gaz, text, "echo.example", homes=MN_HOMES)
    assert got["Alexandria"].admin1 == "MN"
    # news style names an out-of-state town with its state: bare, it is a local place the gazetteer lacks
    assert got["Brandon"].feature_code == "AREA" and got["Brandon"].admin1 == "MN"
    named = "Crash near Alexandria\nA driver from Brandon, Fla., was hurt in a crash near Alexandria on Friday."
    assert resolve_in(nlp, gaz, named, "echo.example", homes=MN_HOMES)["Brandon"].admin1 == "FL"
    big = "Crash near Alexandria\nA driver from Denver was hurt in a crash near Alexandria on Friday."
    assert resolve_in(nlp, gaz, big, "echo.example", homes=MN_HOMES)["Denver"].admin1 == "CO"
    assert resolve_in(nlp, gaz, text, "echo.example", homes=None)["Brandon"].feature_code != "AREA"


def test_a_state_homes_unknown_place_is_put_at_the_storys_town_there(nlp, gaz):
    homes = SourceHomes([SourceHome("tn.example", "US", "TN", place="TN")])  # a state, no town
    text = "Crews from Memphis and Kelsworth put out a barn fire on Tuesday, the chief said."
    got = resolve_in(nlp, gaz, text, "tn.example", homes=homes)
    assert got["Memphis"].admin1 == "TN" and got["Kelsworth"].feature_code == "AREA"
    assert abs(got["Kelsworth"].lat - got["Memphis"].lat) < 0.01 and got["Kelsworth"].admin1 == "TN"
    # a story with no town of the home state has nowhere to put it
    far = "The band toured Lyon and Kelsworth last year."
    assert resolve_in(nlp, gaz, far, "tn.example", homes=homes)["Kelsworth"] is None
