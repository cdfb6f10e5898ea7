from allauth.mfa.utils import is_mfa_enabled

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_tool
from accounts.permissions import two_factor_required
from accounts.roles import ADMIN, user_roles
from core.audit import audit_record
from core.csvfile import csv_response
from core.models import AuditLog
from core.registry import registry
from core.storage import private_file_response

from . import selectors
from .exports import export_days, export_latest
from .exports import export_request as data_export_request
from .forms import AuditFilterForm, ConsentChangeForm
from .middleware import SESSION_KEY as NOTICE_REVIEW_KEY
from .models import CONSENT_PURPOSE_DESCRIPTIONS, ConsentPurpose, ConsentSource, DataExport
from .retention import retention_rules
from .services import consent_record, notice_accept


@login_required
def account_settings(request):
    current = selectors.consents_current(request.user)
    consents = [
        {
            "purpose": purpose.value,
            "label": purpose.label,
            "description": CONSENT_PURPOSE_DESCRIPTIONS[purpose.value],
            "granted": current[purpose.value],
        }
        for purpose in ConsentPurpose
    ]
    context = {
        "consents": consents,
        "history": selectors.consent_history(request.user),
        "acceptances": selectors.notice_acceptances(request.user),
        "notice_current": selectors.notice_current(),
        "privacy_notice_url": selectors.notice_url(),
        "mfa_enabled": is_mfa_enabled(request.user),
        "two_factor_required": two_factor_required(request.user),
        "signup_source": ConsentSource.SIGNUP,
        "export": export_latest(request.user),
        "export_days": export_days(),
        "export_status": DataExport.Status,
        "staff_links": registry.menu("staff", request),
    }
    return render(request, "privacy/account_settings.html", context)


@login_required
@require_POST
def consent_change(request):
    form = ConsentChangeForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("That choice could not be saved. Please try again."))
        return redirect(f"{reverse('account_settings')}#consents")
    purpose = form.cleaned_data["purpose"]
    granted = form.cleaned_data["granted"]
    consent_record(user=request.user, purpose=purpose, granted=granted, source=ConsentSource.SETTINGS)
    label = ConsentPurpose(purpose).label
    if granted:
        messages.success(request, _("Consent granted: %(purpose)s.") % {"purpose": label})
    else:
        messages.success(request, _("Consent withdrawn: %(purpose)s.") % {"purpose": label})
    return redirect(f"{reverse('account_settings')}#consents")


@login_required
@require_POST
def export_request(request):
    """Ask for a copy of everything held about me; a task builds it and the member is notified."""
    data_export_request(user=request.user)
    messages.success(
        request, _("Your archive is being prepared. We will notify you when it is ready to download.")
    )
    return redirect(f"{reverse('account_settings')}#my-data")


@login_required
def export_download(request, pk):
    """The archive, to its owner only, while it is ready; anyone else (staff included) gets a 404."""
    export = DataExport.objects.filter(
        pk=pk, user=request.user, status=DataExport.Status.READY, expires_at__gt=timezone.now()
    ).first()
    if export is None or not export.file:
        raise Http404
    filename = f"kafaat-my-data-{export.finished_at:%Y-%m-%d}.zip"
    return private_file_response(export.file, filename=filename, content_type="application/zip")


@login_required
def notice_review(request):
    """A new version of the privacy notice: accepting it is recorded (NoticeAcceptance), then on."""
    target = request.GET.get("next") or request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        target = "/"
    if request.method == "POST":
        if selectors.notice_review_needed(request.user):
            notice_accept(user=request.user)
        request.session.pop(NOTICE_REVIEW_KEY, None)
        messages.success(request, _("Thank you: your acceptance of the new privacy notice is recorded."))
        return redirect(target)
    context = {
        "notice": selectors.notice_current(),
        "privacy_notice_url": selectors.notice_url(),
        "next": target,
    }
    return render(request, "privacy/notice_review.html", context)


@staff_tool(lambda user: ADMIN in user_roles(user))
def retention_schedule(request):
    """Administrators see how long each kind of data is kept and how much is due for deletion now."""

    rows = [{"rule": rule, "due": rule.due().count()} for rule in retention_rules()]
    return render(request, "privacy/retention.html", {"rows": rows})


def _audit_rows(entries):
    for entry in entries:
        yield [
            entry.at.isoformat(),
            entry.actor.email if entry.actor else "",
            entry.get_kind_display(),
            entry.action,
            str(registry.audit_action_label(entry.action)),
            f"{entry.target_type}#{entry.target_id}" if entry.target_type else "",
            entry.subject.email if entry.subject else "",
            entry.reason,
            entry.detail,
        ]


@staff_tool(lambda user: ADMIN in user_roles(user))
def audit_log(request):
    """Administrators read the shared audit log (staff reads, exports and changes), filtered."""
    form = AuditFilterForm(request.GET or None)
    entries = selectors.audit_log_entries(**form.filters())
    page = Paginator(entries, 100).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    for entry in page:
        entry.label = registry.audit_action_label(entry.action)
    context = {"form": form, "page": page, "query": query.urlencode()}
    return render(request, "privacy/audit_log.html", context)


@staff_tool(lambda user: ADMIN in user_roles(user))
def audit_log_csv(request):
    """The same entries as a CSV file; the export itself is logged."""
    form = AuditFilterForm(request.GET or None)
    filters = form.filters()
    audit_record(
        request.user,
        "privacy.audit_export",
        kind=AuditLog.Kind.EXPORT,
        detail=" ".join(f"{key}={value}" for key, value in sorted(filters.items()))[:255],
    )
    header = [
        _("When"),
        _("Who"),
        _("Kind"),
        _("Action"),
        _("What"),
        _("Target"),
        _("Whose data"),
        _("Why"),
        _("Detail"),
    ]
    rows = _audit_rows(selectors.audit_log_entries(**filters).iterator(chunk_size=2000))
    return csv_response(f"audit-log-{timezone.now():%Y-%m-%d}.csv", header, rows)
