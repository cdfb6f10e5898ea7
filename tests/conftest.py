import pytest

from django.core.cache import cache


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _fresh_cache():
    """A test's rolled-back data must not live on in the cache (Wagtail caches site root paths there)."""
    cache.clear()
    yield
    cache.clear()
