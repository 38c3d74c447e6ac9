"""Near-duplicates: a wire copy or a lightly edited update of an article seen before.

A text's signature is a MinHash over its word shingles (lowercased words, punctuation dropped);
an LSH index finds the earlier texts whose signatures agree in enough places, and the one most
alike is kept when the estimated Jaccard similarity of the two shingle sets reaches the threshold.
Signatures are plain text (hex), so that a store keeps them and a later run rebuilds the index.
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
from datasketch import MinHash, MinHashLSH

SHINGLE_WORDS = 3
NUM_PERM = 128
HASHING = "affine32"
SCHEME = f"minhash-{HASHING}-{NUM_PERM}-w{SHINGLE_WORDS}"
"""Names how a signature was made; a store keeps it beside each signature, so that signatures made
otherwise are never compared with these."""
THRESHOLD = 0.5
"""The estimated Jaccard similarity from which a text is a near-duplicate. On the hand-labelled pairs
of benchmarks/near_duplicates.py 0.3 has the best F1 (0.99), but only 0.05 above another article that
reuses a first paragraph, and it links a wire copy cut to its first paragraph, whose fuller version
would then never be analysed when the short one came first. 0.5 keeps precision 1.0 with recall 0.83,
and every pair it misses is such a cut copy: a false link loses an analysis, a missed one costs only time."""
LSH_MAX_THRESHOLD = 0.9
"""The highest threshold MinHashLSH can band for (it needs two bands); candidates are checked at the real one."""
WORD = re.compile(r"\w+")


@cache
def _template() -> MinHash:
    """An empty MinHash whose permutations every signature shares (drawing them is the costly part)."""
    return MinHash(num_perm=NUM_PERM, scheme=HASHING)


def shingles(text: str) -> set[bytes]:
    """The text's runs of SHINGLE_WORDS words, lowercased (the whole text when it is shorter)."""
    words = WORD.findall(text.lower())
    runs = range(max(1, len(words) - SHINGLE_WORDS + 1))
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8") for i in runs}


def signature(text: str) -> np.ndarray:
    """The MinHash signature of a text's shingles."""
    template = _template()
    minhash = MinHash(num_perm=NUM_PERM, scheme=HASHING, permutations=template.permutations)
    minhash.update_batch(list(shingles(text)))
    return minhash.hashvalues


def encode(values: np.ndarray) -> str:
    """A signature as hex text, as a store keeps it."""
    return values.astype("<u4").tobytes().hex()


def decode(text: str) -> np.ndarray:
    """The signature that `encode` wrote."""
    return np.frombuffer(bytes.fromhex(text), dtype="<u4").astype(np.uint32)


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """The Jaccard similarity of two shingle sets, as their signatures estimate it."""
    return float(np.mean(a == b))


class NearDuplicateIndex:
    """The signatures of the texts seen so far, each under a key (the content hash of its article)."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        self.lsh = MinHashLSH(threshold=min(threshold, LSH_MAX_THRESHOLD), num_perm=NUM_PERM)
        self.signatures: dict[str, np.ndarray] = {}

    def add(self, key: str, values: np.ndarray) -> None:
        """Index a signature under `key` (a key already indexed is left as it is)."""
        if key not in self.signatures:
            self.signatures[key] = values
            self.lsh.insert(key, MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=HASHING))

    def match(self, values: np.ndarray) -> tuple[str, float] | None:
        """The key of the indexed text most like this signature, and how alike, when it reaches the threshold."""
        candidates = self.lsh.query(MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=HASHING))
        scored = [(similarity(values, self.signatures[key]), key) for key in candidates]
        best = max(scored, default=None)
        return (best[1], best[0]) if best and best[0] >= self.threshold else None
