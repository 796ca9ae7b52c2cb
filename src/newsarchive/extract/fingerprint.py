"""Fingerprints of a body: an exact hash for "unchanged" and a simhash for near-duplicates."""

from __future__ import annotations

import hashlib
import re

import numpy as np

_WORD = re.compile(r"\w+")
_SHINGLE = 3


def normalised(text: str) -> str:
    """Case and spacing do not make a different article."""
    return " ".join(text.casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalised(text).encode("utf-8")).hexdigest()


def simhash(text: str) -> int:
    """64-bit simhash over word 3-shingles, returned as a signed int64 (Postgres has no uint64).

    Two syndicated copies with a changed sentence or two differ in a few bits; unrelated
    articles differ in about half. Features are hashed with BLAKE2b, not Python's salted hash(),
    so values are stable across processes and runs.
    """
    words = _WORD.findall(text.casefold())
    if not words:
        return 0
    size = min(_SHINGLE, len(words))
    features = [" ".join(words[i : i + size]) for i in range(len(words) - size + 1)]
    digests = b"".join(hashlib.blake2b(f.encode("utf-8"), digest_size=8).digest() for f in features)
    bits = np.unpackbits(np.frombuffer(digests, dtype=np.uint8).reshape(-1, 8), axis=1)
    votes = bits.astype(np.int64).sum(axis=0) * 2 - len(features)
    value = 0
    for bit in votes > 0:
        value = (value << 1) | int(bit)
    return value - (1 << 64) if value >= (1 << 63) else value
