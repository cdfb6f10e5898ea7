"""Read queries about blocks, asked by every surface where two members meet."""

from django.db.models import Q

from .models import Block


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
    pairs = Block.objects.filter(Q(blocker=user) | Q(blocked=user)).values_list("blocker_id", "blocked_id")
    return {other for pair in pairs for other in pair if other != user.pk}
