from .pages import (
    FAQPage,
    HomePage,
    HomePageFeaturedProgramme,
    NewsArticlePage,
    NewsIndexPage,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammeRelatedProgramme,
    ServiceIndexPage,
    ServicePage,
    StandardPage,
)
from .snippets import FooterLink, MenuItem
from .tags import CountryTag, ProgrammeCountryTag, ProgrammeSectorTag, SectorTag

__all__ = [
    "CountryTag",
    "FAQPage",
    "FooterLink",
    "HomePage",
    "HomePageFeaturedProgramme",
    "MenuItem",
    "NewsArticlePage",
    "NewsIndexPage",
    "ProgrammeCountryTag",
    "ProgrammeIndexPage",
    "ProgrammePage",
    "ProgrammeRelatedProgramme",
    "ProgrammeSectorTag",
    "SectorTag",
    "ServiceIndexPage",
    "ServicePage",
    "StandardPage",
]
