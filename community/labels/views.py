from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_tool
from core.audit import audit_record
from core.models import AuditLog
from core.storage import private_file_response

from . import selectors, services
from .forms import DecisionForm, LabelApplicationForm
from .models import EvidenceFile, Label, LabelApplication, LabelGrant
from .permissions import can_apply_for, can_decide_labels, can_download_evidence

_moderator_required = staff_tool(can_decide_labels)


def label_list(request):
    labels = [
        {"label": label, "can_apply": can_apply_for(request.user, label)}
        for label in selectors.labels_open_to_applications()
    ]
    return render(request, "labels/label_list.html", {"labels": labels})


@login_required
def label_apply(request, slug):
    label = get_object_or_404(Label, slug=slug, is_active=True)
    if not can_apply_for(request.user, label):
        messages.info(request, _("You already hold this label or have an application pending for it."))
        return redirect("labels:mine")
    form = LabelApplicationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.label_apply(
                applicant=request.user,
                label=label,
                statement=form.cleaned_data["statement"],
                files=form.cleaned_data["evidence"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Your application has been sent to the moderators."))
            return redirect("labels:mine")
    status = 400 if form.is_bound else 200
    return render(request, "labels/apply.html", {"label": label, "form": form}, status=status)


@login_required
def labels_mine(request):
    return render(
        request,
        "labels/mine.html",
        {
            "grants": selectors.labels_held(request.user),
            "applications": selectors.applications_of(request.user),
            "decisions": selectors.decisions_of(request.user)[:50],
        },
    )


@login_required
@require_POST
def application_withdraw(request, pk):
    application = get_object_or_404(LabelApplication, pk=pk, applicant=request.user)
    try:
        services.label_application_withdraw(application=application, member=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Your application has been withdrawn."))
    return redirect("labels:mine")


@login_required
def evidence_download(request, pk):
    evidence = get_object_or_404(EvidenceFile.objects.select_related("application"), pk=pk)
    if not can_download_evidence(request.user, evidence):
        raise PermissionDenied
    if evidence.application.applicant_id != request.user.pk:  # a staff read of personal data
        audit_record(
            request.user,
            "labels.evidence_download",
            evidence,
            kind=AuditLog.Kind.EXPORT,
            subject=evidence.application.applicant,
        )
    return private_file_response(
        evidence.file, filename=evidence.original_name, content_type=evidence.content_type
    )


@_moderator_required
def moderation_queue(request):
    pending = Paginator(selectors.applications_pending(), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "labels/moderation_queue.html",
        {"pending": pending, "grants": selectors.grants_active_all()[:200]},
    )


@_moderator_required
def application_review(request, pk):
    application = get_object_or_404(
        LabelApplication.objects.select_related("label", "applicant").prefetch_related(
            "evidence", "decisions"
        ),
        pk=pk,
    )
    grant_form = DecisionForm(prefix="grant")
    refuse_form = DecisionForm(prefix="refuse", reason_required=True)
    status = 200
    if request.method == "POST":
        action = request.POST.get("action")
        form = (
            DecisionForm(request.POST, prefix="grant")
            if action == "grant"
            else DecisionForm(request.POST, prefix="refuse", reason_required=True)
        )
        if action == "grant":
            grant_form = form
        else:
            refuse_form = form
        if form.is_valid():
            try:
                if action == "grant":
                    services.label_application_grant(
                        application=application, moderator=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(request, _("The label has been granted."))
                else:
                    services.label_application_refuse(
                        application=application, moderator=request.user, reason=form.cleaned_data["reason"]
                    )
                    messages.success(request, _("The application has been refused."))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect("labels:moderation")
        status = 400
    return render(
        request,
        "labels/application_review.html",
        {"application": application, "grant_form": grant_form, "refuse_form": refuse_form},
        status=status,
    )


@_moderator_required
def grant_revoke(request, pk):
    grant = get_object_or_404(LabelGrant.objects.active().select_related("label", "user"), pk=pk)
    form = DecisionForm(request.POST or None, reason_required=True)
    if request.method == "POST" and form.is_valid():
        try:
            services.label_grant_revoke(
                grant=grant, moderator=request.user, reason=form.cleaned_data["reason"]
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The label has been withdrawn."))
            return redirect("labels:moderation")
    status = 400 if form.is_bound else 200
    return render(request, "labels/grant_revoke.html", {"grant": grant, "form": form}, status=status)
