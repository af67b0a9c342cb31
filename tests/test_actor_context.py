"""Codes a main actor takes from its article: company officers, offices of the article's country,
generic institutions, international bodies, people the tagger took for bodies. Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.ingest import make_article
from dateline.pipeline import analyze


def analysis_of(body: str, published: str = "2019-01-08"):
    lines = body.strip().split("\n")
    art = make_article(title=lines[0], paragraphs=lines[1:] or ["."], published=published)
    (a,) = analyze([art])
    return a


def entity(a, name: str):
    got = [e for e in a.entities if e.name == name]
    assert got, f"no entity {name!r} among {[(e.name, e.type) for e in a.entities]}"
    return got[0]


def event_on(a, word: str):
    got = [e for e in a.events if e.evidence.trigger.text == word]
    assert got, f"no event on {word!r} among {[e.evidence.trigger.text for e in a.events]}"
    return got[0]


# -- generic institutions take the article's country --------------------------------------------------

def test_the_treasury_in_a_british_story_is_britains():
    a = analysis_of("Budget\nLONDON - The Treasury turned down a request from Scottish ministers for more money. "
                    "Officials in London said the Home Office would also face cuts.")
    treasury = entity(a, "Treasury")
    assert (treasury.country, treasury.sector) == ("GBR", "GOV")
    assert "article" in treasury.coding
    home_office = entity(a, "Home Office")
    assert (home_office.country, home_office.sector) == ("GBR", "GOV")
    e = event_on(a, "turned down")
    assert e.actor.country == "GBR" and e.actor.code != "USAGOV"


def test_the_treasury_in_an_american_story_is_still_americas():
    a = analysis_of("Bonds\nWASHINGTON - The Treasury sold new bonds on Monday, officials in Washington said. "
                    "American banks bought most of them.")
    assert entity(a, "Treasury").country == "USA"


def test_a_generic_institution_stays_unplaced_when_the_article_names_several_countries():
    a = analysis_of("Talks\nThe Supreme Court ruled on the case as French and German envoys met in Rome.")
    court = entity(a, "Supreme Court")
    assert court.sector == "JUD" and court.country is None


def test_a_senator_named_by_title_and_then_by_surname_is_of_the_article_country():
    a = analysis_of("Hearing\nWASHINGTON - Senator Dana Whitcombe questioned the nominee on Tuesday. "
                    "Whitcombe later accused the Pentagon of hiding costs from Congress in Washington.")
    whit = entity(a, "Dana Whitcombe")
    assert (whit.country, whit.sector) == ("USA", "LEG")
    e = event_on(a, "accused")
    assert e.actor.text == "Whitcombe" and (e.actor.country, e.actor.sector) == ("USA", "LEG")


def test_a_person_of_a_one_country_story_is_of_that_country():
    a = analysis_of("Council\nMADRID - Tomas Verlaine spoke at the council in Madrid on Sunday. Spanish "
                    "newspapers reported his words.")
    assert entity(a, "Tomas Verlaine").country == "ESP"


def test_a_person_of_a_story_of_two_countries_is_not_placed():
    a = analysis_of("Council\nMADRID - Tomas Verlaine spoke in Madrid on Sunday before he flew to Lisbon, "
                    "where Portuguese officials met him.")
    assert entity(a, "Tomas Verlaine").country is None


# -- a company's officers ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, name", [
    ("Shares\nThe company's president, Lena Sorby, criticised the regulator on Monday.", "Lena Sorby"),
    ("Shares\nThe carmaker's chairman, Olaf Rindt, met union leaders on Monday.", "Olaf Rindt"),
    ("Shares\nPiet Arends, president of the airline, praised the new terminal.", "Piet Arends"),
])
def test_a_company_officer_is_business_not_government(body, name):
    person = entity(analysis_of(body), name)
    assert person.sector == "BUS", person.coding
    assert "company" in person.coding


def test_a_president_of_a_country_stays_government():
    a = analysis_of("Visit\nThe country's president, Maria Kalvo, met the French prime minister.")
    assert entity(a, "Maria Kalvo").sector == "GOV"


def test_a_chief_operating_officer_is_business():
    a = analysis_of("Shares\nArnor Motors chief operating officer Ida Vell criticised the union on Tuesday.")
    assert entity(a, "Ida Vell").sector == "BUS"


# -- international bodies, media, police, courts ---------------------------------------------------

def test_the_eurogroup_is_an_international_body():
    a = analysis_of("Debt\nThe Eurogroup rejected the Greek request for more time on Monday.")
    e = event_on(a, "rejected")
    assert (e.actor.country, e.actor.sector) == ("IGO", "IGO")


def test_the_european_union_is_no_labour_union():
    a = analysis_of("Law\nThe European Union criticised the new media law on Friday.")
    eu = entity(a, "European Union")
    assert (eu.country, eu.sector) == ("IGO", "IGO")


def test_police_and_courts_of_the_article_country():
    a = analysis_of("Arrests\nNAIROBI - Police arrested five men in Nairobi. Kenyan officials said the High Court "
                    "would hear the case in Mombasa.")
    e = event_on(a, "arrested")
    assert (e.actor.country, e.actor.sector) == ("KEN", "COP")
    court = entity(a, "High Court")
    assert (court.country, court.sector) == ("KEN", "JUD")


def test_a_reporter_of_a_named_outlet_is_media():
    a = analysis_of("Briefing\nA Reuters reporter asked the minister about the plan.")
    assert event_on(a, "asked").actor.sector == "MED"


# -- people the tagger took for bodies -----------------------------------------------------------------

def test_a_name_in_apposition_to_a_person_noun_is_a_person():
    from dateline.nlp.actor_context import _people_by_apposition
    from dateline.nlp.build import build_nlp
    from dateline.nlp.entities import Group
    from dateline.nlp.names import NameSpan, appositive_title

    doc = build_nlp()("Marwick, a Republican congressman from Ohio, praised the plan.")
    span = NameSpan(doc[0:1], "ORG")
    g = Group("ORG", ("ORG", ("marwick",)), names=[span])
    t = appositive_title(doc, 0, 1)
    assert t is not None
    g.titles.append(t)
    _people_by_apposition([g])
    assert g.label == "PERSON" and "apposition" in g.coding[-1]
    carrier = Group("ORG", ("ORG", ("arnor", "air")), names=[span])
    doc2 = build_nlp()("Arnor Air, the national carrier, cut fares.")
    carrier.names = [NameSpan(doc2[0:2], "ORG")]
    carrier.titles.append(appositive_title(doc2, 0, 2))
    _people_by_apposition([carrier])
    assert carrier.label == "ORG"


# -- companies by legal form; people of a named body; police ranks -------------------------------------

def test_a_name_ending_in_a_legal_form_is_a_company_and_its_chairman_business():
    a = analysis_of("Cars\nDale Motor Corp said it would cut jobs. Brenmark AG chairman Otto Fenn met the unions.")
    assert entity(a, "Dale Motor Corp").sector == "BUS"
    assert entity(a, "Otto Fenn").sector == "BUS"


def test_a_reporter_of_a_named_network_is_media_of_its_country():
    a = analysis_of("Briefing\nCNN's Mara Quill asked the minister about the plan. NBC News reporter Sol Avery "
                    "criticised the decision.")
    quill, avery = entity(a, "Mara Quill"), entity(a, "Sol Avery")
    assert (quill.country, quill.sector) == ("USA", "MED")
    assert (avery.country, avery.sector) == ("USA", "MED")


def test_a_spokeswoman_of_a_ministry_named_with_her_is_of_its_country():
    a = analysis_of("Briefing\nState Department spokeswoman Heather Lind rejected the claim on Monday.")
    farro = entity(a, "Heather Lind")
    assert (farro.country, farro.sector) == ("USA", "GOV")


def test_a_critic_of_a_body_is_not_its_staff():
    a = analysis_of("Protest\nKremlin critic Ivo Marek criticised the ruling on Monday.")
    assert entity(a, "Ivo Marek").sector != "GOV"


def test_a_police_commander_is_police_not_army():
    a = analysis_of("Raid\nPolice commander Luis Orma said gunmen attacked a station.")
    assert entity(a, "Luis Orma").sector == "COP"


def test_a_listed_company_is_found_under_its_legal_form_with_its_home_country():
    from dateline.nlp.coding import without_legal_form

    assert without_legal_form("Arnor Motor Corp.") == "Arnor Motor"
    assert without_legal_form("Corp") is None and without_legal_form("Arnor co") is None
    a = analysis_of("Cars\nNissan Motor Co rejected the offer on Monday. Volkswagen AG chairman Otto Fenn met "
                    "the unions.")
    nissan = [e for e in a.entities if e.name == "Nissan"]
    assert nissan and (nissan[0].country, nissan[0].sector) == ("JPN", "BUS")
    fenn = entity(a, "Otto Fenn")
    assert (fenn.country, fenn.sector) == ("DEU", "BUS")


# -- American members of Congress --------------------------------------------------------------------------

def test_a_party_tag_makes_a_lawmaker_american_in_a_story_about_other_countries():
    a = analysis_of("Deal\nSen. Dana Whitcombe (R-Texas) criticised the nuclear deal with Iran on Tuesday. Russia "
                    "and China backed the deal. Whitcombe accused Iran of cheating. Rep. Troy Gadd, R-S.C., "
                    "praised Israel.")
    assert (entity(a, "Dana Whitcombe").country, entity(a, "Dana Whitcombe").sector) == ("USA", "LEG")
    assert entity(a, "Troy Gadd").country == "USA"
    e = event_on(a, "accused")
    assert e.actor.text == "Whitcombe" and (e.actor.country, e.actor.sector) == ("USA", "LEG")


def test_an_office_held_of_a_state_is_american():
    a = analysis_of("Hearing\nCongressman Troy Gadd of South Carolina accused Russia of meddling, while British "
                    "and French diplomats watched. Gadd later met German officials.")
    assert entity(a, "Troy Gadd").country == "USA"
    assert event_on(a, "met").actor.country == "USA"


def test_a_party_tag_needs_a_state():
    from dateline.nlp.build import build_nlp
    from dateline.nlp.us_states import party_tag_after

    nlp = build_nlp()
    doc = nlp("Jo Ray (R-Texas) spoke.")
    assert party_tag_after(doc, 2) == ("R", "Texas")
    doc = nlp("Jo Ray (D-Day veteran) spoke.")
    assert party_tag_after(doc, 2) is None


def test_a_name_in_apposition_to_a_body_noun_is_a_body():
    from dateline.nlp.actor_context import _bodies_by_apposition
    from dateline.nlp.build import build_nlp
    from dateline.nlp.entities import Group
    from dateline.nlp.names import NameSpan, appositive_title

    nlp = build_nlp()
    doc = nlp("Yukora, the Russian oil company, signed a deal.")
    g = Group("PERSON", ("PERSON", ("yukora",)), names=[NameSpan(doc[0:1], "PERSON")])
    g.titles.append(appositive_title(doc, 0, 1))
    _bodies_by_apposition([g])
    assert g.label == "ORG"
    doc = nlp("Olga Petrenko, the company founder, signed a deal.")
    p = Group("PERSON", ("PERSON", ("olga", "petrenko")), names=[NameSpan(doc[0:2], "PERSON")])
    p.titles.append(appositive_title(doc, 0, 2))
    _bodies_by_apposition([p])
    assert p.label == "PERSON"
    a = analysis_of("Oil\nYukora, the Russian oil company, signed a deal with Gazprom on Monday.")
    yuk = entity(a, "Yukora")
    assert (yuk.type, yuk.country, yuk.sector) == ("ORG", "RUS", "BUS")


def test_an_international_body_is_not_placed_by_the_article():
    a = analysis_of("Audit\nLONDON - The European Court of Auditors criticised spending in Britain. British ministers "
                    "said the Home Office would reply.")
    court = entity(a, "European Court of Auditors")
    assert court.country != "GBR"
    assert entity(a, "Home Office").country == "GBR"
