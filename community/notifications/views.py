from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import PreferenceForm


@login_required
def notification_list(request):
    page = Paginator(selectors.notifications_of(request.user), 20).get_page(request.GET.get("page"))
    page.object_list = selectors.worded(list(page.object_list))
    return render(
        request,
        "notifications/notification_list.html",
        {"page_obj": page, "unread": selectors.unread_count_for_request(request)},
    )


@login_required
@require_POST
def notification_read(request, pk):
    services.notification_mark_read(user=request.user, notification_id=pk)
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return redirect(target)
    return redirect("notifications:list")


@login_required
@require_POST
def notification_read_all(request):
    count = services.notifications_mark_all_read(user=request.user)
    if count:
        messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


@login_required
def preferences(request):
    form = PreferenceForm(request.POST or None, initial={"email_mode": selectors.email_mode_of(request.user)})
    if request.method == "POST" and form.is_valid():
        services.notification_preference_set(user=request.user, email_mode=form.cleaned_data["email_mode"])
        messages.success(request, _("Your preferences have been saved."))
        return redirect("notifications:preferences")
    return render(
        request, "notifications/preferences.html", {"form": form}, status=400 if form.errors else 200
    )
