"""The DuckDB store: round trips, upserts, migrations."""

from __future__ import annotations

from dateline.model import Article, ArticleAnalysis, Entity, ItemError, Mention, Span
from dateline.store import open_store
from dateline.store.migrations import apply_migrations


def analysis(text="Kim met Xi.\nBody.", name="Kim", source="Wire", url="https://w.example/1"):
    from dateline.model import article_id

    art = Article(id=article_id(text), text=text, title=text.split("\n")[0], published="2019-01-08",
                  source=source, url=url)
    ent = Entity(id="en" + name, name=name, type="PERSON", mentions=(Mention(span=Span(start=0, end=3, text="Kim")),),
                 country="PRK", sector="GOV")
    return ArticleAnalysis(article=art, entities=(ent,), provenance={"model": "m"})


def test_round_trip_and_idempotent_upsert(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        a = analysis()
        store.save([a])
        first = store.counts()
        store.save([a, a])
        assert store.counts() == first
        assert store.analysis(a.article.id) == a


def test_reanalysis_replaces_child_rows(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([analysis(name="Kim")])
        store.save([analysis(name="Kim Jong Un")])
        assert [r["name"] for r in store.query("SELECT name FROM entities")] == ["Kim Jong Un"]


def test_same_text_from_two_outlets_is_one_article_with_two_sources(tmp_path):
    with open_store(tmp_path / "s.duckdb") as store:
        store.save([analysis(source="A", url="https://a.example/1"), analysis(source="B", url="https://b.example/9")])
        c = store.counts()
        assert c["articles"] == 1 and c["article_sources"] == 2


def test_errors_are_recorded_once_per_item_and_counted(tmp_path):
    e = ItemError(origin="x.txt", stage="read", code="empty", message="empty")
    with open_store(tmp_path / "s.duckdb") as store:
        store.save_errors([e])
        store.save_errors([e])
        rows = store.query("SELECT origin, code, count FROM errors")
        assert rows == [{"origin": "x.txt", "code": "empty", "count": 2}]


def test_migrations_run_once(tmp_path):
    p = tmp_path / "s.duckdb"
    open_store(p).close()
    with open_store(p) as store:
        assert apply_migrations(store.con) == []
        names = [r["name"] for r in store.query("SELECT name FROM migrations")]
        assert names and names == sorted(names)
