"""Facts that only exist across many skills: duplicate names, near-duplicate skills, descriptions alike enough that
an agent picks the wrong skill ("shadowing"), and the context a harness spends listing the whole library.

Each skill contributes a small :class:`Fingerprint`, computed in the worker that analysed it (its name, the size of
its name and description, the description's words, and MinHashes of those words and of SKILL.md). :func:`analyse`
then works on fingerprints only, with MinHash locality-sensitive hashing (datasketch) for candidate pairs, so a hub
of 100k skills is never compared pair by pair.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from msgspec import Struct, field

from .lazy_re import lazy
from .tokens import CJK, estimate_tokens

if TYPE_CHECKING:  # the library step reads fingerprints only: a warm scan never loads the model
    from .model import Skill

PERMUTATIONS = 64
SCHEME = "affine32"  # datasketch's hash scheme: 32-bit values, stored as little-endian uint32
SHINGLE_WORDS = 5
NEAR_DUPLICATE = 0.8  # estimated Jaccard of SKILL.md shingles
SHADOWING = 0.6  # tf-idf cosine of descriptions
SHADOWING_CANDIDATE = 0.3  # the LSH threshold that proposes description pairs to score (below SHADOWING, on purpose)
# Candidates that may fail the threshold per skill before its search stops. Bounds the work when thousands of texts
# share a template and fall just under the threshold: each would otherwise be compared with all the others.
MAX_CANDIDATES = 256

_CJK_CHARS = CJK.pattern.strip("[]")
# CJK runs apart from Latin words: "分析CSV文件" is 分析, csv, 文件
WORD = lazy(rf"[{_CJK_CHARS}]+|(?:(?![{_CJK_CHARS}])[^\W\d_])+(?:['-](?:(?![{_CJK_CHARS}])[^\W\d_])+)*|\d+")
# Words that say nothing about what a skill is for: their overlap must not make two descriptions look alike.
STOPWORDS = frozenset("""a an and are as at be by can do for from has have how i if in into is it its of on or our
so that the their them then this to use used uses using via was what when where which while who will with without you
your skill skills agent claude user users help helps tool tools task tasks""".split())


def available() -> bool:
    """Whether the hub extra (datasketch) is installed: without it a scan runs no library rules."""
    import importlib.util

    return importlib.util.find_spec("datasketch") is not None


class Fingerprint(Struct):
    path: str
    name: str | None
    context_chars: int  # what a harness loads per skill to choose among them: its name and description
    context_tokens: int
    words: tuple[str, ...]  # the description's content words (CJK as character pairs)
    minhash: bytes  # MinHash of SKILL.md's word shingles, PERMUTATIONS little-endian uint32 values
    words_minhash: bytes = b""  # MinHash of the description's content words (empty when it has none)
    skill_md: str | None = None
    lines: dict[str, int] = field(default_factory=dict)  # frontmatter key -> line, where diagnostics point


def description_words(text: str) -> list[str]:
    words: list[str] = []
    for word in WORD.findall(text.lower()):
        if CJK.search(word):  # no spaces between CJK words: overlapping character pairs stand in for words
            words.extend(word[i:i + 2] for i in range(max(1, len(word) - 1)))
        elif word not in STOPWORDS and len(word) > 1:
            words.append(word)
    return words


def _shingles(text: str) -> set[bytes]:
    words: list[str] = []
    for word in WORD.findall(text.lower()):
        words.extend(word) if CJK.search(word) else words.append(word)
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode()}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode() for i in range(len(words) - SHINGLE_WORDS + 1)}


def _minhash(items: Iterable[bytes]) -> Any:
    from datasketch import MinHash  # imported where used: the per-skill check never needs it

    digest = MinHash(num_perm=PERMUTATIONS, seed=1, scheme=SCHEME)
    digest.update_batch(list(items))
    return digest


def fingerprint(skill: Skill) -> Fingerprint:
    data = skill.frontmatter.data or {}
    description = data.get("description")
    description = description if isinstance(description, str) else ""
    words = description_words(description)
    listed = f"{skill.name or ''}{description}"
    return Fingerprint(skill.root, skill.name, len(listed), estimate_tokens(listed), tuple(words),
                       _minhash(_shingles(skill.skill_md_text)).hashvalues.astype("<u4").tobytes(),
                       _minhash(w.encode() for w in set(words)).hashvalues.astype("<u4").tobytes() if words else b"",
                       skill.skill_md_path, {k: skill.frontmatter.line_of(k) for k in ("name", "description")})


class Library(Struct):
    """What :func:`analyse` found; the library rules (``LB...``) turn it into diagnostics."""

    skills: int = 0
    prints: dict[str, Fingerprint] = field(default_factory=dict)
    duplicate_names: list[dict[str, Any]] = field(default_factory=list)  # {name, paths}
    near_duplicates: list[dict[str, Any]] = field(default_factory=list)  # {paths, similarity}
    shadowing: list[dict[str, Any]] = field(default_factory=list)  # {paths, score, pairs}
    context: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"skills": self.skills, "duplicate_names": self.duplicate_names,
                "near_duplicates": self.near_duplicates, "shadowing": self.shadowing, "context": self.context}


def analyse(fingerprints: Iterable[Fingerprint]) -> Library:
    import numpy as np

    prints = sorted(fingerprints, key=lambda f: f.path)
    library = Library(skills=len(prints), prints={f.path: f for f in prints})
    by_name: dict[str, list[str]] = defaultdict(list)
    for f in prints:
        if f.name:
            by_name[f.name.strip().lower()].append(f.path)
    library.duplicate_names = [{"name": name, "paths": paths} for name, paths in sorted(by_name.items())
                               if len(paths) > 1]

    # Near-duplicates: LSH on SKILL.md MinHashes proposes pairs; the MinHash estimate confirms them.
    hashes = _matrix([f.minhash for f in prints])
    every = np.ones(len(prints), dtype=bool)
    near_index = _BandIndex(hashes, every, NEAR_DUPLICATE)
    near = _star_clusters(len(prints), near_index.candidates, near_index.remove,
                          lambda i, j: _jaccard(hashes, i, j), NEAR_DUPLICATE)
    library.near_duplicates = [{"paths": [prints[i].path for i in (leader, *(j for j, _ in members))],
                                "similarity": round(min(s for _, s in members), 3)} for leader, members in near]
    copy_of = {j: leader for leader, members in near for j, _ in members} | {leader: leader for leader, _ in near}

    # Shadowing: descriptions whose content words overlap, scored by tf-idf cosine (rare shared words count most).
    frequency = Counter(word for f in prints for word in set(f.words))
    idf = {word: math.log((1 + len(prints)) / (1 + n)) + 1 for word, n in frequency.items()}
    # A cluster of near copies takes part through its leader alone: copies are LB002's, not shadowing.
    taking_part = np.array([bool(f.words_minhash) and copy_of.get(i, i) == i for i, f in enumerate(prints)],
                           dtype=bool)
    word_index = _BandIndex(_matrix([f.words_minhash for f in prints]), taking_part, SHADOWING_CANDIDATE)

    @lru_cache(maxsize=4096)  # vectors of the skills being compared, not of the whole library
    def vector(i: int) -> dict[str, float]:
        return _tfidf(prints[i].words, idf)

    alike = _star_clusters(len(prints), word_index.candidates, word_index.remove,
                           lambda i, j: _cosine(vector(i), vector(j)), SHADOWING)
    library.shadowing = [
        {"paths": [prints[i].path for i in (leader, *(j for j, _ in members))],
         "score": round(max(s for _, s in members), 3),
         "pairs": [{"a": prints[leader].path, "b": prints[j].path, "score": round(s, 3)} for j, s in members]}
        for leader, members in alike]
    library.shadowing.sort(key=lambda c: (-c["score"], c["paths"]))

    sizes = sorted(f.context_chars for f in prints)
    library.context = {"chars": sum(sizes), "tokens": sum(f.context_tokens for f in prints),
                       "median_chars": sizes[len(sizes) // 2] if sizes else 0, "max_chars": sizes[-1] if sizes else 0}
    return library


def _matrix(values: list[bytes]) -> Any:
    """MinHashes as one ``(skills, PERMUTATIONS)`` uint32 array; an empty MinHash is a row of zeros."""
    import numpy as np

    empty = bytes(4 * PERMUTATIONS)
    return np.frombuffer(b"".join(v or empty for v in values), dtype="<u4").reshape(len(values), PERMUTATIONS)


def _jaccard(hashes: Any, i: int, j: int) -> float:
    """The MinHash estimate of Jaccard similarity (datasketch's ``MinHash.jaccard``)."""
    return float((hashes[i] == hashes[j]).sum()) / PERMUTATIONS


# datasketch's optimal (bands, rows) for our thresholds at PERMUTATIONS values (MinHashLSH(threshold, num_perm).b
# and .r; tests/test_library.py checks them against it). Asking datasketch imports scipy, ~55 MB and ~0.35 s in the
# scanning parent, which needs nothing else of it.
LSH_BANDS = {(NEAR_DUPLICATE, PERMUTATIONS): (5, 11), (SHADOWING_CANDIDATE, PERMUTATIONS): (21, 3)}


def lsh_bands(threshold: float) -> tuple[int, int]:
    """The LSH banding (bands, rows per band) datasketch chooses for ``threshold``."""
    known = LSH_BANDS.get((threshold, PERMUTATIONS))
    if known is not None:
        return known
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=PERMUTATIONS)
    return lsh.b, lsh.r


class _BandIndex:
    """MinHash LSH with datasketch's banding for a threshold (its ``b`` bands of ``r`` values), the buckets kept as
    sorted arrays. datasketch's in-memory MinHashLSH keeps a set and a key per bucket and band: about 9 KB per skill
    at 21 bands, which made a hub scan's parent grow with the hub; these arrays take 8 bytes per skill and band. Two
    items are candidates when some band of theirs is equal, as in datasketch, so the candidate pairs are the same."""

    def __init__(self, hashes: Any, members: Any, threshold: float) -> None:
        import numpy as np

        bands, rows_per_band = lsh_bands(threshold)
        self.alive = members.copy()
        rows = np.flatnonzero(members)
        self.bands: list[tuple[Any, Any, Any]] = []  # (bucket of each item or -1, items by bucket, bucket starts)
        for band in range(bands):
            keys = np.ascontiguousarray(hashes[rows, band * rows_per_band:(band + 1) * rows_per_band])
            _, bucket = np.unique(keys.view(np.dtype((np.void, keys.shape[1] * 4))).ravel(), return_inverse=True)
            bucket = bucket.ravel().astype(np.int32)
            of_item = np.full(len(hashes), -1, dtype=np.int32)
            of_item[rows] = bucket
            order = rows[np.argsort(bucket, kind="stable")].astype(np.int32)
            starts = np.concatenate(([0], np.cumsum(np.bincount(bucket)))).astype(np.int32) if len(rows) else \
                np.zeros(1, dtype=np.int32)
            self.bands.append((of_item, order, starts))

    def candidates(self, i: int) -> list[int]:
        import numpy as np

        found = [order[starts[b]:starts[b + 1]] for of_item, order, starts in self.bands
                 if (b := of_item[i]) >= 0 and starts[b + 1] - starts[b] > 1]
        if not found:
            return []
        items = np.unique(np.concatenate(found))
        return items[self.alive[items]].tolist()

    def remove(self, i: int) -> None:
        self.alive[i] = False


def _tfidf(words: tuple[str, ...], idf: dict[str, float]) -> dict[str, float]:
    counts = Counter(words)
    vector = {w: n * idf[w] for w, n in counts.items()}
    norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
    return {w: v / norm for w, v in vector.items()}


def _cosine(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(w, 0.0) for w, v in a.items())


Cluster = tuple[int, list[tuple[int, float]]]  # (leader, [(member, score)])


def _star_clusters(count: int, candidates, remove, score, threshold: float) -> list[Cluster]:
    """Leader clustering: each unassigned item in turn takes the unassigned LSH candidates that score at least
    ``threshold`` as its members, and they leave the index. Linear in the library even when thousands of skills are
    copies of one another (connected components over all pairs would be quadratic there)."""
    assigned: set[int] = set()
    clusters: list[Cluster] = []
    for i in range(count):
        if i in assigned:
            continue
        members: list[tuple[int, float]] = []
        misses = 0
        for j in sorted(candidates(i)):
            if j == i or j in assigned:
                continue
            if (s := score(i, j)) >= threshold:
                members.append((j, s))
            elif (misses := misses + 1) >= MAX_CANDIDATES:
                break
        if members:
            for k in (i, *(j for j, _ in members)):
                assigned.add(k)
                remove(k)
            clusters.append((i, members))
    return clusters
