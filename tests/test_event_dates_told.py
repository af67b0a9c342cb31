"""An event told with its own time gets that time, not the day the article was published; an event told
as earlier (pluperfect, a relative clause in the past) gets "some day before". Every sentence is invented;
the articles are published on Wednesday 9 January 2019 unless they are undated."""

from __future__ import annotations

from dateline.ingest import make_article
from dateline.ingest.article import Defaults
from dateline.model import Event
from dateline.pipeline import analyze

PUB = "2019-01-09"  # a Wednesday


def coded(sentence: str, published: str | None = PUB) -> list[Event]:
    art = make_article(title="Report", paragraphs=[sentence], published=published,
                       defaults=Defaults(require_date=False))
    (a,) = analyze([art])
    return list(a.events)


def on(sentence: str, trigger: str, published: str | None = PUB) -> Event:
    events = coded(sentence, published)
    for e in events:
        if e.evidence.trigger.text == trigger:
            return e
    raise AssertionError(f"no event on '{trigger}' among {[(e.type, e.evidence.trigger.text) for e in events]}")


def day_and_grain(e: Event) -> tuple[str | None, str | None]:
    return (e.date.value, e.date.granularity) if e.date is not None else (None, None)


# -- the time the event's own words give --------------------------------------------------------------
def test_this_weekend_in_the_past_tense_is_the_weekend_just_gone():
    e = on("This weekend, Senator Ada Brennan criticised the governor of Ohio.", "criticised")
    assert (e.date.start, e.date.end) == ("2019-01-05", "2019-01-06"), e.date


def test_this_weekend_in_the_future_tense_is_the_coming_one():
    e = on("This weekend, the Greek prime minister will meet the Turkish president in Athens.", "meet")
    assert e.date is not None and e.date.start == "2019-01-12", e.date
