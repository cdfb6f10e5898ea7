"""Which addresses a campaign may link to: the site itself and the hosts named in
OUTREACH_LINK_ALLOWED_HOSTS. The redirects only ever lead to an address stored for the campaign and
checked again here, so they cannot be used as an open redirect."""

from urllib.parse import urlsplit

from django.conf import settings


def site_url() -> str:
    return settings.SITE_URL.rstrip("/")


def allowed_hosts() -> set[str]:
    hosts = {urlsplit(site_url()).hostname or ""}
    hosts.update(host.lower() for host in getattr(settings, "OUTREACH_LINK_ALLOWED_HOSTS", ()))
    return {host for host in hosts if host}


def absolute(url: str) -> str:
    url = (url or "").strip()
    if url.startswith("/") and not url.startswith("//"):
        return site_url() + url
    return url


def is_allowed(url: str) -> bool:
    """An http(s) address on an allowed host (a path of the site counts as the site)."""
    parts = urlsplit(absolute(url))
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return False
    if parts.username or parts.password:
        return False
    return parts.hostname.lower() in allowed_hosts()
