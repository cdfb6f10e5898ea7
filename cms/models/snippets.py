"""Navigation managed in the CMS: the main menu and the footer links, one set per language."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable, TranslatableMixin


class NavigationLink(TranslatableMixin, Orderable):
    """A labelled link to a page of the site or to an external address, ordered within its language."""

    label = models.CharField(_("label"), max_length=80)
    link_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    link_url = models.URLField(
        _("external address"), blank=True, help_text=_("Only when the link does not point to a page.")
    )

    panels = [FieldPanel("label"), FieldPanel("link_page"), FieldPanel("link_url")]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["locale", "sort_order"]

    def __str__(self):
        return self.label

    def clean(self):
        super().clean()
        if self.link_page_id and self.link_url:
            raise ValidationError(_("Choose either a page or an external address, not both."))
        if not (self.link_page_id or self.link_url):
            raise ValidationError(_("Choose a page or enter an external address."))


class MenuItem(NavigationLink):
    class Meta(NavigationLink.Meta):
        verbose_name = _("main menu item")
        verbose_name_plural = _("main menu items")


class FooterLink(NavigationLink):
    class Meta(NavigationLink.Meta):
        verbose_name = _("footer link")
        verbose_name_plural = _("footer links")
