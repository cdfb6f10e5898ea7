"""Relay proposals: members and staff who already connect many others in a country.

Figures per person and country, each shown to the analyst:

- **groups led**: community groups where they are an active owner or moderator;
- **members in the groups they lead**: active members of those groups who live in that country,
  themselves excepted (a member of two such groups counts twice);
- **labels held**: labels they hold now (moderators vouched for them);
- **matches brokered**: introductions they brokered — the matching engine does not record brokers
  yet, so ``matches_brokered`` returns 0 for everyone until it does.

Score = members in the groups they lead + 5 × groups led + 3 × labels held + 5 × matches brokered.

Who is considered, for which country: members in their country of residence, if they pass the same gate
as segments (matching consent, active, not hidden); relays (staff) in each country they cover, as
following that area is their job. People already covering a country as relays are flagged.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, Q

from accounts.roles import RELAY
from community.groups.models import Membership
from community.labels.models import LabelGrant
from community.profiles.models import Profile, RelayCoverage
from core.countries import country_name

from .selectors import eligible_profiles

GROUP_WEIGHT, LABEL_WEIGHT, MATCH_WEIGHT = 5, 3, 5
PROPOSALS_PER_COUNTRY = 5
LEADING_ROLES = [Membership.Role.OWNER, Membership.Role.MODERATOR]


@dataclass
class RelayProposal:
    user_id: int
    name: str
    country: str
    groups_led: int
    members_reached: int
    labels_held: int
    matches_brokered: int
    is_relay: bool

    @property
    def score(self) -> int:
        return (
            self.members_reached
            + GROUP_WEIGHT * self.groups_led
            + LABEL_WEIGHT * self.labels_held
            + MATCH_WEIGHT * self.matches_brokered
        )


def matches_brokered(user_ids) -> dict[int, int]:
    """Introductions each person brokered. Hook for the matching engine: none is recorded yet, so 0."""
    return dict.fromkeys(user_ids, 0)


def _people_by_country() -> dict[int, tuple[str, set[str], bool]]:
    """user id → (name, countries, is a relay there)."""
    people = {}
    # Only people with something to show: leading a group or holding a label (brokers join here once
    # the engine records them). Subqueries, not id lists: SQLite caps the parameters of a query.
    led = Membership.objects.filter(status=Membership.Status.ACTIVE, role__in=LEADING_ROLES).values("user_id")
    labelled = LabelGrant.objects.active().values("user_id")
    candidates = eligible_profiles().exclude(country="").filter(Q(user_id__in=led) | Q(user_id__in=labelled))
    for user_id, name, country in candidates.values_list("user_id", "display_name", "country"):
        people[user_id] = [name, {country}, set()]
    coverages = RelayCoverage.objects.filter(relay__is_active=True, relay__groups__name=RELAY).select_related(
        "relay", "relay__profile"
    )
    for coverage in coverages:
        relay = coverage.relay
        profile = getattr(relay, "profile", None)
        name = profile.display_name if profile is not None else relay.get_full_name() or relay.email
        entry = people.setdefault(relay.pk, [name, set(), set()])
        entry[1] |= set(coverage.countries)
        entry[2] |= set(coverage.countries)
    return people


def relay_proposals(country: str = "", limit: int = PROPOSALS_PER_COUNTRY) -> list[dict]:
    """Per country (one, or every country with a proposal), the best-placed people, best first."""
    people = _people_by_country()
    user_ids = list(people)
    led = Membership.objects.filter(
        user_id__in=user_ids,
        status=Membership.Status.ACTIVE,
        role__in=LEADING_ROLES,
    ).values_list("user_id", "group_id")
    groups_of = defaultdict(set)
    for user_id, group_id in led:
        groups_of[user_id].add(group_id)
    group_ids = {group_id for groups in groups_of.values() for group_id in groups}
    sizes = {
        (group_id, code): n
        for group_id, code, n in Membership.objects.filter(
            group_id__in=group_ids, status=Membership.Status.ACTIVE
        )
        .values("group_id", "user__profile__country")
        .annotate(n=Count("id"))
        .values_list("group_id", "user__profile__country", "n")
    }
    own_country = dict(Profile.objects.filter(user_id__in=user_ids).values_list("user_id", "country"))
    labels = dict(
        LabelGrant.objects.active()
        .filter(user_id__in=user_ids)
        .values("user_id")
        .annotate(n=Count("id"))
        .values_list("user_id", "n")
    )
    brokered = matches_brokered(user_ids)
    by_country = defaultdict(list)
    for user_id, (name, countries, relay_countries) in people.items():
        groups = groups_of.get(user_id, set())
        for code in countries:
            if country and code != country:
                continue
            proposal = RelayProposal(
                user_id=user_id,
                name=name,
                country=code,
                groups_led=len(groups),
                members_reached=sum(
                    max(sizes.get((group_id, code), 0) - (own_country.get(user_id) == code), 0)
                    for group_id in groups
                ),
                labels_held=labels.get(user_id, 0),
                matches_brokered=brokered.get(user_id, 0),
                is_relay=code in relay_countries,
            )
            if proposal.score > 0:
                by_country[code].append(proposal)
    result = []
    for code, proposals in by_country.items():
        proposals.sort(key=lambda p: (-p.score, p.name.casefold(), p.user_id))
        result.append({"country": code, "country_name": country_name(code), "proposals": proposals[:limit]})
    result.sort(key=lambda entry: str(entry["country_name"]))
    return result
