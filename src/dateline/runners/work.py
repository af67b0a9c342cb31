"""The work of one worker, the same for every engine: analyse a partition, encode it.

A worker (a local process or a Ray actor) loads its analyzer once, the spaCy model with it,
then takes partitions one after another. What it returns is small: counts, timings and its
peak memory; the analyses go to the partition file.
"""

from __future__ import annotations

import importlib
import os
import resource
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..ingest.warc import Page
from ..model import Article, ArticleAnalysis, ItemError
from . import partfile

Analyzer = Callable[[Sequence[Article]], Iterator[ArticleAnalysis]]


@dataclass(frozen=True, slots=True, kw_only=True)
class WorkerSetup:
    """What every worker needs to build its analyzer; picklable, so it travels to processes and actors."""

    model: str = ""
    batch_size: int = 32
    # "module:function" taking this setup and returning an Analyzer; tests swap in a fake one
    analyzer: str = "dateline.runners.work:default_analyzer"
    source_homes: str = ""  # a TSV of news sources' homes (geo.homes) to resolve places with; "" for none


@dataclass(frozen=True, slots=True, kw_only=True)
class Task:
    """One partition of the input: its items in input order (read errors included; archived pages
    not yet extracted)."""

    index: int
    items: tuple[Article | ItemError | Page, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class PartitionResult:
    index: int
    items: int
    articles: int
    read_errors: int
    analysis_errors: int
    words: int
    analyse_s: float
    started: float  # wall-clock seconds (time.time()) when the worker began and ended this partition
    ended: float
    rss_mb: float  # the worker's peak resident memory so far
    worker: str
    data: bytes | None = field(default=None, repr=False)  # the encoded partition, when the engine ships it back


def default_analyzer(setup: WorkerSetup) -> Analyzer:
    """Dateline's pipeline with the spaCy model, extractors and resources loaded once."""
    from ..nlp.build import analysis_nlp
    from ..nlp.resources import default_resources
    from ..pipeline import AnalyzeOptions, analyze, default_extractors

    options = AnalyzeOptions(batch_size=setup.batch_size, model=setup.model)
    nlp = analysis_nlp(setup.model)  # spaCy's model with its attribute rules read from a table
    extractors = default_extractors()
    resources = default_resources()
    if setup.source_homes:
        from ..geo.homes import read_homes

        resources = resources.with_overrides(source_homes=read_homes(setup.source_homes))

    def run(articles: Sequence[Article]) -> Iterator[ArticleAnalysis]:
        return analyze(articles, options=options, nlp=nlp, extractors=extractors, resources=resources)

    # one warm-up article, so lazily built resources (gazetteer, dictionaries) are loaded before timing starts
    from ..ingest import make_article

    warm = make_article(title="Warm-up", paragraphs=["Officials met in Paris on Monday, the minister said."],
                        published="2020-01-01")
    list(run([warm]))
    return run


def limit_threads() -> None:
    """One BLAS/OpenMP thread per worker: the workers are the parallelism."""
    for name in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS"):
        os.environ.setdefault(name, "1")


def load_analyzer(setup: WorkerSetup) -> Analyzer:
    module, _, name = setup.analyzer.partition(":")
    factory = getattr(importlib.import_module(module), name)
    return factory(setup)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def process(analyzer: Analyzer, task: Task, *, out: Path | None, worker: str) -> PartitionResult:
    """Analyse one partition; write it to ``out`` (atomically) or return its bytes when ``out`` is None."""
    started = time.time()
    t0 = time.perf_counter()
    items = [i.article() if isinstance(i, Page) else i for i in task.items]  # archived pages: extract here
    articles = [i for i in items if isinstance(i, Article)]
    analyses = list(analyzer(articles))
    if len(analyses) != len(articles):
        raise RuntimeError(f"the analyzer returned {len(analyses)} analyses for {len(articles)} articles")
    got = iter(analyses)
    # input order: each read error stays where it was read, between the analyses
    entries = [i if isinstance(i, ItemError) else next(got) for i in items]
    analyse_s = time.perf_counter() - t0
    data = partfile.encode(entries)
    if out is not None:
        partfile.write_atomic(out, data)
    return PartitionResult(
        index=task.index,
        items=len(task.items),
        articles=len(analyses),
        read_errors=sum(1 for i in items if isinstance(i, ItemError)),
        analysis_errors=sum(len(a.errors) for a in analyses),
        words=sum(len(a.article.text.split()) for a in analyses),
        analyse_s=analyse_s,
        started=started,
        ended=time.time(),
        rss_mb=peak_rss_mb(),
        worker=worker,
        data=None if out is not None else data,
    )
