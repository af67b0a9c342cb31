"""The sheet and verdict template of one story in a stories judgement (docs/judging-stories.md).

A story's view: its articles (A1, A2...), the occurrences holding at least one report of its articles
(O1, O2..., in the order the read model lists them) with every report they hold, this story's or not
(O1.R1, O1.R2...), and this story's reports that joined no occurrence (U1, U2...). The events of its
articles that are not counted at all (their status is not "happened") are listed for reference.
"""

from __future__ import annotations

import json
from typing import Any

from .judging import Spans, file_name, sentence_of, text_lines

HELP = {
    "main_event": "one line: who did what to whom, when and where (the story's main event, from the texts)",
    "main_occurrence": "the O label of the occurrence that holds the main event (the one with most of its "
                       "reports when it is split), or \"none\"",
    "reports_main_event": "per article: true when the article reports the main event, else false",
    "main_event (report lines)": "per report: true when this report is of the story's main event, else false",
}


def story_view(story, stories: list, found: dict[str, Any], events: dict[str, list[dict]], starts: dict[str, int],
               ) -> dict[str, Any]:
    """What the sheet and template show of ``story`` (see the module's docstring)."""
    labels = {d.article.id: f"A{k}" for k, d in enumerate(story.articles, start=1)}
    owner = {d.article.id: (s.id, d) for s in stories for d in s.articles}
    rows = {r["id"]: r for got in events.values() for r in got}

    def report(label: str, occ: str, r: dict[str, Any]) -> dict[str, Any]:
        row = rows.get(r["event"], {})
        story_id, drawn = owner.get(r["article"], (None, None))
        return {"label": label, "occurrence": occ, "event": r["event"],
                "article": labels.get(r["article"]) or f"{story_id or 'not in this sample'}/"
                                                       f"{drawn.id if drawn else r['article']}",
                "ours": r["article"] in labels, "drawn": drawn, "start": starts.get(r["event"]),
                "sentence_text": (r.get("sentence") or row.get("sentence") or "").strip(),
                "coded": coded(row, r), "why": r.get("why")}

    occurrences, reports = [], []
    for o in found["occurrences"]:
        if not any(r["article"] in labels for r in o["reports"]):
            continue
        occ = f"O{len(occurrences) + 1}"
        got = [report(f"{occ}.R{j}", occ, r) for j, r in enumerate(o["reports"], start=1)]
        occurrences.append({"label": occ, "id": o.get("id"), "start": o.get("start"), "end": o.get("end"),
                            "type": o.get("type"), "place": o.get("place") or o.get("locations"),
                            "articles": o.get("articles"), "reports": got})
        reports += got
    unplaced = [r for r in found["unplaced"] if r["article"] in labels]
    reports += [report(f"U{j}", "-", r) for j, r in enumerate(unplaced, start=1)]
    listed = {r["event"] for r in reports}
    others = [r for d in story.articles for r in events.get(d.id, ()) if r["id"] not in listed]
    return {"labels": labels, "occurrences": occurrences, "reports": reports,
            "unplaced": [r for r in reports if r["occurrence"] == "-"], "not_counted": others}


def coded(row: dict[str, Any], r: dict[str, Any]) -> str:
    """ "CONSULT/visit 'met': A -> B; date 2019-01-08; place Beijing" from the event row (or the report)."""
    kind = (row.get("type") or "?") + (f"/{row['mode']}" if row.get("mode") else "")
    who = (row.get("actor") or r.get("actor") or "?") + (
        f" -> {row.get('recipient') or r.get('recipient')}" if row.get("recipient") or r.get("recipient") else "")
    place = row.get("location") or r.get("location")
    return (f"{kind} '{row.get('trigger') or r.get('trigger') or '?'}': {who}; date {row.get('date') or r.get('date') or 'none'}"
            + (f"; place {place}" if place else ""))


# -- the sheet ------------------------------------------------------------------------------------------

def story_sheet(story, view: dict[str, Any], spans: dict[str, Spans]) -> str:
    lines = [f"# Story {story.id}: {story.about} ({len(story.articles)} articles)", "",
             f"- verdict file: verdicts/{file_name(story.id)}.jsonl (fill it; leave this sheet as it is)",
             "- how to judge: docs/judging-stories.md in the Dateline repository",
             "- every story of this sample is in one store (store.duckdb here); the occurrences are those "
             "`dateline count` lists with no filters",
             *[f"- {gone} is left out: its text is that of {kept}, stored once" for gone, kept in story.same_text],
             "", "## Articles", ""]
    for k, d in enumerate(story.articles, start=1):
        a = d.article
        lines += [f"### A{k}: {d.id}" + (f": {a.title}" if a.title else ""), "",
                  f"- source: {a.source or '?'}; published: {a.published or 'undated'}; read from: {a.origin}", "",
                  *text_lines(a.text, spans.get(d.id, []), label=f"A{k}.S"), ""]
    lines += [f"## Occurrences holding a report of this story ({len(view['occurrences'])})", ""]
    if not view["occurrences"]:
        lines += ["None: the product joined no report of these articles into an occurrence.", ""]
    for o in view["occurrences"]:
        lines += occurrence_block(o, spans)
    lines += [f"## Reports of this story in no occurrence ({len(view['unplaced'])})", ""]
    for r in view["unplaced"]:
        lines += report_lines(r, spans)
    if view["not_counted"]:
        lines += ["## Shown events of these articles that are not counted (for reference, not judged)", ""]
        for row in view["not_counted"]:
            label = view["labels"].get(row["article"], row["article"])
            lines.append(f"- {label}: {coded(row, {})}; status {row.get('status')}")
        lines.append("")
    return "\n".join(lines) + "\n"


def occurrence_block(o: dict[str, Any], spans: dict[str, Spans]) -> list[str]:
    days = o["start"] if o["start"] == o["end"] else f"{o['start']} to {o['end']}"
    place = o["place"].get("name") if isinstance(o["place"], dict) else ", ".join(o["place"] or []) or "none"
    ours = sum(1 for r in o["reports"] if r["ours"])
    lines = [f"### {o['label']}: {o.get('type') or ''} {days}; place {place}; reports: {len(o['reports'])} "
             f"({ours} of this story) from articles: {o.get('articles') or '?'}"
             + (f" [id {o['id']}]" if o.get("id") else ""), ""]
    for r in o["reports"]:
        lines += report_lines(r, spans)
    return lines


def report_lines(r: dict[str, Any], spans: dict[str, Spans]) -> list[str]:
    where = r["article"]
    if r["drawn"] is not None and r["start"] is not None and spans.get(r["drawn"].id):
        where += f" S{sentence_of(spans[r['drawn'].id], r['start'])}"
    why = r.get("why")
    if isinstance(why, dict):
        why_text = "; why joined: " + ", ".join(f"{k} {v}" for k, v in why.items())
    else:
        why_text = f"; why joined: {why}" if why else ""
    return [f"- **{r['label']}** ({where}) {r['coded']}{why_text}", f"  > {r['sentence_text']}", ""]


# -- the verdict template -----------------------------------------------------------------------------

def story_template(story, view: dict[str, Any]) -> str:
    """First line: the story (judge, main event, main occurrence); then one line per article and one per
    report shown."""
    lines: list[dict[str, Any]] = [{"story": story.id, "judge": "", "main_event": "", "main_occurrence": "",
                                    "note": "", "_help": HELP}]
    for k, d in enumerate(story.articles, start=1):
        lines.append({"article": f"A{k}", "id": d.id, "reports_main_event": None})
    for r in view["reports"]:
        lines.append({"report": r["label"], "event_id": r["event"], "article": r["article"],
                      "coded": r["coded"], "main_event": None})
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)
