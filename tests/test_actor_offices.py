"""The sector an office word gives depends on whose office it is: a club's president is no head of state,
a party's spokesman speaks for the party, a cause's leader leads no government. Also the party whose
name holds another party's word, and a headline's question word run into a name. Sentences of our own."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.pipeline import analyze


def analysis_of(body: str):
    lines = body.strip().split("\n")
    (a,) = analyze([make_article(title=lines[0], paragraphs=lines[1:] or ["."], published="2019-01-08")])
    return a


def entity(a, name: str):
    got = [e for e in a.entities if e.name == name]
    assert got, f"no entity {name!r} among {[(e.name, e.type) for e in a.entities]}"
    return got[0]


def test_the_president_of_a_club_is_not_a_government_official():
    a = analysis_of("Hikers protest\nNora Pell, president of the Fenwick Rambling Club, said on Sunday that "
                    "the new fences blocked old paths.")
    pell = entity(a, "Nora Pell")
    assert pell.sector != "GOV" and "no government body" in pell.coding


def test_the_president_of_a_senate_stays_an_office_of_state():
    a = analysis_of("Vote delayed\nOtto Brandl, president of the Senate, said on Monday the vote would wait.")
    assert entity(a, "Otto Brandl").sector != "BUS"


def test_a_chief_operations_officer_is_a_business_officer_not_a_soldier():
    a = analysis_of("Shake-up\nThe bakery chain named Lise Horn, its chief operations officer, as acting head. "
                    "Horn said the ovens would stay on.")
    assert entity(a, "Lise Horn").sector == "BUS"


def test_a_cause_or_a_student_body_has_leaders_who_are_not_governments():
    a = analysis_of("March\nTemperance leader Rosa Vey led a march on Friday. Student leader Ben Otts joined her, "
                    "and community leader Ida Moss spoke.")
    assert entity(a, "Rosa Vey").sector is None
    assert entity(a, "Ben Otts").sector == "EDU"
    assert entity(a, "Ida Moss").sector == "CVL"


def test_world_leaders_and_majority_leaders_keep_their_offices():
    a = analysis_of("Summit\nSenate Majority Leader Paul Ives said on Monday the bill would pass.")
    assert entity(a, "Paul Ives").sector == "LEG"


def test_a_partys_spokesman_for_a_subject_speaks_for_the_party():
    a = analysis_of("Health plan\nLONDON - The Liberal Democrat transport spokesman, Anne Crole, said on Tuesday the "
                    "plan would close wards.")
    assert entity(a, "Anne Crole").sector == "PTY"


def test_a_form_of_address_after_an_office_leaves_the_office_read():
    a = analysis_of("Bus fares\nCity mayor Mr Dale Lomax said on Monday fares would fall.")
    assert entity(a, "Dale Lomax").sector == "GOV"


def test_a_party_named_with_another_partys_word_is_not_that_party():
    a = analysis_of("By-election\nTOKYO - Japan's ruling Liberal Democratic Party lost a by-election on Sunday, "
                    "officials in Tokyo said.")
    ldp = entity(a, "Liberal Democratic Party")
    assert (ldp.country, ldp.sector) == ("JPN", "PTY")


def test_a_headline_question_word_is_not_part_of_the_name():
    a = analysis_of("Will Kerry win Ohio?\nJohn Kerry said on Monday he would campaign in Ohio. Kerry spoke to "
                    "voters in Toledo.")
    names = {e.name for e in a.entities}
    assert "Will Kerry" not in names and "John Kerry" in names


def test_a_headline_verb_after_a_name_is_cut_where_the_body_writes_the_name():
    a = analysis_of("Poll: John Kerry Crushes Bush Among Veterans\nJohn Kerry leads George Bush among veterans, "
                    "a new poll found.")
    names = {e.name for e in a.entities}
    assert "John Kerry Crushes" not in names and "John Kerry" in names


def test_a_given_name_that_is_also_a_question_word_stays_when_the_body_writes_it():
    a = analysis_of("Will Barlow wins award\nThe actor Will Barlow won an award on Sunday. Barlow thanked his family.")
    assert "Will Barlow" in {e.name for e in a.entities}


def test_a_news_agency_credited_does_not_make_the_story_two_countries():
    a = analysis_of("Airline cuts\nDUBLIN - Irish airline Fennair will cut 200 jobs, the Associated Press reported. "
                    "Chief executive Niall Brody told staff in Dublin on Monday. Ireland's transport minister "
                    "Sean Ward urged calm, and Irish unions said they would fight the cuts in Cork.")
    assert entity(a, "Niall Brody").country == "IRL"


def test_a_persons_ancestry_does_not_make_the_story_two_countries():
    a = analysis_of("Race for Congress\nActivist Rosa Delgado is running for Congress in Texas. Delgado, who is of "
                    "Peruvian descent, has lived in Houston for thirty years. She said in Dallas that Texas voters "
                    "wanted safer streets, and she will take that message to Washington.")
    assert entity(a, "Rosa Delgado").country == "USA"


def test_a_unit_named_after_a_known_company_is_a_business_and_so_are_its_officers():
    a = analysis_of("Forklift sales\nNAGOYA - Ann Hollis, president of Toyota Forklift Division, said on Monday "
                    "that orders from warehouses were strong.")
    unit = entity(a, "Toyota Forklift Division")
    assert (unit.country, unit.sector) == ("JPN", "BUS")
    assert entity(a, "Ann Hollis").sector == "BUS"


def test_campaign_funds_mosques_and_hedge_funds_have_sectors():
    from dateline.ontology.agents import default_agents

    agents = default_agents()
    assert agents.sector_for("Restore Arnor Super PAC").sector == "PTY"
    assert agents.sector_for("Lune Valley Islamic Centre").sector == "REL"
    assert agents.sector_for("a New York hedge fund").sector == "BUS"
