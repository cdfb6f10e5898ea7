from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

from accounts.roles import ANALYST
from core.registry import Fragment, registry


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")
    demo_seeders = [(80, "matching.demo.seed_matching")]

    def ready(self):
        from . import signals  # signals import models, which load after the app registry

        signals.connect()
        registry.add_fragment(
            Fragment(slot="profiles.owner_links", template="matching/_profile_owner_link_slot.html")
        )
        taxonomy = [f"matching.{verb}_skillconcept" for verb in ("add", "change", "view")]
        registry.add_role_permissions(ANALYST, taxonomy)
