"""Coreference scores for clusterings of mentions: MUC, B-cubed, CEAF-e and CoNLL F1.

Both clusterings are mappings of mention id -> cluster id. A mention in one but not the other
counts as a singleton on the side that lacks it, as the CoNLL-2012 scorer does for MUC and
B-cubed when mentions are shared. Definitions:

- MUC (Vilain et al. 1995): links; recall = sum(|K| - |p(K)|) / sum(|K| - 1) over key
  clusters K, p(K) the parts that the response cuts K into; precision swaps the two.
- B-cubed (Bagga & Baldwin 1998): per mention, |K(m) & R(m)| / |R(m)| and / |K(m)|, averaged.
- CEAF-e (Luo 2005): the one-to-one alignment of key and response clusters maximising the sum
  of phi4 = 2|K & R| / (|K| + |R|); recall divides it by the number of key clusters, precision
  by the number of response clusters.
- CoNLL F1: the mean of the three F1 values.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Score:
    recall: float
    precision: float

    @property
    def f1(self) -> float:
        total = self.recall + self.precision
        return 2 * self.recall * self.precision / total if total else 0.0


@dataclass(frozen=True, slots=True)
class Scores:
    muc: Score
    b3: Score
    ceafe: Score

    @property
    def conll_f1(self) -> float:
        return (self.muc.f1 + self.b3.f1 + self.ceafe.f1) / 3


Clustering = Mapping[str, str]


def groups(clustering: Clustering) -> list[frozenset[str]]:
    """The clusters of a clustering as sets of mention ids, in a fixed order."""
    found: dict[str, set[str]] = {}
    for mention, cluster in clustering.items():
        found.setdefault(cluster, set()).add(mention)
    return [frozenset(found[cluster]) for cluster in sorted(found)]


def _muc_recall(key: Clustering, response: Clustering) -> float:
    numerator = denominator = 0
    for cluster in groups(key):
        parts = {response.get(m, f"\0{m}") for m in cluster}  # unseen mention: its own part
        numerator += len(cluster) - len(parts)
        denominator += len(cluster) - 1
    return numerator / denominator if denominator else 0.0


def muc(key: Clustering, response: Clustering) -> Score:
    return Score(_muc_recall(key, response), _muc_recall(response, key))


def _b3_recall(key: Clustering, response: Clustering) -> float:
    if not key:
        return 0.0
    sizes: dict[str, int] = {}
    for cluster in key.values():
        sizes[cluster] = sizes.get(cluster, 0) + 1
    overlap: dict[tuple[str, str], int] = {}
    for mention, cluster in key.items():
        pair = (cluster, response.get(mention, f"\0{mention}"))
        overlap[pair] = overlap.get(pair, 0) + 1
    # each mention of a (key, response) overlap scores overlap / |key cluster|
    total = sum(count * count / sizes[k] for (k, _), count in overlap.items())
    return total / len(key)


def b_cubed(key: Clustering, response: Clustering) -> Score:
    return Score(_b3_recall(key, response), _b3_recall(response, key))


def ceaf_e(key: Clustering, response: Clustering) -> Score:
    keys, responses = groups(key), groups(response)
    if not keys or not responses:
        return Score(0.0, 0.0)
    similarity = _best_alignment(keys, responses)
    return Score(similarity / len(keys), similarity / len(responses))


def score_all(key: Clustering, response: Clustering) -> Scores:
    return Scores(muc=muc(key, response), b3=b_cubed(key, response), ceafe=ceaf_e(key, response))


def _phi4(k: frozenset[str], r: frozenset[str]) -> float:
    return 2 * len(k & r) / (len(k) + len(r))


def _best_alignment(keys: list[frozenset[str]], responses: list[frozenset[str]]) -> float:
    """Sum of phi4 over the best one-to-one alignment.

    Only clusters that share mentions have phi4 > 0, so the bipartite graph falls into
    connected components, each aligned on its own with the Hungarian method.
    """
    owner = {m: j for j, cluster in enumerate(responses) for m in cluster}
    edges = [{owner[m] for m in cluster if m in owner} for cluster in keys]
    parent = list(range(len(keys) + len(responses)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, linked in enumerate(edges):
        for j in linked:
            parent[find(i)] = find(len(keys) + j)
    components: dict[int, tuple[list[int], list[int]]] = {}
    for i, linked in enumerate(edges):
        if linked:
            components.setdefault(find(i), ([], []))[0].append(i)
    for j in range(len(responses)):
        root = find(len(keys) + j)
        if root in components:
            components[root][1].append(j)
    total = 0.0
    for rows, columns in components.values():
        matrix = [[_phi4(keys[i], responses[j]) for j in columns] for i in rows]
        total += max_weight_matching(matrix)
    return total


def max_weight_matching(weights: Sequence[Sequence[float]]) -> float:
    """The largest sum of weights of a one-to-one matching of rows to columns (Hungarian)."""
    if not weights or not weights[0]:
        return 0.0
    transpose = len(weights) > len(weights[0])
    rows = (
        [list(r) for r in zip(*weights, strict=True)] if transpose else [list(r) for r in weights]
    )
    n, m = len(rows), len(rows[0])
    inf = float("inf")
    # potentials u (rows), v (columns); match[j] = row matched to column j (1-based, 0 = none)
    u, v, match, way = [0.0] * (n + 1), [0.0] * (m + 1), [0] * (m + 1), [0] * (m + 1)
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        low, used = [inf] * (m + 1), [False] * (m + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            for j in range(1, m + 1):
                if not used[j]:
                    current = -rows[i0 - 1][j - 1] - u[i0] - v[j]  # cost = -weight
                    if current < low[j]:
                        low[j], way[j] = current, j0
                    if low[j] < delta:
                        delta, j1 = low[j], j
            for j in range(m + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    low[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    return sum(rows[match[j] - 1][j - 1] for j in range(1, m + 1) if match[j])
