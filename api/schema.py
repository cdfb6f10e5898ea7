"""Schema hooks: the document covers /api/v1/ only (Wagtail's admin API is not ours to publish)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension


def only_api(endpoints):
    return [endpoint for endpoint in endpoints if endpoint[0].startswith("/api/v1/")]


class BearerTokenScheme(OpenApiAuthenticationExtension):
    """``Authorization: Bearer <token>``: a personal token made in My account → API tokens."""

    target_class = "api.authentication.BearerTokenAuthentication"
    name = "personalToken"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": "A personal API token (My account → API tokens): scoped, expiring, revocable.",
        }
