"""The grammar the quote reader walks: who a cue's subject is, how far a speaker phrase reaches, what a
phrase hangs from. Functions over a spaCy parse, with no state of their own, and ``Found``, a quote while
the article is read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Token

from ..model import Entity
from .lexicon import RELATIVE_PRONOUNS, SPEECH_VERBS
from .events.sense import noun_table
from .names import PERSON_ROLES
from .speakers import DOCUMENT_NOUNS, ROLE_NOUNS, cannot_speak
from .quote_runon import reporter_of

PERSON_WORDS = PERSON_ROLES | ROLE_NOUNS
# Nouns of amount that head a speaker phrase whose "of" object is who speaks ("a number of investors said").
AMOUNT_NOUNS = frozenset({"number", "lot", "majority", "minority", "handful", "couple", "host", "dozen", "score",
                          "plenty", "bunch", "percent", "half", "third", "quarter"})

SUBJECT_DEPS = ("nsubj",)
EXPLETIVES = frozenset({"it", "there"})
DOUBLE_MARKS = frozenset({'"', "“", "”", "''", "``", "„", "«", "»"})

PLACE_OR_BODY = frozenset({"GPE", "LOC", "FAC", "ORG"})
SMALL_WORDS = frozenset({"a", "an", "the", "of", "and", "in", "on", "for", "to", "at", "by", "with", "or", "it"})


@dataclass(slots=True)
class Found:
    """A quote while the article is read: tokens, cue token and speaker before records are made."""

    content: tuple[int, int]  # characters
    kind: str
    cue: tuple[int, int] | None = None
    cue_tok: Token | None = None
    speaker_tok: Token | None = None
    speaker_span: tuple[int, int] | None = None
    entity: Entity | None = None
    speaker_name: str | None = None
    principal: str | None = None
    coref: str = ""  # the coreference link the speaker was read through (speakers.Resolved.coref)
    date: str | None = None
    place: str | None = None
    rule: str = ""
    para: int = 0
    clause: tuple[int, int] | None = None  # characters of the statement's own clause (dates inside don't count)
    quoted: list[tuple[int, int]] | None = None  # a partial statement's quoted words (quote_parse.one_statement)
    follows: Found | None = None  # the statement whose speaker this one took (``inherit``)


def is_title(toks: list[Token]) -> bool:
    words = [t for t in toks if t.is_alpha]
    return 0 < len(words) <= 6 and all(t.text[0].isupper() or t.lower_ in SMALL_WORDS for t in words) and \
        words[0].text[0].isupper()


def so_called(tok: Token) -> bool:
    doc = tok.doc
    return tok.lower_ == "called" and tok.i >= 2 and doc[tok.i - 1].text in "-–" and doc[tok.i - 2].lower_ == "so"


# Words that may stand before "said" in the sentence adverb "That said," / "Having said that," / "That being said,".
_IDIOM_BEFORE = frozenset({"that", "this", "all", "with", "having", "being", "but", "and", "so", "still", "now"})


def idiom_said(tok: Token) -> bool:
    """ "That said, the plan may still work": "said" in a sentence adverb meaning "even so", with no one
    speaking. It opens its sentence, stands before a comma, and what precedes it is only "that"/"this" and
    the small words of the idiom ("Having said that,", "That being said,")."""
    if tok.lower_ != "said":
        return False
    doc = tok.doc
    before = [t for t in doc[tok.sent.start:tok.i] if not t.is_space and not t.is_punct]
    after = tok.i + 1
    if after < len(doc) and doc[after].lower_ in ("that", "this"):
        after += 1
    return (bool(before) and all(t.lower_ in _IDIOM_BEFORE for t in before)
            and after < len(doc) and doc[after].text == ","
            and any(t.lower_ in ("that", "this") for t in before + [doc[after - 1]]))


def set_fields(f, **kw):
    for k, v in kw.items():
        setattr(f, k, v)
    return f


def inherit(f, prev, *, cue: bool) -> None:
    f.speaker_tok, f.speaker_span, f.entity, f.speaker_name = (prev.speaker_tok, prev.speaker_span, prev.entity,
                                                                prev.speaker_name)
    f.principal, f.coref = prev.principal, prev.coref
    f.follows = prev
    if cue:
        f.cue, f.cue_tok = prev.cue, prev.cue_tok


def trim(text: str, a: int, b: int) -> tuple[int, int]:
    """Content without surrounding space and the comma news puts inside the closing mark."""
    while b > a and (text[b - 1].isspace() or text[b - 1] == ","):
        b -= 1
    while a < b and text[a].isspace():
        a += 1
    return a, b


def named_as(tok: Token) -> tuple[int, int] | None:
    """ "called X Y": from the object to the end of what it is called."""
    obj = next((c for c in tok.children if c.dep_ == "dobj"), None)
    comp = [c for c in tok.children if c.dep_ in ("oprd", "xcomp", "ccomp") and c.i > tok.i]
    if obj is None or not comp:
        return None
    return obj.left_edge.i, max(c.right_edge.i for c in comp) + 1


def subject(cue: Token) -> Token | None:
    """Who speaks: the cue's subject, through participles, conjuncts and relative clauses."""
    cur = reporter_of(cue) or cue  # "said X and predicted Y": the one who said X predicts
    for _ in range(6):
        if cur.lower_ == "according":
            to = next((c for c in cur.children if c.lower_ == "to"), None)
            return next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
        # a dash or a stray mark the tagger read as a noun is no subject: "― Trump boasted"
        subj = next((c for c in cur.children if c.dep_ in SUBJECT_DEPS and any(ch.isalpha() for ch in c.text)), None)
        if subj is None:
            agent = next((c for c in cur.children if c.dep_ == "agent"), None)
            if agent is not None:
                return next((c for c in agent.children if c.dep_ == "pobj"), None)
            if cur is cue and any(c.dep_ == "nsubjpass" for c in cur.children):
                return None  # "since it was announced that …": said by no one named, not by the clause above
        if subj is not None:
            if subj.lower_ in EXPLETIVES:
                return None
            if subj.lower_ in RELATIVE_PRONOUNS and cur.dep_ == "relcl":
                return relative_antecedent(subj, cur.head)
            return subj
        if cur.dep_ == "acl" and cur.head.lemma_.lower() in DOCUMENT_NOUNS:
            issuer = document_issuer(cur.head)
            if issuer is not None:
                return issuer  # "the council issued a statement calling ...": the council calls it
        if cur.dep_ == "relcl" or (cur.dep_ == "acl" and cur.head.pos_ in ("NOUN", "PROPN")):
            if not cannot_speak(cur.head) and not _set_off_object(cur):
                return cur.head
            # "... on Tuesday, saying": the participle belongs to the clause the time word sits in
            verb = governing_verb(cur.head)
            if verb is None:
                return None
            cur = verb
            continue
        if _after_relative(cur):
            # "paying an architect who said ..., saying": a participle set off after a relative clause goes
            # with the clause the relative clause hangs in, not with the relative pronoun
            verb = governing_verb(cur.head.head)
            if verb is None:
                return None
            cur = verb
            continue
        if cur.dep_ in ("advcl", "xcomp", "conj", "pcomp") and cur.head.i != cur.i:
            cur = cur.head
            continue
        return None
    return None


def passive(cue: Token) -> bool:
    """ "it was announced that", "he was told": the subject of a passive speech verb is not its speaker."""
    return any(c.dep_ in ("nsubjpass", "auxpass") for c in cue.children)


# Nouns for what someone said ("his message was: …", "her reply", "their answer"): the possessor speaks.
# Documents ("his letter", "the ministry's statement") speak on their own, with the issuer as principal.
WORDS_SAID = frozenset({"message", "comment", "remark", "reply", "answer", "response", "word", "words", "view",
                        "verdict", "advice", "warning", "explanation", "argument", "point", "position", "plea",
                        "question", "claim", "criticism", "opinion"})


def said_by(subj: Token) -> Token:
    """Who speaks for a subject that is what was said ("His comments were …", "Her answer was: …"): the
    possessor; any other subject as it is."""
    if subj.lemma_.lower() in WORDS_SAID or subj.lower_ in WORDS_SAID:
        owner = next((c for c in subj.children if c.dep_ == "poss"), None)
        if owner is not None and not any(ch in ("'", "’") for ch in owner.text):
            return owner
    return subj


def colon_speaker(subj: Token, cue: Token) -> Token:
    """The speaker of a quote hanging from a verb that is no speech verb (often before a colon): its subject, unless
    that is a thing no one says ("The delay does not surprise pollster Ann Lee:") and a named person is what
    the verb acts on."""
    low = subj.lemma_.lower()
    if subj.pos_ != "NOUN" or subj.ent_type_ or low in PERSON_WORDS or low in DOCUMENT_NOUNS or low in WORDS_SAID \
            or noun_table().get(low) in ("person", "words"):
        return subj
    obj = next((c for c in cue.children if c.dep_ == "dobj" and (
        c.ent_type_ == "PERSON" or any(a.dep_ == "appos" and a.ent_type_ == "PERSON" for a in c.children))), None)
    return obj if obj is not None else subj  # "economist Ravi Menon", "the economist, Ravi Menon"


def _after_relative(tok: Token) -> bool:
    doc = tok.doc
    return (tok.dep_ == "advcl" and tok.tag_ == "VBG" and tok.i > 0 and doc[tok.i - 1].text == ","
            and tok.head.dep_ == "relcl" and tok.head.i < tok.i)


def relative_antecedent(pronoun: Token, head: Token) -> Token:
    """The noun a relative pronoun stands for. "who" is a person: when the parse hangs the clause from a
    place or a body inside a phrase about people ("Democrats on Capitol Hill, who argued"), the people."""
    if pronoun.lower_ != "who" or head.ent_type_ not in PLACE_OR_BODY or head.dep_ != "pobj":
        return head
    owner = head.head.head  # pobj -> preposition -> the noun it modifies
    if head.head.dep_ == "prep" and owner.pos_ in ("NOUN", "PROPN") and owner.ent_type_ not in PLACE_OR_BODY:
        return owner
    return head


def document_issuer(doc_noun: Token) -> Token | None:
    """Who put out a document: the subject of the verb it is the object of ("the ministry released a
    report", "Smith wrote a letter"), when that verb has one."""
    if doc_noun.dep_ != "dobj":
        return None
    verb = doc_noun.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and any(ch.isalpha() for ch in c.text)), None)
    if subj is None or subj.lower_ in EXPLETIVES or cannot_speak(subj):
        return None
    if subj.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl":
        return verb.head
    return subj


def _set_off_object(participle: Token) -> bool:
    """ "Trump refused to pay an architect, saying ...": a participle after a comma, hanging from an object,
    is said by the clause's subject, not by the object (the parse's attachment is the usual error)."""
    doc = participle.doc
    return (participle.dep_ == "acl" and participle.tag_ == "VBG" and participle.i > 0
            and doc[participle.i - 1].text == "," and participle.head.dep_ in ("dobj", "pobj", "attr"))


def governing_verb(tok: Token) -> Token | None:
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return None
        cur = cur.head
        if cur.pos_ in ("VERB", "AUX"):
            return cur
    return None


def speaker_tokens(head: Token) -> list[Token]:
    """The speaker phrase: its left edge up to the head noun (no appositives or relative clauses)."""
    if head.pos_ == "PRON":
        return [head]
    doc = head.doc
    start = head.left_edge.i
    toks = [t for t in doc[start:head.i + 1]]
    # a line break or a quote inside the phrase means the parse ran across: keep the head's own words
    cut = max((k + 1 for k, t in enumerate(toks[:-1]) if t.is_space or t.text in "\"“”:;"), default=0)
    toks = toks[cut:]
    while toks and (toks[0].is_punct or toks[0].is_space):
        toks.pop(0)
    end = head.i + 1
    while end < len(doc) and doc[end].dep_ in ("compound", "flat") and doc[end].head.i == head.i:
        toks.append(doc[end])
        end += 1
    if head.lemma_.lower() in AMOUNT_NOUNS and end < len(doc) and doc[end].lower_ == "of" and doc[end].head.i == head.i:
        said = next((c for c in doc[end].children if c.dep_ == "pobj"), None)
        if said is not None and said.i - end <= 4:  # "a number of investors": the investors speak
            toks.extend(doc[end:said.i + 1])
    return toks


def governed_by(toks: list[Token], cue: Token, *, via_prep: bool = False) -> bool:
    """The phrase modifies the cue: attached to it without passing through another verb or its
    subject ("South Korea's" in the speaker's name is not where the statement was made), and, for
    places, through a preposition ("at the White House")."""
    inside = {t.i for t in toks}
    cur = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    prep = False
    for _ in range(8):
        if cur.i == cue.i:
            return prep or not via_prep
        if cur.head.i == cur.i or cur.dep_ in ("nsubj", "nsubjpass", "poss") or (via_prep and cur.dep_ == "dobj"):
            return False
        prep = prep or cur.dep_ == "pobj"
        cur = cur.head
        if cur.i != cue.i and cur.pos_ in ("VERB", "AUX") and cur.dep_ not in ("aux", "auxpass"):
            return False
    return False


def adjacent_subject(cue: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """When the parse gave no subject outside the quote: '," said Leslie Wimes' or
    '," Obama's former campaign strategist said'."""
    doc = cue.doc
    before = cue.i - 1
    while before >= 0 and doc[before].is_space:
        before -= 1
    # inverted only right after the quote: '," said X' (not "(D-Md.) said in an interview")
    if before >= 0 and doc[before].text in (",", "?", "!") and before > 0:
        before -= 1
    if before >= 0 and (in_quote(doc[before]) or doc[before].text in DOUBLE_MARKS
                        or doc[before].text in ("”", "'", "’")):
        for t in doc[cue.i + 1:min(cue.i + 6, cue.sent.end)]:
            if in_quote(t) or t.is_punct or (t.head.i == cue.i and t.dep_ in ("dobj", "dative")):
                break  # "calls people “losers”": whom it is said of is not who said it
            if t.pos_ in ("PROPN", "NOUN", "PRON"):
                while t.dep_ in ("compound", "flat") and t.head.i > t.i:
                    t = t.head
                return t
        return None
    participle = cue.head if cue.dep_ == "xcomp" and cue.head.tag_ == "VBG" else cue  # "going on to say"
    if participle.tag_ == "VBG" and participle.lower_ != "according":
        # '"…," Sanders said, going on to say ...': a participle right after "X said," is X's
        said = _said_before(participle, in_quote)
        if said is not None:
            return said
        # "Dean went on MSNBC on Tuesday, saying ...": a participle's speaker is its sentence's subject,
        # not the last noun before it
        root = cue.sent.root
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and subj.i < cue.i and not in_quote(subj) and not cannot_speak(subj) \
                and subj.lower_ not in EXPLETIVES:
            return subj
    # the noun phrase right before the cue ('," the strategist said'), past a parenthesis ("Cummings
    # (D-Md.) said") or an adverb ("Ortiz later said"), never a noun further back in the clause
    depth = 0
    for t in reversed(doc[max(cue.sent.start, cue.i - 10):cue.i]):
        if in_quote(t):
            break
        depth += (t.text == ")") - (t.text == "(")
        if depth > 0 or t.text in "()," or t.is_space or t.pos_ in ("ADV", "AUX", "PART"):
            continue  # the comma: '," Flynn, a top surrogate, said' ends on the apposition
        if t.pos_ in ("PROPN", "NOUN", "PRON") and not cannot_speak(t):
            if t.dep_ == "appos" and t.head.i < t.i and t.head.pos_ in ("PROPN", "NOUN") and not (
                    t.head.dep_ == "pobj" and t.pos_ == "PROPN"):
                return t.head  # "Flynn, a top Trump surrogate, said": Flynn
            # "When asked about the mayor, Governor Ann Lee said": a name the parse hung on the object of a
            # preposition before it is no apposition of that object; the name right before the cue speaks
            return t
        break
    return None


def _said_before(participle: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """The subject of a speech verb just before ", <participle>" ('Sanders said, going on to say')."""
    doc = participle.doc
    k = participle.i - 1
    if k < 1 or doc[k].text != ",":
        return None
    verb = doc[k - 1]
    if verb.pos_ != "VERB" or in_quote(verb):
        return None
    if verb.lemma_.lower() not in SPEECH_VERBS:
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and not in_quote(c)), None)
    if subj is None or cannot_speak(subj) or subj.lower_ in EXPLETIVES or subj.lower_ in RELATIVE_PRONOUNS:
        return None
    return subj


def one_statement(found: list, text: str = "", marks: list[tuple[int, int]] | None = None) -> list:
    """Reported speech holding a few quoted words is one statement: 'The minister said the plan was "deeply
    flawed"' gives one ``partial`` record whose content is the whole reported clause, with the quoted words
    kept in ``quoted``, not an indirect record and a partial one beside it. A quotation is folded into the
    clause only when it lies wholly inside it and hangs from the same cue (same cue start: "according to"
    spans two words, the quotation's cue one)."""
    absorbed: set[int] = set()
    for f in found:
        if f.kind != "indirect" or f.cue is None:
            continue
        inside = [g for g in found if g.kind in ("direct", "partial") and id(g) not in absorbed and g.cue is not None
                  and _same_statement(f, g) and f.content[0] <= g.content[0] and g.content[1] <= f.content[1]]
        if not inside:
            continue
        f.kind = "partial"
        f.quoted = [g.content for g in inside]
        if f.speaker_span is None and f.speaker_name is None:
            inherit(f, next((g for g in inside if g.speaker_name), inside[0]), cue=False)
        absorbed.update(id(g) for g in inside)
    for f in found:
        if f.kind == "indirect" and f.cue is not None and text:
            _join_running_quote(f, found, absorbed, text, marks or [])
    for f in found:  # a clause within it holding the same quoted words is the same statement read twice
        if f.quoted and id(f) not in absorbed:
            absorbed.update(id(g) for g in found if g is not f and g.kind == "indirect" and _same_statement(f, g)
                            and f.content[0] <= g.content[0] and g.content[1] <= f.content[1]
                            and any(g.content[0] <= a and b <= g.content[1] for a, b in f.quoted))
    return [f for f in found if id(f) not in absorbed]


def _join_running_quote(f, found: list, absorbed: set[int], text: str, marks: list[tuple[int, int]]) -> None:
    """ 'She said the council was "out of touch with the town. Nobody asked us."': the parse ends the reported
    clause inside the quotation (or right before its opening mark), and the quotation, of the same cue, runs on
    past it. Both are one statement: the clause reaches to the quotation's closing mark and holds its words."""
    a, b = f.content
    g = next((g for g in found if g.kind in ("direct", "partial") and id(g) not in absorbed and g.cue is not None
              and g.cue[0] == f.cue[0] and g.content[1] > b
              and (a <= g.content[0] < b or (a < g.content[0] and _only_marks(text[b:g.content[0]])))), None)
    if g is None:
        return
    if not any(c.isalnum() for c in text[a:g.content[0]]):
        absorbed.add(id(f))  # the clause is only the quotation's opening ("Lee: 'Be brave.'"): the quotation stays
        return
    end = g.content[1]
    mark = next(((x, y) for x, y in marks if x <= g.content[0] and end <= y), None)
    if mark is not None and not any(c.isalnum() for c in text[end:mark[1]]):
        end = mark[1]  # the closing mark belongs to the statement, as clause_bounds keeps it
    f.content = (a, end)
    f.clause = (f.clause[0], end) if f.clause else f.content
    f.kind = "partial"
    f.quoted = (f.quoted or []) + [g.content]
    absorbed.add(id(g))


def _only_marks(between: str) -> bool:
    """Nothing but space and opening quotation marks between a clause and a quotation."""
    return all(c.isspace() or c in "\"“‘'`„«" for c in between)


def _same_statement(f, g) -> bool:
    """Quoted words or a clause inside a reported clause are that statement's when they hang from its cue, or,
    for a fragment, from a word of the clause itself ("said he would not bow to "idle gossip"": the parse may
    take "bow" as their cue) or the same speaker's other verb ("agreed ... and said")."""
    if g.cue is None:
        return False
    if g.cue[0] == f.cue[0]:
        return True
    if g.kind == "direct":
        return False  # a whole quotation inside reported speech is its own statement ('told him: "..."')
    return f.content[0] <= g.cue[0] < f.content[1] or g.entity is not None and g.entity is f.entity


def clause_bounds(text: str, a: int, b: int, marks: list[tuple[int, int]], *, that: Token | None = None
                  ) -> tuple[int, int]:
    """A reported clause's characters without the complementiser "that" (``that``, its first token when
    the parse marks it so) and with the closing quotation mark of a quotation opened inside it
    ('the city "has done nothing wrong."', where the parse leaves the mark to the main clause)."""
    if that is not None and that.idx == a and that.idx + len(that) < b:
        rest = text[that.idx + len(that):b].lstrip()
        while rest[:1] in (",", ";"):  # "said that, in her view, the plan failed": the comma is no content
            rest = rest[1:].lstrip()
        a = b - len(rest)
    for start, end in marks:
        if a <= start < b < end and all(not c.isalnum() for c in text[b:end]) and "\n" not in text[b:end]:
            b = end
    return a, b
