"""What an event side's span covers: the whole noun phrase a reader would mark, on sentences of our own.

The span grows; who the actor is does not change (``nlp.events.spans``).
"""

from __future__ import annotations

import pytest

from dateline.model import ActorRef, Event, Evidence, Span
from dateline.nlp.events.phrases import np_span, split_coordination, whole_phrase
from dateline.nlp.events.spans import as_read


def wholes(nlp, text: str, head: str) -> list[str]:
    """The whole phrase of each coordinated part headed by the word ``head``."""
    doc = nlp(text)
    h = next(t for t in doc if t.text == head)
    return [whole_phrase(p).text for p in split_coordination(h)]


@pytest.mark.parametrize("text, head, want", [
    # a prepositional phrase tells which one: of, in, across, with its own coordination
    ("Troops shelled rebel positions in the hills and the valleys.", "positions",
     ["rebel positions in the hills and the valleys"]),
    ("Police detained hundreds of protesters in the capital on Monday.", "hundreds",
     ["hundreds of protesters"]),
    ("The government of Peru expelled the ambassador of Chile after the vote.", "ambassador",
     ["the ambassador of Chile"]),
    # a participle phrase and an adjective phrase after the head
    ("Rebels loyal to the former general ambushed a convoy carrying flour.", "Rebels",
     ["Rebels loyal to the former general"]),
    ("Gunmen ambushed a convoy carrying flour to the camps.", "convoy",
     ["a convoy carrying flour to the camps"]),
    # an apposition and a short name in brackets
    ("The minister met Ana Ruiz, the mayor of Dale, on Friday.", "Ruiz", ["Ana Ruiz, the mayor of Dale"]),
    ("The minister met Ana Ruiz, the mayor of Dale, in Lima.", "Ruiz", ["Ana Ruiz, the mayor of Dale"]),
    ("The Nigerian Air Force (NAF) bombed the camp.", "Force", ["The Nigerian Air Force (NAF)"]),
    # a relative clause is left out, and so is a time after the head
    ("Soldiers who had crossed the river shelled the village.", "Soldiers", ["Soldiers"]),
    # what someone is accused of is the charge, not which one is meant
    ("The regulator accused two traders of hiding their losses.", "traders", ["two traders"]),
    ("Police detained dozens of students on Tuesday.", "dozens", ["dozens of students"]),
    # the head's own coordination makes parts, each its own phrase; "both" goes with "and"
    ("Both India and Pakistan agreed to talk.", "India", ["India", "Pakistan"]),
])
def test_the_whole_phrase(nlp, text, head, want):
    assert wholes(nlp, text, head) == want


def test_a_place_after_a_persons_name_is_where_it_happened(nlp):
    assert wholes(nlp, "The envoy met President Ana Ruiz in Dale on Monday.", "Ruiz") == ["President Ana Ruiz"]


def test_a_bare_participle_restricts_nothing(nlp):
    doc = nlp("The council rejected the plan announced on Monday.")
    plan = next(t for t in doc if t.text == "plan")
    got = whole_phrase(split_coordination(plan)[0]).text
    assert got == "the plan", got


def test_the_whole_phrase_holds_the_words_the_actor_is_read_from(nlp):
    doc = nlp("Hundreds of soldiers from the northern provinces of Arnor crossed the border at dawn.")
    for t in doc:
        if t.pos_ in ("NOUN", "PROPN"):
            for part in split_coordination(t):
                whole, words = whole_phrase(part), np_span(part.head)
                assert whole.start <= words.start and words.end <= whole.end


# -- events: the span grows, the actor does not change ---------------------------------------------

def events_of(text: str) -> list[Event]:
    from dateline.model import Article
    from dateline.model.ids import article_id
    from dateline.pipeline import analyze

    (a,) = analyze([Article(id=article_id(text), text=text, published="2021-03-01", origin="test")])
    for e in a.events:
        for ref in (e.actor, e.recipient):
            if ref is not None and ref.span is not None:
                assert text[ref.span.start:ref.span.end] == ref.span.text == ref.text
            assert ref is None or ref.phrase is None  # made the span once the events are coded
    return list(a.events)


def test_an_event_side_is_marked_with_its_complements_and_keeps_who_it_is():
    text = "Police in Lagos arrested dozens of students from the university."
    (e,) = [e for e in events_of(text) if e.evidence.trigger.text == "arrested"]
    assert e.actor.text == "Police in Lagos" and e.actor.country == "NGA"
    assert e.recipient is not None and e.recipient.text == "dozens of students from the university"
    assert e.recipient.name == "students" and e.recipient.sector == "EDU"


def test_an_apposition_is_marked_with_the_name():
    text = "Kenyan President Uhuru Kenyatta met Ana Ruiz, the mayor of Lima, in Nairobi on Monday."
    (e,) = [e for e in events_of(text) if e.evidence.trigger.text == "met"]
    assert e.recipient is not None and e.recipient.text == "Ana Ruiz, the mayor of Lima"
    assert e.recipient.country == "PER"


def test_the_maker_of_a_thing_named_by_by_keeps_its_own_words():
    text = "The finance minister of Chile rejected a plea by shoe makers to cut fuel taxes."
    (e,) = [e for e in events_of(text) if e.evidence.trigger.text == "rejected"]
    assert e.actor.text == "The finance minister of Chile"
    assert e.recipient is not None and e.recipient.text == "shoe makers"


def test_the_owner_of_a_thing_named_by_of_is_marked_with_the_thing():
    text = "The finance minister of Chile rejected the plea of the Bolivian government to cut fuel taxes."
    (e,) = [e for e in events_of(text) if e.evidence.trigger.text == "rejected"]
    assert e.recipient is not None and e.recipient.text == "the plea of the Bolivian government"
    assert (e.recipient.name, e.recipient.code) == ("Bolivian government", "BOLGOV")


# -- as_read, on records alone ---------------------------------------------------------------------

def _ref(text: str, words: str, phrase: str | None) -> ActorRef:
    s = text.index(words)
    p = None if phrase is None else Span(start=text.index(phrase), end=text.index(phrase) + len(phrase), text=phrase)
    return ActorRef(text=words, name=words, span=Span(start=s, end=s + len(words), text=words), phrase=p)


def _event(text: str, trigger: str, actor: ActorRef, recipient: ActorRef | None) -> Event:
    t = text.index(trigger)
    return Event(id="e", article_id="a", type="ASSAULT", actor=actor, recipient=recipient,
                 evidence=Evidence(sentence=Span(start=0, end=len(text), text=text),
                                   trigger=Span(start=t, end=t + len(trigger), text=trigger), rule="r"))


def test_as_read_makes_the_phrase_the_span():
    text = "Rebels loyal to the general shelled the port of Dale."
    e = as_read(_event(text, "shelled", _ref(text, "Rebels", "Rebels loyal to the general"),
                       _ref(text, "the port", "the port of Dale")), text)
    assert (e.actor.text, e.actor.span.text, e.actor.phrase) == ("Rebels loyal to the general",) * 2 + (None,)
    assert e.recipient.span.text == "the port of Dale" and e.recipient.name == "the port"


def test_as_read_keeps_the_words_where_the_phrase_holds_the_trigger_or_the_other_side():
    text = "Ana Ruiz called Bo Lind on Monday."
    # a parse that hung the verb and its object on the name: the phrase would swallow both
    e = as_read(_event(text, "called", _ref(text, "Ana Ruiz", "Ana Ruiz called Bo Lind"),
                       _ref(text, "Bo Lind", None)), text)
    assert e.actor.span.text == "Ana Ruiz" and e.actor.phrase is None
    assert e.recipient.span.text == "Bo Lind"


# -- pronouns: the phrase they stand for ---------------------------------------------------------------

@pytest.mark.parametrize("text, trigger, pronoun, named", [
    ("The Kenya Defence Forces said it had arrested two suspects near the border.", "arrested", "it",
     "The Kenya Defence Forces"),
    ("Kenyan President Uhuru Kenyatta said he had invited the Chinese premier to Nairobi.", "invited", "he",
     "Kenyan President Uhuru Kenyatta"),
])
def test_a_pronoun_keeps_its_own_span_and_says_what_it_stands_for(text, trigger, pronoun, named):
    (e,) = [e for e in events_of(text) if e.evidence.trigger.text == trigger]
    assert e.actor.span.text == pronoun
    r = e.actor.refers_to
    assert r is not None and text[r.start:r.end] == r.text == named


def test_with_phrase_grows_or_trims_the_words_but_never_moves_them(nlp):
    from dateline.nlp.events.refs import with_phrase

    text = "On 3 May the Supreme Court of Peru rejected the appeal."
    doc = nlp(text)
    whole = doc.char_span(text.index("the Supreme"), text.index(" rejected"))

    def ref(words: str) -> ActorRef:
        s = text.index(words)
        return ActorRef(text=words, name="court", span=Span(start=s, end=s + len(words), text=words))

    assert with_phrase(ref("the Supreme Court"), whole).phrase.text == "the Supreme Court of Peru"
    assert with_phrase(ref("3 May the Supreme Court of Peru"), whole).phrase.text == "the Supreme Court of Peru"
    assert with_phrase(ref("the appeal"), whole).phrase is None  # elsewhere: its own words
    assert with_phrase(ref("the Supreme Court of Peru"), whole).phrase is None  # nothing more than its words
