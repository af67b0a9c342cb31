"""Speakers: spokespeople and their principals, pronouns by gender, page furniture and non-speakers,
every quote-mark style, and the principal stored and shown. Sentences are our own."""

from __future__ import annotations

import json

import pytest

from dateline.model import Article, ArticleAnalysis, Quote, Span, article_id, from_dict, to_dict
from dateline.nlp.quote_marks import furniture_lines
from test_quotes import HEAD, find, quotes_of

# -- a spokesperson speaks, for a principal ---------------------------------------------------------

SPOKES = [
    # (text, content starts, speaker text, speaker name contains, principal contains)
    (HEAD + "Tony Blair flew to Paris on Monday.\n“We will not change course,” Blair's spokesman said.",
     "We will not change", "Blair's spokesman", "spokesman", "Tony Blair"),
    (HEAD + "“The border stays closed,” a spokesman for the ministry said on Tuesday.",
     "The border stays", "a spokesman", "spokesman", "ministry"),
    (HEAD + "Kremlin spokesman Dmitry Peskov said: “There is no deal.”",
     "There is no deal", "Kremlin spokesman Dmitry Peskov", "Peskov", "Kremlin"),
    (HEAD + "A spokeswoman for Acme Corp said the plant would reopen next week.",
     "the plant would reopen", "A spokeswoman", "spokeswoman", "Acme"),
    # named once with the title, then by the role noun: the title gives the principal
    (HEAD + "White House spokesperson Jane Doakes briefed reporters on Monday.\n"
     "“There will be no delay,” the spokesperson said.", "There will be no delay", "the spokesperson", "Doakes",
     "White House"),
]


@pytest.mark.parametrize("text,starts,speaker_text,name,principal", SPOKES)
def test_spokesperson_is_the_speaker_with_a_principal(nlp, text, starts, speaker_text, name, principal):
    q = find(quotes_of(nlp, text), starts)
    assert q.speaker is not None and q.speaker.text == speaker_text
    assert name.lower() in (q.speaker_name or "").lower(), q.speaker_name
    assert q.principal and principal.lower() in q.principal.lower(), q.principal


def test_a_person_speaking_for_themselves_has_no_principal(nlp):
    q = find(quotes_of(nlp, HEAD + "“We are ready,” Angela Merkel said."), "We are ready")
    assert q.principal is None and "Merkel" in q.speaker_name


# -- every quote-mark style, both orders --------------------------------------------------------------

STYLES = [("\"", "\""), ("“", "”"), ("‘", "’"), ("«", "»"), ("''", "''")]


@pytest.mark.parametrize("open_,close", STYLES)
def test_said_name_after_the_quote_in_every_style(nlp, open_, close):
    text = HEAD + f"{open_}The bridge will be rebuilt by spring,{close} said Stephen Harlow."
    q = find(quotes_of(nlp, text), "The bridge will")
    assert q.kind == "direct" and "Harlow" in (q.speaker_name or ""), (q.speaker_name, q.rule)


@pytest.mark.parametrize("open_,close", STYLES)
def test_name_said_colon_before_the_quote_in_every_style(nlp, open_, close):
    text = HEAD + f"Stephen Harlow said: {open_}The bridge will be rebuilt by spring.{close}"
    q = find(quotes_of(nlp, text), "The bridge will")
    assert q.kind == "direct" and "Harlow" in (q.speaker_name or ""), (q.speaker_name, q.rule)


def test_mixed_marks_and_straight_singles():
    from dateline.nlp.quote_marks import find_quotes

    def quoted(text):
        return [text[m.start:m.end] for m in find_quotes(text)]

    assert quoted("'The bridge will fall.\" said Stephen Harlow.") == ["The bridge will fall."]
    assert quoted("He said 'we will win the vote' on Monday.") == ["we will win the vote"]
    assert quoted("In the '90s Jones' car was 'fast'.") == []  # apostrophes, and one word is no quote
    assert quoted("It's Bob's 'big plan' and the leaders' summit") == ["big plan"]


def test_a_title_in_single_marks_is_no_statement(nlp):
    text = HEAD + "He wrote an essay headlined 'Rivers Are Not the Enemy.' Later he ran for office."
    assert not [q for q in quotes_of(nlp, text) if q.kind in ("direct", "partial")]


def test_cue_after_a_question_that_ends_the_sentence(nlp):
    text = HEAD + ("Lindsey Okafor spoke at a gathering.\n"
                   "“Does anybody know what the plan of the party is?” Okafor asked. “Nobody does.”")
    quotes = quotes_of(nlp, text)
    assert "Okafor" in (find(quotes, "Does anybody know").speaker_name or "")
    assert "Okafor" in (find(quotes, "Nobody does").speaker_name or "")


def test_quote_after_a_sentence_of_speech_is_its_speaker_s(nlp):
    text = HEAD + ("Maria Lopes described the mayor as honest. “He kept every promise he made to us.”\n"
                   "The storm hit the coast. “Nobody knows what comes next.”")
    quotes = quotes_of(nlp, text)
    assert "Lopes" in (find(quotes, "He kept every promise").speaker_name or "")
    assert find(quotes, "Nobody knows").speaker_name is None  # no speech verb before it: no one


def test_speaker_in_apposition_is_the_name_not_whom_they_serve(nlp):
    text = HEAD + "“The plan is right,” Flores, a top Harlow ally, said on Thursday."
    q = find(quotes_of(nlp, text), "The plan is right")
    assert "Flores" in (q.speaker_name or ""), q.speaker_name


def test_an_object_is_not_the_speaker(nlp):
    text = HEAD + "Maria Lopes spoke on Monday. She calls her rivals “losers” and “cowards.”"
    for q in quotes_of(nlp, text):
        assert "rivals" not in (q.speaker.text if q.speaker else ""), q.speaker


def test_direct_partial_and_indirect_are_told_by_their_marks(nlp):
    text = HEAD + ("“The harvest failed,” Maria Lopes said.\n"
                   "Maria Lopes said the farmers were “close to ruin” after the drought.\n"
                   "Maria Lopes said the government would pay for seed next year.")
    quotes = quotes_of(nlp, text)
    assert find(quotes, "The harvest failed").kind == "direct"
    partial = find(quotes, "the farmers were")  # one statement: the reported clause, its quoted words kept
    assert partial.kind == "partial" and [q.text for q in partial.quoted] == ["close to ruin"]
    assert find(quotes, "the government would pay", "indirect")


# -- pronouns --------------------------------------------------------------------------------------

def test_she_is_not_the_man_named_last(nlp):
    # without gender the subject of the sentence before (Baker) would be taken
    text = HEAD + ("Maria Lopes arrived in Lisbon on Monday.\nMr. John Baker met her at the airport.\n"
                   "“The harvest failed,” she said.")
    q = find(quotes_of(nlp, text), "The harvest failed")
    assert "Lopes" in (q.speaker_name or ""), q.speaker_name


def test_he_is_the_man_even_after_a_woman_spoke(nlp):
    text = HEAD + ("Mr. John Baker chaired the meeting with Maria Lopes.\n"
                   "“The harvest failed,” Maria Lopes said.\n"
                   "Mr. Baker nodded. “We will pay for seed,” he said.")
    q = find(quotes_of(nlp, text), "We will pay for seed")
    assert "Baker" in (q.speaker_name or ""), q.speaker_name


# -- what is no speaker ------------------------------------------------------------------------------

def test_page_furniture_lines():
    text = "Story\nScroll down for video\nThe mayor spoke.\nShare this article\nPhoto: Jane Roe/Reuters\nRead more"
    lines = [text[a:b] for a, b in furniture_lines(text)]
    assert lines == ["Scroll down for video", "Share this article", "Photo: Jane Roe/Reuters", "Read more"]


def test_furniture_neither_speaks_nor_is_quoted(nlp):
    text = HEAD + ("“The roads are closed,” the mayor said.\nScroll down for video\n"
                   "Share this article: “Breaking” news\nThe rain went on.")
    quotes = quotes_of(nlp, text)
    assert not [q for q in quotes if "Breaking" in q.content.text]
    assert all("Scroll" not in (q.speaker_name or "") for q in quotes)


def test_a_time_or_an_attack_is_no_speaker(nlp):
    text = HEAD + ("Maria Lopes spoke to reporters on Tuesday, saying the harvest had failed.\n"
                   "A suicide attack killed nine people, police said.")
    quotes = quotes_of(nlp, text)
    q = find(quotes, "the harvest had failed")
    assert "Lopes" in (q.speaker_name or ""), q.speaker_name
    assert all("attack" not in (q.speaker_name or "") for q in quotes)


# -- stored, read back, shown ----------------------------------------------------------------------

def _analysis_with(principal):
    text = "Talks\n“No deal,” Blair's spokesman said."
    art = Article(id=article_id(text), text=text, title="Talks", published="2019-01-08")
    q = Quote(id="q1", content=Span(start=7, end=14, text=text[7:14]), kind="direct",
              speaker=Span(start=16, end=33, text=text[16:33]), speaker_name="Blair's spokesman",
              principal=principal)
    return ArticleAnalysis(article=art, quotes=(q,), provenance={"model": "m"})


def test_old_records_without_principal_still_read():
    data = to_dict(_analysis_with("Tony Blair").quotes[0])
    del data["principal"]
    assert from_dict(Quote, json.loads(json.dumps(data))).principal is None


def test_principal_is_stored_and_queried(tmp_path):
    from dateline import query
    from dateline.store import open_store

    with open_store(tmp_path / "s.duckdb") as store:
        a = _analysis_with("Tony Blair")
        store.save([a])
        assert store.analysis(a.article.id).quotes[0].principal == "Tony Blair"
        (row,) = query.quotes(store)
        assert row["principal"] == "Tony Blair" and row["speaker_name"] == "Blair's spokesman"


def test_quotes_and_show_commands_show_the_principal(tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app
    from dateline.store import open_store

    db = str(tmp_path / "s.duckdb")
    a = _analysis_with("Tony Blair")
    with open_store(db) as store:
        store.save([a])

    def cli(*args):
        r = CliRunner().invoke(app, ["--db", db, *args])
        assert r.exit_code == 0, r.output
        return r.output

    assert json.loads(cli("quotes", "--json"))[0]["principal"] == "Tony Blair"
    assert "(for Tony Blair)" in cli("quotes")
    assert json.loads(cli("show", a.article.id[:8], "--json"))["quotes"][0]["principal"] == "Tony Blair"
    assert "(for Tony Blair)" in " ".join(cli("show", a.article.id[:8]).split())
