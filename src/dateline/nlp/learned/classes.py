"""classify_sentences(ctx): each sentence's quad class, from the coder's events and the learned classifier.

Reads ``ctx.events`` (the shown ones: at or above the default confidence) and the sentences of the parse;
writes ``ctx.sentence_classes``, one SentenceClass for each sentence that is not neutral (class 0 is not kept).

The coder's most confident event in a sentence gives the class, unless the classifier (``quad.QuadModel``)
reads the sentence as another class by a wide margin; where the coder codes nothing, the classifier's own
reading stands. ``quad.combine`` holds that rule and its settings, chosen on the tune half of ConfliBERT's
CAMEO-manual sentences. The classifier never invents an event: a class from it has no ``event_id``, and
says so in ``reason`` and ``source``.
"""

from __future__ import annotations

from ...model import Event, SentenceClass, Span
from ..token_table import token_table
from .quad import QuadModel, combine

NAME = "dateline.classes.v1"
MAX_SENTENCE_CHARS = 2000  # a longer "sentence" is a table or a list run together: not classified


def classify_sentences(ctx) -> tuple[SentenceClass, ...]:
    from ...config import DEFAULT_MIN_CONFIDENCE

    if (ctx.article.language or "en")[:2].lower() != "en":
        return ()
    # read off the word table: a Token object per word, made three times over, was a third of this step
    w = token_table(ctx.doc)
    sents, texts = [], []
    for s in ctx.doc.sents:
        text = w.span_text(s.start, s.end)
        if any(w.is_alpha[s.start:s.end]) and len(text) <= MAX_SENTENCE_CHARS:
            sents.append(s)
            texts.append(text)
    if not sents:
        return ()
    by_sentence: dict[int, list[Event]] = {}
    for e in ctx.events:
        if e.confidence >= DEFAULT_MIN_CONFIDENCE:
            by_sentence.setdefault(e.evidence.sentence.start, []).append(e)
    model = QuadModel.load()
    probs = model.predict_proba(texts)
    out = []
    for sent, text, p in zip(sents, texts, probs):
        events = sorted(by_sentence.get(sent.start_char, []), key=lambda e: e.evidence.trigger.start)
        decision = combine([(e.cameo, e.confidence) for e in events], p)
        if decision.quad_class == 0:
            continue
        event = events[decision.event] if decision.event is not None else None
        out.append(SentenceClass(
            span=Span(start=sent.start_char, end=sent.end_char, text=text), quad=decision.quad_class,
            probability=round(float(p[decision.quad_class]), 4), source="event" if event is not None else "model",
            event_id=event.id if event is not None else None, reason=decision.reason))
    return tuple(out)
