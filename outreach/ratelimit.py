"""Sending budgets per hour, over all campaigns and per recipient domain, counted in the cache (Redis in
the scaled deployment, so every worker shares them)."""

import contextlib
import time

from django.conf import settings
from django.core.cache import cache

WINDOW = 3600


def per_hour() -> int:
    return int(getattr(settings, "OUTREACH_RATE_PER_HOUR", 20000))


def per_domain_per_hour() -> int:
    return int(getattr(settings, "OUTREACH_RATE_PER_DOMAIN_PER_HOUR", 5000))


def window_end(now: float | None = None) -> float:
    now = time.time() if now is None else now
    return (int(now // WINDOW) + 1) * WINDOW


def _take(key: str, limit: int, amount: int = 1) -> int:
    """Take up to ``amount`` from the budget of ``key`` in this window; returns how many were granted."""
    if limit <= 0 or amount <= 0:
        return 0
    bucket = f"outreach:rate:{key}:{int(time.time() // WINDOW)}"
    cache.add(bucket, 0, timeout=WINDOW + 60)
    used = cache.incr(bucket, amount)
    if used is None:  # the shared counter is away (Redis restarting): send nothing until it is back
        return 0
    granted = max(0, min(amount, limit - (used - amount)))
    if granted < amount:
        cache.decr(bucket, amount - granted)
    return granted


def take_global(amount: int) -> int:
    return _take("all", per_hour(), amount)


def give_back_global(amount: int) -> None:
    if amount > 0:
        bucket = f"outreach:rate:all:{int(time.time() // WINDOW)}"
        with contextlib.suppress(ValueError):  # the window turned: nothing to give back
            cache.decr(bucket, amount)


def take_domain(domain: str) -> bool:
    return _take(f"domain:{domain}", per_domain_per_hour()) == 1
