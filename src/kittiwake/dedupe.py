"""Duplicate detection: exact copies by content hash, near copies by MinHash LSH.

A story is a cluster of articles: the first article seen opens it (its doc_id is the
story id), exact copies and near copies (syndicated re-posts, light rewrites) join it.

Texts are compared after normalisation: boilerplate lines dropped, lowercase, quotes,
dashes and whitespace normalised, and common country-name variants mapped to one name
("Russian Federation" -> "russia") so that spun rewrites still match. Shingles are word
n-grams taken within sentences, so reordering sentences does not change them.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

import numpy as np
import pycountry
from datasketch import LeanMinHash, MinHash, MinHashLSH

from kittiwake.clean import normalize_dashes, normalize_quotes, strip_boilerplate
from kittiwake.lang import CountryNames, load_words

DEFAULT_NUM_PERM = 128
DEFAULT_THRESHOLD = 0.5
DEFAULT_SHINGLE_WORDS = 3  # measured: spun rewrites keep J >= 0.62 at 3 words, 0.50 at 4, 0.39 at 5
# Words dropped before shingling: a rewrite that adds or drops an article must not matter.
IGNORED_WORDS = frozenset({"the", "a", "an"})

StoryKind = Literal["new", "exact", "near"]


@dataclass(frozen=True, slots=True)
class StoryAssignment:
    """Which story a document belongs to and whether it repeats an earlier one."""

    story_id: str
    duplicate_of: str | None
    kind: StoryKind
    similarity: float


@functools.cache
def country_table() -> Mapping[str, str]:
    """Variant -> canonical name (lowercase), from pycountry plus the name variants of
    the language data (`countries.yaml`)."""
    variants = load_words(CountryNames).name_variants
    pairs: dict[str, str] = {}
    for country in pycountry.countries:
        canonical = fold_accents(
            normalize_quotes(getattr(country, "common_name", None) or country.name)
        )
        for attribute in ("name", "official_name", "common_name"):
            variant = getattr(country, attribute, None)
            if variant:
                pairs.setdefault(fold_accents(normalize_quotes(variant)).lower(), canonical.lower())
    pairs.update(variants)
    # pycountry's own names may be variants themselves ("Russian Federation").
    return MappingProxyType(
        {variant: variants.get(target, target) for variant, target in pairs.items()}
    )


@functools.cache
def country_pattern() -> re.Pattern[str]:
    """One alternation of all variants, longest first so the longest name wins."""
    variants = sorted(country_table(), key=len, reverse=True)
    names = "|".join(re.escape(variant) for variant in variants)
    return re.compile(rf"(?<![\w.])(?:{names})(?!\w)")


def canonical_country(match: re.Match[str]) -> str:
    return country_table()[match.group(0)]


def normalize_countries(text: str) -> str:
    """Lowercase `text` with country-name variants replaced by one name each."""
    return country_pattern().sub(canonical_country, text.lower())


def fold_accents(text: str) -> str:
    """Latin letters without their accents ("Türkiye" -> "Turkiye")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalize_for_comparison(text: str) -> str:
    """Boilerplate-free, lowercase, accent-folded, quote/dash/whitespace-normalised text."""
    text = normalize_dashes(normalize_quotes(strip_boilerplate(text)))
    text = fold_accents(text).lower()
    return " ".join(text.split())


def content_hash(text: str) -> str:
    """SHA-1 of the normalised text: equal for copies that differ only in boilerplate,
    case, quotes or whitespace."""
    return hash_of(normalize_for_comparison(text))


def hash_of(normalized: str) -> str:
    """`content_hash` of a text already normalised (`normalize_for_comparison`)."""
    return hashlib.sha1(normalized.encode("utf-8")).hexdigest()


SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
TOKEN = re.compile(r"[\w'-]+")


def shingles(text: str, *, size: int = DEFAULT_SHINGLE_WORDS) -> set[str]:
    """Word n-grams of the normalised text, taken within sentences."""
    return shingles_of(normalize_for_comparison(text), size=size)


def shingles_of(normalized: str, *, size: int) -> set[str]:
    """`shingles` of a text already normalised (`normalize_for_comparison`)."""
    found: set[str] = set()
    for sentence in SENTENCE_BREAK.split(normalize_countries(normalized)):
        words = [word for word in TOKEN.findall(sentence) if word not in IGNORED_WORDS]
        if 0 < len(words) < size:
            found.add(" ".join(words))
        for index in range(len(words) - size + 1):
            found.add(" ".join(words[index : index + size]))
    return found


class StoryClusterer:
    """Assigns documents to stories; picklable so an ingest can persist and reload it."""

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        shingle_words: int = DEFAULT_SHINGLE_WORDS,
        seed: int = 1,
    ) -> None:
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self.seed = seed
        self.lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        self.signatures: dict[str, MinHash | LeanMinHash] = {}
        self.hashes: dict[str, str] = {}  # content hash -> first doc_id with it
        self.assignments: dict[str, StoryAssignment] = {}

    def minhash(self, normalized: str) -> MinHash:
        """The signature of a normalised text (`normalize_for_comparison`)."""
        signature = MinHash(num_perm=self.num_perm, seed=self.seed)
        # One vectorised update gives the same signature as one update per shingle, ~5x faster.
        found = shingles_of(normalized, size=self.shingle_words)
        signature.update_batch([s.encode("utf-8") for s in sorted(found)])
        return signature

    def assign(self, doc_id: str, text: str, *, normalized: str | None = None) -> StoryAssignment:
        """The story of `doc_id`; a doc_id seen before gets its earlier assignment.

        `normalized` is `normalize_for_comparison(text)` when the caller has it already
        (ingest hashes every input first): clean-up is the costly part of both steps.
        """
        if doc_id in self.assignments:
            return self.assignments[doc_id]
        if normalized is None:
            normalized = normalize_for_comparison(text)
        digest = hash_of(normalized)
        if digest in self.hashes:
            original = self.hashes[digest]
            story = self.assignments[original].story_id
            return self._remember(doc_id, StoryAssignment(story, original, "exact", 1.0))
        self.hashes[digest] = doc_id
        signature = self.minhash(normalized)
        assignment = self._nearest(doc_id, signature)
        self.signatures[doc_id] = signature
        self.lsh.insert(doc_id, signature)
        return self._remember(doc_id, assignment)

    def _nearest(self, doc_id: str, signature: MinHash) -> StoryAssignment:
        best_id, best_similarity = None, 0.0
        for candidate in sorted(self.lsh.query(signature)):
            similarity = signature.jaccard(self.signatures[candidate])
            if similarity > best_similarity:
                best_id, best_similarity = candidate, similarity
        if best_id is None or best_similarity < self.threshold:
            return StoryAssignment(doc_id, None, "new", best_similarity)
        story = self.assignments[best_id].story_id
        return StoryAssignment(story, best_id, "near", best_similarity)

    def _remember(self, doc_id: str, assignment: StoryAssignment) -> StoryAssignment:
        self.assignments[doc_id] = assignment
        return assignment

    def __len__(self) -> int:
        return len(self.assignments)

    @property
    def params(self) -> str:
        """The settings a stored signature must have been made with to be reused."""
        return (
            f"minhash num_perm={self.num_perm} seed={self.seed} scheme={self.scheme} "
            f"words={self.shingle_words}"
        )

    @functools.cached_property
    def scheme(self) -> str:
        """datasketch's permutation scheme: hash values are only comparable within one."""
        return str(MinHash(num_perm=self.num_perm, seed=self.seed).scheme)

    def signature_bytes(self, doc_id: str) -> bytes | None:
        """The signature of `doc_id` for storing (None for exact copies, which have none)."""
        signature = self.signatures.get(doc_id)
        return None if signature is None else signature.hashvalues.astype("<u8").tobytes()

    def restore(self, doc_id: str, *, content_hash: str, story_id: str, hashvalues: bytes) -> None:
        """Put back a stored article with the signature and story it was stored with."""
        if doc_id in self.assignments:
            return
        values = np.frombuffer(hashvalues, dtype="<u8")
        if len(values) != self.num_perm:
            raise ValueError(
                f"signature of {doc_id!r} has {len(values)} values, not {self.num_perm}"
            )
        signature = LeanMinHash(seed=self.seed, hashvalues=values, scheme=self.scheme)
        self.hashes.setdefault(content_hash, doc_id)
        self.signatures[doc_id] = signature
        self.lsh.insert(doc_id, signature)
        kind: StoryKind = "new" if story_id == doc_id else "near"
        self._remember(
            doc_id, StoryAssignment(story_id, None if kind == "new" else story_id, kind, 1.0)
        )

    @classmethod
    def from_texts(
        cls, documents: Iterable[tuple[str, str]], **options: float | int
    ) -> StoryClusterer:
        """A clusterer rebuilt from stored (doc_id, text) pairs, in the order given."""
        clusterer = cls(**options)  # type: ignore[arg-type]
        for doc_id, text in documents:
            clusterer.assign(doc_id, text)
        return clusterer
