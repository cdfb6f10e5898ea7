"""Who may moderate, report and block. Every surface of the moderation app asks here."""

from accounts.roles import ADMIN, MODERATOR, user_roles

from .targets import target_author


def can_moderate(user) -> bool:
    """Moderators and administrators handle reports, labels and suspensions."""
    if not getattr(user, "is_authenticated", False):
        return False
    return user.is_superuser or bool(user_roles(user) & {MODERATOR, ADMIN})


def can_report(user, target) -> bool:
    """Signed-in members may report what someone else wrote (not their own content)."""
    if not getattr(user, "is_authenticated", False) or target is None:
        return False
    author = target_author(target)
    if author is not None and author.pk == user.pk:
        return False
    # Private content (a message) says who may see it; nobody reports what they cannot see.
    visible_to = getattr(target, "moderation_visible_to", None)
    return visible_to(user) if callable(visible_to) else True


def can_block(user, other) -> bool:
    return (
        getattr(user, "is_authenticated", False)
        and getattr(other, "pk", None) is not None
        and other.pk != user.pk
    )
