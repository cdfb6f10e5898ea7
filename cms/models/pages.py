"""Page types of the public site. Queries live in cms.selectors; these models only describe content."""

import datetime

from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from cms.blocks import BodyBlock, DocumentsNeededBlock, QuestionsBlock, StepsBlock
from cms.forms import ProgrammePageForm

from .tags import ProgrammeCountryTag, ProgrammeSectorTag

RICH_TEXT_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]
INDEX_PAGE_SIZE = 12
NEWS_PAGE_SIZE = 10


def _paginate(request, items, per_page):
    return Paginator(items, per_page).get_page(request.GET.get("page"))


class ContactMixin(models.Model):
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)

    contact_panels = [
        MultiFieldPanel([FieldPanel("contact_email"), FieldPanel("contact_phone")], heading=_("Contact"))
    ]

    class Meta:
        abstract = True


class HomePage(Page):
    hero_lead = models.TextField(
        _("hero lead"),
        blank=True,
        help_text=_("One or two sentences under the title, at the top of the page."),
    )
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [
        *Page.content_panels,
        FieldPanel("hero_lead"),
        FieldPanel("intro"),
        InlinePanel("featured_programmes", label=_("Featured programmes"), max_num=6),
    ]
    search_fields = [*Page.search_fields, index.SearchField("hero_lead"), index.SearchField("intro")]

    # One home page per language sits directly under the tree root.
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cms.ProgrammeIndexPage",
        "cms.ServiceIndexPage",
        "cms.NewsIndexPage",
        "cms.FAQPage",
        "cms.StandardPage",
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors  # selectors import these models: circular at module level

        context = super().get_context(request, *args, **kwargs)
        context["featured_programmes"] = selectors.featured_programmes(self)
        context["latest_news"] = selectors.latest_news(self.locale)
        context["programme_index"] = selectors.first_child(self, ProgrammeIndexPage)
        context["news_index"] = selectors.first_child(self, NewsIndexPage)
        return context


class HomePageFeaturedProgramme(Orderable):
    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="featured_programmes")
    programme = models.ForeignKey(
        "cms.ProgrammePage", on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )

    panels = [FieldPanel("programme")]

    class Meta(Orderable.Meta):
        verbose_name = _("featured programme")
        verbose_name_plural = _("featured programmes")


class ProgrammeIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ProgrammePage"]

    class Meta:
        verbose_name = _("programme index")
        verbose_name_plural = _("programme indexes")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors  # selectors import these models: circular at module level

        context = super().get_context(request, *args, **kwargs)
        sector = request.GET.get("sector", "").strip()
        country = request.GET.get("country", "").strip().upper()
        programmes = selectors.programmes_in(self, sector=sector, country=country)
        context.update(
            programmes=_paginate(request, programmes, INDEX_PAGE_SIZE),
            sector_choices=selectors.programme_sectors(self),
            country_choices=selectors.programme_countries(self),
            selected_sector=sector,
            selected_country=country,
        )
        return context


class ProgrammePage(Page, ContactMixin):  # noqa: DJ008 (Page defines __str__)
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("One or two sentences shown in lists and search results.")
    )
    eligibility = RichTextField(_("who is eligible"), blank=True, features=RICH_TEXT_FEATURES)
    benefits = RichTextField(_("benefits"), blank=True, features=RICH_TEXT_FEATURES)
    how_to_apply = RichTextField(_("how to apply"), blank=True, features=RICH_TEXT_FEATURES)
    partner_name = models.CharField(_("partner body"), max_length=200, blank=True)
    partner_url = models.URLField(_("partner website"), blank=True)
    sector_tags = ClusterTaggableManager(
        through=ProgrammeSectorTag,
        blank=True,
        verbose_name=_("sectors"),
        related_name="programmes",
        help_text=_("Sector codes, for example: agriculture, digital, renewable-energy."),
    )
    country_tags = ClusterTaggableManager(
        through=ProgrammeCountryTag,
        blank=True,
        verbose_name=_("countries of residence"),
        related_name="programmes",
        help_text=_("ISO 3166 country codes, for example: FR, ES, BE. Leave empty if open to all."),
    )

    base_form_class = ProgrammePageForm
    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("eligibility"),
        FieldPanel("benefits"),
        FieldPanel("how_to_apply"),
        MultiFieldPanel([FieldPanel("partner_name"), FieldPanel("partner_url")], heading=_("Partner body")),
        *ContactMixin.contact_panels,
        MultiFieldPanel([FieldPanel("sector_tags"), FieldPanel("country_tags")], heading=_("Tags")),
        InlinePanel("related_programmes", label=_("Related programmes"), max_num=6),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("eligibility"),
        index.SearchField("benefits"),
        index.SearchField("how_to_apply"),
        index.SearchField("partner_name"),
    ]
    override_translatable_fields = [SynchronizedField("contact_phone")]
    api_fields = ["summary", "partner_name", "partner_url"]  # Wagtail's pages API, as /api/v1/programmes/
    parent_page_types = ["cms.ProgrammeIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors  # selectors import these models: circular at module level

        context = super().get_context(request, *args, **kwargs)
        context["related"] = selectors.related_programmes(self)
        return context


class ProgrammeRelatedProgramme(Orderable):
    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="related_programmes")
    programme = models.ForeignKey(
        ProgrammePage, on_delete=models.CASCADE, related_name="+", verbose_name=_("programme")
    )

    panels = [FieldPanel("programme")]

    class Meta(Orderable.Meta):
        verbose_name = _("related programme")
        verbose_name_plural = _("related programmes")


class ServiceIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ServicePage"]

    class Meta:
        verbose_name = _("service index")
        verbose_name_plural = _("service indexes")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors  # selectors import these models: circular at module level

        context = super().get_context(request, *args, **kwargs)
        context["services"] = _paginate(request, selectors.children_of(self, ServicePage), INDEX_PAGE_SIZE)
        return context


class ServicePage(Page, ContactMixin):  # noqa: DJ008 (Page defines __str__)
    summary = models.TextField(
        _("summary"), max_length=500, help_text=_("One or two sentences shown in lists and search results.")
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    steps = StreamField(StepsBlock(), verbose_name=_("steps"), blank=True)
    documents_needed = StreamField(DocumentsNeededBlock(), verbose_name=_("documents needed"), blank=True)

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        FieldPanel("steps"),
        FieldPanel("documents_needed"),
        *ContactMixin.contact_panels,
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary", boost=1.5),
        index.SearchField("body"),
        index.SearchField("steps"),
        index.SearchField("documents_needed"),
    ]
    override_translatable_fields = [SynchronizedField("contact_phone")]
    api_fields = ["summary"]  # Wagtail's pages API, as /api/v1/services/
    parent_page_types = ["cms.ServiceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("service")
        verbose_name_plural = _("services")


class NewsIndexPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index")
        verbose_name_plural = _("news indexes")

    def get_context(self, request, *args, **kwargs):
        from cms import selectors  # selectors import these models: circular at module level

        context = super().get_context(request, *args, **kwargs)
        context["articles"] = _paginate(request, selectors.news_in(self), NEWS_PAGE_SIZE)
        return context


class NewsArticlePage(Page):
    date = models.DateField(_("date"), default=datetime.date.today)
    intro = models.TextField(_("introduction"), max_length=500)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("date"), FieldPanel("intro"), FieldPanel("body")]
    search_fields = [
        *Page.search_fields,
        index.SearchField("intro", boost=1.5),
        index.SearchField("body"),
        index.FilterField("date"),
    ]
    # Wagtail's pages API (/api/v1/pages/<id>/): the fields the /api/v1/news/ list shows too.
    api_fields = ["date", "intro"]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")


class FAQPage(Page):
    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)
    questions = StreamField(QuestionsBlock(), verbose_name=_("questions"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("questions")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("questions")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("FAQ page")
        verbose_name_plural = _("FAQ pages")


class StandardPage(Page):
    """A plain page: about, legal notices, the privacy notice."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.HomePage", "cms.StandardPage"]
    subpage_types = ["cms.StandardPage", "cms.FAQPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
