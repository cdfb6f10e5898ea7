"""Mentors for a case, ranked by the matching engine among members who consented to matching.

Only members who offer mentoring are proposed; the mentor's consent to take a given case is asked when
the case is referred to them (services.mentor_answer).
"""

from community.profiles.choices import Contribution
from community.profiles.models import Profile
from matching.engine import rank
from matching.index import profile_candidates, project_item


def mentor_proposals(case, limit: int = 8) -> list[Profile]:
    ranked = rank(
        project_item(case.project),
        profile_candidates(),
        query_is_project=True,
        limit=limit * 4,
        exclude_ids=set(),
        exclude_user_ids={case.holder_id},
    )
    ids = [entry.item.id for entry in ranked]
    profiles = {
        p.pk: p
        for p in Profile.objects.filter(pk__in=ids, hidden_at__isnull=True).select_related("user")
        if Contribution.MENTORING in (p.contributions or [])
    }
    return [profiles[i] for i in ids if i in profiles][:limit]
