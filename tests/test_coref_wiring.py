"""Coreference wired into event sides and quote speakers (``nlp.coref_chains``, ``nlp.events.chains``).

Sentences of our own: a pronoun, a surname, a role noun or a title takes the named entity of its chain,
with the rule kept on the record; when two people fit, nothing is linked.
"""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.model import ArticleAnalysis, Event
from dateline.pipeline import analyze


def analysed(*paragraphs: str, title: str = "Talks") -> ArticleAnalysis:
    art = make_article(title=title, paragraphs=list(paragraphs), published="2019-01-08")
    (a,) = analyze([art])
    return a


def on(a: ArticleAnalysis, word: str) -> Event:
    got = [e for e in a.events if e.evidence.trigger.text == word]
    assert got, f"no event on {word!r} among {[e.evidence.trigger.text for e in a.events]}"
    return got[0]


def test_a_title_before_a_name_makes_the_person_the_actor_with_the_title_country():
    a = analysed("Egypt's foreign minister, Sameh Karim, met Jordanian officials in Amman on Monday.")
    e = on(a, "met")
    assert e.actor.name == "Sameh Karim"
    assert (e.actor.country, e.actor.sector) == ("EGY", "GOV")


def test_a_surname_and_a_role_noun_after_the_full_name_are_that_person():
    a = analysed("Egypt's foreign minister, Sameh Karim, met Jordanian officials in Amman on Monday.",
                 "Karim later criticized Israel over the talks.",
                 "The minister also praised Saudi Arabia for its help.")
    for word in ("criticized", "praised"):
        e = on(a, word)
        assert e.actor.name == "Sameh Karim", word
        assert (e.actor.country, e.actor.sector) == ("EGY", "GOV"), word
    assert on(a, "praised").actor.text == "The minister"


def test_a_role_noun_from_an_apposition_is_bound_through_the_chain_only():
    """The entity extractor does not know "the diplomat"; coreference binds it through "Karim, a veteran
    diplomat", and the side takes the person's country and sector."""
    a = analysed("Egypt's foreign minister, Sameh Karim, met Jordanian officials in Amman on Monday.",
                 "Karim, a veteran diplomat, later criticized Israel.",
                 "The diplomat also praised Saudi Arabia.")
    e = on(a, "praised")
    assert (e.actor.text, e.actor.name, e.actor.country, e.actor.sector) == \
        ("The diplomat", "Sameh Karim", "EGY", "GOV")
    assert "'diplomat' is the office of Sameh Karim" in e.actor.coref
    assert e.actor.coding.startswith("'The diplomat' read as Sameh Karim through coreference (nominal)")


def test_a_pronoun_actor_takes_the_person_of_its_chain():
    a = analysed("Chancellor Ines Berger met Mr. Paul Okafor in Berlin on Monday. Later she thanked Kenya.")
    e = on(a, "thanked")
    assert (e.actor.text, e.actor.name, e.actor.sector) == ("she", "Ines Berger", "GOV")
    assert e.actor.coref.startswith("'she' -> Ines Berger (pronoun")


def test_a_pronoun_speaker_is_the_person_of_its_gender_in_the_paragraph():
    a = analysed("Chancellor Ines Berger met Mr. Paul Okafor in Berlin on Monday, and her office said she "
                 "thanked him for the visit.",
                 '"The talks were useful," she said.')
    q = next(q for q in a.quotes if q.content.text.startswith("The talks"))
    assert q.speaker_name == "Ines Berger"
    assert q.coref and "she" in q.coref.lower()


def test_two_people_who_fit_equally_give_no_link():
    a = analysed("The prize went to Paul Okafor and Tom Reyes on Monday.",
                 "He later praised Kenya for its support.")
    for e in a.events:
        for side in (e.actor, e.recipient):
            if side is not None and side.text == "He":
                assert side.name not in ("Paul Okafor", "Tom Reyes")
                assert not side.coref


def test_explain_and_show_give_the_rule_of_the_link():
    from dateline.cli.render import coref_lines
    from dateline.nlp.events.explain import explain_lines

    a = analysed("Egypt's foreign minister, Sameh Karim, met Jordanian officials in Amman on Monday.",
                 "Karim, a veteran diplomat, later criticized Israel.",
                 "The diplomat also praised Saudi Arabia.")
    e = on(a, "praised")
    lines = explain_lines(e)
    chain = [ln for ln in lines if ln.strip().startswith("chain:")]
    assert chain and "'The diplomat' -> Sameh Karim" in chain[0] and "office" in chain[0]
    shown = coref_lines(a)
    assert any(ln.startswith(f"event {e.id} actor: 'The diplomat' -> Sameh Karim") for ln in shown)


def test_the_link_is_kept_in_the_stored_record():
    from dateline.model import dumps, loads

    a = analysed("Chancellor Ines Berger met Mr. Paul Okafor in Berlin on Monday. Later she thanked Kenya.")
    e = on(a, "thanked")
    back = loads(Event, dumps(e))
    assert back.actor.coref == e.actor.coref != ""


def test_fifty_pronouns_and_no_named_person_crash_nothing_and_link_nothing():
    a = analysed(" ".join(["He said she told them he knew it."] * 10), '"We will see," he said.')
    assert not [err for err in a.errors if err.code == "extractor_failed"]
    for q in a.quotes:
        assert q.speaker_entity_id is None and not q.coref
    for e in a.events:
        for side in (e.actor, e.recipient):
            assert side is None or not side.coref


def test_pronouns_past_the_cap_stay_unlinked_and_the_reason_is_kept(nlp):
    from dateline.nlp.coref_chains import Chains
    from dateline.nlp.coref_pronouns import MAX_PRONOUNS
    from dateline.nlp.entities import extract_entities
    from dateline.nlp.context import Context
    from dateline.nlp.resources import default_resources

    text = "Ines Berger arrived in Berlin. " + "She smiled. " * (MAX_PRONOUNS + 20)
    art = make_article(title="Visit", paragraphs=[text], published="2019-01-08")
    ctx = Context(doc=nlp(art.text), article=art, resources=default_resources())
    ctx.entities = extract_entities(ctx)
    chains = Chains(ctx.doc, ctx.entities, ctx.resources, ctx)
    shes = [t for t in ctx.doc if t.lower_ == "she"]
    assert chains.link(shes[0]) is not None
    assert chains.link(shes[-1]) is None
    assert [e.code for e in ctx.notes["errors"]] == ["coref_capped"]
