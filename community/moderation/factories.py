import factory
from factory.django import DjangoModelFactory

from django.contrib.contenttypes.models import ContentType

from accounts.factories import UserFactory

from .models import Block, Report


class BlockFactory(DjangoModelFactory):
    class Meta:
        model = Block

    blocker = factory.SubFactory(UserFactory)
    blocked = factory.SubFactory(UserFactory)


class ReportFactory(DjangoModelFactory):
    """A report on a member account (any model instance can be the target)."""

    class Meta:
        model = Report
        exclude = ["target"]

    reporter = factory.SubFactory(UserFactory)
    target = factory.SubFactory(UserFactory)
    content_type = factory.LazyAttribute(lambda o: ContentType.objects.get_for_model(o.target))
    object_id = factory.LazyAttribute(lambda o: str(o.target.pk))
    category = Report.Category.SPAM
