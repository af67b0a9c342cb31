"""The simplest runner: read, analyse and store in this process, batch by batch."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from ..ingest import Item
from ..model import Article, ArticleAnalysis, ItemError
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
        refused = save_each(store, batch)
        report.failed.extend(refused)
        report.stored += len(batch) - len(refused)
        kept = {e.article_id for e in refused}
        report.analysis_errors.extend(e for a in batch if a.article.id not in kept for e in a.errors)
        if on_item:
            on_item(len(batch))
    report.new = store.counts()["articles"] - before
    return report


def save_each(store, batch: list[ArticleAnalysis]) -> list[ItemError]:
    """Save a batch of analyses; if the store refuses it, save them one by one, so that an article the
    store cannot take fails alone (an ItemError, stored) and the others are kept. When the store
    cannot even record that error (it is full, gone or busy), the failure is the store's, not the
    item's, and the first exception is raised."""
    from ..store.base import StoreError

    try:
        store.save(batch)
        return []
    except StoreError:
        raise
    except Exception as first:  # noqa: BLE001 - told apart below: one item's fault, or the store's
        failed: list[tuple[ArticleAnalysis, Exception]] = []
        for a in batch if len(batch) > 1 else ():
            try:
                store.save([a])
            except StoreError:
                raise
            except Exception as e:  # noqa: BLE001
                failed.append((a, e))
        if len(batch) == 1:
            failed = [(batch[0], first)]
        errors = [ItemError(origin=a.article.origin, stage="store", code="store_refused",
                            message=f"the store refused the article: {type(e).__name__}: {e}", article_id=a.article.id)
                  for a, e in failed]
        try:
            store.save_errors(errors)
        except Exception:  # noqa: BLE001
            raise first from None
        return errors
