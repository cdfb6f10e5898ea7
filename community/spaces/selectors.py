"""Read queries for gated spaces. Anything that shows content filters it through the gate first."""

from django.contrib.auth import get_user_model
from django.db.models import Count, Q

from accounts.roles import ADMIN, MODERATOR
from community.labels.selectors import users_holding

from .models import CharterAcceptance, Comment, FeedToken, Post, Space, SpaceVisit
from .permissions import space_access


def spaces_all():
    return Space.objects.select_related("charter").prefetch_related("required_labels")


def space_get(slug):
    return spaces_all().get(slug=slug)


def space_posts(space):
    """Posts shown in a space: never the hidden ones."""
    return (
        Post.objects.visible()
        .filter(space=space)
        .select_related("author__profile", "space")
        .annotate(comment_count=Count("comments", filter=Q(comments__hidden_at__isnull=True)))
    )


def post_comments(post):
    return Comment.objects.visible().filter(post=post).select_related("author__profile")


def spaces_with_access(user):
    """(space, access) for every space, so lists can show names to all and content to those let in."""
    return [(space, space_access(user, space)) for space in spaces_all()]


def accessible_space_ids(user) -> list[int]:
    return [space.id for space, access in spaces_with_access(user) if access.allowed]


def space_summary(space):
    posts = space_posts(space)
    return {
        "post_count": posts.count(),
        "member_count": space_members(space).count(),
        "latest": posts.first(),
    }


def posts_search(user, query: str):
    """Posts matching ``query`` in the spaces ``user`` may enter now; nothing from the others."""
    query = (query or "").strip()
    if not query:
        return Post.objects.none()
    return (
        Post.objects.visible()
        .filter(space_id__in=accessible_space_ids(user))
        .filter(Q(title__icontains=query) | Q(body__icontains=query))
        .select_related("author__profile", "space")[:50]
    )


def users_with_access(space):
    """Accounts passing the gate of ``space`` now (the same rule as ``space_access``, as a queryset)."""
    users = get_user_model().objects.filter(is_active=True)
    staff = Q(is_superuser=True) | Q(groups__name__in=[MODERATOR, ADMIN])
    rule = Q()
    labels = [label.id for label in space.required_labels.all()]
    if labels and space.label_mode == Space.Mode.ALL_OF:
        for label_id in labels:
            rule &= Q(id__in=users_holding([label_id]))
    elif labels:
        rule &= Q(id__in=users_holding(labels))
    if space.charter_id:
        version = space.charter.current_version()
        if version is None:
            rule &= Q(pk__in=[])
        else:
            rule &= Q(id__in=CharterAcceptance.objects.filter(version=version).values("user_id"))
    return users.filter(rule | staff).distinct()


def space_members(space):
    """Members who entered the space and still pass its gate."""
    visitors = SpaceVisit.objects.filter(space=space).values("user_id")
    return users_with_access(space).filter(id__in=visitors).order_by("first_name", "last_name", "id")


def feed_token_active(user):
    return FeedToken.objects.filter(user=user, revoked_at__isnull=True).order_by("-created_at").first()


def feed_token_owner(token: str):
    found = (
        FeedToken.objects.filter(token=token, revoked_at__isnull=True, user__is_active=True)
        .select_related("user")
        .first()
    )
    return found.user if found else None
