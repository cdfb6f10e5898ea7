"""Signed tokens in the links of a campaign's email: unsubscribe, tracked click, campaign link, open.

Each is the ids it names and an HMAC (django.core.signing with a salt per use), so a link can be neither
guessed nor turned into another. They do not expire: an unsubscribe link must work as long as the email
exists.
"""

from django.core import signing

_SIGNERS = {}


def _signer(use: str) -> signing.Signer:
    if use not in _SIGNERS:
        _SIGNERS[use] = signing.Signer(salt=f"outreach.{use}")
    return _SIGNERS[use]


def make(use: str, *ids: int) -> str:
    return _signer(use).sign(".".join(str(int(i)) for i in ids))


def read(use: str, token: str, count: int) -> tuple[int, ...] | None:
    """The ids the token names, or None if it is not a valid token for this use."""
    try:
        value = _signer(use).unsign(token or "")
        ids = tuple(int(part) for part in value.split("."))
    except (signing.BadSignature, ValueError):
        return None
    return ids if len(ids) == count else None
