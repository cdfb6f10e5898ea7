"""The skills taxonomy: shipped data, normalisation of free tags, staff extension."""

import pytest

from django.apps import apps
from django.test import Client

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from matching.apps import _taxonomy_after_migrate
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


def test_the_taxonomy_maps_nine_typed_skills_in_ten_in_three_languages():
    """The realistic fr/ar/en sample, both the part used to extend the taxonomy and the held-out one."""
    from matching.coverage import coverage, load_sample
    from matching.taxonomy import taxonomy_index

    assert len(taxonomy_data()) >= 340
    for split, languages in load_sample().items():
        result = coverage(taxonomy_index(), languages)
        mapped = sum(figure.mapped for figure in result.values())
        total = sum(figure.total for figure in result.values())
        assert mapped / total >= 0.9, (split, {lang: f.missed for lang, f in result.items()})


@pytest.mark.parametrize(
    ("tag", "concepts"),
    [
        ("BIM (Revit, Tekla)", ["bim"]),
        ("Développeuse web full stack", ["web-development"]),
        ("CAO (SolidWorks, CATIA)", ["cad"]),
        ("التسويق والمبيعات", ["marketing", "sales"]),
        ("Distribution électrique", ["power-systems"]),
        ("Pétanque du dimanche", []),
    ],
)
def test_a_typed_tag_names_its_concepts_with_brackets_parts_and_inner_spellings(tag, concepts):
    from matching.taxonomy import taxonomy_index

    assert taxonomy_index().tag_concepts(tag) == concepts


def test_concepts_carry_the_finest_shared_sector():
    from core.sectors import SECTORS

    sectors = dict(SkillConcept.objects.values_list("code", "sector"))
    assert set(sectors.values()) <= set(SECTORS)
    assert (sectors["water-treatment"], sectors["fintech"], sectors["textile"], sectors["crafts"]) == (
        "water",
        "fintech",
        "textile",
        "crafts",
    )


def test_the_coverage_command_prints_the_figure():
    from io import StringIO

    from django.core.management import call_command

    out = StringIO()
    call_command("matching_coverage", stdout=out)
    assert "dev: 100.0% mapped" in out.getvalue() and "heldout:" in out.getvalue()


def test_analysts_read_frequent_unknown_tags_and_add_one_as_a_synonym(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):  # their own features tasks, committed
        first = competence(skills=["Gnaoua lila", "Plomberie"])
        competence(skills=["gnaoua  Lila"])
    analyst = UserFactory(roles=[ANALYST], two_factor=True)
    client = Client()
    client.force_login(analyst)
    page = client.get("/fr/matching/taxonomy/unknown/")
    assert page.status_code == 200
    tags = page.context["tags"]
    assert tags[0].key == normalise("gnaoua lila") and tags[0].profiles == 2
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/fr/matching/taxonomy/unknown/", {"tag": "Gnaoua lila", "concept": "music"})
    assert response.status_code == 302
    assert "Gnaoua lila" in SkillConcept.objects.get(code="music").synonyms
    assert "music" in ProfileFeatures.objects.get(profile=first).concepts  # read again
    assert not client.get("/fr/matching/taxonomy/unknown/").context["tags"]

    member = Client()
    member.force_login(UserFactory(two_factor=True))
    assert member.get("/fr/matching/taxonomy/unknown/").status_code == 403


def test_the_refresh_command_embeds_what_is_missing_with_a_progress_bar():
    from io import StringIO

    from django.core.management import call_command

    SkillConcept.objects.update(vector=b"\x00" * 768)
    SkillConcept.objects.filter(code__in=["bim", "cad"]).update(vector=None)
    out = StringIO()
    call_command("matching_refresh", "--skip-load", stdout=out)
    assert "concepts [" in out.getvalue() and "2/2" in out.getvalue()
    assert not SkillConcept.objects.filter(vector__isnull=True).exists()


def test_migrate_on_the_embedded_defaults_leaves_every_concept_embedded(settings):
    """No worker (eager tasks, as `make demo`): migrate embeds what is missing before it ends; a
    background thread would have died with the command and left the demo's concepts without vectors."""
    settings.MATCHING_EMBED_AT_MIGRATE = True
    settings.CELERY_TASK_ALWAYS_EAGER = True
    settings.MATCHING_EAGER_THREAD = True  # the demo's settings
    SkillConcept.objects.update(vector=b"\x00" * 768)
    SkillConcept.objects.filter(code__in=["bim", "cad"]).update(vector=None)
    _taxonomy_after_migrate(sender=apps.get_app_config("matching"), verbosity=0)
    assert not SkillConcept.objects.filter(vector__isnull=True).exists()
