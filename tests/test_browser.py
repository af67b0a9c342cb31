"""The web page in a real browser: Debian's chromium, headless, driven by Playwright, against `dateline serve`'s
app on a free loopback port over the demo articles (plus one article whose title holds markup).

Skipped when chromium or Playwright is missing, except with DATELINE_REQUIRE_BROWSER=1 (CI), where that
fails. Screenshots of every view go to test-artifacts/browser/ (gitignored)."""

from __future__ import annotations

import json
import os
import shutil
import socket
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import skip_unless_required

from dateline import query

ROOT = Path(__file__).resolve().parents[1]
SHOTS = ROOT / "test-artifacts" / "browser"
CHROMIUM = os.environ.get("DATELINE_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TOKEN = "browser-test-token"
HOSTILE_TITLE = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2"> Ministers meet'
TIMEOUT_MS = 20_000


def _browser_or_skip():
    why = None
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        why, sync_playwright = "the playwright package is not installed", None
    if why is None and not Path(CHROMIUM).exists():
        why = f"no chromium at {CHROMIUM} (apt-get install chromium)"
    if why:
        skip_unless_required(why, required=os.environ.get("DATELINE_REQUIRE_BROWSER") == "1",
                             flag="DATELINE_REQUIRE_BROWSER=1")
    return sync_playwright


@pytest.fixture(scope="module")
def playwright_api():
    """Playwright's sync API; asked for before the demo store, so a skip costs no ingest."""
    return _browser_or_skip()


@pytest.fixture(scope="module")
def server(playwright_api, demo_db, tmp_path_factory, nlp):
    """The app over a copy of the demo store on a free loopback port, with one hostile article posted."""
    import uvicorn

    from dateline.serve import create_app
    from dateline.store import open_store
    path = tmp_path_factory.mktemp("browser") / "demo.duckdb"
    shutil.copy(demo_db, path)
    store = open_store(str(path))
    app = create_app(store, write_token=TOKEN, nlp=nlp)
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    srv = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
    thread = threading.Thread(target=srv.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        assert thread.is_alive() and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    base = f"http://127.0.0.1:{port}"
    hostile = _post(base, {"title": HOSTILE_TITLE, "published": "2024-03-06", "source": "Test <b>Wire</b>",
                           "text": "The foreign minister of Ruritania met his Freedonian counterpart in Lisbon."})
    yield {"base": base, "store": store, "hostile_id": hostile["articles"][0]["id"]}
    srv.should_exit = True
    thread.join(10)
    store.close()
    sock.close()


def _post(base: str, article: dict) -> dict:
    req = urllib.request.Request(base + "/api/articles", data=json.dumps(article).encode(), method="POST",
                                 headers={"Content-Type": "application/json", "Authorization": f"Bearer {TOKEN}"})
    with urllib.request.urlopen(req, timeout=120) as r:
        assert r.status == 201
        return json.loads(r.read())


@pytest.fixture(scope="module")
def browser(playwright_api, server):
    with playwright_api() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser, server):
    """A fresh page that records script errors and every request that leaves the test server."""
    ctx = browser.new_context(viewport={"width": 1400, "height": 900})
    pg = ctx.new_page()
    pg.set_default_timeout(TIMEOUT_MS)
    pg.errors, pg.outside = [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: None if r.url.startswith((server["base"], "data:")) else pg.outside.append(r.url))
    yield pg
    ctx.close()
    assert not pg.outside, f"the page fetched from elsewhere: {pg.outside}"
    assert not pg.errors, f"script errors: {pg.errors}"


def open_view(page, server, hash_: str) -> None:
    page.goto(server["base"] + "/" + hash_)
    page.wait_for_selector("[data-testid=view][aria-busy=false]")


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=False)


def test_search_an_actor_opens_its_page(page, server):
    open_view(page, server, "")
    page.get_by_test_id("search-input").fill("Xi Jinping")
    page.get_by_test_id("search-button").click()
    link = page.locator("[data-testid=search-actor-link]", has_text="Xi Jinping").first
    link.wait_for()
    shot(page, "01-search")
    link.click()
    page.wait_for_selector("[data-testid=view][data-view=actor][aria-busy=false]")
    assert page.get_by_test_id("actor-name").text_content() == "Xi Jinping"
    chart = page.get_by_test_id("actor-timeline")
    assert chart.locator("canvas").count() >= 1
    months = int(chart.get_attribute("data-months"))
    profile = json.loads(urllib.request.urlopen(server["base"] + "/api/actors/Xi%20Jinping").read())
    assert months == len(profile["timeline"]["months"]) > 0
    rows = page.locator("[data-testid=actor-counterparts] tbody tr")
    assert rows.count() == len(profile["counterparts"]) > 0
    assert "Kim Jong Un" in page.get_by_test_id("actor-counterparts").text_content()
    shot(page, "02-actor")


def test_filter_events_by_dates(page, server):
    open_view(page, server, "#/events")
    page.get_by_test_id("filter-actor").fill("Kim Jong Un")
    page.get_by_test_id("filter-since").fill("2019-01-01")
    page.get_by_test_id("filter-until").fill("2019-01-31")
    page.get_by_test_id("filter-apply").click()
    page.wait_for_function("location.hash.includes('since=2019-01-01')")
    page.wait_for_selector("[data-testid=view][aria-busy=false]")
    shown = page.locator("[data-testid=event-row]").evaluate_all("rows => rows.map(r => r.dataset.eventId)")
    want = query.events(server["store"], actor="Kim Jong Un", since="2019-01-01", until="2019-01-31", limit=50)
    assert shown == [e["id"] for e in want] and shown
    everything = query.events(server["store"], actor="Kim Jong Un", limit=1000)
    assert len(everything) > len(want)  # the dates did narrow the table
    shot(page, "03-events-filtered")


def _event_with_all_marks(store) -> dict:
    """An event whose trigger, actor and recipient all lie in its sentence."""
    for row in query.events(store, actor="Kim Jong Un", recipient="CHN", limit=200):
        ev = query.event(store, row["id"])
        s = ev.evidence.sentence
        spans = [ev.evidence.trigger, ev.actor.span, ev.recipient.span if ev.recipient else None]
        if all(x is not None and s.start <= x.start <= x.end <= s.end for x in spans):
            return {"id": ev.id, "actor": "Kim Jong Un", "trigger": spans[0].text, "actor_span": spans[1].text,
                    "recipient_span": spans[2].text, "sentence": (s.start, s.end), "article": ev.article_id}
    raise AssertionError("no demo event has all three marks in its sentence")


def test_event_evidence_highlights_the_stored_spans(page, server):
    ev = _event_with_all_marks(server["store"])
    open_view(page, server, "#/events?actor=Kim%20Jong%20Un&recipient=CHN")
    row = page.locator(f"[data-testid=event-row][data-event-id='{ev['id']}']")
    if row.count() == 0:  # not on the first page of the plain listing: open it by id instead
        open_view(page, server, f"#/events?actor=Kim%20Jong%20Un&event={ev['id']}")
    else:
        row.click()
    sentence = page.get_by_test_id("evidence-sentence")
    sentence.wait_for()
    text = server["store"].analysis(ev["article"]).article.text
    assert sentence.text_content() == text[ev["sentence"][0]:ev["sentence"][1]]
    for role, want in (("trigger", ev["trigger"]), ("actor", ev["actor_span"]), ("recipient", ev["recipient_span"])):
        got = sentence.locator(f"mark.hl-{role}").evaluate_all("ms => ms.map(m => m.textContent).join('')")
        assert got == want, (role, got, want)
    assert page.get_by_test_id("evidence-rule").text_content()
    assert page.locator("[data-testid=evidence-outlets] li").count() >= 1
    shot(page, "04-evidence")


def test_map_shows_event_locations(page, server):
    open_view(page, server, "#/map")
    places = query.places(server["store"], event_only=True, limit=1000)
    points = {(round(p["lat"], 3), round(p["lon"], 3)) for p in places if p["lat"] is not None}
    markers = page.locator("[data-testid=map-marker]")
    markers.first.wait_for()
    assert markers.count() == len(points) > 0
    assert page.locator("#map path.leaflet-interactive, #map path").count() > len(points)  # outlines drawn too
    markers.first.click(force=True)
    page.get_by_test_id("map-popup").wait_for()
    assert page.locator("[data-testid=map-article-link]").count() >= 1
    shot(page, "05-map")


def test_error_state(page, server):
    open_view(page, server, "#/events?since=2019-02-30")
    box = page.get_by_test_id("error")
    assert box.is_visible()
    assert "2019-02-30" in page.get_by_test_id("error-message").text_content()
    assert page.get_by_test_id("error-code").text_content() == "invalid_parameter"
    shot(page, "06-error-bad-date")
    open_view(page, server, "#/actor/Nobody%20Ever%20Named%20This")
    assert page.get_by_test_id("error-code").text_content() == "not_found"
    page.get_by_test_id("error-dismiss").click()
    assert not box.is_visible()


def test_markup_in_a_title_is_shown_as_text(page, server):
    aid = server["hostile_id"]
    open_view(page, server, "#/articles?offset=0")
    link = page.locator(f"[data-testid=article-link][href='#/article/{aid}']")
    assert link.text_content() == HOSTILE_TITLE
    link.click()
    page.wait_for_selector("[data-testid=view][data-view=article][aria-busy=false]")
    assert page.get_by_test_id("article-title").text_content() == HOSTILE_TITLE
    assert "Test <b>Wire</b>" in page.get_by_test_id("article-meta").text_content()
    assert page.evaluate("window.__pwned") is None
    assert page.locator("main img, main script, main b").count() == 0
    shot(page, "07-article-markup-title")


def test_article_page_shows_what_was_found(page, server):
    aid = query.articles(server["store"], limit=3)[2]["id"]
    analysis = server["store"].analysis(aid)
    open_view(page, server, f"#/article/{aid}")
    assert page.get_by_test_id("article-title").text_content() == analysis.article.title
    assert page.locator("[data-testid=article-event-row]").count() == len(analysis.events)
    assert page.locator("[data-testid=article-entities] tbody tr").count() == len(analysis.entities)
    assert page.locator("[data-testid=article-quotes] tbody tr").count() == len(analysis.quotes)
    shot(page, "08-article")


CONTROLS = "a, button, input, select, textarea, summary, [tabindex], [role=button], .u-legend .u-series"


def test_every_control_has_a_test_id(page, server):
    ev = query.events(server["store"], actor="Kim Jong Un", limit=1)[0]
    for hash_ in ("#/events", f"#/events?actor=Kim%20Jong%20Un&event={ev['id']}", "#/search?q=Kim",
                  "#/actor/Kim%20Jong%20Un", f"#/article/{ev['article']}", "#/articles", "#/map"):
        open_view(page, server, hash_)
        if "event=" in hash_:
            page.get_by_test_id("evidence-sentence").wait_for()
        if hash_ == "#/map":
            page.locator("[data-testid=map-marker]").first.click(force=True)
            page.get_by_test_id("map-popup").wait_for()
        missing = page.evaluate(f"""() => [...document.querySelectorAll({json.dumps(CONTROLS)})]
            .filter(e => !e.dataset.testid).map(e => e.outerHTML.slice(0, 120))""")
        assert missing == [], (hash_, missing)
