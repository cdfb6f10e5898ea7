"""Schema hooks: the document covers /api/v1/ only (Wagtail's admin API is not ours to publish)."""


def only_api(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]
