"""Tag vocabularies for programmes: sectors and countries of residence, each with its own tables."""

from modelcluster.fields import ParentalKey
from taggit.models import ItemBase, TagBase

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.countries import country_name
from core.sectors import sector_name


class SectorTag(TagBase):
    """An economic sector; its slug is a code of core.sectors, named in the visitor's language."""

    class Meta:
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")

    @property
    def label(self):
        return sector_name(self.slug, self.name)


class CountryTag(TagBase):
    """A country of residence, named by its ISO 3166 alpha-2 code (FR, ES, BE…)."""

    class Meta:
        verbose_name = _("country of residence")
        verbose_name_plural = _("countries of residence")

    @property
    def code(self):
        return self.name.upper()

    @property
    def label(self):
        return country_name(self.name)


class ProgrammeSectorTag(ItemBase):
    tag = models.ForeignKey(SectorTag, on_delete=models.CASCADE, related_name="tagged_programmes")
    content_object = ParentalKey(
        "cms.ProgrammePage", on_delete=models.CASCADE, related_name="sector_tagged_items"
    )


class ProgrammeCountryTag(ItemBase):
    tag = models.ForeignKey(CountryTag, on_delete=models.CASCADE, related_name="tagged_programmes")
    content_object = ParentalKey(
        "cms.ProgrammePage", on_delete=models.CASCADE, related_name="country_tagged_items"
    )
