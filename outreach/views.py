"""Outreach pages. Staff: campaigns, audience, approval, sending, results, recipients, suppression list.
Recipients: the unsubscribe page (and RFC 8058 one-click POST), link redirects, the web version."""

import base64

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from wagtail.admin.admin_url_finder import AdminURLFinder

from accounts.decorators import staff_tool
from core.audit import audit_record
from core.csvfile import csv_response
from core.models import AuditLog
from core.registry import registry

from . import links, permissions, selectors, services, tokens
from .audiences import audience_summary
from .forms import AudienceForm, StartForm, SuppressionForm
from .models import Campaign, CampaignLink, Recipient, SuppressedAddress
from .rendering import field_values, message_for, web_version

staff = staff_tool(permissions.may_use_outreach)
analyst = staff_tool(permissions.may_read_recipients)
PIXEL = base64.b64decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7")


@require_GET
@staff
def campaign_list(request):
    page = Paginator(selectors.campaigns_all(), 30).get_page(request.GET.get("page"))
    finder = AdminURLFinder(request.user)
    return render(
        request,
        "outreach/campaign_list.html",
        {"page_obj": page, "add_url": reverse("wagtailsnippets_outreach_campaign:add"), "finder": finder},
    )


def _campaign(pk) -> Campaign:
    return get_object_or_404(Campaign.objects.select_related("created_by", "approved_by", "series"), pk=pk)


@staff
def campaign_detail(request, pk):
    campaign = _campaign(pk)
    source = registry.audience_source(campaign.audience_source)
    form = AudienceForm(
        request.GET if "source" in request.GET else None,
        user=request.user,
        source_key=campaign.audience_source,
        initial={"source": campaign.audience_source, "item": campaign.audience_item}
        | {f"filter_{k}": v for k, v in (campaign.audience_filters or {}).items()},
    )
    summary = audience_summary(campaign) if campaign.audience_item else None
    audience_label = ""
    if source is not None:
        audience_label = dict(source.items(request.user)).get(campaign.audience_item, campaign.audience_item)
    context = {
        "campaign": campaign,
        "messages_written": list(campaign.messages.order_by("language")),
        "form": form,
        "source": source,
        "audience_label": audience_label,
        "summary": summary,
        "needs_approval": summary is not None and permissions.needs_approval(summary["reached"]),
        "threshold": permissions.approval_threshold(),
        "may_approve": permissions.may_approve(request.user, campaign),
        "may_read_recipients": permissions.may_read_recipients(request.user),
        "start_form": StartForm(),
        "edit_url": AdminURLFinder(request.user).get_edit_url(campaign),
        "approved_unchanged": campaign.status == Campaign.Status.APPROVED
        and campaign.approved_fingerprint == services.fingerprint(campaign),
    }
    return render(request, "outreach/campaign_detail.html", context)


def _done(request, campaign, text=None):
    if text:
        messages.success(request, text)
    return redirect("outreach:detail", campaign.pk)


def _act(request, campaign, action, success):
    try:
        action()
    except services.CampaignError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("outreach:detail", campaign.pk)
    return _done(request, campaign, success)


@require_POST
@staff
def campaign_audience(request, pk):
    campaign = _campaign(pk)
    form = AudienceForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose an audience from the list."))
        return redirect("outreach:detail", campaign.pk)
    return _act(
        request,
        campaign,
        lambda: services.campaign_audience_set(
            campaign=campaign,
            actor=request.user,
            source_key=form.cleaned_data["source"],
            item_key=form.cleaned_data["item"],
            filters=form.filters(),
        ),
        _("The audience is saved."),
    )


@require_POST
@staff
def campaign_test(request, pk):
    campaign = _campaign(pk)
    count = services.campaign_test_send(campaign=campaign, actor=request.user)
    return _done(
        request,
        campaign,
        _("A test of each language was sent to %(email)s (%(count)s).")
        % {"email": request.user.email, "count": count},
    )


@require_POST
@staff
def campaign_submit(request, pk):
    campaign = _campaign(pk)
    return _act(
        request,
        campaign,
        lambda: services.campaign_submit(campaign=campaign, actor=request.user),
        _("The campaign waits for another staff member's approval."),
    )


@require_POST
@staff
def campaign_approve(request, pk):
    campaign = _campaign(pk)
    return _act(
        request,
        campaign,
        lambda: services.campaign_approve(campaign=campaign, actor=request.user),
        _("You approved the campaign: it can be sent."),
    )


@require_POST
@staff
def campaign_start(request, pk):
    campaign = _campaign(pk)
    form = StartForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a valid date and time, or leave it empty to send now."))
        return redirect("outreach:detail", campaign.pk)
    at = form.cleaned_data["at"]
    return _act(
        request,
        campaign,
        lambda: services.campaign_start(campaign=campaign, actor=request.user, at=at),
        _("The campaign is scheduled.") if at else _("The campaign is being sent."),
    )


@require_POST
@staff
def campaign_cancel(request, pk):
    campaign = _campaign(pk)
    return _act(
        request,
        campaign,
        lambda: services.campaign_cancel(campaign=campaign, actor=request.user),
        _("The campaign is cancelled."),
    )


@require_GET
@staff
def campaign_results(request, pk):
    campaign = _campaign(pk)
    return render(
        request,
        "outreach/results.html",
        {
            "campaign": campaign,
            "results": selectors.campaign_results(campaign),
            "measures": selectors.MEASURES,
            "may_read_recipients": permissions.may_read_recipients(request.user),
        },
    )


@require_POST
@staff
def campaign_results_csv(request, pk):
    campaign = _campaign(pk)
    results = selectors.campaign_results(campaign)
    audit_record(request.user, "outreach.results_export", campaign, kind=AuditLog.Kind.EXPORT)
    header = [_("Breakdown"), _("Value"), *[str(label) for _key, label in selectors.MEASURES]]
    return csv_response(
        f"campaign-{campaign.pk}-results.csv", header, selectors.results_csv_rows(campaign, results)
    )


@require_GET
@analyst
def campaign_recipients(request, pk):
    campaign = _campaign(pk)
    page = Paginator(selectors.recipients_of(campaign), 50).get_page(request.GET.get("page"))
    audit_record(
        request.user,
        "outreach.recipients_read",
        campaign,
        kind=AuditLog.Kind.READ,
        detail=f"page {page.number}",
    )
    return render(request, "outreach/recipients.html", {"campaign": campaign, "page_obj": page})


@require_POST
@analyst
def campaign_recipients_csv(request, pk):
    campaign = _campaign(pk)
    rows = selectors.recipients_of(campaign)
    audit_record(
        request.user,
        "outreach.recipients_export",
        campaign,
        kind=AuditLog.Kind.EXPORT,
        detail=str(rows.count()),
    )
    header = [
        _("Email"),
        _("Name"),
        _("Kind"),
        _("Language"),
        _("Country"),
        _("Status"),
        _("Left out because"),
        _("Sent"),
        _("Unsubscribed"),
        _("Clicked"),
    ]
    return csv_response(
        f"campaign-{campaign.pk}-recipients.csv",
        header,
        (
            [
                r.email,
                r.name,
                r.get_kind_display(),
                r.language,
                r.country,
                r.get_status_display(),
                r.get_exclusion_display(),
                r.sent_at or "",
                r.unsubscribed_at or "",
                r.first_click_at or "",
            ]
            for r in rows.iterator()
        ),
    )


@analyst
def suppression(request):
    form = SuppressionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.suppression_add(
            actor=request.user, email=form.cleaned_data["email"], note=form.cleaned_data["note"]
        )
        messages.success(request, _("The address will not be contacted again."))
        return redirect("outreach:suppression")
    page = Paginator(selectors.suppression_list(), 50).get_page(request.GET.get("page"))
    audit_record(
        request.user, "outreach.suppression_read", kind=AuditLog.Kind.READ, detail=f"page {page.number}"
    )
    return render(
        request,
        "outreach/suppression.html",
        {"form": form, "page_obj": page},
        status=400 if form.errors else 200,
    )


@require_POST
@analyst
def suppression_remove(request, pk):
    entry = get_object_or_404(SuppressedAddress, pk=pk)
    services.suppression_remove(actor=request.user, entry=entry)
    messages.success(request, _("The address is no longer on the suppression list."))
    return redirect("outreach:suppression")


# --- Recipients -------------------------------------------------------------------------------------


def _recipient(token, use="unsubscribe") -> Recipient:
    ids = tokens.read(use, token, 1)
    recipient = Recipient.objects.select_related("campaign").filter(pk=ids[0]).first() if ids else None
    if recipient is None:
        raise Http404
    return recipient


@csrf_exempt  # RFC 8058: mail programs POST without a form; the signed token is the authority
def unsubscribe(request, token):
    recipient = _recipient(token)
    contact = recipient.kind == Recipient.Kind.CONTACT
    if request.method == "POST":
        services.recipient_unsubscribe(recipient)
        if request.POST.get("List-Unsubscribe") == "One-Click":
            return HttpResponse(status=204)
        return render(request, "outreach/unsubscribe_done.html", {"recipient": recipient, "contact": contact})
    return render(
        request,
        "outreach/unsubscribe.html",
        {
            "recipient": recipient,
            "contact": contact,
            "purpose": recipient.campaign.get_purpose_display(),
            "done": recipient.unsubscribed_at is not None,
        },
    )


def _safe_redirect(url: str):
    if not links.is_allowed(url):
        raise Http404
    return HttpResponseRedirect(links.absolute(url))


@require_GET
def click(request, token):
    ids = tokens.read("click", token, 2)
    if not ids:
        raise Http404
    recipient = get_object_or_404(Recipient, pk=ids[0])
    link = get_object_or_404(CampaignLink, pk=ids[1], campaign_id=recipient.campaign_id)
    services.click_record(recipient=recipient, link=link, request=request)
    return _safe_redirect(link.url)


@require_GET
def go(request, token):
    ids = tokens.read("go", token, 2)
    if not ids:
        raise Http404
    link = get_object_or_404(CampaignLink, pk=ids[1], campaign_id=ids[0])
    services.anonymous_click_record(link=link, request=request)
    return _safe_redirect(link.url)


@require_GET
def opened(request, token):
    ids = tokens.read("open", token, 1)
    if ids:
        recipient = Recipient.objects.filter(pk=ids[0]).first()
        if recipient is not None:
            services.open_record(recipient)
    response = HttpResponse(PIXEL, content_type="image/gif")
    response["Cache-Control"] = "no-store"
    return response


@require_GET
@login_required
def message(request, pk):
    """The web version of a campaign a member received (the notification centre links here)."""
    campaign = get_object_or_404(Campaign, pk=pk)
    received = selectors.has_received(request.user, campaign)
    if not permissions.may_read_message(request.user, campaign, received):
        raise PermissionDenied
    language = (request.LANGUAGE_CODE or "fr")[:2]
    written = message_for(list(campaign.messages.all()), language, campaign.fallback_language)
    if written is None:
        raise Http404
    recipient = Recipient(name=request.user.get_full_name(), country="")
    fields = field_values(recipient, written.language)
    return render(
        request, "outreach/message.html", {"campaign": campaign, "web": web_version(written, fields)}
    )
