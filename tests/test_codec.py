from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.model import (
    ActorRef, Article, ArticleAnalysis, DateRef, Entity, Event, Evidence, GeoRef, ItemError, Mention, Place,
    PlaceRef, Quote, Span, Summary, dumps, from_dict, loads, to_dict,
)

text = st.text(max_size=20)
spans = st.builds(Span, start=st.integers(0, 1000), end=st.integers(0, 1000), text=text)
georefs = st.builds(GeoRef, name=text, country=text, lat=st.floats(-90, 90), lon=st.floats(-180, 180),
                    geonames_id=st.none() | st.integers(1, 10**9))
actors = st.builds(ActorRef, text=text, name=text, span=st.none() | spans, country=st.none() | text)
events = st.builds(
    Event, id=text, article_id=text, type=st.sampled_from(["CONSULT", "THREATEN"]), actor=actors,
    evidence=st.builds(Evidence, sentence=spans, trigger=spans, rule=text),
    recipient=st.none() | actors, date=st.none() | st.builds(DateRef, value=text, inferred=st.booleans()),
    location=st.none() | st.builds(PlaceRef, name=text, lat=st.none() | st.floats(-90, 90)),
    status=st.sampled_from(["occurred", "expected"]), confidence=st.floats(0, 1),
)
analyses = st.builds(
    ArticleAnalysis,
    article=st.builds(Article, id=text, text=text, meta=st.dictionaries(text, st.integers() | text, max_size=3)),
    entities=st.lists(st.builds(Entity, id=text, name=text, type=st.just("PERSON"),
                                mentions=st.lists(st.builds(Mention, span=spans), max_size=3).map(tuple),
                                titles=st.lists(text, max_size=2).map(tuple)), max_size=3).map(tuple),
    places=st.lists(st.builds(Place, id=text, span=spans, resolved=st.none() | georefs,
                              candidates=st.lists(georefs, max_size=2).map(tuple)), max_size=2).map(tuple),
    quotes=st.lists(st.builds(Quote, id=text, content=spans, speaker=st.none() | spans), max_size=2).map(tuple),
    events=st.lists(events, max_size=2).map(tuple),
    summary=st.none() | st.builds(Summary, standfirst=text, sentences=st.lists(spans, max_size=3).map(tuple)),
    errors=st.lists(st.builds(ItemError, origin=text, stage=text, code=text, message=text), max_size=2).map(tuple),
)


@settings(max_examples=200, deadline=None)
@given(analyses)
def test_analysis_round_trips_through_json(a):
    assert loads(ArticleAnalysis, dumps(a)) == a


def test_unknown_fields_are_refused():
    import pytest

    with pytest.raises(ValueError, match="unknown fields"):
        from_dict(Span, {"start": 0, "end": 1, "text": "x", "extra": 1})


def test_to_dict_is_plain_json_data():
    d = to_dict(Span(start=1, end=2, text="a"))
    assert d == {"start": 1, "end": 2, "text": "a"}
