"""Coreference within an article (nlp.coref): each link with its rule, on sentences of our own."""

from __future__ import annotations

import json

import pytest

from dateline.ingest import make_article
from dateline.nlp.coref import Cluster, clusters


@pytest.fixture(scope="module")
def read(nlp):
    from dateline.nlp.resources import default_resources
    from dateline.pipeline import analyze_doc, default_extractors

    res = default_resources()
    extractors = tuple(e for e in default_extractors() if e.slot in ("entities", "dates", "places", "coref", "quotes"))

    def run(body: str) -> tuple[str, tuple[Cluster, ...]]:
        lines = body.strip().split("\n")
        art = make_article(title=lines[0], paragraphs=lines[1:], published="2021-03-02")
        doc = nlp(art.text)
        a = analyze_doc(doc, art, extractors=extractors, resources=res, provenance={}, nlp=nlp)
        got = clusters(doc, a.entities, a.quotes, res)
        for c in got:
            assert c.links[0].antecedent is None or c.links[0].kind in ("title", "nominal", "demonym")
            for link in c.links:
                assert art.text[link.span.start:link.span.end] == link.span.text
                assert link.rule
        return art.text, got

    return run


def cluster_with(found: tuple[Cluster, ...], text: str) -> Cluster | None:
    return next((c for c in found if any(lk.span.text == text for lk in c.links)), None)


def link_of(c: Cluster, text: str, nth: int = 0):
    return [lk for lk in c.links if lk.span.text == text][nth]


def test_a_surname_and_a_title_join_the_full_name(read):
    _, found = read("Budget\nChancellor Olaf Scholz met farmers in Kiel on Monday.\nScholz promised them new aid.")
    c = cluster_with(found, "Olaf Scholz")
    assert c is not None and c.type == "PERSON"
    short = link_of(c, "Scholz")
    assert "short form" in short.rule and short.antecedent.text == "Olaf Scholz"
    title = next(lk for lk in c.links if lk.kind == "title")
    assert "Chancellor" in title.span.text and "before the name" in title.rule
    assert title.antecedent.text == "Olaf Scholz"


def test_explain_gives_each_link_with_its_rule(read):
    from dateline.nlp.coref import explain

    _, found = read("Budget\nChancellor Olaf Scholz met farmers in Kiel on Monday.\nScholz promised them new aid.")
    lines = explain(found)
    assert any(line.startswith("Olaf Scholz (PERSON") for line in lines)
    assert any("'Scholz'" in line and "-> 'Olaf Scholz'" in line and "short form" in line for line in lines)


def test_an_apposition_and_a_relative_pronoun(read):
    _, found = read("Bridge\nMaria Lopez, the mayor of Dale, opened a bridge that links two villages.\n"
                    "Tom Hale, who owns the ferry, did not come.")
    lopez = cluster_with(found, "Maria Lopez")
    assert lopez is not None and any("mayor" in lk.span.text and "apposition" in lk.rule for lk in lopez.links)
    hale = cluster_with(found, "Tom Hale")
    assert hale is not None and link_of(hale, "who").kind == "relative"


def test_a_role_noun_goes_to_the_latest_holder_named(read):
    _, found = read("Port\nPrime Minister Ana Ruiz visited the port of Dale on Monday.\n"
                    "Dock workers cheered when the prime minister arrived.")
    c = cluster_with(found, "Ana Ruiz")
    assert c is not None
    role = next(lk for lk in c.links if lk.span.text.lower().endswith("prime minister") and lk.kind == "nominal")
    assert "office" in role.rule


def test_a_noun_that_described_a_person_names_them_again(read):
    _, found = read("Theatre\nCritics in Dale praised lawyer Maria Lopez on Monday.\nThe lawyer thanked them.")
    c = cluster_with(found, "Maria Lopez")
    assert c is not None and link_of(c, "lawyer").kind == "title"
    assert link_of(c, "The lawyer").antecedent.text == "Maria Lopez"


def test_pronouns_by_gender(read):
    _, found = read("Talks\nMaria Lopez met Tom Baker in Lima on Monday.\nShe praised the plan.\n"
                    "He asked for more time.")
    assert link_of(cluster_with(found, "Maria Lopez"), "She").kind == "pronoun"
    assert link_of(cluster_with(found, "Tom Baker"), "He").kind == "pronoun"
    assert cluster_with(found, "She") is cluster_with(found, "Maria Lopez")


def test_two_fitting_antecedents_give_no_link(read):
    _, found = read("Talks\nThe talks between Tom Baker and John Smith ended in Lima on Monday.\n"
                    "He left on Tuesday.")
    assert cluster_with(found, "He") is None


def test_a_body_is_it_and_a_nationality_is_its_country(read):
    _, found = read("Vote\nThe Arnor Fishing Federation held a vote in Oslo on Friday.\nIt rejected the quota.\n"
                    "Peru sent envoys to Chile.\nPeruvian officials said the envoys would stay a week.")
    fed = cluster_with(found, "It")
    assert fed is not None and fed.type == "ORG" and "Federation" in fed.name
    peru = cluster_with(found, "Peruvian")
    assert peru is not None and any(lk.span.text == "Peru" for lk in peru.links)
    assert "nationality" in link_of(peru, "Peruvian").rule


def test_the_speakers_own_i_and_the_same_noun_again(read):
    _, found = read('Strike\nMaria Lopez said: "I will not resign over this."\n'
                    "A hospital in Dale was closed.\nThe hospital opened again on Friday.")
    lopez = cluster_with(found, "Maria Lopez")
    assert lopez is not None and "quoted" in link_of(lopez, "I").rule
    hospital = cluster_with(found, "The hospital")
    assert hospital is not None and [lk.span.text for lk in hospital.links] == ["A hospital", "The hospital"]


def test_they_stands_for_the_group_named_just_before(read):
    _, found = read("March\nProtesters gathered outside the court in Lima on Monday.\nThey marched to the palace.")
    group = cluster_with(found, "They")
    assert group is not None and group.links[0].span.text == "Protesters"
    assert "subject of the sentence before" in link_of(group, "They").rule  # not "the court"


def test_a_man_is_not_she_after_her_own_pronouns(read):
    _, found = read("Vote\nLee Morgan won her seat in Dale on Sunday.\nShe thanked the voters.\n"
                    "He was not there.")
    lee = cluster_with(found, "Lee Morgan")
    assert lee is not None and any(lk.span.text == "She" for lk in lee.links)
    assert cluster_with(found, "He") is None


def test_hostile_text_gives_no_links_and_no_crash(read):
    _, found = read("Noise\n" + "He said he said. " * 50 + "\nIT SAID THEY WOULD. SHE DID.")
    assert all(lk.kind not in ("pronoun", "relative") for c in found for lk in c.links)


def test_no_person_no_invented_links(read):
    _, found = read("Weather\nIt rained in the hills.\nHe said it would rain again.\nThey stayed home.")
    assert all(lk.kind != "pronoun" for c in found for lk in c.links)


# -- the eval's pure parts ------------------------------------------------------------------------------------

def test_alignment_is_one_to_one_and_prefers_exact_spans():
    from dateline.evals.coref import GoldMention, align

    gold = (GoldMention("g1", 0, 5, (0, 5), "Kim X"), GoldMention("g2", 10, 20, (14, 20), "the leader"))
    ours = [(10, 20, (14, 20)), (0, 12, (6, 12)), (14, 20, (14, 20))]
    got = align(gold, ours)
    assert got[0] == "g2"  # exact span first
    assert got[1] == "g1"  # the gold head lies inside our span
    assert 2 not in got  # g2 is taken


def test_reading_the_gold_files(tmp_path):
    from dateline.evals.coref import read_docs

    text = "Ana Ruiz came . She spoke ."
    doc = {"doc_id": "d1", "text": text, "tokens": text.split(), "entity_mentions": [
        {"id": "m1", "start": 0, "end": 2}, {"id": "m2", "start": 4, "end": 5}]}
    (tmp_path / "coref").mkdir()
    (tmp_path / "dev.jsonl").write_text(json.dumps(doc) + "\n")
    (tmp_path / "coref" / "dev.jsonlines").write_text(json.dumps({"doc_key": "d1", "clusters": [["m1", "m2"]]}))
    (d,) = read_docs(tmp_path / "dev.jsonl")
    assert d.clusters == (("m1", "m2"),)
    assert [m.text for m in d.mentions] == ["Ana Ruiz", "She"] and d.mentions[0].head == (4, 8)
    (tmp_path / "coref" / "dev.jsonlines").write_text("not json\n")
    with pytest.raises(ValueError, match="not a clusters line"):
        read_docs(tmp_path / "dev.jsonl")


def test_scoring_one_document_end_to_end(nlp):
    from dateline.evals.coref import CorefDoc, GoldMention, mention_class, score_inputs
    from dateline.evals.coref_scores import coref_scores
    from dateline.model import Span
    from dateline.nlp.coref import Link

    text = "Maria Lopez came to Dale on Monday. She spoke to farmers there."
    doc = nlp(text)
    gold = (GoldMention("m1", 0, 11, (6, 11), "Maria Lopez"), GoldMention("m2", 36, 39, (36, 39), "She"),
            GoldMention("m3", 20, 24, (20, 24), "Dale"))
    cdoc = CorefDoc("d1", text, "2021-01-01", gold, (("m1", "m2"),))
    assert [mention_class(doc, m) for m in gold] == ["named", "pronominal", "named"]
    lopez, she = Span(start=0, end=11, text="Maria Lopez"), Span(start=36, end=39, text="She")
    ours = (Cluster("Maria Lopez", "PERSON", (Link(lopez, "name", "first name"),
                                              Link(she, "pronoun", "the only one", lopez))),)
    key, resp, nn_key, nn_resp, links = score_inputs(cdoc, doc, ours)
    assert coref_scores(key, resp)["conll_f1"] == pytest.approx(1.0)
    assert nn_key == [] and nn_resp == []  # without the pronoun no cluster of two is left
    assert links == [{"rule": "pronoun: the only", "right": True,
                      "line": "d1: pronoun 'She' -> 'Maria Lopez' (the only one)"}]


def test_a_thing_outside_the_sense_table_again_but_no_event_again(read):
    _, found = read("Kiel\nThieves broke into a pharmacy in Kiel on Monday night after an attack on a guard.\n"
                    "The owner said the pharmacy would open again on Friday.\n"
                    "Police said the attack was the third this year.")
    c = cluster_with(found, "the pharmacy")
    assert c is not None
    link = link_of(c, "the pharmacy")
    assert "the same noun 'pharmacy' again" in link.rule and link.antecedent.text == "a pharmacy"
    assert cluster_with(found, "the attack") is None  # an event named again may be another event


def test_a_noun_outside_the_table_under_a_possessive_is_left_alone(read):
    _, found = read("Dock strike\nThe dockers want a raise, and the union backs their demand.\n"
                    "Their pay has not risen since 2019, and their pay is now below the average.")
    assert cluster_with(found, "their pay") is None  # whose pay, in each clause, is not sure


def test_a_full_name_read_as_a_body_joins_its_surname_read_as_a_person():
    from dateline.model import Entity, Mention, Span
    from dateline.nlp.build import build_nlp

    nlp = build_nlp()
    text = "Doctors at the clinic, led by Ines Maria Okafor, asked for help. Okafor said supplies ran out."
    doc = nlp(text)

    def span(words: str, start: int = 0) -> Span:
        at = text.index(words, start)
        return Span(start=at, end=at + len(words), text=words)

    full = Entity(id="e1", name="Ines Maria Okafor", type="ORG", mentions=(Mention(span=span("Ines Maria Okafor")),))
    alone = Entity(id="e2", name="Okafor", type="PERSON",
                   mentions=(Mention(span=span("Okafor", text.index("Okafor said")), kind="short_name"),))
    found = clusters(doc, (full, alone))
    assert len(found) == 1
    c = found[0]
    assert c.type == "PERSON" and c.entity_id == "e2" and c.name == "Ines Maria Okafor"
    surname = link_of(c, "Okafor")
    assert surname.rule == "surname of Ines Maria Okafor" and surname.antecedent.text == "Ines Maria Okafor"
    assert "full name of the person Okafor" in link_of(c, "Ines Maria Okafor").rule


def test_a_body_whose_name_does_not_look_like_a_person_stays_apart():
    from dateline.model import Entity, Mention, Span
    from dateline.nlp.build import build_nlp

    nlp = build_nlp()
    text = "The Port of Okafor closed on Monday. Okafor said supplies ran out."
    doc = nlp(text)
    at = text.index("Okafor said")
    body = Entity(id="e1", name="Port of Okafor", type="FAC",
                  mentions=(Mention(span=Span(start=4, end=18, text="Port of Okafor")),))
    alone = Entity(id="e2", name="Okafor", type="PERSON", mentions=(Mention(span=Span(start=at, end=at + 6, text="Okafor")),))
    assert clusters(doc, (body, alone)) == ()


def test_the_country_is_the_one_the_article_names_most_whatever_adjectives_say(read):
    _, found = read("Andes\nPeru held a vote on Sunday. Peru counted ballots all night.\n"
                    "Chilean observers and Chilean reporters watched; Chile sent two more.\n"
                    "Peru thanked them.\n"
                    "Turnout was high.\n"
                    "Markets were calm.\n"
                    "Analysts said the country would need a new budget.")
    c = cluster_with(found, "the country")
    assert c is not None and c.name == "Peru"
    assert "own country" in link_of(c, "the country").rule


def test_the_man_goes_on_with_the_one_unnamed_suspect_nearby(read):
    _, found = read("Harbour fire\nPolice in Kiel are looking for a suspect after a fire at the harbour.\n"
                    "A camera filmed the suspect near the gate on Monday. The man then rode away on a bicycle.")
    c = cluster_with(found, "The man")
    assert c is not None and any(lk.span.text == "a suspect" for lk in c.links)
    link = link_of(c, "The man")
    assert "the one unnamed person described nearby" in link.rule and link.antecedent.text == "the suspect"


def test_no_link_where_two_unnamed_people_fit_or_the_sex_differs(read):
    _, found = read("Harbour fire\nPolice sought a suspect and a gunman after the fire.\n"
                    "Witnesses saw the suspect and the gunman near the gate. The attacker then rode away.")
    assert cluster_with(found, "The attacker") is None  # the suspect or the gunman: no guess
    _, found = read("Harbour fire\nA woman was seen near the gate. Later the woman left.\nThe man was never found.")
    assert cluster_with(found, "The man") is None  # "the man" is not "the woman"


def test_a_name_in_capitals_that_spells_a_longer_name_is_its_short_form():
    from dateline.model import Entity, Mention, Span
    from dateline.nlp.build import build_nlp

    text = "The Arnor Fishing League met in Dale. Later the AFL voted to strike, and the AFL won."
    doc = build_nlp()(text)

    def at(words: str, start: int = 0) -> Span:
        i = text.index(words, start)
        return Span(start=i, end=i + len(words), text=words)

    full = Entity(id="e1", name="Arnor Fishing League", type="ORG", mentions=(Mention(span=at("Arnor Fishing League")),))
    short = Entity(id="e2", name="AFL", type="ORG",
                   mentions=(Mention(span=at("AFL")), Mention(span=at("AFL", text.index("AFL") + 3))))
    place = Entity(id="e3", name="Dale", type="GPE", mentions=(Mention(span=at("Dale")),))
    found = clusters(doc, (full, short, place))
    assert len(found) == 1 and found[0].entity_id == "e1"
    first = link_of(found[0], "AFL")
    assert first.rule == "'AFL' is made of the initials of 'Arnor Fishing League'"
    assert first.antecedent.text == "Arnor Fishing League"
    assert link_of(found[0], "AFL", 1).rule == "the same name again"


def test_capitals_that_spell_no_name_or_two_names_stay_apart():
    from dateline.model import Entity, Mention, Span
    from dateline.nlp.build import build_nlp

    text = "Arnor Fishing League and Arnor Farmers League met. AFL members left."
    doc = build_nlp()(text)

    def at(words: str) -> Span:
        i = text.index(words)
        return Span(start=i, end=i + len(words), text=words)

    ents = (Entity(id="e1", name="Arnor Fishing League", type="ORG", mentions=(Mention(span=at("Arnor Fishing League")),)),
            Entity(id="e2", name="Arnor Farmers League", type="ORG", mentions=(Mention(span=at("Arnor Farmers League")),)),
            Entity(id="e3", name="AFL", type="ORG", mentions=(Mention(span=at("AFL")),)))
    assert clusters(doc, ents) == ()  # two longer names spell AFL: no guess


def test_a_name_the_tagger_missed_later_is_the_same_name_again():
    from dateline.model import Entity, Mention, Span
    from dateline.nlp.build import build_nlp

    text = "Protesters met on Calle Mayor at noon. By night Calle Mayor was empty, and Calle Mayor Norte too."
    doc = build_nlp()(text)
    for t in doc:
        t.ent_type_ = ""  # as if the tagger had found none of them: the entity below stands for its one find
    i = text.index("Calle Mayor")
    street = Entity(id="e1", name="Calle Mayor", type="FAC", mentions=(Mention(span=Span(start=i, end=i + 11,
                                                                                          text="Calle Mayor")),))
    found = clusters(doc, (street,))
    assert len(found) == 1
    again = [lk for lk in found[0].links if lk.rule == "the same name again, which the tagger missed"]
    assert [lk.span.start for lk in again] == [text.index("Calle Mayor", i + 1)]  # not the one in a longer name
    assert again[0].antecedent.text == "Calle Mayor"


def test_the_body_in_an_anti_or_pro_phrase_is_the_body_named_again(read):
    _, found = read("Dale\nThe government raised fuel prices on Monday.\n"
                    "Thousands joined anti-government marches, and pro-government groups held a rally.")
    c = cluster_with(found, "The government")
    assert c is not None
    words = [lk.span.text for lk in c.links]
    assert words.count("government") == 2, words  # the one after "anti-" and the one after "pro-"
    assert all("the same noun 'government' again" in lk.rule for lk in c.links if lk.span.text == "government")


def test_these_or_those_point_back_like_the(read):
    _, found = read("Dale\nThe ministry opened new clinics in Dale on Monday.\nNurses said that these clinics were short of beds.")
    c = cluster_with(found, "these clinics")
    assert c is not None and link_of(c, "these clinics").antecedent.text == "new clinics"


def test_a_one_word_place_the_tagger_missed_later_is_the_same_name_again():
    from dateline.model import Entity, Mention, Span
    from dateline.nlp.build import build_nlp

    text = "Floods hit Dalemoor on Monday. Rescuers reached Dalemoor by boat."
    doc = build_nlp()(text)
    for t in doc:
        t.ent_type_ = ""
    i = text.index("Dalemoor")
    town = Entity(id="e1", name="Dalemoor", type="GPE", mentions=(Mention(span=Span(start=i, end=i + 8, text="Dalemoor")),))
    found = clusters(doc, (town,))
    assert len(found) == 1
    again = link_of(found[0], "Dalemoor", 1)
    assert again.rule == "the same name again, which the tagger missed" and again.span.start == text.rindex("Dalemoor")
