"""Reads about campaigns: lists, results by language and country, clicks per link, conversions."""

from collections import Counter, defaultdict

from django.db.models import Count, Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.countries import country_name
from core.languages import language_name

from .models import Campaign, CampaignLink, Conversion, Recipient, SuppressedAddress

Status = Recipient.Status
CONVERSION_KINDS = {
    "signup": _("Sign-ups"),
    "rsvp": _("Event answers"),
    "label_application": _("Label applications"),
    "accompaniment_request": _("Accompaniment requests"),
}
# The columns of the results, in order: (key, label).
MEASURES = [
    ("sent", _("Sent")),
    ("delivered", _("Delivered")),
    ("bounced", _("Bounced")),
    ("unsubscribed", _("Unsubscribed")),
    ("clicked", _("Clicked")),
    ("conversions", _("Conversions")),
]


def campaigns_all():
    return Campaign.objects.select_related("created_by", "approved_by").order_by("-created_at", "-id")


def campaigns_received_by(user):
    return Campaign.objects.filter(recipients__user=user, recipients__sent_at__isnull=False)


def has_received(user, campaign) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return Recipient.objects.filter(campaign=campaign, user=user, sent_at__isnull=False).exists()


def _measures(rows) -> dict:
    return rows.aggregate(
        total=Count("id"),
        sent=Count("id", filter=Q(sent_at__isnull=False)),
        delivered=Count("id", filter=Q(status=Status.DELIVERED)),
        bounced=Count("id", filter=Q(status=Status.BOUNCED)),
        failed=Count("id", filter=Q(status=Status.FAILED)),
        queued=Count("id", filter=Q(status__in=(Status.QUEUED, Status.SENDING))),
        excluded=Count("id", filter=Q(status=Status.EXCLUDED)),
        unsubscribed=Count("id", filter=Q(unsubscribed_at__isnull=False)),
        clicked=Count("id", filter=Q(first_click_at__isnull=False)),
        opened=Count("id", filter=Q(opened_at__isnull=False)),
        complaints=Count("id", filter=Q(complained_at__isnull=False)),
    )


def _breakdown(campaign, field: str, label_of) -> list[dict]:
    rows = Recipient.objects.filter(campaign=campaign).exclude(status=Status.EXCLUDED)
    grouped = rows.values(field).annotate(
        sent=Count("id", filter=Q(sent_at__isnull=False)),
        delivered=Count("id", filter=Q(status=Status.DELIVERED)),
        bounced=Count("id", filter=Q(status=Status.BOUNCED)),
        unsubscribed=Count("id", filter=Q(unsubscribed_at__isnull=False)),
        clicked=Count("id", filter=Q(first_click_at__isnull=False)),
    )
    conversions = Counter(
        Conversion.objects.filter(campaign=campaign, recipient__isnull=False).values_list(
            f"recipient__{field}", flat=True
        )
    )
    result = []
    for row in grouped.order_by(field):
        key = row[field] or ""
        row["conversions"] = conversions.get(key, 0)
        row["key"], row["label"] = key, label_of(key) if key else gettext("Not given")
        result.append(row)
    total = max((row["sent"] for row in result), default=0)
    for row in result:
        row["share"] = round(100 * row["sent"] / total) if total else 0
    result.sort(key=lambda row: (-row["sent"], str(row["label"])))
    return result


def campaign_results(campaign) -> dict:
    rows = Recipient.objects.filter(campaign=campaign)
    totals = _measures(rows)
    conversions = Counter(Conversion.objects.filter(campaign=campaign).values_list("kind", flat=True))
    totals["conversions"] = sum(conversions.values())
    exclusions = Counter(rows.filter(status=Status.EXCLUDED).values_list("exclusion", flat=True))
    labels = dict(Recipient.Exclusion.choices)
    links = list(
        CampaignLink.objects.filter(campaign=campaign)
        .annotate(tracked=Count("clicks"), people=Count("clicks__recipient", distinct=True))
        .order_by("-tracked", "id")
    )
    for link in links:
        link.total = link.tracked + link.anonymous_clicks
    return {
        "totals": totals,
        "measures": [(key, label, totals[key]) for key, label in MEASURES],
        "exclusions": [(labels.get(code, code), count) for code, count in exclusions.most_common()],
        "by_language": _breakdown(campaign, "language", language_name),
        "by_country": _breakdown(campaign, "country", country_name),
        "links": links,
        "conversions": [
            (CONVERSION_KINDS.get(kind, kind), count) for kind, count in sorted(conversions.items())
        ],
    }


def results_csv_rows(campaign, results) -> list[list]:
    """One table for the CSV: each breakdown's rows under its own heading column."""
    rows = []
    for dimension, label in (("by_language", gettext("Language")), ("by_country", gettext("Country"))):
        for row in results[dimension]:
            rows.append([label, row["label"], *[row[key] for key, _label in MEASURES]])
    rows.append([gettext("Total"), "", *[results["totals"][key] for key, _label in MEASURES]])
    return rows


def recipients_of(campaign):
    return Recipient.objects.filter(campaign=campaign).select_related("user").order_by("id")


def suppression_list():
    return SuppressedAddress.objects.select_related("created_by").order_by("-created_at", "-id")


def dashboard_rows(limit: int = 10) -> list[list]:
    """The latest campaigns that went out, with their main figures (the dashboard panel)."""
    campaigns = list(
        Campaign.objects.filter(status__in=(Campaign.Status.SENDING, Campaign.Status.SENT)).order_by(
            "-started_at", "-id"
        )[:limit]
    )
    sums = defaultdict(dict)
    for campaign in campaigns:
        sums[campaign.pk] = _measures(Recipient.objects.filter(campaign=campaign))
        sums[campaign.pk]["conversions"] = Conversion.objects.filter(campaign=campaign).count()
    return [[c.name, *[sums[c.pk][key] for key, _label in MEASURES]] for c in campaigns]
