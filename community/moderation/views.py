from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import staff_tool
from core.audit import audit_record
from core.names import display_name

from . import selectors, services
from .forms import ModerationActionForm, ReportForm
from .models import ModerationAction, Report
from .permissions import can_moderate, can_report, may_know
from .targets import target_author, target_can_hide, target_get, target_preview, target_url


def _target_or_404(content_type_id, object_id, user=None):
    """A reportable object (given ``user``: one that user may see); anything else is absent."""
    target = target_get(content_type_id, object_id, user=user)
    if target is None:
        raise Http404
    return target


@login_required
def report_create(request, content_type_id, object_id):
    target = _target_or_404(content_type_id, object_id, user=request.user)
    if not can_report(request.user, target):
        raise PermissionDenied
    already = Report.objects.filter(
        reporter=request.user, content_type_id=content_type_id, object_id=str(target.pk)
    ).exists()
    form = ReportForm(request.POST or None)
    if request.method == "POST" and not already and form.is_valid():
        try:
            services.report_create(
                reporter=request.user,
                target=target,
                category=form.cleaned_data["category"],
                text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Thank you: the moderators will look at your report."))
            return redirect(target_url(target) or "notifications:list")
    status = 400 if form.is_bound else 200
    context = {
        "form": form,
        "already": already,
        "preview": target_preview(target),
        "target_url": target_url(target),
    }
    return render(request, "moderation/report_form.html", context, status=status)


_moderator_required = staff_tool(can_moderate)


@_moderator_required
def queue(request):
    return render(request, "moderation/queue.html", {"groups": selectors.open_report_groups()})


ACTIONS = {
    ModerationAction.Action.DISMISS: lambda m, t, d: services.moderation_dismiss(
        moderator=m, target=t, reason=d["reason"]
    ),
    ModerationAction.Action.HIDE: lambda m, t, d: services.moderation_hide(
        moderator=m, target=t, reason=d["reason"]
    ),
    ModerationAction.Action.WARN: lambda m, t, d: services.moderation_warn(
        moderator=m, target=t, reason=d["reason"]
    ),
    ModerationAction.Action.SUSPEND: lambda m, t, d: services.moderation_suspend(
        moderator=m, target=t, reason=d["reason"], days=d["days"]
    ),
}


@_moderator_required
def target_review(request, content_type_id, object_id):
    target = _target_or_404(content_type_id, object_id)
    form = ModerationActionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            ACTIONS[form.cleaned_data["action"]](request.user, target, form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("The decision has been recorded."))
            return redirect("moderation:queue")
    author = target_author(target)
    # A moderator reading reported content and the reports about it reads personal data: logged.
    audit_record(request.user, "moderation.review", target, subject=author)
    context = {
        "form": form,
        "target": target,
        "preview": target_preview(target),
        "target_url": target_url(target),
        "author": author,
        "can_hide": target_can_hide(target),
        "reports": Report.objects.filter(
            content_type_id=content_type_id, object_id=str(target.pk)
        ).select_related("reporter"),
        "history": selectors.target_history(content_type_id, target.pk),
    }
    return render(request, "moderation/target_review.html", context, status=400 if form.errors else 200)


@login_required
def blocks(request):
    return render(request, "moderation/blocks.html", {"blocks": selectors.blocks_made_by(request.user)})


@login_required
@require_POST
def block_create(request, user_id):
    other = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    if not may_know(request.user, other):
        raise Http404
    try:
        services.block_create(blocker=request.user, blocked=other)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        name = display_name(other)
        messages.success(request, _("You blocked %(member)s. You can undo this below.") % {"member": name})
    return redirect("moderation:blocks")


@login_required
@require_POST
def block_delete(request, user_id):
    other = get_object_or_404(get_user_model(), pk=user_id)
    if services.block_delete(blocker=request.user, blocked=other):
        messages.success(request, _("You unblocked %(member)s.") % {"member": display_name(other)})
    return redirect("moderation:blocks")
