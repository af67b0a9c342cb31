"""The names judgement's tooling (docs/judging-names.md): sheets and templates of quotes, places and
actors from an invented analysis, templates that round-trip into scores, the figures' arithmetic, strict
checks and partial samples. No real text and no spaCy."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app
from dateline.evals.judging import file_name
from dateline.evals.judging_names import item_keys, name_items, names_sheet, names_template
from dateline.evals.judging_names_score import score_names
from dateline.evals.judging_pools import Drawn
from dateline.evals.judging_score import VerdictError, score_any
from dateline.model import Article, ArticleAnalysis
from dateline.model.records import Entity, GeoRef, Mention, Place, Quote, Span

TEXT = ("Harbour deal signed\n"
        "Mayor Ann Lee said: \"We will open the docks.\" Her aide said the deal was fair.\n"
        "The council met in Portvale. Lee thanked Portvale.")


def _span(words: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(words, start + 1)
    return Span(start=start, end=start + len(words), text=words)


def _spans() -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in ("Harbour deal signed", "Mayor Ann Lee said: \"We will open the docks.\"",
                  "Her aide said the deal was fair.", "The council met in Portvale.", "Lee thanked Portvale."):
        pos = TEXT.index(piece, pos)
        out.append((pos, pos + len(piece)))
    return out


PORTVALE = GeoRef(name="Portvale", country="ZZ", lat=10.5, lon=20.25, geonames_id=42, feature_class="P",
                  feature_code="PPL", population=1200)


def _analysis() -> ArticleAnalysis:
    art = Article(id="a1", text=TEXT, title="Harbour deal signed", published="2021-05-04", source="Invented")
    quotes = (
        Quote(id="q2", content=_span("the deal was fair"), kind="indirect", cue=_span("said", 1),
              speaker=_span("Her aide"), speaker_name="aide", principal="Ann Lee", rule="complement"),
        Quote(id="q1", content=_span("We will open the docks."), kind="direct", cue=_span("said"),
              speaker=_span("Ann Lee"), speaker_name="Ann Lee", speaker_entity_id="e1", rule="colon"),
    )
    places = (Place(id="p1", span=_span("Portvale"), resolved=PORTVALE, is_event_location=True, reason="only one"),
              Place(id="p2", span=_span("Portvale", 1), resolved=PORTVALE, reason="only one"),
              Place(id="p3", span=_span("docks"), reason="no gazetteer entry"))
    entities = (
        Entity(id="e2", name="council", type="ORG", mentions=(Mention(span=_span("council"), kind="nominal"),)),
        Entity(id="e1", name="Ann Lee", type="PERSON", country="ZZZ", sector="GOV",
               mentions=(Mention(span=_span("Ann Lee")), Mention(span=_span("Lee", 1), kind="short_name"))),
        Entity(id="e3", name="Portvale", type="LOC", mentions=(Mention(span=_span("Portvale")),)),
    )
    return ArticleAnalysis(article=art, quotes=quotes, places=places, entities=entities)


def test_sheet_lists_quotes_places_and_actors():
    a = _analysis()
    items = name_items(a)
    text = names_sheet(Drawn("bbc-politics", "bbc-politics:001", a.article), a, _spans(), items)
    assert "### Q1: direct, sentence S2" in text and "> We will open the docks." in text
    assert "### Q2: indirect, sentence S3" in text and "principal (whom the speaker speaks for): Ann Lee" in text
    assert "- speaker: Ann Lee (the words \"Ann Lee\", S2)" in text
    # two mentions of one reading are one item, with both sentences; the unresolved word is listed apart
    assert text.count("### P") == 1 and "### P1: \"Portvale\" -> Portvale (an event location)" in text
    assert "in sentence(s): S4, S5" in text and "feature P.PPL; GeoNames 42" in text
    assert "Not resolved (shown for reference, not judged): \"docks\"" in text
    # actors, most mentioned first; a LOC entity is a place, not an actor
    assert text.index("### A1: Ann Lee (PERSON)") < text.index("### A2: council (ORG)")
    assert "country: ZZZ; sector: GOV" in text and "country: none; sector: none" in text
    assert "### A3" not in text
    assert item_keys(items) == [["Q1", "q1"], ["Q2", "q2"], ["P1", "p1"], ["A1", "e1"], ["A2", "e2"]]


def test_template_has_one_line_per_item():
    a = _analysis()
    items = name_items(a)
    rows = [json.loads(x) for x in names_template("bbc-politics:001", a, _spans(), items).splitlines()]
    assert rows[0]["article"] == "bbc-politics:001" and rows[0]["missed_quotes"] == [] and rows[0]["judge"] == ""
    assert [(r["item"], r["id"]) for r in rows[1:]] == [tuple(k) for k in item_keys(items)]
    assert rows[1]["coded"] == "direct: We will open the docks. | Ann Lee" and rows[1]["sentence"] == 2
    assert rows[2]["coded"].endswith("| aide (for Ann Lee)")
    assert rows[4]["main"] is False and "main" not in rows[1]


# -- filled templates, scored ---------------------------------------------------------------------------

def _write_sample(folder: Path, filled: dict[str, list[dict]], items: dict[str, list[list[str]]]) -> Path:
    """A names sample folder: {article id: [head, item lines...]} with the manifest's item lists."""
    (folder / "verdicts").mkdir(parents=True)
    entries = []
    for aid, lines in filled.items():
        path = f"verdicts/{file_name(aid)}.jsonl"
        (folder / path).write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
        entries.append({"id": aid, "items": items[aid], "sentences": 5, "verdicts": path})
    manifest = {"what": "names", "seed": 9, "ids": list(filled), "code_version": "abc", "articles": entries}
    (folder / "sample.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _fill(rows: list[dict], verdicts: dict[str, dict], head: dict) -> list[dict]:
    return [{**rows[0], **head}] + [{**r, **verdicts.get(r["item"], {})} for r in rows[1:]]


def _judged_template(tmp_path: Path) -> Path:
    """The invented article's own template, filled: Q1 right, Q2 speaker wrong, P1 right, A1 main with
    the wrong sector, one missed quote and one missed main actor; a second article with a wrong place."""
    a = _analysis()
    items = name_items(a)
    rows = [json.loads(x) for x in names_template("bbc-politics:001", a, _spans(), items).splitlines()]
    first = _fill(rows, {
        "Q1": {"verdict": "correct"},
        "Q2": {"verdict": "partly", "partly_fields": ["speaker", "principal"]},
        "P1": {"verdict": "right"},
        "A1": {"main": True, "verdict": "partly", "partly_fields": ["sector"]},
        "A2": {"main": True, "verdict": "correct"},
    }, {"judge": "judge-a", "missed_quotes": [{"sentence": 5, "speaker": "Lee", "kind": "indirect"}],
        "missed_actors": [{"name": "dock workers' union", "country": "ZZZ", "sector": "LAB"}]})
    second = [{"article": "polnear:x", "judge": "judge-b", "missed_quotes": [], "missed_actors": []},
              {"item": "Q1", "id": "qq", "verdict": "wrong", "partly_fields": [], "wrong_reason": "not_a_statement"},
              {"item": "P1", "id": "pp", "verdict": "wrong", "wrong_reason": "not_a_place"},
              {"item": "P2", "id": "pp2", "verdict": "right"},
              {"item": "A1", "id": "aa", "main": False, "verdict": "", "partly_fields": [], "wrong_reason": ""}]
    return _write_sample(tmp_path / "s", {"bbc-politics:001": first, "polnear:x": second},
                         {"bbc-politics:001": item_keys(items),
                          "polnear:x": [["Q1", "qq"], ["P1", "pp"], ["P2", "pp2"], ["A1", "aa"]]})


def test_filled_templates_score_the_four_figures(tmp_path):
    got = score_names(_judged_template(tmp_path))
    t = got["total"]
    assert (t["quotes"], t["quotes_correct"], t["quotes_partly"], t["quotes_wrong"]) == (3, 1, 1, 1)
    assert t["quotes_fully_right"] == 0.3333
    assert (t["real_quotes"], t["speaker_right_count"], t["speaker_right"]) == (2, 1, 0.5)  # the wrong one is no quote
    assert t["quotes_missed"] == 1 and t["quotes_found"] == 0.6667
    assert t["quotes_partly_by_field"] == {"speaker": 1, "principal": 1}
    assert t["quotes_wrong_by_reason"] == {"not_a_statement": 1}
    assert (t["places"], t["places_right_count"], t["places_right"]) == (3, 2, 0.6667)
    assert t["places_wrong_by_reason"] == {"not_a_place": 1}
    # main actors: two marked (one with the wrong sector) and one missed
    assert (t["main_actors"], t["main_actors_codes_right_count"], t["main_actors_codes_right"]) == (3, 1, 0.3333)
    assert got["targets"]["quotes_fully_right"] == {"value": 0.3333, "target": ">= 0.90", "met": False}
    first = got["articles"][0]
    assert first["id"] == "bbc-politics:001" and first["quotes_fully_right"] == 0.5 and first["places_right"] == 1.0
    assert got["complete"] and not got["reportable"]  # complete, but fewer than 25 articles
    assert got["judges"] == ["judge-a", "judge-b"] and got["seed"] == 9
    assert score_any(tmp_path / "s")["what"] == "names"


def test_score_command_prints_the_names_table(tmp_path):
    folder = _judged_template(tmp_path)
    result = CliRunner().invoke(app, ["judge", "score", str(folder)])
    assert result.exit_code == 0, result.output
    assert "quotes_fully_right: 33% (target >= 0.90) NOT met" in result.output
    assert "places wrong, by reason: {'not_a_place': 1}" in result.output
    as_json = json.loads(CliRunner().invoke(app, ["judge", "score", str(folder), "--json"]).stdout)
    assert as_json["total"]["speaker_right"] == 0.5


def _one(tmp_path, line: dict, head: dict | None = None) -> Path:
    head = {"article": "polnear:x", "judge": "j", "missed_quotes": [], "missed_actors": [], **(head or {})}
    return _write_sample(tmp_path / "s", {"polnear:x": [head, line]}, {"polnear:x": [[line.get("item"), "i1"]]})


@pytest.mark.parametrize("line, message", [
    ({"item": "Q1", "id": "i1", "verdict": "fine", "partly_fields": []}, "verdict 'fine' is not one of"),
    ({"item": "Q1", "id": "i1", "verdict": "partly", "partly_fields": []}, "verdict partly needs the wrong field"),
    ({"item": "Q1", "id": "i1", "verdict": "partly", "partly_fields": ["date"]}, "partly_fields ['date'] must be"),
    ({"item": "Q1", "id": "i1", "verdict": "wrong", "partly_fields": [], "wrong_reason": "other"},
     "wrong_reason other needs a note"),
    ({"item": "P1", "id": "i1", "verdict": "correct"}, "verdict 'correct' is not one of right, wrong"),
    ({"item": "P1", "id": "i1", "verdict": "right", "wrong_reason": "not_a_place"}, "wrong_reason is only for"),
    ({"item": "P1", "id": "i1", "verdict": "wrong", "wrong_reason": "far"}, "wrong_reason 'far' is not one of"),
    ({"item": "A1", "id": "i1", "main": "yes"}, "'main' must be true or false"),
    ({"item": "A1", "id": "i1", "main": False, "verdict": "correct"}, "verdicts are only for main actors"),
    ({"item": "A1", "id": "i1", "main": True, "verdict": "", "partly_fields": []}, "A1: no verdict"),
    ({"item": "Q1", "id": "other", "verdict": "correct", "partly_fields": []}, "unknown item 'Q1' with id 'other'"),
])
def test_invalid_verdicts_are_named_with_file_and_line(tmp_path, line, message):
    with pytest.raises(VerdictError) as info:
        score_names(_one(tmp_path, line))
    assert any(message in p and "polnear__x.jsonl:2" in p for p in info.value.problems), info.value.problems


def test_bad_heads_missing_lines_and_partial_samples(tmp_path):
    line = {"item": "Q1", "id": "i1", "verdict": "correct", "partly_fields": []}
    folder = _one(tmp_path, line, {"judge": "", "missed_quotes": [{"sentence": 99, "kind": "rumour"}],
                                   "missed_actors": [{"name": ""}]})
    with pytest.raises(VerdictError) as info:
        score_names(folder)
    text = "\n".join(info.value.problems)
    for message in ("'judge' is empty", "missed_quotes #1: sentence 99 is not a sentence number",
                    "kind 'rumour' is not one of direct, partial, indirect", "missed_actors #1: 'name' is empty"):
        assert message in text
    # a second article whose file is still the blank template: an error, or left out with --partial
    manifest = json.loads((folder / "sample.json").read_text())
    manifest["articles"].append({"id": "polnear:y", "items": [["P1", "p9"]], "sentences": 3,
                                 "verdicts": "verdicts/polnear__y.jsonl"})
    manifest["ids"].append("polnear:y")
    (folder / "sample.json").write_text(json.dumps(manifest))
    blank = [{"article": "polnear:y", "judge": "", "missed_quotes": [], "missed_actors": []},
             {"item": "P1", "id": "p9", "verdict": "", "wrong_reason": "", "note": ""}]
    (folder / "verdicts" / "polnear__y.jsonl").write_text("".join(json.dumps(x) + "\n" for x in blank))
    head = {"article": "polnear:x", "judge": "j", "missed_quotes": [], "missed_actors": []}
    (folder / "verdicts" / "polnear__x.jsonl").write_text(json.dumps(head) + "\n")  # Q1's line lost
    with pytest.raises(VerdictError) as info:
        score_names(folder, partial=True)
    assert any("no line for item(s) Q1" in p for p in info.value.problems)
    (folder / "verdicts" / "polnear__x.jsonl").write_text(json.dumps(head) + "\n" + json.dumps(line) + "\n")
    with pytest.raises(VerdictError, match="polnear__y.jsonl:2: P1: no verdict"):
        score_names(folder)
    got = score_names(folder, partial=True)
    assert not got["complete"] and got["not_judged"] == ["polnear:y"] and got["total"]["quotes"] == 1
    result = CliRunner().invoke(app, ["judge", "score", str(folder), "--partial"])
    assert result.exit_code == 0 and "incomplete: 1 not judged yet" in " ".join(result.output.split())


def test_sample_refuses_an_unknown_what_and_a_folder_inside_the_repository(tmp_path):
    inside = Path(__file__).resolve().parents[1] / "judging-names-out"
    result = CliRunner().invoke(app, ["judge", "sample", str(inside), "--seed", "1", "--what", "names", "--dry-run"])
    assert result.exit_code == 2 and "inside the repository" in " ".join(result.output.split()) and not inside.exists()
    result = CliRunner().invoke(app, ["judge", "sample", str(tmp_path / "o"), "--seed", "1", "--what", "people"])
    assert result.exit_code == 2 and "events or names" in result.output
