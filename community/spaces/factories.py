import datetime

import factory
from factory.django import DjangoModelFactory

from django.utils import timezone

from accounts.factories import UserFactory
from community.labels.models import Label, LabelGrant

from .models import Charter, CharterAcceptance, CharterVersion, Comment, Post, Space


class LabelFactory(DjangoModelFactory):
    class Meta:
        model = Label
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"label-{n}")
    name_fr = factory.LazyAttribute(lambda o: f"Label {o.slug}")
    name_ar = factory.LazyAttribute(lambda o: f"وسم {o.slug}")
    name_en = factory.LazyAttribute(lambda o: f"Label {o.slug}")


def label_grant(user, label):
    return LabelGrant.objects.create(user=user, label=label)


class CharterFactory(DjangoModelFactory):
    class Meta:
        model = Charter

    slug = factory.Sequence(lambda n: f"charter-{n}")
    title_fr = "Charte de l'espace"
    title_ar = "ميثاق الفضاء"
    title_en = "Space charter"


class CharterVersionFactory(DjangoModelFactory):
    class Meta:
        model = CharterVersion

    charter = factory.SubFactory(CharterFactory)
    version = factory.Sequence(lambda n: f"1.{n}")
    text_fr = "Je respecte la confidentialité des échanges."
    text_ar = "أحترم سرية المبادلات."
    text_en = "I keep the exchanges confidential."
    published_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))


def charter_acceptance(user, version):
    return CharterAcceptance.objects.create(user=user, version=version)


class SpaceFactory(DjangoModelFactory):
    class Meta:
        model = Space
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda n: f"space-{n}")
    name_fr = "Club des investisseurs"
    name_ar = "نادي المستثمرين"
    name_en = "Investor club"
    description_fr = "Espace réservé."
    description_ar = "فضاء محجوز."
    description_en = "A reserved space."

    @factory.post_generation
    def labels(self, create, extracted, **kwargs):
        if create and extracted:
            self.required_labels.set(extracted)


class PostFactory(DjangoModelFactory):
    class Meta:
        model = Post

    space = factory.SubFactory(SpaceFactory)
    author = factory.SubFactory(UserFactory)
    title = factory.Sequence(lambda n: f"Post {n}")
    body = "Une opportunité d'investissement à Tanger."


class CommentFactory(DjangoModelFactory):
    class Meta:
        model = Comment

    post = factory.SubFactory(PostFactory)
    author = factory.SubFactory(UserFactory)
    body = "Merci pour le partage."
