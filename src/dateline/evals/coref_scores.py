"""Coreference scores from their published definitions: MUC, B-cubed, CEAF-e and their mean (CoNLL F1).

A partition is a collection of clusters, each an iterable of hashable mention ids. ``key`` is the gold
partition, ``response`` the system's. Singletons count (ECB+ evaluations keep them).

Mentions that appear on one side only (end-to-end scoring on predicted mentions) are treated as the
reference scorer of Pradhan et al. (2014) treats them:

- MUC (Vilain et al. 1995): a key cluster is partitioned by the response clusters, and each of its
  mentions missing from the response is a part of its own (and vice versa for precision).
- B-cubed (Bagga & Baldwin 1998): a key mention missing from the response adds 0 to recall; a response
  mention missing from the key adds 0 to precision; both still count in the denominators.
- CEAF-e (Luo 2005): the entity similarity phi4(K, R) = 2|K n R| / (|K| + |R|) only sees shared mentions;
  recall divides the best one-to-one total by the number of key clusters, precision by the number of
  response clusters.

The best one-to-one alignment is found with the Hungarian (Kuhn-Munkres) algorithm, run separately on
each connected group of overlapping clusters: clusters that share no mention have similarity 0, so the
optimum splits into these groups and the cubic step only ever sees small matrices.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable
from dataclasses import dataclass

Partition = Iterable[Iterable[Hashable]]


@dataclass(frozen=True, slots=True)
class PRF:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 0.0 if p + r == 0 else 2 * p * r / (p + r)

    def as_dict(self) -> dict[str, float]:
        return {"p": self.precision, "r": self.recall, "f1": self.f1}


def _clusters(partition: Partition, side: str) -> list[frozenset]:
    """Non-empty clusters as frozensets; a mention in two clusters of one side is an error."""
    out: list[frozenset] = []
    seen: set = set()
    for cluster in partition:
        members = frozenset(cluster)
        if not members:
            continue
        clash = members & seen
        if clash:
            raise ValueError(f"{side} partition puts mention {next(iter(clash))!r} in two clusters")
        seen |= members
        out.append(members)
    return out


def _index(clusters: list[frozenset]) -> dict[Hashable, int]:
    return {m: i for i, c in enumerate(clusters) for m in c}


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


# --- MUC ------------------------------------------------------------------------------------------

def _muc_recall(key: list[frozenset], response: list[frozenset]) -> float:
    where = _index(response)
    num = den = 0
    for cluster in key:
        parts = {where.get(m, ("alone", m)) for m in cluster}  # a twinless mention is its own part
        num += len(cluster) - len(parts)
        den += len(cluster) - 1
    return _ratio(num, den)


def muc(key: Partition, response: Partition) -> PRF:
    k, r = _clusters(key, "key"), _clusters(response, "response")
    return PRF(precision=_muc_recall(r, k), recall=_muc_recall(k, r))


# --- B-cubed --------------------------------------------------------------------------------------

def _b3_recall(key: list[frozenset], response: list[frozenset]) -> float:
    where = _index(response)
    total = sum(len(c) for c in key)
    score = 0.0
    for cluster in key:
        overlap: dict[int, int] = defaultdict(int)
        for m in cluster:
            if m in where:
                overlap[where[m]] += 1
        score += sum(n * n for n in overlap.values()) / len(cluster)
    return _ratio(score, total)


def b_cubed(key: Partition, response: Partition) -> PRF:
    k, r = _clusters(key, "key"), _clusters(response, "response")
    return PRF(precision=_b3_recall(r, k), recall=_b3_recall(k, r))


# --- CEAF-e ---------------------------------------------------------------------------------------

def hungarian_max(weights: list[list[float]]) -> float:
    """The largest total weight of a one-to-one assignment of rows to columns (Kuhn-Munkres).

    Works on any rectangular matrix of non-negative weights; the shortest-augmenting-path form with
    potentials, O(n^2 m), on costs ``max - w`` over a square padding.
    """
    rows, cols = len(weights), max((len(r) for r in weights), default=0)
    n = max(rows, cols)
    if n == 0:
        return 0.0
    top = max((w for row in weights for w in row), default=0.0)
    cost = [[top - (weights[i][j] if i < rows and j < len(weights[i]) else 0.0) for j in range(n)]
            for i in range(n)]
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match = [0] * (n + 1)  # match[j] = row (1-based) assigned to column j; column 0 is the free root
    for i in range(1, n + 1):
        match[0] = i
        j0 = 0
        minv = [inf] * (n + 1)
        used = [False] * (n + 1)
        way = [0] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, n + 1):
                if not used[j]:
                    cur = cost[i0 - 1][j - 1] - u[i0] - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    total = 0.0
    for j in range(1, n + 1):
        i = match[j] - 1
        if i < rows and j - 1 < len(weights[i]):
            total += weights[i][j - 1]
    return total


def _phi4(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b))


def _overlap_groups(key: list[frozenset], response: list[frozenset]) -> list[tuple[list[int], list[int]]]:
    """Connected groups of key and response clusters linked by shared mentions (union-find)."""
    parent = list(range(len(key) + len(response)))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    where = _index(key)
    for j, cluster in enumerate(response):
        for m in cluster:
            if m in where:
                parent[find(len(key) + j)] = find(where[m])
    groups: dict[int, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i in range(len(key)):
        groups[find(i)][0].append(i)
    for j in range(len(response)):
        groups[find(len(key) + j)][1].append(j)
    return [g for g in groups.values() if g[0] and g[1]]


def ceaf_e(key: Partition, response: Partition) -> PRF:
    k, r = _clusters(key, "key"), _clusters(response, "response")
    best = 0.0
    for ki, ri in _overlap_groups(k, r):
        if len(ki) == 1 or len(ri) == 1:  # one side alone: the best single pair is the optimum
            best += max(_phi4(k[a], r[b]) for a in ki for b in ri)
        else:
            best += hungarian_max([[_phi4(k[a], r[b]) for b in ri] for a in ki])
    return PRF(precision=_ratio(best, len(r)), recall=_ratio(best, len(k)))


# --- all together ---------------------------------------------------------------------------------

def coref_scores(key: Partition, response: Partition) -> dict[str, float]:
    """MUC, B-cubed and CEAF-e precision/recall/F1, and CoNLL F1 (the mean of the three F1s)."""
    key, response = [list(c) for c in key], [list(c) for c in response]
    out: dict[str, float] = {}
    f1s = []
    for name, fn in (("muc", muc), ("b3", b_cubed), ("ceaf_e", ceaf_e)):
        prf = fn(key, response)
        out.update({f"{name}_{k}": v for k, v in prf.as_dict().items()})
        f1s.append(prf.f1)
    out["conll_f1"] = sum(f1s) / 3
    return out
