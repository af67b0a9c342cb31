"""Summaries and the two eval readers/scorers (ROUGE, PolNeAR BRAT) on small hand-made inputs."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.evals.summaries import lcs, rouge, rouge_n, tokenize


def summary_of(nlp, title: str, paragraphs: list[str], standfirst: str = ""):
    from dateline.ingest.article import Defaults, make_article
    from dateline.nlp.context import Context
    from dateline.nlp.summary import summarize

    a = make_article(title=title, standfirst=standfirst, paragraphs=paragraphs, defaults=Defaults(require_date=False))
    s = summarize(Context(doc=nlp(a.text), article=a, resources=None))
    for span in s.sentences:
        assert a.text[span.start:span.end] == span.text
    return a, s


BODY = [
    "North Korean leader Kim Jong Un arrived in Beijing on Tuesday for his fourth visit to China in a year.",
    "Chinese state media said Kim came at the invitation of President Xi Jinping before a second summit.",
    "The train pulled into Beijing railway station in the morning under heavy security.",
    "Weather in the city was cold and clear, with a light wind from the north.",
    "Kim and Xi are expected to discuss the second summit with the United States during the visit to Beijing.",
    "Officials did not say how long the visit to China would last.",
]


def test_three_sentences_in_article_order(nlp):
    a, s = summary_of(nlp, "Kim visits Beijing for talks with Xi", BODY)
    assert len(s.sentences) == 3
    assert [x.start for x in s.sentences] == sorted(x.start for x in s.sentences)
    assert all(x.start > a.text.index("\n") for x in s.sentences), "the headline is not a summary sentence"
    assert s.sentences[0].text.endswith(BODY[0][-40:]), "the lead sentence of a news story leads its summary"
    assert s.standfirst in BODY


def test_own_standfirst_is_kept(nlp):
    a, s = summary_of(nlp, "Kim visits Beijing", BODY, standfirst="The North Korean leader meets Xi Jinping.")
    assert s.standfirst == "The North Korean leader meets Xi Jinping."
    assert all(x.text != a.standfirst for x in s.sentences)


def test_short_articles(nlp):
    _, s = summary_of(nlp, "Short", ["Only one sentence here in the whole body."])
    assert [x.text for x in s.sentences] == ["Only one sentence here in the whole body."]
    _, s = summary_of(nlp, "Headline only", [], standfirst="A standfirst and nothing more.")
    assert s.sentences == () and s.standfirst == "A standfirst and nothing more."


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80),
                min_size=1, max_size=6))
def test_any_text_summarises(nlp, paragraphs):
    if not any(p.split() for p in paragraphs):
        return
    summary_of(nlp, "Headline", paragraphs)


def test_summary_is_stored_with_the_analysis(seed_analysis):
    s = seed_analysis.summary
    assert s is not None and len(s.sentences) == 3
    assert s.standfirst == "The North Korean leader is said to have met with Xi Jinping."
    assert s.sentences[0].text.startswith("North Korean Leader Kim Jong Un arrived in Beijing")


# -- ROUGE ----------------------------------------------------------------------------------------

def test_rouge_by_hand():
    assert tokenize("The U.S. said: $10.9bn!") == ["the", "u", "s", "said", "10", "9bn"]
    assert rouge_n(["a", "b", "c"], ["a", "b", "d"], 1) == pytest.approx(2 / 3)
    assert rouge_n(["a", "b", "c"], ["a", "b", "d"], 2) == pytest.approx(0.5)
    assert rouge_n(["a", "a"], ["a"], 1) == pytest.approx(2 * 0.5 * 1 / 1.5)  # clipped counts
    assert lcs(list("abcbdab"), list("bdcaba")) == 4
    r = rouge("police killed the gunman", "the gunman was killed by police")
    assert r["rouge1"] == pytest.approx(2 * (4 / 4) * (4 / 6) / (1 + 4 / 6))
    assert r["rougeL"] == pytest.approx(2 * (2 / 4) * (2 / 6) / (2 / 4 + 2 / 6))
    assert rouge("", "anything")["rouge1"] == 0.0


def test_bbc_layout(tmp_path):
    from dateline.evals.summaries import read_bbc, run

    for cat in ("business", "sport"):
        (tmp_path / "News_Articles" / cat).mkdir(parents=True)
        (tmp_path / "Summaries" / cat).mkdir(parents=True)
        for n in ("001", "002"):
            (tmp_path / "News_Articles" / cat / f"{n}.txt").write_text(
                f"Headline {cat} {n}\n\n" + " ".join(BODY[:4]) + "\n\n" + " ".join(BODY[4:]) + "\n")
            (tmp_path / "Summaries" / cat / f"{n}.txt").write_text(BODY[0] + BODY[4])
    items = read_bbc(tmp_path, limit=3)
    assert [i.name for i in items] == ["business/001", "sport/001", "business/002"]  # round-robin
    assert items[0].article.published is None
    r = run(tmp_path)
    assert r.metrics["articles"] == 4
    assert 0 < r.metrics["lead3_rouge1"] <= 1 and 0 < r.metrics["rouge1"] <= 1


# -- PolNeAR reader and scorer ----------------------------------------------------------------------

def test_polnear_reading_and_scoring(tmp_path):
    from dateline.evals.quotes import Counts, read_split, score_doc
    from dateline.model import ArticleAnalysis, Quote, Span

    text = ('Title here.\n\n  "We are ready," Trump said.\n\nAides said the trip was set.\n')
    (tmp_path / "dev" / "text").mkdir(parents=True)
    (tmp_path / "dev" / "attributions").mkdir()
    (tmp_path / "dev" / "text" / "a_1.txt").write_text(text)
    c1, s1, q1 = text.index('"We'), text.index("Trump"), text.index("said")
    c2, s2, q2 = text.index("the trip"), text.index("Aides"), text.index("said the")
    ann = (f"T1\tContent {c1} {c1 + 15}\t\"We are ready,\"\nT2\tSource {s1} {s1 + 5}\tTrump\n"
           f"T3\tCue {q1} {q1 + 4}\tsaid\nE1\tAttribution:T4 Content:T1 Source:T2 Cue:T3\n"
           f"T5\tContent {c2} {c2 + 16}\tthe trip was set\nT6\tSource {s2} {s2 + 5}\tAides\n"
           f"T7\tCue {q2} {q2 + 4}\tsaid\nE2\tAttribution:T8 Content:T5 Source:T6 Cue:T7\n")
    (tmp_path / "dev" / "attributions" / "a_1_ab12.ann").write_text(ann)
    (tmp_path / "metadata.tsv").write_text("compartment\tfilename\tpublication_date\ndev\ta_1\t2016-09-08\n")
    (doc,) = read_split(tmp_path / "dev")
    t = doc.article.text
    assert doc.article.published == "2016-09-08" and "\n\n" not in t
    g1, g2 = doc.attributions
    assert g1.quoted and not g2.quoted
    assert t[g1.content[0][0]:g1.content[0][1]] == '"We are ready,"' and t[g1.source[0][0]:g1.source[0][1]] == "Trump"

    def span(s: str) -> Span:
        i = t.index(s)
        return Span(start=i, end=i + len(s), text=s)

    quotes = (
        Quote(id="1", content=span("We are ready"), kind="direct", cue=span("said"), speaker=span("Trump")),
        Quote(id="2", content=span("the trip was set"), kind="indirect", cue=Span(
            start=t.index("said the"), end=t.index("said the") + 4, text="said"), speaker=span("Aides")),
    )
    a = ArticleAnalysis(article=doc.article, quotes=quotes)
    all_c, direct_c, misses = Counts(), Counts(), []
    score_doc(a, doc.attributions, all_c, direct_c, misses, "a_1")
    assert (all_c.tp, all_c.tp_exact, all_c.pred, all_c.gold, all_c.speaker_ok) == (2, 2, 2, 2, 2)
    assert (direct_c.tp, direct_c.pred, direct_c.gold) == (1, 1, 1)
