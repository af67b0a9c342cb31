"""Event mentions of many documents grouped into events (cross-document event coreference).

Within each collection of documents (``DocProfile.group``: an ECB+ topic, a day of one story ...) two
mentions may name the same event when

- their trigger words do: one lemma, one word family, or one group of equivalent event words
  (``lexicon.family``), weighted in that order; and
- they come from the same document, or from documents that report the same occurrence: the tf-idf
  similarity of the two documents within their collection (``subtopics.similarity_matrix``), raised by
  what the two sentences share (names of participants and places, dates, numbers).

Mentions are then grouped by average linkage: a mention joins a group when its mean similarity to the
group's members passes ``threshold``, so one report that happens to share a word with another story's
report does not pull the two stories together.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from .features import DocProfile, EventMention
from .lexicon import family, stem
from .subtopics import similarity_matrix


@dataclass(frozen=True, slots=True)
class Weights:
    same_lemma: float = 1.0
    same_family: float = 0.9  # one stem: "nomination" / "nominate"
    same_group: float = 0.75  # equivalent event words: "killing" / "death"
    same_doc: float = 1.0  # context score of two mentions of one document
    doc_floor: float = 0.0  # added to every cross-document context score
    doc_scale: float = 1.0  # how much document similarity counts
    shared_arg: float = 0.15  # added per name, date or number the two sentences share (at most two)
    threshold: float = 0.1
    name_weight: float = 2.0


DEFAULT = Weights()


def lexical(a: EventMention, b: EventMention, w: Weights = DEFAULT) -> float:
    if a.lemma == b.lemma:
        return w.same_lemma
    if stem(a.lemma) == stem(b.lemma):
        return w.same_family
    if family(a.lemma) == family(b.lemma):
        return w.same_group
    return 0.0


def _shared_args(a: EventMention, b: EventMention) -> int:
    return len(a.names & b.names) + len(a.times & b.times) + len(a.numbers & b.numbers)


# Words that every report uses of its own speech acts and states: "said", "according to", "reported",
# "was", "made", "the matter". Two reports' "said" are two statements unless they name the same speaker
# (the trigger's subject), so across documents these join only when both name the same one.
LIGHT = frozenset({"say", "accord", "tell", "add", "report", "reporting", "comment", "confirm", "state",
                   "statement", "announce", "be", "have", "do", "make", "take", "get", "give", "go", "come",
                   "matter", "news", "issue", "thing", "way", "involve", "learn", "know", "think", "believe",
                   "want", "need", "plan", "expect", "show", "see", "look", "use", "work", "help", "try",
                   "interview", "speak", "call", "ask", "decline", "refuse"})


def pair_score(a: EventMention, b: EventMention, doc_sim: float, w: Weights = DEFAULT) -> float:
    lex = lexical(a, b, w)
    if not lex:
        return 0.0
    if a.doc == b.doc:
        ctx = w.same_doc
    elif (a.lemma in LIGHT or b.lemma in LIGHT) and not (a.agent and a.agent == b.agent):
        return 0.0
    else:
        ctx = min(1.0, w.doc_floor + w.doc_scale * doc_sim + w.shared_arg * min(2, _shared_args(a, b)))
    return lex * ctx


def _average_linkage(score: list[list[float]], threshold: float) -> list[list[int]]:
    """Agglomerative clustering with the group sums kept up to date (Lance-Williams), O(n^2) a merge."""
    n = len(score)
    members = {i: [i] for i in range(n)}
    sums = {i: {j: score[i][j] for j in range(n) if j != i and score[i][j] > 0} for i in range(n)}
    while True:
        best, pair = threshold, None
        for a, row in sums.items():
            for b, s in row.items():
                if a < b:
                    mean = s / (len(members[a]) * len(members[b]))
                    if mean > best:
                        best, pair = mean, (a, b)
        if pair is None:
            break
        a, b = pair
        members[a] += members.pop(b)
        row_b = sums.pop(b)
        for c, s in row_b.items():
            if c == a:
                continue
            sums[a][c] = sums[a].get(c, 0.0) + s
            sums[c][a] = sums[c].get(a, 0.0) + s
            del sums[c][b]
        sums[a].pop(b, None)
    return list(members.values())


def cluster_mentions(mentions: Sequence[EventMention], profiles: Sequence[DocProfile],
                     weights: Weights = DEFAULT) -> list[list[Hashable]]:
    """Mention ids grouped into events; mentions of different collections never share a group."""
    by_id = {p.id: p for p in profiles}
    missing = {m.doc for m in mentions} - set(by_id)
    if missing:
        raise ValueError(f"no document profile for {sorted(missing)[:3]}")
    groups: dict[str, list[EventMention]] = {}
    for m in mentions:
        groups.setdefault(by_id[m.doc].group, []).append(m)
    out: list[list[Hashable]] = []
    for group, ms in groups.items():
        docs = sorted({m.doc for m in ms})
        index = {d: i for i, d in enumerate(docs)}
        sim = similarity_matrix([by_id[d] for d in docs], weights.name_weight)
        score = [[pair_score(a, b, sim[index[a.doc]][index[b.doc]], weights) if a is not b else 0.0 for b in ms]
                 for a in ms]
        out.extend([ms[i].id for i in c] for c in _average_linkage(score, weights.threshold))
    return out
