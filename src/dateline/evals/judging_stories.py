"""The real-news judgement of stories across articles (docs/judging-stories.md, issue 13): several stories
of four or more articles each are ingested into one store with the product's defaults, and for each story
a sheet lists the occurrences the product formed (``query.occurrences``, the read model behind
``dateline count``) with every report, so a judge can say whether every report of the story's main event
was joined into one occurrence and whether an unrelated report was joined to it.

Stories come from the ECB+ development topics (``../shared/eval/xdoc/ecbplus``; each topic holds two
sub-topics, two real events of one kind, and each becomes a story) or are named as lists of article ids
of the events judgement's pools (``bbc-politics:123``...). ``judging_stories_score`` reads the verdicts.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article
from .judging import file_name, sentence_spans
from .judging_pools import POOL_READERS, UNDATED, Drawn, _detokenise, read_excludes

ECB_DEV = Path("eval") / "xdoc" / "ecbplus" / "cybulska_setup" / "ECB_Dev_corpus.txt"
MIN_ARTICLES = 4  # a story of fewer reports says little about joining them
STORE = "store.duckdb"


@dataclass(frozen=True, slots=True)
class Story:
    id: str  # "ecbplus-12-ecb", or the name given with --story
    about: str  # where it comes from, for the sheet
    articles: tuple[Drawn, ...]
    same_text: tuple[tuple[str, str], ...] = ()  # (id left out, id kept): one text, stored once


# -- where stories come from ---------------------------------------------------------------------------

def read_ecbplus(path: Path) -> dict[str, Article]:
    """ECB+ documents (token file: doc, sentence, token number, token, tags) as articles with ids
    "ecbplus:<doc>". Only the validated sentences are in the file; each is a paragraph, the first the
    headline when there are two or more. The documents carry no date, so the articles are undated."""
    from ..ingest.article import ItemFailure, make_article
    from ..model import article_id
    from ..model.ids import normalise_text

    if not path.exists():
        raise FileNotFoundError(f"{path}: the ECB+ dev corpus is not there (give --shared)")
    tokens: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) >= 4 and parts[1].isdigit():
            tokens[parts[0]][int(parts[1])].append(parts[3])
    out: dict[str, Article] = {}
    for doc, sents in tokens.items():
        lines = [_ecb_text(" ".join(sents[k])) for k in sorted(sents)]
        origin = f"{path}#{doc}"
        try:
            article = make_article(title=lines[0], paragraphs=lines[1:], source="ECB+", origin=origin,
                                   defaults=UNDATED)
        except ItemFailure:  # one sentence: a body with no headline
            text = normalise_text(lines[0])
            article = Article(id=article_id(text), text=text, source="ECB+", origin=origin)
        out[f"ecbplus:{doc}"] = article
    return out


def _ecb_text(tokens: str) -> str:
    """ECB+ tokens back to running text: as the TimeLine sentences, and also "36 - year - old" and
    "2, 000" (ECB+ splits hyphens and thousands), joined only between lower-case letters or digits so a
    dash between two words stays a dash."""
    text = _detokenise(tokens)
    text = re.sub(r"(?<=[a-z0-9]) - (?=[a-z0-9])", "-", text)
    return re.sub(r"(?<=\d), (?=\d{3}(?!\d))", ",", text)


def ecbplus_topics(docs: dict[str, Article]) -> dict[str, dict[str, list[str]]]:
    """topic -> sub-topic ("ecb" or "plus") -> article ids, in document order."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for cid in docs:
        m = re.fullmatch(r"ecbplus:(\d+)_(\d+)(ecbplus|ecb)", cid)
        if m:
            out[m.group(1)]["plus" if m.group(3) == "ecbplus" else "ecb"].append(cid)
    for subs in out.values():
        for ids in subs.values():
            ids.sort(key=lambda c: int(re.search(r"_(\d+)", c).group(1)))
    return out


def draw_topics(topics: dict[str, Any], n: int, seed: int, excluded: set[str]) -> list[str]:
    """``n`` topics at random (the same for a seed), leaving out any topic with an excluded article or a
    sub-topic of fewer than MIN_ARTICLES articles."""
    open_ = sorted((t for t, subs in topics.items() if not excluded & {c for ids in subs.values() for c in ids}
                    and all(len(ids) >= MIN_ARTICLES for ids in subs.values())), key=int)
    if len(open_) < n:
        raise ValueError(f"only {len(open_)} ECB+ dev topic(s) left after the excludes, {n} asked")
    return sorted(random.Random(f"dateline-stories:{seed}").sample(open_, n), key=int)


def named_story(shared: Path, name: str, ids: list[str], docs: dict[str, Article] | None) -> Story:
    """A story given as article ids of the pools ("bbc-politics:123") or of ECB+ ("ecbplus:12_3ecb")."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9._-]*", name):
        raise ValueError(f"story name {name!r}: letters, digits, '.', '_' and '-' only")
    by_pool: dict[str, list[str]] = defaultdict(list)
    for cid in ids:
        pool = cid.split(":", 1)[0]
        if ":" not in cid or (pool not in POOL_READERS and pool != "ecbplus"):
            raise ValueError(f"story {name}: {cid!r} is not an article id (POOL:NAME; pools: "
                             f"{', '.join([*POOL_READERS, 'ecbplus'])})")
        by_pool[pool].append(cid)
    found: dict[str, Article] = {}
    for pool in by_pool:
        found.update(docs if pool == "ecbplus" else dict(POOL_READERS[pool](shared)))
    lost = [c for c in ids if c not in found]
    if lost:
        raise ValueError(f"story {name}: no such article(s) in ../shared: {', '.join(lost)}")
    return Story(name, "named with --story", tuple(Drawn(c.split(":", 1)[0], c, found[c]) for c in ids))


def choose_stories(shared: Path, *, topics: list[str], named: list[tuple[str, list[str]]], n: int,
                   seed: int | None, excluded: set[str], half: str = "check") -> tuple[list[Story], list[str]]:
    """The stories of a sample and the ECB+ topics used. With no topic and no named story, ``n`` topics
    are drawn with ``seed``. Topics come from one ``half`` of ECB+ dev (``evals.split``, as the xdoc eval
    splits it): by default the check half, which event identity is never tuned on. Every story needs
    MIN_ARTICLES articles and none may have been judged before (an id in an --exclude file)."""
    from .split import check_split, half_of

    check_split(half)
    docs = read_ecbplus(shared / ECB_DEV) if topics or not named or any(
        c.startswith("ecbplus:") for _, ids in named for c in ids) else None
    known = ecbplus_topics(docs) if docs else {}
    if not topics and not named:
        if seed is None:
            raise ValueError("give --topic, --story, or --seed to draw ECB+ dev topics at random")
        topics = draw_topics({t: v for t, v in known.items() if half in ("all", half_of(t))}, n, seed, excluded)
    stories = []
    for t in topics:
        if t not in known:
            raise ValueError(f"--topic {t}: not an ECB+ dev topic (those are {', '.join(sorted(known, key=int))})")
        if half not in ("all", half_of(t)):
            raise ValueError(f"--topic {t} is in the {half_of(t)} half of ECB+ dev, not the {half} half "
                             f"(--half {half_of(t)} or all to use it; a report takes check topics only)")
        for sub in sorted(known[t]):
            what = "the sub-topic of the original ECB" if sub == "ecb" else "the sub-topic ECB+ added"
            stories.append(Story(f"ecbplus-{t}-{sub}", f"ECB+ dev topic {t}, {what}",
                                 tuple(Drawn("ecbplus", c, docs[c]) for c in known[t][sub])))
    stories += [named_story(shared, name, ids, docs) for name, ids in named]
    seen: dict[str, str] = {}
    names: set[str] = set()
    for s in stories:
        if s.id in names:
            raise ValueError(f"story {s.id} is given twice")
        names.add(s.id)
        for d in s.articles:
            if d.id in excluded:
                raise ValueError(f"story {s.id}: {d.id} was judged before (it is in an --exclude file)")
            if d.id in seen:
                where = f"twice in story {s.id}" if seen[d.id] == s.id else f"in two stories ({seen[d.id]} and {s.id})"
                raise ValueError(f"{d.id} is {where}")
            seen[d.id] = s.id
    stories = one_copy(stories)
    for s in stories:
        if len(s.articles) < MIN_ARTICLES:
            raise ValueError(f"story {s.id} has {len(s.articles)} article(s) of their own text; a story needs "
                             f"{MIN_ARTICLES}")
    return stories, list(topics)


def one_copy(stories: list[Story]) -> list[Story]:
    """Each text once: the store keeps one article per text (its id is a hash of the text), so a second
    document with the same text (ECB+ dev has one such pair) is left out and named."""
    kept: dict[str, str] = {}
    out = []
    for s in stories:
        arts, same = [], []
        for d in s.articles:
            if d.article.id in kept:
                same.append((d.id, kept[d.article.id]))
            else:
                kept[d.article.id] = d.id
                arts.append(d)
        out.append(Story(s.id, s.about, tuple(arts), tuple(same)) if same else s)
    return out


def stories_sample(shared: Path, out: Path, *, topics: list[str] = (), named: list[tuple[str, list[str]]] = (),
                   n: int = 3, seed: int | None = None, exclude_files: tuple[Path, ...] = (),
                   code_version: str = "", dry_run: bool = False, half: str = "check",
                   published: dict[str, str] | None = None) -> dict[str, Any]:
    """Choose the stories, ingest every article into one store in ``out`` and write a sheet and a
    verdict template per story; returns the manifest (also ``out/sample.json``). ``published`` gives a
    story's undated articles a publication date ({story id: YYYY-MM-DD})."""
    excluded = read_excludes(exclude_files)
    stories, used = choose_stories(shared, topics=list(topics), named=list(named), n=n, seed=seed,
                                   excluded=excluded, half=half)
    stories = dated(stories, published or {})
    manifest: dict[str, Any] = {
        "what": "stories", "seed": seed, "half": half, "topics": used, "published": dict(published or {}), "named": [name for name, _ in named],
        "exclude_files": [str(p) for p in exclude_files], "excluded_ids": len(excluded),
        "code_version": code_version, "created": dt.date.today().isoformat(),
        "ids": [d.id for s in stories for d in s.articles],
        "stories": [{"id": s.id, "about": s.about, "articles": [d.id for d in s.articles],
                     "same_text": [list(x) for x in s.same_text]} for s in stories],
    }
    if dry_run:
        return manifest
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} is not empty: give a new folder for a new sample")
    out.mkdir(parents=True, exist_ok=True)
    manifest.update(write_stories(stories, out))
    (out / "sample.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    (out / "ids.txt").write_text("".join(f"{d.id}  # story {s.id}\n" for s in stories for d in s.articles),
                                 encoding="utf-8")
    return manifest


def dated(stories: list[Story], published: dict[str, str]) -> list[Story]:
    """The stories with ``published`` dates given to their undated articles (ECB+ and BBC carry none:
    undated, a report is placed in time only by a date its own text gives)."""
    from dataclasses import replace

    from ..ingest.article import ItemFailure, parse_published

    ids = {s.id for s in stories}
    unknown = sorted(set(published) - ids)
    if unknown:
        raise ValueError(f"--published for {', '.join(unknown)}: no such story (stories: {', '.join(sorted(ids))})")
    out = []
    for s in stories:
        day = published.get(s.id)
        if day:
            try:
                day = parse_published(day)
            except ItemFailure as e:
                raise ValueError(f"--published {s.id}: {e.message}") from None
            s = Story(s.id, s.about, tuple(Drawn(d.pool, d.id, replace(d.article, published=day))
                                           if d.article.published is None else d for d in s.articles), s.same_text)
        out.append(s)
    return out


def write_stories(stories: list[Story], out: Path) -> dict[str, Any]:
    """Ingest all stories into ``out/store.duckdb`` as ``dateline ingest`` does, read the occurrences the
    store forms, and write the sheets and templates."""
    from .. import query
    from ..runners.inline import ingest
    from ..store import open_store
    from .judging_stories_sheet import story_view, story_sheet, story_template

    drawn = [d for s in stories for d in s.articles]
    with open_store(str(out / STORE)) as store:
        report = ingest(iter([d.article for d in drawn]), store)
        found = query.occurrences(store)
        events = {d.id: query.events(store, article=d.article.id, limit=100_000) for d in drawn}
        starts = {r["id"]: r["start"] for r in store.query(
            "SELECT id, CAST(record->'evidence'->'trigger'->>'start' AS INTEGER) AS start FROM events")}
        provenance = _provenance(store)
    spans = dict(zip([d.id for d in drawn], sentence_spans([d.article.text for d in drawn])))
    (out / "sheets").mkdir(exist_ok=True)
    (out / "verdicts").mkdir(exist_ok=True)
    entries = []
    for s in stories:
        view = story_view(s, stories, found, events, starts)
        name = file_name(s.id)
        (out / "sheets" / f"{name}.md").write_text(story_sheet(s, view, spans), encoding="utf-8")
        (out / "verdicts" / f"{name}.jsonl").write_text(story_template(s, view), encoding="utf-8")
        entries.append({"id": s.id, "about": s.about, "articles": [d.id for d in s.articles],
                        "same_text": [list(x) for x in s.same_text],
                        "occurrences": [o["label"] for o in view["occurrences"]],
                        "reports": [[r["label"], r["event"]] for r in view["reports"]],
                        "sheet": f"sheets/{name}.md", "verdicts": f"verdicts/{name}.jsonl"})
    return {"store": STORE, "provenance": provenance, "occurrences_total": len(found["occurrences"]),
            "unplaced_total": len(found["unplaced"]),
            "ingest": {"read": report.read, "stored": report.stored, "failed": len(report.failed),
                       "analysis_errors": len(report.analysis_errors)},
            "stories": entries}


def _provenance(store) -> dict[str, Any]:
    """What analysed the stored articles (model, extractor versions), as the store recorded it."""
    try:
        rows = store.query("SELECT provenance FROM articles LIMIT 1")
    except Exception:  # noqa: BLE001 - an older store without the column: no provenance to record
        return {}
    got = rows[0]["provenance"] if rows else None
    return json.loads(got) if isinstance(got, str) else (got or {})

