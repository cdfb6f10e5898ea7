"""The demo seeding rebuilds what an emptied database lacks (what the demo holds: tests/test_seed_demo.py)."""

from io import StringIO

import pytest

from django.core.management import call_command

from wagtail.models import Locale, Page, Site

from cms.models import HomePage


@pytest.mark.django_db
def test_seed_demo_rebuilds_the_tree_root_of_an_emptied_database():
    Site.objects.all().delete()
    Page.objects.all().delete()
    Locale.objects.all().delete()

    call_command("seed_demo", stdout=StringIO())

    root = Page.get_first_root_node()
    assert root.depth == 1 and root.url_path == "/"
    assert Site.objects.get(is_default_site=True).root_page.specific_class is HomePage
