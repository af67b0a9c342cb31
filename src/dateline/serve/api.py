"""The HTTP API: thin routes over the read models in :mod:`dateline.query` (the same ones the CLI prints).

Every listing is paginated with ``limit`` (1..1000) and ``offset``; every error has one shape
(:mod:`.errors`); writes need the write token (:mod:`.backend`)."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Header, Path, Query, Request
from starlette.concurrency import run_in_threadpool

from .. import filters, query
from . import params, views
from .backend import Backend
from .errors import ERROR_RESPONSES, WRITE_RESPONSES, ApiError
from .write import ARTICLE_IN

router = APIRouter(prefix="/api", responses=ERROR_RESPONSES)

LIMIT = Query(50, ge=1, le=params.MAX_LIMIT, description="Rows in this page (1 to 1000).")
OFFSET = Query(0, ge=0, le=params.MAX_OFFSET, description="Rows to skip (at most 100000).")
SINCE = Query(None, description="On or after this day (YYYY-MM-DD).")
UNTIL = Query(None, description="On or before this day (YYYY-MM-DD).")
ARTICLE = Query(None, description="One article (id or a unique prefix of it).")


def id_param():
    """A path id (a fresh Path per route: FastAPI binds a parameter object to the first name it serves)."""
    return Path(..., min_length=4, max_length=64, pattern=r"^[A-Za-z0-9_-]+$", description="An id or a unique prefix.")


def backend(request: Request) -> Backend:
    return request.app.state.backend


def _article_id(b: Backend, prefix: str | None) -> str | None:
    if prefix is None:
        return None
    value = prefix.strip()
    found = b.read(query.find_article_id, value)
    if found is None:
        raise ApiError(404, "not_found", f"no article with id {value[:40]!r} (or the prefix is not unique)",
                       {"article": value[:40]})
    return found


def _listing(b: Backend, listing: str, limit: int, offset: int, total: Any = None, **given: Any) -> dict[str, Any]:
    """A page of ``query.<listing>``: the filters checked by ``filters.<listing>``, an article prefix resolved;
    with ``total`` (a read model taking the same filters), how many rows the whole listing has."""
    wanted = params.checked(getattr(filters, listing), limit=offset + limit + 1, **given)
    if wanted.get("article"):
        wanted["article"] = _article_id(b, wanted["article"])
    rows = b.read(getattr(query, listing), **wanted)
    page = views.page(rows, limit=limit, offset=offset)
    return {**page, "total": b.read(total, **wanted)} if total is not None else page


@router.get("/meta", summary="What the page needs to build its filters")
def meta(request: Request) -> dict[str, Any]:
    from ..config import DEFAULT_MIN_CONFIDENCE
    from ..model.records import EVENT_STATUSES
    from ..ontology.events import PLOVER_TYPES

    b = backend(request)
    return {"types": list(PLOVER_TYPES), "statuses": list(EVENT_STATUSES),
            "default_min_confidence": DEFAULT_MIN_CONFIDENCE, "writable": b.writable,
            "counts": b.read(lambda s: s.counts()), "max_limit": params.MAX_LIMIT}


@router.get("/articles", summary="Stored articles, oldest first")
def list_articles(request: Request, since: str | None = SINCE, until: str | None = UNTIL,
                  source: str | None = Query(None, description="Only this outlet."),
                  limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _listing(backend(request), "articles", limit, offset, since=since, until=until, source=source)


@router.get("/articles/{article_id}", summary="One article with everything found in it")
def get_article(request: Request, article_id: str = id_param()) -> dict[str, Any]:
    b = backend(request)
    full = _article_id(b, article_id)
    analysis = b.read(lambda s: s.analysis(full))
    if analysis is None:
        raise ApiError(404, "not_found", f"no article with id {article_id!r}")
    return views.article_detail(analysis, b.read(query.article_outlets, full))


@router.post("/articles", status_code=201, responses=WRITE_RESPONSES,
             summary="Analyse and store articles (needs the write token)",
             openapi_extra={"requestBody": {"required": True, "content": {"application/json": {"schema": {
                 "oneOf": [ARTICLE_IN, {"type": "array", "items": ARTICLE_IN, "maxItems": 100}]}}}}})
async def post_articles(request: Request, authorization: str | None = Header(None)) -> dict[str, Any]:
    from .write import analyse_and_store, parse_articles, read_body

    b = backend(request)
    b.check_token(authorization)
    body = await read_body(request, b.max_bytes)
    articles = parse_articles(body, request.headers.get("content-type"))
    return await run_in_threadpool(analyse_and_store, b, articles)


ACTOR = Query(None, description="Actor name (part of it), country (PRK) or CAMEO code (PRKGOV).")
RECIPIENT = Query(None, description="Recipient name, country or code.")
TYPE = Query(None, description="PLOVER event type, e.g. CONSULT.")
MODE = Query(None, description="PLOVER mode, e.g. visit.")
CAMEO = Query(None, description="CAMEO code or its prefix (04 = every consultation).")
MIN_CONF = Query(None, description="Keep events of at least this confidence (default: the product's threshold).")


@router.get("/events", summary="Coded events with every filter of `dateline events`")
def list_events(request: Request, actor: str | None = ACTOR, recipient: str | None = RECIPIENT,
                type: str | None = TYPE, mode: str | None = MODE, cameo: str | None = CAMEO,
                since: str | None = SINCE, until: str | None = UNTIL,
                status: str | None = Query(None, description="occurred, reported, expected, intended, denied "
                                                             "or hypothetical."),
                article: str | None = ARTICLE, min_confidence: float | None = MIN_CONF,
                country: str | None = Query(None, description="Either side's country (ISO alpha-3, e.g. CHN)."),
                limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    """One page of events and ``total``, how many match (as the occurrences' routes give theirs)."""
    return _listing(backend(request), "events", limit, offset, actor=actor, recipient=recipient, type=type,
                    mode=mode, cameo=cameo, since=since, until=until, status=status, article=article,
                    min_confidence=min_confidence, country=country, total=query.count_events)


def _event_or_404(b: Backend, event_id: str):
    ev = b.read(query.event, event_id)
    if ev is None:
        raise ApiError(404, "not_found", f"no event with id {event_id!r} (or the prefix is not unique)",
                       {"event": event_id})
    return ev


def _explain(ev) -> list[str]:
    from ..nlp.events.explain import explain_lines
    from ..ontology.events import default_event_ontology

    c = default_event_ontology().cameo(ev.cameo)
    return explain_lines(ev, cameo_name=c.name if c else None)


@router.get("/events/{event_id}", summary="One event with its evidence: sentence, highlights, outlets, rule")
def get_event(request: Request, event_id: str = id_param()) -> dict[str, Any]:
    b = backend(request)
    ev = _event_or_404(b, event_id)
    analysis = b.read(lambda s: s.analysis(ev.article_id))
    return views.event_detail(ev, analysis, b.read(query.article_outlets, ev.article_id), _explain(ev))


@router.get("/explain/{event_id}", summary="Why an event was coded so (the lines of `dateline explain`)")
def explain(request: Request, event_id: str = id_param()) -> dict[str, Any]:
    ev = _event_or_404(backend(request), event_id)
    return {"id": ev.id, "lines": _explain(ev)}


@router.get("/actors", summary="Entities across articles with their country and sector codes")
def list_actors(request: Request, name: str | None = Query(None, description="Name contains this."),
                type: str | None = Query(None, description="PERSON, ORG, GPE, LOC or FAC."),
                country: str | None = Query(None, description="ISO 3166 alpha-3 code, e.g. PRK."),
                limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _listing(backend(request), "entities", limit, offset, name=name, type=type, country=country)


MAX_PROFILE_EVENTS = 5000  # events an actor page reads; the timeline of a busier actor covers the first ones


@router.get("/actors/{name}", summary="One actor: its events by month and type, and its counterparts")
def get_actor(request: Request, name: str = Path(..., min_length=1, max_length=filters.MAX_TEXT),
              min_confidence: float | None = MIN_CONF) -> dict[str, Any]:
    b = backend(request)
    who = params.one(filters.text, name, "name").strip()
    conf = params.one(filters.fraction, min_confidence, "min_confidence")
    as_actor = b.read(query.events, actor=who, limit=MAX_PROFILE_EVENTS, min_confidence=conf)
    as_recipient = b.read(query.events, recipient=who, limit=MAX_PROFILE_EVENTS, min_confidence=conf)
    entities = b.read(query.entities, name=who, limit=20)
    if not (as_actor or as_recipient or entities):
        raise ApiError(404, "not_found", f"no actor or entity matches {who[:40]!r}", {"name": who[:40]})
    seen = {r["id"] for r in as_actor}
    return views.actor_profile(who, as_actor, [r for r in as_recipient if r["id"] not in seen], entities)


@router.get("/canonical-actors", summary="Canonical actors across articles, with their ids (`dateline actors`)")
def list_canonical_actors(request: Request,
                          search: str | None = Query(None, description="Name or a written form of it contains this."),
                          type: str | None = Query(None, description="PERSON, ORG, GPE, NORP, LOC or FAC."),
                          country: str | None = Query(None, description="ISO 3166 alpha-3 code, e.g. PRK."),
                          sector: str | None = Query(None, description="CAMEO sector, e.g. GOV."),
                          limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    from ..actors import query as actor_query

    wanted = params.checked(actor_query.filters, search=search, type=type, country=country, sector=sector,
                            limit=offset + limit + 1)
    return views.page(backend(request).read(actor_query.actors, **wanted), limit=limit, offset=offset)


@router.get("/canonical-actors/{actor_id}",
            summary="One canonical actor: names, codes and roles over time, articles, events, quotes")
def get_canonical_actor(request: Request, actor_id: str = id_param(),
                        limit: int = Query(200, ge=1, le=params.MAX_LIMIT, description="Rows of each list.")
                        ) -> dict[str, Any]:
    from ..actors import query as actor_query

    b = backend(request)
    found = b.read(actor_query.find_actor_id, actor_id)
    profile = b.read(actor_query.actor, found, limit=limit) if found else None
    if profile is None:
        raise ApiError(404, "not_found", f"no actor with id {actor_id!r} (or the prefix is not unique)",
                       {"actor": actor_id})
    return profile


@router.get("/quotes", summary="Who said what, when and where")
def list_quotes(request: Request, speaker: str | None = Query(None, description="Speaker name (part of it)."),
                kind: str | None = Query(None, description="direct, partial or indirect."),
                since: str | None = SINCE, until: str | None = UNTIL, article: str | None = ARTICLE,
                limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _listing(backend(request), "quotes", limit, offset, speaker=speaker, kind=kind, since=since,
                    until=until, article=article)


@router.get("/places", summary="Places resolved to GeoNames entries (event_only: where events happened)")
def list_places(request: Request, country: str | None = Query(None, description="ISO 3166 alpha-2 code."),
                article: str | None = ARTICLE, event_only: bool = Query(False),
                limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _listing(backend(request), "places", limit, offset, country=country, article=article,
                    event_only=event_only)


@router.get("/dates", summary="Dates named in articles, as TIMEX3 values with the days they cover")
def list_dates(request: Request, since: str | None = SINCE, until: str | None = UNTIL,
               article: str | None = ARTICLE, limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    return _listing(backend(request), "dates", limit, offset, since=since, until=until, article=article)


def _occurrences(request: Request, actor, recipient, type, mode, cameo, since, until, window, min_confidence,
                 limit: int, offset: int):
    """One page of ``query.occurrences`` (``limit``/``offset`` as `dateline count` pages; the total counted whole)."""
    wanted = params.checked(filters.occurrences, actor=actor, recipient=recipient, type=type, mode=mode,
                            cameo=cameo, since=since, until=until, window=window, min_confidence=min_confidence)
    return backend(request).read(query.occurrences, **wanted, limit=limit, offset=offset)


WINDOW = Query(None, description="START/END, e.g. 2018-01-09/2019-01-08 (instead of since/until).")


@router.get("/occurrences", summary="Distinct occurrences across articles, with every report behind each")
def occurrences(request: Request, actor: str | None = ACTOR, recipient: str | None = RECIPIENT,
                type: str | None = TYPE, mode: str | None = MODE, cameo: str | None = CAMEO,
                since: str | None = SINCE, until: str | None = UNTIL, window: str | None = WINDOW,
                min_confidence: float | None = MIN_CONF, limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    got = _occurrences(request, actor, recipient, type, mode, cameo, since, until, window, min_confidence,
                       limit, offset)
    return {**got, **views.paged(got["count"], limit=limit, offset=offset, shown=got["shown"])}


@router.get("/count", summary="How many times something happened (`dateline count`)")
def count(request: Request, actor: str | None = ACTOR, recipient: str | None = RECIPIENT,
          type: str | None = TYPE, mode: str | None = MODE, cameo: str | None = CAMEO,
          since: str | None = SINCE, until: str | None = UNTIL, window: str | None = WINDOW,
          min_confidence: float | None = MIN_CONF, limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    """``count`` and ``total`` are every occurrence found; ``occurrences`` one page of them; ``unplaced`` how
    many matching reports joined none (all of them)."""
    got = _occurrences(request, actor, recipient, type, mode, cameo, since, until, window, min_confidence,
                       limit, offset)
    return {"count": got["count"], "since": got["since"], "until": got["until"],
            **views.paged(got["count"], limit=limit, offset=offset, shown=got["shown"]),
            "occurrences": [{k: v for k, v in o.items() if k != "reports"} | {"reports": len(o["reports"])}
                            for o in got["occurrences"]],
            "unplaced": got["unplaced_count"]}


@router.get("/search", summary="The search box: actors by name and the events they took part in")
def search(request: Request, q: str = Query(..., description="A name or part of it, a country or actor code."),
           limit: int = Query(20, ge=1, le=100)) -> dict[str, Any]:
    b = backend(request)
    term = params.one(filters.text, q, "q").strip()
    return {"q": term, "actors": b.read(query.entities, name=term, limit=limit),
            "events": b.read(query.events, actor=term, limit=limit)}


@router.get("/claim", summary="Is a count claim supported by the store? (`dateline claim`)")
def claim(request: Request, text: str = Query(..., description='A count claim, e.g. "X makes 4th visit to China '
                                                                  'in a year".'),
          as_of: str | None = Query(None, description="The claim's day (YYYY-MM-DD); default today."),
          since: str | None = Query(None, description="Count from this day when the claim names no period."),
          min_confidence: float | None = MIN_CONF) -> dict[str, Any]:
    import datetime as dt

    from ..claims import ClaimError, check, parse_claim

    words = params.one(filters.text, text, "text")
    day = params.one(filters.day, as_of, "as_of") or dt.date.today().isoformat()
    start = params.one(filters.day, since, "since")
    conf = params.one(filters.fraction, min_confidence, "min_confidence")
    try:
        parsed = parse_claim(words)
        return backend(request).read(check, parsed, dt.date.fromisoformat(day),
                                     since=dt.date.fromisoformat(start) if start else None, min_confidence=conf)
    except ClaimError as e:
        raise params.bad("text", e.reason) from None


@router.get("/claims", summary="Count claims in stored articles, each checked as of its article's day")
def claims(request: Request, article: str | None = ARTICLE, since: str | None = SINCE, until: str | None = UNTIL,
           limit: int = LIMIT) -> dict[str, Any]:
    from ..claims import find_claims

    b = backend(request)
    wanted = params.checked(filters.articles, since=since, until=until, limit=limit)
    rows = b.read(find_claims, article=_article_id(b, article), since=wanted["since"], until=wanted["until"],
                  limit=wanted["limit"])
    return {"claims": rows}


@router.get("/timeline", summary="An actor's occurrences in date order (`dateline timeline`)")
def timeline(request: Request, actor: str = Query(..., description="Actor name (part of it), country or code."),
             with_: str | None = Query(None, alias="with", description="Only those with this other side."),
             type: str | None = TYPE, since: str | None = SINCE, until: str | None = UNTIL,
             min_confidence: float | None = MIN_CONF, limit: int = LIMIT, offset: int = OFFSET) -> dict[str, Any]:
    from ..timeline import UnknownActor, timeline as read_timeline

    who = params.one(filters.text, actor, "actor").strip()
    lo, hi = params.checked(filters.days, since=since, until=until)
    try:
        got = backend(request).read(read_timeline, who, with_=params.one(filters.text, with_, "with"),
                                    type=params.one(filters.event_type, type, "type"), since=lo, until=hi,
                                    min_confidence=params.one(filters.fraction, min_confidence, "min_confidence"),
                                    limit=limit, offset=offset)
    except UnknownActor as e:
        raise ApiError(404, "not_found", e.args[0], {"actor": who[:40]}) from None
    return {**got, **views.paged(got["count"], limit=limit, offset=offset, shown=got["shown"])}


@router.get("/stories", summary="Articles grouped by the occurrences and actors they share (`dateline stories`)")
def stories(request: Request, since: str | None = SINCE, until: str | None = UNTIL, limit: int = LIMIT,
            min_confidence: float | None = MIN_CONF) -> dict[str, Any]:
    from ..timeline import stories as read_stories

    wanted = params.checked(filters.articles, since=since, until=until, limit=limit)
    return backend(request).read(read_stories, since=wanted["since"], until=wanted["until"], limit=wanted["limit"],
                                 min_confidence=params.one(filters.fraction, min_confidence, "min_confidence"))
