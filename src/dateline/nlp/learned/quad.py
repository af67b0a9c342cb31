"""A sentence's quad class from its words: TF-IDF features and a multinomial logistic regression.

The quad classes are those of ``evals.conflibert``: 0 statements and appeals (CAMEO 01-02), 1 verbal
cooperation (03-05), 2 material cooperation (06-08), 3 verbal conflict (09-13, 16), 4 material conflict
(14, 15, 17-20). The weights are trained by ``scripts/train_quad_model.py`` with scikit-learn; here they
are applied with numpy alone, so the product never imports scikit-learn.

Training and inference both build their features with ``features`` below (the training script passes
it to scikit-learn as the analyser), so the two cannot tokenise differently. The weights file records
the analyser's settings, and the probabilities scikit-learn gave a few invented probe sentences, which
the tests compare against this module's.
"""

from __future__ import annotations

import gzip
import json
import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

import numpy as np

from ...ontology.events import QUAD_NAMES

WEIGHTS_FILE = "quad_tfidf_lr.json.gz"
FORMAT = "dateline-quad-tfidf-lr-v1"

# Typographic quotes, dashes and apostrophes vary by source; folding them keeps "Iran’s" and "Iran's" one word.
_FOLD = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_DIGITS = re.compile(r"[0-9]+")


def quad_class(cameo: str | None) -> int | None:
    """The quad class of a CAMEO code ("042" -> 1, "190" -> 4); None for a code outside 01-20."""
    if not cameo or len(cameo) < 2 or not cameo[:2].isdigit():
        return None
    root = int(cameo[:2])
    if root in (1, 2):
        return 0
    if 3 <= root <= 5:
        return 1
    if 6 <= root <= 8:
        return 2
    if 9 <= root <= 13 or root == 16:
        return 3
    if root in (14, 15) or 17 <= root <= 20:
        return 4
    return None


@dataclass(frozen=True, slots=True)
class AnalyserSettings:
    """How text becomes features; saved with the weights so inference reads what training used."""

    word_ngrams: tuple[int, int] = (1, 2)  # (min, max) words per n-gram; (0, 0) for none
    char_ngrams: tuple[int, int] = (0, 0)  # (min, max) characters per n-gram inside a word; (0, 0) for none

    def to_json(self) -> dict[str, list[int]]:
        return {"word_ngrams": list(self.word_ngrams), "char_ngrams": list(self.char_ngrams)}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "AnalyserSettings":
        return cls(tuple(d["word_ngrams"]), tuple(d["char_ngrams"]))


def words(text: str) -> list[str]:
    """Lower-case words; numbers read as one shape ("12" and "300" are both "0") since their value
    says nothing of the kind of event."""
    folded = unicodedata.normalize("NFKC", text).translate(_FOLD).lower()
    # digits are word characters, so a run of them is inside one word: the whole text at once gives each
    # word's runs as "0" too, with one call in place of one per word
    return _WORD.findall(_DIGITS.sub("0", folded))


def features(text: str, settings: AnalyserSettings) -> list[str]:
    """The sentence's features, repeated as often as they occur: "w:" word n-grams, "c:" character
    n-grams of each word padded with spaces (so "c: bomb" marks a word that starts with "bomb")."""
    toks = words(text)
    out: list[str] = []
    lo, hi = settings.word_ngrams
    if hi:
        for n in range(max(lo, 1), hi + 1):
            out.extend("w:" + " ".join(toks[i:i + n]) for i in range(len(toks) - n + 1))
    lo, hi = settings.char_ngrams
    if hi:
        for tok in toks:
            padded = f" {tok} "
            for n in range(max(lo, 1), hi + 1):
                out.extend("c:" + padded[i:i + n] for i in range(len(padded) - n + 1))
    return out


@dataclass(frozen=True, slots=True)
class Explanation:
    """Why the model gave a sentence its class: the class, its probability, and the features that
    pushed hardest towards it (weight: the feature's share of the class's score over the average class's)."""

    quad_class: int
    probability: float
    features: tuple[tuple[str, float], ...]

    def text(self) -> str:
        shown = ", ".join(f"{_readable(f)} {w:+.2f}" for f, w in self.features)
        return f"model: {QUAD_NAMES[self.quad_class]} p={self.probability:.2f} ({shown})"


def _readable(feature: str) -> str:
    kind, body = feature[:2], feature[2:]
    return f"'{body}'" if kind == "w:" else f"'{body.strip()}'…" if body.startswith(" ") else f"…'{body.strip()}'"


class QuadModel:
    """The exported weights: vocabulary, idf, one weight row per class and its intercept."""

    def __init__(self, data: dict[str, Any]):
        if data.get("format") != FORMAT:
            raise ValueError(f"not a quad model file: format {data.get('format')!r}")
        self.meta = {k: v for k, v in data.items() if k not in ("vocabulary", "idf", "coef")}
        self.settings = AnalyserSettings.from_json(data["analyser"])
        self.sublinear_tf = bool(data["sublinear_tf"])
        self.vocabulary = {t: i for i, t in enumerate(data["vocabulary"])}
        self.terms = list(data["vocabulary"])
        self.idf = np.asarray(data["idf"], dtype=np.float64)
        # stored class by feature row-wise as in scikit-learn (classes x features); kept features x classes
        self.coef = np.asarray(data["coef"], dtype=np.float64).T.copy()
        self.intercept = np.asarray(data["intercept"], dtype=np.float64)
        # softmax ignores what all classes share, so explanations use each weight over the classes' mean
        self.centred = self.coef - self.coef.mean(axis=1, keepdims=True)

    @classmethod
    def load(cls) -> "QuadModel":
        """The packaged model, read once per process."""
        return _packaged()

    @classmethod
    def from_file(cls, path: str) -> "QuadModel":
        with gzip.open(path, "rt", encoding="utf-8") as f:
            return cls(json.load(f))

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Indices and TF-IDF values of the sentence's known features, scaled to unit length."""
        counts: dict[int, int] = {}
        for f in features(text, self.settings):
            j = self.vocabulary.get(f)
            if j is not None:
                counts[j] = counts.get(j, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter(counts.values(), dtype=np.float64, count=len(counts))
        if self.sublinear_tf:
            tf = 1.0 + np.log(tf)
        x = tf * self.idf[idx]
        return idx, x / math.sqrt(float(x @ x))

    def scores(self, text: str) -> np.ndarray:
        idx, x = self.vector(text)
        return x @ self.coef[idx] + self.intercept

    def predict_proba(self, texts: list[str]) -> list[list[float]]:
        """For each sentence, the probability of each of the five quad classes (they sum to 1)."""
        return [_softmax(self.scores(t)).tolist() for t in texts]

    def predict(self, texts: list[str]) -> list[int]:
        return [int(np.argmax(self.scores(t))) for t in texts]

    def explain(self, text: str, quad_class: int | None = None, top: int = 5) -> Explanation:
        """The features behind the sentence's class (or the class asked about), strongest first."""
        idx, x = self.vector(text)
        probs = _softmax(x @ self.coef[idx] + self.intercept)
        c = int(np.argmax(probs)) if quad_class is None else quad_class
        push = x * self.centred[idx, c]
        order = np.argsort(-push, kind="stable")[:top]
        feats = tuple((self.terms[int(idx[k])], round(float(push[k]), 4)) for k in order if push[k] > 0)
        return Explanation(c, round(float(probs[c]), 4), feats)


def _softmax(z: np.ndarray) -> np.ndarray:
    e = np.exp(z - z.max())
    return e / e.sum()


@cache
def _packaged() -> QuadModel:
    raw = (resources.files("dateline.nlp.learned") / "data" / WEIGHTS_FILE).read_bytes()
    return QuadModel(json.loads(gzip.decompress(raw).decode("utf-8")))


# -- the model beside the rule coder ------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CombineSettings:
    """How far the model's reading may move the coder's; the defaults keep the coder's answer.

    rerank_weight: among the coder's events, each is ranked by its confidence plus this times the
    model's probability of its class; 0 keeps the coder's own order.
    fallback_min: where the coder codes nothing, the model's class is taken when its probability is at
    least this (above 1: never).
    override_margin: the model's class replaces the coder's when its probability exceeds that of the
    coder's class by at least this (above 1: never).
    """

    rerank_weight: float = 0.0
    fallback_min: float = 2.0
    override_margin: float = 2.0


# Chosen on the tune half with out-of-fold probabilities (scripts/measure_quad_combo.py): the model's
# class where the coder codes nothing (0.2: the top of five probabilities always reaches it), and where
# it beats the coder's class by 0.4. Re-ranking the coder's events by the model lifted tune macro-F1 by
# under 0.002, within noise, so it stays off.
COMBINE = CombineSettings(rerank_weight=0.0, fallback_min=0.2, override_margin=0.4)


@dataclass(frozen=True, slots=True)
class Decision:
    """A sentence's quad class and why: which of the coder's events carries it (None when none does)."""

    quad_class: int
    event: int | None
    source: str  # "rules", "rules+model" (the model reordered the coder's events), "model", "none"
    reason: str


def combine(coded: Sequence[tuple[str | None, float]], probs: Sequence[float],
            settings: CombineSettings = COMBINE) -> Decision:
    """One sentence's class from the coder's events, (CAMEO code, confidence) in the coder's order
    (ties go to the earlier), and the model's five probabilities for the sentence, e.g.

        probs = QuadModel.load().predict_proba([sentence.text])[0]
        decision = combine([(e.cameo, e.confidence) for e in sentence_events], probs)
    """
    model = max(range(5), key=lambda c: probs[c])
    said = f"the model reads {QUAD_NAMES[model]} (p={probs[model]:.2f})"
    events = [(i, q, conf) for i, (cameo, conf) in enumerate(coded) if (q := quad_class(cameo)) is not None]
    if not events:
        if probs[model] >= settings.fallback_min:
            return Decision(model, None, "model", f"no event coded; {said}")
        return Decision(0, None, "none", "no event coded")
    first = min(events, key=lambda e: (-e[2], e[0]))
    best = min(events, key=lambda e: (-(e[2] + settings.rerank_weight * probs[e[1]]), e[0]))
    rule = best[1]
    if model != rule and probs[model] - probs[rule] >= settings.override_margin:
        return Decision(model, None, "model",
                        f"{said} over the coder's {QUAD_NAMES[rule]} (p={probs[rule]:.2f})")
    if best is first:
        return Decision(rule, best[0], "rules", f"the coder's most confident event ({coded[best[0]][0]})")
    return Decision(rule, best[0], "rules+model",
                    f"the coder's event {coded[best[0]][0]} over {coded[first[0]][0]}: "
                    f"the model gives {QUAD_NAMES[rule]} p={probs[rule]:.2f}")
