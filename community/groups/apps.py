from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GroupsConfig(AppConfig):
    name = "community.groups"
    label = "community_groups"
    verbose_name = _("Groups")
