"""events-wikievents: the KAIROS -> PLOVER table, gold offsets, and the one-to-one trigger and argument scores.

Documents here are made up in the WikiEvents layout; the scorers run without spaCy.
"""

from __future__ import annotations

import json
from collections import Counter

import pytest

from dateline.evals.wikievents import (
    PLACEHOLDER_DATE,
    GoldArg,
    GoldEvent,
    Mention,
    gold_doc,
    head_index,
    match_triggers,
    max_matching,
    mentions_of,
    published_from_id,
    read_docs,
    score_args,
    score_doc,
    token_offsets,
)
from dateline.model import ActorRef, Event, Evidence, Span
from dateline.ontology._text import DictionaryFormatError
from dateline.ontology.kairos import default_kairos_map, load_kairos_map

HEADER = "kairos\tplover\tmode\tactor_roles\trecipient_roles\n"


# -- the table ---------------------------------------------------------------------------------------------

def test_table_sides_follow_the_kairos_roles():
    m = default_kairos_map()
    assert m["Justice.ArrestJailDetain.Unspecified"].plover == "COERCE"
    assert m["Justice.ArrestJailDetain.Unspecified"].side("Jailer") == ("actor",)
    assert m["Justice.ArrestJailDetain.Unspecified"].side("Detainee") == ("recipient",)
    assert m["Conflict.Attack.DetonateExplode"].side("Target") == ("recipient",)
    assert m["Conflict.Attack.DetonateExplode"].side("Place") == ()
    assert m["Contact.Contact.Meet"].side("Participant") == ("actor", "recipient")
    assert m["Conflict.Attack.DetonateExplode"].mode == "explosives"
    # outcomes, statements and disasters have no PLOVER type
    for kairos in ("Life.Die.Unspecified", "Contact.Contact.Broadcast", "Disaster.FireExplosion.Unspecified"):
        assert kairos not in m
    # contact by an unstated means may be a talk (CONSULT) or a remark to anyone (no type): left out
    assert "Contact.Contact.Unspecified" not in m and m["Contact.Contact.Correspondence"].plover == "CONSULT"


@pytest.mark.parametrize("row, why", [
    ("Conflict.Attack\tASSAULT\t\tAttacker\tTarget\n", "not a KAIROS type"),
    ("Conflict.Attack.Unspecified\tFIGHT\t\tAttacker\tTarget\n", "not a PLOVER type"),
    ("Conflict.Attack.Unspecified\tASSAULT\tcatapult\tAttacker\tTarget\n", "not a mode of ASSAULT"),
    ("Conflict.Attack.Unspecified\tASSAULT\t\tAttacker\t\n", "needs both"),
])
def test_a_malformed_row_fails_with_its_line(row, why):
    with pytest.raises(DictionaryFormatError, match=f"mine.tsv:3: .*{why}"):
        load_kairos_map("mine.tsv", "# a comment\n" + HEADER + row)


def test_a_type_listed_twice_fails():
    row = "Conflict.Attack.Unspecified\tASSAULT\t\tAttacker\tTarget\n"
    with pytest.raises(DictionaryFormatError, match="listed twice"):
        load_kairos_map("mine.tsv", HEADER + row + row)


# -- reading the gold --------------------------------------------------------------------------------------

def test_token_offsets_follow_the_text():
    text = "Rebels shelled the port at dawn, officials said."
    tokens = ["Rebels", "shelled", "the", "port", "at", "dawn", ",", "officials", "said", "."]
    offs = token_offsets(tokens, text)
    assert [text[s:e] for s, e in offs] == tokens
    assert offs[6] == (31, 32)
    with pytest.raises(ValueError, match="token 2 'a'"):
        token_offsets(["Rebels", "shelled", "a", "port"], text)


def test_head_words():
    assert head_index(["the", "leader", "of", "the", "rebel", "group"]) == 1
    assert head_index(["Anna", "Berg", ",", "a", "lawyer"]) == 1
    assert head_index(["the", "harbour", "police"]) == 2
    assert head_index(["U", ".", "S", "."]) == 2
    assert head_index(["Norway", "'s"]) == 0
    assert head_index(["Norway", "’", "s"]) == 0


def test_published_date_from_the_id_or_a_placeholder():
    assert published_from_id("12_NEWS_2019.03.07.55") == "2019-03-07"
    assert published_from_id("harbour_story_4") == PLACEHOLDER_DATE


def _raw_doc() -> dict:
    # "Rebels shelled the port at dawn . The governor met the rebel commander later , and he died ."
    tokens = ["Rebels", "shelled", "the", "port", "at", "dawn", ".",
              "The", "governor", "met", "the", "rebel", "commander", "later", ",", "and", "he", "died", "."]
    text = "Rebels shelled the port at dawn.  The governor met the rebel commander later, and he died."
    mention = lambda i, s, e, sent: {"id": f"d-T{i}", "sent_idx": sent, "start": s, "end": e,
                                     "entity_type": "PER", "mention_type": "UNK", "text": " ".join(tokens[s:e])}
    return {
        "doc_id": "d", "tokens": tokens, "text": text,
        "entity_mentions": [mention(1, 0, 1, 0), mention(2, 2, 4, 0), mention(3, 7, 9, 1),
                            mention(4, 10, 13, 1), mention(5, 16, 17, 1)],
        "event_mentions": [
            {"id": "d-E1", "event_type": "Conflict.Attack.Unspecified",
             "trigger": {"start": 1, "end": 2, "text": "shelled", "sent_idx": 0},
             "arguments": [{"entity_id": "d-T1", "role": "Attacker", "text": "Rebels"},
                           {"entity_id": "d-T2", "role": "Target", "text": "the port"}]},
            {"id": "d-E2", "event_type": "Contact.Contact.Meet",
             "trigger": {"start": 9, "end": 10, "text": "met", "sent_idx": 1},
             "arguments": [{"entity_id": "d-T3", "role": "Participant", "text": "The governor"},
                           {"entity_id": "d-T5", "role": "Participant", "text": "he"}]},
            {"id": "d-E3", "event_type": "Life.Die.Unspecified",
             "trigger": {"start": 17, "end": 18, "text": "died", "sent_idx": 1},
             "arguments": [{"entity_id": "d-T5", "role": "Victim", "text": "he"}]},
        ],
    }


def test_gold_doc_offsets_roles_and_coreference():
    doc = gold_doc(_raw_doc(), [["d-T4", "d-T5"]], default_kairos_map())
    attack, meet, die = doc.events
    for ev in doc.events:
        assert doc.text[ev.start:ev.end] == ev.trigger
    assert (attack.plover, attack.mode, meet.plover, die.plover) == ("ASSAULT", None, "CONSULT", None)
    assert [(a.side, doc.text[slice(*a.head)]) for a in attack.args] == [("actor", "Rebels"), ("recipient", "port")]
    assert die.args == ()  # unmapped: not scored
    # a reciprocal role plays both sides; "he" is coreferent with "the rebel commander" in the same sentence
    he = [a for a in meet.args if a.mention == "d-T5"]
    assert {a.side for a in he} == {"actor", "recipient"}
    assert [doc.text[slice(*h)] for h in he[0].heads] == ["he", "commander"]


# -- scoring -------------------------------------------------------------------------------------------------

def _gold(plover, start, end, args=()):
    return GoldEvent("g", "K.K.K", plover, None, start, end, "x" * (end - start), tuple(args))


def test_maximum_matching_beats_greedy():
    # gold 0 could take either prediction, gold 1 only the first: both are matched
    ok = {(0, 0), (0, 1), (1, 0)}
    assert max_matching(2, 2, lambda i, j: (i, j) in ok) == [(0, 1), (1, 0)]


def test_two_predictions_on_one_gold_event_score_one_hit():
    gold = [_gold("ASSAULT", 10, 16)]
    pred = [Mention("ASSAULT", 5, 16, "car bomb"), Mention("ASSAULT", 10, 16, "bomb")]
    c = score_doc_simple(gold, pred)
    assert c["trigger"] == Counter(tp=1, fp=1, fn=0)


def test_our_trigger_matches_by_its_head_word_inside_the_gold_span():
    gold = [_gold("ASSAULT", 30, 37)]  # "attacks"
    # "blew up" from its head: matched; "launched a series of attacks" only reaches into the gold word
    assert match_triggers(gold, [Mention("ASSAULT", 30, 40, "attacks on")]) == [(0, 0)]
    assert match_triggers(gold, [Mention("ASSAULT", 10, 37, "launched a series of attacks")]) == []
    assert match_triggers([_gold("ASSAULT", 10, 21)], [Mention("ASSAULT", 10, 14, "blew")]) == [(0, 0)]


def test_every_prediction_of_a_scored_type_counts_even_on_an_unmapped_gold_trigger():
    gold = [_gold(None, 0, 6)]  # "killed", KAIROS Life.Die: not scored
    c = score_doc_simple(gold, [Mention("ASSAULT", 0, 6, "killed")])
    assert c["trigger"] == Counter(tp=0, fp=1, fn=0)
    assert c["other"]["pred_on_unmapped_gold"] == 1 and c["other"]["left_out_gold"] == 1


def test_a_wrong_type_on_the_right_trigger_counts_only_for_identification():
    gold = [_gold("PROTEST", 0, 5)]
    pred = [Mention("ASSAULT", 0, 5, "clash")]
    assert match_triggers(gold, pred) == []
    assert match_triggers(gold, pred, typed=False) == [(0, 0)]
    c = score_doc_simple(gold, pred)
    assert c["trigger"] == Counter(tp=0, fp=1, fn=1) and c["trigger_id"] == Counter(tp=1, fp=0, fn=0)


def test_predictions_of_types_kairos_cannot_judge_stay_out_of_precision():
    gold = [_gold("ASSAULT", 0, 5), _gold(None, 20, 24)]
    pred = [Mention("ASSAULT", 0, 5, "raid"), Mention("SUPPORT", 8, 14, "praise"),
            Mention("ASSAULT", 20, 24, "died")]
    c = score_doc_simple(gold, pred)
    assert c["trigger"] == Counter(tp=1, fp=1, fn=0)
    assert c["other"] == Counter(left_out_gold=1, unjudged_pred=1, pred_on_unmapped_gold=1)


def test_argument_needs_the_event_the_side_and_the_head():
    rebels, port, fort = (0, 6), (19, 23), (40, 44)
    gold = [_gold("ASSAULT", 7, 14, [GoldArg("actor", "m1", rebels, (rebels,)),
                                     GoldArg("recipient", "m2", port, (port,))])]
    # the actor span holds the head; the recipient is the wrong phrase
    pred = [Mention("ASSAULT", 7, 14, "shelled", actors=((0, 6),), recipients=(fort,))]
    assert score_args(gold, pred, "actor") == Counter(tp=1, fp=0, fn=0)
    assert score_args(gold, pred, "recipient") == Counter(tp=0, fp=1, fn=1)
    # the same spans on an event of another type, or on another trigger, are false positives
    for other in (Mention("PROTEST", 7, 14, "x", actors=((0, 6),)), Mention("ASSAULT", 30, 35, "x", actors=((0, 6),))):
        assert score_args(gold, [other], "actor") == Counter(tp=0, fp=1, fn=1)


def test_a_coreferent_mention_counts_unless_only_the_annotated_one_does():
    he, commander = (60, 62), (30, 39)
    gold = [_gold("CONSULT", 50, 53, [GoldArg("recipient", "m5", he, (he, commander))])]
    pred = [Mention("CONSULT", 50, 53, "met", recipients=((20, 39),))]
    assert score_args(gold, pred, "recipient")["tp"] == 1
    assert score_args(gold, pred, "recipient", mention_only=True) == Counter(tp=0, fp=1, fn=1)


def test_events_on_one_trigger_with_one_type_are_one_mention():
    text = "Anna Berg and Omar Lind met on Tuesday."
    span = lambda s, e: Span(start=s, end=e, text=text[s:e])
    anna, omar, met = span(0, 9), span(14, 23), span(24, 27)

    def event(a: Span, b: Span) -> Event:
        return Event(id=a.text, article_id="a", type="CONSULT", actor=ActorRef(text=a.text, name=a.text, span=a),
                     recipient=ActorRef(text=b.text, name=b.text, span=b),
                     evidence=Evidence(sentence=span(0, len(text)), trigger=met, rule="r"))

    (m,) = mentions_of([event(anna, omar), event(omar, anna)])
    assert (m.type, m.start, m.end, m.trigger) == ("CONSULT", 24, 27, "met")
    assert m.actors == ((0, 9), (14, 23)) and m.recipients == ((14, 23), (0, 9))


def score_doc_simple(gold, pred):
    from dateline.evals.wikievents import WikiDoc

    doc = WikiDoc("d", " " * 100, PLACEHOLDER_DATE, tuple(gold))
    return score_doc(doc, pred, {m.plover for m in default_kairos_map().values()})


# -- the whole task on a made-up article ------------------------------------------------------------------

def _write(tmp_path) -> object:
    path = tmp_path / "dev.jsonl"
    path.write_text(json.dumps(_raw_doc()) + "\n", encoding="utf-8")
    (tmp_path / "coref").mkdir()
    (tmp_path / "coref" / "dev.jsonlines").write_text(
        json.dumps({"doc_key": "d", "clusters": [["d-T4", "d-T5"]]}) + "\n", encoding="utf-8")
    return path


def test_read_docs_takes_coreference_from_beside_the_file(tmp_path):
    (doc,) = read_docs(_write(tmp_path))
    he = [a for a in doc.events[1].args if a.mention == "d-T5"][0]
    assert [doc.text[slice(*h)] for h in he.heads] == ["he", "commander"]


def test_run_scores_a_made_up_article(tmp_path):
    from dateline.evals import run_task

    r = run_task("events-wikievents", _write(tmp_path))
    assert r.n == 2 and r.metrics["left_out_gold"] == 1 and r.details["documents"] == 1
    # "Rebels shelled the port" is as plain an assault as news has, with its actor
    assert r.details["per_type"]["ASSAULT"]["tp"] == 1 and r.metrics["agent_precision"] > 0
