"""Settings of the servers bench/load/run.py starts: production's, as behind docker/compose.yaml's proxy.

The proxy (nginx) is the peer of every request; it appends the client's address to X-Forwarded-For,
and allauth's per-address limits (30 sign-ins a minute per address) must count that address, not
the proxy's. Production's settings do not say so yet (ALLAUTH_TRUSTED_PROXY_COUNT is unset: behind
the proxy every member would share one budget of 30 sign-ins a minute); see bench/README.md, Load.
"""

from kafaat.settings.production import *  # noqa: F403

ALLAUTH_TRUSTED_PROXY_COUNT = 1
