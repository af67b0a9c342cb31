"""Canonical actors: name keys, linking within and across articles, the dictionaries and their dated roles.
Articles here are built as records in our own words (fictional people where the dictionaries must not know
them), so each rule is seen alone."""

from __future__ import annotations

import datetime as dt

import pytest

from dateline.actors.dictionary import Dictionaries
from dateline.actors.link import link_article
from dateline.actors.names import actor_id, looks_like_actor_id, normalise, shown
from dateline.model import ActorRef, Entity, Event, Evidence, Mention, Quote, Span
from dateline.ontology.actors import load_actors
from dateline.ontology.countries import default_countries


def ent(eid, name, type="PERSON", forms=None, country=None, sector=None, role=None):
    forms = forms or [(name, "name")]
    mentions = tuple(Mention(span=Span(start=i, end=i + len(t), text=t), kind=k) for i, (t, k) in enumerate(forms))
    return Entity(id=eid, name=name, type=type, mentions=mentions, country=country, sector=sector, role=role)


def event(eid, actor, recipient=None):
    s = Span(start=0, end=10, text="x met y.")
    return Event(id=eid, article_id="a1", type="CONSULT", actor=actor, recipient=recipient,
                 evidence=Evidence(sentence=s, trigger=Span(start=2, end=5, text="met"), rule="test"))


@pytest.fixture(scope="module")
def dicts():
    return Dictionaries()


# A small dictionary of a made-up country: two presidents who share a surname, each in office for a while.
RUIZ_TSV = """name\taliases\ttype\tcountry\tsector\trole\tstart\tend\tnote
Ana Ruiz\tPresident Ruiz\tPERSON\tARN\tGOV\thead of state\t2010-01-01\t2015-12-31\t
Ana Ruiz\tPresident Ruiz\tPERSON\tARN\tELI\tformer president\t2016-01-01\t\t
Berto Ruiz\tPresident Ruiz\tPERSON\tARN\tGOV\thead of state\t2016-01-01\t2020-12-31\t
General Fisheries\t\tORG\tARN\tBUS\tcompany\t\t\t
"""


@pytest.fixture(scope="module")
def ruiz():
    return Dictionaries(actors=load_actors("ruiz.tsv", text=RUIZ_TSV), countries=default_countries())


def actor_of(linked, entity_id):
    ids = {x.actor_id for x in linked.links if x.entity_id == entity_id and x.role == "entity"}
    assert len(ids) == 1, ids
    return ids.pop()


# -- names --------------------------------------------------------------------------------------------

def test_spellings_of_one_name_share_a_key():
    forms = ["Kim Jong-un", "Kim Jong Un", "KIM JONG UN", "Mr. Kim Jong-Un's", "President Kim Jong Un",
             "Kim Jong\u2010un"]
    assert {normalise(f, "PERSON") for f in forms} == {"kim jong un"}
    assert normalise("Nguyễn Phú Trọng", "PERSON") == normalise("Nguyen Phu Trong", "PERSON")
    assert normalise("the Ministers' Council's") == "ministers council"


def test_titles_come_off_people_only():
    assert normalise("Prime Minister Lena Varga", "PERSON") == "lena varga"
    assert normalise("General Motors", "ORG") == "general motors"  # a company, not a general
    assert normalise("President", "PERSON") == normalise("Mr.", "PERSON") == ""  # a title alone names nobody


def test_ids_are_stable_short_hashes():
    a = actor_id("name:PERSON:tomas varga:")
    assert a == actor_id("name:PERSON:tomas varga:") and a != actor_id("name:PERSON:lena varga:")
    assert looks_like_actor_id(a) and looks_like_actor_id(a[:10])
    assert not looks_like_actor_id("Kim Jong Un") and not looks_like_actor_id("ac12") and not looks_like_actor_id("PRK")


def test_names_in_capitals_are_shown_in_mixed_case():
    assert shown("TOMAS VARGA") == "Tomas Varga"
    assert shown("Kim Jong IL", person=True) == "Kim Jong Il"
    assert shown("NATO") == "NATO"
    assert shown("U.s. Federal Reserve") == "U.S. Federal Reserve"  # initials keep their capitals


# -- within one article -------------------------------------------------------------------------------

def test_a_surname_goes_to_the_full_name_of_the_same_article(dicts):
    linked = link_article(dicts, "a1", "2021-05-04", [ent("e1", "Tomas Varga", country="HUN"), ent("e2", "Varga")])
    assert actor_of(linked, "e1") == actor_of(linked, "e2")
    rule = next(x.rule for x in linked.links if x.entity_id == "e2")
    assert "short form of 'Tomas Varga'" in rule


def test_a_surname_shared_by_two_people_of_the_article_joins_neither(dicts):
    linked = link_article(dicts, "a1", "2021-05-04",
                          [ent("e1", "Tomas Varga"), ent("e2", "Lena Varga"), ent("e3", "Varga")])
    people = {actor_of(linked, "e1"), actor_of(linked, "e2")}
    assert len(people) == 2 and actor_of(linked, "e3") not in people


def test_same_surname_in_other_articles_is_never_merged(dicts):
    one = link_article(dicts, "a1", "2021-05-04", [ent("e1", "Tomas Varga"), ent("e2", "Varga")])
    two = link_article(dicts, "a2", "2021-06-01", [ent("e3", "Lena Varga"), ent("e4", "Varga")])
    three = link_article(dicts, "a3", "2021-07-01", [ent("e5", "Varga")])
    four = link_article(dicts, "a4", "2021-07-02", [ent("e6", "Varga")])
    tomas, lena = actor_of(one, "e1"), actor_of(two, "e3")
    assert tomas != lena and actor_of(one, "e2") == tomas and actor_of(two, "e4") == lena
    alone = {actor_of(three, "e5"), actor_of(four, "e6")}
    assert len(alone) == 2 and not alone & {tomas, lena}  # a bare surname stays inside its article
    # the full name is one actor across articles
    again = link_article(dicts, "a9", "2022-01-01", [ent("e9", "TOMAS VARGA")])
    assert actor_of(again, "e9") == tomas


def test_aliases_are_the_written_names_with_counts(dicts):
    e = ent("e1", "Tomas Varga", forms=[("Tomas Varga", "name"), ("Varga", "short_name"), ("Varga", "short_name"),
                                         ("the minister", "nominal"), ("he", "pronoun")])
    linked = link_article(dicts, "a1", "2021-05-04", [e])
    assert sorted((x.text, x.n) for x in linked.links) == [("Tomas Varga", 1), ("Varga", 2)]


def test_an_article_with_no_named_person(dicts):
    entities = [ent("e1", "Hungary", type="GPE", country="HUN", role="country"),
                ent("e2", "Szeged", type="GPE", country="HUN")]
    ev = event("v1", ActorRef(text="the protesters", name="protesters", sector="CVL"),
               ActorRef(text="the two sides", name="sides"))
    linked = link_article(dicts, "a1", "2021-05-04", entities, [ev], [])
    assert {i.type for i in linked.actors.values()} == {"GPE"}
    assert linked.actors[actor_of(linked, "e1")].dictionary_id == "countries.tsv:HUN"
    assert {(role, why) for role, _, why in linked.skipped} == {("actor", "names no actor"),
                                                                ("recipient", "names no actor")}


def test_a_place_named_as_a_country_is_the_country(dicts):
    linked = link_article(dicts, "a1", "1987-03-02", [ent("e1", "Germany", type="GPE", country="DEU"),
                                                      ent("e2", "Bonn", type="GPE", country="DEU", role="capital")])
    assert linked.actors[actor_of(linked, "e1")].key == "country:DEU"
    assert linked.actors[actor_of(linked, "e2")].key == "name:GPE:bonn:DEU"  # a capital is a town of its own


def test_an_entity_with_nothing_left_of_its_name_is_skipped(dicts):
    linked = link_article(dicts, "a1", "2021-05-04", [ent("e1", "Mr.")])
    assert linked.links == [] and linked.skipped == [("entity", "Mr.", "no name left once titles are taken off")]


def test_event_parties_and_speakers_follow_their_entity(dicts):
    varga = ent("e1", "Tomas Varga")
    ev = event("v1", ActorRef(text="Varga", name="Tomas Varga", entity_id="e1"),
               ActorRef(text="Hungary", name="Hungary", country="HUN"))
    q = Quote(id="q1", content=Span(start=0, end=5, text="We go"), speaker=Span(start=9, end=14, text="Varga"),
              speaker_entity_id="e1", speaker_name="Tomas Varga")
    linked = link_article(dicts, "a1", "2021-05-04", [varga], [ev], [q])
    by_role = {x.role: x.actor_id for x in linked.links}
    assert by_role["actor"] == by_role["speaker"] == by_role["entity"] == actor_of(linked, "e1")
    assert linked.actors[by_role["recipient"]].key == "country:HUN"  # no entity: the country it names


# -- the dictionaries -----------------------------------------------------------------------------------

def test_a_dictionary_person_is_one_actor_however_written(dicts):
    ids = set()
    for i, name in enumerate(["Kim Jong Un", "Kim Jong-un", "KIM JONG UN"]):
        linked = link_article(dicts, f"a{i}", "2018-06-12", [ent("e1", name, country="PRK")])
        aid = actor_of(linked, "e1")
        assert linked.actors[aid].dictionary_id == "actors.tsv:Kim Jong Un"
        ids.add(aid)
    assert len(ids) == 1


def test_a_title_names_a_dictionary_person_only_while_they_hold_the_office(ruiz):
    def who(day):
        linked = link_article(ruiz, "a1", day, [ent("e1", "President Ruiz", country="ARN")])
        return linked.actors[actor_of(linked, "e1")]

    assert who("2012-03-01").name == "Ana Ruiz"
    assert who("2018-03-01").name == "Berto Ruiz"
    later = who("2023-03-01")  # neither is president: no dictionary link, and no merge across articles
    assert later.dictionary_id is None and "@a1" in later.key


def test_a_full_name_after_a_title_is_the_person_whatever_the_day(ruiz):
    for day in ("2012-03-01", "2023-03-01"):
        linked = link_article(ruiz, "a1", day, [ent("e1", "President Ana Ruiz", country="ARN")])
        assert linked.actors[actor_of(linked, "e1")].name == "Ana Ruiz"


def test_a_title_word_in_a_company_name_is_no_title(ruiz):
    linked = link_article(ruiz, "a1", "2023-03-01", [ent("e1", "General Fisheries", type="ORG", country="ARN")])
    assert linked.actors[actor_of(linked, "e1")].dictionary_id == "ruiz.tsv:General Fisheries"
    party = event("v1", ActorRef(text="General Fisheries", name="General Fisheries"))  # no entity, no type
    linked = link_article(ruiz, "a1", "2023-03-01", [], [party])
    assert [i.name for i in linked.actors.values()] == ["General Fisheries"]


def test_the_role_of_a_mention_is_the_one_that_held_that_day(ruiz):
    def link(day):
        linked = link_article(ruiz, "a1", day, [ent("e1", "Ana Ruiz", country="ARN", role="senator")])
        return next(x for x in linked.links if x.role == "entity")

    in_office, after = link("2012-03-01"), link("2017-03-01")
    assert (in_office.code, in_office.title) == ("ARNGOV", "head of state")
    assert (after.code, after.title) == ("ARNELI", "former president")
    assert in_office.actor_id == after.actor_id and in_office.day == dt.date(2012, 3, 1)
    before = link("2001-01-01")  # no row held yet: the actor is known, its office is not
    assert before.actor_id == in_office.actor_id and before.title == "senator" and before.code == "ARN"
