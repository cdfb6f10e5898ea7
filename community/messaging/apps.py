from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MessagingConfig(AppConfig):
    name = "community.messaging"
    label = "messaging"
    verbose_name = _("Messaging")
    demo_seeders = [(60, "community.messaging.demo.seed_conversations")]
