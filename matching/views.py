"""Matching pages. Thin: parse, ask permissions, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import staff_tool
from community.profiles.models import Profile, Project
from community.profiles.selectors import profile_for_user

from . import curation, permissions, selectors, services
from .forms import SynonymAddForm
from .models import SkillConcept, Verdict


@require_GET
@login_required
def hub(request):
    """The member's matching page: their projects and their competence suggestions."""
    profile = profile_for_user(request.user)
    return render(
        request,
        "matching/hub.html",
        {
            "takes_part": permissions.takes_part(request.user),
            "profile": profile,
            "projects": selectors.projects_of(request.user),
        },
    )


@require_GET
@login_required
def project_suggestions(request, pk):
    project = get_object_or_404(Project.objects.select_related("owner", "owner__user"), pk=pk)
    if not permissions.may_see_project_suggestions(request.user, project):
        raise PermissionDenied
    return render(
        request,
        "matching/project_suggestions.html",
        {
            "project": project,
            "ready": selectors.features_ready(project),
            "suggestions": selectors.competences_page(
                request.user, project, selectors.page_number(request.GET.get("page"))
            ),
            "programmes": selectors.programmes_for_project(request.user, project),
            "relays": selectors.relays_for_project(request.user, project),
        },
    )


@require_GET
@login_required
def profile_suggestions(request):
    profile = profile_for_user(request.user)
    if profile is None:
        return redirect("profiles:edit")
    if not permissions.may_see_profile_suggestions(request.user, profile):
        raise PermissionDenied
    return render(
        request,
        "matching/profile_suggestions.html",
        {
            "profile": profile,
            "ready": selectors.features_ready(profile),
            "suggestions": selectors.projects_page(
                request.user, profile, selectors.page_number(request.GET.get("page"))
            ),
        },
    )


@require_POST
@login_required
def decide(request, project_pk, profile_pk):
    project = get_object_or_404(Project.objects.select_related("owner", "owner__user"), pk=project_pk)
    profile = get_object_or_404(Profile.objects.select_related("user"), pk=profile_pk)
    verdict = request.POST.get("verdict", "")
    if verdict not in Verdict.values:
        messages.error(request, _("Choose to accept or decline."))
    else:
        try:
            decision = services.decision_record(
                user=request.user, project=project, profile=profile, verdict=verdict
            )
        except services.DecisionError as error:
            messages.error(request, str(error))
        else:
            if decision.verdict == Verdict.DECLINE:
                messages.success(request, _("Declined: this suggestion will not come back."))
            elif services.Introduction.objects.filter(project=project, profile=profile).exists():
                messages.success(request, _("You both accepted: a conversation is open."))
            else:
                messages.success(request, _("Accepted: the other side is told and can accept too."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        target = "matching:hub"
    return redirect(target)


@staff_tool(permissions.may_manage_taxonomy)
def taxonomy_queue(request):
    """Analysts: the most frequent tags the taxonomy does not read, each to add as a concept's synonym."""
    form = SynonymAddForm(request.POST or None)
    if request.method == "POST":
        if form.is_valid():
            concept, tag = form.cleaned_data["concept"], form.cleaned_data["tag"]
            if curation.synonym_add(user=request.user, concept=concept, tag=tag):
                messages.success(
                    request, _("“%(tag)s” now reads as %(concept)s.") % {"tag": tag, "concept": concept.name}
                )
            else:
                messages.info(request, _("The taxonomy already reads it that way."))
            return redirect("matching:taxonomy_queue")
        messages.error(request, _("Choose the skill this tag names."))
    return render(
        request,
        "matching/taxonomy/queue.html",
        {"tags": curation.unknown_tags_frequent(), "concepts": SkillConcept.objects.order_by("code")},
        status=400 if form.errors else 200,
    )
