import datetime
from types import SimpleNamespace

import pytest

from wagtail.models import Page, Site

from cms import factories


@pytest.fixture
def locales(db):
    return {code: factories.locale(code) for code in ("fr", "ar", "en")}


@pytest.fixture
def home(locales):
    """A French home page, root of the default site."""
    root = Page.get_first_root_node()
    page = factories.HomePageFactory(parent=root, slug="accueil", locale=locales["fr"])
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=page, is_default_site=True)
    else:
        site.root_page = page
        site.save()
    return page


@pytest.fixture
def tree(home):
    """A small site in French, translated into Arabic and English, except one English news article.

    ``tree.fr.programme`` is the French programme page, ``tree.ar.programme`` its Arabic translation…
    """
    fr = SimpleNamespace(home=home)
    fr.programmes = factories.ProgrammeIndexPageFactory(parent=home, title="Programmes", slug="programmes")
    fr.programme = factories.ProgrammePageFactory(
        parent=fr.programmes,
        title="Appui à la création d'entreprise",
        slug="creation-entreprise",
        summary="Créer son entreprise au Maroc depuis l'étranger.",
        sectors=["digital", "agriculture"],
        countries=["FR", "BE"],
    )
    fr.other_programme = factories.ProgrammePageFactory(
        parent=fr.programmes,
        title="Mentorat pour jeunes diplômés",
        slug="mentorat",
        summary="Des mentors de la diaspora.",
        sectors=["education"],
        countries=["CA"],
    )
    fr.services = factories.ServiceIndexPageFactory(parent=home, slug="services")
    fr.service = factories.ServicePageFactory(
        parent=fr.services, title="Renouvellement du passeport", slug="passeport"
    )
    fr.news = factories.NewsIndexPageFactory(parent=home, slug="actualites")
    fr.article = factories.NewsArticlePageFactory(
        parent=fr.news, title="Lancement de Kafaat", slug="lancement", date=datetime.date(2026, 11, 24)
    )
    fr.untranslated_article = factories.NewsArticlePageFactory(
        parent=fr.news, title="Rencontre à Bruxelles", slug="bruxelles", date=datetime.date(2026, 10, 2)
    )
    fr.faq = factories.FAQPageFactory(parent=home, slug="faq")
    fr.about = factories.StandardPageFactory(parent=home, title="À propos", slug="a-propos")

    translated = {}
    for code in ("ar", "en"):
        t = SimpleNamespace()
        t.home = factories.translate_page(home, code, title=f"Home {code}")
        t.programmes = factories.translate_page(fr.programmes, code, title=f"Programmes {code}")
        t.programme = factories.translate_page(fr.programme, code, title=f"Business creation {code}")
        t.other_programme = factories.translate_page(fr.other_programme, code, title=f"Mentoring {code}")
        t.services = factories.translate_page(fr.services, code, title=f"Services {code}")
        t.service = factories.translate_page(fr.service, code, title=f"Passport {code}")
        t.news = factories.translate_page(fr.news, code, title=f"News {code}")
        t.article = factories.translate_page(fr.article, code, title=f"Launch {code}")
        t.faq = factories.translate_page(fr.faq, code, title=f"FAQ {code}")
        t.about = factories.translate_page(fr.about, code, title=f"About {code}")
        translated[code] = t
    # Deliberately not translated into English.
    translated["ar"].untranslated_article = factories.translate_page(
        fr.untranslated_article, "ar", title="لقاء في بروكسيل"
    )
    return SimpleNamespace(fr=fr, ar=translated["ar"], en=translated["en"])
