"""The stories judgement's tooling (docs/judging-stories.md): an invented ECB+-shaped token file read into
stories, sheets and templates of occurrences, the scoring arithmetic, strict checks, partial samples; one
end-to-end run through the product's store on invented text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.evals.judging_pools import Drawn
from dateline.evals.judging_score import VerdictError
from dateline.evals.judging_stories import (ECB_DEV, Story, _ecb_text, choose_stories, dated, ecbplus_topics,
                                            read_ecbplus)
from dateline.evals.judging_stories_score import score_stories
from dateline.evals.judging_stories_sheet import story_sheet, story_template, story_view
from dateline.model import Article

# invented reports: topic 13 (in the check half) a dock fire (ecb) and a later one (ecbplus); topic 8 (tune half) too small
DOCS = {
    "13_1ecb": ["Fire hits Portvale docks", "A fire destroyed a warehouse at Portvale docks on March 3, 2011 ."],
    "13_2ecb": ["Firefighters fought a blaze at the Portvale docks on March 3, 2011 ."],
    "13_3ecb": ["Police arrested a 36 - year - old man after the Portvale fire on March 3, 2011 ."],
    "13_4ecb": ["The Portvale warehouse fire caused 2, 000 tonnes of grain to burn ."],
    "13_5ecb": ["Firefighters fought a blaze at the Portvale docks on March 3, 2011 ."],  # 13_2ecb again
    "13_1ecbplus": ["Second fire at Portvale", "A fire struck a Portvale depot on June 9, 2013 ."],
    "13_2ecbplus": ["A depot burned in Portvale on June 9, 2013 ."],
    "13_3ecbplus": ["Portvale depot fire : no one hurt , officials said ."],
    "13_4ecbplus": ["Investigators visited the burned Portvale depot on June 10, 2013 ."],
    "8_1ecb": ["A ferry sank near Bayport ."],
    "8_2ecb": ["The Bayport ferry sank ."],
    "8_3ecb": ["Rescuers reached the Bayport ferry ."],
}


def _shared(root: Path) -> Path:
    path = root / ECB_DEV
    path.parent.mkdir(parents=True)
    lines = [""]
    for doc, sentences in DOCS.items():
        for s, sentence in enumerate(sentences):
            lines += [f"{doc}\t{s}\t{t}\t{tok}\t-" for t, tok in enumerate(sentence.split())]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return root


def test_ecbplus_documents_topics_and_text(tmp_path):
    docs = read_ecbplus(_shared(tmp_path) / ECB_DEV)
    assert len(docs) == len(DOCS)
    two = docs["ecbplus:13_1ecb"]
    assert two.title == "Fire hits Portvale docks" and two.published is None and two.source == "ECB+"
    assert two.text.endswith("at Portvale docks on March 3, 2011.")
    one = docs["ecbplus:13_3ecb"]
    assert one.title == "" and one.text.startswith("Police arrested a 36-year-old man")
    assert "2,000 tonnes" in docs["ecbplus:13_4ecb"].text
    assert _ecb_text("Paris - The mayor , 40 , said .") == "Paris - The mayor, 40, said."  # a dash stays
    topics = ecbplus_topics(docs)
    assert topics["13"]["ecb"] == [f"ecbplus:13_{i}ecb" for i in range(1, 6)] and len(topics["13"]["plus"]) == 4
    with pytest.raises(FileNotFoundError, match="not there"):
        read_ecbplus(tmp_path / "nowhere.txt")


def test_stories_are_chosen_checked_and_drawn(tmp_path):
    shared = _shared(tmp_path)
    stories, used = choose_stories(shared, topics=["13"], named=[], n=1, seed=None, excluded=set())
    assert used == ["13"] and [s.id for s in stories] == ["ecbplus-13-ecb", "ecbplus-13-plus"]
    assert [d.id for d in stories[0].articles] == [f"ecbplus:13_{i}ecb" for i in range(1, 5)]
    assert stories[0].same_text == (("ecbplus:13_5ecb", "ecbplus:13_2ecb"),)  # one text, stored once
    with pytest.raises(ValueError, match="ecbplus-8-ecb has 3 article"):
        choose_stories(shared, topics=["8"], named=[], n=1, seed=None, excluded=set(), half="all")
    with pytest.raises(ValueError, match="--topic 8 is in the tune half of ECB\\+ dev, not the check half"):
        choose_stories(shared, topics=["8"], named=[], n=1, seed=None, excluded=set())
    with pytest.raises(ValueError, match="not an ECB\\+ dev topic"):
        choose_stories(shared, topics=["99"], named=[], n=1, seed=None, excluded=set())
    with pytest.raises(ValueError, match="judged before"):
        choose_stories(shared, topics=["13"], named=[], n=1, seed=None, excluded={"ecbplus:13_2ecb"})
    with pytest.raises(ValueError, match="give --topic, --story, or --seed"):
        choose_stories(shared, topics=[], named=[], n=1, seed=None, excluded=set())
    # a draw leaves out topics too small to judge and topics with an excluded article
    assert choose_stories(shared, topics=[], named=[], n=1, seed=5, excluded=set())[1] == ["13"]
    for half in ("check", "all"):  # topic 8 is in the tune half, and too small anyway
        with pytest.raises(ValueError, match="only 1 ECB\\+ dev topic"):
            choose_stories(shared, topics=[], named=[], n=2, seed=5, excluded=set(), half=half)
    with pytest.raises(ValueError, match="only 0 ECB\\+ dev topic"):
        choose_stories(shared, topics=[], named=[], n=1, seed=5, excluded={"ecbplus:13_1ecbplus"})
    named = [("fires", ["ecbplus:13_1ecb", "ecbplus:13_2ecb", "ecbplus:13_1ecbplus", "ecbplus:13_2ecbplus"])]
    got = choose_stories(shared, topics=[], named=named, n=1, seed=None, excluded=set())[0]
    assert got[0].id == "fires" and len(got[0].articles) == 4
    with pytest.raises(ValueError, match="no such article"):
        choose_stories(shared, topics=[], named=[("x", ["ecbplus:13_9ecb"] * 4)], n=1, seed=None, excluded=set())
    with pytest.raises(ValueError, match="is not an article id"):
        choose_stories(shared, topics=[], named=[("x", ["nopool"] * 4)], n=1, seed=None, excluded=set())
    with pytest.raises(ValueError, match="ecbplus:13_1ecb is twice in story x"):
        choose_stories(shared, topics=[], named=[("x", ["ecbplus:13_1ecb"] * 4)], n=1, seed=None, excluded=set())
    with pytest.raises(ValueError, match="in two stories"):
        choose_stories(shared, topics=["13"], named=named, n=1, seed=None, excluded=set())


def test_a_story_can_be_given_a_publication_date(tmp_path):
    stories, _ = choose_stories(_shared(tmp_path), topics=["13"], named=[], n=1, seed=None, excluded=set())
    got = dated(stories, {"ecbplus-13-plus": "2013-06-10"})
    assert all(d.article.published is None for d in got[0].articles)
    assert all(d.article.published == "2013-06-10" for d in got[1].articles)
    assert [d.article.id for d in got[1].articles] == [d.article.id for d in stories[1].articles]
    with pytest.raises(ValueError, match="no such story"):
        dated(stories, {"ecbplus-99-ecb": "2013-06-10"})
    with pytest.raises(ValueError, match="ecbplus-13-ecb: published date '10/06/2013' is not an ISO date"):
        dated(stories, {"ecbplus-13-ecb": "10/06/2013"})


# -- a story's view, sheet and template, from invented read-model output -----------------------------------

def _story(name: str, n: int) -> Story:
    arts = [Article(id=f"{name}{i}", text=f"Report {i} of {name}.\nIt burned on Monday.", title=f"Report {i}")
            for i in range(1, n + 1)]
    return Story(name, "invented", tuple(Drawn("ecbplus", f"ecbplus:{a.id}", a) for a in arts))


def _report(event: str, article: str) -> dict:
    return {"event": event, "article": article, "sentence": f"sentence of {event}", "trigger": "burned",
            "why": {"type": "ASSAULT/-", "days": "2011-03-03..2011-03-03"}}


def _row(event: str, article: str, status: str = "occurred") -> dict:
    return {"id": event, "article": article, "type": "ASSAULT", "mode": None, "actor": "arsonist",
            "recipient": "warehouse", "date": "2011-03-03", "location": "Portvale", "trigger": "burned",
            "status": status, "sentence": f"sentence of {event}"}


def test_view_sheet_and_template_list_every_report_of_the_occurrences():
    fire, other = _story("fire", 4), _story("flood", 4)
    found = {"occurrences": [
        {"id": "oc1", "type": "ASSAULT", "start": "2011-03-03", "end": "2011-03-03", "articles": 3,
         "reports": [_report("e1", "fire1"), _report("e2", "fire2"), _report("x1", "flood1")]},
        {"id": "oc2", "start": "2011-03-05", "end": "2011-03-05", "reports": [_report("x2", "flood2")]},
        {"id": "oc3", "start": "2011-03-07", "end": "2011-03-08", "reports": [_report("e3", "fire3")]},
    ], "unplaced": [_report("e4", "fire4"), _report("x3", "flood3")]}
    events = {"ecbplus:fire1": [_row("e1", "fire1"), _row("e5", "fire1", "expected")],
              "ecbplus:fire2": [_row("e2", "fire2")], "ecbplus:fire3": [_row("e3", "fire3")],
              "ecbplus:fire4": [_row("e4", "fire4")], "ecbplus:flood1": [_row("x1", "flood1")]}
    view = story_view(fire, [fire, other], found, events, {"e1": 0})
    assert [o["label"] for o in view["occurrences"]] == ["O1", "O2"]  # oc2 holds no report of this story
    assert [(r["label"], r["event"], r["article"]) for r in view["reports"]] == [
        ("O1.R1", "e1", "A1"), ("O1.R2", "e2", "A2"), ("O1.R3", "x1", "flood/ecbplus:flood1"),
        ("O2.R1", "e3", "A3"), ("U1", "e4", "A4")]
    assert [r["id"] for r in view["not_counted"]] == ["e5"]
    spans = {d.id: [(0, len(f"Report {i} of fire.")), (len(f"Report {i} of fire.") + 1, len(d.article.text))]
             for i, d in enumerate(fire.articles, start=1)}
    sheet = story_sheet(fire, view, spans)
    assert "### A1: ecbplus:fire1: Report 1" in sheet and "A1.S2. It burned on Monday." in sheet
    assert "### O1: ASSAULT 2011-03-03; place none; reports: 3 (2 of this story) from articles: 3 [id oc1]" in sheet
    assert "- **O1.R1** (A1 S1) ASSAULT 'burned': arsonist -> warehouse; date 2011-03-03; place Portvale; why joined: type ASSAULT/-, days 2011-03-03..2011-03-03" in sheet
    assert "- **O1.R3** (flood/ecbplus:flood1)" in sheet and "  > sentence of x1" in sheet
    assert "## Reports of this story in no occurrence (1)" in sheet and "- **U1** (A4)" in sheet
    assert "status expected" in sheet
    rows = [json.loads(x) for x in story_template(fire, view).splitlines()]
    assert rows[0]["story"] == "fire" and rows[0]["main_occurrence"] == ""
    assert [r["article"] for r in rows[1:5]] == ["A1", "A2", "A3", "A4"] and rows[1]["reports_main_event"] is None
    assert [r["report"] for r in rows[5:]] == ["O1.R1", "O1.R2", "O1.R3", "O2.R1", "U1"]


# -- scoring -------------------------------------------------------------------------------------------------

def _folder(tmp_path: Path, stories: dict[str, tuple[list[str], list[list[str]], list[str], list[dict]]]) -> Path:
    """A judged stories folder: {story: (article ids, [report label, event id], occurrence labels, lines)}."""
    folder = tmp_path / "s"
    (folder / "verdicts").mkdir(parents=True)
    entries = []
    for sid, (articles, reports, occurrences, lines) in stories.items():
        path = f"verdicts/{sid}.jsonl"
        (folder / path).write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        entries.append({"id": sid, "articles": articles, "reports": reports, "occurrences": occurrences,
                        "verdicts": path})
    manifest = {"what": "stories", "seed": None, "topics": ["13"], "ids": [], "code_version": "abc",
                "stories": entries}
    (folder / "sample.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _lines(sid: str, main: str, articles: list[bool], reports: list[tuple[str, str, bool]], judge: str = "j"):
    head = {"story": sid, "judge": judge, "main_event": "a fire at the docks" if judge else "",
            "main_occurrence": main}
    return ([head] + [{"article": f"A{k}", "id": f"x:{sid}{k}", "reports_main_event": v}
                      for k, v in enumerate(articles, start=1)]
            + [{"report": label, "event_id": eid, "main_event": v} for label, eid, v in reports])


FIRE_REPORTS = [("O1.R1", "e1", True), ("O1.R2", "e2", True), ("O1.R3", "x1", False), ("O2.R1", "e3", True),
                ("U1", "e4", True)]


def _fire(main="O1", reports=FIRE_REPORTS, articles=(True, True, True, True)):
    lines = _lines("fire", main, list(articles), reports)
    for line in lines:  # the article a report comes from, as the template writes it
        if "report" in line:
            line["article"] = {"e1": "A1", "e2": "A2", "x1": "flood/x", "e3": "A3", "e4": "A4"}[line["event_id"]]
    return ([f"x:fire{k}" for k in range(1, 5)], [[r, e] for r, e, _ in reports], ["O1", "O2"], lines)


def _flood():
    lines = _lines("flood", "O1", [True, True, True, True, False],
                   [(f"O1.R{k}", f"y{k}", True) for k in range(1, 5)])
    for k, line in enumerate(lines[6:], start=1):
        line["article"] = f"A{k}"
    return ([f"x:flood{k}" for k in range(1, 6)], [[f"O1.R{k}", f"y{k}"] for k in range(1, 5)], ["O1"], lines)


def test_score_says_per_story_whether_all_joined_and_none_unrelated(tmp_path):
    got = score_stories(_folder(tmp_path, {"fire": _fire(), "flood": _flood()}))
    fire, flood = got["stories"]
    assert (fire["main_articles"], fire["joined_articles"], fire["joined_share"]) == (4, 2, 0.5)
    assert (fire["reports_in_main"], fire["unrelated_joined"], fire["main_reports_outside"]) == (3, 1, 2)
    assert fire["split_into"] == ["O2"] and fire["main_reports_unplaced"] == 1
    assert not fire["all_joined"] and not fire["no_unrelated"]
    assert (flood["main_articles"], flood["joined_articles"], flood["all_joined"], flood["no_unrelated"]) == (4, 4, True, True)
    t = got["total"]
    assert (t["stories"], t["stories_all_joined"], t["stories_no_unrelated"]) == (2, 1, 1)
    assert (t["main_articles"], t["joined_articles"], t["unrelated_joined"]) == (8, 6, 1)
    assert not got["targets"]["every_story_all_joined"]["met"] and got["targets"]["no_unrelated_joined"]["value"] == 1
    assert got["complete"] and not got["reportable"]  # two stories: fewer than three
    result = CliRunner().invoke(app, ["judge", "score", str(tmp_path / "s")])
    assert result.exit_code == 0, result.output
    assert "every_story_all_joined: 1 (target all stories) NOT met" in result.output
    assert "fire: main event: a fire at the docks" in result.output


def test_no_main_occurrence_joins_nothing(tmp_path):
    reports = [("O1.R1", "e1", False), ("O1.R2", "e2", False), ("O1.R3", "x1", False), ("O2.R1", "e3", False),
               ("U1", "e4", True)]
    fire = score_stories(_folder(tmp_path, {"fire": _fire(main="none", reports=reports)}))["stories"][0]
    assert (fire["joined_articles"], fire["main_reports_outside"], fire["all_joined"], fire["no_unrelated"]) == \
        (0, 1, False, False)


def test_bad_verdicts_and_partial_samples(tmp_path):
    articles, reports, occurrences, lines = _fire(main="O7")
    lines[1]["reports_main_event"] = "yes"
    lines[5]["event_id"] = "zz"
    del lines[-1]
    folder = _folder(tmp_path, {"fire": (articles, reports, occurrences, lines),
                                "flood": (*_flood()[:3], _lines("flood", "", [None] * 5, [], judge=""))})
    with pytest.raises(VerdictError) as info:
        score_stories(folder, partial=True)
    text = "\n".join(info.value.problems)
    for message in ("main_occurrence 'O7' is not one of O1, O2, none", "fire.jsonl:2: A1: 'reports_main_event' "
                    "must be true or false", "unknown report 'O1.R1' with event id 'zz'", "no line for O1.R1, U1"):
        assert message in text
    assert "flood" not in text  # its file is blank: left out with --partial
    with pytest.raises(VerdictError, match="flood.jsonl:1: 'judge' is empty"):
        score_stories(folder)
    folder2 = _folder(tmp_path / "b", {"fire": _fire(), "flood": (*_flood()[:3], _lines("flood", "", [None] * 5, [],
                                                                                             judge=""))})
    got = score_stories(folder2, partial=True)
    assert not got["complete"] and got["not_judged"] == ["flood"] and got["total"]["stories"] == 1


# -- end to end: the product's store on invented text ------------------------------------------------------

def _flat(output: str) -> str:
    """Console output with the terminal's line wrapping undone."""
    return " ".join(output.split())


def test_judge_stories_writes_sheets_templates_and_a_store(tmp_path):
    shared = _shared(tmp_path / "shared")
    out = tmp_path / "stories"
    inside = Path(__file__).resolve().parents[1] / "judging-stories-out"
    refused = CliRunner().invoke(app, ["judge", "stories", str(inside), "--topic", "13", "--shared", str(shared)])
    assert refused.exit_code == 2 and "inside the repository" in _flat(refused.output) and not inside.exists()
    bad = CliRunner().invoke(app, ["judge", "stories", str(out), "--story", "nothing", "--shared", str(shared)])
    assert bad.exit_code == 2 and "NAME=ID" in bad.output
    result = CliRunner().invoke(app, ["judge", "stories", str(out), "--topic", "13", "--shared", str(shared),
                                      "--published", "ecbplus-13-plus=2013-06-10"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((out / "sample.json").read_text())
    assert manifest["published"] == {"ecbplus-13-plus": "2013-06-10"}
    assert "published: 2013-06-10" in (out / "sheets" / "ecbplus-13-plus.md").read_text()
    assert "published: undated" in (out / "sheets" / "ecbplus-13-ecb.md").read_text()
    assert "- ecbplus:13_5ecb is left out: its text is that of ecbplus:13_2ecb" in (out / "sheets" /
                                                                                    "ecbplus-13-ecb.md").read_text()
    assert manifest["what"] == "stories" and manifest["ingest"]["stored"] == 8 and (out / "store.duckdb").exists()
    assert (out / "ids.txt").read_text().splitlines()[0] == "ecbplus:13_1ecb  # story ecbplus-13-ecb"
    for entry in manifest["stories"]:
        sheet = (out / entry["sheet"]).read_text()
        rows = [json.loads(x) for x in (out / entry["verdicts"]).read_text().splitlines()]
        assert len(rows) == 1 + len(entry["articles"]) + len(entry["reports"])
        for label, _ in entry["reports"]:
            assert f"**{label}**" in sheet
        assert "A4.S1." in sheet
    blank = CliRunner().invoke(app, ["judge", "score", str(out), "--partial"])
    assert blank.exit_code == 0 and "incomplete: 2 not judged yet" in _flat(blank.output)
    again = CliRunner().invoke(app, ["judge", "stories", str(out), "--topic", "13", "--shared", str(shared)])
    assert again.exit_code == 2 and "is not empty: give a new folder" in _flat(again.output)
