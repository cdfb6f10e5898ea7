from accompaniment.demo import DEMO_CASES, seed_demo
from accompaniment.models import Case, TimelineEntry
from accompaniment.selectors import funnel
from community.profiles.factories import ProfileFactory, ProjectFactory


def test_demo_spreads_40_cases_over_stages_advisors_and_relays(db, relay):
    for index in range(DEMO_CASES + 2):
        ProjectFactory(owner=ProfileFactory(country=["FR", "BE", "DE", "ES"][index % 4]))
    assert seed_demo() == DEMO_CASES
    assert seed_demo() == 0
    cases = Case.objects.all()
    assert cases.count() == DEMO_CASES
    assert cases.values("stage").distinct().count() >= 6
    assert cases.values("advisor").exclude(advisor=None).distinct().count() == 3
    assert cases.filter(relay=relay).exists()
    assert TimelineEntry.objects.filter(kind="transition").count() > DEMO_CASES
    data = funnel()
    assert data["total"] == DEMO_CASES and any(row.median_days for row in data["rows"])
