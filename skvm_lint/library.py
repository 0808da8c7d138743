"""Facts that only exist across many skills: duplicate names, near-duplicate skills, descriptions alike enough that
an agent picks the wrong skill ("shadowing"), and the context a harness spends listing the whole library.

Each skill contributes a small :class:`Fingerprint`, computed in the worker that analysed it (its name, the size of
its name and description, the description's words, and MinHashes of those words and of SKILL.md). :func:`analyse`
then works on fingerprints only, with MinHash locality-sensitive hashing (datasketch) for candidate pairs, so a hub
of 100k skills is never compared pair by pair.
"""

from __future__ import annotations

import itertools
import json
import math
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import msgspec
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
    data = skill.frontmatter.as_read
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

    prints: _StoredPrints  # by path, read from the store on demand
    skills: int = 0
    # Each an iterable read from the store one group at a time (a hub of copies has a group member per skill).
    duplicate_names: Iterable[dict[str, Any]] = ()  # {name, paths}
    near_duplicates: Iterable[dict[str, Any]] = ()  # {paths, similarity}
    shadowing: Iterable[dict[str, Any]] = ()  # {paths, score, pairs}
    context: dict[str, Any] = field(default_factory=dict)

    def fields(self) -> list[tuple[str, Any]]:
        """The facts in ``library.json``'s order, the groups still iterables (to be written as they are read)."""
        return [("skills", self.skills), ("duplicate_names", self.duplicate_names),
                ("near_duplicates", self.near_duplicates), ("shadowing", self.shadowing), ("context", self.context)]

    def most_context(self, count: int) -> list[Fingerprint]:
        """The ``count`` skills whose name and description take the most characters, longest first."""
        return self.prints.most_context(count)


# The store :func:`analyse` works in. ``prints`` holds each fingerprint in path order (``item`` is its rank), the
# columns the search reads apart from the rest; ``buckets`` is the LSH index (kind 0: SKILL.md MinHashes, kind 1:
# description MinHashes; a bucket is a band number and that band's values); ``df`` the document frequency of
# description words; ``clusters`` the groups found (a leader at position 0, its members after it, each with its
# score), ``cluster_scores`` each group's score (the least similarity of near copies, the highest of shadowing).
_SCHEMA = """
CREATE TABLE arrived (path TEXT NOT NULL, name_key TEXT, chars INTEGER NOT NULL, tokens INTEGER NOT NULL,
                      minhash BLOB NOT NULL, words_minhash BLOB NOT NULL, words TEXT NOT NULL, data BLOB NOT NULL);
CREATE TABLE prints (item INTEGER PRIMARY KEY, path TEXT NOT NULL, name_key TEXT, chars INTEGER NOT NULL,
                     tokens INTEGER NOT NULL, minhash BLOB NOT NULL, words_minhash BLOB NOT NULL, words TEXT NOT NULL,
                     data BLOB NOT NULL);
CREATE TABLE buckets (kind INTEGER NOT NULL, bucket BLOB NOT NULL, item INTEGER NOT NULL);
CREATE TABLE description_words (word TEXT NOT NULL);
CREATE TABLE df (word TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE clusters (kind INTEGER NOT NULL, cluster INTEGER NOT NULL, position INTEGER NOT NULL,
                       item INTEGER NOT NULL, score REAL, PRIMARY KEY (kind, cluster, position)) WITHOUT ROWID;
CREATE TABLE cluster_scores (kind INTEGER NOT NULL, cluster INTEGER NOT NULL, score REAL NOT NULL,
                             PRIMARY KEY (kind, cluster)) WITHOUT ROWID;
"""
NEAR, WORDS = 0, 1  # the two LSH indexes of ``buckets``


def analyse(fingerprints: Iterable[Fingerprint], store: str = "") -> Library:
    """The library facts of these skills. The fingerprints go to a SQLite database (``store``; by default a private
    temporary file, deleted with the :class:`Library`) and are read back as the search needs them, so the memory
    this takes does not grow with the library: a hub scan's parent stays flat at 100k skills."""
    db = sqlite3.connect(store)
    db.executescript(_SCHEMA)
    db.executemany("INSERT INTO arrived VALUES (?, ?, ?, ?, ?, ?, ?, ?)", (
        (f.path, f.name.strip().lower() if f.name else None, f.context_chars, f.context_tokens, f.minhash,
         f.words_minhash, " ".join(f.words), _ENCODE(f)) for f in fingerprints))
    db.execute("INSERT INTO prints SELECT row_number() OVER (ORDER BY path, rowid) - 1, * FROM arrived")
    db.execute("DROP TABLE arrived")
    count = db.execute("SELECT count(*) FROM prints").fetchone()[0]
    library = Library(_StoredPrints(db), skills=count)

    library.duplicate_names = _Stored(_duplicate_names, db)

    # Near-duplicates: LSH on SKILL.md MinHashes proposes pairs; the MinHash estimate confirms them.
    near_index = _BandIndex(db, NEAR, "minhash", count, NEAR_DUPLICATE,
                            db.execute("SELECT item, minhash FROM prints"))
    # A cluster of near copies takes part in shadowing through its leader alone: copies are LB002's.
    copies = bytearray(count)
    for leader, members in _star_clusters(count, near_index, lambda i, j: _jaccard(near_index.hashes(i),
                                                                                   near_index.hashes(j)),
                                          NEAR_DUPLICATE):
        _keep_cluster(db, NEAR, leader, members, round(min(s for _, s in members), 3))
        for j, _ in members:
            copies[j] = 1
    library.near_duplicates = _Stored(_near_duplicates, db)

    # Shadowing: descriptions whose content words overlap, scored by tf-idf cosine (rare shared words count most).
    db.executemany("INSERT INTO description_words VALUES (?)", (
        (word,) for (words,) in db.execute("SELECT words FROM prints") for word in set(words.split())))
    db.execute("INSERT INTO df SELECT word, count(*) FROM description_words GROUP BY word")
    db.execute("DROP TABLE description_words")
    word_index = _BandIndex(db, WORDS, "words_minhash", count, SHADOWING_CANDIDATE,
                            ((i, h) for i, h in db.execute("SELECT item, words_minhash FROM prints "
                                                          "WHERE words_minhash != x''") if not copies[i]))
    del copies

    @lru_cache(maxsize=4096)  # vectors of the skills being compared, not of the whole library
    def vector(i: int) -> dict[str, float]:
        words = db.execute("SELECT words FROM prints WHERE item = ?", (i,)).fetchone()[0].split()
        frequency = dict(db.execute("SELECT d.word, d.n FROM json_each(?) AS w JOIN df AS d ON d.word = w.value",
                                    (json.dumps(sorted(set(words))),)))
        return _tfidf(words, {w: math.log((1 + count) / (1 + n)) + 1 for w, n in frequency.items()})

    for leader, members in _star_clusters(count, word_index, lambda i, j: _cosine(vector(i), vector(j)), SHADOWING):
        _keep_cluster(db, WORDS, leader, members, round(max(s for _, s in members), 3))
    library.shadowing = _Stored(_shadowing, db)

    chars, tokens, longest = db.execute("SELECT total(chars), total(tokens), max(chars) FROM prints").fetchone()
    median = db.execute("SELECT chars FROM prints ORDER BY chars LIMIT 1 OFFSET ?", (count // 2,)).fetchone()
    library.context = {"chars": int(chars), "tokens": int(tokens), "median_chars": median[0] if median else 0,
                       "max_chars": longest or 0}
    return library


def _keep_cluster(db: sqlite3.Connection, kind: int, leader: int, members: list[tuple[int, float]],
                  score: float) -> None:
    db.execute("INSERT INTO cluster_scores VALUES (?, ?, ?)", (kind, leader, score))
    db.executemany("INSERT INTO clusters VALUES (?, ?, ?, ?, ?)",
                   [(kind, leader, 0, leader, None), *((kind, leader, n, j, s) for n, (j, s) in enumerate(members, 1))])


class _Stored:
    """A fact of the library read from the store each time it is iterated: ``read(db)`` yields its groups."""

    def __init__(self, read: Callable[[sqlite3.Connection], Iterator[dict[str, Any]]], db: sqlite3.Connection) -> None:
        self._read, self._db = read, db

    def __iter__(self) -> Iterator[dict[str, Any]]:
        return self._read(self._db)


def _duplicate_names(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    rows = db.execute("SELECT name_key, path FROM prints WHERE name_key IS NOT NULL ORDER BY name_key, item")
    for name, group in itertools.groupby(rows, key=lambda row: row[0]):
        if len(paths := [path for _, path in group]) > 1:
            yield {"name": name, "paths": paths}


def _clusters(db: sqlite3.Connection, kind: int) -> Iterator[tuple[float, list[tuple[str, float]]]]:
    """The clusters of ``kind`` (leader first, then members with their scores): near copies in their leaders'
    order, descriptions alike by score, then by leader."""
    order = "s.cluster" if kind == NEAR else "s.score DESC, (SELECT path FROM prints WHERE item = s.cluster), s.cluster"
    rows = db.execute("SELECT s.cluster, s.score, p.path, c.score FROM cluster_scores AS s JOIN clusters AS c ON "
                      "c.kind = s.kind AND c.cluster = s.cluster JOIN prints AS p ON p.item = c.item "
                      f"WHERE s.kind = ? ORDER BY {order}, c.position", (kind,))
    for _, group in itertools.groupby(rows, key=lambda row: row[0]):
        members = [(path, score, cluster_score) for _, cluster_score, path, score in group]
        yield members[0][2], [(path, score) for path, score, _ in members]


def _near_duplicates(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for similarity, members in _clusters(db, NEAR):
        yield {"paths": [path for path, _ in members], "similarity": similarity}


def _shadowing(db: sqlite3.Connection) -> Iterator[dict[str, Any]]:
    for score, members in _clusters(db, WORDS):
        leader = members[0][0]
        yield {"paths": [path for path, _ in members], "score": score,
               "pairs": [{"a": leader, "b": path, "score": round(s, 3)} for path, s in members[1:]]}


_ENCODE = msgspec.msgpack.Encoder().encode
_DECODE = msgspec.msgpack.Decoder(Fingerprint).decode


class _StoredPrints(Mapping[str, Fingerprint]):
    """The fingerprints of an analysis by path, decoded from its store when asked for."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._db = db
        db.execute("CREATE INDEX prints_by_path ON prints (path)")

    def __getitem__(self, path: str) -> Fingerprint:
        row = self._db.execute("SELECT data FROM prints WHERE path = ? ORDER BY item DESC", (path,)).fetchone()
        if row is None:
            raise KeyError(path)
        return _DECODE(row[0])

    def __iter__(self) -> Iterator[str]:
        return (path for (path,) in self._db.execute("SELECT DISTINCT path FROM prints ORDER BY path"))

    def __len__(self) -> int:
        return self._db.execute("SELECT count(DISTINCT path) FROM prints").fetchone()[0]

    def most_context(self, count: int) -> list[Fingerprint]:
        return [_DECODE(data) for (data,) in self._db.execute(
            "SELECT data FROM prints ORDER BY chars DESC, path LIMIT ?", (count,))]


def _jaccard(a: bytes, b: bytes) -> float:
    """The MinHash estimate of Jaccard similarity (datasketch's ``MinHash.jaccard``): the share of equal values."""
    return sum(x == y for x, y in zip(memoryview(a).cast("I"), memoryview(b).cast("I"))) / PERMUTATIONS


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
    """MinHash LSH with datasketch's banding for a threshold (its ``b`` bands of ``r`` values), the buckets kept in
    the store's ``buckets`` table: two items are candidates when some band of theirs is equal, as in datasketch, so
    the candidate pairs are the same. In memory: two bytes per skill."""

    def __init__(self, db: sqlite3.Connection, kind: int, column: str, count: int, threshold: float,
                 members: Iterable[tuple[int, bytes]]) -> None:
        self.db, self.kind, self.column = db, kind, column
        self.bands, rows = lsh_bands(threshold)
        self.width = 4 * rows
        self.alive = bytearray(count)
        rows_of = ((kind, bucket, item) for item, hashes in members for bucket in self._buckets(hashes))

        def marked(rows: Iterable[tuple[int, bytes, int]]) -> Iterator[tuple[int, bytes, int]]:
            for row in rows:
                self.alive[row[2]] = 1
                yield row
        db.executemany("INSERT INTO buckets VALUES (?, ?, ?)", marked(rows_of))
        db.execute(f"CREATE INDEX IF NOT EXISTS buckets_{kind} ON buckets (bucket, item) WHERE kind = {kind}")
        self.shares = bytearray(count)  # whether an item shares a bucket with another: most skills do not
        for (item,) in db.execute(f"SELECT DISTINCT item FROM buckets WHERE kind = {kind} AND bucket IN (SELECT "
                                  f"bucket FROM buckets WHERE kind = {kind} GROUP BY bucket HAVING count(*) > 1)"):
            self.shares[item] = 1

    def _buckets(self, hashes: bytes) -> list[bytes]:
        width = self.width
        return [bytes((band,)) + hashes[band * width:(band + 1) * width] for band in range(self.bands)]

    def hashes(self, item: int) -> bytes:
        return self.db.execute(f"SELECT {self.column} FROM prints WHERE item = ?", (item,)).fetchone()[0]

    def candidates(self, item: int) -> list[int]:
        if not (self.alive[item] and self.shares[item]):
            return []
        buckets = self._buckets(self.hashes(item))
        found = self.db.execute(f"SELECT DISTINCT item FROM buckets WHERE kind = {self.kind} AND bucket IN "
                                f"({', '.join('?' * len(buckets))})", buckets)
        return sorted(j for (j,) in found if self.alive[j])

    def remove(self, item: int) -> None:
        self.alive[item] = 0


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


def _star_clusters(count: int, index: _BandIndex, score: Callable[[int, int], float],
                   threshold: float) -> Iterator[Cluster]:
    """Leader clustering: each item still in the index in turn takes the LSH candidates still there that score at
    least ``threshold`` as its members, and they leave the index. Linear in the library even when thousands of
    skills are copies of one another (connected components over all pairs would be quadratic there). Yields each
    cluster as it is found."""
    for i in range(count):
        if not index.alive[i]:
            continue
        members: list[tuple[int, float]] = []
        misses = 0
        for j in index.candidates(i):
            if j == i:
                continue
            if (s := score(i, j)) >= threshold:
                members.append((j, s))
            elif (misses := misses + 1) >= MAX_CANDIDATES:
                break
        if members:
            for k in (i, *(j for j, _ in members)):
                index.remove(k)
            yield i, members
