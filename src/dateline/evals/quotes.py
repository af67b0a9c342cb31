"""Task `quotes`: attributed statements against PolNeAR's BRAT standoff (Source / Cue / Content).

Layout: ``<split>/text/<name>.txt`` and ``<split>/attributions/<name>_<annotator>.ann``, with
``metadata.tsv`` beside the split folder (publication dates). An article annotated by several
annotators is scored once, against the annotation file that sorts first.

How it is scored, precisely:

- **Tokens.** A span's tokens are the word tokens (``\\w+`` runs, with inner apostrophes and
  hyphens) whose characters lie inside it; quotation marks and other punctuation are not tokens,
  so "exact" ignores them. A discontinuous gold span is the union of its fragments. A content's
  leading lowercase "that" is no token, on either side: PolNeAR's contents take in the complementiser and
  ours leave it out (``nlp.quotes``), a convention that says nothing of the statement.
- **Predicted attributions.** PolNeAR is univocal: one cue, one attribution. Our extractor emits a
  quote split by its attribution (``"A," he said, "B."``) as several records sharing one cue;
  records sharing a cue span are unioned into one predicted attribution. Records with no cue
  stand alone.
- **Match.** A prediction matches a gold content when the tokens they share are at least half of
  each (``|P∩G| >= 0.5·max(|P|, |G|)``); pairs are matched one-to-one, best overlap first.
  ``content_f1`` scores all gold contents against all predictions; ``content_f1_exact`` needs
  identical token sets.
- **Direct.** A gold content is *quoted* when each fragment, less surrounding whitespace and
  ``.,;:`` punctuation, opens and closes with a double quotation mark (``''`` counts as one: the
  NYT texts use it). ``direct_content_f1``
  scores quoted gold contents against our ``direct`` records and the quoted words of our
  ``partial`` records (grouped by cue as above). A partial record is one reported statement whose
  content is the whole clause; its quoted stretches (``Quote.quoted``) stand in for it here, so it
  scores as the separate partial records it replaced did (before one record per statement, the
  clause was an ``indirect`` record and each quoted stretch a ``partial`` record of the same cue),
  and the words of the clause outside the marks never count towards a direct match. A predicted
  direct/partial quote that matches no quoted gold content but has at least
  half of its tokens inside one unquoted gold content is left out of the precision count: the
  gold annotates that text as part of a larger reported statement, which ``content_f1`` scores.
- **Speaker.** ``speaker_acc`` is over the ``content_f1`` matches: right when the predicted
  speaker span shares a token with the gold source span, or when the entity the speaker resolved
  to has a mention sharing a token with the gold source ("he" → Kim Jong Un, gold source
  "Kim"), or when the gold source is a relative pronoun right after our speaker ("an architect who
  said": PolNeAR marks "who", we name the architect); for a gold attribution with no source, right when
  we found no speaker either.
  ``speaker_acc_direct`` is the same over the ``direct_content_f1`` matches.
"""

from __future__ import annotations

import dataclasses
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Article, ArticleAnalysis, Quote, article_id
from .registry import EvalResult

QUOTE_OPEN = "\"“„«"
QUOTE_CLOSE = "\"”»“"
TOKEN = re.compile(r"\w+(?:['’\-]\w+)*")
Chars = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Chars
    source: Chars = ()
    cue: Chars = ()
    quoted: bool = False


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    article: Article
    attributions: tuple[GoldAttribution, ...]


# -- reading -------------------------------------------------------------------------------------

def read_ann(path: Path) -> list[tuple[Chars, Chars, Chars]]:
    """(content, source, cue) character spans of each attribution relation (E line) in a .ann file."""
    spans: dict[str, Chars] = {}
    relations: list[dict[str, str]] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _, _, offsets = parts[1].partition(" ")
            try:
                spans[parts[0]] = tuple(tuple(int(x) for x in seg.split()) for seg in offsets.split(";"))  # type: ignore[misc]
            except ValueError:
                continue  # a malformed span line: that relation is skipped, the file is not
        elif line.startswith("E") and len(parts) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for rel in relations:
        content = tuple(seg for role, ref in rel.items() if role.startswith("Content") for seg in spans.get(ref, ()))
        if content:
            out.append((content, spans.get(rel.get("Source", ""), ()), spans.get(rel.get("Cue", ""), ())))
    return out


def nfc(raw: str) -> tuple[str, list[int]]:
    """NFC text and raw→NFC offsets. Composing "e" + combining accent into one character shortens the
    text, and BRAT offsets count the raw characters: each run of a base character and the combining
    marks after it is normalised on its own, and all its raw offsets map to where the run starts."""
    out: list[str] = []
    where = [0] * (len(raw) + 1)
    pos, i = 0, 0
    while i < len(raw):
        j = i + 1
        while j < len(raw) and unicodedata.combining(raw[j]):
            j += 1
        run = unicodedata.normalize("NFC", raw[i:j])
        for k in range(i, j):
            where[k] = pos
        out.append(run)
        pos += len(run)
        i = j
    where[len(raw)] = pos
    return "".join(out), where


def canonical(raw: str) -> tuple[str, list[int]]:
    """The article's canonical text (lines stripped, blank lines dropped) and raw→canonical offsets."""
    raw, first = nfc(raw)
    if "\r" in raw:  # "\r\n" -> "\n" and a lone "\r" -> "\n", offsets kept
        text, second = canonical_lines(raw.replace("\r\n", " \n").replace("\r", "\n"))
    else:
        text, second = canonical_lines(raw)
    return text, [second[k] for k in first]


def canonical_lines(raw: str) -> tuple[str, list[int]]:
    """Lines stripped and blank lines dropped, with raw→canonical offsets (``raw`` of equal length)."""
    out: list[str] = []
    where = [0] * (len(raw) + 1)
    pos = 0
    at = 0
    for line in raw.split("\n"):
        stripped = line.strip()
        lead = len(line) - len(line.lstrip())
        if stripped:
            if out:
                pos += 1  # the newline joining it to the previous line
            for i in range(len(line) + 1):
                where[at + i] = pos + min(max(i - lead, 0), len(stripped))
            out.append(stripped)
            pos += len(stripped)
        else:
            for i in range(len(line) + 1):
                where[at + i] = pos
        at += len(line) + 1
    return "\n".join(out), where


def _is_quoted(text: str, segs: Chars) -> bool:
    for a, b in segs:
        s = text[a:b].strip().strip(".,;:").strip()
        if len(s) < 2 or not (s[0] in QUOTE_OPEN or s.startswith(("''", "``"))) or not (
                s[-1] in QUOTE_CLOSE or s.endswith("''")):
            return False
    return True


def read_split(path: Path, *, limit: int | None = None, split: str = "all") -> list[GoldDoc]:
    dates = _publication_dates(path.parent / "metadata.tsv")
    anns: dict[str, Path] = {}
    for ann in sorted((path / "attributions").glob("*.ann")):
        anns.setdefault(ann.stem.rsplit("_", 1)[0], ann)  # several annotators: the first file
    docs = []
    from .split import select

    for name in select(sorted(anns), lambda n: n, split)[:limit]:
        txt = path / "text" / f"{name}.txt"
        if not txt.exists():
            continue
        raw = txt.read_text(encoding="utf-8")
        text, where = canonical(raw)

        def move(segs: Chars) -> Chars:
            return tuple((where[a], where[b]) for a, b in segs if 0 <= a <= b <= len(raw))

        gold = tuple(
            GoldAttribution(content=move(c), source=move(s), cue=move(q), quoted=_is_quoted(raw, c))
            for c, s, q in read_ann(anns[name])
        )
        title = text.split("\n", 1)[0]
        article = Article(id=article_id(text), text=text, title=title, published=dates.get(name),
                          source=name.split("_", 1)[0], origin=str(txt))
        docs.append(GoldDoc(name, article, gold))
    return docs


def _publication_dates(meta: Path) -> dict[str, str]:
    if not meta.exists():
        return {}
    out = {}
    lines = meta.read_text(encoding="utf-8").splitlines()
    head = lines[0].split("\t") if lines else []
    if "filename" not in head or "publication_date" not in head:
        return {}
    fi, di = head.index("filename"), head.index("publication_date")
    for line in lines[1:]:
        cols = line.split("\t")
        if len(cols) > max(fi, di) and re.match(r"^\d{4}-\d{2}-\d{2}$", cols[di]):
            out[cols[fi]] = cols[di]
    return out


# -- scoring -------------------------------------------------------------------------------------

def tokens(text: str, segs: Chars) -> frozenset[tuple[int, int]]:
    """Word tokens (by character position) inside the spans."""
    out = set()
    for a, b in segs:
        for m in TOKEN.finditer(text, a, b):
            out.add((m.start(), m.end()))
    return frozenset(out)


def content_tokens(text: str, segs: Chars) -> frozenset[tuple[int, int]]:
    """A content's word tokens less a leading "that": PolNeAR's contents take in the complementiser
    ("said that the plan failed"), ours leave it out, and the word says nothing of the statement."""
    toks = tokens(text, segs)
    if toks:
        first = min(toks)
        if text[first[0]:first[1]] == "that" and len(toks) > 1:  # "That makes me ..." opens a sentence
            toks = toks - {first}
    return toks


def _token_index(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in TOKEN.finditer(text)]


@dataclass(slots=True)
class Predicted:
    tokens: frozenset
    speaker_tokens: frozenset
    entity_tokens: frozenset
    has_speaker: bool
    quotes: list[Quote]


def group_predictions(a: ArticleAnalysis, quotes: list[Quote]) -> list[Predicted]:
    """Records sharing a cue span become one predicted attribution."""
    text = a.article.text
    mentions = {e.id: [m.span for m in e.mentions] for e in a.entities}
    groups: dict[Any, list[Quote]] = {}
    for q in quotes:
        key = (q.cue.start, q.cue.end) if q.cue is not None else ("q", q.id, q.content.start)
        groups.setdefault(key, []).append(q)
    out = []
    for qs in groups.values():
        toks = frozenset().union(*(content_tokens(text, ((q.content.start, q.content.end),)) for q in qs))
        if not toks:
            continue
        q = next((q for q in qs if q.speaker is not None), qs[0])
        speaker = tokens(text, ((q.speaker.start, q.speaker.end),)) if q.speaker else frozenset()
        ent = frozenset()
        if q.speaker_entity_id in mentions:
            ent = frozenset().union(*(tokens(text, ((s.start, s.end),)) for s in mentions[q.speaker_entity_id]))
        out.append(Predicted(toks, speaker, ent, q.speaker is not None or q.speaker_name is not None, qs))
    return out


def _match(preds: list[Predicted], golds: list[tuple[frozenset, GoldAttribution]]) -> list[tuple[int, int, bool]]:
    """One-to-one (pred, gold, exact) pairs with at least half overlap either way, best first."""
    cands = []
    for i, p in enumerate(preds):
        for j, (g, _) in enumerate(golds):
            shared = len(p.tokens & g)
            if shared and shared >= 0.5 * max(len(p.tokens), len(g)):
                cands.append((shared / max(len(p.tokens), len(g)), i, j))
    cands.sort(key=lambda c: (-c[0], c[1], c[2]))
    used_p, used_g, pairs = set(), set(), []
    for _, i, j in cands:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            pairs.append((i, j, preds[i].tokens == golds[j][0]))
    return pairs


RELATIVES = frozenset({"who", "which", "that"})


def _speaker_right(p: Predicted, g: GoldAttribution, text: str) -> bool:
    if not g.source:
        return not p.has_speaker
    src = tokens(text, g.source)
    return bool(p.speaker_tokens & src) or bool(p.entity_tokens & src) or _antecedent(p, src, text)


def _antecedent(p: Predicted, src: frozenset, text: str) -> bool:
    """PolNeAR marks a relative pronoun as the source ("an architect who said"); we name the noun phrase it
    stands for. A speaker that ends right before the pronoun, with at most a comma between, is that noun."""
    if len(src) != 1 or not p.speaker_tokens:
        return False
    ((a, b),) = src
    if text[a:b].lower() not in RELATIVES:
        return False
    end = max(e for _, e in p.speaker_tokens)
    return end <= a and not text[end:a].strip(" ,")


@dataclass(slots=True)
class Counts:
    tp: int = 0
    tp_exact: int = 0
    pred: int = 0
    gold: int = 0
    speaker_ok: int = 0

    def f1(self, exact: bool = False) -> tuple[float, float, float]:
        tp = self.tp_exact if exact else self.tp
        p = tp / self.pred if self.pred else 0.0
        r = tp / self.gold if self.gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_doc(a: ArticleAnalysis, gold: tuple[GoldAttribution, ...], all_c: Counts, direct_c: Counts,
              misses: list[str], name: str) -> None:
    text = a.article.text
    golds = [(content_tokens(text, g.content), g) for g in gold]
    golds = [(t, g) for t, g in golds if t]
    preds = group_predictions(a, list(a.quotes))
    pairs = _match(preds, golds)
    all_c.pred += len(preds)
    all_c.gold += len(golds)
    all_c.tp += len(pairs)
    all_c.tp_exact += sum(1 for *_, exact in pairs if exact)
    for i, j, _ in pairs:
        if _speaker_right(preds[i], golds[j][1], text):
            all_c.speaker_ok += 1

    qgold = [(t, g) for t, g in golds if g.quoted]
    unquoted = [t for t, g in golds if not g.quoted]
    dpreds = group_predictions(a, quoted_words(a.quotes))
    dpairs = _match(dpreds, qgold)
    matched = {i for i, _, _ in dpairs}
    counted = [i for i, p in enumerate(dpreds)
               if i in matched or not any(len(p.tokens & t) >= 0.5 * len(p.tokens) for t in unquoted)]
    direct_c.pred += len(counted)
    direct_c.gold += len(qgold)
    direct_c.tp += len(dpairs)
    direct_c.tp_exact += sum(1 for *_, exact in dpairs if exact)
    for i, j, _ in dpairs:
        if _speaker_right(dpreds[i], qgold[j][1], text):
            direct_c.speaker_ok += 1
        else:
            g = qgold[j][1]
            misses.append(f"{name}: speaker {dpreds[i].quotes[0].speaker.text if dpreds[i].quotes[0].speaker else None!r}"
                          f" for {_show(text, g.content)}; gold {_show(text, g.source) or '(none)'}")
    got = {j for _, j, _ in dpairs}
    for j, (_, g) in enumerate(qgold):
        if j not in got:
            misses.append(f"{name}: missed quote {_show(text, g.content)}")
    for i in counted:
        if i not in matched:
            q = dpreds[i].quotes[0]
            misses.append(f"{name}: extra {q.kind} {q.content.text[:70]!r}")


def quoted_words(quotes: tuple[Quote, ...] | list[Quote]) -> list[Quote]:
    """The records ``direct_content_f1`` scores: direct quotes as they are, and for a partial record
    each stretch inside quotation marks (``Quote.quoted``) in place of its whole reported clause."""
    out: list[Quote] = []
    for q in quotes:
        if q.kind == "partial" and q.quoted:
            out.extend(dataclasses.replace(q, content=span, quoted=()) for span in q.quoted)
        elif q.kind in ("direct", "partial"):
            out.append(q)
    return out


def _show(text: str, segs: Chars) -> str:
    return " … ".join(text[a:b] for a, b in segs)[:70]


def run(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    from ..pipeline import analyze

    docs = read_split(Path(path), limit=limit, split=split)
    by_id = {d.article.id: d for d in docs}
    all_c, direct_c = Counts(), Counts()
    misses: list[str] = []
    errors = 0
    for a in analyze([d.article for d in docs]):
        d = by_id[a.article.id]
        errors += len(a.errors)
        score_doc(a, d.attributions, all_c, direct_c, misses, d.name)
    p, r, f = all_c.f1()
    _, _, fx = all_c.f1(exact=True)
    dp, dr, df = direct_c.f1()
    metrics: dict[str, float | int] = {
        "content_f1": round(f, 4), "content_precision": round(p, 4), "content_recall": round(r, 4),
        "content_f1_exact": round(fx, 4),
        "direct_content_f1": round(df, 4), "direct_precision": round(dp, 4), "direct_recall": round(dr, 4),
        "speaker_acc": round(all_c.speaker_ok / all_c.tp, 4) if all_c.tp else 0.0,
        "speaker_acc_direct": round(direct_c.speaker_ok / direct_c.tp, 4) if direct_c.tp else 0.0,
        "gold": all_c.gold, "gold_quoted": direct_c.gold, "predicted": all_c.pred, "documents": len(docs),
        "errors": errors,
    }
    return EvalResult("quotes", all_c.gold, metrics, {"misses": misses})
