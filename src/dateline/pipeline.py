"""analyze(): articles in, analyses out. Parse once with spaCy, then run pure extractors.

No I/O here: runners and the CLI join this to readers and stores.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from typing import Any

from .extractor import Extractor, ExtractorOrderError, check_order
from .model import Article, ArticleAnalysis, ItemError

__all__ = ["AnalyzeOptions", "Extractor", "ExtractorOrderError", "analyze", "analyze_doc", "default_extractors"]


def default_extractors() -> tuple[Extractor, ...]:
    # imported here, not at the top: the registrations import every extractor, which loads spaCy
    from .registrations import extractors

    return extractors()


@dataclass(frozen=True, slots=True, kw_only=True)
class AnalyzeOptions:
    batch_size: int = 32
    model: str = ""


def analyze(
    articles: Iterable[Article],
    *,
    options: AnalyzeOptions = AnalyzeOptions(),
    nlp: Any = None,
    extractors: tuple[Extractor, ...] | None = None,
    resources: Any = None,
) -> Iterator[ArticleAnalysis]:
    """One spaCy pass per batch; the results do not depend on the batch size.

    The extractors' order is checked here, once, before anything is parsed: ExtractorOrderError names the
    extractor and the slot it would read before anything wrote it."""
    extractors = extractors if extractors is not None else default_extractors()
    check_order(extractors)
    return _analyze(articles, options, nlp, extractors, resources)


def _analyze(articles: Iterable[Article], options: AnalyzeOptions, nlp: Any, extractors: tuple[Extractor, ...],
             resources: Any) -> Iterator[ArticleAnalysis]:
    from .nlp.build import analysis_nlp, model_version
    from .nlp.resources import default_resources

    nlp = nlp if nlp is not None else analysis_nlp(options.model)
    resources = resources if resources is not None else default_resources()
    provenance = {"model": model_version(nlp), **{e.slot: e.name for e in extractors}}
    it = iter(articles)
    while batch := list(islice(it, options.batch_size)):
        parsed = list(_parse(nlp, batch, options.batch_size))
        headlines = _headlines(nlp, [(a, d) for a, d, e in parsed if e is None], options.batch_size,
                               _verbs(resources))
        for article, doc, error in parsed:
            if error is not None:
                yield ArticleAnalysis(article=article, errors=(error,), provenance=provenance)
            else:
                yield analyze_doc(doc, article, extractors=extractors, resources=resources, provenance=provenance,
                                  nlp=nlp, headline=headlines.get(id(doc)))


def _verbs(resources: Any) -> Any:
    """The verb lexicon the events extractor will code with (``events.extract._lexicon``), or None."""
    try:
        return resources.get("verbs")
    except (KeyError, AttributeError):
        return None


def _headlines(nlp: Any, parsed: list[tuple[Article, Any]], batch_size: int,
               lexicon: Any = None) -> dict[int, tuple[Any]]:
    """Headlines written in Title Case or capitals, parsed again in running-text case for the events
    extractor (``nlp.events.headline``), all of a batch in one pass: one by one, the parser's fixed cost
    per call made them a fifth of the analysis of a wire story. Keyed by ``id(doc)``; a headline spaCy
    cannot take is left to the extractor, which then costs only itself. A headline with no word an
    event can start on is not parsed (``headline_gate``): most wire headlines hold none."""
    from .nlp.events.headline import recased_headline, title_end
    from .nlp.events.headline_gate import UNPARSED, may_code

    out: dict[int, tuple[Any]] = {}
    todo: list[tuple[str, int]] = []
    for article, doc in parsed:
        try:
            recased = recased_headline(doc, title_end(article))
        except (ValueError, IndexError):
            continue
        if recased is None:
            out[id(doc)] = (None,)
        elif lexicon is not None and not may_code(nlp, recased, lexicon):
            out[id(doc)] = (UNPARSED,)
        else:
            todo.append((recased, id(doc)))
    try:
        for hdoc, key in nlp.pipe(todo, as_tuples=True, batch_size=batch_size):
            out[key] = (hdoc,)
    except Exception:  # noqa: BLE001 - one bad headline broke the pass: each is parsed alone by the extractor
        return {k: v for k, v in out.items() if v == (None,) or v == (UNPARSED,)}
    return out


def _parse(nlp: Any, batch: list[Article], batch_size: int) -> Iterator[tuple[Article, Any, ItemError | None]]:
    """Parse a batch; an article spaCy cannot take fails alone, never its batch."""
    ok = [a for a in batch if len(a.text) <= nlp.max_length]
    docs: dict[str, Any] = {}
    try:
        for doc, article in nlp.pipe(((a.text, a) for a in ok), as_tuples=True, batch_size=batch_size):
            docs[article.id] = doc
    except Exception:  # one bad text broke the batch: parse one by one to find it
        docs = {}
        for a in ok:
            try:
                docs[a.id] = nlp(a.text)
            except Exception as e:  # spaCy raises plain ValueError/RuntimeError for texts it cannot process
                docs[a.id] = ItemError(origin=a.origin, stage="analyze:parse", code="parse_failed",
                                       message=f"{type(e).__name__}: {e}", article_id=a.id)
    for a in batch:
        got = docs.get(a.id)
        if got is None:
            yield a, None, ItemError(origin=a.origin, stage="analyze:parse", code="too_long",
                                     message=f"{len(a.text):,} characters, over the parser's limit of {nlp.max_length:,}",
                                     article_id=a.id)
        elif isinstance(got, ItemError):
            yield a, None, got
        else:
            yield a, got, None


def analyze_doc(
    doc: Any, article: Article, *, extractors: tuple[Extractor, ...], resources: Any, provenance: dict[str, str],
    nlp: Any = None, headline: tuple[Any] | None = None,
) -> ArticleAnalysis:
    """Run each extractor in order (``check_order`` has passed); one that fails records an error and the
    others still run, reading the empty default of the slot it did not write."""
    from .nlp.context import Context

    ctx = Context(doc=doc, article=article, resources=resources, nlp=nlp, headline=headline)
    errors: list[ItemError] = []
    for ex in extractors:
        try:
            setattr(ctx, ex.slot, ex.fn(ctx))
        except Exception as e:  # an extractor bug must cost one result, not the article or the batch
            errors.append(ItemError(origin=article.origin, stage=f"analyze:{ex.name}", code="extractor_failed",
                                    message=f"{type(e).__name__}: {e}", article_id=article.id))
    # parts an extractor skipped on purpose (a 1,000-token sentence) are recorded with their reason
    errors.extend(e for e in ctx.notes.get("errors", ()) if isinstance(e, ItemError))
    return ArticleAnalysis(
        article=article,
        entities=ctx.entities,
        dates=ctx.dates,
        places=ctx.places,
        quotes=ctx.quotes,
        events=ctx.events,
        summary=ctx.summary,
        sentence_classes=ctx.sentence_classes,
        errors=tuple(errors),
        provenance=provenance,
    )
