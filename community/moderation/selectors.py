"""Read queries about blocks, asked by every surface where two members meet."""

from django.db.models import Q

from core.requestmemo import remembered

from .models import Block, ModerationAction, Report
from .targets import target_author, target_can_hide, target_get, target_preview, target_url

# Read once per request by every list that hides blocked members; forgotten when a block is written.
BLOCKS_MEMO = "blocked_user_ids"


def is_blocked_between(user_a, user_b) -> bool:
    """True when either member blocked the other."""
    if not (getattr(user_a, "pk", None) and getattr(user_b, "pk", None)):
        return False
    return Block.objects.filter(
        Q(blocker=user_a, blocked=user_b) | Q(blocker=user_b, blocked=user_a)
    ).exists()


def has_blocked(blocker, blocked) -> bool:
    if not (getattr(blocker, "pk", None) and getattr(blocked, "pk", None)):
        return False
    return Block.objects.filter(blocker=blocker, blocked=blocked).exists()


def blocked_user_ids(user) -> set[int]:
    """Members this user blocked or was blocked by: they are hidden from each other's lists."""
    if not getattr(user, "pk", None):
        return set()

    def read():
        pairs = Block.objects.filter(Q(blocker=user) | Q(blocked=user)).values_list(
            "blocker_id", "blocked_id"
        )
        return frozenset(other for pair in pairs for other in pair if other != user.pk)

    return set(remembered((BLOCKS_MEMO, user.pk), read))


def blocks_made_by(user):
    return Block.objects.filter(blocker=user).select_related("blocked").order_by("-created_at")


def open_report_groups():
    """Open reports grouped by target, the most reported (then the oldest) first, with a preview."""

    groups = {}
    for report in Report.objects.filter(status=Report.Status.OPEN).select_related("reporter", "content_type"):
        key = (report.content_type_id, report.object_id)
        groups.setdefault(key, []).append(report)
    result = []
    for (content_type_id, object_id), reports in groups.items():
        target = target_get(content_type_id, object_id)
        result.append(
            {
                "content_type_id": content_type_id,
                "object_id": object_id,
                "kind": reports[0].content_type.name,
                "target": target,
                "preview": target_preview(target) if target is not None else "",
                "url": target_url(target) if target is not None else "",
                "author": target_author(target) if target is not None else None,
                "can_hide": target is not None and target_can_hide(target),
                "reports": reports,
            }
        )
    result.sort(key=lambda group: (-len(group["reports"]), group["reports"][0].created_at))
    return result


def target_history(content_type_id, object_id):

    return ModerationAction.objects.filter(
        content_type_id=content_type_id, object_id=str(object_id)
    ).select_related("moderator")
