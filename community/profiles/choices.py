"""Fixed vocabularies of profiles and projects; values are stored, labels are translated."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Region(models.TextChoices):
    """The twelve regions of Morocco (2015 division)."""

    TANGER_TETOUAN_AL_HOCEIMA = "tanger-tetouan-al-hoceima", _("Tanger-Tétouan-Al Hoceïma")
    ORIENTAL = "oriental", _("L'Oriental")
    FES_MEKNES = "fes-meknes", _("Fès-Meknès")
    RABAT_SALE_KENITRA = "rabat-sale-kenitra", _("Rabat-Salé-Kénitra")
    BENI_MELLAL_KHENIFRA = "beni-mellal-khenifra", _("Béni Mellal-Khénifra")
    CASABLANCA_SETTAT = "casablanca-settat", _("Casablanca-Settat")
    MARRAKECH_SAFI = "marrakech-safi", _("Marrakech-Safi")
    DRAA_TAFILALET = "draa-tafilalet", _("Drâa-Tafilalet")
    SOUSS_MASSA = "souss-massa", _("Souss-Massa")
    GUELMIM_OUED_NOUN = "guelmim-oued-noun", _("Guelmim-Oued Noun")
    LAAYOUNE_SAKIA_EL_HAMRA = "laayoune-sakia-el-hamra", _("Laâyoune-Sakia El Hamra")
    DAKHLA_OUED_ED_DAHAB = "dakhla-oued-ed-dahab", _("Dakhla-Oued Ed-Dahab")


class Contribution(models.TextChoices):
    """Ways a member offers to contribute, and kinds of help a project needs."""

    MENTORING = "mentoring", _("Mentoring")
    EXPERTISE = "expertise", _("Expertise missions")
    TEACHING = "teaching", _("Teaching")
    INVESTMENT = "investment", _("Investment")
    VOLUNTEERING = "volunteering", _("Volunteering")


class Availability(models.TextChoices):
    HOURS_MONTH = "hours-month", _("A few hours a month")
    DAYS_YEAR = "days-year", _("A few days a year")
    MISSION = "mission", _("A full mission")
    NOT_NOW = "not-now", _("Not available now")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PROTOTYPE = "prototype", _("Prototype")
    LAUNCHED = "launched", _("Launched")
    SCALING = "scaling", _("Scaling up")


class FundingBand(models.TextChoices):
    UNDER_100K = "lt-100k", _("Less than 100,000 MAD")
    UP_TO_1M = "100k-1m", _("100,000 to 1 million MAD")
    UP_TO_10M = "1m-10m", _("1 to 10 million MAD")
    OVER_10M = "gt-10m", _("More than 10 million MAD")


class Visibility(models.IntegerChoices):
    """Who may see a group of fields; a higher level is seen by fewer people."""

    PUBLIC = 0, _("Everyone, including visitors")
    MEMBERS = 1, _("Signed-in members")
    LABELLED = 2, _("Members holding a label")
    STAFF = 3, _("Moderators and relays only")
