"""events-args: reading the token-per-line gold, and turning our events into the gold's tags.

Sentences here are made up; the scorer runs without spaCy.
"""

from __future__ import annotations

from dataclasses import replace

from dateline.evals.conflibert import detokenize, main_trigger_events, merge_conjuncts, predicted_spans, read_args
from dateline.model import ActorRef, Event, Evidence, Span


def _span(text: str, words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


def _event(text: str, trigger: str, actor: str | None, recipient: str | None, cameo: str) -> Event:
    side = lambda w: None if w is None else ActorRef(text=w, name=w, span=_span(text, w))
    return Event(id=f"{actor}-{recipient}-{cameo}", article_id="a", type="T", cameo=cameo,
                 actor=side(actor) or ActorRef(text="", name="(unknown)"), recipient=side(recipient),
                 evidence=Evidence(sentence=Span(start=0, end=len(text), text=text),
                                   trigger=_span(text, trigger), rule="r"))


def _roles(text: str, spans) -> set[tuple[str, str]]:
    return {(role, text[s:e]) for role, s, e in spans}


def test_tokens_are_read_into_text_and_character_spans(tmp_path):
    gold = tmp_path / "g.txt"
    gold.write_text("The O\nArnor B-S\nnavy I-S\nshelled O\nthe B-T\nport I-T\n( I-T\nNP I-T\n) I-T\n. O\n\n"
                    "Gondor B-R\nand I-R\nRohan I-R\nmet O\n. O\n", encoding="utf-8")
    first, second = read_args(gold)
    assert first.text == "The Arnor navy shelled the port (NP)."
    assert _roles(first.text, first.spans) == {("S", "Arnor navy"), ("T", "the port (NP)")}
    assert _roles(second.text, second.spans) == {("R", "Gondor and Rohan")}


def test_detokenize_keeps_offsets_of_each_token():
    text, offs = detokenize(["Rohan", "'s", "king", ",", "Theoden", "(", "R", ")"])
    assert text == "Rohan's king, Theoden (R)"
    assert [text[s:e] for s, e in offs] == ["Rohan", "'s", "king", ",", "Theoden", "(", "R", ")"]


def test_detokenize_joins_words_split_at_apostrophes_and_hyphens():
    tokens = ["Gondor", "’", "s", "orc", "-", "held", "fort", "-", "-", "a", "ruin", "-"]
    text, offs = detokenize(tokens)
    assert text == "Gondor’s orc-held fort - - a ruin -"
    assert [text[s:e] for s, e in offs] == tokens
    assert detokenize(["Jos", "é", "Pe", "ñ", "a", "left"])[0] == "José Peña left"
    assert detokenize(["Jos", "é", "Ruiz"])[0] == "José Ruiz"


def test_a_one_way_act_gives_source_and_target():
    text = "The Arnor navy shelled the port of Dale."
    ev = _event(text, "shelled", "The Arnor navy", "the port of Dale", "195")
    assert _roles(text, predicted_spans([ev], text)) == {("S", "The Arnor navy"), ("T", "the port of Dale")}


def test_talks_mark_both_parties_reciprocal():
    text = "The mayor of Dale held talks with the Rohan envoy."
    ev = _event(text, "held", "The mayor of Dale", "the Rohan envoy", "040")
    assert _roles(text, predicted_spans([ev], text)) == {("R", "The mayor of Dale"), ("R", "the Rohan envoy")}


def test_a_mediator_and_the_sides_it_goes_between_stay_source_and_target():
    text = "Dale launched a mediation between Arnor and Gondor."
    evs = [_event(text, "mediation", "Dale", "Arnor", "045"), _event(text, "mediation", "Dale", "Gondor", "045")]
    assert _roles(text, predicted_spans(evs, text)) == {("S", "Dale"), ("T", "Arnor"), ("T", "Gondor")}


def test_an_intent_to_meet_stays_one_way():
    text = "The mayor of Dale will meet the Rohan envoy."
    ev = _event(text, "meet", "The mayor of Dale", "the Rohan envoy", "036")
    assert _roles(text, predicted_spans([ev], text)) == {("S", "The mayor of Dale"), ("T", "the Rohan envoy")}


def test_coordinated_parties_acting_on_each_other_are_one_reciprocal_phrase():
    text = "Gondor and the Rohan council agreed to share grain."
    evs = [_event(text, "agreed", "Gondor", "the Rohan council", "030"),
           _event(text, "agreed", "the Rohan council", "Gondor", "030")]
    assert _roles(text, predicted_spans(evs, text)) == {("R", "Gondor and the Rohan council")}


def test_reciprocal_parties_apart_in_the_text_stay_apart():
    text = "Gondor signed a pact with Rohan."
    ev = _event(text, "signed", "Gondor", "Rohan", "057")
    assert _roles(text, predicted_spans([ev], text)) == {("R", "Gondor"), ("R", "Rohan")}


def test_coordinated_sources_of_a_one_way_act_stay_apart():
    text = "Gondor and Rohan condemned the raid by the Dunlendings."
    evs = [_event(text, "condemned", "Gondor", "the Dunlendings", "122"),
           _event(text, "condemned", "Rohan", "the Dunlendings", "122")]
    assert _roles(text, predicted_spans(evs, text)) == {("S", "Gondor"), ("S", "Rohan"), ("T", "the Dunlendings")}


def test_reversal_counts_within_one_trigger_only():
    # Gondor is the actor of one act and the recipient of another: two roles, no reciprocal
    text = "Gondor attacked Rohan and Rohan then shelled Gondor."
    evs = [_event(text, "attacked", "Gondor", "Rohan", "190"),
           Event(id="2", article_id="a", type="T", cameo="195",
                 actor=ActorRef(text="Rohan", name="Rohan", span=_span(text, "Rohan", 1)),
                 recipient=ActorRef(text="Gondor", name="Gondor", span=_span(text, "Gondor", 1)),
                 evidence=Evidence(sentence=Span(start=0, end=len(text), text=text),
                                   trigger=_span(text, "shelled"), rule="r"))]
    got = predicted_spans(evs, text)
    assert {r for r, _, _ in got} == {"S", "T"} and len(got) == 4


def test_an_unknown_actor_marks_nothing():
    text = "A bomb killed three herders."
    ev = _event(text, "killed", None, "three herders", "190")
    assert _roles(text, predicted_spans([ev], text)) == {("T", "three herders")}


def test_merge_conjuncts_joins_overlaps_and_conjunctions_only():
    text = "Arnor, Dale and Rohan met Gondor"
    a, d, r, g = (_span(text, w) for w in ("Arnor", "Dale", "Rohan", "Gondor"))
    spans = {(a.start, a.end), (d.start, d.end), (r.start, r.end), (g.start, g.end)}
    assert [text[s:e] for s, e in merge_conjuncts(spans, text)] == ["Arnor, Dale and Rohan", "Gondor"]
    nested = {(0, 15), (7, 15)}  # a phrase and a part of it: one phrase, whatever stands around them
    assert merge_conjuncts(nested, "") == [(0, 15)]
    assert len(merge_conjuncts(spans, "")) == 4  # no text: conjunctions are not looked for


def test_a_pronoun_is_tagged_on_the_phrase_it_stands_for_in_the_sentence():
    text = "The Rohan council said it would expel the envoy."
    ev = _event(text, "expel", "it", "the envoy", "166")
    named = _span(text, "The Rohan council")
    ev = replace(ev, actor=replace(ev.actor, refers_to=named))
    assert _roles(text, predicted_spans([ev], text)) == {("S", "The Rohan council"), ("T", "the envoy")}
    far = Span(start=200, end=217, text="The Rohan council")  # named in another sentence: the pronoun stays
    ev = replace(ev, actor=replace(ev.actor, refers_to=far))
    assert _roles(text, predicted_spans([ev], text)) == {("S", "it"), ("T", "the envoy")}


def test_only_the_main_events_trigger_is_scored():
    # the sentence is the example of one act: the killing it leads to is another act, not scored
    text = "Rebels attacked the base, killing ten guards."
    attack = replace(_event(text, "attacked", "Rebels", "the base", "190"), confidence=0.9)
    killing = replace(_event(text, "killing", "Rebels", "ten guards", "190"), confidence=0.6)
    assert main_trigger_events([killing, attack]) == [attack]
    both = [replace(attack, id="x", actor=attack.recipient, recipient=attack.actor), attack, killing]
    assert main_trigger_events(both) == both[:2]  # every event read off the main trigger counts
    uncoded = replace(killing, cameo=None)
    assert main_trigger_events([uncoded]) == [uncoded]  # no CAMEO class anywhere: all count
