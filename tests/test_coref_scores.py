"""The coreference scorer against cases worked by hand from the published definitions."""

import itertools
import random

import pytest

from dateline.evals.coref_scores import b_cubed, ceaf_e, coref_scores, hungarian_max, muc

# The worked example of Pradhan et al. (2014, "Scoring coreference partitions of predicted mentions"):
# two key entities, three response entities, h and i are mentions the key does not have.
KEY = [{"a", "b", "c"}, {"d", "e", "f", "g"}]
RESPONSE = [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}]


def test_muc_worked_example():
    # recall: {a,b,c} splits into 2 parts (1 link kept of 2), {d,e,f,g} into 3 (1 of 3) -> 2/5
    # precision: {a,b} 1 of 1, {c,d} 0 of 1, {f,g,h,i} splits into {f,g},{h},{i}: 1 of 3 -> 2/5
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 5)
    assert s.precision == pytest.approx(2 / 5)
    assert s.f1 == pytest.approx(2 / 5)


def test_b_cubed_worked_example():
    # recall: (2^2+1^2)/3 + (1^2+2^2)/4 over 7 key mentions = 5/12
    # precision: 2^2/2 + (1+1)/2 + 2^2/4 over 8 response mentions = 1/2
    s = b_cubed(KEY, RESPONSE)
    assert s.recall == pytest.approx(5 / 12)
    assert s.precision == pytest.approx(1 / 2)


def test_ceaf_e_worked_example():
    # phi4: {abc}-{ab} 4/5, {abc}-{cd} 2/5, {defg}-{cd} 1/3, {defg}-{fghi} 1/2; best one-to-one 4/5 + 1/2
    s = ceaf_e(KEY, RESPONSE)
    assert s.recall == pytest.approx(1.3 / 2)
    assert s.precision == pytest.approx(1.3 / 3)


def test_conll_is_the_mean_of_the_three_f1s():
    out = coref_scores(KEY, RESPONSE)
    mean = (out["muc_f1"] + out["b3_f1"] + out["ceaf_e_f1"]) / 3
    assert out["conll_f1"] == pytest.approx(mean)
    assert out["muc_p"] == pytest.approx(0.4)


def test_identical_partitions_score_one():
    key = [{1, 2, 3}, {4, 5}, {6}, {7}]
    out = coref_scores(key, [set(c) for c in reversed(key)])
    for name in ("muc_f1", "b3_f1", "ceaf_e_f1", "conll_f1"):
        assert out[name] == pytest.approx(1.0)


def test_identical_singletons_get_no_muc_credit():
    # MUC counts links; with no links on either side both ratios are 0/0, which the reference scorer scores 0
    key = [{1}, {2}, {3}]
    out = coref_scores(key, key)
    assert out["muc_f1"] == 0.0
    assert out["b3_f1"] == pytest.approx(1.0)
    assert out["ceaf_e_f1"] == pytest.approx(1.0)
    assert out["conll_f1"] == pytest.approx(2 / 3)


def test_all_in_one_against_all_singletons():
    n = 4
    singletons = [{i} for i in range(n)]
    one = [set(range(n))]
    # response lumps everything: B3 recall 1, precision 1/n; CEAF-e best pair 2/(n+1)
    out = coref_scores(singletons, one)
    assert out["muc_f1"] == 0.0
    assert out["b3_r"] == pytest.approx(1.0)
    assert out["b3_p"] == pytest.approx(1 / n)
    assert out["ceaf_e_r"] == pytest.approx(2 / (n + 1) / n)
    assert out["ceaf_e_p"] == pytest.approx(2 / (n + 1))
    # and the other way round: precision and recall swap
    back = coref_scores(one, singletons)
    assert back["muc_f1"] == 0.0
    assert back["b3_p"] == pytest.approx(1.0)
    assert back["b3_r"] == pytest.approx(1 / n)
    assert back["ceaf_e_p"] == pytest.approx(out["ceaf_e_r"])


def test_twinless_mentions():
    # a is found, b is missed, c is spurious
    out = coref_scores([{"a", "b"}], [{"a", "c"}])
    assert out["muc_f1"] == 0.0
    assert out["b3_r"] == pytest.approx(0.25) and out["b3_p"] == pytest.approx(0.25)
    assert out["ceaf_e_f1"] == pytest.approx(0.5)


def test_a_mention_in_two_clusters_is_an_error():
    with pytest.raises(ValueError, match="two clusters"):
        muc([{1, 2}, {2, 3}], [{1, 2, 3}])


def test_empty_clusters_are_ignored_and_nothing_scores_zero():
    assert coref_scores([], [])["conll_f1"] == 0.0
    assert coref_scores([{1, 2}, set()], [{1, 2}])["conll_f1"] == pytest.approx(1.0)


def _brute_force(weights):
    rows, cols = len(weights), len(weights[0])
    if rows <= cols:
        return max(sum(weights[i][p[i]] for i in range(rows)) for p in itertools.permutations(range(cols), rows))
    return max(sum(weights[p[j]][j] for j in range(cols)) for p in itertools.permutations(range(rows), cols))


@pytest.mark.parametrize("seed", range(30))
def test_hungarian_matches_brute_force(seed):
    rng = random.Random(seed)
    rows, cols = rng.randint(1, 6), rng.randint(1, 6)
    weights = [[rng.choice([0.0, 0.0, rng.random()]) for _ in range(cols)] for _ in range(rows)]
    assert hungarian_max(weights) == pytest.approx(_brute_force(weights))


def test_ceaf_splitting_into_groups_keeps_the_optimum():
    # two separate groups each needing a real assignment (the greedy pick would be wrong in the first)
    key = [{1, 2, 3}, {4}, {10, 11}, {12, 13}]
    resp = [{1, 2, 4}, {3}, {10, 12}, {11, 13}]
    phi = [[2 * len(k & r) / (len(k) + len(r)) for r in resp] for k in key]
    assert ceaf_e(key, resp).recall == pytest.approx(_brute_force(phi) / 4)
