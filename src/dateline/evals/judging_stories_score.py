"""Scoring a judged stories sample (docs/judging-stories.md): per story, whether every report of its main
event was joined into one occurrence and whether an unrelated report was joined to it.

Per story:
- ``main_articles``: articles the judge says report the main event;
- ``joined_articles``: of those, the ones with a report of the main event in the main occurrence;
- ``main_reports_outside``: reports of the main event outside the main occurrence (in another
  occurrence, ``split``, or in none, ``unplaced``);
- ``unrelated_joined``: reports in the main occurrence that are not of the main event;
- ``all_joined``: every main article joined and no report of the main event outside;
- ``no_unrelated``: no unrelated report joined (and there is a main occurrence).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .judging_score import VerdictError, read_rows, share

MIN_STORIES = 3  # the smallest reportable sample
MIN_ARTICLES = 4


@dataclass(frozen=True, slots=True)
class JudgedStory:
    story: str
    judge: str
    main_event: str
    main_occurrence: str
    articles: tuple[dict, ...]
    reports: tuple[dict, ...]


def score_stories(folder: Path, *, partial: bool = False) -> dict[str, Any]:
    """The figures of a judged stories folder; ``partial`` leaves blank verdict files out (the result says
    it is incomplete); a file begun and not finished is an error."""
    manifest = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
    judged, blank, problems = [], [], []
    for entry in manifest["stories"]:
        got, blank_file, found = check_story_file(folder / entry["verdicts"], entry)
        if blank_file and partial:
            blank.append(entry["id"])
        else:
            problems += found
            if got is not None:
                judged.append(got)
    if problems:
        raise VerdictError(problems)
    stories = [{"id": j.story, "judge": j.judge, "main_event": j.main_event, **story_figures(j)} for j in judged]
    total = total_figures(stories)
    complete = not blank
    sizes_ok = all(len(e["articles"]) >= MIN_ARTICLES for e in manifest["stories"])
    return {
        "what": "stories", "sample": str(folder), "seed": manifest.get("seed"), "topics": manifest.get("topics", []),
        "ids": manifest.get("ids", []), "code_version": manifest.get("code_version", ""), "complete": complete,
        "not_judged": blank, "reportable": complete and len(judged) >= MIN_STORIES and sizes_ok,
        "judges": sorted({j.judge for j in judged}), "stories": stories, "total": total,
        "targets": {"every_story_all_joined": {"value": total["stories_all_joined"], "target": "all stories",
                                               "met": bool(stories) and total["stories_all_joined"] == len(stories)},
                    "no_unrelated_joined": {"value": total["unrelated_joined"], "target": "0",
                                            "met": bool(stories) and total["stories_no_unrelated"] == len(stories)}},
    }


def story_figures(j: JudgedStory) -> dict[str, Any]:
    main = j.main_occurrence
    mains = [a["article"] for a in j.articles if a["reports_main_event"]]
    in_main = [r for r in j.reports if r["occurrence"] == main]
    joined = {r["article"] for r in in_main if r["main_event"]}
    outside = [r for r in j.reports if r["main_event"] and r["occurrence"] != main]
    unrelated = [r for r in in_main if not r["main_event"]]
    joined_articles = sum(1 for a in mains if a in joined)
    return {
        "articles": len(j.articles), "main_occurrence": main, "main_articles": len(mains),
        "joined_articles": joined_articles, "joined_share": share(joined_articles, len(mains)),
        "reports_in_main": len(in_main), "unrelated_joined": len(unrelated),
        "main_reports_outside": len(outside),
        "split_into": sorted({r["occurrence"] for r in outside if r["occurrence"] != "-"}),
        "main_reports_unplaced": sum(1 for r in outside if r["occurrence"] == "-"),
        "all_joined": bool(mains) and main != "none" and joined_articles == len(mains) and not outside,
        "no_unrelated": main != "none" and not unrelated,
    }


def total_figures(stories: list[dict[str, Any]]) -> dict[str, Any]:
    mains = sum(s["main_articles"] for s in stories)
    joined = sum(s["joined_articles"] for s in stories)
    return {"stories": len(stories), "stories_all_joined": sum(s["all_joined"] for s in stories),
            "stories_no_unrelated": sum(s["no_unrelated"] for s in stories), "main_articles": mains,
            "joined_articles": joined, "joined_share": share(joined, mains),
            "unrelated_joined": sum(s["unrelated_joined"] for s in stories),
            "main_reports_outside": sum(s["main_reports_outside"] for s in stories)}


# -- checking one verdict file --------------------------------------------------------------------------

def check_story_file(path: Path, entry: dict) -> tuple[JudgedStory | None, bool, list[str]]:
    """(the judged story or None, whether the file is still blank, the problems found)."""
    if not path.exists():
        return None, True, [f"{path}: missing (every story needs its verdict file)"]
    rows, problems = read_rows(path, "story")
    if problems:
        return None, False, problems
    head, body = rows[0][1], rows[1:]
    blank = (not head.get("judge") and not head.get("main_event") and not head.get("main_occurrence")
             and all(isinstance(r, dict) and r.get("reports_main_event") is None and r.get("main_event") is None
                     for _, r in body))
    where = f"{path}:1"
    if head["story"] != entry["id"]:
        problems.append(f"{where}: story {head['story']!r}, but this file is for {entry['id']!r}")
    for key, what in (("judge", "say who judged (not an author of the rules)"),
                      ("main_event", "say in a line what the story's main event is")):
        if not isinstance(head.get(key), str) or not head[key].strip():
            problems.append(f"{where}: '{key}' is empty: {what}")
    occurrences = entry.get("occurrences", [])
    main = head.get("main_occurrence")
    if main not in [*occurrences, "none"]:
        problems.append(f"{where}: main_occurrence {main!r} is not one of {', '.join([*occurrences, 'none'])}")
    articles = {f"A{k}": cid for k, cid in enumerate(entry["articles"], start=1)}
    reports = {label: eid for label, eid in entry["reports"]}
    got_articles, got_reports, seen = [], [], set()
    for i, row in body:
        found = check_line(row, articles, reports, seen)
        problems += [f"{path}:{i}: {p}" for p in found]
        if not found and "article" in row and "report" not in row:
            got_articles.append(row)
        elif not found:
            label = row["report"]
            got_reports.append({**row, "occurrence": label.split(".", 1)[0] if "." in label else "-"})
    lost = [x for x in [*articles, *reports] if x not in seen]
    if lost:
        problems.append(f"{path}: no line for {', '.join(lost)} (every article and report needs a verdict)")
    judged = JudgedStory(entry["id"], str(head.get("judge", "")).strip(), str(head.get("main_event", "")),
                         str(main), tuple(got_articles), tuple(got_reports))
    return (None if problems else judged), blank, problems


def check_line(row: Any, articles: dict[str, str], reports: dict[str, str], seen: set[str]) -> list[str]:
    if not isinstance(row, dict):
        return ["a line must be a JSON object"]
    if "report" in row:
        label, key, want = row["report"], "main_event", reports.get(row["report"])
        if want is None or row.get("event_id") != want:
            return [f"unknown report {label!r} with event id {row.get('event_id')!r}"]
    else:
        label, key, want = row.get("article"), "reports_main_event", articles.get(row.get("article"))
        if want is None or row.get("id") != want:
            return [f"unknown article {label!r} with id {row.get('id')!r}"]
    if label in seen:
        return [f"{label}: a second line"]
    seen.add(label)
    if not isinstance(row.get(key), bool):
        return [f"{label}: '{key}' must be true or false"]
    return []
