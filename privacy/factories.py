import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from accounts.factories import UserFactory

from .models import ConsentPurpose, ConsentRecord, ConsentSource, NoticeAcceptance, PrivacyNotice
from .services import consent_in_force_keep


class PrivacyNoticeFactory(DjangoModelFactory):
    class Meta:
        model = PrivacyNotice
        django_get_or_create = ("version",)

    version = factory.Sequence(lambda n: f"2.{n}")
    published_at = factory.LazyFunction(timezone.now)
    summary = "Clarifies how long profiles are kept."


class NoticeAcceptanceFactory(DjangoModelFactory):
    class Meta:
        model = NoticeAcceptance

    user = factory.SubFactory(UserFactory)
    notice = factory.SubFactory(PrivacyNoticeFactory)


class ConsentRecordFactory(DjangoModelFactory):
    class Meta:
        model = ConsentRecord

    user = factory.SubFactory(UserFactory)
    purpose = ConsentPurpose.DIRECTORY
    granted = True
    notice = factory.SubFactory(PrivacyNoticeFactory)
    source = ConsentSource.SIGNUP

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """As the service does: the new record becomes the decision in force (ConsentCurrent)."""
        record = super()._create(model_class, *args, **kwargs)
        consent_in_force_keep(record)
        return record
