"""Pools of real news for the repeatable events judgement (docs/judging-events.md), and the seeded draw.

Every pool is read with the project's own readers where one fits (``ingest.formats.read_plain`` for the
headline-then-paragraphs text files, ``ingest.reuters.read_reuters`` for the Reuters SGML); each article
gets a stable id ``pool:name``. No pool holds a text an event rule was written from: PolNeAR's dev half,
the seed article and the WikiEvents dev set (the events-args gold) are never offered by default.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from ..ingest.article import Defaults, ItemFailure
from ..ingest.decode import decode_text
from ..ingest.formats import read_plain
from ..model import Article

# Weights of the default draw (shares of the sample). Mostly political and international news: PolNeAR's
# US political reporting and BBC politics carry most of it; business and technology news and the 1987
# Reuters wire (mostly markets) are lighter. Sport and entertainment hold few PLOVER events and are left
# out; WikiEvents is the events-args development set, so it stays at 0 unless a caller names it.
DEFAULT_WEIGHTS: dict[str, float] = {
    "polnear": 45,
    "bbc-politics": 25,
    "bbc-business": 10,
    "reuters": 10,
    "timeline": 5,
    "bbc-tech": 5,
    "bbc-sport": 0,
    "bbc-entertainment": 0,
    "wikievents": 0,
}
MIN_CHARS = 500  # shorter items are headlines or tables, with nothing to judge
MAX_CHARS = 6000  # longer ones make a sheet too long to judge with care; say so when reporting

UNDATED = Defaults(require_date=False)
Candidate = tuple[str, Article]  # (id "pool:name", article)


@dataclass(frozen=True, slots=True)
class Drawn:
    pool: str
    id: str
    article: Article


# -- readers, one per pool --------------------------------------------------------------------------

def read_polnear(shared: Path) -> list[Candidate]:
    """PolNeAR train (the dev half is the quotes tune/check set): dates and outlets from metadata.tsv."""
    root = shared / "eval" / "quotes" / "polnear"
    meta = _polnear_metadata(root / "metadata.tsv")
    out: list[Candidate] = []
    for path in sorted((root / "train" / "text").glob("*.txt")):
        row = meta.get(path.stem, {})
        sidecar = {"published": row.get("publication_date") or None, "source": row.get("publisher", "")}
        out.extend(_plain(f"polnear:{path.stem}", path, sidecar))
    return out


def _polnear_metadata(path: Path) -> dict[str, dict[str, str]]:
    if not path.exists():
        return {}
    lines = path.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t")
    rows = (dict(zip(head, line.split("\t"))) for line in lines[1:] if line.strip())
    return {r["filename"]: r for r in rows if r.get("compartment") == "train"}


def bbc_reader(section: str) -> Callable[[Path], list[Candidate]]:
    """BBC News (2004-05) in one section. The files carry no date: the articles stay undated, and judges
    judge an event's date only against dates the text gives (docs/judging-events.md)."""

    def read(shared: Path) -> list[Candidate]:
        folder = shared / "eval" / "summaries" / "bbc" / "News_Articles" / section
        out: list[Candidate] = []
        for path in sorted(folder.glob("*.txt")):
            out.extend(_plain(f"bbc-{section}:{path.stem}", path, {"source": "BBC News"}))
        return out

    return read


def read_reuters_pool(shared: Path) -> list[Candidate]:
    """Reuters-21578 stories with a body, less earnings reports (tables of figures with no events)."""
    from ..ingest.reuters import read_reuters

    out: list[Candidate] = []
    for path in sorted((shared / "corpus" / "reuters21578").glob("*.sgm")):
        for _, got in read_reuters(path.read_bytes(), origin=str(path), defaults=UNDATED):
            if isinstance(got, ItemFailure) or got.meta.get("reuters_type"):
                continue
            if got.meta.get("topics") == ["earn"]:
                continue
            out.append((f"reuters:{got.meta['reuters_newid']}", got))
    return out


def read_timeline(shared: Path) -> list[Candidate]:
    """The SemEval-2015 TimeLine corpus (Wikinews, 2004-2011) with its document creation times."""
    from ..ingest.article import make_article

    out: list[Candidate] = []
    folder = shared / "eval" / "time" / "timeline" / "corpus_1" / "corpus_trackA_TimeML"
    for path in sorted(folder.glob("*.tml")):
        src = path.read_text(encoding="utf-8")
        dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="([^"]+)"', src)
        sentences = [_detokenise(re.sub(r"<[^>]+>", "", s)) for s in re.findall(r"<s\b[^>]*>(.*?)</s>", src, re.S)]
        if len(sentences) > 1 and re.fullmatch(r"[A-Z][a-z]+ \d{1,2}, \d{4}", sentences[1]):
            del sentences[1]  # the dateline under the headline
        try:
            article = make_article(title=sentences[0] if sentences else "", paragraphs=sentences[1:],
                                   published=dct.group(1) if dct else None, source="Wikinews",
                                   origin=str(path), defaults=UNDATED)
        except ItemFailure:
            continue
        out.append((f"timeline:{path.stem.split('_', 1)[0]}", article))
    return out


def read_wikievents(shared: Path) -> list[Candidate]:
    """WikiEvents dev: the events-args development set. Never in a default draw."""
    from ..ingest.article import make_article

    out: list[Candidate] = []
    path = shared / "eval" / "events" / "wikievents" / "dev.jsonl"
    for line in path.read_text(encoding="utf-8").splitlines() if path.exists() else ():
        rec = json.loads(line)
        try:
            article = make_article(title="", paragraphs=rec.get("text", "").splitlines(), origin=str(path),
                                   defaults=UNDATED)
        except ItemFailure:
            continue
        out.append((f"wikievents:{rec['doc_id']}", article))
    return out


POOL_READERS: dict[str, Callable[[Path], list[Candidate]]] = {
    "polnear": read_polnear,
    "bbc-politics": bbc_reader("politics"),
    "bbc-business": bbc_reader("business"),
    "bbc-tech": bbc_reader("tech"),
    "bbc-sport": bbc_reader("sport"),
    "bbc-entertainment": bbc_reader("entertainment"),
    "reuters": read_reuters_pool,
    "timeline": read_timeline,
    "wikievents": read_wikievents,
}


def _plain(cid: str, path: Path, sidecar: dict) -> list[Candidate]:
    try:
        text = decode_text(path.read_bytes())
        return [(cid, read_plain(text, origin=str(path), sidecar=sidecar, defaults=UNDATED))]
    except ItemFailure:
        return []  # an unreadable file is simply not a candidate


def _detokenise(text: str) -> str:
    """Tokenised Wikinews sentences ("Boeing 's bid , he said .") back to running text."""
    text = " ".join(text.split()).replace("``", '"').replace("''", '"')
    text = re.sub(r" ([,.;:?!%)\]]|'s\b|'re\b|'ll\b|'ve\b|'d\b|n't\b)", r"\1", text)
    text = re.sub(r"([(\[$]) ", r"\1", text)
    return re.sub(r'" (.*?) "', r'"\1"', text)


# -- the draw -----------------------------------------------------------------------------------------

def read_pools(shared: Path, weights: dict[str, float], *, min_chars: int = MIN_CHARS,
               max_chars: int = MAX_CHARS) -> dict[str, list[Candidate]]:
    """The candidates of every pool with a weight above 0, within the length bounds, sorted by id."""
    unknown = sorted(set(weights) - set(POOL_READERS))
    if unknown:
        raise ValueError(f"unknown pool(s) {', '.join(unknown)}; known: {', '.join(POOL_READERS)}")
    out: dict[str, list[Candidate]] = {}
    for name, weight in weights.items():
        if weight > 0:
            got = POOL_READERS[name](shared)
            out[name] = sorted((c for c in got if min_chars <= len(c[1].text) <= max_chars), key=lambda c: c[0])
    return out


def quotas(weights: dict[str, float], sizes: dict[str, int], n: int) -> dict[str, int]:
    """How many articles each pool gives: its share of ``n`` by weight, rounded down, then one at a time
    to the pool furthest below its share; a pool with too few candidates gives what it has."""
    live = {p: w for p, w in weights.items() if w > 0 and sizes.get(p, 0) > 0}
    if sum(sizes[p] for p in live) < n:
        raise ValueError(f"only {sum(sizes[p] for p in live)} candidate articles for a sample of {n}")
    total = sum(live.values())
    exact = {p: n * w / total for p, w in live.items()}
    got = {p: min(int(x), sizes[p]) for p, x in exact.items()}
    while sum(got.values()) < n:  # one at a time to the open pool furthest below its share
        room = [p for p in live if got[p] < sizes[p]]
        pick = sorted(room, key=lambda p: (-(exact[p] - got[p]), -live[p], p))[0]
        got[pick] += 1
    return got


def draw(pools: dict[str, list[Candidate]], weights: dict[str, float], n: int, seed: int,
         exclude: Iterable[str] = ()) -> list[Drawn]:
    """``n`` articles at random, the same ones for the same seed, pools and excludes. Each pool has its
    own generator (seeded with the seed and the pool's name), so a pool's picks change only with its own
    candidates and count."""
    excluded = set(exclude)
    open_ = {p: [c for c in cands if c[0] not in excluded] for p, cands in pools.items()}
    counts = quotas(weights, {p: len(c) for p, c in open_.items()}, n)
    out: list[Drawn] = []
    for pool in sorted(counts):
        rng = random.Random(f"dateline-judging:{seed}:{pool}")
        for cid, article in rng.sample(open_[pool], counts[pool]):
            out.append(Drawn(pool, cid, article))
    return sorted(out, key=lambda d: d.id)


def read_excludes(paths: Iterable[Path]) -> set[str]:
    """Ids of earlier samples: the first word of each line ("pool:name"), '#' starts a comment."""
    out: set[str] = set()
    for path in paths:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            word = line.split("#", 1)[0].strip().split()
            if word:
                if ":" not in word[0]:
                    raise ValueError(f"{path}: {word[0]!r} is not an article id (pool:name)")
                out.add(word[0])
    return out
