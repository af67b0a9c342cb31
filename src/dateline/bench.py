"""dateline bench: how fast is the analysis, against the floor set by parsing alone?

In one process tree and one run, for each worker count: a bare spaCy ``nlp.pipe`` pass over the
texts (same model, same batch size, in the same kind of worker processes), then the full Dateline
analysis through the batch runner, loaded into a temporary store, then the bare pass again (the
bare rates are the mean of the two, so drift in the machine's speed during the run cancels out).
Rates per core come from the workers' own analysis time (model loading excluded); rates per run
from the wall time between the first partition's start and the last one's end. A stage profile
(parse, then each extractor) shows where the full analysis spends its time.
"""

from __future__ import annotations

import json
import os
import random
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .model import Article, ArticleAnalysis, to_dict


@dataclass(frozen=True, slots=True, kw_only=True)
class BenchOptions:
    articles: int = 200
    corpus: str | None = None  # files or a directory; None: generated text of known size
    words: int = 300  # words per generated article
    workers: tuple[int, ...] = (1,)
    model: str = ""
    batch_size: int = 32
    partition_size: int = 25
    profile_articles: int = 100  # articles in the stage profile (0: no profile)


# -- the corpus ----------------------------------------------------------------------------------------
_PEOPLE = ("Kim Jong Un", "Moon Jae-in", "Xi Jinping", "Angela Merkel", "Emmanuel Macron", "Narendra Modi",
           "Jacinda Ardern", "Cyril Ramaphosa", "the prime minister", "a government spokesman")
_PLACES = ("Beijing", "Seoul", "Berlin", "Paris", "New Delhi", "Wellington", "Pretoria", "Geneva", "Hanoi", "Lima")
_VERBS = ("met", "criticised", "praised", "accused", "thanked", "warned", "visited", "called")
_WHEN = ("on Monday", "on Tuesday", "last week", "in March", "on Jan. 8", "earlier this year", "next month")
_TOPICS = ("trade", "security", "climate policy", "the border dispute", "energy prices", "sanctions")


def generate_articles(n: int, *, words: int = 300, seed: int = 0) -> list[Article]:
    """Synthetic news of a known length: sentences with people, places, dates and quotes."""
    from .ingest import make_article

    rng = random.Random(seed)
    out = []
    for i in range(n):
        paragraphs: list[str] = []
        count = 0
        while count < words:
            a, b = rng.sample(_PEOPLE, 2)
            s = rng.choice((
                f"{a.capitalize()} {rng.choice(_VERBS)} {b} in {rng.choice(_PLACES)} {rng.choice(_WHEN)} "
                f"over {rng.choice(_TOPICS)}, officials said.",
                f'"We will not accept new demands on {rng.choice(_TOPICS)}," {a} told reporters in '
                f"{rng.choice(_PLACES)} {rng.choice(_WHEN)}.",
                f"Talks on {rng.choice(_TOPICS)} between {a} and {b} are expected to resume {rng.choice(_WHEN)}, "
                f"according to a statement from {rng.choice(_PLACES)}.",
            ))
            paragraphs.append(s)
            count += len(s.split())
        out.append(make_article(title=f"Report {i}: talks on {rng.choice(_TOPICS)}", paragraphs=paragraphs,
                                published="2019-01-08", source="Bench Wire", origin=f"generated#{i}"))
    return out


def corpus_articles(options: BenchOptions) -> list[Article]:
    if not options.corpus:
        return generate_articles(options.articles, words=options.words)
    from .ingest import Defaults, ReadOptions, read_inputs

    out: list[Article] = []
    for item in read_inputs([options.corpus], ReadOptions(defaults=Defaults(require_date=False))):
        if isinstance(item, Article):
            out.append(item)
            if len(out) >= options.articles:
                break
    return out


# -- the bare pass: parsing only, in the same worker machinery -----------------------------------------
def bare_analyzer(setup: Any) -> Any:
    from .nlp.build import build_nlp

    nlp = build_nlp(setup.model)
    list(nlp.pipe(["Warm-up sentence in Paris."]))

    def run(articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
        for _doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True, batch_size=setup.batch_size):
            yield ArticleAnalysis(article=article)

    return run


def _rates(results: Sequence[Any], n_articles: int, n_words: int) -> dict[str, Any]:
    analyse_s = sum(r.analyse_s for r in results)
    wall = max(r.ended for r in results) - min(r.started for r in results)
    per_worker: dict[str, float] = {}
    for r in results:
        per_worker[r.worker] = max(per_worker.get(r.worker, 0.0), r.rss_mb)
    return {
        "wall_s": round(wall, 2),
        "articles_per_s": round(n_articles / wall, 2),
        "words_per_s": round(n_words / wall, 1),
        "articles_per_core_s": round(n_articles / analyse_s, 2),
        "words_per_core_s": round(n_words / analyse_s, 1),
        "peak_rss_mb_per_worker": sorted(round(v, 1) for v in per_worker.values()),
    }


def _bare_pass(articles: list[Article], workers: int, options: BenchOptions, tmp: Path) -> dict[str, Any]:
    from .runners.batch import partitions
    from .runners.local import Failure, InlineEngine, ProcessEngine
    from .runners.work import WorkerSetup

    setup = WorkerSetup(model=options.model, batch_size=options.batch_size, analyzer="dateline.bench:bare_analyzer")
    engine = InlineEngine(setup) if workers == 0 else ProcessEngine(setup, workers)
    engine.start()
    try:
        out = tmp / f"bare-{workers}"
        results = list(engine.map(partitions(articles, options.partition_size), lambda i: out / f"part-{i:06d}.gz"))
    finally:
        engine.close()
    failed = [r for r in results if isinstance(r, Failure)]
    if failed:
        raise RuntimeError(f"the bare pass failed: {failed[0].reason}")
    return _rates(results, len(articles), sum(len(a.text.split()) for a in articles))


def _mean(a: dict[str, Any], b: dict[str, Any]) -> dict[str, Any]:
    """Two passes' rates averaged (peak memory: the larger)."""
    out: dict[str, Any] = {}
    for k, v in a.items():
        if k == "peak_rss_mb_per_worker":
            out[k] = [max(x, y) for x, y in zip(v, b[k])]
        elif isinstance(v, (int, float)):
            out[k] = round((v + b[k]) / 2, 2)
    return out


def _full_pass(source: Path, n: int, n_words: int, workers: int, options: BenchOptions, tmp: Path) -> dict[str, Any]:
    from .runners.batch import EngineOptions, execute, make_engine, setup_of, start_run
    from .runners.manifest import RunConfig
    from .runners.work import PartitionResult
    from .store import open_store

    db = tmp / f"full-{workers}.duckdb"
    cfg = RunConfig(run_id=f"bench-{workers}", inputs=(str(source),), db=str(db),
                    partition_size=options.partition_size, model=options.model, batch_size=options.batch_size,
                    require_date=False)
    run = start_run(tmp / "runs", cfg)
    engine = make_engine(EngineOptions(workers=workers), setup_of(cfg))
    with open_store(db) as store:
        summary = execute(run, store, engine)
        stored = store.counts()["articles"]
    parts = sorted(run.replay().partitions.values(), key=lambda p: p.index)
    results = [PartitionResult(index=p.index, items=p.items, articles=p.articles, read_errors=p.read_errors,
                               analysis_errors=p.analysis_errors, words=p.words, analyse_s=p.analyse_s,
                               started=p.started, ended=p.ended, rss_mb=p.rss_mb, worker=p.worker)
               for p in parts if p.state == "loaded"]
    rates = _rates(results, n, n_words)
    load_s = sum(p.load_s for p in parts)
    end_to_end = max(p.loaded_at for p in parts) - min(r.started for r in results)
    rates.update({
        "load_s": round(load_s, 2),
        "load_articles_per_s": round(stored / load_s, 1) if load_s else None,
        "end_to_end_s": round(end_to_end, 2),
        "end_to_end_articles_per_s": round(n / end_to_end, 2),
        "stored_articles": stored,
        "analysis_errors": summary["analysis_errors"],
        "loader_peak_rss_mb": summary["peak_loader_rss_mb"],
    })
    return rates


# -- the stage profile: where the full analysis spends its time ----------------------------------------
def stage_profile(articles: Sequence[Article], options: BenchOptions) -> dict[str, Any]:
    """Seconds per article for the parse and for each extractor, in this process."""
    from .nlp.build import analysis_nlp
    from .nlp.context import Context
    from .nlp.resources import default_resources
    from .pipeline import default_extractors

    nlp = analysis_nlp(options.model)  # the full analysis's own pipeline (the bare pass keeps spaCy's)
    extractors = default_extractors()
    resources = default_resources()
    sample = list(articles[: options.profile_articles])
    warm = sample[:1]
    for doc, article in nlp.pipe(((a.text, a) for a in warm), as_tuples=True):
        ctx = Context(doc=doc, article=article, resources=resources)
        for ex in extractors:
            setattr(ctx, ex.slot, ex.fn(ctx))
    t0 = time.perf_counter()
    docs = list(nlp.pipe(((a.text, a) for a in sample), as_tuples=True, batch_size=options.batch_size))
    times = {"parse": time.perf_counter() - t0}
    for doc, article in docs:
        ctx = Context(doc=doc, article=article, resources=resources)
        for ex in extractors:
            t = time.perf_counter()
            try:
                setattr(ctx, ex.slot, ex.fn(ctx))
            except Exception:  # the pipeline records these; the profile only times them
                pass
            times[ex.name] = times.get(ex.name, 0.0) + time.perf_counter() - t
    total = sum(times.values())
    n = len(sample) or 1
    return {
        "articles": len(sample),
        "ms_per_article": {k: round(v / n * 1000, 1) for k, v in times.items()},
        "share": {k: round(v / total, 3) for k, v in times.items()} if total else {},
    }


def bench(options: BenchOptions, *, on_step: Any = None) -> dict[str, Any]:
    """Run the benchmark; return its report (plain data, printable as JSON)."""
    from .config import default_model
    from .runners import partfile

    articles = corpus_articles(options)
    if not articles:
        raise ValueError("the corpus gave no articles")
    n_words = sum(len(a.text.split()) for a in articles)
    report: dict[str, Any] = {
        "articles": len(articles),
        "words": n_words,
        "words_per_article": round(n_words / len(articles), 1),
        "corpus": options.corpus or f"generated ({options.words} words an article)",
        "model": options.model or default_model(),
        "batch_size": options.batch_size,
        "partition_size": options.partition_size,
        "cores": os.cpu_count(),
        "load_average_before": [round(x, 2) for x in os.getloadavg()],
        "runs": [],
    }
    with tempfile.TemporaryDirectory(prefix="dateline-bench-") as tmpdir:
        tmp = Path(tmpdir)
        source = tmp / "corpus.jsonl.gz"
        # the full pass reads the same articles back through the normal reader
        partfile.write_atomic(source, _as_jsonl_gz(articles))
        for w in options.workers:
            if on_step:
                on_step(f"bare spaCy pass, {w} worker(s)")
            before = _bare_pass(articles, w, options, tmp)
            if on_step:
                on_step(f"full analysis + load, {w} worker(s)")
            full = _full_pass(source, len(articles), n_words, w, options, tmp)
            if on_step:
                on_step(f"bare spaCy pass again, {w} worker(s)")
            after = _bare_pass(articles, w, options, tmp)
            # the full pass runs between two bare ones, so a machine that slows down or speeds up
            # during the run (shared cores, CPU boost) shifts both sides of the ratio alike
            bare = {**_mean(before, after), "passes": [before, after]}
            report["runs"].append({
                "workers": w, "bare": bare, "full": full,
                "ratio_full_to_bare": round(full["articles_per_core_s"] / bare["articles_per_core_s"], 3),
            })
        if options.profile_articles:
            if on_step:
                on_step("stage profile")
            report["stages"] = stage_profile(articles, options)
    runs = {r["workers"]: r for r in report["runs"]}
    if len(runs) > 1:
        base = min(runs)
        report["scaling"] = {
            str(w): {"full": round(r["full"]["articles_per_s"] / runs[base]["full"]["articles_per_s"], 3),
                     "bare": round(r["bare"]["articles_per_s"] / runs[base]["bare"]["articles_per_s"], 3)}
            for w, r in sorted(runs.items())
        }
    report["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    return report


def _as_jsonl_gz(articles: Sequence[Article]) -> bytes:
    import gzip

    lines = []
    for a in articles:
        d = to_dict(a)
        paragraphs = a.text.split("\n")
        # the reader rebuilds the same canonical text: headline, standfirst, paragraphs
        body = paragraphs[2:] if a.standfirst else paragraphs[1:]
        lines.append(json.dumps({"title": d["title"], "standfirst": d["standfirst"], "text": "\n".join(body),
                                 "published": d["published"], "source": d["source"], "url": d["url"],
                                 "author": d["author"], "language": d["language"]}, ensure_ascii=False))
    return gzip.compress(("\n".join(lines) + "\n").encode("utf-8"), compresslevel=3)

