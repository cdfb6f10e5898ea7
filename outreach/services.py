"""Writes about campaigns: audience, approval, start, cancel, unsubscribe, clicks, suppression, conversions.

Views call these; they check, write in one transaction, and queue tasks after the commit.
"""

import hashlib
import json
from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.audit import audit_record
from core.models import AuditLog
from core.registry import registry
from privacy.models import ConsentSource
from privacy.selectors import user_has_consent
from privacy.services import consent_record

from . import mail, permissions
from .audiences import audience_summary, candidates
from .messages import Outbox
from .models import Campaign, CampaignLink, Click, Conversion, Recipient, SuppressedAddress

AUDIT_ACTIONS = {
    "outreach.audience": gettext_lazy("Chose a campaign's audience"),
    "outreach.submit": gettext_lazy("Submitted a campaign for approval"),
    "outreach.approve": gettext_lazy("Approved a campaign"),
    "outreach.start": gettext_lazy("Started or scheduled a campaign"),
    "outreach.cancel": gettext_lazy("Cancelled a campaign"),
    "outreach.recipients_read": gettext_lazy("Read a campaign's recipients"),
    "outreach.recipients_export": gettext_lazy("Exported a campaign's recipients"),
    "outreach.results_export": gettext_lazy("Exported a campaign's results"),
    "outreach.suppression_read": gettext_lazy("Read the suppression list"),
    "outreach.suppression_add": gettext_lazy("Added an address to the suppression list"),
    "outreach.suppression_remove": gettext_lazy("Removed an address from the suppression list"),
}
SESSION_KEY = "outreach_campaign"
EDITABLE = (Campaign.Status.DRAFT, Campaign.Status.PENDING, Campaign.Status.APPROVED)


class CampaignError(ValidationError):
    pass


def fingerprint(campaign: Campaign) -> str:
    """What an approval covers: every message, the audience and the sending choices."""
    messages = [
        [m.language, m.subject, m.preheader, m.body, m.button_label, m.button_page_id, m.button_url]
        for m in campaign.messages.order_by("language")
    ]
    state = [
        messages,
        campaign.purpose,
        campaign.series_id,
        campaign.fallback_language,
        campaign.send_email,
        campaign.send_in_app,
        campaign.track_clicks_members,
        campaign.track_clicks_contacts,
        campaign.audience_source,
        campaign.audience_item,
        campaign.audience_filters,
    ]
    return hashlib.sha256(json.dumps(state, sort_keys=True, default=str).encode()).hexdigest()


def _locked(campaign: Campaign) -> Campaign:
    return Campaign.objects.select_for_update().get(pk=campaign.pk)


@transaction.atomic
def campaign_audience_set(*, campaign: Campaign, actor, source_key: str, item_key: str, filters: dict):
    campaign = _locked(campaign)
    if campaign.status not in EDITABLE:
        raise CampaignError(_("This campaign can no longer be changed."))
    source = registry.audience_source(source_key)
    if source is None or str(item_key) not in {str(key) for key, _label in source.items(actor)}:
        raise CampaignError(_("Choose an audience from the list."))
    allowed = {f.name: {str(v) for v, _label in f.choices()} for f in source.filters()}
    cleaned = {
        name: sorted(str(v) for v in values if str(v) in allowed[name])
        for name, values in (filters or {}).items()
        if name in allowed and values
    }
    campaign.audience_source, campaign.audience_item, campaign.audience_filters = (
        source_key,
        str(item_key),
        cleaned,
    )
    campaign.updated_by = actor
    if campaign.status != Campaign.Status.DRAFT:
        campaign.status = Campaign.Status.DRAFT  # a new audience needs a new approval
    campaign.save()
    audit_record(
        actor, "outreach.audience", campaign, kind=AuditLog.Kind.CHANGE, detail=f"{source_key}:{item_key}"
    )
    return campaign


def campaign_test_send(*, campaign: Campaign, actor) -> int:
    """Every language of the campaign to the staff member's own address, marked as a test. Not recorded."""
    if not permissions.may_use_outreach(actor):
        raise PermissionDenied
    outbox = Outbox(campaign, track=False)
    sent = 0
    connection = mail.transport()
    try:
        for message in outbox.messages:
            recipient = Recipient(
                pk=0,
                campaign=campaign,
                kind=Recipient.Kind.MEMBER,
                email=actor.email,
                name=actor.get_full_name(),
                language=message.language,
            )
            email = outbox.email(recipient)
            email.subject = _("[Test] %(subject)s") % {"subject": email.subject}
            connection.deliver(email, mail.ungated)
            sent += 1
    finally:
        connection.close()
    return sent


@transaction.atomic
def campaign_submit(*, campaign: Campaign, actor) -> Campaign:
    campaign = _locked(campaign)
    if campaign.status != Campaign.Status.DRAFT:
        raise CampaignError(_("Only a draft can be submitted for approval."))
    if not campaign.messages.exists() or not campaign.audience_item:
        raise CampaignError(_("Write a message and choose an audience first."))
    campaign.status, campaign.submitted_by = Campaign.Status.PENDING, actor
    campaign.save(update_fields=["status", "submitted_by", "updated_at"])
    audit_record(actor, "outreach.submit", campaign, kind=AuditLog.Kind.CHANGE)
    return campaign


@transaction.atomic
def campaign_approve(*, campaign: Campaign, actor) -> Campaign:
    campaign = _locked(campaign)
    if campaign.status != Campaign.Status.PENDING:
        raise CampaignError(_("This campaign is not waiting for approval."))
    if not permissions.may_approve(actor, campaign):
        raise CampaignError(_("Another staff member than the ones who wrote it must approve it."))
    campaign.status, campaign.approved_by, campaign.approved_at = (
        Campaign.Status.APPROVED,
        actor,
        timezone.now(),
    )
    campaign.approved_fingerprint = fingerprint(campaign)
    campaign.save(
        update_fields=["status", "approved_by", "approved_at", "approved_fingerprint", "updated_at"]
    )
    audit_record(actor, "outreach.approve", campaign, kind=AuditLog.Kind.CHANGE)
    return campaign


def campaign_start(*, campaign: Campaign, actor, at=None) -> Campaign:
    """Send now, or at ``at``. Above the approval threshold, only an approved, unchanged campaign."""
    summary = audience_summary(campaign)
    with transaction.atomic():
        campaign = _locked(campaign)
        if campaign.status not in (Campaign.Status.DRAFT, Campaign.Status.APPROVED):
            raise CampaignError(_("This campaign cannot be started now."))
        if not campaign.messages.exists():
            raise CampaignError(_("Write a message first."))
        if summary["reached"] == 0:
            raise CampaignError(_("Nobody in this audience can receive the campaign."))
        if permissions.needs_approval(summary["reached"]):
            approved = campaign.status == Campaign.Status.APPROVED
            if not approved or campaign.approved_fingerprint != fingerprint(campaign):
                raise CampaignError(
                    _("A campaign to more than %(count)s people needs another staff member's approval.")
                    % {"count": permissions.approval_threshold()}
                )
        now = timezone.now()
        campaign.started_by = actor
        if at and at > now:
            campaign.status, campaign.scheduled_at = Campaign.Status.SCHEDULED, at
        else:
            campaign.status, campaign.started_at = Campaign.Status.SENDING, now
        campaign.save()
        audit_record(actor, "outreach.start", campaign, kind=AuditLog.Kind.CHANGE, detail=str(at or ""))
        if campaign.status == Campaign.Status.SENDING:
            _prepare_later(campaign.pk)
    return campaign


def _prepare_later(campaign_id: int) -> None:
    from .tasks import outreach_campaign_prepare  # tasks import services: the task module loads last

    transaction.on_commit(lambda: outreach_campaign_prepare.delay(campaign_id))


@transaction.atomic
def campaign_cancel(*, campaign: Campaign, actor) -> Campaign:
    campaign = _locked(campaign)
    if campaign.status in (Campaign.Status.SENT, Campaign.Status.CANCELLED):
        raise CampaignError(_("This campaign is already over."))
    campaign.status = Campaign.Status.CANCELLED
    campaign.save(update_fields=["status", "updated_at"])
    audit_record(actor, "outreach.cancel", campaign, kind=AuditLog.Kind.CHANGE)
    return campaign


def campaign_due_start(campaign_id: int) -> bool:
    """A scheduled campaign whose time has come starts sending (called by the beat task)."""
    with transaction.atomic():
        started = Campaign.objects.filter(
            pk=campaign_id, status=Campaign.Status.SCHEDULED, scheduled_at__lte=timezone.now()
        ).update(status=Campaign.Status.SENDING, started_at=timezone.now())
        if started:
            _prepare_later(campaign_id)
    return bool(started)


def campaign_prepare(campaign_id: int) -> int:
    """Write one send record per person of the audience (idempotent); returns how many are queued."""
    campaign = Campaign.objects.filter(pk=campaign_id, status=Campaign.Status.SENDING).first()
    if campaign is None:
        return 0
    if campaign.prepared_at is None:
        people, _duplicates = candidates(campaign)
        rows = [
            Recipient(
                campaign=campaign,
                kind=p.kind,
                user_id=p.user_id,
                contact_key=p.contact_key,
                address_key=p.address_key,
                email=p.email,
                domain=p.domain,
                name=p.name[:200],
                language=p.language,
                country=p.country[:2],
                origin=p.origin,
                status=Recipient.Status.EXCLUDED if p.exclusion else Recipient.Status.QUEUED,
                exclusion=p.exclusion,
            )
            for p in people
        ]
        with transaction.atomic():
            Recipient.objects.bulk_create(rows, batch_size=2000, ignore_conflicts=True)
            Campaign.objects.filter(pk=campaign.pk, prepared_at__isnull=True).update(
                prepared_at=timezone.now()
            )
    return Recipient.objects.filter(campaign=campaign, status=Recipient.Status.QUEUED).count()


# --- What recipients do -------------------------------------------------------------------------------


@transaction.atomic
def recipient_unsubscribe(recipient: Recipient) -> bool:
    """One click: a member withdraws consent for the campaign's purpose (a new record in their history);
    someone who is not a member objects and is never contacted again. Idempotent."""
    recipient = (
        Recipient.objects.select_for_update(of=("self",))
        .select_related("campaign", "user")
        .get(pk=recipient.pk)
    )
    purpose = recipient.campaign.purpose
    changed = False
    if recipient.user_id:
        if user_has_consent(recipient.user, purpose):
            consent_record(
                user=recipient.user, purpose=purpose, granted=False, source=ConsentSource.UNSUBSCRIBE
            )
            changed = True
    elif recipient.email:
        _obj, changed = SuppressedAddress.objects.get_or_create(
            email=recipient.email, defaults={"reason": SuppressedAddress.Reason.OBJECTION}
        )
    if recipient.unsubscribed_at is None:
        Recipient.objects.filter(pk=recipient.pk).update(unsubscribed_at=timezone.now())
        changed = True
    return changed


def _remember_campaign(request, campaign_id: int, recipient_id: int | None) -> None:
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_KEY] = {
            "campaign": campaign_id,
            "recipient": recipient_id,
            "at": timezone.now().isoformat(),
        }


def click_record(*, recipient: Recipient, link: CampaignLink, request=None) -> None:
    now = timezone.now()
    Click.objects.create(link=link, recipient=recipient, at=now)
    Recipient.objects.filter(pk=recipient.pk, first_click_at__isnull=True).update(first_click_at=now)
    _remember_campaign(request, link.campaign_id, recipient.pk)


def anonymous_click_record(*, link: CampaignLink, request=None) -> None:
    """A click on a link that does not follow the person: counted per link only."""
    CampaignLink.objects.filter(pk=link.pk).update(anonymous_clicks=F("anonymous_clicks") + 1)
    _remember_campaign(request, link.campaign_id, None)


def open_record(recipient: Recipient) -> None:
    Recipient.objects.filter(pk=recipient.pk, opened_at__isnull=True).update(opened_at=timezone.now())


def conversion_attribute(*, kind: str, user=None, request=None) -> Conversion | None:
    """Credit the campaign whose link the person followed within its window: the one the session carries,
    else the member's latest tracked click."""
    now = timezone.now()
    campaign_id = recipient_id = None
    remembered = (
        request.session.get(SESSION_KEY) if request is not None and hasattr(request, "session") else None
    )
    if remembered:
        campaign = Campaign.objects.filter(pk=remembered.get("campaign")).first()
        clicked = datetime.fromisoformat(remembered["at"]) if remembered.get("at") else None
        if campaign and clicked and now - clicked <= timedelta(days=campaign.conversion_window_days):
            campaign_id, recipient_id = campaign.pk, remembered.get("recipient")
    if campaign_id is None and getattr(user, "pk", None):
        click = (
            Click.objects.filter(recipient__user_id=user.pk)
            .select_related("recipient__campaign")
            .order_by("-at")
            .first()
        )
        if click and now - click.at <= timedelta(days=click.recipient.campaign.conversion_window_days):
            campaign_id, recipient_id = click.recipient.campaign_id, click.recipient_id
    if campaign_id is None:
        return None
    return Conversion.objects.create(
        campaign_id=campaign_id,
        recipient_id=recipient_id,
        kind=kind[:32],
        user=user if getattr(user, "pk", None) else None,
    )


# --- Suppression list ---------------------------------------------------------------------------------


def suppression_add(*, actor, email: str, note: str = "") -> SuppressedAddress:
    email = (email or "").strip().lower()
    entry, _created = SuppressedAddress.objects.get_or_create(
        email=email,
        defaults={"reason": SuppressedAddress.Reason.MANUAL, "note": note[:300], "created_by": actor},
    )
    audit_record(actor, "outreach.suppression_add", entry, kind=AuditLog.Kind.CHANGE)
    return entry


def suppression_remove(*, actor, entry: SuppressedAddress) -> None:
    audit_record(actor, "outreach.suppression_remove", entry, kind=AuditLog.Kind.CHANGE, detail=entry.reason)
    SuppressedAddress.objects.filter(pk=entry.pk).delete()
