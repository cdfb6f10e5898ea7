"""Referential pages: sources, uploads, mapping, preview, commit, progress and downloads.

Every view goes through staff_tool(can_use_referential): login, a second factor for staff, then
analysts and administrators only.
"""

import csv
from itertools import islice

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import staff_tool
from core.audit import audit_entries
from core.csvfile import csv_response
from core.storage import private_file_response

from . import selectors, services
from .forms import EncodingForm, MappingForm, SourceForm, UploadForm
from .importing import checked_rows
from .models import AccessAction, ImportBatch, Source
from .permissions import can_use_referential
from .readers import UnreadableFile
from .validation import REASONS, reason_message

analyst_required = staff_tool(can_use_referential)

PREVIEW_ROWS = 20


@analyst_required
def home(request):
    return render(
        request,
        "referential/home.html",
        {"sources": selectors.sources(), "batches": selectors.recent_batches()},
    )


@analyst_required
def source_create(request):
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        source = services.source_create(user=request.user, **form.cleaned_data)
        messages.success(request, _("The source is registered."))
        return redirect("referential:source", source.pk)
    return render(request, "referential/source_form.html", {"form": form}, status=400 if form.errors else 200)


@analyst_required
def source_edit(request, pk):
    source = get_object_or_404(Source, pk=pk)
    form = SourceForm(request.POST or None, instance=source)
    if request.method == "POST" and form.is_valid():
        services.source_update(source=source, user=request.user, **form.cleaned_data)
        messages.success(request, _("The source is saved."))
        return redirect("referential:source", source.pk)
    return render(
        request,
        "referential/source_form.html",
        {"form": form, "source": source},
        status=400 if form.errors else 200,
    )


@analyst_required
def source_detail(request, pk):
    source = get_object_or_404(Source, pk=pk)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            batch = services.batch_upload(source=source, upload=form.cleaned_data["file"], user=request.user)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            return redirect("referential:batch_mapping", batch.pk)
    return render(
        request,
        "referential/source_detail.html",
        {
            "source": source,
            "form": form,
            "batches": selectors.source_batches(source),
            "mapping": selectors.remembered_mapping(source),
        },
        status=400 if form.errors else 200,
    )


def _batch(pk):
    return get_object_or_404(ImportBatch.objects.select_related("source", "created_by"), pk=pk)


@analyst_required
def batch_mapping(request, pk):
    batch = _batch(pk)
    if not batch.file or batch.status not in (ImportBatch.Status.UPLOADED, ImportBatch.Status.MAPPED):
        return redirect("referential:batch", batch.pk)  # (no file: the retention schedule deleted it)
    form = MappingForm(request.POST or None, headers=batch.headers, initial_mapping=batch.mapping)
    if request.method == "POST" and form.is_valid():
        try:
            services.batch_map(batch=batch, mapping=form.mapping, user=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("referential:batch_preview", batch.pk)
    return render(
        request,
        "referential/batch_mapping.html",
        {
            "batch": batch,
            "form": form,
            "encoding_form": EncodingForm(initial={"encoding": batch.encoding}),
            **_sample(batch),
            "earlier": selectors.earlier_import_of_same_file(batch),
        },
        status=400 if form.errors else 200,
    )


def _sample(batch, count=3) -> dict:
    """The first rows as they were read, to see whether the encoding and columns look right, and a
    workbook's sheets: those read one after the other (more than one), those with other columns."""
    try:
        table = services.open_table_with(batch, batch.encoding)
        first = [row for _number, row in islice(table.rows(), count)]
    except (UnreadableFile, OSError):
        return {"sample": []}
    return {
        "sample": [[row.get(header, "") for header in batch.headers] for row in first],
        "sheets": table.sheets if len(table.sheets) > 1 else [],
        "skipped_sheets": table.skipped_sheets,
    }


@analyst_required
@require_POST
def batch_encoding(request, pk):
    batch = _batch(pk)
    form = EncodingForm(request.POST)
    if form.is_valid():
        try:
            services.batch_reread(batch=batch, encoding=form.cleaned_data["encoding"], user=request.user)
        except (ValidationError, UnreadableFile, UnicodeError, csv.Error):
            messages.error(request, _("The file could not be read that way."))
        else:
            messages.success(request, _("The file was read again."))
    return redirect("referential:batch_mapping", batch.pk)


@analyst_required
def batch_preview(request, pk):
    batch = _batch(pk)
    if batch.status == ImportBatch.Status.UPLOADED:
        return redirect("referential:batch_mapping", batch.pk)
    if not batch.file or batch.status != ImportBatch.Status.MAPPED:
        return redirect("referential:batch", batch.pk)
    services.access_log(request.user, AccessAction.VIEW, batch=batch, detail="preview")
    rows = [
        {
            "row": row,
            "messages": [reason_message(reason) for reason in row.reasons],
            "warnings": [reason_message(warning) for warning in row.warnings],
        }
        for row in checked_rows(batch, limit=PREVIEW_ROWS)
    ]
    return render(
        request,
        "referential/batch_preview.html",
        {
            "batch": batch,
            "rows": rows,
            "fields": [field for field in batch.mapping],
            "earlier": selectors.earlier_import_of_same_file(batch),
        },
    )


@analyst_required
@require_POST
def batch_commit(request, pk):
    batch = _batch(pk)
    try:
        services.batch_commit(batch=batch, user=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, _("The import has started."))
    return redirect("referential:batch", batch.pk)


@analyst_required
def batch_detail(request, pk):
    batch = _batch(pk)
    services.access_log(request.user, AccessAction.VIEW, batch=batch)
    page = Paginator(selectors.rejected_rows(batch), 50).get_page(request.GET.get("page"))
    rejected = [{"row": row, "messages": [reason_message(reason) for reason in row.reasons]} for row in page]
    code = request.GET.get("warning", "")
    counts = selectors.warning_counts(batch)
    code = code if code in counts else ""
    warned_page = Paginator(selectors.warned_records(batch, code), 50).get_page(request.GET.get("wpage"))
    warned = [
        {"record": record, "messages": [reason_message(warning) for warning in record.warnings]}
        for record in warned_page
    ]
    return render(
        request,
        "referential/batch_detail.html",
        {
            "batch": batch,
            "page": page,
            "rejected": rejected,
            "warned": warned,
            "warned_page": warned_page,
            "warning_filter": code,
            "warning_choices": [(c, n, REASONS.get(c, c)) for c, n in counts.items()],
            "earlier": selectors.earlier_import_of_same_file(batch),
            "running": batch.status in (ImportBatch.Status.QUEUED, ImportBatch.Status.RUNNING),
        },
    )


@analyst_required
@require_GET
def batch_progress(request, pk):
    batch = get_object_or_404(ImportBatch, pk=pk)
    response = JsonResponse(
        {
            "status": batch.status,
            "status_label": str(batch.get_status_display()),
            "progress": batch.progress,
            "total": batch.total_rows,
            "processed": batch.processed_rows,
            "accepted": batch.accepted_rows,
            "rejected": batch.rejected_rows,
            "warnings": batch.warning_rows,
            "updated": batch.updated_rows,
            "duplicates": batch.duplicate_rows,
            "finished": batch.status in (ImportBatch.Status.DONE, ImportBatch.Status.FAILED),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


@analyst_required
@require_GET
def batch_rejected_csv(request, pk):
    """The rejected rows with their original columns and the reasons, in the analyst's language."""
    batch = _batch(pk)
    services.access_log(request.user, AccessAction.DOWNLOAD_REJECTED, batch=batch)
    rows = (
        [
            row.row_number,
            *[row.raw.get(header, "") for header in batch.headers],
            " | ".join(reason_message(reason) for reason in row.reasons),
        ]
        for row in selectors.rejected_rows(batch).iterator()
    )
    return csv_response(f"rejected-rows-{batch.pk}.csv", [_("Row"), *batch.headers, _("Reasons")], rows)


@analyst_required
@require_GET
def batch_warnings_csv(request, pk):
    """The rows imported with warnings (optionally one kind): record id, what was stored, what the file
    said and the warnings, in the analyst's language."""
    batch = _batch(pk)
    services.access_log(request.user, AccessAction.DOWNLOAD_REJECTED, batch=batch, detail="warnings")
    code = request.GET.get("warning", "")
    rows = (
        [
            record.row_number,
            record.external_id,
            *[record.raw.get(header, "") for header in batch.headers],
            " | ".join(reason_message(warning) for warning in record.warnings),
        ]
        for record in selectors.warned_records(batch, code).iterator()
    )
    headers = [_("Row"), _("Record id in the source"), *batch.headers, _("Warnings")]
    return csv_response(f"warnings-{batch.pk}.csv", headers, rows)


@analyst_required
@require_GET
def batch_file(request, pk):
    batch = _batch(pk)
    services.access_log(request.user, AccessAction.DOWNLOAD_FILE, batch=batch)
    content_type = (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        if batch.file_format == "xlsx"
        else "text/csv"
    )
    return private_file_response(batch.file, filename=batch.original_filename, content_type=content_type)


@analyst_required
def access_log(request):
    page = Paginator(audit_entries(app="referential"), 100).get_page(request.GET.get("page"))
    return render(request, "referential/access_log.html", {"page": selectors.access_log_rows(page)})
