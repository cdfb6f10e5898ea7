"""Reads of API tokens."""

import hashlib

from .models import ApiToken


def digest_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def tokens_of(user):
    return ApiToken.objects.filter(user=user).order_by("-created_at", "-id")


def token_by_secret(secret: str) -> ApiToken | None:
    return ApiToken.objects.select_related("user").filter(digest=digest_of(secret)).first()
