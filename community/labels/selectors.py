"""Read queries about labels. Other apps ask these, never the grant table directly."""

from .models import LabelGrant


def active_label_ids(user) -> set[int]:
    """Ids of the labels a user holds right now (expired and ended grants do not count)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    return set(LabelGrant.objects.active().filter(user=user).values_list("label_id", flat=True))


def holds_any_label(user) -> bool:
    return bool(active_label_ids(user))


def users_holding(label_ids):
    """Queryset of user ids holding at least one of the labels now (for subqueries)."""
    return LabelGrant.objects.active().filter(label_id__in=label_ids).values("user_id")
