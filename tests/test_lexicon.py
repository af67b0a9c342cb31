"""One word list, one place: the lists in nlp/lexicon.py are not defined again beside an extractor."""

from __future__ import annotations

import ast
from pathlib import Path

import dateline.nlp.lexicon as lexicon

NLP = Path(lexicon.__file__).parent
SHARED = {name for name in vars(lexicon) if name.isupper()}


def test_no_extractor_defines_a_shared_list_again():
    for path in NLP.rglob("*.py"):
        if path == Path(lexicon.__file__):
            continue
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] \
                if isinstance(node, ast.AnnAssign) else []
            for t in targets:
                assert not (isinstance(t, ast.Name) and t.id in SHARED), \
                    f"{path.relative_to(NLP)}:{node.lineno} defines {t.id}; import it from nlp/lexicon.py"


def test_quotes_and_events_read_the_same_verbs_of_saying():
    from dateline.nlp import quotes
    from dateline.nlp.events import actors, appraisal, build, confidence, drafts

    assert quotes.SPEECH_VERBS is lexicon.SPEECH_VERBS
    for module in (appraisal, build, confidence, drafts):
        assert module.SPEECH_VERBS is lexicon.SPEECH_VERBS, module.__name__
    assert quotes.CUE_VERBS > lexicon.SPEECH_VERBS  # quotation cues add verbs that take no clause
    assert actors.PERSON_PRONOUNS is lexicon.PERSON_PRONOUNS


def test_the_lists_are_lower_case_words():
    """Extractors compare lower-case forms and lemmas; only spaCy's entity labels are upper case."""
    for name in SHARED:
        words = getattr(lexicon, name)
        case = str.upper if name.endswith("_LABELS") else str.lower
        assert words and all(w == case(w) and w.strip() == w for w in words), name
