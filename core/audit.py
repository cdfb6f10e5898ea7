"""The one service that writes the audit log: every app calls ``audit_record``, nobody writes rows."""

from .models import AuditLog


def _label(obj) -> str:
    return obj._meta.label_lower if obj is not None else ""


def audit_record(
    actor,
    action: str,
    target=None,
    *,
    kind: str = AuditLog.Kind.READ,
    subject=None,
    reason: str = "",
    detail: str = "",
    **context,
) -> AuditLog:
    """Record that ``actor`` did ``action`` ("app.verb") on ``target``; ``context`` names other objects.

    Context values that are model instances are stored by id under their keyword.
    """
    stored = {}
    for name, value in context.items():
        if value is None:
            continue
        stored[name] = value.pk if hasattr(value, "pk") else value
    return AuditLog.objects.create(
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        kind=kind,
        action=action,
        target_type=_label(target),
        target_id=str(target.pk) if target is not None else "",
        subject=subject,
        reason=(reason or "")[:255],
        detail=(detail or "")[:255],
        context=stored,
    )


def audit_entries(*, app: str | None = None, target=None, actor=None, subject=None):
    """Entries, newest first, narrowed by app (action prefix), target object, actor or subject."""
    entries = AuditLog.objects.select_related("actor")
    if app:
        entries = entries.filter(action__startswith=f"{app}.")
    if target is not None:
        entries = entries.filter(target_type=_label(target), target_id=str(target.pk))
    if actor is not None:
        entries = entries.filter(actor=actor)
    if subject is not None:
        entries = entries.filter(subject=subject)
    return entries
