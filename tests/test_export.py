"""`dateline export`: GDELT-style tables, PLOVER records, CSV and Parquet over a store of a few demo articles."""

from __future__ import annotations

import csv
import io
import json
import shutil
from importlib import resources
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from dateline.cli import app

DEMO = Path(str(resources.files("dateline.demo") / "articles"))
# The GDELT 2.0 Event Database codebook's columns, in its order (written out here, not taken from the code).
GDELT_EVENTS = """GLOBALEVENTID SQLDATE MonthYear Year FractionDate Actor1Code Actor1Name Actor1CountryCode
Actor1KnownGroupCode Actor1EthnicCode Actor1Religion1Code Actor1Religion2Code Actor1Type1Code Actor1Type2Code
Actor1Type3Code Actor2Code Actor2Name Actor2CountryCode Actor2KnownGroupCode Actor2EthnicCode Actor2Religion1Code
Actor2Religion2Code Actor2Type1Code Actor2Type2Code Actor2Type3Code IsRootEvent EventCode EventBaseCode EventRootCode
QuadClass GoldsteinScale NumMentions NumSources NumArticles AvgTone Actor1Geo_Type Actor1Geo_FullName
Actor1Geo_CountryCode Actor1Geo_ADM1Code Actor1Geo_ADM2Code Actor1Geo_Lat Actor1Geo_Long Actor1Geo_FeatureID
Actor2Geo_Type Actor2Geo_FullName Actor2Geo_CountryCode Actor2Geo_ADM1Code Actor2Geo_ADM2Code Actor2Geo_Lat
Actor2Geo_Long Actor2Geo_FeatureID ActionGeo_Type ActionGeo_FullName ActionGeo_CountryCode ActionGeo_ADM1Code
ActionGeo_ADM2Code ActionGeo_Lat ActionGeo_Long ActionGeo_FeatureID DATEADDED SOURCEURL""".split()
GDELT_MENTIONS = """GLOBALEVENTID EventTimeDate MentionTimeDate MentionType MentionSourceName MentionIdentifier
SentenceID Actor1CharOffset Actor2CharOffset ActionCharOffset InRawText Confidence MentionDocLen MentionDocTone
MentionDocTranslationInfo Extras""".split()
PLOVER_TYPES = {"AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
                "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"}
# PLOVER JSON data fields (specification, draft 0.7b1): the four required ones, then the optional ones
PLOVER_REQUIRED = ("id", "date", "source", "event")
PLOVER_OPTIONAL = {"has_event", "time", "enddate", "endtime", "recipient", "event_loc", "event_text", "quad_code",
                   "event_scale", "mode", "context", "link", "text", "text_info", "cite_info", "coder", "coded_date",
                   "coded_time", "comment"}
OURS = {"status", "confidence", "cameo", "rule", "article_id"}  # our own fields, as the specification allows


def run(*args: str):
    return CliRunner().invoke(app, list(args))


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> str:
    """Four demo articles (the Kim visits to China among them) in a fresh store."""
    from dateline.ingest import ReadOptions, read_inputs
    from dateline.runners.inline import ingest
    from dateline.store import open_store

    folder = tmp_path_factory.mktemp("articles")
    for path in sorted(DEMO.iterdir()):
        if path.name[:3] in ("004", "005", "006", "010"):
            shutil.copy(path, folder / path.name)
    db = str(tmp_path_factory.mktemp("store") / "x.duckdb")
    with open_store(db) as store:
        report = ingest(read_inputs([folder], ReadOptions()), store)
    assert not report.failed
    return db


def load(sql: str) -> tuple[list[str], list[tuple]]:
    cur = duckdb.connect().execute(sql)
    return [d[0] for d in cur.description], cur.fetchall()


def events(db: str, *args: str) -> list[dict]:
    result = run("--db", db, "events", "--json", "-n", "100000", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_gdelt_export_loads_into_duckdb_with_the_codebook_columns(db, tmp_path):
    out = tmp_path / "events.tsv"
    result = run("--db", db, "export", "--format", "gdelt-tsv", "-o", str(out), "--min-confidence", "0")
    assert result.exit_code == 0, result.output
    columns, table = load(f"SELECT * FROM read_csv('{out}', delim='\t', header=true)")
    assert columns == GDELT_EVENTS
    m_columns, mentions = load(f"SELECT * FROM read_csv('{tmp_path / 'events.mentions.tsv'}', delim='\t', "
                               "header=true)")
    assert m_columns == GDELT_MENTIONS
    rows = [dict(zip(columns, r)) for r in table]
    stored = events(db, "--min-confidence", "0")
    # every report is a mention of exactly one event; the events' counts add up to the mentions
    assert len(mentions) == sum(r["NumMentions"] for r in rows) == len(stored)
    assert len({r["GLOBALEVENTID"] for r in rows}) == len(rows)
    assert {m[0] for m in mentions} == {r["GLOBALEVENTID"] for r in rows}
    for r in rows:
        code = str(r["EventCode"]).zfill(3)  # DuckDB reads "042" as the number 42
        assert str(r["EventRootCode"]).zfill(2) == code[:2] and 1 <= r["QuadClass"] <= 4
        assert r["NumArticles"] <= r["NumMentions"] and r["NumSources"] <= r["NumArticles"]
        assert str(r["SQLDATE"]).startswith(str(r["Year"])) and str(r["SQLDATE"])[:6] == str(r["MonthYear"])
        assert r["SOURCEURL"].startswith("https://")
    visits = [r for r in rows if str(r["EventCode"]).zfill(3) == "042"]
    assert visits and all(float(r["GoldsteinScale"]) == 1.9 for r in visits)  # CAMEO 042, Make a visit
    assert any(r["Actor1CountryCode"] == "PRK" and r["Actor2CountryCode"] == "CHN" for r in visits)
    placed = [r for r in rows if r["ActionGeo_FullName"]]
    assert placed and all(r["ActionGeo_CountryCode"] and r["ActionGeo_Type"] in (1, 2, 3, 4, 5) for r in placed)
    assert any(r["ActionGeo_FullName"].startswith("Beijing") and r["ActionGeo_FeatureID"] for r in placed)


def test_each_gdelt_event_has_as_many_mention_rows_as_it_counts(db):
    from dateline import exports
    from dateline.store import open_store

    with open_store(db, read_only=True) as store:
        out, mentions = io.StringIO(), io.StringIO()
        exports.write_gdelt(store, exports.EventFilters(min_confidence=0), out, mentions)
    rows = list(csv.DictReader(io.StringIO(out.getvalue()), delimiter="\t"))
    reps = list(csv.DictReader(io.StringIO(mentions.getvalue()), delimiter="\t"))
    for r in rows:
        n = sum(m["GLOBALEVENTID"] == r["GLOBALEVENTID"] for m in reps)
        assert n == int(r["NumMentions"])
    offsets = [(int(m["Actor1CharOffset"]), int(m["ActionCharOffset"])) for m in reps]
    assert all(a >= -1 and t >= 0 for a, t in offsets)


def test_plover_records_have_every_required_field(db):
    result = run("--db", db, "export", "--format", "plover-json")
    assert result.exit_code == 0, result.output
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(events(db)) > 0
    for rec in records:
        for name in PLOVER_REQUIRED:
            assert rec[name], (name, rec["id"])
        assert set(rec) <= {*PLOVER_REQUIRED, *PLOVER_OPTIONAL, *OURS}
        assert len(rec["date"]) == 10 and rec["date"][4] == "-"
        assert set(rec["event"]) <= PLOVER_TYPES
        for actor in rec["source"] + rec["recipient"]:
            assert actor["code"] or actor["actor_text"]
        assert rec["quad_code"] in (1, 2, 3, 4)
        assert "text" not in rec  # the sentence only when asked (the specification's rights note)
    kinds = {r["event"][0] for r in records}
    assert "CONSULT" in kinds
    assert any(r["event_loc"] and r["event_loc"]["geonameid"] and r["event_loc"]["cc3"] for r in records)


def test_plover_text_only_when_asked(db):
    result = run("--db", db, "export", "--format", "plover-json", "--text", "--type", "CONSULT")
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert records and all(r["text"] and r["event"] == ["CONSULT"] for r in records)


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_parquet_and_csv_round_trip_through_duckdb(db, tmp_path, fmt):
    from dateline.exports import FLAT_COLUMNS

    out = tmp_path / f"events.{fmt}"
    result = run("--db", db, "export", "--format", fmt, "-o", str(out))
    assert result.exit_code == 0, result.output
    reader = f"read_parquet('{out}')" if fmt == "parquet" else f"read_csv('{out}', header=true)"
    columns, table = load(f"SELECT * FROM {reader}")
    assert columns == [c for c, _ in FLAT_COLUMNS]
    rows = {r[0]: dict(zip(columns, r)) for r in table}
    stored = events(db)
    assert set(rows) == {e["id"] for e in stored}
    for e in stored:
        row = rows[e["id"]]
        assert (row["type"], row["actor_name"], row["cameo"], row["confidence"]) == (
            e["type"], e["actor"], e["cameo"], e["confidence"])
        assert row["sentence"] == e["sentence"].strip()
    if fmt == "parquet":
        types = {r[0]: r[1] for r in load(f"DESCRIBE SELECT * FROM {reader}")[1]}
        assert types["date"] == "DATE" and types["confidence"] == "DOUBLE" and types["trigger_start"] == "INTEGER"


def test_filters_apply_as_in_dateline_events(db, tmp_path):
    for args in (("--actor", "PRK"), ("--type", "CONSULT", "--mode", "visit"), ("--recipient", "CHN"),
                 ("--since", "2018-03-26", "--until", "2018-03-28"), ("--cameo", "04", "--min-confidence", "0")):
        out = tmp_path / "f.csv"
        assert run("--db", db, "export", "--format", "csv", "-o", str(out), *args).exit_code == 0
        with open(out, encoding="utf-8") as f:
            exported = {r["event_id"] for r in csv.DictReader(f)}
        expected = {e["id"] for e in events(db, *args)}
        assert exported == expected and expected, args
    everything = events(db, "--min-confidence", "0")
    assert len(everything) > len(events(db, "--actor", "PRK"))


def test_bad_requests_exit_2(db, tmp_path):
    assert run("--db", db, "export", "--format", "xml").exit_code == 2
    assert run("--db", db, "export", "--format", "parquet").exit_code == 2  # binary needs a file
    assert run("--db", db, "export", "--format", "csv", "--since", "2019-02-30").exit_code == 2
    assert run("--db", db, "export", "--format", "csv", "--since", "2019-03-01", "--until", "2019-01-01").exit_code == 2
    assert run("--db", db, "export", "--format", "csv", "--type", "VISIT").exit_code == 2
    assert run("--db", db, "export", "--format", "csv", "-o", str(tmp_path / "no" / "x.csv")).exit_code == 2
    assert run("--db", db, "export", "--format", "csv", "-o", str(tmp_path)).exit_code == 2  # a folder
    assert run("--db", db, "export", "--format", "csv", "--min-confidence", "2").exit_code == 2
    assert run("--db", str(tmp_path / "none.duckdb"), "export", "--format", "csv").exit_code == 2
    result = run("--db", db, "export")
    assert result.exit_code == 2  # --format is required


def test_global_event_ids_are_stable_integers():
    from dateline.exports import global_event_id

    assert global_event_id("ev504c9686d66917da") == int("504c9686d66917d", 16)
    assert global_event_id("ev504c9686d66917da") == global_event_id("ev504c9686d66917da")
    assert global_event_id("ev504c9686d66917da") != global_event_id("ev504c9686d66917db"[:-2] + "0a")
    assert 0 <= global_event_id("evffffffffffffffff") < 2**60


@pytest.mark.parametrize("fmt", ["plover-json", "gdelt-tsv", "csv", "parquet"])
def test_small_batches_give_the_same_export_as_one_batch(db, tmp_path, fmt):
    """Rows are fetched batch by batch with lookups between batches: none may be lost or doubled."""
    from dateline import exports
    from dateline.store import open_store

    outputs = []
    for size in (7, 100_000):
        out = tmp_path / f"{size}.{fmt}"
        with open_store(db, read_only=True) as store:
            stats = exports.export(store, fmt, exports.EventFilters(min_confidence=0), out, batch_size=size)
        outputs.append((stats, out.read_bytes() if fmt != "parquet" else load(
            f"SELECT * FROM read_parquet('{out}') ORDER BY event_id")[1]))
    assert outputs[0] == outputs[1]
    assert outputs[0][0].events > 7 * 3  # several batches were read


def test_exports_agree_across_backends(db, pg_server, tmp_path):
    """The same analyses in PostgreSQL export the same records (server-side cursor, portable SQL); only the
    time each store saved them differs."""
    from dateline import exports
    from dateline.store import open_store

    url = pg_server.new_database()
    with open_store(db, read_only=True) as src, open_store(url) as dst:
        dst.save([src.analysis(r["id"]) for r in src.query("SELECT id FROM articles ORDER BY id")])

    def exported(target: str) -> tuple:
        name = "pg" if target.startswith("postgresql") else "duck"
        plover, events_tsv, mentions_tsv = (tmp_path / f"{name}.{x}" for x in ("jsonl", "tsv", "mentions.tsv"))
        with open_store(target, read_only=True) as store:
            exports.export(store, "plover-json", exports.EventFilters(min_confidence=0), plover, batch_size=7)
            exports.export(store, "gdelt-tsv", exports.EventFilters(actor="kim"), events_tsv, batch_size=7)
        records = [json.loads(line) for line in plover.read_text(encoding="utf-8").splitlines()]
        for r in records:
            r.pop("coded_date"), r.pop("coded_time")
        tables = []
        for path, stamp in ((events_tsv, "DATEADDED"), (mentions_tsv, "EventTimeDate")):
            with open(path, encoding="utf-8") as f:
                tables.append([{k: v for k, v in row.items() if k != stamp}
                               for row in csv.DictReader(f, delimiter="\t")])
        return records, *tables

    duck, pg = exported(db), exported(url)
    assert duck[0] and duck[1] and duck[2]
    for a, b in zip(duck, pg):
        assert len(a) == len(b)
        for x, y in zip(a, b):
            assert x == y


def test_spans_of_a_few_events_read_every_event_once_in_order(db):
    """Events are read span by span of days; tiny spans must give the same rows, in the same order."""
    from dateline import export_rows
    from dateline.store import open_store

    f = export_rows.EventFilters(min_confidence=0)
    with open_store(db, read_only=True) as store:
        spans = export_rows.spans(store, *export_rows.where(f), chunk=3)
        small = [r["id"] for _, b in export_rows.event_batches(store, f, size=2, chunk=3) for r in b]
        large = [r["id"] for _, b in export_rows.event_batches(store, f) for r in b]
        grouped = [[r["id"] for r in g] for g in export_rows.groups(store, f, size=2, chunk=3)]
        assert grouped == [[r["id"] for r in g] for g in export_rows.groups(store, f)]
        stored = store.query("SELECT count(*) AS n FROM events")[0]["n"]
    assert len(spans) >= 3 and small == large and len(small) == len(set(small)) == stored
    assert sorted(i for g in grouped for i in g) == sorted(small)
