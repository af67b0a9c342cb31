"""A role the text states for a person reaches their sector: union officers are labour, hosts and
presenters media, founders and venture capitalists business, campaign managers and party chairs party.
Sentences of our own."""

from __future__ import annotations

import pytest

from dateline.ontology.agents import default_agents
from test_actor_context import analysis_of, entity


@pytest.mark.parametrize("body", [
    "Strike\nLONDON - Mark Lane, the union's general secretary, called a strike at British ports on Monday.",
    "Strike\nLONDON - Union leader Mark Lane called a strike at British ports on Monday.",
    "Strike\nLONDON - Mark Lane, president of the dockers' union, called a strike at British ports on Monday.",
])
def test_a_union_officer_is_labour_not_government(body):
    lane = entity(analysis_of(body), "Mark Lane")
    assert lane.sector == "LAB"


def test_a_president_of_the_european_union_is_not_labour():
    a = analysis_of("Summit\nBRUSSELS - Mark Lane, president of the European Union, met farmers on Monday.")
    assert entity(a, "Mark Lane").sector != "LAB"


@pytest.mark.parametrize(("body", "name", "sector"), [
    ("Show\nAnn Lee, a radio host, criticised the senator on Monday.", "Ann Lee", "MED"),
    ("Money\nPaul Grant, a venture capitalist, criticised the senator on Monday.", "Paul Grant", "BUS"),
    ("Race\nTom Ridge, the campaign manager, criticised the governor on Monday.", "Tom Ridge", "PTY"),
    ("Race\nTom Ridge, the party chairman, criticised the governor on Monday.", "Tom Ridge", "PTY"),
])
def test_a_role_in_apposition_gives_its_sector(body, name, sector):
    assert entity(analysis_of(body), name).sector == sector


@pytest.mark.parametrize(("phrase", "sector"), [
    ("union leader", "LAB"), ("teachers union president", "LAB"), ("news anchor", "MED"),
    ("television host", "MED"), ("columnist", "MED"), ("presenter", "MED"), ("co-founder", "BUS"),
    ("executive vice president", "BUS"), ("venture capitalist", "BUS"), ("campaign manager", "PTY"),
    ("party chair", "PTY"),
])
def test_role_nouns_in_the_agents_table(phrase, sector):
    assert default_agents().sector_for(phrase).sector == sector


def test_a_host_country_is_no_broadcaster_and_a_vice_president_stays_government():
    agents = default_agents()
    assert agents.sector_for("host country") is None
    assert agents.sector_for("vice president").sector == "GOV"


def test_a_host_on_a_named_network_is_media_of_its_country():
    lee = entity(analysis_of("Show\nAnn Lee, a host on CNN, criticised the senator on Monday."), "Ann Lee")
    assert (lee.country, lee.sector) == ("USA", "MED")
