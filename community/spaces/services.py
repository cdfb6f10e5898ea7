"""Writes in gated spaces: charter acceptances, posts, comments, documents, feed tokens."""

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer

from django.db import transaction
from django.utils import timezone

from .models import CharterAcceptance, Comment, Document, FeedToken, Post, SpaceVisit


def space_group_name(space_id: int) -> str:
    return f"space-posts-{space_id}"


@transaction.atomic
def charter_accept(*, user, version) -> CharterAcceptance:
    """Record that ``user`` accepted ``version`` now. Append-only: earlier acceptances stay as they are."""
    existing = CharterAcceptance.objects.filter(user=user, version=version).first()
    if existing:
        return existing
    return CharterAcceptance.objects.create(user=user, version=version, accepted_at=timezone.now())


def space_visit_record(*, user, space) -> None:
    now = timezone.now()
    updated = SpaceVisit.objects.filter(user=user, space=space).update(last_visited_at=now)
    if not updated:
        SpaceVisit.objects.get_or_create(
            user=user, space=space, defaults={"first_visited_at": now, "last_visited_at": now}
        )


@transaction.atomic
def post_create(*, author, title: str, body: str, space=None, group=None) -> Post:
    post = Post.objects.create(author=author, title=title, body=body, space=space, group=group)
    if space is not None:
        transaction.on_commit(lambda: post_broadcast(post.id, space.id))
    return post


def post_broadcast(post_id: int, space_id: int) -> None:
    """Tell connected sockets a post exists; each consumer re-checks the gate before sending it."""
    layer = get_channel_layer()
    if layer is not None:
        async_to_sync(layer.group_send)(
            space_group_name(space_id), {"type": "space.post", "post_id": post_id}
        )


@transaction.atomic
def comment_create(*, author, post, body: str) -> Comment:
    return Comment.objects.create(author=author, post=post, body=body)


@transaction.atomic
def post_hide(*, post, by) -> Post:
    if post.hidden_at is None:
        post.hidden_at, post.hidden_by = timezone.now(), by
        post.save(update_fields=["hidden_at", "hidden_by"])
    return post


@transaction.atomic
def comment_hide(*, comment, by) -> Comment:
    if comment.hidden_at is None:
        comment.hidden_at, comment.hidden_by = timezone.now(), by
        comment.save(update_fields=["hidden_at", "hidden_by"])
    return comment


@transaction.atomic
def document_upload(*, space, user, title: str, uploaded, content_type: str) -> Document:
    """Store a file already checked by content (see forms.DocumentForm) in private storage."""
    document = Document(
        space=space,
        uploaded_by=user,
        title=title,
        filename=(uploaded.name or "document")[-200:],
        content_type=content_type,
        size=uploaded.size,
    )
    document.file.save(uploaded.name or "document", uploaded, save=False)
    document.save()
    return document


@transaction.atomic
def feed_token_issue(*, user) -> FeedToken:
    """A fresh feed secret; the previous one stops working at once."""
    feed_token_revoke(user=user)
    return FeedToken.objects.create(user=user)


@transaction.atomic
def feed_token_revoke(*, user) -> int:
    return FeedToken.objects.filter(user=user, revoked_at__isnull=True).update(revoked_at=timezone.now())
