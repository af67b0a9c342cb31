"""Scoring a judged names sample (docs/judging-names.md): the filled verdict files, checked strictly
(every problem named with its file and line), counted per article and in total.

Figures (issue 12's real-news targets):
- quotes fully right: shown quotes judged ``correct``, of all shown quotes;
- speaker right: real quotes (``correct`` or ``partly``) whose speaker is not marked wrong, of real quotes;
- places right: resolved place readings judged ``right``, of all shown readings;
- main actors with the right country and sector: main actors (marked ``main``, plus the judge's
  ``missed_actors``) judged ``correct`` or ``partly`` without ``country`` or ``sector`` among the wrong
  fields, of all main actors.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .judging_score import VerdictError, read_rows, share

VERDICTS = ("correct", "partly", "wrong")
QUOTE_FIELDS = ("content", "kind", "speaker", "principal")
QUOTE_WRONG_REASONS = (
    "not_a_statement",  # page furniture, a caption, a title or plain narration read as a quote
    "duplicate",  # the same statement shown twice
    "other",  # say why in the note
)
PLACE_VERDICTS = ("right", "wrong")
PLACE_WRONG_REASONS = (
    "not_a_place",  # a person, an organisation or a common word read as a place
    "wrong_namesake",  # a place of this name, but not the one the text means
    "wrong_level",  # the right area at the wrong level (the country for a town of the same name)
    "other",
)
ACTOR_FIELDS = ("name", "type", "country", "sector")
ACTOR_WRONG_REASONS = (
    "not_an_actor",  # a thing, a place, a date or page furniture listed as an actor
    "merged",  # two different actors read as one
    "other",
)
QUOTE_KINDS = ("direct", "partial", "indirect")
TARGETS = {"quotes_fully_right": 0.90, "speaker_right": 0.92, "places_right": 0.96,
           "main_actors_codes_right": 0.90}
MIN_ARTICLES = 25  # the smallest reportable sample


@dataclass(frozen=True, slots=True)
class JudgedNames:
    article: str
    judge: str
    quotes: tuple[dict, ...]
    places: tuple[dict, ...]
    actors: tuple[dict, ...]
    missed_quotes: tuple[dict, ...]
    missed_actors: tuple[dict, ...]


def score_names(folder: Path, *, partial: bool = False) -> dict[str, Any]:
    """The figures of a judged names sample folder; ``partial`` leaves blank verdict files out (and says
    the result is incomplete); a file begun and not finished is an error."""
    manifest = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
    judged, blank, problems = [], [], []
    for entry in manifest["articles"]:
        got, blank_file, found = check_names_file(folder / entry["verdicts"], entry)
        if blank_file and partial:
            blank.append(entry["id"])
        else:
            problems += found
            if got is not None:
                judged.append(got)
    if problems:
        raise VerdictError(problems)
    total = names_figures(judged)
    complete = not blank
    return {
        "what": "names", "sample": str(folder), "seed": manifest.get("seed"), "ids": manifest.get("ids", []),
        "code_version": manifest.get("code_version", ""), "complete": complete, "not_judged": blank,
        "reportable": complete and len(judged) >= MIN_ARTICLES,
        "judges": sorted({j.judge for j in judged}), "total": total, "targets": names_targets(total),
        "articles": [{"id": j.article, "judge": j.judge, **names_figures([j])} for j in judged],
    }


def names_figures(judged: list[JudgedNames]) -> dict[str, Any]:
    quotes = [q for j in judged for q in j.quotes]
    qv = Counter(q["verdict"] for q in quotes)
    real = [q for q in quotes if q["verdict"] != "wrong"]
    speaker_ok = sum(1 for q in real if "speaker" not in q["partly_fields"])
    missed_q = sum(len(j.missed_quotes) for j in judged)
    places = [p for j in judged for p in j.places]
    places_right = sum(1 for p in places if p["verdict"] == "right")
    main = [a for j in judged for a in j.actors if a["main"]]
    missed_a = sum(len(j.missed_actors) for j in judged)
    codes_ok = sum(1 for a in main if a["verdict"] != "wrong"
                   and not {"country", "sector"} & set(a["partly_fields"]))
    return {
        "quotes": len(quotes), "quotes_correct": qv["correct"], "quotes_partly": qv["partly"],
        "quotes_wrong": qv["wrong"], "quotes_fully_right": share(qv["correct"], len(quotes)),
        "quotes_partly_by_field": dict(Counter(f for q in quotes for f in q["partly_fields"]).most_common()),
        "quotes_wrong_by_reason": dict(Counter(q["wrong_reason"] for q in quotes
                                               if q["verdict"] == "wrong").most_common()),
        "real_quotes": len(real), "speaker_right_count": speaker_ok, "speaker_right": share(speaker_ok, len(real)),
        "quotes_missed": missed_q, "quotes_found": share(len(real), len(real) + missed_q),
        "places": len(places), "places_right_count": places_right, "places_right": share(places_right, len(places)),
        "places_wrong_by_reason": dict(Counter(p["wrong_reason"] for p in places
                                               if p["verdict"] == "wrong").most_common()),
        "actors_listed": sum(len(j.actors) for j in judged), "main_actors": len(main) + missed_a,
        "main_actors_listed": len(main), "main_actors_missed": missed_a, "main_actors_codes_right_count": codes_ok,
        "main_actors_codes_right": share(codes_ok, len(main) + missed_a),
        "actors_partly_by_field": dict(Counter(f for a in main for f in a["partly_fields"]).most_common()),
        "actors_wrong_by_reason": dict(Counter(a["wrong_reason"] for a in main
                                               if a["verdict"] == "wrong").most_common()),
    }


def names_targets(total: dict[str, Any]) -> dict[str, dict[str, Any]]:
    out = {}
    for name, bound in TARGETS.items():
        v = total[name]
        out[name] = {"value": v, "target": f">= {bound:.2f}", "met": v is not None and v >= bound}
    return out


# -- checking one verdict file --------------------------------------------------------------------------

def check_names_file(path: Path, entry: dict) -> tuple[JudgedNames | None, bool, list[str]]:
    """(the judged article or None, whether the file is still blank, the problems found)."""
    if not path.exists():
        return None, True, [f"{path}: missing (every sampled article needs its verdict file)"]
    rows, problems = read_rows(path, "article")
    if problems:
        return None, False, problems
    head, body = rows[0][1], rows[1:]
    blank = (not head.get("judge") and not head.get("missed_quotes") and not head.get("missed_actors")
             and all(isinstance(r, dict) and not r.get("verdict") and not r.get("main") for _, r in body))
    where = f"{path}:1"
    if head["article"] != entry["id"]:
        problems.append(f"{where}: article {head['article']!r}, but this file is for {entry['id']!r}")
    if not isinstance(head.get("judge"), str) or not head["judge"].strip():
        problems.append(f"{where}: 'judge' is empty: say who judged (not an author of the rules)")
    missed_q = _list(head, "missed_quotes", where, problems)
    for k, m in enumerate(missed_q, start=1):
        problems += [f"{where}: missed_quotes #{k}: {p}" for p in check_missed_quote(m, entry.get("sentences", 0))]
    missed_a = _list(head, "missed_actors", where, problems)
    for k, m in enumerate(missed_a, start=1):
        problems += [f"{where}: missed_actors #{k}: {p}" for p in check_missed_actor(m)]
    expected = {item: id_ for item, id_ in entry["items"]}
    kept: dict[str, list[dict]] = {"Q": [], "P": [], "A": []}
    seen: set[str] = set()
    for i, row in body:
        found = check_item(row, expected, seen)
        problems += [f"{path}:{i}: {p}" for p in found]
        if not found:
            kept[row["item"][0]].append(row)
    lost = [item for item in expected if item not in seen]
    if lost:
        problems.append(f"{path}: no line for item(s) {', '.join(lost)} (every shown item needs a verdict)")
    judged = JudgedNames(entry["id"], str(head.get("judge", "")).strip(), tuple(kept["Q"]), tuple(kept["P"]),
                         tuple(kept["A"]), tuple(missed_q), tuple(missed_a))
    return (None if problems else judged), blank, problems


def _list(head: dict, key: str, where: str, problems: list[str]) -> list:
    got = head.get(key, [])
    if not isinstance(got, list):
        problems.append(f"{where}: '{key}' must be a list")
        return []
    return got


def check_missed_quote(m: Any, sentences: int) -> list[str]:
    if not isinstance(m, dict):
        return ["must be an object {sentence, speaker, kind}"]
    out = []
    s = m.get("sentence")
    if not isinstance(s, int) or isinstance(s, bool) or not 1 <= s <= max(sentences, 1):
        out.append(f"sentence {s!r} is not a sentence number of this article (1..{sentences})")
    if not isinstance(m.get("speaker", ""), str):
        out.append("'speaker' must be text (empty when the text names nobody)")
    if m.get("kind") not in QUOTE_KINDS:
        out.append(f"kind {m.get('kind')!r} is not one of {', '.join(QUOTE_KINDS)}")
    return out


def check_missed_actor(m: Any) -> list[str]:
    if not isinstance(m, dict):
        return ["must be an object {name, country, sector}"]
    out = []
    if not isinstance(m.get("name"), str) or not m["name"].strip():
        out.append("'name' is empty: say which actor the article is about")
    for key in ("country", "sector"):
        if not isinstance(m.get(key, ""), str):
            out.append(f"'{key}' must be text (a code, or empty)")
    return out


def check_item(row: Any, expected: dict[str, str], seen: set[str]) -> list[str]:
    if not isinstance(row, dict):
        return ["an item line must be a JSON object"]
    item = row.get("item")
    if item not in expected or row.get("id") != expected[item]:
        return [f"{item}: unknown item {item!r} with id {row.get('id')!r} (not one of this article's items)"]
    if item in seen:
        return [f"{item}: a second line for this item"]
    seen.add(item)
    if item.startswith("P"):
        return check_place(row, item)
    if item.startswith("A"):
        if not isinstance(row.get("main"), bool):
            return [f"{item}: 'main' must be true or false"]
        if not row["main"]:
            extra = row.get("verdict") or row.get("partly_fields") or row.get("wrong_reason")
            return [f"{item}: verdicts are only for main actors (set main true, or leave the verdict blank)"] \
                if extra else []
        return check_verdict(row, item, ACTOR_FIELDS, ACTOR_WRONG_REASONS)
    return check_verdict(row, item, QUOTE_FIELDS, QUOTE_WRONG_REASONS)


def check_verdict(row: dict, label: str, fields_allowed: tuple, reasons: tuple) -> list[str]:
    verdict, fields, reason = row.get("verdict"), row.get("partly_fields"), row.get("wrong_reason")
    out = []
    if verdict not in VERDICTS:
        out.append(f"{label}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}"
                   if verdict else f"{label}: no verdict (one of {', '.join(VERDICTS)})")
    if not isinstance(fields, list) or any(f not in fields_allowed for f in fields):
        out.append(f"{label}: partly_fields {fields!r} must be a list drawn from {', '.join(fields_allowed)}")
    elif verdict == "partly" and not fields:
        out.append(f"{label}: verdict partly needs the wrong field(s) in partly_fields")
    elif verdict in ("correct", "wrong") and fields:
        out.append(f"{label}: partly_fields are only for verdict partly")
    out += _reason(row, label, verdict == "wrong", reasons)
    return out


def check_place(row: dict, label: str) -> list[str]:
    verdict = row.get("verdict")
    if verdict not in PLACE_VERDICTS:
        return [f"{label}: verdict {verdict!r} is not one of {', '.join(PLACE_VERDICTS)}"
                if verdict else f"{label}: no verdict (one of {', '.join(PLACE_VERDICTS)})"]
    return _reason(row, label, verdict == "wrong", PLACE_WRONG_REASONS)


def _reason(row: dict, label: str, wrong: bool, reasons: tuple) -> list[str]:
    reason = row.get("wrong_reason")
    if not wrong:
        return [f"{label}: wrong_reason is only for verdict wrong"] if reason else []
    if reason not in reasons:
        return [f"{label}: wrong_reason {reason!r} is not one of {', '.join(reasons)}"]
    if reason == "other" and not str(row.get("note") or "").strip():
        return [f"{label}: wrong_reason other needs a note saying why"]
    return []
