"""What moderation can act on: any model instance following this small protocol.

A reportable target (a profile, post, comment…) is any model instance. The moderation app reads:
- its author: the first of the attributes ``author``, ``user``, ``owner`` that is set
  (a user account reported directly is its own author);
- whether it can be hidden: it has a ``hidden_at`` DateTimeField (null = visible), and optionally a
  ``hidden_by`` user foreign key;
- a preview: ``moderation_preview()`` if defined, else ``str(target)``;
- a link: ``get_absolute_url()`` if defined.
Other apps only need a ``hidden_at`` field and to leave hidden objects out of their public lists.
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone

from .signals import target_hidden

AUTHOR_ATTRIBUTES = ("author", "user", "owner")
PREVIEW_LENGTH = 280


def target_get(content_type_id, object_id):
    """The instance, or None when the type or the object does not exist."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    if model is None:
        return None
    return model._default_manager.filter(pk=object_id).first()


def target_author(target):
    if isinstance(target, get_user_model()):
        return target
    for attribute in AUTHOR_ATTRIBUTES:
        author = getattr(target, attribute, None)
        if author is not None and hasattr(author, "is_active"):
            return author
    return None


def target_can_hide(target) -> bool:
    try:
        target._meta.get_field("hidden_at")
    except FieldDoesNotExist:
        return False
    return True


def target_hide(target, at=None, by=None) -> bool:
    """Set ``hidden_at`` (and ``hidden_by`` when the model has it) once; False when it cannot be hidden."""
    if not target_can_hide(target):
        return False
    if target.hidden_at is None:
        changes = {"hidden_at": at or timezone.now()}
        if by is not None and any(f.name == "hidden_by" for f in target._meta.get_fields()):
            changes["hidden_by"] = by
        type(target)._default_manager.filter(pk=target.pk).update(**changes)
        for name, value in changes.items():
            setattr(target, name, value)

        target_hidden.send(sender=type(target), target=target)
    return True


def target_preview(target) -> str:
    preview = target.moderation_preview() if hasattr(target, "moderation_preview") else str(target)
    preview = str(preview)
    return preview if len(preview) <= PREVIEW_LENGTH else preview[: PREVIEW_LENGTH - 1] + "…"


def target_url(target) -> str:
    get_url = getattr(target, "get_absolute_url", None)
    return get_url() if callable(get_url) else ""
