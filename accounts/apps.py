from django.apps import AppConfig, apps
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


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


class AccountsConfig(AppConfig):
    name = "accounts"
    verbose_name = _("Accounts")

    def ready(self):
        post_migrate.connect(_roles_sync_after_migrate, dispatch_uid="accounts.roles_sync")
