from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_tool
from core.countries import country_name
from core.csvfile import csv_stream_response
from referential.validation import format_partial_date, reason_message

from . import selectors, services
from .labels import (
    COMPARISON_FIELDS,
    COMPARISON_LABELS,
    FIELD_LABELS,
    VALUE_REASONS,
    level_label,
    source_label,
)
from .models import GOLDEN_FIELDS, CandidatePair, GoldenRecord, LinkageAction
from .permissions import can_claim, can_see_golden, can_use_linkage

_analyst_required = staff_tool(can_use_linkage)


def _shown(field, value):
    if value in (None, ""):
        return ""
    if field == "country":
        return country_name(value) or value
    if field == "birth_date" and isinstance(value, str) and len(value) < 10:
        # A partial date: "1985" (year only) or "03/1985".
        if len(value) == 4:
            return _("%(year)s (year only)") % {"year": value}
        return f"{value[5:7]}/{value[:4]}"
    return value.isoformat() if hasattr(value, "isoformat") else value


@_analyst_required
def home(request):
    if request.method == "POST":
        run = services.linkage_run_start(request.user)
        messages.success(request, _("Linkage run %(number)s started.") % {"number": run.pk})
        return redirect("linkage:home")
    return render(
        request,
        "linkage/home.html",
        {
            "runs": selectors.recent_runs(),
            "pending": selectors.review_queue().count(),
            "golden_count": selectors.golden_records().count(),
        },
    )


@_analyst_required
def review_queue(request):
    page = Paginator(selectors.review_queue(), 50).get_page(request.GET.get("page"))
    rows = services.rows_for_keys([k for p in page for k in (p.left_key, p.right_key)])
    items = [{"pair": p, "left": rows.get(p.left_key), "right": rows.get(p.right_key)} for p in page]
    return render(request, "linkage/review_queue.html", {"page": page, "items": items})


def _comparison_rows(pair, left, right):
    """One row per field, both values, and the reason the comparison gave on that field."""
    reasons = {r["comparison"]: r for r in pair.reasons}
    out = []
    for comparison, fields in COMPARISON_FIELDS.items():
        reason = reasons.get(comparison)
        for i, field in enumerate(fields):
            out.append(
                {
                    "label": FIELD_LABELS[field],
                    "left": _shown(field, (left or {}).get(field)),
                    "right": _shown(field, (right or {}).get(field)),
                    "reason": level_label(comparison, reason["level"]) if reason and i == 0 else "",
                    "weight": reason["weight"] if reason and i == 0 else None,
                    "rowspan": len(fields) if i == 0 else 0,
                    "comparison": COMPARISON_LABELS[comparison],
                }
            )
    return out


@_analyst_required
def pair_detail(request, pk):
    pair = get_object_or_404(CandidatePair, pk=pk)
    if request.method == "POST":
        decision = request.POST.get("decision")
        if decision not in ("match", "non_match"):
            messages.error(request, _("Choose whether the two records are the same person."))
            return redirect("linkage:pair", pk=pair.pk)
        try:
            services.pair_decide(pair, same_person=decision == "match", actor=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect("linkage:pair", pk=pair.pk)
        messages.success(request, _("Decision recorded."))
        following = selectors.review_queue().first()
        return redirect("linkage:pair", pk=following.pk) if following else redirect("linkage:review")
    left, right = selectors.pair_records(pair)
    services.audit(request.user, LinkageAction.VIEW_PAIR, pair=pair)
    return render(
        request,
        "linkage/pair_detail.html",
        {
            "pair": pair,
            "left": left,
            "right": right,
            "left_source": source_label(left or {}),
            "right_source": source_label(right or {}),
            "rows": _comparison_rows(pair, left, right),
            "dates_disagree": services.DATES_DISAGREE in pair.reasons,
            "sole_candidate": services.SOLE_CANDIDATE in pair.reasons,
            "left_golden": selectors.golden_of_key(pair.left_key),
            "right_golden": selectors.golden_of_key(pair.right_key),
        },
    )


@_analyst_required
def golden_list(request):
    query = request.GET.get("q", "").strip()[:100]
    page = Paginator(selectors.golden_records(query), 50).get_page(request.GET.get("page"))
    return render(request, "linkage/golden_list.html", {"page": page, "query": query})


def _golden_fields(golden):
    out = []
    for field in GOLDEN_FIELDS:
        entry = golden.fields.get(field)
        if not entry:
            continue
        out.append(
            {
                "name": field,
                "label": FIELD_LABELS[field],
                "value": _shown(field, entry["value"]),
                "source": entry.get("source")
                or (_("Analyst") if entry["reason"] == "override" else _("Member account")),
                "date": entry.get("date") or "",
                "reason": VALUE_REASONS.get(entry["reason"], entry["reason"]),
                "overridden": entry["reason"] == "override",
            }
        )
    return out


def _golden_context(golden):
    members = selectors.golden_members(golden)
    for member in members:
        member["source_label"] = source_label(member)
        member["shown"] = [
            (FIELD_LABELS[f], _shown(f, member.get(f))) for f in GOLDEN_FIELDS if member.get(f)
        ]
        if member.get("external_id"):
            member["shown"].insert(0, (_("Record id in the source"), member["external_id"]))
        if member.get("phone_raw") and not member.get("phone"):
            member["shown"].append((_("Phone as written"), member["phone_raw"]))
        member["warnings"] = [reason_message(w) for w in member.get("warnings") or []]
    return {"golden": golden, "fields": _golden_fields(golden), "members": members}


@_analyst_required
def golden_detail(request, pk):
    golden = get_object_or_404(GoldenRecord, pk=pk)
    if golden.merged_into_id:
        messages.info(request, _("This golden record was merged into another one."))
        return redirect("linkage:golden", pk=golden.merged_into_id)
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "unmerge":
                new = services.golden_unmerge(golden, request.POST.getlist("keys"), actor=request.user)
                messages.success(
                    request, _("The records were moved to golden record %(number)s.") % {"number": new.pk}
                )
            elif action == "merge":
                other = GoldenRecord.objects.filter(pk=request.POST.get("other") or 0).first()
                if other is None:
                    raise ValidationError(_("There is no golden record with that number."))
                services.golden_merge(golden, other, actor=request.user)
                messages.success(request, _("Golden records merged."))
            elif action == "override":
                field = request.POST.get("field", "")
                services.golden_override(
                    golden, field, request.POST.get("value", "").strip()[:254], actor=request.user
                )
                messages.success(request, _("Value saved."))
            else:
                raise ValidationError(_("Unknown action."))
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("linkage:golden", pk=golden.pk)
    services.audit(request.user, LinkageAction.VIEW_GOLDEN, golden=golden)
    context = _golden_context(golden)
    context["history"] = selectors.golden_history(golden)
    context["field_choices"] = [(f, FIELD_LABELS[f]) for f in GOLDEN_FIELDS]
    return render(request, "linkage/golden_detail.html", context)


@_analyst_required
def golden_export(request, pk):
    golden = get_object_or_404(GoldenRecord, pk=pk)
    services.audit(request.user, LinkageAction.EXPORT_GOLDEN, golden=golden)
    members = selectors.golden_members(golden)
    return JsonResponse(
        {
            "id": golden.pk,
            "fields": golden.fields,
            "records": [
                {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in m.items()} for m in members
            ],
            "claimed": bool(golden.claimed_by_id),
        },
        json_dumps_params={"ensure_ascii": False},
    )


@_analyst_required
def golden_records_csv(request):
    """Every source record beside the golden record it is in: what an analyst hands on to check or
    reuse the consolidation (the source's own record id, the date as precise as the source gave it)."""
    services.audit(request.user, LinkageAction.EXPORT_LINKS)
    rows = (
        [
            row["golden_record_id"] or "",
            row["source_name"],
            row["id"],
            row["external_id"],
            row["row_number"],
            row["given_name"],
            row["family_name"],
            row["name_arabic"],
            format_partial_date(row["birth_date"], row["birth_date_precision"] or "day"),
            row["email"],
            row["phone"],
            row["city"],
            row["country"],
        ]
        for row in selectors.records_by_golden().iterator(chunk_size=2000)
    )
    headers = [
        _("Golden record"), _("Source"), _("Record"), _("Record id in the source"), _("Row"),
        _("Given name"), _("Family name"), _("Name in Arabic"), _("Date of birth"), _("Email"), _("Phone"),
        _("City"), _("Country"),
    ]  # fmt: skip
    return csv_stream_response("golden-records.csv", headers, rows)


@login_required
def member_record(request):
    """What the platform holds about the member: their claimed golden record, or the one to claim."""
    golden = selectors.claimed_golden(request.user)
    if golden is not None:
        if not can_see_golden(request.user, golden):  # pragma: no cover - claimed_golden is theirs
            raise PermissionDenied
        services.audit(request.user, LinkageAction.MEMBER_VIEW, golden=golden)
        return render(request, "linkage/member_record.html", _golden_context(golden))
    claimable = selectors.claimable_golden_for(request.user) if can_claim(request.user) else None
    return render(request, "linkage/member_record.html", {"golden": None, "claimable": claimable})


@login_required
@require_POST
def member_claim(request):
    golden = selectors.claimable_golden_for(request.user)
    if golden is None or not can_claim(request.user):
        messages.error(request, _("No record can be claimed with your verified email addresses."))
        return redirect("linkage:mine")
    try:
        services.golden_claim(golden, request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The record is now linked to your account."))
    return redirect("linkage:mine")
