"""Judged events of real-news tune samples as a feature table for scripts/fit_event_confidence.py.

Re-codes each sample's articles with the current code, matches each coded event to the judge's verdict
(by event id, else by sentence, type and trigger word), and writes one line per matched event: sample,
verdict, whether the judge marked it a main event, and the confidence model's features. Article text and
judges' notes are not written.

    python scripts/event_labels.py OUT.jsonl /path/to/sample1 /path/to/sample2 ...
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from dateline.evals.judging import DEFAULT_WEIGHTS, sentence_of, sentence_spans  # noqa: E402
from dateline.evals.judging_pools import read_pools  # noqa: E402
from dateline.pipeline import analyze  # noqa: E402

SHARED = Path(__file__).resolve().parents[2] / "shared"


def verdicts(folder: Path) -> dict[str, list[dict]]:
    out = {}
    for f in (folder / "verdicts").glob("*.jsonl"):
        lines = [json.loads(x) for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
        out[lines[0]["article"]] = lines[1:]
    return out


def rows_of(folder: Path):
    man = json.loads((folder / "sample.json").read_text(encoding="utf-8"))
    pools = read_pools(SHARED, {**DEFAULT_WEIGHTS, **man.get("weights", {})}, min_chars=man["min_chars"],
                       max_chars=man["max_chars"])
    by_id = {cid: art for pool in pools.values() for cid, art in pool}
    ids = [i for i in man["ids"] if i in by_id]
    judged = verdicts(folder)
    analyses = list(analyze([by_id[i] for i in ids]))
    for aid, a, spans in zip(ids, analyses, sentence_spans([a.article.text for a in analyses])):
        by_event = {j["event_id"]: j for j in judged.get(aid, [])}
        by_trigger = {}
        for j in judged.get(aid, []):
            m = re.match(r"(\w+) '([^']*)'", j["coded"])
            if m:
                by_trigger.setdefault((j["sentence"], m.group(1), m.group(2)), j)
        for e in a.events:
            s = sentence_of(spans, e.evidence.trigger.start)
            j = by_event.get(e.id) or by_trigger.get((s, e.type, e.evidence.trigger.text))
            if j is None or not j.get("verdict"):
                continue
            yield {"sample": f"{folder.name}:{man['seed']}", "verdict": j["verdict"], "main": bool(j.get("main")),
                   "features": e.evidence.features}


def main(out: str, *folders: str) -> None:
    rows = [r for f in folders for r in rows_of(Path(f))]
    Path(out).write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} judged events -> {out}")


if __name__ == "__main__":
    main(sys.argv[1], *sys.argv[2:])
