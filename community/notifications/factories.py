import factory
from factory.django import DjangoModelFactory

from accounts.factories import UserFactory

from .models import Notification, NotificationPreference


class NotificationFactory(DjangoModelFactory):
    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    kind = "test"
    subject = factory.Sequence(lambda n: f"Notification {n}")
    body = "Corps du message"
    url = "/fr/community/labels/mine/"


class NotificationPreferenceFactory(DjangoModelFactory):
    class Meta:
        model = NotificationPreference
        django_get_or_create = ("user",)

    user = factory.SubFactory(UserFactory)
    email_mode = NotificationPreference.EmailMode.DAILY
