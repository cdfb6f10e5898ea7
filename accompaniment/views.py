"""Holders' pages: the request in three steps (a draft kept between them), their cases, the closure survey,
the launch follow-up; the mentor's answer; document downloads (holder and staff in charge, audited)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.permissions import two_factor_required
from community.messaging.selectors import conversation_messages
from community.profiles.models import Project
from core.storage import private_file_response

from . import permissions, selectors, services
from .forms import (
    REQUEST_STEPS,
    STEP_FORMS,
    FollowupForm,
    MentorAnswerForm,
    MessageForm,
    SurveyForm,
    UploadForm,
)
from .models import Case, DocumentVersion, Referral, RequestDraft


@login_required
def my_cases(request):
    cases = selectors.holder_cases(request.user)
    projects = Project.objects.filter(owner__user=request.user).exclude(
        pk__in=cases.filter(closed_at__isnull=True).values("project")
    )
    return render(request, "accompaniment/my_cases.html", {"cases": cases, "projects": projects})


def _own_project(request, project_id) -> Project:
    project = get_object_or_404(Project.objects.select_related("owner"), pk=project_id)
    if not permissions.may_request(request.user, project):
        raise Http404
    return project


@login_required
def request_step(request, project_id, step=1):
    """One step of the request. Each POST saves the draft; the last step turns it into a case."""
    project = _own_project(request, project_id)
    if Case.objects.filter(project=project, closed_at__isnull=True).exists():
        messages.info(request, _("This project already has an open case."))
        return redirect("accompaniment:my_cases")
    step = max(1, min(int(step), REQUEST_STEPS))
    draft, _created = RequestDraft.objects.get_or_create(
        holder=request.user, project=project, defaults={"data": {"region": project.region}}
    )
    if step > draft.step:  # steps are taken in order; a later one is reached after the ones before
        return redirect("accompaniment:request_step", project.pk, draft.step)
    form_class = STEP_FORMS[step]
    if request.method == "POST":
        if "back" in request.POST and step > 1:
            return redirect("accompaniment:request_step", project.pk, step - 1)
        form = form_class(request.POST, request.FILES)
        if form.is_valid():
            if step < REQUEST_STEPS:
                draft.data.update({k: v for k, v in form.cleaned_data.items()})
                draft.step = max(draft.step, step + 1)
                draft.save(update_fields=["data", "step", "updated_at"])
                return redirect("accompaniment:request_step", project.pk, step + 1)
            try:
                case = services.case_request(
                    holder=request.user, project=project, data=draft.data, documents=form.documents()
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                draft.delete()
                messages.success(request, _("Your request is sent. An advisor will answer you."))
                return redirect("accompaniment:my_case", case.pk)
    else:
        form = form_class(initial=draft.data)
    return render(
        request,
        "accompaniment/request.html",
        {
            "project": project,
            "form": form,
            "step": step,
            "steps": range(1, REQUEST_STEPS + 1),
            "total": REQUEST_STEPS,
            "draft": draft,
        },
    )


def _holder_case(request, pk) -> Case:
    case = get_object_or_404(Case.objects.select_related("project", "stage", "advisor", "relay"), pk=pk)
    if not permissions.is_holder(request.user, case):
        raise Http404
    return case


@login_required
def my_case(request, pk):
    case = _holder_case(request, pk)
    documents = list(selectors.case_documents(case))
    context = {
        "case": case,
        "timeline": [e for e in selectors.case_timeline(case) if e.kind in ("created", "transition")],
        "referrals": selectors.case_referrals(case),
        "documents": documents,
        "requested": [d for d in documents if d.requested_at and not d.latest],
        "conversation": conversation_messages(case.conversation) if case.conversation_id else [],
        "message_form": MessageForm(),
        "upload_form": UploadForm(),
        "survey_form": SurveyForm() if case.closed_at and not case.survey_at else None,
        "followup_form": FollowupForm() if case.followup_sent_at and not case.followup_answered_at else None,
    }
    return render(request, "accompaniment/my_case.html", context)


@require_POST
@login_required
def my_case_message(request, pk):
    case = _holder_case(request, pk)
    form = MessageForm(request.POST)
    if form.is_valid():
        try:
            services.case_message_send(sender=request.user, case=case, body=form.cleaned_data["body"])
        except (ValidationError, PermissionDenied) as error:
            messages.error(request, " ".join(getattr(error, "messages", [str(error)])))
        else:
            messages.success(request, _("Message sent."))
    return redirect("accompaniment:my_case", case.pk)


@require_POST
@login_required
def my_case_document(request, pk):
    case = _holder_case(request, pk)
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            services.document_upload(
                actor=request.user,
                case=case,
                kind=form.cleaned_data["kind"],
                upload=form.cleaned_data["file"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Document sent."))
    else:
        messages.error(request, _("Choose the kind of document and a file."))
    return redirect("accompaniment:my_case", case.pk)


@require_POST
@login_required
def my_case_survey(request, pk):
    case = _holder_case(request, pk)
    form = SurveyForm(request.POST)
    if form.is_valid():
        try:
            services.survey_submit(
                user=request.user,
                case=case,
                satisfaction=form.cleaned_data["satisfaction"],
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for your answer."))
    return redirect("accompaniment:my_case", case.pk)


@require_POST
@login_required
def my_case_followup(request, pk):
    case = _holder_case(request, pk)
    form = FollowupForm(request.POST)
    if form.is_valid():
        try:
            services.followup_answer(user=request.user, case=case, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Thank you for your answer."))
    return redirect("accompaniment:my_case", case.pk)


@login_required
def document_download(request, pk):
    version = get_object_or_404(DocumentVersion.objects.select_related("document__case"), pk=pk)
    case = version.document.case
    # Staff reach files only past the second factor, like their other tools.
    if not permissions.is_holder(request.user, case) and (
        two_factor_required(request.user) or not permissions.may_download(request.user, version.document)
    ):
        raise Http404
    services.document_download_record(actor=request.user, version=version)
    return private_file_response(version.file, filename=version.filename, content_type=version.content_type)


@login_required
def mentor_answer(request, pk):
    referral = get_object_or_404(
        Referral.objects.select_related("case__project", "mentor"), pk=pk, kind=Referral.Kind.MENTOR
    )
    if referral.mentor is None or referral.mentor.user_id != request.user.pk:
        raise Http404
    form = MentorAnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and referral.outcome == Referral.Outcome.PENDING:
        services.mentor_answer(
            user=request.user,
            referral=referral,
            accept=form.cleaned_data["accept"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Thank you: the advisor is told of your answer."))
        return redirect("accompaniment:mentor_answer", referral.pk)
    return render(request, "accompaniment/mentor_answer.html", {"referral": referral, "form": form})
