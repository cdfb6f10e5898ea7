from django.db.models import Count, Q

from community.moderation.selectors import blocked_user_ids
from community.spaces.models import Comment, Post
from community.spaces.selectors import accessible_space_ids

from .models import CommunityGroup, Membership


def groups_directory(*, kind="", sector="", country=""):
    groups = CommunityGroup.objects.annotate(
        member_count=Count("memberships", filter=Q(memberships__status=Membership.Status.ACTIVE))
    )
    if kind:
        groups = groups.filter(kind=kind)
    if sector:
        groups = groups.filter(sector__icontains=sector)
    if country:
        groups = groups.filter(country__iexact=country)
    return groups.order_by("name")


def sectors():
    return sorted(set(CommunityGroup.objects.exclude(sector="").values_list("sector", flat=True)))


def countries():
    return sorted(set(CommunityGroup.objects.exclude(country="").values_list("country", flat=True)))


def group_members(group, viewer=None):
    hidden = blocked_user_ids(viewer) if viewer is not None else set()
    return (
        group.memberships.filter(status=Membership.Status.ACTIVE)
        .exclude(user_id__in=hidden)
        .select_related("user__profile")
        .order_by("-role", "user__first_name")
    )


def pending_requests(group):
    return group.memberships.filter(status=Membership.Status.PENDING).select_related("user")


def group_posts(group):
    return (
        Post.objects.visible()
        .filter(group=group)
        .select_related("author__profile", "group")
        .annotate(comment_count=Count("comments", filter=Q(comments__hidden_at__isnull=True)))
    )


def post_comments(post):
    return Comment.objects.visible().filter(post=post).select_related("author__profile")


HOME_POSTS = 6


def home_posts(user, limit: int = HOME_POSTS) -> list[Post]:
    """The latest posts of the member's groups (active membership) and of the spaces whose gate lets
    them in now, without hidden posts or posts by members blocked either way."""
    if not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    group_ids = Membership.objects.filter(user=user, status=Membership.Status.ACTIVE).values("group_id")
    return list(
        Post.objects.visible()
        .filter(Q(group_id__in=group_ids) | Q(space_id__in=accessible_space_ids(user)))
        .exclude(author_id__in=sorted(blocked_user_ids(user)))
        .select_related("author__profile", "group", "space")
        .order_by("-created_at", "-id")[:limit]
    )
