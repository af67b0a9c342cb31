"""Cross-document event coreference: the clustering on hand-built mentions, the ECB+ reader on a small
corpus of our own sentences, and the task on ECB+ dev when ../shared has it."""

from collections import Counter

import pytest

from conftest import shared_path
from dateline.evals.xdoc import (align, by_topic, detokenize, gold_partition, lemma_clusters, mentions_path,
                                 read_corpus, read_mentions)
from dateline.xdoc import DocProfile, EventMention, Weights, cluster_mentions, subtopics
from dateline.xdoc.cluster import lexical
from dateline.xdoc.lexicon import event_groups, family, stem
from dateline.xdoc.subtopics import average_linkage


def test_word_families_and_groups():
    assert stem("nomination") == stem("nominee") == stem("nominate")
    assert stem("arrested") == "arrest"
    assert family("killing") == family("death") == family("dead")
    assert family("gun down") == family("shooting")
    assert stem("nominated") == stem("nominates") == stem("nominate")
    # "fire" names a shooting, a dismissal and a blaze: each sense is in its own group
    assert family("fire:shoot") == family("shoot")
    assert family("fire:dismiss") == family("sack")
    assert family("fire:blaze") != family("fire:shoot")
    assert family("wedding") != family("shooting")
    assert all(g == g.strip() and g for g in event_groups().values())


def _profile(doc, group, words, names=()):
    return DocProfile(id=doc, group=group, words=Counter(words.split()), names=Counter(names))


def _m(mid, doc, lemma, names=()):
    return EventMention(id=mid, doc=doc, lemma=lemma, names=frozenset(names))


# two stories of one collection: a quake in one town, a quake in another; plus a third, unrelated kind
PROFILES = [
    _profile("a1", "t", "quake town roof collapse hospital", ["alderton"]),
    _profile("a2", "t", "quake town roof collapse school", ["alderton"]),
    _profile("b1", "t", "quake village bridge fall river", ["brimley"]),
    _profile("b2", "t", "quake village bridge fall ferry", ["brimley"]),
    _profile("c1", "u", "quake town roof collapse hospital", ["alderton"]),
]


def test_subtopics_separate_two_occurrences_of_one_kind():
    groups = sorted(sorted(g) for g in subtopics(PROFILES, threshold=0.1))
    assert groups == [["a1", "a2"], ["b1", "b2"], ["c1"]]  # c1 is in another collection


def test_mentions_join_within_a_story_and_not_across():
    mentions = [_m(1, "a1", "earthquake"), _m(2, "a2", "quake"), _m(3, "b1", "earthquake"),
                _m(4, "b2", "temblor"), _m(5, "a1", "collapse"), _m(6, "a2", "collapse"), _m(7, "c1", "quake")]
    got = sorted(sorted(c) for c in cluster_mentions(mentions, PROFILES))
    assert got == [[1, 2], [3, 4], [5, 6], [7]]


def test_same_word_in_one_document_joins_but_unrelated_words_never_do():
    profiles = [_profile("d", "t", "fire coach season")]
    got = sorted(sorted(c) for c in cluster_mentions([_m(1, "d", "fire"), _m(2, "d", "fire"), _m(3, "d", "hire")],
                                                     profiles))
    assert got == [[1, 2], [3]]
    assert lexical(_m(1, "d", "fire"), _m(2, "d", "shoot")) == 0.0


@pytest.mark.parametrize("sentence, sense", [
    ("The club fired its coach on Monday.", "fire:dismiss"),
    ("The coach was fired on Monday.", "fire:dismiss"),
    ("The gunman fired shots into the hall.", "fire:shoot"),
    ("Soldiers fired at the crowd.", "fire:shoot"),
])
def test_the_sense_of_fire(nlp, sentence, sense):
    from dateline.xdoc.features import trigger_lemma

    doc = nlp(sentence)
    (tok,) = [t for t in doc if t.lower_ == "fired"]
    assert trigger_lemma(doc[tok.i:tok.i + 1]) == sense


def test_the_agent_of_a_trigger(nlp):
    from dateline.xdoc.features import mention_from_span

    doc = nlp("Police said the driver was arrested, according to Smith.")
    said = mention_from_span(1, "d", doc[1:2])
    assert said.lemma == "say" and said.agent == "police"
    assert mention_from_span(2, "d", doc[7:8]).agent == "smith"


def test_reports_of_saying_join_across_documents_only_with_one_speaker():
    profiles = [_profile("a1", "t", "quake town roof"), _profile("a2", "t", "quake town roof")]
    same = [EventMention(1, "a1", "say", agent="police"), EventMention(2, "a2", "say", agent="police")]
    other = [EventMention(1, "a1", "say", agent="police"), EventMention(2, "a2", "say", agent="mayor")]
    assert len(cluster_mentions(same, profiles)) == 1
    assert len(cluster_mentions(other, profiles)) == 2


def test_a_mention_without_a_profile_is_an_error():
    with pytest.raises(ValueError, match="no document profile"):
        cluster_mentions([_m(1, "zz", "quake")], PROFILES)


def test_threshold_controls_cross_document_joins():
    mentions = [_m(1, "a1", "quake"), _m(2, "b1", "quake")]
    assert len(cluster_mentions(mentions, PROFILES, Weights(threshold=0.99))) == 2
    # with every document treated alike, one word is one event
    assert len(cluster_mentions(mentions, PROFILES, Weights(threshold=0.5, doc_floor=1.0))) == 1


def test_average_linkage_keeps_a_weak_link_out():
    sim = [[1, 0.9, 0.0], [0.9, 1, 0.3], [0.0, 0.3, 1]]
    assert sorted(map(sorted, average_linkage(sim, 0.2))) == [[0, 1], [2]]  # mean(0.0, 0.3) < 0.2
    assert sorted(map(sorted, average_linkage(sim, 0.1))) == [[0, 1, 2]]


# -- the ECB+ reader, on a corpus of our own ------------------------------------------------------------------

CORPUS = """\
7_1ecb\t0\t0\tThe\t-
7_1ecb\t0\t1\tmayor\tHUM1
7_1ecb\t0\t2\tresigned\tACT1
7_1ecb\t0\t3\t,\t-
7_1ecb\t0\t4\taides\tHUM2
7_1ecb\t0\t5\tsaid\tACT2
7_1ecb\t0\t6\t.\t-
7_1ecb\t2\t0\tHe\t-
7_1ecb\t2\t1\tquit\tACT1
7_1ecb\t2\t2\t(\t-
7_1ecb\t2\t3\tagain\t-
7_1ecb\t2\t4\t)\t-
7_1ecb\t2\t5\t.\t-
8_1ecbplus\t0\t0\tRain\t-
8_1ecbplus\t0\t1\tfell\tACT3
"""

MENTIONS = """[
 {"doc_id": "7_1ecb", "sent_id": 0, "tokens_number": [2], "coref_chain": "ACT1", "tokens_str": "resigned"},
 {"doc_id": "7_1ecb", "sent_id": 0, "tokens_number": [5], "coref_chain": "ACT2", "tokens_str": "said"},
 {"doc_id": "7_1ecb", "sent_id": 2, "tokens_number": [1], "coref_chain": "ACT1", "tokens_str": "quit"},
 {"doc_id": "8_1ecbplus", "sent_id": 0, "tokens_number": [1], "coref_chain": "ACT3", "tokens_str": "fell"}
]"""


@pytest.fixture
def corpus(tmp_path):
    path = tmp_path / "ECB_Mini_corpus.txt"
    path.write_text(CORPUS)
    (tmp_path / "ECB_Mini_Event_gold_mentions.json").write_text(MENTIONS)
    return path


def test_reader_and_detokenizer(corpus):
    docs = read_corpus(corpus)
    assert set(docs) == {"7_1ecb", "8_1ecbplus"}
    assert docs["7_1ecb"].topic == "7"
    text, spans = detokenize(docs["7_1ecb"])
    assert text == "The mayor resigned, aides said.\nHe quit (again)."
    start, end = spans[2, 1]
    assert text[start:end] == "quit"
    gold = read_mentions(mentions_path(corpus))
    assert sorted(map(sorted, gold_partition(gold))) == [
        [("7_1ecb", 0, (2,)), ("7_1ecb", 2, (1,))], [("7_1ecb", 0, (5,))], [("8_1ecbplus", 0, (1,))]]


def test_reader_errors(tmp_path, corpus):
    with pytest.raises(ValueError, match="named like"):
        mentions_path(tmp_path / "mentions.txt")
    with pytest.raises(FileNotFoundError, match="no gold event mentions"):
        mentions_path(tmp_path / "ECB_Other_corpus.txt")
    bad = tmp_path / "ECB_Bad_corpus.txt"
    bad.write_text("7_1ecb\t0\t1\tThe\t-\n")
    with pytest.raises(ValueError, match="out of order"):
        read_corpus(bad)
    (tmp_path / "ECB_Bad_Event_gold_mentions.json").write_text('[{"doc": 1}]')
    with pytest.raises(ValueError, match="not an ECB"):
        read_mentions(mentions_path(bad))


def test_lemma_baseline_and_topic_cut():
    ms = [_m(("1_1ecb", 0, (1,)), "1_1ecb", "quake"), _m(("1_2ecb", 0, (1,)), "1_2ecb", "quake"),
          _m(("2_1ecb", 0, (1,)), "2_1ecb", "quake")]
    assert sorted(map(len, lemma_clusters(ms))) == [1, 2]
    assert sorted(map(len, by_topic([[m.id for m in ms]]))) == [1, 2]


def test_align_renames_overlapping_triggers_once(corpus, nlp):
    from dateline.evals.xdoc import parse_docs

    doc = read_corpus(corpus)["7_1ecb"]
    (p,) = parse_docs([doc], nlp)
    gold = [("7_1ecb", 0, (2,)), ("7_1ecb", 0, (5,))]
    s, e = p.char_span(gold[0])
    found = [_m(("7_1ecb", -1, (s, e)), "7_1ecb", "resign"), _m(("7_1ecb", -1, (s, e + 1)), "7_1ecb", "resign"),
             _m(("7_1ecb", -1, (0, 3)), "7_1ecb", "the")]
    ids = [m.id for m in align(p, gold, found)]
    assert ids[0] == gold[0] or ids[1] == gold[0]
    assert ids.count(gold[0]) == 1  # one gold mention stands for one trigger only
    assert ids[2] == ("7_1ecb", -1, (0, 3))  # a trigger on no gold mention is one the key lacks


# -- ECB+ dev ----------------------------------------------------------------------------------------------------

def test_reads_ecbplus_dev():
    path = shared_path("eval", "xdoc", "ecbplus", "cybulska_setup", "ECB_Dev_corpus.txt")
    docs = read_corpus(path)
    gold = read_mentions(mentions_path(path))
    assert len(docs) == 196 and len(gold) == 1245
    assert {d.topic for d in docs.values()} == {"2", "5", "12", "18", "21", "23", "34", "35"}
    assert {g.doc for g in gold} <= set(docs)


@pytest.mark.slow
def test_xdoc_beats_the_lemma_baseline_on_the_tune_half():
    from dateline.evals import run_task

    path = shared_path("eval", "xdoc", "ecbplus", "cybulska_setup", "ECB_Dev_corpus.txt")
    m = run_task("xdoc", path, split="tune", end_to_end=False).metrics
    assert m["conll_f1"] > m["lemma_conll_f1"] + 0.03


def test_coded_events_of_two_reports_join_and_a_third_story_stays_apart(nlp):
    from dateline.model import Article
    from dateline.model.ids import article_id
    from dateline.nlp.resources import default_resources
    from dateline.pipeline import analyze_doc, default_extractors
    from dateline.xdoc import doc_profile, event_mentions

    texts = {
        "r1": "Police arrest Mayor Ana Ruiz in Springfield\n"
              "Police in Springfield arrested Mayor Ana Ruiz on Monday on bribery charges.",
        "r2": "Springfield mayor Ana Ruiz arrested\n"
              "Officers arrested Ana Ruiz, the mayor of Springfield, on Monday, police said.",
        "r3": "Border guards detain fishermen\n"
              "Border guards in Norland detained twelve fishermen off the coast of Estra on Friday.",
    }
    mentions, profiles = [], []
    for key, text in texts.items():
        doc = nlp(text)
        a = analyze_doc(doc, Article(id=article_id(text), text=text, published="2024-03-05"),
                        extractors=default_extractors(), resources=default_resources(), provenance={}, nlp=nlp)
        mentions += event_mentions(a.events, doc, key)
        profiles.append(doc_profile(key, doc, "day"))
    assert {m.doc for m in mentions} == {"r1", "r2", "r3"}
    assert all(texts[m.doc][m.id[1]:m.id[2]] in ("arrested", "detained") for m in mentions)
    docs_of = sorted(sorted({i[0] for i in c}) for c in cluster_mentions(mentions, profiles))
    assert docs_of == [["r1", "r2"], ["r3"]]
