"""Who may moderate, report and block. Every surface of the moderation app asks here."""

from accounts.roles import ADMIN, MODERATOR, user_roles

from .targets import is_reportable, target_author, target_visible_to


def can_moderate(user) -> bool:
    """Moderators and administrators handle reports, labels and suspensions."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(user_roles(user) & {MODERATOR, ADMIN})


def may_offer_report(user, target) -> bool:
    """A "Report" link beside content a page shows the viewer: the page already decided they see it,
    so only the author and the type are checked here (the report view checks everything again)."""
    if not getattr(user, "is_authenticated", False) or not is_reportable(target):
        return False
    author = target_author(target)
    return author is None or author.pk != user.pk


def can_report(user, target) -> bool:
    """Signed-in members may report what someone else wrote (not their own content), of a reportable
    type (targets.register_reportable) and only what they may see."""
    return may_offer_report(user, target) and target_visible_to(user, target)


def can_block(user, other) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and getattr(other, "pk", None) is not None
        and other.pk != user.pk
    )


def may_know(user, other) -> bool:
    """Block only someone met: their profile is open to the member, or they share a conversation."""
    from community.messaging.models import Participant  # messaging builds on moderation
    from community.profiles.permissions import may_view_profile

    profile = getattr(other, "profile", None)
    if profile is not None and may_view_profile(user, profile):
        return True
    # A conversation the member left no longer counts: it is listed nowhere for them any more, so the
    # other person's name must not come back through a block (found by the POST harness).
    mine = Participant.objects.filter(user=user, left_at__isnull=True).values("conversation_id")
    return Participant.objects.filter(user=other, conversation_id__in=mine).exists()
