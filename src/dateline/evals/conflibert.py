"""Tasks `events-quad` and `events-args`: ConfliBERT's CAMEO-manual sentence sets.

Both run the product's pipeline with its defaults on one sentence at a time and count only the events
shown by default (``evals.events.shown``). Sentences are split into halves by their text, so a sentence
the two files share is in the same half of both.

events-quad (``cameo_class_*.tsv``: sentence TAB quad class)
  The product's class of the sentence (``ArticleAnalysis.sentence_classes``, from ``nlp.learned.classes``): that
  of its main event, our most confident shown event, read off its CAMEO root (0 statements and appeals
  (01-02), 1 verbal cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13 and
  16), 4 material conflict (14, 15, 17-20)), or the learned sentence classifier's where the coder codes
  nothing or the classifier disagrees by a wide margin. A sentence with no class reads as 0.
  * accuracy, macro_f1 (over the five classes), per-class F1;
  * rules_macro_f1: the coder's main event alone (0 where it codes nothing), for comparison;
  * coded_share and coded_accuracy: how often we code an event, and how often its class is right then;
    from_model_share: how often the classifier, not an event, gave the class.

events-args (``cameo_ner_*.txt``: one token and its tag a line, B-S/I-S source, B-T/I-T target,
B-R/I-R reciprocal, blank line between sentences)
  Each gold sentence is the CAMEO manual's example of one event code, and its tags mark the parties of
  that one act, not those of the other acts the sentence tells of ("rebels attacked the base, killing
  ten soldiers": the rebels and the base). So the events scored are those of the sentence's main event's
  trigger (``main_trigger_events``: our most confident shown event, as events-quad reads the sentence's
  class); where no shown event has a CAMEO class, all shown events.
  Our spans: the actor and recipient spans of those events, turned into the gold's tags trigger by
  trigger (``predicted_spans``), a format conversion only:
  - a phrase that is the actor of one event and the recipient of its reverse on the same trigger ("A and
    B agreed": A->B and B->A), and both parties of talks, meetings, visits (CAMEO 04) and the signing of
    an agreement (057), are reciprocal, as the gold tags the parties of an act both sides do alike;
  - reciprocal parties that the coder split into one event each and that stand side by side in the
    sentence, joined only by "and", "or" or a comma, are one phrase, as the gold tags "A and B"; sources
    or targets are not joined (the gold most often tags each conjunct of them);
  - phrases of one role and trigger that overlap are one (a tag marks each word once);
  - a pronoun is tagged where the gold tags it: on the phrase of the sentence that our coder read it as
    standing for ("the navy said it shelled the port": "the navy"), where there is one.
  Every phrase that remains counts, right or wrong: nothing shown is left out of precision.
  * source_f1, target_f1, reciprocal_f1 and micro f1: exact span match, one-to-one;
  * *_overlap_f1: a diagnostic where a span matches a gold span of its role that it overlaps;
  * *_all_events_f1: a diagnostic scoring the spans of every shown event, as the product lists them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from ..model import Article, Event
from ..model.ids import article_id
from ..nlp.learned.quad import quad_class
from .events import shown
from .registry import EvalResult
from .split import select, sentence_key

QUAD_NAMES = ("neutral", "verbal cooperation", "material cooperation", "verbal conflict", "material conflict")


def main_event(events: list[Event]) -> Event | None:
    """The most confident event; ties go to the one whose trigger comes first."""
    coded = [e for e in events if quad_class(e.cameo) is not None]
    if not coded:
        return None
    return min(coded, key=lambda e: (-e.confidence, e.evidence.trigger.start))


def _analyse(texts: list[str], origin: str) -> list:
    from ..pipeline import analyze

    arts = [Article(id=article_id(t), text=t, published="2000-01-01", origin=f"{origin}:{i}")
            for i, t in enumerate(texts)]
    return list(analyze(arts))


# -- quad class ---------------------------------------------------------------------------------------

def read_quad(path: Path) -> list[tuple[str, int]]:
    out = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        text, sep, label = line.rstrip("\r").rpartition("\t")
        if sep and label.strip().isdigit() and text.strip():
            out.append((" ".join(text.split()), int(label)))
    return out


def run_quad(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    items = select(read_quad(path), lambda it: sentence_key(it[0]), split)
    if limit:
        items = items[:limit]
    analyses = _analyse([t for t, _ in items], str(path))
    pairs: list[tuple[int, int]] = []
    coded = coded_right = 0
    misses = []
    by_source: Counter = Counter()
    for (text, gold), a in zip(items, analyses):
        ev = main_event(shown(a.events))
        # the product's class of the sentence: its stored SentenceClass, neutral (0) where it has none
        klass = a.sentence_classes[0] if a.sentence_classes else None
        pred = klass.quad if klass is not None else 0
        by_source[klass.source if klass is not None else "none"] += 1
        pairs.append((gold, pred))
        if ev is not None:
            coded += 1
            coded_right += quad_class(ev.cameo) == gold
        if pred != gold:
            what = f"{ev.cameo} '{ev.evidence.trigger.text}'" if ev is not None else "nothing coded"
            why = klass.reason if klass is not None else "neutral"
            misses.append(f"gold {gold}, got {pred} ({what}; {why}) | {text[:100]}")
    n = len(pairs)
    per_class = _per_class(pairs)
    metrics = {
        "accuracy": round(sum(g == p for g, p in pairs) / n, 4) if n else 0.0,
        "macro_f1": round(_macro(pairs), 4),
        "coded_share": round(coded / n, 4) if n else 0.0,
        "coded_accuracy": round(coded_right / coded, 4) if coded else 0.0,
        "rules_macro_f1": round(_macro([(g, quad_class(e.cameo) if (e := main_event(shown(a.events))) else 0)
                                        for (_, g), a in zip(items, analyses)]), 4),
        "from_model_share": round(by_source["model"] / n, 4) if n else 0.0,
    }
    return EvalResult("events-quad", n, metrics, {"per_class": per_class, "misses": misses})


def _per_class(pairs: list[tuple[int, int]]) -> dict[int, dict]:
    out = {}
    for c in range(5):
        tp = sum(1 for g, p in pairs if g == c and p == c)
        fp = sum(1 for g, p in pairs if g != c and p == c)
        fn = sum(1 for g, p in pairs if g == c and p != c)
        out[c] = {"name": QUAD_NAMES[c], "f1": round(2 * tp / (2 * tp + fp + fn), 4) if tp else 0.0,
                  "tp": tp, "fp": fp, "fn": fn}
    return out


def _macro(pairs: list[tuple[int, int]]) -> float:
    return sum(v["f1"] for v in _per_class(pairs).values()) / 5


# -- argument spans -----------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class ArgSentence:
    text: str
    spans: tuple[tuple[str, int, int], ...]  # (role S/T/R, start char, end char)


NO_SPACE_BEFORE = frozenset({",", ".", ";", ":", "!", "?", ")", "]", "}", "'s", "’s", "n't", "%", "'", "’"})
NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "“"})


APOSTROPHES = frozenset({"'", "’", "´"})
CLITICS = frozenset({"s", "t"})  # "Japan ’ s" is "Japan’s", "don ’ t" is "don’t"


def detokenize(tokens: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """Text from tokens with ordinary spacing around punctuation, and each token's character offsets.
    The gold splits words at apostrophes, hyphens and letters outside ASCII: "’ s" is written "’s", a
    hyphen between two words joins them ("rebel - held" is "rebel-held") and so does such a letter
    ("Pe ñ a" is "Peña"), as news text writes them."""
    text, offs = "", []
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else ""
        joined = (tok in NO_SPACE_BEFORE or prev in NO_SPACE_AFTER or prev in APOSTROPHES and tok.lower() in CLITICS
                  or _hyphen_at(tokens, i) or _hyphen_at(tokens, i - 1) or _split_letter(tokens, i))
        if i and not joined:
            text += " "
        offs.append((len(text), len(text) + len(tok)))
        text += tok
    return text, offs


def _split_letter(tokens: list[str], i: int) -> bool:
    """Does token ``i`` go on a word that the gold split at a letter outside ASCII ("Pe ñ a" is "Peña",
    "Jos é Ruiz" is "José Ruiz")? The letter joins the word before it, and a lower-case rest joins it."""
    if not 0 < i < len(tokens):
        return False
    tok, prev = tokens[i], tokens[i - 1]
    letter = lambda t: len(t) == 1 and t.isalpha() and not t.isascii()
    return letter(tok) and prev[-1:].isalpha() or \
        i > 1 and letter(prev) and tok[:1].islower() and tokens[i - 2][-1:].isalpha()


def _hyphen_at(tokens: list[str], i: int) -> bool:
    """Is token ``i`` a hyphen inside a word, with a word on either side of it?"""
    return 0 < i < len(tokens) - 1 and tokens[i] == "-" and tokens[i - 1][-1:].isalnum() and tokens[i + 1][:1].isalnum()


def read_args(path: Path) -> list[ArgSentence]:
    out = []
    blocks = Path(path).read_text(encoding="utf-8").replace("\r", "").split("\n\n")
    for block in blocks:
        rows = [ln.rsplit(" ", 1) for ln in block.split("\n") if ln.strip()]
        rows = [r for r in rows if len(r) == 2]
        if not rows:
            continue
        text, offs = detokenize([w for w, _ in rows])
        spans, cur = [], None
        for (_, tag), (s, e) in zip(rows, offs):
            if tag.startswith("B-") or (tag.startswith("I-") and (cur is None or cur[0] != tag[2:])):
                if cur:
                    spans.append(tuple(cur))
                cur = [tag[2:], s, e]
            elif tag.startswith("I-"):
                cur[2] = e
            else:
                if cur:
                    spans.append(tuple(cur))
                cur = None
        if cur:
            spans.append(tuple(cur))
        out.append(ArgSentence(text, tuple(spans)))
    return out


# CAMEO codes of acts both parties take part in alike: talks, meetings and visits (04, but for mediation,
# 045, where a third party goes between two sides) and signing an agreement (057). The gold marks both
# parties of such an act reciprocal (but not always those of an intent to meet, 036, which it marks as
# often source and target).
RECIPROCAL_CODES = ("04", "057")
MEDIATION = "045"
# what may stand between two conjuncts of one coordinated phrase: "A and B", "A, B", "A, or B"
CONJUNCTION = re.compile(r"\s*(,|,?\s*(and|or|&|as well as))\s*", re.IGNORECASE)


def _bounds(a, text: str) -> tuple[int, int] | None:
    """Where the gold would tag a side: its span, or for a pronoun the phrase in the sentence that the
    coder read it as standing for (the gold tags "the navy" in "the navy said it shelled the port")."""
    if a is None or a.span is None or a.span.end <= a.span.start:
        return None
    named = a.refers_to
    if text and named is not None and 0 <= named.start < named.end <= len(text):
        return named.start, named.end
    return a.span.start, a.span.end


def predicted_spans(events: list[Event], text: str = "") -> set[tuple[str, int, int]]:
    """(role, start, end) of the actor and recipient phrases of the events, as the gold's tags would
    mark them. Per trigger: a phrase that is the actor of one event and the recipient of its reverse
    ("A and B met": A->B and B->A), or a party of an act both sides do alike (RECIPROCAL_CODES), is
    reciprocal. Reciprocal parties the coder split into one event each ("A and B agreed": A->B, B->A)
    are one phrase again where they stand side by side in ``text`` joined by "and", "or" or a comma, as
    the gold marks them; coordinated sources or targets stay apart, as the gold most often marks them.
    Phrases of one role that overlap are one: a tag marks each word once."""
    by_trigger: dict[tuple[int, int], list[Event]] = {}
    for e in events:
        by_trigger.setdefault((e.evidence.trigger.start, e.evidence.trigger.end), []).append(e)
    out: set[tuple[str, int, int]] = set()
    for evs in by_trigger.values():
        pairs = [(_bounds(e.actor, text), _bounds(e.recipient, text), e.cameo or "") for e in evs]
        links = {(a, r) for a, r, _ in pairs}
        src, tar, rec = set(), set(), set()
        for a, r, code in pairs:
            alike = code.startswith(RECIPROCAL_CODES) and not code.startswith(MEDIATION)
            if a is not None and r is not None and ((r, a) in links or alike):
                rec |= {a, r}
                continue
            src |= {a} - {None}
            tar |= {r} - {None}
        out |= {("R", s, e) for s, e in merge_conjuncts(rec, text)}
        out |= {("S", s, e) for s, e in merge_conjuncts(src - rec, "")}
        out |= {("T", s, e) for s, e in merge_conjuncts(tar - rec, "")}
    return out


def merge_conjuncts(spans: set[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Spans joined where they overlap or where only a conjunction stands between them in ``text`` (no
    text: only where they overlap)."""
    out: list[list[int]] = []
    for s, e in sorted(spans):
        if out and (s < out[-1][1] or text and CONJUNCTION.fullmatch(text[out[-1][1]:s])):
            out[-1][1] = max(out[-1][1], e)
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _overlap_hits(gold: list[tuple[str, int, int]], pred: list[tuple[str, int, int]]) -> int:
    """One-to-one: each gold span takes at most one overlapping predicted span of its role."""
    used: set[int] = set()
    hits = 0
    for role, gs, ge in gold:
        for k, (r, ps, pe) in enumerate(pred):
            if k not in used and r == role and ps < ge and gs < pe:
                used.add(k)
                hits += 1
                break
    return hits


def main_trigger_events(events: list[Event]) -> list[Event]:
    """The events of the sentence's main event's trigger (``main_event``): each gold sentence is the
    example of one CAMEO code and marks that one act's parties only. All the events read off that
    trigger count ("A and B agreed": A->B and B->A). Where no event has a CAMEO class, all count."""
    main = main_event(events)
    if main is None:
        return list(events)
    at = (main.evidence.trigger.start, main.evidence.trigger.end)
    return [e for e in events if (e.evidence.trigger.start, e.evidence.trigger.end) == at]


def run_args(path: Path, *, limit: int | None = None, split: str = "all") -> EvalResult:
    items = select(read_args(path), lambda s: sentence_key(s.text), split)
    if limit:
        items = items[:limit]
    analyses = _analyse([s.text for s in items], str(path))
    exact: dict[str, Counter] = {r: Counter() for r in "STR"}
    loose: dict[str, Counter] = {r: Counter() for r in "STR"}
    every: dict[str, Counter] = {r: Counter() for r in "STR"}
    misses = []
    for sent, a in zip(items, analyses):
        gold = set(sent.spans)
        pred = predicted_spans(main_trigger_events(shown(a.events)), sent.text)
        listed = predicted_spans(shown(a.events), sent.text)  # every shown event, as the product lists them
        for role in "STR":
            g, p = {x for x in gold if x[0] == role}, {x for x in listed if x[0] == role}
            every[role].update(tp=len(g & p), fp=len(p - g), fn=len(g - p))
        for role in "STR":
            g = sorted(x for x in gold if x[0] == role)
            p = sorted(x for x in pred if x[0] == role)
            hit = len(set(g) & set(p))
            exact[role].update(tp=hit, fp=len(p) - hit, fn=len(g) - hit)
            oh = _overlap_hits(g, p)
            loose[role].update(tp=oh, fp=len(p) - oh, fn=len(g) - oh)
        if gold != pred:
            show = lambda xs: ", ".join(f"{r}:{sent.text[s:e]}" for r, s, e in sorted(xs, key=lambda x: x[1]))
            misses.append(f"gold [{show(gold)}] got [{show(pred)}] | {sent.text[:100]}")
    names = {"S": "source", "T": "target", "R": "reciprocal"}
    metrics: dict[str, float | int] = {}
    for role in "STR":
        for label, c in (("", exact[role]), ("_overlap", loose[role])):
            p, r, f = _prf(c)
            metrics[f"{names[role]}{label}_f1"] = f
            if not label:
                metrics[f"{names[role]}_precision"], metrics[f"{names[role]}_recall"] = p, r
    total = sum((exact[r] for r in "STR"), Counter())
    metrics["f1"] = _prf(total)[2]
    metrics["overlap_f1"] = _prf(sum((loose[r] for r in "STR"), Counter()))[2]
    for role in "STR":
        metrics[f"{names[role]}_all_events_f1"] = _prf(every[role])[2]
    return EvalResult("events-args", len(items), metrics, {"misses": misses})


def _prf(c: Counter) -> tuple[float, float, float]:
    tp, fp, fn = c["tp"], c["fp"], c["fn"]
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return round(p, 4), round(r, 4), round(f, 4)
