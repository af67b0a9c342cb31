"""Summaries: a one-sentence standfirst and a three-sentence extractive summary per article.

Sentences are spaCy's, from the body (the headline and standfirst lines are not candidates).
Each is scored by three things news summaries share, then picked greedily with a redundancy
check and returned in article order:

- **position**: news puts the point first (``1 / (1 + i) ** POSITION_DECAY``);
- **centrality**: cosine of the sentence's tf-idf vector (lemmas, no stop words, idf over the
  article's own sentences) with the whole body's, the centroid idea behind LexRank;
- **headline**: cosine with the headline's (and standfirst's) words.

A sentence repeating one already picked (cosine over ``REDUNDANT``) is skipped; very short
sentences (captions, "Read more.") and very long run-ons are not candidates while enough others
are. The standfirst is the article's own when it has one, else the best sentence.
Weights were tuned on half of the BBC News Summary set (see ``evals/summaries.py``).
"""

from __future__ import annotations

import math
from collections import Counter
from itertools import takewhile

from ..model import Span, Summary

NAME = "dateline.summary.v1"
SENTENCES = 3
W_POSITION = 1.0
W_CENTRAL = 1.5
W_HEADLINE = 0.8
POSITION_DECAY = 0.3
REDUNDANT = 0.6
MIN_WORDS = 6
MAX_WORDS = 60


def summarize(ctx) -> Summary:
    sents = body_sentences(ctx.doc, ctx.article)
    ranked = rank(sents, _headline_bag(ctx.doc, ctx.article))
    picked = _pick(ranked, SENTENCES)
    spans = tuple(_span(ctx.article.text, s) for s in sorted(picked, key=lambda s: s.start_char))
    stand = ctx.article.standfirst or (_span(ctx.article.text, ranked[0][1]).text if ranked else "")
    return Summary(standfirst=stand, sentences=spans, method=f"{NAME}: position+centrality+headline")


def body_sentences(doc, article) -> list:
    """spaCy sentences after the headline line (and the standfirst line when there is one)."""
    text = article.text
    skip = 1 + (1 if article.standfirst and text.split("\n")[1:2] == [article.standfirst] else 0)
    start = 0
    for _ in range(skip):
        nl = text.find("\n", start)
        if nl < 0:
            return []
        start = nl + 1
    return [s for s in doc.sents if s.start_char >= start and any(t.is_alpha for t in s)]


def lead(doc, article, n: int = SENTENCES) -> tuple[Span, ...]:
    """The first ``n`` body sentences: the baseline a summary has to beat."""
    return tuple(_span(article.text, s) for s in body_sentences(doc, article)[:n])


def rank(sents: list, headline: Counter) -> list[tuple[float, object, Counter]]:
    """(score, sentence, bag of words), best first."""
    if not sents:
        return []
    bags = [_bag(s) for s in sents]
    df = Counter(w for b in bags for w in b)
    n = len(bags)
    idf = {w: math.log((1 + n) / (1 + d)) + 1.0 for w, d in df.items()}
    vecs = [{w: c * idf[w] for w, c in b.items()} for b in bags]
    centroid: Counter = Counter()
    for v in vecs:
        centroid.update(v)
    head = {w: c * idf.get(w, math.log(1 + n) + 1.0) for w, c in headline.items()}
    words = [sum(1 for t in s if t.is_alpha) for s in sents]
    usable = [MIN_WORDS <= k <= MAX_WORDS for k in words]
    if sum(usable) < SENTENCES:
        usable = [k > 0 for k in words]
    out = []
    for i, (s, v, b) in enumerate(zip(sents, vecs, bags)):
        if not usable[i]:
            continue
        score = (W_POSITION / (1 + i) ** POSITION_DECAY + W_CENTRAL * _cos(v, centroid)
                 + W_HEADLINE * _cos(v, head))
        out.append((score, s, b))
    out.sort(key=lambda x: (-x[0], x[1].start_char))
    return out


def _pick(ranked: list, k: int) -> list:
    picked, bags = [], []
    for _, s, b in ranked:
        if any(_cos(b, p) > REDUNDANT for p in bags):
            continue
        picked.append(s)
        bags.append(b)
        if len(picked) == k:
            break
    if len(picked) < k:  # redundancy left too few: fill in rank order
        for _, s, _ in ranked:
            if s not in picked:
                picked.append(s)
            if len(picked) == k:
                break
    return picked


def _bag(tokens) -> Counter:
    return Counter(t.lemma_.lower() for t in tokens if (t.is_alpha or t.like_num) and not t.is_stop)


def _headline_bag(doc, article) -> Counter:
    text = article.text
    end = text.find("\n")
    end = len(text) if end < 0 else end
    if article.standfirst and text.split("\n")[1:2] == [article.standfirst]:
        end = text.find("\n", end + 1)
        end = len(text) if end < 0 else end
    return _bag(takewhile(lambda t: t.idx < end, doc))  # tokens come in text order: stop at the line's end


def _cos(a: dict, b: dict) -> float:
    if not a or not b:
        return 0.0
    if len(a) > len(b):
        a, b = b, a
    dot = sum(v * b.get(w, 0.0) for w, v in a.items())
    na = math.sqrt(sum(v * v for v in a.values()))
    nb = math.sqrt(sum(v * v for v in b.values()))
    return dot / (na * nb) if na and nb else 0.0


def _span(text: str, sent) -> Span:
    a, b = sent.start_char, sent.end_char
    while b > a and text[b - 1].isspace():
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return Span(start=a, end=b, text=text[a:b])
