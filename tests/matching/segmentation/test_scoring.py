"""Priority targets: each score component, the fit with available competences, programmes, the ranking."""

import pytest

from django.test import Client
from django.utils import translation

from cms import factories as cms_factories
from community.profiles.models import Project
from matching import selectors
from matching.segmentation import scoring
from matching.segmentation.scoring import competence_fit, priority_targets, score_projects

from .conftest import member

pytestmark = pytest.mark.django_db


def _project(**fields):
    skills = fields.pop("skills", [])
    holder = member(country=fields.pop("country", "FR"), projects=[{"skills_needed": skills, **fields}])
    return Project.objects.select_related("owner").get(owner=holder)


def _components(project):
    (score,) = score_projects([project])
    return {c.key: (c.points, c.maximum) for c in score.components}, score


def test_stage_and_funding_points():
    points, score = _components(_project(stage="prototype", funding_need="gt-10m"))
    assert points["stage"] == (25, 25) and points["funding"] == (25, 25)
    points, _score = _components(_project(stage="idea", funding_need=""))
    assert points["stage"] == (10, 25) and points["funding"] == (0, 25)
    assert sum(maximum for _points, maximum in points.values()) == 100


def test_fit_counts_needed_skills_that_available_consenting_members_cover():
    project = _project(skills=["Irrigation", "Agronomy", "Export"])
    member(skills=["Irrigation"], availability="days-year")
    member(skills=["Irrigation", "Agronomy"])
    member(skills=["Export"], availability="not-now")  # not available now
    member(skills=["Export"], consent=False)  # did not consent to matching
    fit = competence_fit([project])[project.pk]
    assert fit.needed == ["Agronomy", "Export", "Irrigation"]
    assert fit.covered == ["Agronomy", "Irrigation"] and fit.holders == {"Irrigation": 2, "Agronomy": 1}

    points, score = _components(project)
    assert points["competences"] == (20, 30)  # 2 of 3 needed skills × 30
    with translation.override("fr"):
        detail = next(c.detail for c in score.components if c.key == "competences")
    assert detail == (
        "compétences couvertes : 2 sur 3 (Agronomy, 1 membre disponible ; Irrigation, 2 membres disponibles)"
    )


def test_the_holder_does_not_cover_their_own_project():
    holder = member(skills=["Irrigation"], projects=[{"skills_needed": ["Irrigation"]}])
    project = Project.objects.get(owner=holder)
    assert competence_fit([project])[project.pk].covered == []
    project = Project.objects.select_related("owner").get(pk=project.pk)
    assert _components(project)[0]["competences"] == (0, 30)
    member(skills=["Irrigation"])
    assert competence_fit([project])[project.pk].holders == {"Irrigation": 1}  # the other one only


def test_programmes_open_to_the_sector_and_the_holders_country(tree):
    # tree: "Appui à la création d'entreprise" (digital, agriculture; FR, BE), "Mentorat" (education; CA)
    cms_factories.ProgrammePageFactory(
        parent=tree.fr.programmes, title="Agri Maroc", slug="agri", sectors=["agriculture"], countries=[]
    )
    in_france = _project(sector="agriculture", country="FR")
    in_spain = _project(sector="agriculture", country="ES")
    in_health = _project(sector="health", country="FR")
    fits = scoring.programme_fit([in_france, in_spain, in_health])
    assert fits[in_france.pk] == ["Agri Maroc", "Appui à la création d'entreprise"]
    assert fits[in_spain.pk] == ["Agri Maroc"]  # the other is for FR and BE residents
    assert fits[in_health.pk] == []
    assert _components(in_france)[0]["programmes"] == (20, 20)
    assert _components(in_spain)[0]["programmes"] == (10, 20)
    with translation.override("ar"):
        assert "Business creation ar" in scoring.programme_fit([in_france])[in_france.pk]


def test_the_ranked_list_puts_the_best_project_first_and_shows_its_components(analyst):
    member(skills=["Solar"])
    _project(title="Idea without need", stage="idea", country="FR")
    _project(
        title="Solar prototype", stage="prototype", funding_need="1m-10m", skills=["Solar"], country="FR"
    )
    _project(title="Launched", stage="launched", funding_need="lt-100k", country="FR")
    ranked = priority_targets({"country": ["FR"]})
    assert [(s.project.title, s.total) for s in ranked] == [
        ("Solar prototype", 25 + 20 + 30),
        ("Launched", 20 + 10),
        ("Idea without need", 10),
    ]
    assert [s.project.title for s in priority_targets({"stage": ["launched"]})] == ["Launched"]

    from matching.segmentation.services import segment_create

    segment = segment_create(owner=analyst, name="FR", filters={"country": ["FR"]})
    client = Client()
    client.force_login(analyst)
    html = client.get(f"/fr/matching/segments/{segment.pk}/").content.decode()
    assert html.index("Solar prototype") < html.index("Launched") < html.index("Idea without need")
    assert (
        "75 points" in html and "30 sur 30" in html and "Adéquation avec les compétences disponibles" in html
    )


def test_large_segments_read_needed_skills_in_batches(monkeypatch):
    monkeypatch.setattr(scoring, "ID_BATCH", 1)
    first, second = _project(skills=["Irrigation"]), _project(skills=["Export", "Irrigation"])
    member(skills=["Irrigation"])
    fits = competence_fit([first, second])
    assert fits[first.pk].covered == ["Irrigation"] and fits[second.pk].needed == ["Export", "Irrigation"]


def test_the_segment_score_and_the_suggestions_page_take_the_same_programmes_for_a_sector(tree):
    """One sector mapping (core.sectors) for both: they once disagreed about industry and crafts."""
    for slug, sectors in [("artisanat", ["crafts"]), ("textile", ["textile"]), ("industrie", ["industry"])]:
        cms_factories.ProgrammePageFactory(
            parent=tree.fr.programmes, title=f"Programme {slug}", slug=slug, sectors=sectors, countries=[]
        )
    for sector, expected in [
        ("industry", {"Programme industrie", "Programme textile"}),  # a family takes its sectors' programmes
        ("textile", {"Programme industrie", "Programme textile"}),  # a sector takes its family's programmes
        ("crafts", {"Programme artisanat"}),  # crafts belong to culture, not to industry
    ]:
        project = _project(sector=sector, country="ES")
        with translation.override("fr"):
            in_score = set(scoring.programme_fit([project])[project.pk])
            suggested = selectors.programmes_for_project(project.owner.user, project)
            on_page = {item.page.title for item in suggested}
        assert in_score == on_page == expected, sector


def test_fit_reads_skills_as_concepts_in_any_language_so_it_is_not_zero_for_other_spellings():
    from matching.features import profile_features_refresh, project_features_refresh

    project = _project(skills=["Développement web", "BIM (Revit, Tekla)", "Pétanque"])
    project_features_refresh(project.pk, embed=False)
    for skills in (["web development"], ["تطوير الويب"], ["BIM"]):
        profile_features_refresh(member(skills=skills, availability="days-year").pk, embed=False)
    fit = competence_fit([project])[project.pk]
    assert fit.covered == ["BIM (Revit, Tekla)", "Développement web"]
    assert fit.holders == {"Développement web": 2, "BIM (Revit, Tekla)": 1}
    points, _score = _components(project)
    assert points["competences"] == (20, 30)
