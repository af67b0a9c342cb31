"""Run every task of tests/eval_floors.json on its split (check unless --split says otherwise) in a checkout,
in parallel, and print the floored metrics; the figures a closing note reports.

    python scripts/eval_check.py [CHECKOUT] OUT.json [-j 2] [--split tune] [--only events-plover,quotes]

CHECKOUT defaults to this repository (a git worktree of another commit measures that commit); the gold data
is read from ../shared beside this repository.
"""

from __future__ import annotations

import json
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parents[1]
SHARED = HERE.parent / "shared"
RUN = "import sys; from dateline.cli import main; sys.argv[0] = 'dateline'; sys.exit(main())"


def _option(args: list[str], name: str, default=None):
    return args[args.index(name) + 1] if name in args else default


def run_task(checkout: Path, name: str, spec: dict, split: str | None) -> tuple[str, dict]:
    cmd = [sys.executable, "-c", RUN, "eval", spec.get("task", name), str(SHARED / spec["path"]), "--json"]
    if name != "seed" and (split or spec.get("split")):
        cmd += ["--split", split or spec["split"]]
    if spec.get("limit"):
        cmd += ["--limit", str(spec["limit"])]
    r = subprocess.run(cmd, cwd=checkout, capture_output=True, text=True,
                       env={"PYTHONPATH": str(checkout / "src"), "PATH": "/usr/bin:/bin"})
    try:
        return name, json.loads(r.stdout).get("metrics", {})
    except json.JSONDecodeError:
        return name, {"error": r.stderr[-800:]}


def main(args: list[str]) -> None:
    pos = [a for i, a in enumerate(args) if not a.startswith("-") and (i == 0 or not args[i - 1].startswith("-"))]
    checkout, out = (Path(pos[0]).resolve(), Path(pos[1])) if len(pos) > 1 else (HERE, Path(pos[0]))
    tasks = json.loads((checkout / "tests" / "eval_floors.json").read_text())["tasks"]
    only = set(_option(args, "--only", "").split(",")) - {""}
    names = [n for n in tasks if not only or n in only]
    with ThreadPoolExecutor(int(_option(args, "-j", 2))) as pool:
        results = dict(pool.map(lambda n: run_task(checkout, n, tasks[n], _option(args, "--split")), names))
    out.write_text(json.dumps(results, indent=1), encoding="utf-8")
    for name, m in results.items():
        floored = set(tasks[name].get("min", {})) | set(tasks[name].get("max", {})) | {"error"}
        print(name, {k: round(v, 4) if isinstance(v, float) else v for k, v in m.items() if k in floored})


if __name__ == "__main__":
    main(sys.argv[1:])
