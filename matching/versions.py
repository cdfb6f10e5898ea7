"""Version stamps shared by every process (through Django's cache) for matching's in-process caches.

A process keeps the taxonomy index and the candidate matrices in memory and rebuilds them when the
stamp it built them under is no longer the current one. A stamp is a random token, not a counter, so
that a cache flushed and started again never hands out a stamp a process has already seen.
"""

import uuid

from django.core.cache import cache

TAXONOMY = "taxonomy"
PROFILES = "profiles"
PROJECTS = "projects"


def _key(name: str) -> str:
    return f"matching:version:{name}"


def current(name: str) -> str:
    return cache.get_or_set(_key(name), lambda: uuid.uuid4().hex, timeout=None)


def bump(*names: str) -> None:
    for name in names:
        cache.set(_key(name), uuid.uuid4().hex, timeout=None)
