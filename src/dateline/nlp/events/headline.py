"""A headline written In Title Case or IN CAPITALS, read as a sentence would be written.

The tagger reads capitals as names: in "Police Arrest Two Men After Market Attack" every word is a proper
noun and no verb is found, so the article's main event is missed. The article's own body says how each
word is written in running text ("police" in lower case, "Harare" capitalised), so the headline is
rewritten in those cases, word by word, parsed again, and its events read from that parse. Changing case
keeps every character where it was, so offsets into the article stay exact; where a word's case would
change its length (a few non-English letters), the headline is left as it is.

Headline grammar is also news grammar: "Police arrest two men" is told in the present for a past act, and
"Minister to visit Beijing" is a plan (``to_plan``); "Mayor charged with fraud" drops "is": a transitive verb
in its -ed form with a subject and no object tells what was done to the subject (``read_passives``).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Doc, Span

from ..token_table import token_table

# Words a headline capitalises that running text writes in lower case whatever the body shows.
FUNCTION_WORDS = frozenset({
    "a", "an", "the", "of", "in", "on", "to", "for", "with", "at", "by", "from", "into", "over", "after",
    "before", "as", "and", "or", "but", "nor", "is", "are", "was", "were", "be", "been", "has", "have", "had",
    "will", "would", "can", "could", "may", "might", "not", "no", "its", "his", "her", "their", "our", "this",
    "that", "these", "those", "amid", "against", "about", "up", "out", "off", "down", "than", "says", "say",
    "said", "new", "more", "most", "who", "what", "why", "how", "when", "where", "which", "while", "it"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
SUFFIXES = ("ing", "ed", "es", "s")


def needs_recasing(title: str) -> bool:
    """Title Case or capitals: most longer words begin with a capital letter."""
    words = [w for w in _WORD.findall(title) if len(w) > 3]
    if len(words) < 2:
        return False
    capital = sum(1 for w in words if w[0].isupper())
    return capital >= 0.7 * len(words)


def body_cases(doc: Doc, after: int) -> tuple[Counter, Counter]:
    """How often each word is written capitalised and in lower case in the body, away from a sentence's
    first word (where either case can stand)."""
    upper, lower = Counter(), Counter()
    w = token_table(doc)  # read off the word table: a Token object per word made this a tenth of the events
    for i, start in enumerate(w.idx):
        if start < after or w.is_sent_start[i] or not w.is_alpha[i]:
            continue
        (upper if w.text[i][0].isupper() else lower)[w.lower[i]] += 1
    return upper, lower


def _stem(word: str) -> str:
    for s in SUFFIXES:
        if word.endswith(s) and len(word) - len(s) >= 3:
            return word[: -len(s)]
    return word


def recase(title: str, upper: Counter, lower: Counter) -> str:
    """The title with each word in the case the body writes it in, the first word capitalised."""
    lower_stems = {_stem(w) for w in lower}
    # "slammed" -> "slamm": the body's doubled consonant is the headline's single one ("Slams")
    lower_stems |= {w[:-1] for w in lower_stems if len(w) > 3 and w[-1] == w[-2] and w[-1] not in "ls"}
    out = []
    for k, m in enumerate(re.finditer(r"\S+", title)):
        word = m.group(0)
        core = word.strip("\"'“”‘’:;,.!?()[]")
        low = core.lower()
        if not core or not any(ch.isalpha() for ch in core):
            out.append((m.start(), word))
            continue
        if core.isupper() and len(core) <= 5 and upper[low] and not lower[low]:
            new = core  # an acronym the body writes in capitals ("NATO", "ESPN")
        elif lower[low] > upper[low] or (not upper[low] and (low in FUNCTION_WORDS or _stem(low) in lower_stems)):
            new = low
        else:
            new = core[0].upper() + core[1:].lower() if core.isupper() and len(core) > 1 else core
        if k == 0:
            new = new[0].upper() + new[1:]
        out.append((m.start(), word.replace(core, new, 1)))
    text = list(title)
    for start, w in out:
        text[start:start + len(w)] = list(w)
    result = "".join(text)
    return result if len(result) == len(title) else title


# answers for the latest documents: the pipeline's batch parse of headlines and then the name finder ask
# it of each document of a batch; the document is held with its answer, so its id cannot be reused
_recased: dict[tuple[int, int], tuple[Doc, str | None]] = {}
_RECASED_KEPT = 64  # two batches of the default size


def recased_headline(doc: Doc, title_end: int) -> str | None:
    """The headline (the first line, ending at ``title_end``) in running-text case, or None when it is
    already written so (or recasing would change its length, so offsets would no longer hold)."""
    key = (id(doc), title_end)
    got = _recased.get(key)
    if got is not None and got[0] is doc:
        return got[1]
    if len(_recased) >= _RECASED_KEPT:
        _recased.clear()
    recased = _recased[key] = (doc, _recased_headline(doc, title_end))
    return recased[1]


def _recased_headline(doc: Doc, title_end: int) -> str | None:
    if title_end <= 0:
        return None
    title = token_table(doc).doc_text[:title_end]
    if not needs_recasing(title):
        return None
    upper, lower = body_cases(doc, title_end)
    recased = recase(title, upper, lower)
    return None if recased == title or len(recased) != len(title) else recased


def headline_doc(nlp, doc: Doc, title_end: int, lexicon=None):
    """``recased_headline`` parsed, or None when there is nothing to parse or nothing to parse it with;
    ``headline_gate.UNPARSED`` (no sentences) when no word of it can start an event of ``lexicon``."""
    from .headline_gate import UNPARSED, may_code

    recased = recased_headline(doc, title_end) if nlp is not None else None
    if recased is None:
        return None
    return nlp(recased) if lexicon is None or may_code(nlp, recased, lexicon) else UNPARSED


def title_end(article) -> int:
    """Where the headline ends in the article's text, or -1 when the text does not start with it."""
    return len(article.title) if article.title and article.text.startswith(article.title) else -1


def to_plan(sent: Span, trigger) -> bool:
    """ "Minister to visit Beijing": a headline's bare "to" infinitive with no verb above it is a plan."""
    return trigger.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children) and \
        trigger.dep_ in ("ROOT", "acl", "xcomp") and not any(t.pos_ in ("VERB", "AUX") and t.dep_ == "ROOT"
                                                             and t.i != trigger.i for t in sent)


# what a headline verb may have beside its subject and still be a passive with "is"/"was" dropped
_NOT_PASSIVE = frozenset({"dobj", "obj", "aux", "auxpass", "nsubjpass", "ccomp", "xcomp", "dative", "attr",
                          "acomp", "oprd", "prt"})


def read_passives(sent: Span, lexicon) -> list[str]:
    """Relabel the subject of each headline passive ("Senator arrested in bribery probe", "Mayor charged
    with fraud") as the passive subject it is, so the senator is the one arrested; returns the verbs.

    Headlines tell a past act in the present ("Police arrest senator"), so a bare -ed form with a
    subject and no object is a passive. Only verbs the lexicon knows as acts done to a direct object,
    and not mutual ones ("Leaders met in Seoul"), are read so; "resigned", "arrived" are left alone."""
    out = []
    for t in sent:
        if t.tag_ not in ("VBN", "VBD") or t.dep_ != "ROOT":
            continue
        kids = list(t.children)
        subj = [c for c in kids if c.dep_ == "nsubj"]
        if len(subj) == 1 and subj[0].pos_ != "PRON" and _told_to(t):
            subj[0].dep_ = "nsubjpass"  # "Minister told to resign": the minister is the one told
            out.append(t.text)
            continue
        if len(subj) != 1 or subj[0].pos_ == "PRON" or any(c.dep_ in _NOT_PASSIVE for c in kids):
            continue
        if any(c.dep_ == "prep" and c.lower_ == "with" for c in kids) and _mutual(t.lemma_, lexicon):
            continue
        if _done_to_object(t.lemma_, lexicon):
            subj[0].dep_ = "nsubjpass"
            out.append(t.text)
    return out


def _told_to(verb) -> bool:
    """ "Blair told to double aid", "Minister urged to quit": a verb one tells someone to do something with,
    followed at once by "to", has no object of its own, so its subject is the one told."""
    from .arguments import OBJECT_CONTROL

    doc = verb.doc
    return verb.lemma_.lower() in OBJECT_CONTROL and verb.i + 1 < len(doc) and doc[verb.i + 1].lower_ == "to" \
        and doc[verb.i + 1].tag_ == "TO"


def _done_to_object(lemma: str, lexicon) -> bool:
    pats = [p for p in lexicon.lookup(lemma) if p.codes_event and not p.linear]
    return bool(pats) and not any("symmetric" in p.flags for p in pats) and all(
        p.recipient[:1] == ("dobj",) for p in pats if not p.obj)


def _mutual(lemma: str, lexicon) -> bool:
    return any("with" in p.recipient for p in lexicon.lookup(lemma) if not p.obj and not p.prep)
