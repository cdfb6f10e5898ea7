import factory
from factory.django import DjangoModelFactory

from accounts.factories import UserFactory

from .models import Label, LabelApplication, LabelGrant


class LabelFactory(DjangoModelFactory):
    class Meta:
        model = Label
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"label-{n}")
    name_fr = factory.Sequence(lambda n: f"Compétence vérifiée {n}")
    name_ar = factory.Sequence(lambda n: f"كفاءة موثقة {n}")
    name_en = factory.Sequence(lambda n: f"Verified competence {n}")
    description_fr = "Les modérateurs ont vérifié les diplômes."
    description_ar = "تحقق المشرفون من الشهادات."
    description_en = "Moderators checked the diplomas."
    evidence_fr = "Une copie du diplôme."
    evidence_ar = "نسخة من الشهادة."
    evidence_en = "A copy of the diploma."
    validity_days = 365


class LabelApplicationFactory(DjangoModelFactory):
    class Meta:
        model = LabelApplication

    applicant = factory.SubFactory(UserFactory)
    label = factory.SubFactory(LabelFactory)
    statement = "Je suis ingénieure diplômée."


class LabelGrantFactory(DjangoModelFactory):
    class Meta:
        model = LabelGrant

    user = factory.SubFactory(UserFactory)
    label = factory.SubFactory(LabelFactory)
