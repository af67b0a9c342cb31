"""Event trigger dictionaries: which verbs and nouns code which event, under which conditions.

Two formats load into one :class:`VerbLexicon`:

* Dateline's ``data/verbs.tsv`` (and user files in the same format): one pattern a row, with
  conditions on the dependency parse around the trigger::

      id           pos   lemma    prt  prep   obj               comp      cameo  plover  mode  recipient  note
      v.meet       verb  meet                                             040                dobj,with
      v.impose.san verb  impose              sanction|embargo             163    SANCTION
      v.threaten   verb  threaten                              THREATEN   130

  ``prt`` a particle the verb must have ("beat up"); ``prep`` a preposition one of whose objects
  must be there ("arrive in"); ``obj`` the lemma of the direct object (verbs) or of a modifier
  (nouns: "hunger" strike); ``comp`` marks verbs of agreeing, asking, refusing or threatening
  whose event is completed by a complement action ("threatened to impose sanctions" -> 1312);
  ``plover``/``mode`` override the CAMEO -> PLOVER table; ``recipient`` lists the slots the
  recipient is taken from, in order (dobj, dative, poss, subj, or a preposition); ``flags`` are
  listed in ``FLAGS``. An ``obj`` entry ``subj:x`` tests the subject's head instead, ``ent:PERSON``
  the entity type of the object, and ``*`` any object.

* PETRARCH / TABARI ``.verbs`` files (:func:`load_petrarch_verbs`): blocks of verb forms with
  a default code and linear patterns around the verb (``- * DIPLOMATIC TIES [064]``), synonym
  sets (``&TIETYPES``), ``_`` joining words that must be adjacent, ``+``/``$`` marking target
  and source, ``%`` a compound actor and ``^`` a skipped phrase. Codes ``A:B`` also code the
  reverse direction with ``B``; ``---`` means "do not code".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ._text import DictionaryFormatError, read_tsv, split_list

__all__ = [
    "COMP_FAMILIES",
    "PatternWord",
    "VerbLexicon",
    "VerbPattern",
    "default_verbs",
    "load_petrarch_verbs",
    "load_verbs",
]

COLUMNS = ("id", "pos", "lemma", "prt", "prep", "obj", "comp", "cameo", "plover", "mode", "recipient", "flags", "note")
FLAGS = frozenset({
    "recipient",  # no event without a recipient (a visit to nowhere is not coded)
    "realizer",  # a noun that is only an event when a verb brings it about ("imposed sanctions")
    "symmetric",  # coordinated actors with no recipient act on each other ("A and B met")
    "military",  # only when the actor is armed forces ("troops arrived in Bosnia")
    "civilian",  # only when the actor is not armed forces
})
COMP_FAMILIES = frozenset({"AGREE", "REQUEST", "REJECT", "THREATEN", "SAY", "INTEND", "PLAN", "NEGATE"})
NULL_CODES = frozenset({"---", ""})


@dataclass(frozen=True, slots=True)
class PatternWord:
    """One element of a linear (PETRARCH) pattern."""

    text: str = ""  # upper-case word, or a synset name starting with "&"
    joined: bool = False  # True when the next element must follow immediately ("_")
    marker: str = ""  # "+" target, "$" source, "%" compound actor, "^" skip a phrase, "@" verb-adjacent

    @property
    def is_synset(self) -> bool:
        return self.text.startswith("&")


@dataclass(frozen=True, slots=True)
class VerbPattern:
    id: str
    lemma: str
    cameo: str  # may be a non-CAMEO code in user dictionaries; "" = do not code
    pos: str = "verb"  # verb or noun
    prt: str = ""
    prep: tuple[str, ...] = ()
    obj: tuple[str, ...] = ()
    comp: str = ""  # a family from COMP_FAMILIES, or ""
    plover: str = ""
    mode: str = ""
    recipient: tuple[str, ...] = ()
    flags: frozenset[str] = frozenset()
    note: str = ""
    source: str = ""
    reverse: str = ""  # PETRARCH "A:B": the code of the reverse event
    before: tuple[PatternWord, ...] = ()  # linear words before the verb, in text order
    after: tuple[PatternWord, ...] = ()  # linear words after the verb, in text order
    forms: tuple[str, ...] = ()  # surface forms that also trigger (irregular inflections)

    @property
    def linear(self) -> bool:
        return bool(self.before or self.after)

    @property
    def specificity(self) -> int:
        """More conditions = more specific; the most specific matching pattern wins."""
        words = sum(1 for w in (*self.before, *self.after) if (w.text and w.marker != "^") or w.marker in "+$%")
        return 2 * words + 2 * bool(self.obj) + bool(self.prep) + 2 * bool(self.prt) + bool(self.comp)

    @property
    def codes_event(self) -> bool:
        return self.cameo not in NULL_CODES or bool(self.comp)


@dataclass(slots=True)
class VerbLexicon:
    """Patterns by trigger word; surface forms and lemmas share one index."""

    patterns: tuple[VerbPattern, ...] = ()
    synsets: dict[str, tuple[tuple[str, ...], ...]] = field(default_factory=dict)  # name -> word sequences
    source: str = ""
    style: str = "dateline"  # "petrarch": codes come straight from the patterns, no composition
    _by_word: dict[tuple[str, str], list[VerbPattern]] = field(default_factory=dict)
    _multi: dict[tuple[str, str], list[tuple[tuple[str, ...], VerbPattern]]] = field(default_factory=dict)
    _words: set[str] = field(default_factory=set)  # every word a pattern can start on, for a quick first test

    def __post_init__(self) -> None:
        for p in self.patterns:
            words = p.lemma.split()
            if len(words) == 1:
                self._by_word.setdefault((p.pos, p.lemma), []).append(p)
            else:  # a multi-word verb ("lash out", "break down") is indexed on its first word
                self._multi.setdefault((p.pos, words[0]), []).append((tuple(words[1:]), p))
            for form in p.forms:
                parts = form.split()
                if len(parts) == 1:
                    self._by_word.setdefault((p.pos, form), []).append(p)
                else:  # "cordoned off": an inflected multi-word verb
                    self._multi.setdefault((p.pos, parts[0]), []).append((tuple(parts[1:]), p))

        self._words = {w for _, w in self._by_word} | {w for _, w in self._multi}

    def knows(self, word: str) -> bool:
        """Can any pattern start on this word (in any part of speech)?"""
        return word.lower() in self._words

    def __len__(self) -> int:
        return len(self.patterns)

    def __iter__(self) -> Iterator[VerbPattern]:
        return iter(self.patterns)

    def lookup(self, word: str, pos: str = "verb") -> list[VerbPattern]:
        return list(self._by_word.get((pos, word.lower()), ()))

    def multiword(self, word: str, pos: str = "verb") -> list[tuple[tuple[str, ...], VerbPattern]]:
        return list(self._multi.get((pos, word.lower()), ()))

    def merge(self, other: "VerbLexicon") -> "VerbLexicon":
        """Both lexicons' patterns; ``other``'s come first, so a user file wins ties."""
        return VerbLexicon(other.patterns + self.patterns, {**self.synsets, **other.synsets},
                           source=f"{other.source}+{self.source}", style=self.style)


# -- Dateline's TSV ------------------------------------------------------------------------------

def load_verbs(path: Path | str, *, text: str | None = None) -> VerbLexicon:
    """Read a verbs TSV (format in the module docstring)."""
    source = Path(str(path)).name
    out: list[VerbPattern] = []
    seen: set[str] = set()
    for row in read_tsv(path, text, required=COLUMNS):
        where = f"{path}:{row.line}"
        pid, pos, lemma = row["id"], row["pos"].lower() or "verb", row["lemma"].lower()
        if not pid or not lemma:
            raise DictionaryFormatError(f"{where}: id and lemma are required")
        if pid in seen:
            raise DictionaryFormatError(f"{where}: duplicate pattern id {pid!r}")
        seen.add(pid)
        if pos not in ("verb", "noun", "adj"):
            raise DictionaryFormatError(f"{where}: pos must be verb, noun or adj, not {pos!r}")
        comp = row["comp"].upper()
        if comp and comp not in COMP_FAMILIES:
            raise DictionaryFormatError(f"{where}: comp {comp!r} is not one of {sorted(COMP_FAMILIES)}")
        cameo = row["cameo"]
        if cameo and not re.fullmatch(r"\d{2,4}", cameo):
            raise DictionaryFormatError(f"{where}: bad CAMEO code {cameo!r}")
        flags = frozenset(f.strip() for f in row["flags"].lower().split(",") if f.strip())
        if flags - FLAGS:
            raise DictionaryFormatError(f"{where}: unknown flag(s) {sorted(flags - FLAGS)}")
        obj = tuple(o if o.startswith("ent:") else o.lower() for o in split_list(row["obj"]))
        out.append(VerbPattern(
            id=pid, lemma=lemma, cameo=cameo, pos=pos, prt=row["prt"].lower(), prep=split_list(row["prep"].lower()),
            obj=obj, comp=comp, plover=row["plover"].upper(), mode=row["mode"],
            recipient=tuple(s.strip() for s in row["recipient"].lower().split(",") if s.strip()),
            flags=flags, note=row["note"], source=source,
        ))
    return VerbLexicon(tuple(out), source=source)


@functools.cache
def default_verbs() -> VerbLexicon:
    resource = resources.files("dateline.ontology") / "data" / "verbs.tsv"
    return load_verbs("verbs.tsv", text=resource.read_text(encoding="utf-8"))


# -- PETRARCH .verbs files -----------------------------------------------------------------------

_HEADER = re.compile(r"^---\s*(.+?)\s*(\[[^\]]*\])?\s*(\[[^\]]*\])?\s*---")
_CODE = re.compile(r"\[([^\]]*)\]")
_FORMS = re.compile(r"\{([^}]*)\}")


def _comments_out(text: str) -> Iterator[tuple[int, str]]:
    in_comment = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        out, rest = "", raw
        while rest:
            if in_comment:
                end = rest.find("-->")
                rest, in_comment = (rest[end + 3:], False) if end >= 0 else ("", True)
            else:
                start = rest.find("<!")
                if start < 0:
                    out, rest = out + rest, ""
                else:
                    out, rest, in_comment = out + rest[:start], rest[start + 2:], True
        depth = 0
        for i, ch in enumerate(out):  # "#" starts a comment, except inside a code such as "[###]"
            depth += (ch == "[") - (ch == "]")
            if ch == "#" and depth == 0:
                out = out[:i]
                break
        if out.strip():
            yield lineno, out.rstrip()


def _split_code(raw: str | None) -> tuple[str, str]:
    """"032:033" -> ("032", "033"); "---" -> ("", ""); None -> ("", "")."""
    if raw is None:
        return "", ""
    if raw.strip() and not raw.strip()[0].isdigit() and raw.strip() != "---":
        return "?", ""  # "+++", "###", "xxy": a placeholder code, not a coding
    code = raw.strip()
    main, _, rev = code.partition(":")
    main, rev = main.strip(), rev.strip()
    return ("" if main in NULL_CODES else main), ("" if rev in NULL_CODES else rev)


def _words(phrase: str) -> tuple[PatternWord, ...]:
    """ "NEW_&TIETYPES_RELATIONS" -> three words, each joined to the next; markers become elements."""
    out: list[PatternWord] = []
    for chunk in phrase.split():
        parts = [p for p in chunk.split("_") if p]
        for i, part in enumerate(parts):
            joined = i < len(parts) - 1
            markers = re.match(r"^[+$%^]*", part).group(0)
            word = part[len(markers):]
            for k, mk in enumerate(markers):
                out.append(PatternWord("", joined=joined and not word and k == len(markers) - 1, marker=mk))
            if word:
                out.append(PatternWord(word.upper(), joined=joined))
    return tuple(out)


def _verb_words(line: str) -> tuple[str, tuple[str, ...], str | None]:
    """A verb line: "BAN {BANS BANNED}  [191]" -> ("ban", ("bans", "banned"), "191")."""
    forms = _FORMS.search(line)
    code = _CODE.search(line)
    head = _CODE.sub("", _FORMS.sub("", line)).strip().replace("+", "")  # "+" marks the head word
    extra = tuple(" ".join(f.replace("+", "").replace("_", " ").split()).lower() for f in forms.group(1).split()) \
        if forms else ()
    return " ".join(head.replace("_", " ").split()).lower(), extra, (code.group(1) if code else None)


def load_petrarch_verbs(path: Path | str, *, text: str | None = None) -> VerbLexicon:
    """Read a PETRARCH/TABARI verbs dictionary into linear patterns (see module docstring)."""
    if text is None:
        text = Path(path).read_text(encoding="utf-8", errors="replace")
    source = Path(str(path)).name
    synsets: dict[str, list[tuple[str, ...]]] = {}
    patterns: list[VerbPattern] = []
    block: dict | None = None
    current_synset: str | None = None

    def flush() -> None:
        if block is None:
            return
        verbs: list[tuple[str, tuple[str, ...], str | None]] = block["verbs"]
        if not verbs:
            return
        default_main, default_rev = _split_code(block["code"])
        for i, (verb, forms, own) in enumerate(verbs):
            main, rev = _split_code(own) if own is not None else (default_main, default_rev)
            pid = f"petrarch:{block['name']}:{verb}"
            patterns.append(VerbPattern(id=pid, lemma=verb, cameo=main, reverse=rev, forms=forms, source=source,
                                        note=f"line {block['line']}"))
            for j, (line, before, after, code) in enumerate(block["patterns"]):
                pm, pr = _split_code(code)
                if pm == "?":
                    continue
                patterns.append(VerbPattern(id=f"{pid}:{j + 1}", lemma=verb, cameo=pm, reverse=pr, forms=forms,
                                            before=before, after=after, source=source, note=f"line {line}"))

    for lineno, line in _comments_out(text):
        stripped = line.strip()
        if stripped.startswith("---"):
            flush()
            m = _HEADER.match(stripped)
            if m is None:
                raise DictionaryFormatError(f"{path}:{lineno}: cannot read block header {stripped!r}")
            codes = [c for c in (m.group(2), m.group(3)) if c]
            block = {"name": m.group(1).strip(), "code": codes[0][1:-1] if codes else None, "verbs": [],
                     "patterns": [], "line": lineno}
            current_synset = None
            continue
        if stripped.startswith("&"):
            current_synset = stripped.split()[0]
            synsets.setdefault(current_synset, [])
            continue
        if stripped.startswith("+") and current_synset is not None:
            member = stripped[1:].strip()
            synsets[current_synset].append(tuple(w.upper() for w in member.replace("_", " ").split()))
            continue
        current_synset = None
        if block is None:
            continue
        if stripped.startswith("-"):
            body = stripped[1:].strip()
            code = _CODE.search(body)
            if code is None:
                raise DictionaryFormatError(f"{path}:{lineno}: pattern without a [code]")
            phrase = body[: code.start()].strip()
            if "*" not in phrase:
                raise DictionaryFormatError(f"{path}:{lineno}: pattern without the verb marker '*'")
            left, _, right = phrase.partition("*")
            # "IN_*" and "*_OUT": the "_" next to the verb joins that word to the verb
            before = _words(left.strip())
            if left.rstrip().endswith("_") and before:  # "IN_*": the word right before the verb
                before = before[:-1] + (_replace(before[-1], joined=True),)
            after = _words(right.strip())
            if right.startswith("_") and after:  # "*_OUT": the word right after the verb
                after = (PatternWord("", joined=True, marker="@"),) + after
            block["patterns"].append((lineno, before, after, code.group(1)))
            continue
        verb, forms, own = _verb_words(stripped)
        if verb:
            block["verbs"].append((verb, forms, own))
    flush()
    return VerbLexicon(tuple(patterns), {k: tuple(v) for k, v in synsets.items()}, source=source, style="petrarch")


def _replace(w: PatternWord, **changes) -> PatternWord:
    from dataclasses import replace

    return replace(w, **changes)


def iter_codes(lexicon: VerbLexicon) -> Iterable[str]:
    for p in lexicon:
        if p.cameo:
            yield p.cameo
