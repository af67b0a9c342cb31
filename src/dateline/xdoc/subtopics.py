"""Documents of one collection grouped by the occurrence they report (sub-topics).

Two reports of one shooting share its names, places, numbers and unusual words; two reports of two
shootings in one collection share the common words ("shoot", "police") and little else. So documents are
compared by tf-idf cosine within their collection, where idf is computed on the collection itself: the
words every document uses weigh nothing, and the names that set one occurrence apart weigh most. Names
count once more (each of their words) because they are the surest sign of which occurrence is meant.
Clusters grow by average linkage until no two clusters are closer than ``threshold``.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence

from .features import DocProfile

NAME_WEIGHT = 2.0
THRESHOLD = 0.08


def _features(p: DocProfile) -> Counter:
    f: Counter = Counter()
    for w, c in p.words.items():
        f["w:" + w] += c
    for name, c in p.names.items():
        for w in name.split():
            f["n:" + w] += c
    for t in p.numbers | p.times:
        f["t:" + t] += 1
    return f


def _vectors(profiles: Sequence[DocProfile], name_weight: float) -> list[dict[str, float]]:
    feats = [_features(p) for p in profiles]
    df = Counter(k for f in feats for k in f)
    n = len(profiles)
    out = []
    for f in feats:
        v = {}
        for k, c in f.items():
            idf = math.log((n + 1) / df[k])  # smoothed: two identical reports still match
            if idf > 0:
                v[k] = (1 + math.log(c)) * idf * (name_weight if k.startswith("n:") else 1.0)
        norm = math.sqrt(sum(x * x for x in v.values()))
        out.append({k: x / norm for k, x in v.items()} if norm else {})
    return out


def similarity_matrix(profiles: Sequence[DocProfile], name_weight: float = NAME_WEIGHT) -> list[list[float]]:
    vs = _vectors(profiles, name_weight)
    return [[sum(x * b.get(k, 0.0) for k, x in a.items()) for b in vs] for a in vs]


def average_linkage(sim: list[list[float]], threshold: float) -> list[list[int]]:
    """Agglomerative clustering of items 0..n-1: merge the two clusters of highest mean similarity while
    it exceeds ``threshold``."""
    clusters = [[i] for i in range(len(sim))]
    while len(clusters) > 1:
        best, pair = threshold, None
        for a in range(len(clusters)):
            for b in range(a + 1, len(clusters)):
                s = sum(sim[i][j] for i in clusters[a] for j in clusters[b]) / (len(clusters[a]) * len(clusters[b]))
                if s > best:
                    best, pair = s, (a, b)
        if pair is None:
            break
        a, b = pair
        clusters[a] = sorted(clusters[a] + clusters[b])
        del clusters[b]
    return clusters


def subtopics(profiles: Sequence[DocProfile], *, threshold: float = THRESHOLD,
              name_weight: float = NAME_WEIGHT) -> list[list[str]]:
    """Document ids grouped into sub-topics, each collection (``DocProfile.group``) on its own."""
    groups: dict[str, list[DocProfile]] = {}
    for p in profiles:
        groups.setdefault(p.group, []).append(p)
    out: list[list[str]] = []
    for members in groups.values():
        sim = similarity_matrix(members, name_weight)
        out.extend([members[i].id for i in c] for c in average_linkage(sim, threshold))
    return out
