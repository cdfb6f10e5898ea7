"""Segmentation pages for analysts and administrators. Thin: parse, ask permissions, call, render."""

from urllib.parse import urlencode

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import staff_tool
from core.countries import country_choices

from . import permissions, selectors, services
from .filters import clean_filters, describe_filters, filter_pairs
from .forms import SegmentFilterForm, SegmentSaveForm
from .models import Segment, SegmentExport
from .relays import relay_proposals
from .scoring import priority_targets

_analyst_required = staff_tool(permissions.may_segment)
_admin_required = staff_tool(permissions.may_read_export_log)
TARGETS_PER_PAGE = 25


def _render(request, template, context, status=200):
    """Render a segmentation page; the menu shows the export log to those who may read it."""
    context["may_read_log"] = permissions.may_read_export_log(request.user)
    return render(request, template, context, status=status)


def _count_label(count: int) -> str:
    return ngettext(
        "%(count)s member matches these filters", "%(count)s members match these filters", count
    ) % {"count": count}


def _filters_from(data) -> tuple[SegmentFilterForm, dict]:
    form = SegmentFilterForm(data or None)
    return form, (form.filters() if form.is_valid() else {})


@require_GET
@_analyst_required
def segment_list(request):
    return _render(request, "segmentation/segment_list.html", {"segments": selectors.segments_all()})


@_analyst_required
def builder(request):
    """The filter builder: a GET form with its count; POST saves the filters under a name."""
    if request.method == "POST":
        form, filters = _filters_from(request.POST)
        save_form = SegmentSaveForm(request.POST)
        if form.is_valid() and save_form.is_valid():
            segment = services.segment_create(
                owner=request.user, name=save_form.cleaned_data["name"], filters=filters
            )
            messages.success(request, _("The segment is saved."))
            return redirect("segmentation:detail", segment.pk)
        status = 400
    else:
        form, filters = _filters_from(request.GET)
        save_form, status = SegmentSaveForm(), 200
    count = selectors.segment_count(filters)
    return _render(
        request,
        "segmentation/builder.html",
        {
            "form": form,
            "save_form": save_form,
            "filter_pairs": filter_pairs(filters),
            "count": count,
            "count_label": _count_label(count),
            "summary": describe_filters(filters),
        },
        status=status,
    )


@require_GET
@_analyst_required
def count(request):
    """Live count for the builder's script: same form, same gate, a number and its sentence."""
    form, filters = _filters_from(request.GET)
    if request.GET and not form.is_valid():
        return JsonResponse({"errors": form.errors.get_json_data()}, status=400)
    value = selectors.segment_count(filters)
    return JsonResponse({"count": value, "label": _count_label(value)})


def _segment(pk):
    return get_object_or_404(Segment.objects.select_related("owner"), pk=pk)


@require_GET
@_analyst_required
def segment_detail(request, pk):
    segment = _segment(pk)
    filters = clean_filters(segment.filters)
    composition = selectors.segment_composition(filters)
    targets = Paginator(priority_targets(filters), TARGETS_PER_PAGE).get_page(request.GET.get("page"))
    return _render(
        request,
        "segmentation/segment_detail.html",
        {
            "segment": segment,
            "summary": describe_filters(filters),
            "composition": composition,
            "charts": [
                ("country", _("Members by country of residence"), composition["country"]),
                ("sector", _("Members by sector"), composition["sector"]),
                ("stage", _("Members by project stage"), composition["stage"]),
            ],
            "targets": targets,
            "may_change": permissions.may_change_segment(request.user, segment),
            "builder_query": _builder_query(filters),
        },
    )


def _builder_query(filters) -> str:
    return urlencode(filter_pairs(filters))


@require_POST
@_analyst_required
def refresh(request, pk):
    segment = services.segment_refresh(_segment(pk))
    messages.success(
        request,
        ngettext(
            "The segment is counted again: %(count)s member.",
            "The segment is counted again: %(count)s members.",
            segment.member_count,
        )
        % {"count": segment.member_count},
    )
    return redirect("segmentation:detail", segment.pk)


@require_POST
@_analyst_required
def export(request, pk, kind):
    segment = _segment(pk)
    if kind not in SegmentExport.Kind.values:
        raise Http404
    result = services.segment_export(segment=segment, by=request.user, kind=kind)
    response = HttpResponse(result.content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    response["Cache-Control"] = "no-store"
    return response


@require_POST
@_analyst_required
def delete(request, pk):
    segment = _segment(pk)
    if not permissions.may_change_segment(request.user, segment):
        raise PermissionDenied
    services.segment_delete(segment)
    messages.success(request, _("The segment is deleted; its exports stay in the log."))
    return redirect("segmentation:list")


@require_GET
@_analyst_required
def relays(request):
    codes = dict(country_choices())
    country = request.GET.get("country", "")
    if country not in codes:
        country = ""
    return _render(
        request,
        "segmentation/relays.html",
        {"countries": country_choices(), "selected": country, "proposals": relay_proposals(country)},
    )


@require_GET
@_admin_required
def export_log(request):
    page = Paginator(selectors.exports_log(), 50).get_page(request.GET.get("page"))
    return _render(request, "segmentation/export_log.html", {"exports": page})
