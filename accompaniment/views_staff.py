"""Staff pages: the board (columns by stage or a list, no JavaScript needed), a case, the overdue view,
the funnel and its CSV. Every page is behind login, the second factor and accompaniment.permissions."""

from datetime import datetime, time

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import staff_tool
from community.messaging.selectors import conversation_messages
from core.audit import audit_record
from core.csvfile import csv_response
from core.disclosure import min_count
from core.models import AuditLog

from . import permissions, selectors, services
from .forms import (
    AssignForm,
    BoardFilterForm,
    BulkAssignForm,
    DocumentRequestForm,
    MessageForm,
    MoveForm,
    NextStepForm,
    NoteForm,
    OutcomeForm,
    PeriodForm,
    ReferForm,
    TaskForm,
    UploadForm,
)
from .mentors import mentor_proposals
from .models import Case, Referral, Stage, Task

staff = staff_tool(permissions.may_use_board)
funnel_readers = staff_tool(permissions.may_read_funnel)


def _errors(request, error) -> None:
    messages.error(request, " ".join(getattr(error, "messages", None) or [str(error) or _("Not allowed.")]))


@require_GET
@staff
def board(request):
    form = BoardFilterForm(request.GET or None)
    filters = form.filters() if request.GET else {}
    view = request.GET.get("view") if request.GET.get("view") in ("kanban", "list") else "kanban"
    context = {
        "form": form,
        "view": view,
        "counts": selectors.overdue_counts(request.user, filters),
        "may_assign": permissions.may_assign(request.user),
        "query": request.GET.urlencode(),
    }
    if view == "list":
        context["page_obj"] = page = Paginator(selectors.board_list(request.user, filters), 50).get_page(
            request.GET.get("page")
        )
        context["cards"] = selectors.cards_of(page.object_list)
        context["stage_names"] = {stage.pk: stage.name for stage in selectors.stages_active()}
        if context["may_assign"]:
            context["bulk_form"] = BulkAssignForm()
        params = request.GET.copy()
        params.pop("page", None)
        context["query"] = params.urlencode()
    else:
        context["columns"] = selectors.board_columns(request.user, filters)
    return render(request, "accompaniment/board.html", context)


@require_POST
@staff
def bulk_assign(request):
    if not permissions.may_assign(request.user):
        raise PermissionDenied
    form = BulkAssignForm(request.POST)
    ids = [pk for pk in request.POST.getlist("cases") if pk.isdigit()]
    if form.is_valid() and ids:
        moved = services.cases_bulk_assign(
            actor=request.user,
            case_ids=ids,
            advisor=form.cleaned_data["advisor"],
            note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            ngettext("%(count)d case assigned.", "%(count)d cases assigned.", moved) % {"count": moved},
        )
    else:
        messages.error(request, _("Choose cases and an advisor."))
    query = request.POST.get("query", "")
    return redirect(reverse("accompaniment:board") + (f"?{query}" if query else ""))


@require_GET
@staff
def overdue(request):
    now = timezone.now()
    cases = selectors.cases_filtered(request.user, {"overdue": True}, now).order_by("due_at", "id")[:200]
    return render(
        request,
        "accompaniment/overdue.html",
        {
            "cases": selectors.cards_of(cases, now),
            "stage_names": {stage.pk: stage.name for stage in selectors.stages_active()},
            "tasks": selectors.overdue_tasks(request.user)[:200],
            "now": now,
        },
    )


def _staff_case(request, pk) -> Case:
    case = get_object_or_404(
        Case.objects.select_related("project", "stage", "advisor", "relay", "holder"), pk=pk
    )
    if not permissions.may_handle_case(request.user, case):
        raise Http404
    return case


@require_GET
@staff
def case_page(request, pk):
    case = _staff_case(request, pk)
    try:
        mentors = mentor_proposals(case)
    except Exception:  # noqa: BLE001 (matching's index may be empty or being rebuilt: referrals still work)
        mentors = []
    context = {
        "case": case,
        "timeline": selectors.case_timeline(case),
        "referrals": selectors.case_referrals(case),
        "documents": selectors.case_documents(case),
        "notes": case.staff_notes.select_related("author"),
        "tasks": case.tasks.select_related("done_by"),
        "conversation": conversation_messages(case.conversation) if case.conversation_id else [],
        "move_form": MoveForm(case=case),
        "assign_form": AssignForm(
            initial={"advisor": case.advisor_id, "relay": case.relay_id, "version": case.version}
        ),
        "may_assign": permissions.may_assign(request.user),
        "note_form": NoteForm(),
        "task_form": TaskForm(),
        "refer_form": ReferForm(mentors=mentors),
        "outcome_form": OutcomeForm(),
        "request_form": DocumentRequestForm(),
        "upload_form": UploadForm(),
        "message_form": MessageForm(),
        "next_form": NextStepForm(
            initial={"text": case.next_step, "on": case.next_step_on, "version": case.version}
        ),
        "today": timezone.localdate(),
    }
    return render(request, "accompaniment/case.html", context)


def _back(case):
    return redirect("accompaniment:case", case.pk)


@require_POST
@staff
def case_move(request, pk):
    case = _staff_case(request, pk)
    form = MoveForm(request.POST, case=case)
    if not form.is_valid():
        messages.error(request, _("Choose the stage to move the case to."))
        return _back(case)
    data = form.cleaned_data
    try:
        services.case_transition(
            actor=request.user,
            case_id=case.pk,
            to_stage=data["to_stage"],
            reason=data["reason"],
            fields={k: data.get(k) for k in services.TRANSITION_FIELDS},
            version=data["version"],
        )
    except (ValidationError, PermissionDenied) as error:
        _errors(request, error)
    else:
        messages.success(request, _("The case moved to “%(stage)s”.") % {"stage": data["to_stage"].name})
    return _back(case)


@require_POST
@staff
def case_assign(request, pk):
    case = _staff_case(request, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        try:
            services.case_assign(
                actor=request.user,
                case_id=case.pk,
                advisor=form.cleaned_data["advisor"],
                relay=form.cleaned_data["relay"],
                note=form.cleaned_data["note"],
                version=form.cleaned_data["version"],
            )
        except (ValidationError, PermissionDenied) as error:
            _errors(request, error)
        else:
            messages.success(request, _("Assignment saved."))
    return _back(case)


def _simple(request, pk, form_class, action, success):
    case = _staff_case(request, pk)
    form = form_class(request.POST, request.FILES)
    if form.is_valid():
        try:
            action(case, form.cleaned_data)
        except (ValidationError, PermissionDenied) as error:
            _errors(request, error)
        else:
            messages.success(request, success)
    else:
        messages.error(request, _("Check the form: a field is missing or wrong."))
    return _back(case)


@require_POST
@staff
def case_note(request, pk):
    return _simple(
        request,
        pk,
        NoteForm,
        lambda c, d: services.staff_note_add(actor=request.user, case=c, body=d["body"]),
        _("Note saved."),
    )


@require_POST
@staff
def case_task(request, pk):
    return _simple(
        request,
        pk,
        TaskForm,
        lambda c, d: services.task_add(actor=request.user, case=c, **d),
        _("Task added."),
    )


@require_POST
@staff
def case_message(request, pk):
    return _simple(
        request,
        pk,
        MessageForm,
        lambda c, d: services.case_message_send(sender=request.user, case=c, body=d["body"]),
        _("Message sent."),
    )


@require_POST
@staff
def document_request(request, pk):
    return _simple(
        request,
        pk,
        DocumentRequestForm,
        lambda c, d: services.document_request(actor=request.user, case=c, kind=d["kind"]),
        _("The holder is asked for the document."),
    )


@require_POST
@staff
def document_upload(request, pk):
    return _simple(
        request,
        pk,
        UploadForm,
        lambda c, d: services.document_upload(actor=request.user, case=c, kind=d["kind"], upload=d["file"]),
        _("Document added."),
    )


@require_POST
@staff
def next_step(request, pk):
    return _simple(
        request,
        pk,
        NextStepForm,
        lambda c, d: services.next_step_set(
            actor=request.user, case=c, text=d["text"], on=d["on"], version=d["version"]
        ),
        _("Next step saved."),
    )


@require_POST
@staff
def case_refer(request, pk):
    case = _staff_case(request, pk)
    try:
        mentors = mentor_proposals(case)
    except Exception:  # noqa: BLE001
        mentors = []
    form = ReferForm(request.POST, mentors=mentors)
    if form.is_valid():
        services.referral_create(
            actor=request.user,
            case=case,
            programme=form.cleaned_data["programme"],
            mentor=form.cleaned_data["mentor"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Referral recorded; the holder sees it on their page."))
    else:
        messages.error(request, " ".join(form.non_field_errors()) or _("Choose a programme or a mentor."))
    return _back(case)


@require_POST
@staff
def referral_outcome(request, pk):
    referral = get_object_or_404(Referral.objects.select_related("case"), pk=pk)
    if not permissions.may_handle_case(request.user, referral.case):
        raise Http404
    form = OutcomeForm(request.POST)
    if form.is_valid():
        services.referral_answer(
            actor=request.user,
            referral=referral,
            outcome=form.cleaned_data["outcome"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, _("Answer recorded."))
    return _back(referral.case)


@require_POST
@staff
def task_done(request, pk):
    task = get_object_or_404(Task.objects.select_related("case"), pk=pk)
    if not permissions.may_handle_case(request.user, task.case):
        raise Http404
    services.task_done(actor=request.user, task=task)
    return _back(task.case)


# The funnel ---------------------------------------------------------------------------------------------


def _period(request):
    form = PeriodForm(request.GET or None)
    start = end = None
    if form.is_bound and form.is_valid():
        tz = timezone.get_current_timezone()
        if form.cleaned_data["start"]:
            start = datetime.combine(form.cleaned_data["start"], time.min, tz)
        if form.cleaned_data["end"]:
            end = datetime.combine(form.cleaned_data["end"], time.max, tz)
    return form, start, end


def _chart(rows, value):
    top = max([value(r) for r in rows] + [1])
    return [{"row": r, "value": value(r), "share": round(100 * value(r) / top)} for r in rows]


@require_GET
@funnel_readers
def funnel_page(request):
    form, start, end = _period(request)
    data = selectors.funnel_cached(start, end)
    kinds = [Stage.Kind(k).label for k in selectors.OUTCOME_KINDS]
    return render(
        request,
        "accompaniment/funnel.html",
        {
            "form": form,
            "data": data,
            "chart": _chart(data["rows"], lambda r: r.reached),
            "kinds": kinds,
            "outcomes": [
                (_("By region"), data["outcomes"]["region"]),
                (_("By sector"), data["outcomes"]["sector"]),
                (_("By country of residence"), data["outcomes"]["country"]),
            ],
            "referral_outcomes": Referral.Outcome.labels,
            "query": request.GET.urlencode(),
            "min_count": min_count(),
        },
    )


@require_GET
@funnel_readers
def funnel_csv(request):
    _form, start, end = _period(request)
    data = selectors.funnel_cached(start, end)
    header = [_("Table"), _("Row"), _("Measure"), _("Value")]
    rows = []
    for r in data["rows"]:
        for label, value in (
            (_("Cases now"), r.current),
            (_("Reached"), r.reached),
            (_("Conversion (%)"), r.conversion),
            (_("Median days in stage"), r.median_days),
            (_("Service-level breaches"), r.breaches),
            (_("Overdue now"), r.overdue_now),
        ):
            rows.append([_("Stages"), r.stage.name, label, "" if value is None else value])
    kinds = [Stage.Kind(k).label for k in selectors.OUTCOME_KINDS]
    for title, key in (
        (_("By region"), "region"),
        (_("By sector"), "sector"),
        (_("By country of residence"), "country"),
    ):
        for row in data["outcomes"][key]:
            for label, value in zip(kinds, row["counts"], strict=True):
                rows.append([title, row["label"], label, value])
    for row in data["programmes"]:
        for label, value in zip(Referral.Outcome.labels, row["counts"], strict=True):
            rows.append([_("Programmes"), row["label"], label, value])
    for key, label in (
        ("cases", _("Cases launched")),
        ("jobs", _("Jobs created")),
        ("investment", _("Investment (MAD)")),
        ("funding", _("Funding secured (MAD)")),
    ):
        value = data["launch"][key]
        rows.append([_("At launch"), "", label, "" if value is None else value])
    audit_record(request.user, "accompaniment.export", None, kind=AuditLog.Kind.EXPORT)
    return csv_response("accompaniment-funnel.csv", header, rows)
