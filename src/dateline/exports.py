"""Coded events out in the formats the field loads: PLOVER JSON Lines, GDELT 2.0-style Events and Mentions
tables (tab-separated), CSV and Parquet.

Every export streams: events are read span by span of days (``export_rows``, portable SQL for DuckDB and
PostgreSQL) and written as they come, so memory stays bounded however many events the store holds.

PLOVER (JSON data fields of the PLOVER specification, draft 0.7b1/0.8): one record per stored event, with the
required ``id``, ``date``, ``source`` and ``event`` and the optional fields we can fill (``enddate``,
``recipient``, ``mode``, ``context``, ``event_loc``, ``event_text``, ``quad_code``, ``event_scale``,
``text_info``, ``cite_info``, ``coder``, ``coded_date``, ``coded_time``, ``has_event``); ``text`` (the
sentence) only when asked, since the specification fills it only where the provider holds the rights to the
text. Not filled: ``time``/``endtime`` (we date to the day), ``link``, ``comment``, and in actor objects
``identifier_id`` (a Wikidata id), ``actor_loc``, ``religion``, ``ethnicity``, ``office``, ``gender``,
``age``; in ``event_loc`` the GeoNames fields beyond id, name, coordinates, feature class, country codes
and admin1 code. Actor objects also carry the full CAMEO actor code (``cameo_code``). Our own fields are added under their own names (``status``, ``confidence``, ``cameo``, ``rule``,
``article_id``), as the specification allows.

GDELT: the 61 columns of the GDELT 2.0 Events table and the 16 of its Mentions table, in the codebook's
order. GDELT keeps one event record for the reports of one event; as GDELT does, stored events with the same
coding (actor, recipient, type, mode, CAMEO code, place and days) are one GDELT event (an event with no
day at all stays alone, as ``dateline count`` never counts it): its first report (lowest id) is the root,
``NumMentions`` counts the reports, ``NumArticles`` the distinct articles and ``NumSources`` the distinct
outlets; the Mentions table has one row per report. Differences from GDELT's own values: country codes are
ISO 3166 (alpha-3 for actors, as CAMEO; alpha-2 for places where GDELT uses FIPS 10-4), ``ADM1Code`` is the
ISO country code and the GeoNames admin1 code, ``FeatureID`` is the GeoNames id. Left empty: the actors'
known-group, ethnic and religion codes, ``Type2Code``/``Type3Code``, ``AvgTone`` and the document tone, the
actors' own geography (``Actor1Geo_*``/``Actor2Geo_*``), ``ADM2Code``, ``SentenceID``,
``MentionDocTranslationInfo`` and ``Extras``. ``IsRootEvent`` is 1 for an event told in the headline,
standfirst or first paragraph; ``DATEADDED`` is when the store analysed the group's first article.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from .export_rows import BATCH, EventFilters, dialect, event_batches, groups

FORMATS = ("plover-json", "gdelt-tsv", "parquet", "csv")

GDELT_EVENT_COLUMNS = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor{i}{c}" for i in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")),
    "DATEADDED", "SOURCEURL",
)
GDELT_MENTION_COLUMNS = (
    "GLOBALEVENTID", "EventTimeDate", "MentionTimeDate", "MentionType", "MentionSourceName", "MentionIdentifier",
    "SentenceID", "Actor1CharOffset", "Actor2CharOffset", "ActionCharOffset", "InRawText", "Confidence",
    "MentionDocLen", "MentionDocTone", "MentionDocTranslationInfo", "Extras",
)

# The flat table of CSV and Parquet: one row per stored event, with its SQL type for Parquet.
FLAT_COLUMNS = (
    ("event_id", "VARCHAR"), ("article_id", "VARCHAR"), ("date", "DATE"), ("date_start", "DATE"),
    ("date_end", "DATE"), ("date_value", "VARCHAR"), ("date_inferred", "BOOLEAN"), ("type", "VARCHAR"),
    ("mode", "VARCHAR"), ("context", "VARCHAR"), ("cameo", "VARCHAR"), ("quad_class", "INTEGER"),
    ("goldstein", "DOUBLE"), ("status", "VARCHAR"), ("confidence", "DOUBLE"),
    ("actor_name", "VARCHAR"), ("actor_text", "VARCHAR"), ("actor_code", "VARCHAR"), ("actor_country", "VARCHAR"),
    ("actor_sector", "VARCHAR"), ("recipient_name", "VARCHAR"), ("recipient_text", "VARCHAR"),
    ("recipient_code", "VARCHAR"), ("recipient_country", "VARCHAR"), ("recipient_sector", "VARCHAR"),
    ("location", "VARCHAR"), ("location_country", "VARCHAR"), ("location_admin1", "VARCHAR"),
    ("location_lat", "DOUBLE"), ("location_lon", "DOUBLE"), ("location_geonames_id", "BIGINT"),
    ("trigger", "VARCHAR"), ("trigger_start", "INTEGER"), ("trigger_end", "INTEGER"),
    ("sentence_start", "INTEGER"), ("sentence_end", "INTEGER"), ("sentence", "VARCHAR"), ("rule", "VARCHAR"),
    ("published", "VARCHAR"), ("source", "VARCHAR"), ("url", "VARCHAR"), ("title", "VARCHAR"),
    ("language", "VARCHAR"), ("analysed_at", "TIMESTAMP"),
)


class ExportError(ValueError):
    """A request that cannot be exported as asked (unknown format, no path for a binary format)."""


# -- values ------------------------------------------------------------------------------------------------
def _day(v: Any) -> dt.date | None:
    if v is None or isinstance(v, dt.date):
        return v
    try:
        return dt.date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def _int(v: Any) -> int | None:
    try:
        return int(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def _float(v: Any) -> float | None:
    try:
        return float(v) if v not in (None, "") else None
    except (TypeError, ValueError):
        return None


def event_day(r: dict[str, Any]) -> dt.date | None:
    """The day an event is dated to: its first day, else its last, else its article's published day."""
    return _day(r.get("date_start")) or _day(r.get("date_end")) or _day(r.get("published_date"))


def global_event_id(event_id: str) -> int:
    """A stable integer for an event id ("ev" + hex): the first 15 hex digits, below 2**60."""
    digits = event_id[2:] if event_id[:2].isalpha() else event_id
    digits = "".join(c for c in digits.lower() if c in "0123456789abcdef")[:15]
    return int(digits or "0", 16)


class Coding:
    """CAMEO code -> Goldstein score and quad class; PLOVER type -> quad class and context."""

    def __init__(self) -> None:
        from .ontology.events import QUAD_NAMES, default_event_ontology

        self.onto = default_event_ontology()
        self.type_quad = {t.type: QUAD_NAMES.index(t.quad) for t in self.onto.types.values()}

    def goldstein(self, cameo: str | None) -> float | None:
        for n in (4, 3, 2):  # a code not in the table takes its parent's score
            c = self.onto.cameo((cameo or "")[:n]) if cameo and len(cameo) >= n else None
            if c is not None:
                return c.goldstein
        return None

    def quad(self, r: dict[str, Any]) -> int | None:
        """The PLOVER type's quad class (1-4); the CAMEO code's when the type has none."""
        q = self.type_quad.get(r.get("type") or "")
        if q:
            return q
        c = self.onto.cameo(r.get("cameo"))
        return c.quad or None if c else None

    def country_name(self, iso: str | None) -> str | None:
        from .ontology.countries import default_countries

        country = default_countries().from_code(iso) if iso else None
        return country.name if country else iso

    def context(self, cameo: str | None) -> list[str]:
        coding = self.onto.plover_for(cameo)
        return list(coding.context) if coding else []


def _stamp(v: Any, *, time: bool = True) -> str:
    """YYYYMMDDHHMMSS (GDELT's DATEADDED form) of a timestamp or a date; '' for none."""
    if v is None or v == "":
        return ""
    if isinstance(v, dt.datetime):
        return v.strftime("%Y%m%d%H%M%S")
    day = _day(v)
    return (day.strftime("%Y%m%d") + ("000000" if time else "")) if day else ""


# -- PLOVER ------------------------------------------------------------------------------------------------
def _actor(r: dict[str, Any], side: str) -> dict[str, Any] | None:
    if not (r.get(f"{side}_name") or r.get(f"{side}_country") or r.get(f"{side}_code")):
        return None
    return {"code": r.get(f"{side}_country"), "sector": r.get(f"{side}_sector"),
            "actor_text": r.get(f"{side}_text"), "identifier_text": r.get(f"{side}_name"),
            "cameo_code": r.get(f"{side}_code")}


def _event_loc(r: dict[str, Any]) -> dict[str, Any] | None:
    if not r.get("location"):
        return None
    cc = r.get("location_country")
    cc3 = None
    if cc:
        from .ontology.countries import default_countries

        country = default_countries().from_code(cc)
        cc3 = country.iso3 if country else None
    return {"geonameid": _int(r.get("geonames_id")), "name": r["location"], "latitude": _float(r.get("lat")),
            "longitude": _float(r.get("lon")), "feature class": r.get("feature_class"),
            "country code": cc, "cc3": cc3, "admin1 code": r.get("admin1")}


def plover_record(r: dict[str, Any], coding: Coding, *, with_text: bool = False) -> dict[str, Any]:
    """One stored event as a PLOVER JSON record (see the module docstring for the mapping)."""
    from . import __version__

    day, end = event_day(r), _day(r.get("date_end"))
    added = r.get("analysed_at")
    recipient = _actor(r, "recipient")
    rec: dict[str, Any] = {
        "id": r["id"], "has_event": True, "date": day.isoformat() if day else None,
        "enddate": end.isoformat() if end and end != day else None,
        "source": [a for a in (_actor(r, "actor"),) if a], "recipient": [recipient] if recipient else [],
        "event": [r["type"]], "mode": r.get("mode"), "context": coding.context(r.get("cameo")),
        "event_loc": _event_loc(r), "event_text": [r["trigger"]] if r.get("trigger") else [],
        "quad_code": coding.quad(r), "event_scale": coding.goldstein(r.get("cameo")),
        "text_info": {"start": _int(r.get("sentence_start")), "end": _int(r.get("sentence_end")),
                      "trigger_start": _int(r.get("trigger_start")), "trigger_end": _int(r.get("trigger_end"))},
        "cite_info": {"citation": r["article_id"], "url": r.get("url") or None, "title": r.get("title") or None,
                      "language": r.get("language") or None, "publication": r.get("source") or None,
                      "published": r.get("published"), "coder": f"dateline {__version__}",
                      "codebook": "plover-0.8 (CAMEO 1.1b3 codes kept in cameo)"},
        "coder": f"dateline {__version__}",
        "coded_date": added.date().isoformat() if isinstance(added, dt.datetime) else None,
        "coded_time": added.time().isoformat(timespec="seconds") if isinstance(added, dt.datetime) else None,
        "status": r.get("status"), "confidence": r.get("confidence"), "cameo": r.get("cameo"),
        "rule": r.get("rule"), "article_id": r["article_id"],
    }
    if with_text:
        rec["text"] = (r.get("sentence") or "").strip()
    return rec


# -- GDELT -------------------------------------------------------------------------------------------------
def _geo_type(r: dict[str, Any]) -> int | None:
    """GDELT's geographic resolution: 1 country, 2 US state, 3 US city, 4 world city, 5 world state."""
    if not r.get("location"):
        return None
    us = (r.get("location_country") or "").upper() == "US"
    if r.get("feature_class") is None and r.get("lat") is None:
        return 1
    if r.get("feature_class") == "A":  # a country has no first-level division
        return (2 if us else 5) if r.get("admin1") else 1
    return 3 if us else 4


def gdelt_event_row(r: dict[str, Any], coding: Coding) -> list[Any]:
    day = event_day(r)
    cameo = r.get("cameo") or ""
    g = coding.goldstein(cameo)
    cc = r.get("location_country") or ""
    adm1 = f"{cc}{r['admin1']}" if cc and r.get("admin1") else (cc if _geo_type(r) == 1 else "")
    country = coding.country_name(cc)
    full = ", ".join(dict.fromkeys(x for x in (r.get("location"), country) if x))
    actor = ("actor_code", "actor_name", "actor_country", None, None, None, None, "actor_sector", None, None)
    values: list[Any] = [
        global_event_id(r["id"]), day.strftime("%Y%m%d") if day else "", day.strftime("%Y%m") if day else "",
        day.year if day else "",
        f"{day.year + (day.timetuple().tm_yday - 1) / 365:.4f}" if day else "",
        *(r.get(k) if k else None for k in actor),
        *(r.get(k.replace("actor", "recipient")) if k else None for k in actor),
        1 if r.get("is_root") else 0, cameo, cameo[:3], cameo[:2], coding.quad(r),
        f"{g:.1f}" if g is not None else None, r.get("n_mentions", 1), r.get("n_sources", 1),
        r.get("n_articles", 1), None,
        *([None] * 16),  # the actors' own geography: we place events, not actors
        _geo_type(r), full or None, cc or None, adm1 or None, None, _float(r.get("lat")), _float(r.get("lon")),
        _int(r.get("geonames_id")) if r.get("location") else None,
        _stamp(r.get("first_added") or r.get("analysed_at")), r.get("url") or r.get("source") or "",
    ]
    return values


def gdelt_mention_row(r: dict[str, Any]) -> list[Any]:
    url = r.get("url") or ""
    offset = lambda k: _int(r.get(k)) if _int(r.get(k)) is not None else -1  # noqa: E731  (-1: GDELT's none)
    confidence = r.get("confidence")
    return [
        global_event_id(r["root"]), _stamp(r.get("first_added")), _stamp(r.get("published") or
                                                                           r.get("published_date")),
        1 if url.startswith(("http://", "https://")) else 2, r.get("source") or _domain(url) or None,
        url or r["article_id"], None, offset("actor_start"), offset("recipient_start"), offset("trigger_start"),
        1, round(confidence * 100) if confidence is not None else None, r.get("doc_len"), None, None, None,
    ]


def _domain(url: str) -> str:
    from urllib.parse import urlparse

    return urlparse(url).netloc if url else ""


# -- writers -----------------------------------------------------------------------------------------------
def flat_row(r: dict[str, Any], coding: Coding) -> dict[str, Any]:
    """One stored event as the flat row of CSV and Parquet (``FLAT_COLUMNS``)."""
    out = {k: r.get(k) for k in ("article_id", "date_value", "type", "mode", "cameo", "status", "confidence",
                                 "actor_name", "actor_text", "actor_code", "actor_country", "actor_sector",
                                 "recipient_name", "recipient_text", "recipient_code", "recipient_country",
                                 "recipient_sector", "location", "location_country", "trigger", "sentence", "rule",
                                 "published", "source", "url", "title", "language", "analysed_at")}
    out.update(event_id=r["id"], date=event_day(r), date_start=_day(r.get("date_start")),
               date_end=_day(r.get("date_end")), date_inferred=r.get("date_inferred"),
               context=";".join(coding.context(r.get("cameo"))) or None, quad_class=coding.quad(r),
               goldstein=coding.goldstein(r.get("cameo")), location_admin1=r.get("admin1"),
               location_lat=_float(r.get("lat")), location_lon=_float(r.get("lon")),
               location_geonames_id=_int(r.get("geonames_id")), trigger_start=_int(r.get("trigger_start")),
               trigger_end=_int(r.get("trigger_end")), sentence_start=_int(r.get("sentence_start")),
               sentence_end=_int(r.get("sentence_end")))
    out["sentence"] = (out["sentence"] or "").strip() or None
    return out


@dataclass(slots=True)
class ExportStats:
    events: int = 0  # rows of the main table (PLOVER records, GDELT events, flat rows)
    mentions: int = 0  # rows of the GDELT Mentions table


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "1" if v else "0"
    if isinstance(v, str):  # a tab or line break inside a field would break a TSV row
        return v.replace("\t", " ").replace("\r", " ").replace("\n", " ")
    return str(v)


def write_plover(store, filters: EventFilters, out: IO[str], *, with_text: bool = False,
                 size: int = BATCH) -> ExportStats:
    coding, stats = Coding(), ExportStats()
    for _, batch in event_batches(store, filters, size):
        out.write("".join(json.dumps(plover_record(r, coding, with_text=with_text), ensure_ascii=False,
                                     default=str) + "\n" for r in batch))
        stats.events += len(batch)
    return stats


def write_gdelt(store, filters: EventFilters, events_out: IO[str], mentions_out: IO[str] | None, *,
                size: int = BATCH) -> ExportStats:
    """The Events table, and the Mentions table when given a file for it, in one pass over the groups."""
    coding, stats = Coding(), ExportStats()
    events_out.write("\t".join(GDELT_EVENT_COLUMNS) + "\n")
    if mentions_out is not None:
        mentions_out.write("\t".join(GDELT_MENTION_COLUMNS) + "\n")
    for group in groups(store, filters, size):
        root = dict(group[0], n_mentions=len(group), n_articles=len({r["article_id"] for r in group}),
                    n_sources=len({r.get("source") or r.get("url") or "" for r in group}),
                    first_added=min((r["analysed_at"] for r in group if r.get("analysed_at")), default=None))
        events_out.write("\t".join(map(_cell, gdelt_event_row(root, coding))) + "\n")
        stats.events += 1
        if mentions_out is not None:
            for r in group:
                r.update(root=root["id"], first_added=root["first_added"])
                mentions_out.write("\t".join(map(_cell, gdelt_mention_row(r))) + "\n")
            stats.mentions += len(group)
    return stats


def write_csv(store, filters: EventFilters, out: IO[str], *, size: int = BATCH) -> ExportStats:
    coding, stats = Coding(), ExportStats()
    names = [c for c, _ in FLAT_COLUMNS]
    w = csv.writer(out)
    w.writerow(names)
    for _, batch in event_batches(store, filters, size):
        for r in batch:
            row = flat_row(r, coding)
            w.writerow(["" if row[c] is None else row[c] for c in names])
        stats.events += len(batch)
    return stats


def write_parquet(store, filters: EventFilters, path: Path, *, size: int = BATCH) -> ExportStats:
    """Batches into a scratch DuckDB file on disk, then DuckDB's own COPY ... TO (FORMAT PARQUET): typed
    columns, no pyarrow, memory bounded by the scratch database's limit."""
    import tempfile

    import duckdb

    coding, stats = Coding(), ExportStats()
    names = [c for c, _ in FLAT_COLUMNS]
    with tempfile.TemporaryDirectory(prefix="dateline-export-", dir=path.parent) as tmp:
        con = duckdb.connect(str(Path(tmp) / "rows.duckdb"))
        try:
            con.execute("SET memory_limit = '64MB'")  # it only appends, then copies out
            con.execute("SET preserve_insertion_order = true")
            con.execute(f"CREATE TABLE rows ({', '.join(f'{c} {t}' for c, t in FLAT_COLUMNS)})")
            select = ", ".join(f"unnest(${i + 1})" for i in range(len(names)))
            for _, batch in event_batches(store, filters, size):
                rows = [flat_row(r, coding) for r in batch]
                con.execute(f"INSERT INTO rows SELECT {select}", [[row[c] for row in rows] for c in names])
                stats.events += len(batch)
            target = str(path).replace("'", "''")
            # the batches are freed by now: the writer may take more, one thread, row groups of 50,000
            con.execute("SET memory_limit = '128MB'")
            con.execute("SET threads = 1")
            con.execute(f"COPY (SELECT * FROM rows) TO '{target}' (FORMAT PARQUET, COMPRESSION zstd, "
                        "ROW_GROUP_SIZE 50000)")
        finally:
            con.close()
    return stats


def mentions_path(path: Path) -> Path:
    """Where the Mentions table goes beside an Events table: events.tsv -> events.mentions.tsv."""
    return path.with_name(f"{path.stem}.mentions{path.suffix or '.tsv'}")


def export(store, fmt: str, filters: EventFilters = EventFilters(), path: Path | str | None = None, *,
           with_text: bool = False, stdout: IO[str] | None = None, batch_size: int = BATCH) -> ExportStats:
    """Export the events that pass ``filters`` in ``fmt`` to ``path`` (text formats: stdout when None).
    A GDELT export to a path also writes the Mentions table beside it (:func:`mentions_path`)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")
    if fmt == "parquet" and path is None:
        raise ExportError("parquet is binary: give a file with -o PATH")
    _bound_memory(store)
    out_path = Path(path) if path is not None else None
    if fmt == "parquet":
        return write_parquet(store, filters, out_path, size=batch_size)
    with _open(out_path, stdout) as out:
        if fmt == "plover-json":
            return write_plover(store, filters, out, with_text=with_text, size=batch_size)
        if fmt == "csv":
            return write_csv(store, filters, out, size=batch_size)
        if out_path is None:
            return write_gdelt(store, filters, out, None, size=batch_size)
        with open(mentions_path(out_path), "w", encoding="utf-8", newline="") as mentions:
            return write_gdelt(store, filters, out, mentions, size=batch_size)


@contextmanager
def _open(path: Path | None, stdout: IO[str] | None) -> Iterator[IO[str]]:
    """A file to write, or stdout (left open)."""
    if path is None:
        yield stdout or sys.stdout
        return
    with open(path, "w", encoding="utf-8", newline="") as f:
        yield f


def _bound_memory(store) -> None:
    """A DuckDB store caches up to most of the machine's memory by default: an export needs little."""
    limit = getattr(store, "limit", None)
    if dialect(store) == "duckdb" and callable(limit):
        limit(memory="128MB")  # spans are small; lookups and scans need little


__all__ = ["FORMATS", "GDELT_EVENT_COLUMNS", "GDELT_MENTION_COLUMNS", "FLAT_COLUMNS", "EventFilters",
           "ExportError", "ExportStats", "export", "plover_record", "mentions_path"]
