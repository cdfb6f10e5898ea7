"""The daily aggregates per filter value: a page narrowed by one country, region, sector or label is
served from last night's figures, which are the figures the live computation gives; two filters, a
relay's page and a value born since the night stay live."""

import re

import pytest

from community.labels.factories import LabelFactory, LabelGrantFactory
from community.profiles.factories import ProfileFactory
from core.registry import registry
from privacy.models import ConsentPurpose
from privacy.services import signup_consents_record
from tests.dashboard.test_dashboard import _diaspora, _table, _url

pytestmark = pytest.mark.django_db

QUERIES = [
    {"country": "FR"},
    {"country": "BE", "period": "52"},
    {"region": "souss-massa"},
    {"sector": "digital"},
    {"label": "verified", "period": "all"},
]


def _panel(text, key):
    return text.split(f'id="panel-{key}"', 1)[1].split("</article>", 1)[0]


def _figures(text, key):
    """The panel as drawn (chart or map, table, links) without the line saying how fresh it is."""
    return re.sub(r'<p class="dash-help dash-fresh">.*?</p>', "", _panel(text, key), flags=re.S)


def _keys(text):
    return re.findall(r'<article[^>]* id="panel-([\w.]+)"', text)


def _small_diaspora():
    """_diaspora() (France 12, Belgium 6, Senegal 1), consents, and a label held by five in France."""
    _diaspora()
    label = LabelFactory(slug="verified")
    for n, profile in enumerate(ProfileFactory._meta.model.objects.filter(country="FR").order_by("pk")):
        signup_consents_record(
            user=profile.user, granted_purposes=[ConsentPurpose.DIRECTORY] if n % 3 else []
        )
        if n < 5:
            LabelGrantFactory(user=profile.user, label=label)


def test_one_filter_pages_from_the_nightly_figures_equal_the_live_pages(client, analyst):
    from dashboards.tasks import dashboard_aggregates_compute_task

    _small_diaspora()
    client.force_login(analyst)
    live = {}
    for query in QUERIES:
        text = client.get(_url("en", **query)).content.decode()
        live[str(query)] = text
        assert "Daily figures of" not in text  # nothing computed yet: every panel live

    dashboard_aggregates_compute_task.delay().get()  # eager: the per-value tasks run too
    for query in QUERIES:
        (name,) = set(query) - {"period"}
        text = client.get(_url("en", **query)).content.decode()
        keys = _keys(text)
        assert keys == _keys(live[str(query)]) and keys
        applying = [key for key in keys if name in getattr(registry.dashboard_panels[key], "supports", ())]
        assert applying, query
        for key in keys:
            assert "Daily figures of" in _panel(text, key), (query, key)
            assert _figures(text, key) == _figures(live[str(query)], key), (query, key)
        assert "computed every night" in text


def test_two_filters_a_relay_and_a_value_born_since_the_night_stay_live(client, analyst, relay):
    from dashboards.tasks import dashboard_aggregates_compute_task

    _small_diaspora()
    dashboard_aggregates_compute_task.delay().get()
    ProfileFactory.create_batch(5, country="IT", sectors=["digital"])  # after the nightly run
    client.force_login(analyst)

    two = client.get(_url("en", country="FR", sector="digital")).content.decode()
    assert "Live figures" in _panel(two, "profiles.sectors")
    assert "Daily figures of" in _panel(two, "privacy.consents")  # applies neither: unfiltered figures

    italy = client.get(_url("en", country="IT")).content.decode()
    assert "Live figures" in _panel(italy, "profiles.countries") and "Italy" in _table(
        italy, "profiles.countries"
    )

    digital = client.get(_url("en", sector="digital")).content.decode()
    assert "Daily figures of" in _panel(digital, "profiles.countries")
    assert "Italy" not in _table(digital, "profiles.countries")  # last night's, as the page says

    client.force_login(relay)  # Belgium: computed live, small counts hidden
    page = client.get(_url("en", country="BE")).content.decode()
    assert "Daily figures of" not in page and "Live figures" in page


def test_each_value_is_computed_for_the_panels_applying_its_filter_only():
    from dashboards.aggregates import aggregates_compute_narrowed, narrowed_values

    _small_diaspora()
    values = dict.fromkeys(name for name, _value in narrowed_values())
    assert set(values) == {"country", "region", "sector", "label"}
    assert ("country", "FR") in narrowed_values() and ("country", "IT") not in narrowed_values()
    applying = [p for p in registry.dashboard_panels.values() if "label" in getattr(p, "supports", ())]
    assert aggregates_compute_narrowed("label", "verified") == len(applying) * 4 * 3  # periods × languages
    assert aggregates_compute_narrowed("label", "gone") == 0  # a label removed since: nothing stored
    with pytest.raises(ValueError):
        aggregates_compute_narrowed("period", "4")
