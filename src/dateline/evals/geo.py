"""Task `geo`: toponym detection and resolution against geoparsing gold sets.

Reads the XML layouts of LGL and TR-News (``<article><text/><toponyms><toponym><start/><end/>
<phrase/><gaztag><lat/><lon/></gaztag>``, coordinates also accepted directly under ``<toponym>``,
as GeoWebNews' XML gives them) and of GeoVirus (``<article><text/><locations><location><name/>
<start/><end/><lat/><lon/>``). The path may be one file or a folder of them.

Metrics:
- ``acc161``: the share of gold toponyms *that have coordinates* whose place we found (spans
  overlap) and resolved to within 161 km of the gold point. A gold toponym we did not find, or
  found but could not resolve, counts as a miss: this is the end-to-end score.
- ``acc161_matched``: the same over the gold toponyms we found and resolved (resolution alone).
- ``mean_km``, ``median_km``: error distance over those found and resolved.
- ``span_f1`` (with ``span_precision``, ``span_recall``): toponym detection, a predicted span
  counting when it overlaps a gold one, over every gold toponym (with or without coordinates).
- ``acc161_area``: as ``acc161``, but a reading that is a country or a first-level division also
  counts where the gold point lies inside it (the gold point's country and state are those of the
  GeoNames town nearest it). A country has no one point, and corpora differ on which they use:
  GeoNames' (LGL) or Wikipedia's (GeoVirus: China at 35°N 103°E, GeoNames 35°N 105°E, 182 km
  apart). A diagnostic of how much of ``acc161`` is that convention; the target metric stays
  ``acc161``.
- ``demonym_share``: the share of gold toponyms with coordinates that are nationality adjectives
  ("American", "Georgian"). LGL annotates them as toponyms (its definition of a toponym includes
  adjectival forms); GeoVirus does not. By default (``demonyms=None``) the task is scored as the
  corpus defines it: when at least 1 % of its gold phrases are demonyms, places are found with
  ``PlaceOptions(demonyms=True)``, which adds them as ``Place(kind="demonym")`` resolved to their
  country (the product's default leaves them out: a nationality says who, not where).
  ``demonyms_scored`` says which way the run went; ``demonyms=False`` gives the names-only score.

Source homes (:mod:`dateline.geo.homes`): each article's source is its ``<domain>`` (LGL) or its
``<source>`` address's host (GeoVirus). By default (``homes=True``) the task runs twice over one
parse, as the product would: pass 1 without homes; homes learnt from pass 1's places (no gold);
pass 2 with them. The metrics are pass 2's; ``acc161_without_homes``, ``acc161_matched_without_homes``
and ``span_f1_without_homes`` are pass 1's, ``source_homes`` how many sources got a home (of
``sources``). ``homes=False`` runs pass 1 only.
"""

from __future__ import annotations

import math
import statistics
import xml.etree.ElementTree as ET
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from ..geo.gazetteer import km
from ..model import Article, Place
from ..model.ids import stable_id
from .registry import EvalResult

KM = 161.0
MAX_MISSES = 200  # listed in the result; the metrics count them all


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None


@dataclass(frozen=True, slots=True)
class GoldDoc:
    id: str
    text: str
    toponyms: tuple[GoldToponym, ...]
    source: str = ""  # the outlet: LGL's <domain>, GeoVirus' <source> address


def _float(x: str | None) -> float | None:
    try:
        return float(x) if x not in (None, "") else None
    except ValueError:
        return None


def read_gold(path: Path) -> list[GoldDoc]:
    files = sorted(p for p in path.rglob("*.xml")) if path.is_dir() else [path]
    docs: list[GoldDoc] = []
    for f in files:
        root = ET.parse(f).getroot()
        for n, art in enumerate(root.iter("article")):
            text = art.findtext("text") or ""
            tops = []
            for t in [*art.iter("toponym"), *art.iter("location")]:
                start, end = t.findtext("start"), t.findtext("end")
                if start is None or end is None:
                    continue
                g = t.find("gaztag")
                where = g if g is not None else t
                lat, lon = _float(where.findtext("lat")), _float(where.findtext("lon"))
                phrase = t.findtext("phrase") or t.findtext("name") or text[int(start):int(end)]
                tops.append(GoldToponym(int(start), int(end), phrase, lat, lon))
            doc_id = art.get("docid") or f"{f.stem}:{n}"
            source = (art.findtext("domain") or art.findtext("source") or "").strip()
            docs.append(GoldDoc(doc_id, text, tuple(tops), source))
    return docs


def defines_demonyms(docs: list[GoldDoc], gaz: Any) -> bool:
    """Whether the corpus annotates nationality adjectives as toponyms (LGL does, 7 % of its gold;
    GeoVirus does not): at least 1 % of its gold phrases are demonyms."""
    phrases = [t.phrase for d in docs for t in d.toponyms]
    return bool(phrases) and sum(1 for p in phrases if gaz.demonym(p)) >= 0.01 * len(phrases)


def run(path: Path, *, limit: int | None = None, demonyms: bool | None = None, small_towns: bool = True,
        homes: bool = True, split: str = "all") -> EvalResult:
    from ..geo.gazetteer import GeonamesGazetteer, default_gazetteer
    from ..geo.homes import learn_homes, source_key
    from ..nlp.build import build_nlp
    from ..nlp.places import PlaceOptions, find_places

    from .split import select

    docs = select(read_gold(path), lambda d: d.id, split)
    if limit:
        docs = docs[:limit]
    nlp = build_nlp()
    gaz = default_gazetteer() if small_towns else GeonamesGazetteer(small_towns=False)
    if demonyms is None:
        # score the task as the corpus defines it: where its toponyms include "American", so do ours
        demonyms = defines_demonyms(docs, gaz)
    options = PlaceOptions(demonyms=demonyms)
    parsed = list(zip(nlp.pipe((d.text for d in docs), batch_size=16), docs))
    articles = [Article(id=stable_id(gold.id, prefix="a"), text=gold.text, source=gold.source) for gold in docs]
    predicted = [find_places(doc, a, gaz, options) for (doc, _), a in zip(parsed, articles)]
    if not homes:
        result = score(docs, predicted, gaz)
        result.metrics["demonyms_scored"] = int(demonyms)
        return result
    # pass 2: the homes the sources' own articles show, learnt from pass 1's places
    learnt = learn_homes((a.source, p) for a, p in zip(articles, predicted))
    with_homes = replace(options, homes=learnt)
    first = score(docs, predicted, gaz)
    predicted = [find_places(doc, a, gaz, with_homes) for (doc, _), a in zip(parsed, articles)]
    result = score(docs, predicted, gaz)
    result.metrics["demonyms_scored"] = int(demonyms)
    for k in ("acc161", "acc161_matched", "span_f1"):
        result.metrics[f"{k}_without_homes"] = first.metrics[k]
    result.metrics["source_homes"] = len(learnt)
    result.metrics["sources"] = len({source_key(a.source) for a in articles if a.source})
    result.details["source_homes"] = [f"{h.source}\t{h.place}\t{h.articles}\t{h.share}" for h in learnt]
    return result


AREA_CODES = ("PCLI", "PCLD", "PCLF", "PCLS", "PCLIX", "TERR", "ADM1")


def _inside(r: Any, lat: float, lon: float) -> bool:
    """Whether a point lies in a country or first-level division: the nearest GeoNames town's."""
    country, admin1 = _towns().nearest(lat, lon)
    return country == r.country and (r.feature_code != "ADM1" or admin1 == r.admin1)


class _Towns:
    """GeoNames' towns of 1,000 people and more (the default gazetteer's, not read a second time) as
    arrays, for the nearest one."""

    def __init__(self) -> None:
        import numpy as np

        from ..geo.gazetteer import default_gazetteer

        gaz = default_gazetteer()
        towns = [r for r, kind in (*gaz.index.rows, *gaz.towns.rows) if kind == "city"]
        self.np = np
        self.lat = np.array([t.lat for t in towns])
        self.lon = np.array([t.lon for t in towns])
        self.where = [(t.country, t.admin1) for t in towns]

    def nearest(self, lat: float, lon: float) -> tuple[str, str]:
        dlon = (self.lon - lon + 180.0) % 360.0 - 180.0
        d = (self.lat - lat) ** 2 + (dlon * math.cos(math.radians(lat))) ** 2
        return self.where[int(self.np.argmin(d))]


_TOWNS: _Towns | None = None


def _towns() -> _Towns:
    global _TOWNS
    if _TOWNS is None:
        _TOWNS = _Towns()
    return _TOWNS


def _overlap(a0: int, a1: int, b0: int, b1: int) -> int:
    return max(0, min(a1, b1) - max(a0, b0))


def score(docs: list[GoldDoc], predicted: list[tuple[Place, ...]], gaz: Any = None) -> EvalResult:
    n_gold = n_pred = gold_found = pred_right = 0
    with_coords = hits = matched = matched_hits = demonym_gold = area_hits = 0
    errors: list[float] = []
    misses: list[str] = []
    for gold, places in zip(docs, predicted):
        n_gold += len(gold.toponyms)
        n_pred += len(places)
        pred_right += sum(1 for p in places if any(_overlap(p.span.start, p.span.end, t.start, t.end)
                                                   for t in gold.toponyms))
        for t in gold.toponyms:
            over = [(p, _overlap(p.span.start, p.span.end, t.start, t.end)) for p in places]
            over = [(p, o) for p, o in over if o > 0]
            if over:
                gold_found += 1
            if t.lat is None or t.lon is None:
                continue
            with_coords += 1
            if gaz is not None and gaz.demonym(t.phrase):
                demonym_gold += 1
            best = max(over, key=lambda x: x[1])[0] if over else None
            r = best.resolved if best else None
            if r is None:
                if len(misses) < MAX_MISSES:
                    why = "not found" if best is None else f"found, unresolved: {best.reason}"
                    misses.append(f"{gold.id} {t.phrase!r}: {why}")
                continue
            d = km(r.lat, r.lon, t.lat, t.lon)
            errors.append(d)
            matched += 1
            if d <= KM:
                hits += 1
                matched_hits += 1
                continue
            if r.feature_code in AREA_CODES and _inside(r, t.lat, t.lon):
                area_hits += 1
            if len(misses) < MAX_MISSES:
                misses.append(f"{gold.id} {t.phrase!r} -> {r.name} {r.country}-{r.admin1} {r.feature_code}: "
                              f"{d:.0f} km off (gold {t.lat},{t.lon})")
    p = pred_right / n_pred if n_pred else 0.0
    rcl = gold_found / n_gold if n_gold else 0.0
    metrics: dict[str, float | int] = {
        "acc161": round(hits / with_coords, 4) if with_coords else 0.0,
        "acc161_matched": round(matched_hits / matched, 4) if matched else 0.0,
        "acc161_area": round((hits + area_hits) / with_coords, 4) if with_coords else 0.0,
        "mean_km": round(statistics.fmean(errors), 1) if errors else 0.0,
        "median_km": round(statistics.median(errors), 1) if errors else 0.0,
        "span_precision": round(p, 4),
        "span_recall": round(rcl, 4),
        "span_f1": round(2 * p * rcl / (p + rcl), 4) if p + rcl else 0.0,
        "gold_toponyms": n_gold,
        "gold_with_coords": with_coords,
        "matched": matched,
        "demonym_share": round(demonym_gold / with_coords, 4) if with_coords else 0.0,
        "documents": len(docs),
    }
    return EvalResult("geo", with_coords, metrics, {"misses": misses})
