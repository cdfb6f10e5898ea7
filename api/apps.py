from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ApiConfig(AppConfig):
    name = "api"
    verbose_name = "API"

    def ready(self):
        # In ready(): the registry is filled once every app is loaded (Django's app registry).
        from core.registry import Fragment, registry

        from . import schema  # noqa: F401 (registers the bearer token scheme with drf-spectacular)

        # My account gets an "API tokens" section linking to the tokens page; privacy never names api.
        registry.add_fragment(
            Fragment(slot="privacy.account_sections", template="api/_account_section.html", order=40)
        )
        registry.add_audit_actions(
            {
                "api.staff_read": _("Read through the API"),
                "api.token_create": _("API token created"),
                "api.token_revoke": _("API token revoked"),
            }
        )
