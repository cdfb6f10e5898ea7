"""Test factories for the CMS pages and navigation snippets (factory_boy + wagtail-factories).

Pages need a parent: ``ProgrammePageFactory(parent=index)``. Translations are made with
``translate_page`` so they share the source's translation_key, as wagtail-localize's would.
"""

import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from wagtail.models import Locale

from cms import models


def locale(language_code):
    return Locale.objects.get_or_create(language_code=language_code)[0]


def translate_page(page, language_code, publish=True, **fields):
    """Copy a page into another language (its parent must be translated already), fill it in, publish it."""
    translated = page.copy_for_translation(locale(language_code))
    for name, value in fields.items():
        setattr(translated, name, value)
    if publish:
        translated.save_revision().publish()
    else:
        translated.save()
    return type(translated).objects.get(pk=translated.pk)


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Accueil"
    hero_lead = "Les compétences de la diaspora au service du Maroc."

    class Meta:
        model = models.HomePage


class ProgrammeIndexPageFactory(wagtail_factories.PageFactory):
    title = "Programmes"

    class Meta:
        model = models.ProgrammeIndexPage


class ProgrammePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Programme {n}")
    summary = "Un accompagnement pour les porteurs de projets de la diaspora."
    eligibility = "<p>Marocains résidant à l'étranger.</p>"
    partner_name = "Maroc PME"
    partner_url = "https://www.marocpme.gov.ma/"
    contact_email = "programme@kafaat.example"

    class Meta:
        model = models.ProgrammePage
        skip_postgeneration_save = True

    @factory.post_generation
    def sectors(obj, create, extracted, **kwargs):
        if extracted:
            obj.sector_tags.add(*extracted)
            if create:
                obj.save()

    @factory.post_generation
    def countries(obj, create, extracted, **kwargs):
        if extracted:
            obj.country_tags.add(*extracted)
            if create:
                obj.save()


class ServiceIndexPageFactory(wagtail_factories.PageFactory):
    title = "Services"

    class Meta:
        model = models.ServiceIndexPage


class ServicePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Service {n}")
    summary = "Une démarche consulaire."
    steps = factory.LazyFunction(
        lambda: [
            {"type": "step", "value": {"title": "Prendre rendez-vous", "description": "<p>En ligne.</p>"}}
        ]
    )
    documents_needed = factory.LazyFunction(
        lambda: [{"type": "document", "value": {"name": "Passeport", "note": "original"}}]
    )

    class Meta:
        model = models.ServicePage


class NewsIndexPageFactory(wagtail_factories.PageFactory):
    title = "Actualités"

    class Meta:
        model = models.NewsIndexPage


class NewsArticlePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Article {n}")
    date = factory.LazyFunction(datetime.date.today)
    intro = "Une nouvelle de la plateforme."
    body = factory.LazyFunction(
        lambda: [
            {"type": "heading", "value": "Intertitre"},
            {"type": "paragraph", "value": "<p>Un paragraphe.</p>"},
            {"type": "quote", "value": {"quote": "Une citation.", "attribution": "Une personne"}},
        ]
    )

    class Meta:
        model = models.NewsArticlePage


class FAQPageFactory(wagtail_factories.PageFactory):
    title = "Questions fréquentes"
    questions = factory.LazyFunction(
        lambda: [
            {
                "type": "question",
                "value": {"question": "L'inscription est-elle gratuite ?", "answer": "<p>Oui.</p>"},
            }
        ]
    )

    class Meta:
        model = models.FAQPage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Page {n}")
    intro = "Une page simple."
    body = factory.LazyFunction(lambda: [{"type": "paragraph", "value": "<p>Un texte.</p>"}])

    class Meta:
        model = models.StandardPage


class MenuItemFactory(DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Menu {n}")
    locale = factory.LazyFunction(lambda: locale("fr"))

    class Meta:
        model = models.MenuItem


class FooterLinkFactory(DjangoModelFactory):
    label = factory.Sequence(lambda n: f"Lien {n}")
    locale = factory.LazyFunction(lambda: locale("fr"))
    link_url = "https://www.consulat.ma/"

    class Meta:
        model = models.FooterLink
