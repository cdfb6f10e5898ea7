"""The dashboard's maps (members by country of residence, projects by region of Morocco) and the label
filter: every place named in the page's language with its figure, coloured by class, explained by a
legend, the table under the map; small counts never drawn for a relay; the label reaches every panel
that can apply it, its CSV file and the daily aggregates' fallback."""

import re

import pytest

from django.urls import reverse
from django.utils import timezone, translation

from community.labels.factories import LabelFactory, LabelGrantFactory
from community.profiles.factories import ProfileFactory, ProjectFactory
from tests.dashboard.test_dashboard import _csv, _diaspora, _table, _url

pytestmark = pytest.mark.django_db


def _place(text, title):
    """The class of the map path whose <title> ends with ``title`` (None when no path has it)."""
    found = re.search(
        r'<path class="([\w-]+)" fill="#[0-9a-f]{6}" d="[^"]+"><title>[^<:]*?' + re.escape(title), text
    )
    return found.group(1) if found else None


def _panel(text, key):
    return text.split(f'id="panel-{key}"', 1)[1].split("</article>", 1)[0]


def test_world_map_colours_countries_by_class_names_them_in_arabic_with_legend_and_table(client, analyst):
    _diaspora()  # France 12, Belgium 6, Senegal 1
    client.force_login(analyst)
    text = client.get(_url("ar")).content.decode()
    panel = _panel(text, "profiles.countries")
    assert 'class="dash-map dash-map-world"' in panel and 'aria-labelledby="t-profiles.countries"' in panel
    assert _place(panel, "فرنسا: 12</title>") == "dash-map-c2"  # the darker of the two classes
    assert _place(panel, "بلجيكا: 6</title>") == "dash-map-c1"
    assert _place(panel, "السنغال: —</title>") == "dash-map-none"  # one member: counted with the others
    assert _place(panel, "المغرب: —</title>") == "dash-map-none"  # Morocco drawn once (EH folded in)
    legend = panel.split('class="dash-legend"', 1)[1].split("</ul>", 1)[0]
    assert 'dash-swatch dash-map-c1" aria-hidden="true"></span> 6<' in legend
    assert 'dash-swatch dash-map-c2" aria-hidden="true"></span> 12<' in legend
    assert "لا رقم معروض" in legend
    assert panel.index("<svg") < panel.index("<table")  # the table comes under the map
    assert "<bdi>فرنسا</bdi>" in _table(text, "profiles.countries")
    french = _panel(client.get(_url("fr")).content.decode(), "profiles.countries")
    assert _place(french, "France : 12</title>") == "dash-map-c2"
    assert _place(french, "Belgique : 6</title>") == "dash-map-c1"


def test_morocco_map_shows_projects_per_region(client, analyst):
    for _ in range(6):
        ProjectFactory(region="souss-massa")
    for _ in range(9):
        ProjectFactory(region="casablanca-settat")
    ProjectFactory(region="oriental")
    client.force_login(analyst)
    panel = _panel(client.get(_url("fr")).content.decode(), "profiles.regions")
    assert 'class="dash-map dash-map-morocco"' in panel
    assert len(re.findall(r"<path class=", panel)) == 12  # the twelve regions of 2015
    assert _place(panel, "Casablanca-Settat : 9</title>") == "dash-map-c2"
    assert _place(panel, "Souss-Massa : 6</title>") == "dash-map-c1"
    assert _place(panel, "Oriental : —</title>") == "dash-map-none"  # one project: with the others
    assert "amCharts" in panel  # the geometry's licence asks for the credit


def test_relay_map_names_only_their_countries_and_never_draws_a_small_count(client, relay):
    for _ in range(3):
        ProfileFactory(country="BE")
    ProjectFactory(owner=ProfileFactory(country="BE"), region="souss-massa")
    for _ in range(7):
        ProfileFactory(country="FR")
    client.force_login(relay)  # follows Belgium
    text = client.get(_url("fr")).content.decode()
    world = _panel(text, "profiles.countries")
    assert _place(world, "Belgique : —</title>") == "dash-map-none"  # four members: no figure, no colour
    assert "France" not in world and "dash-map-c" not in world.split("</svg>", 1)[0]
    regions = _panel(text, "profiles.regions")
    assert _place(regions, "Souss-Massa : —</title>") == "dash-map-none"  # one project
    assert not re.search(r"<title>[^<]*: [1-4]</title>", text)


def test_label_filter_narrows_panels_and_their_csv_and_says_where_it_does_not_apply(client, analyst):
    _diaspora()
    label = LabelFactory(slug="verified", name_fr="Compétence vérifiée", name_en="Verified competence")
    holders = [ProfileFactory(country="FR", sectors=["health"], languages=["ar"]) for _ in range(5)]
    for profile in holders:
        LabelGrantFactory(user=profile.user, label=label)
    ended = ProfileFactory(country="BE", sectors=["health"])
    LabelGrantFactory(user=ended.user, label=label, ended_at=timezone.now(), end_reason="revoked")
    client.force_login(analyst)

    assert _csv(client, "profiles.countries", label="verified")[1:] == [["France", "5", "0"]]
    sectors = {row[0]: row[1:] for row in _csv(client, "profiles.sectors", label="verified")[1:]}
    assert sectors == {"Santé": ["5", "0"]}  # the revoked holder does not count
    assert _csv(client, "profiles.languages", label="verified")[1:] == [["Arabe", "5"]]
    granted = _csv(client, "labels.granted", label="verified")
    assert [row[0] for row in granted[1:]] == ["Compétence vérifiée"]
    assert _csv(client, "profiles.countries")[1][1] == "17"  # without the filter: every French member

    text = client.get(_url("en", label="verified")).content.decode()
    assert '<option value="verified" selected>Verified competence</option>' in text
    assert "<title>France: 5</title>" in text
    referential = _panel(text, "referential.health")
    assert "Filters this panel does not apply: Label held." in referential
    assert "Label held" not in _panel(text, "profiles.countries")
    with translation.override("en"):
        link = reverse("dashboard:panel_csv", args=["profiles.countries"]) + "?label=verified"
    assert link in text


def test_label_filter_is_computed_live_over_the_daily_aggregates(client, analyst):
    from dashboards.tasks import dashboard_aggregates_compute_task

    _diaspora()
    dashboard_aggregates_compute_task.delay().get()
    label = LabelFactory(slug="verified")
    for _ in range(5):
        LabelGrantFactory(user=ProfileFactory(country="IT").user, label=label)  # after the nightly run
    client.force_login(analyst)
    text = client.get(_url("en", label="verified")).content.decode()
    assert "Live figures" in _panel(text, "profiles.countries")
    assert "Italy" in _table(text, "profiles.countries")
    assert "Daily figures of" in _panel(text, "referential.health")  # cannot apply it: last night's
