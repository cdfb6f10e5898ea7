"""Read queries about labels. Other apps ask these, never the grant table directly."""

from core.requestmemo import remembered

from .models import Label, LabelApplication, LabelDecision, LabelGrant

# A page asks "which labels does this visitor hold?" for the directory's audience level, the avatars,
# the spaces and the menus: read once per request, forgotten whenever a grant is written (apps.py).
LABELS_MEMO = "active_label_ids"


def active_label_ids(user) -> set[int]:
    """Ids of the labels a user holds right now (expired and ended grants do not count)."""
    if not getattr(user, "is_authenticated", False):
        return set()

    def read():
        return frozenset(LabelGrant.objects.active().filter(user=user).values_list("label_id", flat=True))

    return set(remembered((LABELS_MEMO, user.pk), read))


def holds_any_label(user) -> bool:
    return bool(active_label_ids(user))


def users_holding(label_ids):
    """Queryset of user ids holding at least one of the labels now (for subqueries)."""
    return LabelGrant.objects.active().filter(label_id__in=label_ids).values("user_id")


def labels_open_to_applications():

    return Label.objects.filter(is_active=True)


def labels_held(user):
    """Grants the user holds now, with their label, for badges and the "my labels" page."""
    if not getattr(user, "is_authenticated", False) and not getattr(user, "pk", None):
        return LabelGrant.objects.none()
    return LabelGrant.objects.active().filter(user=user).select_related("label").order_by("label__slug")


def applications_of(user):

    return (
        LabelApplication.objects.filter(applicant=user)
        .select_related("label")
        .prefetch_related("decisions", "evidence")
        .order_by("-created_at", "-id")
    )


def applications_pending():
    """The moderation queue: oldest first."""

    return (
        LabelApplication.objects.filter(status=LabelApplication.Status.PENDING)
        .select_related("label", "applicant")
        .prefetch_related("evidence")
        .order_by("created_at", "id")
    )


def grants_active_all():
    return LabelGrant.objects.active().select_related("label", "user").order_by("label__slug", "granted_at")


def decisions_of(user):

    return LabelDecision.objects.filter(member=user).select_related("label").order_by("-created_at", "-id")
