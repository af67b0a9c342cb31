#!/bin/bash
# Measure an event change: HEAD against HEAD plus the working-tree diff of FILES, each in a git worktree, on
# PLOVER check and tune, PETRARCH, WikiEvents and events-args check (scripts/eval_check.py). Only the named
# files' changes are measured, so engineers sharing a tree measure their own work. New files: `git add -N` first.
#   scripts/measure_events.sh NAME FILE...        (figures under ${MEASURE_DIR:-/tmp/measure})
set -e
NAME=$1; shift
cd "$(dirname "$0")/.."
OUT=${MEASURE_DIR:-/tmp/measure}; mkdir -p "$OUT"
PY=${PYTHON:-.venv/bin/python}
ONLY=events-plover,events-petrarch,events-wikievents,events-args
# the base figures depend only on the code that reads text, so they are kept per tree of it
KEY=$(git rev-parse HEAD:src/dateline/nlp HEAD:src/dateline/ontology HEAD:src/dateline/evals | md5sum | cut -c1-10)
measure() { # checkout prefix
  $PY scripts/eval_check.py "$1" "$2.json" -j 2 --only $ONLY > /dev/null
  $PY scripts/eval_check.py "$1" "$2-tune.json" -j 1 --only events-plover --split tune > /dev/null
}
worktree() { git worktree prune; for i in 1 2 3 4 5; do git worktree add -q --detach "$1" HEAD && return; sleep 3; done; }
if [ ! -f "$OUT/base-$KEY.json" ]; then
  rm -rf "$OUT/wt-base-$KEY"; worktree "$OUT/wt-base-$KEY"
  measure "$OUT/wt-base-$KEY" "$OUT/base-$KEY"
  git worktree remove --force "$OUT/wt-base-$KEY"
fi
W="$OUT/wt-$NAME"; git worktree remove --force "$W" 2>/dev/null || rm -rf "$W"; worktree "$W"
git diff HEAD -- "$@" > "$OUT/$NAME.patch"
[ -s "$OUT/$NAME.patch" ] && (cd "$W" && git apply "$OUT/$NAME.patch")
measure "$W" "$OUT/new-$NAME"
git worktree remove --force "$W"
$PY - "$OUT" "$KEY" "$NAME" <<'PY'
import json, sys
out, key, name = sys.argv[1:]
keys = {"events-plover": ["type_accuracy", "actor_country_f1", "recipient_country_f1"],
        "events-petrarch": ["root_triple_f1", "triple_f1"], "events-wikievents": ["trigger_f1", "agent_f1", "target_f1"],
        "events-args": ["source_f1", "target_f1", "reciprocal_f1"]}
for half, suffix in (("check", ""), ("tune", "-tune")):
    base = json.load(open(f"{out}/base-{key}{suffix}.json"))
    new = json.load(open(f"{out}/new-{name}{suffix}.json"))
    for task, names in keys.items():
        if task in base:
            print(half, task, "  ".join(f"{k} {base[task].get(k, 0):.4f}->{new[task].get(k, 0):.4f}"
                                        f"{' *' if base[task].get(k) != new[task].get(k) else ''}" for k in names))
PY
