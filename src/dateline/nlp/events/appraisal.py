"""Blame and praise in what someone says: "the watchdog said member states were failing to report fraud".

Much criticism in the news has no verb of criticism: a named speaker says of another named party that it
"failed", acted "recklessly", is "dishonest", or, in praise, "courageous". Here a verb of saying whose
clause has a subject other than the speaker, and a word of blame or praise (``ontology/data/appraisal.tsv``)
in that clause, not negated, gives an event from the speaker to that subject: ACCUSE 111 (criticise or
denounce) for blame, SUPPORT 051 (praise) for praise. The word is the trigger, so ``explain`` shows which
word made it criticism. The speaker and the subject are resolved like any actor; if either names no one,
nothing is coded.

What it reads: the parse of one sentence; what it writes: (trigger word, speech verb, speaker token,
subject token, code, word) tuples for the coder to turn into events.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from importlib import resources

from spacy.tokens import Span as TokSpan
from spacy.tokens import Token

from ...ontology._text import read_tsv
from ..lexicon import SPEECH_VERBS
from .arguments import subject_of

CODES = {"neg": "111", "pos": "051"}
# Verbs of saying that introduce a judgement; not "deny", "predict", "promise" and the like.
JUDGING_SPEECH = SPEECH_VERBS - frozenset({
    "deny", "predict", "forecast", "promise", "pledge", "vow", "threaten", "estimate", "speculate", "propose",
    "inform", "hint", "reveal", "disclose", "report", "show", "find", "recall", "recount", "joke", "quip"})


@dataclass(frozen=True, slots=True)
class Appraisal:
    word: Token  # the word of blame or praise
    verb: Token  # the verb of saying
    speaker: Token
    target: Token  # the subject of what was said: who is judged
    code: str


@functools.cache
def appraisal_words() -> dict[str, str]:
    text = (resources.files("dateline.ontology") / "data" / "appraisal.tsv").read_text(encoding="utf-8")
    return {r["word"].lower(): r["polarity"] for r in read_tsv("appraisal.tsv", text, required=("word", "polarity"))}


def appraisals(sent: TokSpan, taken: set[int]) -> list[Appraisal]:
    """Judgements in what is said in the sentence; verbs and words in ``taken`` already carry an event."""
    words = appraisal_words()
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in JUDGING_SPEECH or verb.pos_ not in ("VERB", "AUX") or verb.i in taken:
            continue
        speaker = subject_of(verb)
        if speaker is None:
            continue
        for clause in verb.children:
            if clause.dep_ not in ("ccomp", "parataxis") or clause.i <= verb.i and clause.dep_ == "parataxis":
                continue
            got = _judged(clause, words, taken)
            if got is not None and got[1].i != speaker.i and _name(got[1]) != _name(speaker):
                word, target = got
                out.append(Appraisal(word, verb, speaker, target, CODES[_polarity(word, words)]))
    return out + namings(sent, taken, words)


# Verbs that give someone a name or a description: "called the minister a liar", "branded them reckless".
NAMING = frozenset({"call", "brand", "label", "dub", "describe", "term"})


def namings(sent: TokSpan, taken: set[int], words: dict[str, str]) -> list[Appraisal]:
    """ "The mayor called the governor a disgrace", "described the plan as reckless": a name of blame or
    praise given to a party judges that party (or the owner of a thing so named)."""
    out = []
    for verb in sent:
        if verb.lemma_.lower() not in NAMING or verb.pos_ != "VERB" or verb.i in taken or \
                any(c.dep_ == "neg" for c in verb.children):
            continue
        obj = next((c for c in verb.children if c.dep_ in ("dobj", "obj")), None)
        speaker = subject_of(verb)
        if obj is None or speaker is None or obj.lower_ in ("it", "this", "that"):
            continue
        names = [c for c in verb.children if c.dep_ in ("oprd", "npadvmod", "attr", "acomp") and c.i > obj.i]
        names += [x for c in verb.children if c.dep_ == "prep" and c.lower_ == "as"
                  for x in c.children if x.dep_ == "pobj"]
        for name in names:
            word = next((t for t in [name] + [a for a in name.children if a.dep_ == "amod"]
                         if t.i not in taken and _polarity(t, words)), None)
            if word is not None:
                out.append(Appraisal(word, verb, speaker, _whose(obj), CODES[_polarity(word, words)]))
                break
    return out


def _polarity(tok: Token, words: dict[str, str]) -> str | None:
    """ "neg" or "pos" for a word of blame or praise, by its lemma or as written; None for any other word."""
    return words.get(tok.lemma_.lower()) or words.get(tok.lower_)


def _name(tok: Token) -> str:
    """A name with its first names: "Tom Baxter" and "Anna Baxter" are two people, "Baxter" and
    "Baxter" one."""
    return " ".join(t.lower_ for t in tok.children if t.dep_ == "compound" and t.i < tok.i) + " " + tok.lower_


def _judged(clause: Token, words: dict[str, str], taken: set[int]) -> tuple[Token, Token] | None:
    """The word of blame or praise in a reported clause and the clause's subject, if it names a party."""
    subj = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.pos_ not in ("PROPN", "NOUN", "PRON") or subj.lower_ in ("it", "this", "that", "there"):
        return None
    for tok in _predicate(clause):
        if tok.i in taken:
            continue
        if _polarity(tok, words):
            if _negated(tok, clause):
                return None
            return tok, _whose(subj)
    return None


def _predicate(clause: Token) -> list[Token]:
    """What the clause says of its subject: its verb ("failed", "lied"), the verb of an infinitive it
    governs ("continues to mislead"), and its predicate adjectives and nouns ("was reckless", "is a
    disgrace"); not words inside an object, which may judge someone else ("would avoid their lies")."""
    out = [clause]
    for c in clause.children:
        if c.dep_ in ("acomp", "attr", "oprd", "xcomp", "advmod"):
            out.append(c)
            out += [x for x in c.children if x.dep_ in ("acomp", "attr", "amod") and x.i < c.i + 4]
            if c.lemma_.lower() in INSTANCE_NOUNS:
                out += _instance_of(c)
    return out


# Nouns that say the subject is a case of what their "of" phrase names: "his remarks were another example of
# reckless spin" judges the remarks as reckless.
INSTANCE_NOUNS = frozenset({"example", "case", "sign", "instance", "display", "act", "piece", "form", "kind",
                            "symptom", "demonstration"})


def _instance_of(noun: Token) -> list[Token]:
    """The noun an instance noun's "of" phrase names and the words that describe it."""
    out = []
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ == "of":
            for x in p.children:
                if x.dep_ == "pobj":
                    out += [x] + [a for a in x.children if a.dep_ in ("amod", "conj", "compound")]
                    out += [b for a in x.children if a.dep_ == "amod" for b in a.children if b.dep_ == "conj"]
    return out


def _whose(subj: Token) -> Token:
    """Who a judgement of a thing is about: "Trump's grasp of policy" -> Trump, "the Tory plan" -> Tory."""
    from .sense import noun_class

    if noun_class(subj) in ("person", "place", "unknown") and subj.pos_ != "NOUN" or \
            noun_class(subj) == "person":
        return subj
    for c in subj.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod") and c.i < subj.i and \
                (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "ORG", "GPE", "PERSON") or c.lower_ in ("his", "her", "their", "its")):
            return c
    return subj


def _negated(tok: Token, clause: Token) -> bool:
    """ "was not a failure", "did not mislead": the judgement is denied."""
    t = tok
    for _ in range(4):
        if any(c.dep_ == "neg" for c in t.children):
            return True
        if t.i == clause.i or t.head.i == t.i:
            return False
        t = t.head
    return False
