"""Who may do what with labels. Views, downloads and services all ask here."""

from community.moderation.permissions import can_moderate

from .models import LabelApplication, LabelGrant


def can_decide_labels(user) -> bool:
    """Grant, refuse and revoke labels: moderators and administrators."""
    return can_moderate(user)


def can_apply_for(user, label) -> bool:
    """An active label, and the member neither holds it now nor has an application pending."""
    if not getattr(user, "is_authenticated", False) or not label.is_active:
        return False
    if LabelGrant.objects.active().filter(user=user, label=label).exists():
        return False
    return not LabelApplication.objects.filter(
        applicant=user, label=label, status=LabelApplication.Status.PENDING
    ).exists()


def can_see_application(user, application) -> bool:
    """The applicant and moderators; they alone may read the statement and download the evidence."""
    if not getattr(user, "is_authenticated", False):
        return False
    return application.applicant_id == user.pk or can_decide_labels(user)


def can_download_evidence(user, evidence) -> bool:
    return can_see_application(user, evidence.application)
