"""MUC, B-cubed and CEAF-e on hand-computed cases, and their invariants."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kittiwake.coref_scores import b_cubed, ceaf_e, max_weight_matching, muc, score_all


def clustering(*clusters: str) -> dict[str, str]:
    """'abc', 'de' -> {a: 0, b: 0, c: 0, d: 1, e: 1}."""
    return {m: str(i) for i, cluster in enumerate(clusters) for m in cluster}


# key {a b c} {d e f g}; response {a b} {c d} {f g h i} (h, i: not in the key; e: not in the
# response). Hand-computed:
# MUC  R = ((3-2) + (4-3)) / (2+3) = 2/5;  P = ((2-1) + (2-2) + (4-3)) / (1+1+3) = 2/5
# B3   R = (2/3+2/3+1/3 + 1/4+1/4+2/4+2/4) / 7 = 19/42;  P = (1+1+1/2+1/2+2/4+2/4+1/4+1/4) / 8
# CEAF-e: phi(abc, ab) = 4/5, phi(defg, fghi) = 4/8 -> 1.3;  R = 1.3/2, P = 1.3/3
KEY = clustering("abc", "defg")
RESPONSE = clustering("ab", "cd", "fghi")


@pytest.mark.parametrize(
    ("metric", "recall", "precision"),
    [
        (muc, 2 / 5, 2 / 5),
        (b_cubed, 19 / 42, 4.5 / 8),
        (ceaf_e, 1.3 / 2, 1.3 / 3),
    ],
)
def test_hand_computed(metric, recall, precision):
    score = metric(KEY, RESPONSE)
    assert score.recall == pytest.approx(recall)
    assert score.precision == pytest.approx(precision)


@pytest.mark.parametrize(
    ("response", "muc_f1", "b3_f1", "ceafe_f1"),
    [
        # all in one cluster: MUC recall 1, precision (5-2)/4; B3 P = (9/5 + 4/5) / 5 = 13/25;
        # CEAF-e: best phi is 2*3/8 = 3/4, R = 3/8, P = 3/4
        (clustering("abcde"), 2 * 1 * 0.75 / 1.75, 2 * 1 * 13 / 25 / (1 + 13 / 25), 0.5),
        # all singletons: no links (MUC 0); B3 R = (3 * 1/3 + 2 * 1/2) / 5 = 2/5, P = 1;
        # CEAF-e: phi(abc, a) = 1/2 and phi(de, d) = 2/3; R = (7/6)/2, P = (7/6)/5
        (
            clustering(*"abcde"),
            0.0,
            2 * 0.4 / 1.4,
            2 * (7 / 12) * (7 / 30) / (7 / 12 + 7 / 30),
        ),
    ],
)
def test_extremes(response, muc_f1, b3_f1, ceafe_f1):
    scores = score_all(clustering("abc", "de"), response)
    assert scores.muc.f1 == pytest.approx(muc_f1)
    assert scores.b3.f1 == pytest.approx(b3_f1)
    assert scores.ceafe.f1 == pytest.approx(ceafe_f1)
    assert scores.conll_f1 == pytest.approx((muc_f1 + b3_f1 + ceafe_f1) / 3)


mentions = st.lists(st.sampled_from("abcdefghij"), min_size=1, unique=True)
labels = st.dictionaries(st.sampled_from("abcdefghij"), st.sampled_from("xyz"), min_size=1)


@given(labels)
def test_identical_clusterings_score_one(key):
    scores = score_all(key, dict(key))
    assert scores.b3.f1 == pytest.approx(1.0)
    assert scores.ceafe.f1 == pytest.approx(1.0)
    has_link = len(set(key.values())) < len(key)
    assert scores.muc.f1 == pytest.approx(1.0 if has_link else 0.0)


@given(labels, labels)
def test_scores_are_bounded_and_symmetric(key, response):
    forward, backward = score_all(key, response), score_all(response, key)
    for one, other in ((forward.muc, backward.muc), (forward.b3, backward.b3)):
        assert 0.0 <= one.recall <= 1.0 + 1e-9 and 0.0 <= one.precision <= 1.0 + 1e-9
        assert one.recall == pytest.approx(other.precision)
    assert forward.ceafe.recall == pytest.approx(backward.ceafe.precision)


@given(
    st.integers(1, 4).flatmap(
        lambda n: st.lists(
            st.lists(st.floats(0, 1), min_size=n, max_size=n), min_size=1, max_size=5
        )
    )
)
def test_matching_equals_brute_force(weights):
    rows, columns = len(weights), len(weights[0])
    if rows <= columns:
        best = max(
            sum(weights[i][j] for i, j in enumerate(perm))
            for perm in itertools.permutations(range(columns), rows)
        )
    else:
        best = max(
            sum(weights[i][j] for j, i in enumerate(perm))
            for perm in itertools.permutations(range(rows), columns)
        )
    assert max_weight_matching(weights) == pytest.approx(best)
