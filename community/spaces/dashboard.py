"""The posts panel of the ministry's dashboard: posts and comments in groups and gated spaces."""

from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.registry import DashboardPanel

from .models import Comment, Post


def posts_data(request, filters) -> dict:
    posts = Post.objects.filter(created_at__lt=filters["until"])
    comments = Comment.objects.filter(created_at__lt=filters["until"])
    if filters.get("since"):
        posts = posts.filter(created_at__gte=filters["since"])
        comments = comments.filter(created_at__gte=filters["since"])
    if filters.get("label_holders") is not None:  # written by a member holding the label
        posts = posts.filter(author__in=filters["label_holders"])
        comments = comments.filter(author__in=filters["label_holders"])
    counts = posts.aggregate(
        groups=Count("id", filter=Q(group__isnull=False)), spaces=Count("id", filter=Q(space__isnull=False))
    )
    comment_counts = comments.aggregate(
        groups=Count("id", filter=Q(post__group__isnull=False)),
        spaces=Count("id", filter=Q(post__space__isnull=False)),
    )
    return {
        "columns": [_("Where"), _("Posts"), _("Comments")],
        "rows": [
            [_("Groups"), counts["groups"], comment_counts["groups"]],
            [_("Gated spaces"), counts["spaces"], comment_counts["spaces"]],
        ],
    }


PANEL = DashboardPanel(
    key="spaces.posts",
    title=gettext_lazy("Posts in groups and spaces"),
    data=posts_data,
    supports=frozenset({"period", "label"}),
    section="activity",
    order=10,
)
