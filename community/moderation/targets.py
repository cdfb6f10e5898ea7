"""What moderation can act on: the models listed in an allow-list, following this small protocol.

A reportable target (a profile, post, comment, message) is an instance of a model its app registered
with ``register_reportable(model, visible_to)`` from its AppConfig.ready(): ``visible_to(user, obj)``
answers "may this user see this object?". An unknown type, or an object the user may not see, is
treated as absent (404), so the report form never prints what the reporter could not read.
The moderation app reads:
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

# "app_label.model" -> visible_to(user, obj). Only these types can be reported or reviewed.
_REPORTABLE = {}


_PREVIEWS = {}


def register_reportable(model, visible_to, preview=None):
    """Allow reports on ``model``; ``visible_to(user, obj)`` is its "may see" check, ``preview(obj)``
    the text shown to the reporter and the moderators (default: ``moderation_preview()`` or ``str``)."""
    _REPORTABLE[model._meta.label_lower] = visible_to
    if preview is not None:
        _PREVIEWS[model._meta.label_lower] = preview


def reportable_labels() -> frozenset:
    return frozenset(_REPORTABLE)


def is_reportable(obj) -> bool:
    return obj is not None and obj._meta.label_lower in _REPORTABLE


def target_visible_to(user, target) -> bool:
    """May ``user`` see ``target``? False for types outside the allow-list."""
    visible_to = _REPORTABLE.get(target._meta.label_lower) if target is not None else None
    return bool(visible_to and visible_to(user, target))


def target_get(content_type_id, object_id, user=None):
    """The instance, or None when the type is not reportable, the object does not exist, or (given a
    ``user``) that user may not see it."""
    try:
        content_type = ContentType.objects.get_for_id(content_type_id)
    except ContentType.DoesNotExist:
        return None
    model = content_type.model_class()
    if model is None or model._meta.label_lower not in _REPORTABLE:
        return None
    try:
        target = model._default_manager.filter(pk=object_id).first()
    except (ValueError, TypeError):
        return None
    if target is None or (user is not None and not target_visible_to(user, target)):
        return None
    return target


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
    custom = _PREVIEWS.get(target._meta.label_lower)
    if custom is not None:
        preview = custom(target)
    elif hasattr(target, "moderation_preview"):
        preview = target.moderation_preview()
    else:
        preview = str(target)
    preview = str(preview)
    return preview if len(preview) <= PREVIEW_LENGTH else preview[: PREVIEW_LENGTH - 1] + "…"


def target_url(target) -> str:
    get_url = getattr(target, "get_absolute_url", None)
    return get_url() if callable(get_url) else ""
