"""The skills taxonomy: shipped data, normalisation of free tags, staff extension."""

import pytest

from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from matching.models import ProfileFeatures, SkillConcept
from matching.tasks import concept_embed_task
from matching.taxonomy import tags_to_concepts, taxonomy_data, taxonomy_load
from matching.text import normalise

from .conftest import competence

pytestmark = pytest.mark.django_db


def test_the_shipped_taxonomy_is_loaded_by_the_migration_in_three_languages():
    assert SkillConcept.objects.count() == len(taxonomy_data()) >= 200
    concept = SkillConcept.objects.get(code="web-development")
    assert (concept.name_fr, concept.name_ar, concept.name_en) == (
        "Développement web",
        "تطوير الويب",
        "Web development",
    )
    assert not SkillConcept.objects.filter(name_ar="").exists()


def test_loading_again_changes_nothing_and_keeps_staff_synonyms():
    concept = SkillConcept.objects.get(code="web-development")
    concept.synonyms = [*concept.synonyms, "créateur de sites"]
    concept.save()
    assert taxonomy_load() == (0, 0)
    assert "créateur de sites" in SkillConcept.objects.get(code="web-development").synonyms


@pytest.mark.parametrize(
    ("spelling", "key"),
    [
        ("Développement  WEB", "developpement web"),
        ("تَطْوِيرُ الوِيب", "تطوير ويب"),  # diacritics, article
        ("ـتطويـر الويب", "تطوير ويب"),  # tatweel
        ("إدارة المشاريع", "اداره مشاريع"),  # alef with hamza, ta marbuta
        ("ادارة المشاريع", "اداره مشاريع"),
        ("الطاقه الشمسيه", "طاقه شمسيه"),
        ("Traitement de l'eau", "traitement eau"),
    ],
)
def test_spellings_are_normalised(spelling, key):
    assert normalise(spelling) == key


def test_french_english_and_arabic_tags_meet_on_one_concept():
    concepts, unknown = tags_to_concepts(
        [
            "développement web",
            "Web development",
            "تطوير الويب",
            "تطوير ويب",
            "web developer",
            "Web Development",
        ]
    )
    assert concepts == ["web-development"] and unknown == []
    assert tags_to_concepts(["Énergie solaire", "solar energy", "الطاقة الشمسية", "photovoltaïque"])[0] == [
        "solar-energy"
    ]


def test_an_unknown_tag_close_to_a_concept_is_read_as_that_concept_by_its_embedding():
    # Embedding all 200 concepts takes seconds; the nearest is sought among those embedded so far.
    for code in ("cardiology", "surgery", "telemedicine", "clinical-research", "accounting", "pedagogy"):
        concept_embed_task(SkillConcept.objects.get(code=code).pk)
    assert tags_to_concepts(["Cardiologie interventionnelle"], nearest=True)[0] == ["cardiology"]
    # Far from every concept: kept as typed, not forced onto one.
    assert tags_to_concepts(["Pétanque du dimanche"], nearest=True) == ([], ["Pétanque du dimanche"])


def test_profiles_in_three_languages_share_the_concept():
    profiles = [
        competence(skills=["Développement web"]),
        competence(skills=["web development"]),
        competence(skills=["تطوير الويب"]),
    ]
    for profile in profiles:
        assert ProfileFeatures.objects.get(profile=profile).concepts == ["web-development"]


def test_analysts_extend_the_taxonomy_in_the_admin_and_members_cannot():
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    client = Client()
    client.force_login(analyst)
    listing = client.get("/admin/snippets/matching/skillconcept/")
    assert listing.status_code == 200
    response = client.post(
        "/admin/snippets/matching/skillconcept/add/",
        {
            "code": "argan-cosmetics",
            "sector": "agriculture",
            "name_fr": "Cosmétique à l'argan",
            "name_ar": "مستحضرات الأركان",
            "name_en": "Argan cosmetics",
            "synonyms": "cosmétique bio\nargan beauty\n",
        },
    )
    assert response.status_code == 302, response.content[:2000]
    concept = SkillConcept.objects.get(code="argan-cosmetics")
    assert concept.synonyms == ["cosmétique bio", "argan beauty"]
    from matching import versions

    versions.bump(versions.TAXONOMY)
    assert tags_to_concepts(["Argan Beauty"])[0] == ["argan-cosmetics"]

    member = Client()
    member.force_login(UserFactory())
    assert member.get("/admin/snippets/matching/skillconcept/").status_code in (302, 403)
