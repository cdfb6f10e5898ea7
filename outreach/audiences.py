"""Who a campaign reaches, who it leaves out and why.

The audience comes from a source registered in core.registry (core.audiences): the community's groups,
label holders and members are registered here; segments (matching), event attendees (events) and
referential contacts (referential) by their own apps. ``candidates`` then applies the campaign's rules to
every person, in bulk: consent for the campaign's purpose, unsubscriptions, the suppression list, bounces,
objections, the one first contact per series for people who are not members.
"""

from collections import Counter
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from community.groups.models import CommunityGroup, Membership
from community.labels.models import Label, LabelGrant
from community.profiles.models import Profile
from core.audiences import AudienceFilter, Contact
from core.countries import country_choices
from core.registry import registry
from privacy.models import ConsentSource
from privacy.selectors import latest_decisions

from .models import LANGUAGES, FirstContact, Recipient, SuppressedAddress

Exclusion = Recipient.Exclusion
CHUNK = 5000


@dataclass
class Candidate:
    kind: str
    address_key: str
    email: str = ""
    name: str = ""
    language: str = ""
    country: str = ""
    origin: str = ""
    user_id: int | None = None
    contact_key: str = ""
    exclusion: str = ""

    @property
    def domain(self) -> str:
        return self.email.rpartition("@")[2]


def _valid_email(email: str) -> str:
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        return ""
    return email


def _chunks(values):
    values = list(values)
    for start in range(0, len(values), CHUNK):
        yield values[start : start + CHUNK]


def _members(user_ids) -> dict[int, dict]:
    users = {}
    for chunk in _chunks(user_ids):
        rows = (
            get_user_model()
            .objects.filter(pk__in=chunk)
            .values("pk", "email", "first_name", "last_name", "is_active", "preferred_language")
        )
        for row in rows:
            users[row["pk"]] = row
        for user_id, display_name, country in Profile.objects.filter(user_id__in=chunk).values_list(
            "user_id", "display_name", "country"
        ):
            if user_id in users:
                users[user_id]["display_name"] = display_name
                users[user_id]["country"] = country
    return users


def _suppressed(emails) -> dict[str, str]:
    found = {}
    for chunk in _chunks(emails):
        found.update(SuppressedAddress.objects.filter(email__in=chunk).values_list("email", "reason"))
    return found


def _member_ids_by_email(emails) -> dict[str, int]:
    found = {}
    for chunk in _chunks(emails):
        for pk, email in get_user_model().objects.filter(email__in=chunk).values_list("pk", "email"):
            found[email.lower()] = pk
    return found


def _language(preferred: str, languages: set[str], fallback: str) -> str:
    code = (preferred or "")[:2]
    return code if code in languages else fallback


def _suppression_exclusion(reason: str) -> str:
    return {
        SuppressedAddress.Reason.BOUNCE: Exclusion.BOUNCED,
        SuppressedAddress.Reason.OBJECTION: Exclusion.OBJECTED,
    }.get(reason, Exclusion.SUPPRESSED)


def audience_people(campaign):
    """What the campaign's source yields: member ids and contacts (an unknown source yields nobody)."""
    source = registry.audience_source(campaign.audience_source)
    if source is None or not campaign.audience_item:
        return [], []
    member_ids, contacts = [], []
    for person in source.recipients(campaign.audience_item, campaign.audience_filters or {}):
        if isinstance(person, Contact):
            contacts.append(person)
        else:
            member_ids.append(int(person))
    return member_ids, contacts


def candidates(campaign, languages=None) -> tuple[list[Candidate], int]:
    """Everyone the campaign's audience names, once each, with the reason any is left out; and how many
    were named twice (same account or same address)."""
    languages = set(languages or campaign.messages.values_list("language", flat=True)) or set(LANGUAGES)
    fallback = campaign.fallback_language
    member_ids, contacts = audience_people(campaign)

    # A contact whose address belongs to an account is reached as that member, under their consent.
    contact_emails = {_valid_email(c.email) for c in contacts} - {""}
    members_by_email = _member_ids_by_email(contact_emails)
    member_ids += [
        members_by_email[e] for e in (_valid_email(c.email) for c in contacts) if e in members_by_email
    ]
    contacts = [c for c in contacts if _valid_email(c.email) not in members_by_email]

    unique_ids = list(dict.fromkeys(member_ids))
    duplicates = len(member_ids) - len(unique_ids)
    users = _members(unique_ids)
    decisions = latest_decisions(campaign.purpose, users.keys())
    emails = {_valid_email(u["email"]) for u in users.values()} | contact_emails
    suppressed = _suppressed(emails - {""})
    invited = set()
    for chunk in _chunks(contact_emails):
        invited.update(
            FirstContact.objects.filter(series_key=campaign.series_key, email__in=chunk).values_list(
                "email", flat=True
            )
        )

    result, seen = [], set()
    for user_id in unique_ids:
        user = users.get(user_id)
        if user is None:
            continue
        email = _valid_email(user["email"])
        name = " ".join(p for p in (user["first_name"], user["last_name"]) if p) or user.get(
            "display_name", ""
        )
        candidate = Candidate(
            kind=Recipient.Kind.MEMBER,
            address_key=email or f"user:{user_id}",
            email=email,
            name=name,
            language=_language(user["preferred_language"], languages, fallback),
            country=user.get("country") or "",
            user_id=user_id,
        )
        granted, source = decisions.get(user_id, (False, ""))
        if not user["is_active"]:
            candidate.exclusion = Exclusion.INACTIVE
        elif not email:
            candidate.exclusion = Exclusion.NO_ADDRESS
        elif email in suppressed:
            candidate.exclusion = _suppression_exclusion(suppressed[email])
        elif not granted:
            unsubscribed = source == ConsentSource.UNSUBSCRIBE
            candidate.exclusion = Exclusion.UNSUBSCRIBED if unsubscribed else Exclusion.NO_CONSENT
        if candidate.address_key in seen:
            duplicates += 1
            continue
        seen.add(candidate.address_key)
        result.append(candidate)

    for contact in contacts:
        email = _valid_email(contact.email)
        candidate = Candidate(
            kind=Recipient.Kind.CONTACT,
            address_key=email or f"contact:{contact.key}",
            email=email,
            name=contact.name,
            language=_language(contact.language, languages, fallback),
            country=contact.country,
            origin=contact.origin[:300],
            contact_key=contact.key[:80],
        )
        if not email or not campaign.send_email:
            candidate.exclusion = Exclusion.NO_ADDRESS
        elif email in suppressed:
            candidate.exclusion = _suppression_exclusion(suppressed[email])
        elif email in invited:
            candidate.exclusion = Exclusion.ALREADY_INVITED
        if candidate.address_key in seen:
            duplicates += 1
            continue
        seen.add(candidate.address_key)
        result.append(candidate)
    return result, duplicates


def audience_summary(campaign) -> dict:
    """The count before sending: who is reached, who is left out and why, by language."""
    people, duplicates = candidates(campaign)
    reached = [p for p in people if not p.exclusion]
    reasons = Counter(p.exclusion for p in people if p.exclusion)
    labels = dict(Exclusion.choices)
    excluded = [(labels[code], count) for code, count in reasons.most_common()]
    if duplicates:
        excluded.append((labels[Exclusion.DUPLICATE], duplicates))
    return {
        "named": len(people) + duplicates,
        "reached": len(reached),
        "members": sum(1 for p in reached if p.kind == Recipient.Kind.MEMBER),
        "contacts": sum(1 for p in reached if p.kind == Recipient.Kind.CONTACT),
        "excluded": excluded,
        "excluded_total": sum(count for _label, count in excluded),
        "by_language": sorted(Counter(p.language for p in reached).items()),
    }


# --- The community's own sources: groups, label holders, every member -------------------------------


class GroupMembers:
    key = "community.groups"
    label = _("Members of a group")

    def items(self, user):
        return [
            (str(pk), name) for pk, name in CommunityGroup.objects.order_by("name").values_list("pk", "name")
        ]

    def filters(self):
        return []

    def recipients(self, item_key, filters):
        if not str(item_key).isdigit():
            return []
        return Membership.objects.filter(group_id=int(item_key), status=Membership.Status.ACTIVE).values_list(
            "user_id", flat=True
        )


class LabelHolders:
    key = "community.labels"
    label = _("Holders of a label")

    def items(self, user):
        return [(str(label.pk), label.name) for label in Label.objects.order_by("slug")]

    def filters(self):
        return []

    def recipients(self, item_key, filters):
        if not str(item_key).isdigit():
            return []
        return LabelGrant.objects.active().filter(label_id=int(item_key)).values_list("user_id", flat=True)


class AllMembers:
    key = "community.members"
    label = _("All members")

    def items(self, user):
        return [("all", gettext("Every member"))]

    def filters(self):
        return [AudienceFilter("country", _("Country of residence"), country_choices)]

    def recipients(self, item_key, filters):
        users = get_user_model().objects.filter(is_active=True)
        countries = [c for c in filters.get("country", []) if c]
        if countries:
            users = users.filter(pk__in=Profile.objects.filter(country__in=countries).values("user_id"))
        return users.order_by("pk").values_list("pk", flat=True)


def register_community_sources() -> None:
    for source in (AllMembers(), GroupMembers(), LabelHolders()):
        registry.add_audience_source(source.key, source)
