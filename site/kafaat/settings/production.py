"""The scaled deployment: secrets and hosts must come from the environment."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = env("DJANGO_SECRET_KEY")  # noqa: F405  (no default: refuse to start without one)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Proxies in front of the app that append the client's address to X-Forwarded-For (the compose's nginx:
# one). Limits per address (allauth's sign-in and sign-up limits, the API's visitor throttle) read the
# hop the nearest proxy added; left at 0 behind a proxy, every visitor would share the proxy's address
# and one bucket (30 sign-ins a minute for the whole site). 0 when clients reach the app directly.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=1)  # noqa: F405
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXY_COUNT
REST_FRAMEWORK["NUM_PROXIES"] = TRUSTED_PROXY_COUNT  # noqa: F405
SECURE_SSL_REDIRECT = env.bool("DJANGO_SECURE_SSL_REDIRECT", default=True)  # noqa: F405
# Probes and the metrics scraper talk to the container directly, over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$", r"^metrics$"]
LOG_FORMAT = env("LOG_FORMAT", default="json")  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = LOG_FORMAT if LOG_FORMAT in ("text", "json") else "json"  # noqa: F405
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=31536000)  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
