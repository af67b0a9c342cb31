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

    warm_up(run)
    return run


# A story that reaches the lazily built tables and caches of every extractor (the gazetteer and dictionaries,
# the headline in capitals parsed again, a quote with its speaker, a pronoun and a role noun for coreference,
# dates, an act between two parties): without it the first few dozen articles a worker analysed were slower.
_WARM_TITLE = "DOCK WORKERS STRIKE OVER PAY AT POLISH PORT"
_WARM_PARAGRAPHS = (
    "GDANSK, Poland, March 3 - Dock workers walked out at the port of Gdansk on Tuesday to demand higher "
    "wages, their union said.",
    '"We will stay out until the company talks to us," union leader Anna Nowak told reporters. She said the '
    "strike could spread to Szczecin next week.",
    "The company said it had offered a 5 pct rise and accused the union of blocking talks. The transport "
    "minister will meet both sides in Warsaw on Friday, officials said.",
)


def warm_up(run: Analyzer) -> None:
    """Analyse one made-up story before any timed work, then leave what is loaded out of the garbage
    collector's full passes (``gc.freeze``): the model, dictionaries and gazetteer are millions of objects
    that live as long as the worker, and every full collection walked them all again."""
    import gc

    from ..ingest import make_article

    warm = make_article(title=_WARM_TITLE, paragraphs=list(_WARM_PARAGRAPHS), published="2020-03-03")
    list(run([warm]))
    gc.collect()
    gc.freeze()


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
