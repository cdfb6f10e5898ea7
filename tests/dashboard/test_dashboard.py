"""The ministry's dashboard: who reads it, each panel's chart, table and CSV, filters, small counts."""

import csv
import io

import pytest

from django.urls import reverse
from django.utils import translation

from accounts.factories import UserFactory
from accounts.roles import ANALYST
from community.profiles.factories import ProfileFactory, ProjectFactory
from core.models import AuditLog
from core.registry import registry

pytestmark = pytest.mark.django_db


def _url(language="fr", **query):
    with translation.override(language):
        url = reverse("dashboard:index")
    if query:
        url += "?" + "&".join(f"{k}={v}" for k, v in query.items())
    return url


def _csv(client, key, language="fr", **query):
    with translation.override(language):
        url = reverse("dashboard:panel_csv", args=[key])
    response = client.get(url, query)
    assert response.status_code == 200, response.status_code
    text = (
        b"".join(response).decode("utf-8-sig") if response.streaming else response.content.decode("utf-8-sig")
    )
    return list(csv.reader(io.StringIO(text)))


def _table(text, key):
    """The HTML of one panel's table (maps name every place in their titles; tables hold the rows)."""
    panel = text.split(f'id="panel-{key}"', 1)[1].split("</article>", 1)[0]
    return panel.split("<table", 1)[1].split("</table>", 1)[0]


def _diaspora():
    """Twelve members in France (three hold a project in Souss-Massa), six in Belgium, one in Senegal."""
    for i in range(12):
        profile = ProfileFactory(country="FR", sectors=["digital"], languages=["fr", "ar"])
        if i < 3:
            ProjectFactory(owner=profile, region="souss-massa", sector="agriculture")
    for _ in range(6):
        ProfileFactory(country="BE", sectors=["health"], languages=["nl"])
    ProfileFactory(country="SN", sectors=["digital"], languages=["wo"])


def test_visitor_is_sent_to_log_in(client):
    response = client.get(_url())
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


@pytest.mark.parametrize("who", ["member", "moderator", "editor"])
def test_members_moderators_and_editors_are_refused(client, who, moderator, editor):
    user = {"member": UserFactory(), "moderator": moderator, "editor": editor}[who]
    client.force_login(user)
    assert client.get(_url()).status_code == 403
    assert client.get(reverse("dashboard:panel_csv", args=["profiles.countries"])).status_code == 403


def test_analyst_without_second_factor_is_sent_to_set_it_up(client):
    client.force_login(UserFactory(roles=[ANALYST]))
    response = client.get(_url())
    assert response.status_code == 302 and "/2fa/totp/activate" in response["Location"]


@pytest.mark.parametrize("who", ["analyst", "admin_user"])
def test_analysts_and_admins_see_every_core_panel_with_chart_and_table(client, request, who):
    _diaspora()
    client.force_login(request.getfixturevalue(who))
    response = client.get(_url("en"))
    assert response.status_code == 200
    text = response.content.decode()
    for key in (
        "profiles.weekly",
        "profiles.comparison",
        "profiles.countries",
        "profiles.regions",
        "profiles.sectors",
        "profiles.skills",
        "profiles.languages",
    ):
        assert f'id="panel-{key}"' in text, key
        assert f'aria-labelledby="t-{key}"' in text  # the SVG chart is named by the panel's title
        assert reverse("dashboard:panel_csv", args=[key]).replace("/fr/", "/en/") in text
    assert text.count("<svg") >= 7 and text.count("<caption>") >= 7
    assert '<th scope="col">Country of residence</th>' in text
    assert "France" in text and "Belgium" in text


def test_a_country_with_one_member_never_shows_as_one(client, analyst, relay):
    _diaspora()
    client.force_login(analyst)
    text = client.get(_url("fr")).content.decode()
    table = _table(text, "profiles.countries")
    assert "Sénégal" not in table
    assert "Autres pays" in table  # the lone member joined the others' row, itself shown as "< 5"
    assert "<title>Sénégal : —</title>" in text  # on the map: named, with no figure
    rows = _csv(client, "profiles.countries")
    assert rows[0] == ["Pays de résidence", "Membres", "Porteurs de projet"]
    by_label = {row[0]: row[1:] for row in rows[1:]}
    # Three holders show as "< 5". Holders are a subset of the row's members, not a part of its total, so
    # the members' figure gives nothing away and stays exact.
    assert by_label["France"] == ["12", "< 5"]
    assert by_label["Autres pays"] == ["< 5", ""] or by_label["Autres pays"][0] == "< 5"
    assert all("SN" not in row and "Sénégal" not in row for row in rows)
    assert ["1"] not in [row[1:2] for row in rows]


def test_relay_sees_only_their_countries_and_no_count_under_five(client, relay):
    _diaspora()
    ProfileFactory(country="BE", sectors=["digital"], languages=["fr"])  # one Belgian in digital
    client.force_login(relay)
    response = client.get(_url("fr"))
    assert response.status_code == 200
    text = response.content.decode()
    assert "Belgique" in text and "France" not in text
    # Panels that cannot keep to the relay's countries are not shown at all.
    for key, _panel in registry.dashboard_panels.items():
        if "country" not in getattr(_panel, "supports", ()):
            assert f'id="panel-{key}"' not in text
    sectors = {row[0]: row[1:] for row in _csv(client, "profiles.sectors")[1:]}
    assert sectors["Numérique et télécommunications"][0] == "< 5"  # one member: never 1
    assert sectors["Santé"][0] == "6"
    # The country filter offers the relay's countries only; another country gives nothing away.
    assert 'value="FR"' not in text
    france = _csv(client, "profiles.countries", country="FR")
    assert all("France" not in row for row in france)


def test_relay_cannot_download_a_panel_they_do_not_see(client, relay):
    client.force_login(relay)
    hidden = [k for k, p in registry.dashboard_panels.items() if "country" not in getattr(p, "supports", ())]
    assert hidden
    assert client.get(reverse("dashboard:panel_csv", args=[hidden[0]])).status_code == 404


def test_filters_reach_every_panel_and_unsupported_ones_are_named(client, analyst):
    _diaspora()
    client.force_login(analyst)
    rows = _csv(client, "profiles.countries", country="BE")
    assert [row[0] for row in rows[1:]] == ["Belgique"]
    rows = _csv(client, "profiles.regions", sector="health")
    assert rows[1:] == []
    rows = _csv(client, "profiles.regions", sector="agriculture", country="FR")
    assert rows[1:] == [["Autres régions", "< 5"]]
    text = client.get(_url("en", period="4", region="souss-massa")).content.decode()
    assert "Filters this panel does not apply: Period." in text  # countries, skills, languages
    weekly = _csv(client, "profiles.weekly", period="4")
    assert 4 <= len(weekly) - 1 <= 6 and sum(int(r[1]) for r in weekly[1:]) == 19
    comparison = {row[0]: row[1:] for row in _csv(client, "profiles.comparison", period="13")[1:]}
    assert comparison["Nouveaux membres"][:2] == ["19", "0"]


def test_csv_is_formula_safe_and_logged(client, analyst):
    ProfileFactory.create_batch(5, country="FR", skills=['=HYPERLINK("x")'])
    client.force_login(analyst)
    rows = _csv(client, "profiles.skills")
    assert rows[1][0].startswith("'=")
    entry = AuditLog.objects.get(action="dashboard.export")
    assert entry.actor == analyst and entry.kind == AuditLog.Kind.EXPORT and "profiles.skills" in entry.detail


def test_arabic_page_is_right_to_left_with_arabic_numbers_format(client, analyst):
    _diaspora()
    client.force_login(analyst)
    text = client.get(_url("ar")).content.decode()
    assert 'dir="rtl"' in text and "لوحة" in text
    assert "فرنسا" in text
    french = client.get(_url("fr")).content.decode()
    assert "Tableau de bord" in french and "Membres par pays de résidence" in french


def test_daily_aggregates_serve_the_unfiltered_page_and_say_how_fresh(client, analyst):
    from dashboards.tasks import dashboard_aggregates_compute_task

    _diaspora()
    stored = dashboard_aggregates_compute_task.delay().get()
    assert stored == len(registry.dashboard_panels) * 4 * 3  # panels × periods × languages
    assert dashboard_aggregates_compute_task.delay().get() == stored  # idempotent
    ProfileFactory.create_batch(5, country="IT")  # after the nightly run
    client.force_login(analyst)
    text = client.get(_url("en")).content.decode()
    assert "computed every night" in text and "Daily figures of" in text
    assert "Italy" not in _table(text, "profiles.countries")
    filtered = client.get(_url("en", country="IT")).content.decode()
    assert "Live figures" in filtered and "Italy" in _table(filtered, "profiles.countries")


def test_figures_are_written_as_each_language_writes_them():
    from core.disclosure import Below
    from dashboards.selectors import shown

    with translation.override("en"):
        assert shown(12345) == "12,345" and shown(12.5) == "12.5"
    with translation.override("ar"):
        assert shown(12345) == "12\u00a0345" and shown(12.5) == "12,5"
    with translation.override("fr"):
        assert shown(12.5) == "12,5" and shown(Below(5)) == "< 5" and shown(None) == "—"
