"""Scoring a judged sample (docs/judging-events.md): the filled verdict files of a sample folder, checked
strictly (every problem is reported with its file and line), then counted per article and in total.

Figures: share of shown events judged correct, partly right (by field) and wrong (by reason), and the
share of main events found: main events are the coded events a judge marks ``main`` (correct or partly
right) plus the ones the judge lists as ``missed``.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

VERDICTS = ("correct", "partly", "wrong")
# the field(s) that are wrong when the event itself is right
PARTLY_FIELDS = ("type", "mode", "actor", "recipient", "date", "place", "status")
# why an event is wrong: there is no such event in the text, as coded
WRONG_REASONS = (
    "figurative_or_idiomatic",  # "a storm of criticism", "fought back tears"
    "target_not_argument",  # a nearby place, time or attribution taken as the target
    "non_actor",  # a pronoun, a thing or a document coded as the actor
    "roles_reversed",  # passive or "accused of": actor and target swapped
    "verb_sense",  # forecast, insist, plead… coded as the action it names
    "negated_or_disputed",  # it did not happen, or only a disputed claim, and the record says it did
    "not_an_event",  # any other text that holds no event of the coded kind
    "duplicate",  # the same event coded a second time from one sentence
    "other",  # say why in the note
)
TARGETS = {"fully_right": (">=", 0.70), "wrong": ("<=", 0.10), "main_found": (">=", 0.70)}


class VerdictError(ValueError):
    """The verdict files do not check: ``problems`` lists each one as 'file:line: what is wrong'."""

    def __init__(self, problems: list[str]):
        super().__init__(f"{len(problems)} problem(s) in the verdict files:\n" + "\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Judged:
    article: str
    judge: str
    events: tuple[dict, ...]
    missed: tuple[dict, ...]


def score(folder: Path, *, partial: bool = False) -> dict[str, Any]:
    """The figures of a judged sample folder. ``partial``: articles whose verdict file is still blank are
    left out and listed (the result says it is incomplete); a file begun and not finished is an error."""
    manifest = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
    judged, blank, problems = [], [], []
    for entry in manifest["articles"]:
        got, blank_file, found = check_file(folder / entry["verdicts"], entry)
        if blank_file and partial:
            blank.append(entry["id"])
        else:
            problems += found
            if got is not None:
                judged.append(got)
    if problems:
        raise VerdictError(problems)
    total = figures(judged)
    return {
        "sample": str(folder), "seed": manifest.get("seed"), "ids": manifest.get("ids", []),
        "code_version": manifest.get("code_version", ""), "complete": not blank, "not_judged": blank,
        "judges": sorted({j.judge for j in judged}), "total": total, "targets": targets(total),
        "articles": [{"id": j.article, "judge": j.judge, **figures([j])} for j in judged],
    }


def score_any(folder: Path, *, partial: bool = False) -> dict[str, Any]:
    """The figures of any judged folder, by what its manifest says it judges: events (``score``), names
    (``judging_names_score``) or stories (``judging_stories_score``)."""
    manifest = folder / "sample.json"
    what = json.loads(manifest.read_text(encoding="utf-8")).get("what", "events") if manifest.exists() else "events"
    if what == "names":
        from .judging_names_score import score_names

        return score_names(folder, partial=partial)
    if what == "stories":
        from .judging_stories_score import score_stories

        return score_stories(folder, partial=partial)
    return {"what": "events", **score(folder, partial=partial)}


def figures(judged: list[Judged]) -> dict[str, Any]:
    events = [e for j in judged for e in j.events]
    verdicts = Counter(e["verdict"] for e in events)
    n = len(events)
    found = sum(1 for e in events if e["main"] and e["verdict"] != "wrong")
    missed = sum(len(j.missed) for j in judged)
    return {
        "events": n, "correct": verdicts["correct"], "partly": verdicts["partly"], "wrong": verdicts["wrong"],
        "fully_right": _share(verdicts["correct"], n), "partly_right": _share(verdicts["partly"], n),
        "wrong_share": _share(verdicts["wrong"], n),
        "partly_by_field": dict(Counter(f for e in events for f in e["partly_fields"]).most_common()),
        "wrong_by_reason": dict(Counter(e["wrong_reason"] for e in events if e["verdict"] == "wrong").most_common()),
        "main_events": found + missed, "main_found": found, "main_missed": missed,
        "main_found_share": _share(found, found + missed),
    }


def targets(total: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The done-when figures against their targets; an undefined share (nothing judged) fails."""
    values = {"fully_right": total["fully_right"], "wrong": total["wrong_share"],
              "main_found": total["main_found_share"]}
    out = {}
    for name, (op, bound) in TARGETS.items():
        v = values[name]
        met = v is not None and (v >= bound if op == ">=" else v <= bound)
        out[name] = {"value": v, "target": f"{op} {bound:.2f}", "met": met}
    return out


def _share(k: int, n: int) -> float | None:
    return round(k / n, 4) if n else None


# -- checking one verdict file --------------------------------------------------------------------------

def check_file(path: Path, entry: dict) -> tuple[Judged | None, bool, list[str]]:
    """(the judged article or None, whether the file is still blank, the problems found)."""
    if not path.exists():
        return None, True, [f"{path}: missing (every sampled article needs its verdict file)"]
    rows, problems = read_rows(path, "article")
    if problems:
        return None, False, problems
    head, body = rows[0][1], rows[1:]
    blank = not head.get("judge") and not head.get("missed") and all(
        isinstance(r, dict) and not r.get("verdict") for _, r in body)
    where = f"{path}:1"
    if head["article"] != entry["id"]:
        problems.append(f"{where}: article {head['article']!r}, but this file is for {entry['id']!r}")
    if not isinstance(head.get("judge"), str) or not head["judge"].strip():
        problems.append(f"{where}: 'judge' is empty: say who judged (not an author of the rules)")
    missed = head.get("missed")
    if not isinstance(missed, list):
        problems.append(f"{where}: 'missed' must be a list of {{sentence, description, type}}")
        missed = []
    for k, m in enumerate(missed, start=1):
        problems += [f"{where}: missed #{k}: {p}" for p in check_missed(m, entry.get("sentences", 0))]
    events, seen = [], set()
    for i, row in body:
        found = check_event(row, entry, seen)
        problems += [f"{path}:{i}: {p}" for p in found]
        if not found:
            events.append(row)
    lost = [e for e in entry["events"] if e not in seen]
    if lost:
        problems.append(f"{path}: no line for event id(s) {', '.join(lost)} (every shown event needs a verdict)")
    judged = Judged(entry["id"], str(head.get("judge", "")).strip(), tuple(events), tuple(missed))
    return (None if problems else judged), blank, problems


def read_rows(path: Path, head_key: str) -> tuple[list[tuple[int, Any]], list[str]]:
    """A verdict file's lines as (line number, JSON value), blank lines skipped; the problems when a line
    is not JSON or the first line is not the head object (the one holding ``head_key``)."""
    rows, problems = [], []
    for i, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rows.append((i, json.loads(line)))
        except json.JSONDecodeError as e:
            problems.append(f"{path}:{i}: not JSON ({e.msg} at column {e.colno})")
    if not problems and (not rows or not isinstance(rows[0][1], dict) or head_key not in rows[0][1]):
        problems.append(f"{path}:1: the first line must be the {head_key} line ({{\"{head_key}\": ...}})")
    return rows, problems


def share(k: int, n: int) -> float | None:
    """k of n as a share rounded to four places; None when nothing was counted."""
    return round(k / n, 4) if n else None


def check_missed(m: Any, sentences: int) -> list[str]:
    from ..ontology.events import PLOVER_TYPES

    if not isinstance(m, dict):
        return ["must be an object {sentence, description, type}"]
    out = []
    s = m.get("sentence")
    if not isinstance(s, int) or isinstance(s, bool) or not 1 <= s <= max(sentences, 1):
        out.append(f"sentence {s!r} is not a sentence number of this article (1..{sentences})")
    if not isinstance(m.get("description"), str) or not m["description"].strip():
        out.append("'description' is empty: say who did what to whom")
    if m.get("type") not in PLOVER_TYPES:
        out.append(f"type {m.get('type')!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    return out


def check_event(row: Any, entry: dict, seen: set[str]) -> list[str]:
    if not isinstance(row, dict):
        return ["an event line must be a JSON object"]
    eid = row.get("event_id")
    label = row.get("event") or eid
    if eid not in entry["events"]:
        return [f"{label}: unknown event id {eid!r} (not one of this article's shown events)"]
    if eid in seen:
        return [f"{label}: event id {eid} has a second line"]
    seen.add(eid)
    verdict, fields, reason = row.get("verdict"), row.get("partly_fields"), row.get("wrong_reason")
    out = []
    if verdict not in VERDICTS:
        out.append(f"{label}: verdict {verdict!r} is not one of {', '.join(VERDICTS)}"
                   if verdict else f"{label}: no verdict (one of {', '.join(VERDICTS)})")
    if not isinstance(row.get("main"), bool):
        out.append(f"{label}: 'main' must be true or false")
    if not isinstance(fields, list) or any(f not in PARTLY_FIELDS for f in fields):
        out.append(f"{label}: partly_fields {fields!r} must be a list drawn from {', '.join(PARTLY_FIELDS)}")
    elif verdict == "partly" and not fields:
        out.append(f"{label}: verdict partly needs the wrong field(s) in partly_fields")
    elif verdict in ("correct", "wrong") and fields:
        out.append(f"{label}: partly_fields are only for verdict partly")
    if verdict == "wrong":
        if reason not in WRONG_REASONS:
            out.append(f"{label}: wrong_reason {reason!r} is not one of {', '.join(WRONG_REASONS)}")
        elif reason == "other" and not str(row.get("note") or "").strip():
            out.append(f"{label}: wrong_reason other needs a note saying why")
        if row.get("main") is True:
            out.append(f"{label}: a wrong event cannot be a main event found; list the main event under missed")
    elif reason:
        out.append(f"{label}: wrong_reason is only for verdict wrong")
    return out
