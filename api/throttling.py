"""Rate limits: per token for token callers, per user for web sessions, per address for visitors.

Rates are ``REST_FRAMEWORK["DEFAULT_THROTTLE_RATES"]`` under "api_token", "api_user" and "api_anon". A
refused request gets 429 with Retry-After and the common error body (api.errors), in the caller's language.
"""

from rest_framework.throttling import SimpleRateThrottle

from .models import ApiToken


class _Throttle(SimpleRateThrottle):
    def ident_of(self, request) -> str | None:  # pragma: no cover - overridden
        raise NotImplementedError

    def get_cache_key(self, request, view):
        ident = self.ident_of(request)
        if ident is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": ident}


class TokenThrottle(_Throttle):
    scope = "api_token"

    def ident_of(self, request):
        token = getattr(request, "auth", None)
        return str(token.pk) if isinstance(token, ApiToken) else None


class UserThrottle(_Throttle):
    scope = "api_user"

    def ident_of(self, request):
        if isinstance(getattr(request, "auth", None), ApiToken) or not request.user.is_authenticated:
            return None
        return str(request.user.pk)


class AnonThrottle(_Throttle):
    scope = "api_anon"

    def ident_of(self, request):
        return None if request.user.is_authenticated else self.get_ident(request)
