"""Thin views: parse, ask permissions, call a selector or service, render."""

import json

from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.decorators import staff_tool
from core.audit import audit_record
from privacy.export import member_sections_data

from .choices import Visibility
from .forms import (
    DeleteAccountForm,
    DirectoryForm,
    ProfileForm,
    ProjectDirectoryForm,
    ProjectForm,
    RelayContactForm,
)
from .models import Profile, Project
from .permissions import (
    level_for,
    may_edit_project,
    may_use_relay_view,
    may_view_profile,
    may_view_project,
    may_view_project_page,
    viewer_for,
    visible_fields,
)
from .selectors import (
    PAGE_SIZE,
    directory_profiles,
    directory_projects,
    labels_by_user,
    labels_for_filter,
    member_data_export,
    profile_for_user,
    relay_profiles,
    relay_projects,
    skill_suggestions,
)
from .services import member_delete, profile_save, project_delete, project_save, relay_contact_save


def _cards(viewer, profiles):
    profiles = list(profiles)
    labels = labels_by_user(profile.user_id for profile in profiles)
    return [
        {
            "profile": profile,
            "visible": visible_fields(viewer, profile),
            "labels": labels.get(profile.user_id, []),
        }
        for profile in profiles
    ]


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _query_without_page(request):
    params = request.GET.copy()
    params.pop("page", None)
    return params.urlencode()


def directory(request):
    """Open to visitors, who see only what members made public; members see what they allow members."""
    viewer = viewer_for(request.user)
    labels = list(labels_for_filter())
    form = DirectoryForm(request.GET or None, labels=labels)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    page = _page(
        request, directory_profiles(viewer, query=query, filters=form.filters()).prefetch_related("skills")
    )
    return render(
        request,
        "profiles/directory.html",
        {
            "form": form,
            "page_obj": page,
            "cards": _cards(viewer, page.object_list),
            "count": page.paginator.count,
            "querystring": _query_without_page(request),
            "skill_suggestions": skill_suggestions(),
        },
    )


def project_directory(request):
    viewer = viewer_for(request.user)
    form = ProjectDirectoryForm(request.GET or None)
    query = form.cleaned_data.get("q", "") if form.is_valid() else ""
    queryset = directory_projects(viewer, query=query, filters=form.filters()).prefetch_related(
        "skills_needed"
    )
    page = _page(request, queryset)
    projects = [
        {"project": project, "owner_visible": visible_fields(viewer, project.owner)}
        for project in page.object_list
    ]
    return render(
        request,
        "profiles/project_directory.html",
        {
            "form": form,
            "page_obj": page,
            "projects": projects,
            "count": page.paginator.count,
            "querystring": _query_without_page(request),
            "skill_suggestions": skill_suggestions(),
        },
    )


def profile_detail(request, pk):
    viewer = viewer_for(request.user)
    profile = get_object_or_404(Profile.objects.select_related("user"), pk=pk, user__is_active=True)
    if not may_view_profile(viewer, profile):
        raise Http404
    visible = visible_fields(viewer, profile)
    if viewer.user_id != profile.user_id and level_for(viewer, profile) >= Visibility.STAFF:
        audit_record(request.user, "profiles.staff_read", profile, subject=profile.user)
    projects = [project for project in profile.projects.all() if may_view_project(viewer, project)]
    if visible == {"name"}:
        projects = []
    return render(
        request,
        "profiles/profile_detail.html",
        {
            "profile": profile,
            "visible": visible,
            "labels": labels_by_user([profile.user_id]).get(profile.user_id, []) if len(visible) > 1 else [],
            "projects": projects,
            "is_owner": request.user.is_authenticated and request.user.pk == profile.user_id,
        },
    )


def project_detail(request, pk):
    """A project's own page, shared by its holder: who sees it follows the holder's choice."""
    viewer = viewer_for(request.user)
    project = get_object_or_404(Project.objects.select_related("owner", "owner__user"), pk=pk)
    if not may_view_project_page(viewer, project):
        raise Http404
    owner = project.owner
    is_owner = viewer.user_id == owner.user_id
    if not is_owner and project.visibility >= Visibility.STAFF:
        audit_record(request.user, "profiles.project_staff_read", project, subject=owner.user)
    owner_visible = visible_fields(viewer, owner)
    return render(
        request,
        "profiles/project_detail.html",
        {
            "project": project,
            "is_owner": is_owner,
            "owner_visible": owner_visible,
            "owner_page": "name" in owner_visible and may_view_profile(viewer, owner),
            "is_public": project.visibility == Visibility.PUBLIC,
        },
    )


def profile_photo(request, pk):
    profile = get_object_or_404(Profile.objects.select_related("user"), pk=pk, user__is_active=True)
    if not profile.photo or "photo" not in visible_fields(viewer_for(request.user), profile):
        raise Http404
    response = FileResponse(profile.photo.open("rb"), content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=300"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request):
    profile = profile_for_user(request.user)
    form = ProfileForm(
        request.POST or None, request.FILES or None, instance=profile or Profile(user=request.user)
    )
    if request.method == "POST" and form.is_valid():
        profile_save(
            user=request.user,
            data=form.service_data(),
            skills=form.cleaned_data["skills"],
            photo=form.cleaned_data.get("photo"),
            remove_photo=form.cleaned_data.get("remove_photo", False),
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("profiles:edit")
    return render(
        request,
        "profiles/profile_edit.html",
        {"form": form, "profile": profile, "skill_suggestions": skill_suggestions()},
    )


def _own_profile_or_redirect(request):
    profile = profile_for_user(request.user)
    if profile is None:
        messages.info(request, _("Please fill in your profile before adding a project."))
    return profile


@login_required
@require_http_methods(["GET", "POST"])
def project_edit(request, pk=None):
    project = None
    if pk is not None:
        project = get_object_or_404(Project.objects.select_related("owner"), pk=pk)
        if not may_edit_project(request.user, project):
            raise PermissionDenied
    profile = _own_profile_or_redirect(request)
    if profile is None:
        return redirect("profiles:edit")
    form = ProjectForm(request.POST or None, instance=project)
    if request.method == "POST" and form.is_valid():
        project = project_save(
            profile=profile,
            project=project,
            data=form.service_data(),
            skills=form.cleaned_data["skills_needed"],
        )
        messages.success(request, _("Your project has been saved."))
        return redirect("projects:detail", pk=project.pk)
    return render(
        request,
        "profiles/project_form.html",
        {"form": form, "project": project, "skill_suggestions": skill_suggestions()},
    )


@login_required
@require_http_methods(["GET", "POST"])
def project_remove(request, pk):
    project = get_object_or_404(Project.objects.select_related("owner"), pk=pk)
    if not may_edit_project(request.user, project):
        raise PermissionDenied
    if request.method == "POST":
        project_delete(project)
        messages.success(request, _("Your project has been deleted."))
        return redirect("profiles:edit")
    return render(request, "profiles/project_confirm_delete.html", {"project": project})


@login_required
def data_export(request):
    data = {**member_data_export(request.user), **member_sections_data(request.user)}
    payload = json.dumps(data, ensure_ascii=False, indent=2, default=str)
    response = HttpResponse(payload, content_type="application/json; charset=utf-8")
    filename = f"kafaat-my-data-{timezone.now():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        user = request.user
        logout(request)
        member_delete(user)
        messages.success(request, _("Your account and your profile have been deleted."))
        return redirect("/")
    return render(request, "profiles/account_delete.html", {"form": form})


@staff_tool(may_use_relay_view)
def relay(request):
    viewer = viewer_for(request.user)
    profiles = _page(request, relay_profiles(request.user).prefetch_related("skills"))
    audit_record(request.user, "profiles.relay_list", detail=f"page {profiles.number}")
    return render(
        request,
        "profiles/relay.html",
        {
            "page_obj": profiles,
            "cards": _cards(viewer, profiles.object_list),
            "count": profiles.paginator.count,
            "projects": relay_projects(request.user)[:200],
            "project_count": relay_projects(request.user).count(),
            "countries": sorted(viewer.covered_countries),
            "querystring": "",
        },
    )


@staff_tool(may_use_relay_view)
@require_http_methods(["GET", "POST"])
def relay_contact(request):
    coverage = getattr(request.user, "relay_coverage", None)
    if coverage is None:
        raise Http404
    form = RelayContactForm(request.POST or None, instance=coverage)
    if request.method == "POST" and form.is_valid():
        relay_contact_save(form)
        messages.success(request, _("Members will reach you this way from their suggestions."))
        return redirect("profiles:relay_contact")
    return render(
        request,
        "profiles/relay_contact.html",
        {"form": form, "countries": coverage.countries},
        status=400 if form.errors else 200,
    )
