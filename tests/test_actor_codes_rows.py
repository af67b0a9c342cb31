"""Codes of main actors that come from the dictionaries: a party's candidate is PTY, a senator running
for president is still a legislator, a phone company is no medium; a bare office title before the name of
someone a dated row gives another role is no office held; a bank named after a country is its central
bank, an international body keeps its code, a state's name is no union of workers. Sentences of our own."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.ingest.article import Defaults
from dateline.ontology.phoenix import phoenix_actors
from dateline.pipeline import analyze


def analysis_of(body: str, published: str = "2019-01-08"):
    lines = body.strip().split("\n")
    (a,) = analyze([make_article(title=lines[0], paragraphs=lines[1:] or ["."], published=published)])
    return a


def entity(a, name: str):
    got = [e for e in a.entities if e.name == name]
    assert got, f"no entity {name!r} among {[(e.name, e.type) for e in a.entities]}"
    return got[0]


def test_a_candidate_is_of_his_party():
    a = analysis_of("Rally\nDonald Trump spoke to a crowd in Ohio on Tuesday.", published="2016-03-01")
    assert (entity(a, "Donald Trump").country, entity(a, "Donald Trump").sector) == ("USA", "PTY")


def test_a_senator_running_for_president_is_still_a_legislator():
    a = analysis_of("Town hall\nBernie Sanders told students in Iowa that tuition should be free.",
                    published="2016-01-20")
    assert (entity(a, "Bernie Sanders").country, entity(a, "Bernie Sanders").sector) == ("USA", "LEG")


def test_a_phone_company_is_no_medium_but_a_newspaper_company_is():
    actors = phoenix_actors()
    assert {r.sector for r in actors.lookup("Verizon")} == {"MNC"}
    assert {r.sector for r in actors.lookup("Gannett Co")} == {"MED"}


def test_a_bare_president_before_a_candidates_name_is_no_office_held():
    a = analysis_of("Rally\nDonald Trump spoke in Ohio on Tuesday. Voters there said President Trump would build the "
                    "wall.",
                    published="2016-03-01")
    assert entity(a, "Donald Trump").sector == "PTY" and "not read as an office held" in entity(a, "Donald Trump").coding
    b = analysis_of("Rally\nPresident Donald Trump spoke to a crowd in Ohio on Tuesday.", published="2018-03-01")
    assert entity(b, "Donald Trump").sector == "GOV"


def test_a_bank_named_after_a_country_is_its_central_bank():
    a = analysis_of("Rates\nThe Bank of Mexico raised its main rate on Thursday, while the Bank of America said "
                    "profits fell.")
    assert (entity(a, "Bank of Mexico").country, entity(a, "Bank of Mexico").sector) == ("MEX", "GOV")
    assert entity(a, "Bank of America").sector != "GOV"


def test_an_international_body_keeps_its_code_whatever_adjective_its_name_holds():
    a = analysis_of("Loans\nThe Inter-American Development Bank approved a loan for new roads on Monday.")
    assert entity(a, "Inter American Development Bank").country == "IGO"  # the dictionary's spelling


def test_a_states_name_is_no_labour_union():
    a = analysis_of("History\nThe Soviet Union sent grain to the port in 1975, the museum's records show.")
    assert entity(a, "Soviet Union").sector != "LAB"


def test_a_party_operative_works_for_the_party():
    a = analysis_of("Data row\nDemocratic operative Lena Faulk said on Friday the voter file had been opened.")
    assert entity(a, "Lena Faulk").sector == "PTY"


def test_a_minister_with_no_country_is_of_the_country_of_the_stories_politicians():
    a = analysis_of("Arts row\nCulture Minister Ann Bevis said the review of the arts board was nothing like what "
                    "happened in Germany or Russia. Prime Minister Tony Blair backed her on Monday, and the Labour "
                    "Party said the board would stay.", published="2004-11-02")
    assert entity(a, "Ann Bevis").country == "GBR" and "coded politicians" in entity(a, "Ann Bevis").coding


def test_a_hyphened_title_is_one_word_and_a_secretary_general_is_no_soldier():
    a = analysis_of("Talks\nUN Secretary-General Ban Ki-moon said on Monday the talks would go on. In a note, "
                    "Herald Editor-in-Chief Mara Quist said the paper would print the text.", published="2012-05-14")
    ban, quist = entity(a, "Ban Ki-moon"), entity(a, "Mara Quist")
    assert (ban.country, ban.sector) == ("IGO", "IGO")
    assert quist.sector == "MED" and "Editor-in-Chief" in quist.titles[0]


def test_a_surgeon_general_is_a_health_official_not_a_general():
    a = analysis_of("Warning\nSurgeon General Lena Ovitz said on Friday that vaping harms the young.")
    assert entity(a, "Lena Ovitz").sector == "GOV"


def undated(body: str):
    lines = body.strip().split("\n")
    (a,) = analyze([make_article(title=lines[0], paragraphs=lines[1:] or ["."], defaults=Defaults(require_date=False))])
    return a


def test_the_opposition_leader_of_an_undated_report_is_opposition_not_government():
    a = undated("Asylum plan\nLeader Michael Howard said on Monday that checks at the border would be tightened.")
    assert (entity(a, "Michael Howard").country, entity(a, "Michael Howard").sector) == ("GBR", "OPP")


def test_a_bare_leader_names_no_government():
    a = analysis_of("Walkout\nLeader Tom Brisk said on Monday that the members would vote again.")
    assert entity(a, "Tom Brisk").sector is None


def test_a_first_lady_is_elite():
    a = analysis_of("Speech\nMichelle Obama spoke to the convention in Philadelphia on Monday.", published="2016-07-26")
    assert entity(a, "Michelle Obama").sector == "ELI"


def test_a_telecoms_company_and_a_carrier_are_businesses():
    a = analysis_of("Bid\nTelecoms group Norvale Tel said on Monday it would bid. The carrier's chief, Ivo Lind, "
                    "said the offer was fair.")
    assert entity(a, "Norvale Tel").sector != "MED"


def test_a_campaigner_in_a_story_of_one_countrys_politics_is_of_that_country():
    a = analysis_of("Arts row\nPainter Nia Cadwal said the review was nothing like what happened in Stalin's Russia. "
                    "Culture Minister Ann Bevis disagreed, Prime Minister Tony Blair backed her on Monday and the Labour "
                    "Party said the board would stay. "
                    "Nia Cadwal said she would fight on, and Stalin would have laughed.", published="2004-11-02")
    assert entity(a, "Nia Cadwal").country == "GBR"
    assert entity(a, "Stalin").country != "GBR"


def test_a_political_action_committee_is_a_party_actor():
    a = analysis_of("Ads\nVoters in Iowa were targeted by the Rural Voices PAC, a group backing farm candidates.")
    assert entity(a, "Rural Voices PAC").sector == "PTY"


def test_an_office_named_with_its_own_of_before_a_name_is_a_title():
    a = analysis_of("Record\nThe US Secretary of Energy Tom Wexley confirmed the record on Monday. Minister of Finance "
                    "Ana Rolo said taxes would fall.")
    wexley = entity(a, "Tom Wexley")
    assert (wexley.country, wexley.sector) == ("USA", "GOV") and entity(a, "Ana Rolo").sector == "GOV"


def test_an_office_in_apposition_after_a_form_of_address_or_after_another_noun_is_read():
    a = analysis_of("Plane\nSir Tom Lane, CBI director general, warned on Monday that costs were rising. Ann Bevis, "
                    "project manager and Boeing vice president, said the plane was ready.", published="2004-11-12")
    assert entity(a, "Tom Lane").sector == "BUS"
    assert (entity(a, "Ann Bevis").country, entity(a, "Ann Bevis").sector) == ("USA", "BUS")


def test_a_department_of_state_is_government_and_a_police_department_is_police():
    a = analysis_of("Grants\nThe Department of Transport and the Fenwick Police Department said on Monday the road "
                    "would close.")
    assert entity(a, "Department of Transport").sector == "GOV"
    assert entity(a, "Fenwick Police Department").sector == "COP"


def test_an_aide_of_a_named_leader_is_of_the_leaders_country():
    a = analysis_of("Climate\nBut Ivo Lind, an adviser on climate change to President George W. Bush, said on Monday "
                    "there would be no change. Prime Minister Tony Blair said Britain would press on.",
                    published="2004-11-12")
    assert entity(a, "Ivo Lind").country == "USA"
