"""The event ontologies and trigger dictionaries: tables load and agree, bad files fail with file:line."""

from __future__ import annotations

import pytest

from dateline.ontology._text import DictionaryFormatError
from dateline.ontology.events import PLOVER_TYPES, default_event_ontology, load_event_ontology
from dateline.ontology.verbs import default_verbs, load_petrarch_verbs, load_verbs


def test_sixteen_plover_types_with_their_modes():
    o = default_event_ontology()
    assert len(PLOVER_TYPES) == 16 and set(o.types) == set(PLOVER_TYPES)
    assert "visit" in o.modes("CONSULT") and "release" in o.modes("RETREAT")


def test_every_cameo_code_from_03_has_a_plover_type_and_a_score():
    o = default_event_ontology()
    for code, c in o.codes.items():
        assert -10 <= c.goldstein <= 10 and c.quad in range(5)
        if code[:2] not in ("01", "02"):
            assert o.plover_for(code) is not None, code
    assert o.plover_for("010") is None  # a statement alone is no PLOVER event
    assert o.plover_for("042").mode == "visit" and o.plover_for("0841").type == "RETREAT"
    assert o.cameo("19").root == "19" and o.plover_for("19").type == "ASSAULT"


def test_unknown_code_in_mapping_fails_with_its_line(tmp_path):
    plover = "type\tquad\tmodes\tdescription\nAGREE\tverbal cooperation\t\tagree\n"
    cameo = "code\tname\tgoldstein\tquad\n03\tExpress intent\t4\t1\n"
    mapping = "cameo\tplover\tmode\tcontext\n03\tAGREE\t\t\n999\tAGREE\t\t\n"
    with pytest.raises(DictionaryFormatError, match=":3"):
        load_event_ontology("p.tsv", "c.tsv", "m.tsv", texts=(plover, cameo, mapping))


def test_shipped_verbs_use_known_codes_and_types():
    o = default_event_ontology()
    lex = default_verbs()
    assert len(lex) > 300
    for p in lex:
        if p.cameo:
            assert o.is_cameo(p.cameo), p.id
        if p.plover:
            assert p.plover in PLOVER_TYPES, p.id


def test_a_verbs_file_with_an_unknown_flag_fails():
    text = ("id\tpos\tlemma\tprt\tprep\tobj\tcomp\tcameo\tplover\tmode\trecipient\tflags\tnote\n"
            "v.x\tverb\tmeet\t\t\t\t\t040\t\t\t\tsometimes\t\n")
    with pytest.raises(DictionaryFormatError, match="flag"):
        load_verbs("v.tsv", text=text)


PETRARCH_VERBS = """
&TIES
+MILITARY
+ECONOMIC

--- RESTORE  [064]  ---
RESTORE    # a comment
- * DIPLOMATIC  [064]
- * FXLL DIPLOMATIC  [+++]
- NOT * RELATIONS  [112]

--- MEET  [031:032]  ---
MEET
MET {MEETS}
- % HAVE * [191]
- * &TIES_TALKS [911]
"""


def test_petrarch_verbs_blocks_patterns_synsets_and_reverse_codes():
    lex = load_petrarch_verbs("x.verbs", text=PETRARCH_VERBS)
    assert lex.style == "petrarch" and lex.synsets["&TIES"] == (("MILITARY",), ("ECONOMIC",))
    restore = lex.lookup("restore")
    assert {p.cameo for p in restore} == {"064", "112"}  # "+++" is a placeholder, not a coding
    meet = lex.lookup("meet")[0]
    assert (meet.cameo, meet.reverse) == ("031", "032")
    assert lex.lookup("meets") and lex.lookup("met")
    compound = next(p for p in lex.lookup("meet") if p.before)
    assert [w.marker for w in compound.before] == ["%", ""] and compound.cameo == "191"
    joined = next(p for p in lex.lookup("meet") if p.after)
    assert joined.after[0].text == "&TIES" and joined.after[0].joined


def test_petrarch_validation_verbs_load(tmp_path):
    from conftest import shared_path

    lex = load_petrarch_verbs(shared_path("eval", "events", "petrarch2", "PETR.Validate.verbs.txt"))
    assert len(lex) > 500 and "&TIETYPES" in lex.synsets
