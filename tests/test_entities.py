"""Entities within an article: grouping of mentions and country/sector coding, one phenomenon per case."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def entities_of(body: str, published: str = "2019-01-08") -> dict:
    lines = body.strip().split("\n")
    art = make_article(title=lines[0], paragraphs=lines[1:] or ["."], published=published)
    (a,) = analyze([art])
    assert not a.errors, a.errors
    for e in a.entities:
        for m in e.mentions:
            assert art.text[m.span.start:m.span.end] == m.span.text
    return {e.name: e for e in a.entities}


def named(ents: dict, name: str):
    """The entity called ``name`` or with a name mention of it."""
    return ents.get(name) or next(e for e in ents.values() if name in mention_texts(e))


def mention_texts(e) -> set[str]:
    return {m.span.text for m in e.mentions}


def test_short_names_join_the_full_name_they_belong_to():
    ents = entities_of("Talks go on\nU.S. President Donald Trump spoke on Monday. Later Trump left for Ohio.")
    assert {"Donald Trump", "Trump"} <= mention_texts(ents["Donald Trump"])
    assert "Trump" not in ents


def test_shared_surname_goes_to_the_most_mentioned_person_and_full_names_stay_apart():
    ents = entities_of(
        "Kim Jong Un visits China\n"
        "North Korean leader Kim Jong Un arrived in Beijing. Kim met officials. Kim later left.\n"
        "South Korean spokesperson Kim Eui-keum said Chairman Kim would return.")
    kim = ents["Kim Jong Un"]
    assert "Chairman Kim" in mention_texts(kim)
    other = next(e for e in ents.values() if "Kim Eui-keum" in mention_texts(e))
    assert other is not kim and other.name == "Kim Eui-kyeom"  # the dictionary's romanisation is canonical


def test_coordinated_names_are_split():
    ents = entities_of("Ties grow\nChinese President Xi Jinping hosted Kim Jong Un. Since then, Xi and Kim have met often.")
    assert "Xi" in mention_texts(ents["Xi Jinping"]) and "Kim" in mention_texts(ents["Kim Jong Un"])


@pytest.mark.parametrize("text, name, country, sector", [
    ("Visit\nChinese President Xi Jinping welcomed the guests.", "Xi Jinping", "CHN", "GOV"),
    ("Visit\nSouth Korea's presidential spokesperson Kim Eui-keum spoke to reporters.", "Kim Eui-keum", "KOR", "GOV"),
    ("Visit\nChina's Xinhua News Agency confirmed the trip.", "Xinhua News Agency", "CHN", "MED"),
    ("Visit\nSouth Korea's Yonhap News Agency reported the news.", "Yonhap News Agency", "KOR", "MED"),
    ("Visit\nNorth Korean Leader Kim Jong Un arrived.", "Kim Jong Un", "PRK", "GOV"),
])
def test_country_and_sector_from_titles_in_the_text(text, name, country, sector):
    e = named(entities_of(text), name)
    assert (e.country, e.sector) == (country, sector), e.coding
    assert e.coding


def test_relative_takes_the_country_of_the_possessor():
    ents = entities_of("Trip\nNorth Korean leader Kim Jong Un arrived. State media showed Kim and his wife, Ri Sol Ju, on the train.")
    assert ents["Ri Sol Ju"].country == "PRK"


def test_office_nominals_resolve_to_the_one_holder():
    ents = entities_of(
        "Leaders meet\nThe North Korean leader is said to have met Xi Jinping.\n"
        "North Korean Leader Kim Jong Un arrived in Beijing. U.S. President Donald Trump said he would meet "
        "the North Korean leader again. Kim said he was ready to sit with the U.S. president.")
    assert sum(m.kind == "nominal" for m in ents["Kim Jong Un"].mentions) == 2
    assert "the U.S. president" in mention_texts(ents["Donald Trump"])


def test_a_country_right_after_a_name_is_its_country():
    ents = entities_of("Royal visit\nKing Hassan of Morocco said on Monday he would host talks with Israeli and Palestinian delegates.")
    assert named(ents, "King Hassan").country == "MAR"


def test_a_president_named_by_office_alone_is_of_the_one_country_the_article_names():
    # a name no dictionary knows (the Phoenix layer knows Zambia's real presidents)
    ents = entities_of("Election row\nPresident Tobias Mbeleko has broken his promise to the Zambian people to hold "
                       "elections under a new constitution, critics said.")
    got = named(ents, "Tobias Mbeleko")
    assert got.country == "ZMB" and "the one country the article names" in got.coding


@pytest.mark.parametrize("body", [
    # the country named is the visitor's, held by another person: no guess
    "State dinner\nPresident Rufus Firefly hosted Nigerian President Muhammadu Buhari at a state dinner on Wednesday.",
    # two countries named: no guess
    "Talks\nPresident Rufus Firefly said talks between Kenya and Uganda would resume on Monday.",
    # the one country named is the party acted on, not where the president is from
    "Warning\nPresident Rufus Firefly threatened further action against Zambia on Monday.",
    # the title names a country no dictionary knows: the article is not asked
    "Appeal\nFreedonian President Rufus Firefly appealed for calm in Zambia on Monday.",
])
def test_no_country_is_guessed_for_a_president_when_the_article_leaves_it_open(body):
    assert named(entities_of(body), "Rufus Firefly").country is None


def test_country_names_are_one_entity():
    ents = entities_of("Talks\nThe United States and North Korea met. The U.S. said talks went well.")
    usa = [e for e in ents.values() if e.country == "USA" and e.type == "GPE"]
    assert len(usa) == 1 and {"United States", "U.S."} <= mention_texts(usa[0])


def test_seed_entities(seed_analysis):
    from dateline.evals.seed import score
    import json
    from conftest import shared_path

    expected = json.loads(shared_path("seed", "kim-4th-visit.expected.json").read_text())
    result = score(seed_analysis, {"entities": expected["entities"], "must_not_merge": expected["must_not_merge"]})
    entity_misses = [m for m in result.details["misses"] if m.startswith(("entities", "must_not_merge"))]
    assert not entity_misses


def test_a_shared_surname_is_not_the_one_the_writer_calls_by_given_name():
    ents = entities_of(
        "Campaign stop\n"
        "Senator Paul Osgood spoke in Dale on Monday. His wife, Maren Osgood, spoke first. "
        "Maren thanked the crowd. The crowd cheered. Maren left early.\n"
        "Osgood promised lower taxes.")
    assert "Osgood" in mention_texts(named(ents, "Paul Osgood"))


def test_a_form_of_address_picks_the_person_of_that_sex():
    ents = entities_of(
        "Bakery reopens\n"
        "John Marsh and Mary Marsh reopened their bakery on Monday. John Marsh baked bread. "
        "John Marsh sold cakes. The shop was busy.\n"
        "Mrs. Marsh said the shop would stay open late.")
    assert "Mrs. Marsh" in mention_texts(named(ents, "Mary Marsh"))


def test_an_office_held_at_a_body_that_is_no_government_is_not_gov():
    ents = entities_of(
        "Screens ready\n"
        "Dr Lena Park, senior vice president at Arnor Electronics, said on Monday that the new screens were "
        "ready.")
    assert named(ents, "Lena Park").sector != "GOV"


def test_a_trade_after_a_or_an_yields_to_the_dictionary_role_of_the_day():
    ents = entities_of("Campaign\nHillary Clinton, an accomplished attorney, spoke in Ohio on Monday. "
                       "Clinton said jobs would come back.", published="2016-08-19")
    assert ents["Hillary Clinton"].sector == "PTY"  # a candidate that summer, not a court's
    ents = entities_of("Court\nAnn Bevis, an accomplished attorney, spoke in Ohio on Monday.", published="2016-08-19")
    assert named(ents, "Ann Bevis").sector == "JUD"  # no dictionary row: the text's word stands
