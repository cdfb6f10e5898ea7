from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _

from accounts.roles import ANALYST
from core.registry import Fragment, MenuEntry, registry
from privacy.export import export_section_register


class MatchingConfig(AppConfig):
    name = "matching"
    verbose_name = _("Matching")
    demo_seeders = [(80, "matching.demo.seed_matching")]

    def ready(self):
        # the panels' module imports models, which load after the app registry
        from .dashboard import PANEL

        registry.add_dashboard_panel(PANEL.key, PANEL)
        from . import signals  # signals import models, which load after the app registry
        from .export_section import matching_export  # (same reason)

        export_section_register("matching", matching_export)
        signals.connect()
        post_migrate.connect(_taxonomy_after_migrate, sender=self, dispatch_uid="matching_concepts_embed")
        registry.add_fragment(
            Fragment(slot="profiles.owner_links", template="matching/_profile_owner_link_slot.html")
        )
        registry.add_fragment(
            Fragment(slot="projects.owner_links", template="matching/_project_owner_link_slot.html")
        )
        # Skills typed in the forms are suggested from the taxonomy, in the reader's language.
        registry.add_fragment(
            Fragment(slot="profiles.skill_suggestions", template="matching/_skill_options_slot.html")
        )
        registry.add_fragment(Fragment(slot="home.sections", template="matching/_home_slot.html", order=10))
        taxonomy = [f"matching.{verb}_skillconcept" for verb in ("add", "change", "view")]
        registry.add_role_permissions(ANALYST, taxonomy)
        registry.add_audit_actions({"matching.synonym_add": _("Added a skill synonym to the taxonomy")})
        # the permissions module imports the models, which load after the app registry
        from .notifications import KINDS, matching_notification_words  # (same reason)
        from .permissions import may_manage_taxonomy

        for kind in KINDS:
            registry.add_notification_renderer(kind, matching_notification_words)

        registry.add_menu_entry(
            MenuEntry(
                key="matching",
                icon="sparkles",
                menu="community",
                label=_("Suggestions"),
                url_name="matching:hub",
                order=55,
                visible=lambda request: request.user.is_authenticated,
            )
        )
        registry.add_menu_entry(
            MenuEntry(
                key="matching.taxonomy",
                icon="tags",
                menu="staff",
                label=_("Unknown skill tags"),
                url_name="matching:taxonomy_queue",
                order=42,
                visible=lambda request: may_manage_taxonomy(request.user),
            )
        )


def _taxonomy_after_migrate(sender, using="default", verbosity=1, **kwargs):
    """The taxonomy after migrate and after flush (which empties the tables the data migrations
    filled, then sends post_migrate): an empty taxonomy is loaded again from the shipped file.

    Then its vectors: concepts added or renamed are embedded in one background task. Eager set-ups (the
    embedded defaults, no worker) embed them here, before migrate ends, about 350 short texts in a few
    seconds: a background thread would die with the command, and the demo's concepts kept no vector.
    Cheap when nothing is missing or when the setting MATCHING_EMBED_AT_MIGRATE is off (tests)."""
    # models (and tasks, which import them) load only once the app registry is ready
    from .models import SkillConcept
    from .tasks import concepts_embed_later
    from .taxonomy import concepts_embed_all, taxonomy_load

    if not SkillConcept.objects.using(using).exists():
        taxonomy_load()
    if not getattr(settings, "MATCHING_EMBED_AT_MIGRATE", True):
        return

    missing = SkillConcept.objects.using(using).filter(vector__isnull=True).count()
    if missing:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            concepts_embed_all()
        else:
            if verbosity:
                print(f"Matching: embedding {missing} skills taxonomy concepts in the background.")
            concepts_embed_later()
