from django.apps import AppConfig, apps
from django.contrib.auth import get_user_model
from django.db.models.signals import m2m_changed, post_migrate
from django.utils.translation import gettext_lazy as _

from core.requestmemo import forget_kind

from .roles import ROLES_MEMO


def _roles_sync_after_migrate(sender, **kwargs):
    """Keep the role groups in step with roles.py after every ``migrate``.

    post_migrate is sent once per app, in INSTALLED_APPS order, and each app's permissions are
    created by its own send; so the sync waits for the last app, when every permission exists.
    """
    with_models = [config for config in apps.get_app_configs() if config.models_module is not None]
    if not with_models or sender.label != with_models[-1].label:
        return
    from .services import roles_sync  # services import models, which load after the app registry

    roles_sync()


def _roles_forget_on_change(sender, action, **kwargs):
    """A change of someone's groups during a request must not be answered from the request's memo."""
    if not action.startswith("post_"):
        return
    forget_kind(ROLES_MEMO)


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(_roles_sync_after_migrate, dispatch_uid="accounts.roles_sync")
        m2m_changed.connect(
            _roles_forget_on_change,
            sender=get_user_model().groups.through,
            dispatch_uid="accounts.roles_forget",
        )
