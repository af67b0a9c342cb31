"""The real-news judgement's tooling: a seeded draw over invented pools, sheets and templates, and strict
scoring of invented verdicts. No real data and no spaCy: the pools are written into tmp_path."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline.evals.judging import file_name, sentence_of, sheet, template
from dateline.evals.judging_pools import Drawn, draw, quotas, read_excludes, read_pools
from dateline.evals.judging_score import VerdictError, score
from dateline.model import Article, ArticleAnalysis
from dateline.model.records import ActorRef, Event, Evidence, Span

ONLY_INVENTED = {"polnear": 2, "bbc-politics": 1, "bbc-business": 0, "reuters": 0, "timeline": 0, "bbc-tech": 0}


def _invented_shared(root: Path, n_polnear: int = 12, n_bbc: int = 8) -> Path:
    """A tree shaped like ../shared with invented articles in two pools."""
    text = root / "eval" / "quotes" / "polnear" / "train" / "text"
    text.mkdir(parents=True)
    meta = ["compartment\tfilename\tpublisher\tpublication_date"]
    for i in range(n_polnear):
        name = f"outlet_2016-01-{i + 1:02d}_story-{i}"
        body = f"Mayor number {i} visits the harbour\n\n" + "The mayor met dock workers on Monday. " * 20
        (text / f"{name}.txt").write_text(body, encoding="utf-8")
        meta.append(f"train\t{name}\toutlet\t2016-01-{i + 1:02d}")
    (root / "eval" / "quotes" / "polnear" / "metadata.tsv").write_text("\n".join(meta) + "\n", encoding="utf-8")
    bbc = root / "eval" / "summaries" / "bbc" / "News_Articles" / "politics"
    bbc.mkdir(parents=True)
    for i in range(n_bbc):
        body = f"Minister {i} resigns\n\n" + "The minister left the cabinet after a row over taxes. " * 15
        (bbc / f"{i:03d}.txt").write_text(body, encoding="utf-8")
    (bbc / "999.txt").write_text("Too short\n\nOne line.", encoding="utf-8")  # under the length bound
    return root


def test_pools_are_read_with_ids_dates_and_length_bounds(tmp_path):
    pools = read_pools(_invented_shared(tmp_path), ONLY_INVENTED)
    assert set(pools) == {"polnear", "bbc-politics"}
    assert len(pools["polnear"]) == 12 and len(pools["bbc-politics"]) == 8  # 999 is too short
    cid, art = pools["polnear"][0]
    assert cid == "polnear:outlet_2016-01-01_story-0"
    assert art.published == "2016-01-01" and art.source == "outlet" and art.title.startswith("Mayor number 0")
    assert all(a.published is None for _, a in pools["bbc-politics"])  # BBC stays undated
    with pytest.raises(ValueError, match="unknown pool"):
        read_pools(tmp_path, {"no-such-pool": 1})


def test_draw_is_the_same_for_a_seed_and_follows_the_weights(tmp_path):
    pools = read_pools(_invented_shared(tmp_path), ONLY_INVENTED)
    first = [d.id for d in draw(pools, ONLY_INVENTED, 6, seed=11)]
    again = [d.id for d in draw(pools, ONLY_INVENTED, 6, seed=11)]
    other = [d.id for d in draw(pools, ONLY_INVENTED, 6, seed=12)]
    assert first == again and len(set(first)) == 6
    assert first != other
    assert sum(i.startswith("polnear:") for i in first) == 4  # weights 2:1 of 6
    assert sum(i.startswith("bbc-politics:") for i in first) == 2


def test_draw_respects_an_exclude_file(tmp_path):
    pools = read_pools(_invented_shared(tmp_path / "shared"), ONLY_INVENTED)
    earlier = [d.id for d in draw(pools, ONLY_INVENTED, 9, seed=5)]
    ids = tmp_path / "ids.txt"
    ids.write_text("# an earlier sample\n" + "".join(f"{i}  # a title\n" for i in earlier), encoding="utf-8")
    excluded = read_excludes([ids])
    assert excluded == set(earlier)
    fresh = [d.id for d in draw(pools, ONLY_INVENTED, 9, seed=5, exclude=excluded)]
    assert len(fresh) == 9 and not set(fresh) & excluded
    with pytest.raises(ValueError, match="only 11 candidate"):
        draw(pools, ONLY_INVENTED, 12, seed=5, exclude=excluded)
    ids.write_text("not-an-id\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not an article id"):
        read_excludes([ids])


def test_quotas_share_by_weight_and_move_what_a_small_pool_lacks():
    weights = {"a": 45, "b": 25, "c": 10, "d": 10, "e": 5, "f": 5, "g": 0}
    big = {p: 100 for p in weights}
    assert quotas(weights, big, 20) == {"a": 9, "b": 5, "c": 2, "d": 2, "e": 1, "f": 1}
    got = quotas(weights, {**big, "a": 3}, 20)
    assert got["a"] == 3 and sum(got.values()) == 20 and got["b"] > 5


# -- sheets and templates ---------------------------------------------------------------------------------

TEXT = "Ships collide near port\nA freighter struck a ferry on Tuesday. Nobody was hurt.\nThe captain was arrested."


def _event(eid: str, trigger: str, type_: str, cameo: str) -> Event:
    start = TEXT.index(trigger)
    s_start = TEXT.rfind("\n", 0, start) + 1
    return Event(id=eid, article_id="a1", type=type_, cameo=cameo,
                 actor=ActorRef(text="A freighter", name="A freighter"),
                 evidence=Evidence(sentence=Span(start=s_start, end=len(TEXT), text=TEXT[s_start:]),
                                   trigger=Span(start=start, end=start + len(trigger), text=trigger), rule="v.test"))


def _spans() -> list[tuple[int, int]]:
    out, pos = [], 0
    for piece in ("Ships collide near port", "A freighter struck a ferry on Tuesday.", "Nobody was hurt.",
                  "The captain was arrested."):
        pos = TEXT.index(piece, pos)
        out.append((pos, pos + len(piece)))
    return out


def test_sheet_and_template_number_sentences_and_events():
    events = [_event("ev1", "struck", "ASSAULT", "190"), _event("ev2", "arrested", "COERCE", "173")]
    art = Article(id="a1", text=TEXT, title="Ships collide near port", published="2021-05-04", source="Invented")
    text = sheet(Drawn("bbc-politics", "bbc-politics:001", art), ArticleAnalysis(article=art), _spans(), events)
    assert "S2. A freighter struck a ferry on Tuesday.\nS3. Nobody was hurt.\n\nS4. The captain" in text
    assert "### E1: ASSAULT, sentence S2" in text and "### E2: COERCE, sentence S4" in text
    rows = [json.loads(line) for line in template("bbc-politics:001", _spans(), events).splitlines()]
    assert rows[0]["article"] == "bbc-politics:001" and rows[0]["missed"] == []
    assert [(r["event"], r["event_id"], r["sentence"]) for r in rows[1:]] == [("E1", "ev1", 2), ("E2", "ev2", 4)]
    assert sentence_of(_spans(), TEXT.index("Nobody")) == 3
    assert file_name("polnear:nyt_2016/a b") == "polnear__nyt_2016_a_b"


# -- scoring ----------------------------------------------------------------------------------------------

def _sample(folder: Path, articles: dict[str, tuple[list[str], dict, list[dict]]]) -> Path:
    """A judged sample folder: {id: (event ids, article line, event verdict lines)}."""
    (folder / "verdicts").mkdir(parents=True)
    entries = []
    for aid, (events, head, rows) in articles.items():
        path = f"verdicts/{file_name(aid)}.jsonl"
        lines = [json.dumps({"article": aid, **head})] + [json.dumps(r) for r in rows]
        (folder / path).write_text("\n".join(lines) + "\n", encoding="utf-8")
        entries.append({"id": aid, "events": events, "sentences": 10, "verdicts": path})
    manifest = {"seed": 7, "ids": list(articles), "code_version": "abc", "articles": entries}
    (folder / "sample.json").write_text(json.dumps(manifest), encoding="utf-8")
    return folder


def _row(eid, verdict, main=False, fields=(), reason="", note=""):
    return {"event": eid.upper(), "event_id": eid, "verdict": verdict, "main": main, "partly_fields": list(fields),
            "wrong_reason": reason, "note": note}


def _judged(tmp_path) -> Path:
    return _sample(tmp_path / "s", {
        "bbc-politics:001": (["e1", "e2", "e3", "e4"], {"judge": "judge-a", "missed": [
            {"sentence": 3, "description": "rebels shelled a town", "type": "ASSAULT"}]},
            [_row("e1", "correct", main=True), _row("e2", "correct"), _row("e3", "partly", main=True,
                                                                           fields=["date", "actor"]),
             _row("e4", "wrong", reason="verb_sense")]),
        "polnear:x": (["f1"], {"judge": "judge-b", "missed": []}, [_row("f1", "partly", fields=["date"])]),
    })


def test_score_counts_shares_fields_reasons_and_main_events(tmp_path):
    got = score(_judged(tmp_path))
    total = got["total"]
    assert (total["events"], total["correct"], total["partly"], total["wrong"]) == (5, 2, 2, 1)
    assert (total["fully_right"], total["partly_right"], total["wrong_share"]) == (0.4, 0.4, 0.2)
    assert total["partly_by_field"] == {"date": 2, "actor": 1}
    assert total["wrong_by_reason"] == {"verb_sense": 1}
    assert (total["main_found"], total["main_missed"], total["main_events"]) == (2, 1, 3)
    assert total["main_found_share"] == 0.6667
    assert got["targets"]["fully_right"] == {"value": 0.4, "target": ">= 0.70", "met": False}
    assert got["targets"]["wrong"]["met"] is False
    first = got["articles"][0]
    assert first["id"] == "bbc-politics:001" and first["fully_right"] == 0.5 and first["main_found_share"] == 0.6667
    assert got["seed"] == 7 and got["ids"] == ["bbc-politics:001", "polnear:x"] and got["complete"]
    assert got["judges"] == ["judge-a", "judge-b"]


@pytest.mark.parametrize("row, message", [
    (_row("e1", "maybe"), "verdict 'maybe' is not one of correct, partly, wrong"),
    (_row("e1", ""), "E1: no verdict"),
    (_row("e1", "partly"), "verdict partly needs the wrong field(s)"),
    (_row("e1", "partly", fields=["colour"]), "partly_fields ['colour'] must be a list drawn from"),
    (_row("e1", "correct", fields=["date"]), "partly_fields are only for verdict partly"),
    (_row("e1", "wrong", reason="bad luck"), "wrong_reason 'bad luck' is not one of"),
    (_row("e1", "wrong", reason="other"), "wrong_reason other needs a note"),
    (_row("e1", "wrong", main=True, reason="duplicate"), "a wrong event cannot be a main event"),
    (_row("e1", "correct", reason="duplicate"), "wrong_reason is only for verdict wrong"),
    ({**_row("e1", "correct"), "main": "yes"}, "'main' must be true or false"),
    (_row("e9", "correct"), "unknown event id 'e9'"),
])
def test_invalid_verdicts_are_named_with_file_and_line(tmp_path, row, message):
    folder = _sample(tmp_path / "s", {"polnear:x": (["e1"], {"judge": "j", "missed": []}, [row])})
    with pytest.raises(VerdictError) as info:
        score(folder)
    assert any(message in p and "polnear__x.jsonl:2" in p for p in info.value.problems), info.value.problems


def test_missing_events_bad_missed_entries_and_blank_files(tmp_path):
    bad_missed = [{"sentence": 40, "description": "", "type": "PARTY"}]
    folder = _sample(tmp_path / "s", {
        "polnear:x": (["e1", "e2"], {"judge": "", "missed": bad_missed}, [_row("e1", "correct")]),
        "polnear:y": (["g1"], {"judge": "", "missed": []}, [_row("g1", "")]),  # not begun
    })
    with pytest.raises(VerdictError) as info:
        score(folder)
    text = "\n".join(info.value.problems)
    for message in ("no line for event id(s) e2", "'judge' is empty", "sentence 40 is not a sentence number",
                    "'description' is empty", "type 'PARTY' is not a PLOVER type", "polnear__y.jsonl:2: G1: no verdict"):
        assert message in text
    (folder / "verdicts" / "polnear__x.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(VerdictError, match="polnear__x.jsonl:1: not JSON"):
        score(folder, partial=True)
    lines = [json.dumps({"article": "polnear:x", "judge": "j", "missed": []}),
             json.dumps(_row("e1", "correct")), json.dumps(_row("e2", "wrong", reason="duplicate"))]
    (folder / "verdicts" / "polnear__x.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = score(folder, partial=True)  # the blank file is left out and named
    assert not got["complete"] and got["not_judged"] == ["polnear:y"] and got["total"]["events"] == 2


def test_sample_refuses_a_folder_inside_the_repository():
    from typer.testing import CliRunner

    from dateline.cli import app

    inside = Path(__file__).resolve().parents[1] / "judging-out"
    result = CliRunner().invoke(app, ["judge", "sample", str(inside), "--seed", "1", "--dry-run"])
    assert result.exit_code == 2 and "inside the repository" in result.output and not inside.exists()
