"""The rule coder's events on each ConfliBERT cameo_class sentence, saved once for the quad measurements.

Running the pipeline over 1,349 sentences takes minutes on a shared machine, and the combination
experiments of measure_quad_combo.py read the same events many times; this keeps them in
runs/quad/events.json (git-ignored), with the commit they were coded at, so a stale cache is visible.

    .venv/bin/python scripts/quad_events_cache.py [--path TSV] [--out runs/quad/events.json]
"""

from __future__ import annotations

import argparse
import json
import subprocess
from pathlib import Path

from dateline.evals.conflibert import _analyse, quad_class, read_quad
from dateline.evals.events import shown
from dateline.evals.split import sentence_key

DEFAULT_TSV = Path(__file__).resolve().parents[2] / "shared/eval/events/conflibert/cameo_class_train.tsv"
DEFAULT_OUT = Path(__file__).resolve().parents[1] / "runs/quad/events.json"


def event_rows(analysis) -> list[dict]:
    """Each shown event with a quad class: what the combinations need and nothing more."""
    rows = []
    for e in shown(analysis.events):
        if quad_class(e.cameo) is None:
            continue
        rows.append({"cameo": e.cameo, "confidence": e.confidence, "trigger": e.evidence.trigger.text,
                     "start": e.evidence.trigger.start, "type": e.type})
    return rows


def head_commit() -> str:
    out = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True, check=False)
    return out.stdout.strip()


def build(path: Path) -> dict:
    items = read_quad(path)
    analyses = _analyse([t for t, _ in items], str(path))
    events = {sentence_key(t): event_rows(a) for (t, _), a in zip(items, analyses)}
    return {"commit": head_commit(), "source": path.name, "events": events}


def load(path: Path = DEFAULT_OUT) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--path", type=Path, default=DEFAULT_TSV)
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    args = ap.parse_args()
    data = build(args.path)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(data), encoding="utf-8")


if __name__ == "__main__":
    main()
