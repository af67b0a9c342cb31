"""The simplest runner: read, analyse and store in this process, batch by batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from ..ingest import Item
from ..model import Article, ItemError
from ..pipeline import AnalyzeOptions, analyze


@dataclass(slots=True)
class IngestReport:
    read: int = 0  # items seen
    stored: int = 0  # analyses written (an article read twice counts twice)
    new: int = 0  # articles the store did not have before
    failed: list[ItemError] = field(default_factory=list)  # items that did not become an article
    analysis_errors: list[ItemError] = field(default_factory=list)  # stored articles with a failed extractor


def ingest(
    items: Iterable[Item],
    store,
    *,
    options: AnalyzeOptions = AnalyzeOptions(),
    chunk: int = 64,
    on_item: Callable[[int], None] | None = None,
    nlp=None,
    resources=None,
) -> IngestReport:
    report = IngestReport()
    before = store.counts()["articles"]

    def articles() -> Iterable[Article]:
        for item in items:
            report.read += 1
            if isinstance(item, ItemError):
                report.failed.append(item)
                store.save_errors([item])
                if on_item:
                    on_item(1)
            else:
                yield item

    analyses = analyze(articles(), options=options, nlp=nlp, resources=resources)
    while batch := list(islice(analyses, chunk)):
        store.save(batch)
        report.stored += len(batch)
        report.analysis_errors.extend(e for a in batch for e in a.errors)
        if on_item:
            on_item(len(batch))
    report.new = store.counts()["articles"] - before
    return report
