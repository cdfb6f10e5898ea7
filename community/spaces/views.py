"""Space pages. Each view asks the gate (permissions.space_access) before showing anything."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from community.profiles.permissions import contact_email_for, viewer_for
from core.audit import audit_record
from core.csvfile import csv_response
from core.models import AuditLog
from core.names import display_name
from core.storage import private_file_response

from . import selectors, services
from .forms import CommentForm, DocumentForm, PostForm
from .models import CharterVersion, Comment, Document, Post, Space
from .permissions import can_export_members, is_space_moderator, space_access
from .serializers import post_data


def _space_or_404(slug):
    try:
        return selectors.space_get(slug)
    except Space.DoesNotExist:
        raise Http404 from None


def _locked(request, space, access):
    return render(request, "spaces/space_locked.html", {"space": space, "access": access}, status=403)


def _gate(request, space):
    """Render the "what is missing" page, or None when the member may enter."""
    access = space_access(request.user, space)
    return None if access.allowed else _locked(request, space, access)


@require_GET
def space_list(request):
    rows = []
    for space, access in selectors.spaces_with_access(request.user):
        rows.append(
            {"space": space, "access": access, "summary": selectors.space_summary(space) if access else None}
        )
    return render(request, "spaces/space_list.html", {"rows": rows})


def space_detail(request, slug):
    space = _space_or_404(slug)
    if (locked := _gate(request, space)) is not None:
        return locked
    services.space_visit_record(user=request.user, space=space)
    post_form = PostForm(request.POST or None, prefix="post")
    if request.method == "POST" and post_form.is_valid():
        post = services.post_create(author=request.user, space=space, **post_form.cleaned_data)
        messages.success(request, _("Your post is published."))
        return redirect("spaces:post", space.slug, post.id)
    return render(
        request,
        "spaces/space_detail.html",
        {
            "space": space,
            "posts": selectors.space_posts(space)[:30],
            "post_form": post_form,
            "documents": space.documents.all()[:30],
            "document_form": DocumentForm(),
            "may_moderate": is_space_moderator(request.user, space),
            "may_export": can_export_members(request.user, space),
        },
        status=400 if post_form.errors else 200,
    )


def post_detail(request, slug, post_id):
    space = _space_or_404(slug)
    if (locked := _gate(request, space)) is not None:
        return locked
    post = get_object_or_404(
        Post.objects.visible().select_related("author__profile"), pk=post_id, space=space
    )
    form = CommentForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.comment_create(author=request.user, post=post, body=form.cleaned_data["body"])
        messages.success(request, _("Your comment is published."))
        return redirect("spaces:post", space.slug, post.id)
    return render(
        request,
        "spaces/post_detail.html",
        {
            "space": space,
            "post": post,
            "comments": selectors.post_comments(post),
            "form": form,
            "may_moderate": is_space_moderator(request.user, space),
        },
        status=400 if form.errors else 200,
    )


@require_POST
def post_hide(request, slug, post_id):
    space = _space_or_404(slug)
    if not is_space_moderator(request.user, space):
        raise PermissionDenied
    services.post_hide(post=get_object_or_404(Post, pk=post_id, space=space), by=request.user)
    messages.success(request, _("The post is hidden."))
    return redirect("spaces:detail", space.slug)


@require_POST
def comment_hide(request, slug, comment_id):
    space = _space_or_404(slug)
    if not is_space_moderator(request.user, space):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=comment_id, post__space=space)
    services.comment_hide(comment=comment, by=request.user)
    messages.success(request, _("The comment is hidden."))
    return redirect("spaces:post", space.slug, comment.post_id)


@require_POST
def document_upload(request, slug):
    space = _space_or_404(slug)
    if (locked := _gate(request, space)) is not None:
        return locked
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        services.document_upload(
            space=space,
            user=request.user,
            title=form.cleaned_data["title"],
            uploaded=form.cleaned_data["file"],
            content_type=form.cleaned_data["content_type"],
        )
        messages.success(request, _("The document is shared with the space."))
        return redirect("spaces:detail", space.slug)
    return render(
        request,
        "spaces/space_detail.html",
        {
            "space": space,
            "posts": selectors.space_posts(space)[:30],
            "post_form": PostForm(prefix="post"),
            "documents": space.documents.all()[:30],
            "document_form": form,
            "may_moderate": is_space_moderator(request.user, space),
            "may_export": can_export_members(request.user, space),
        },
        status=400,
    )


@require_GET
def document_download(request, slug, document_id):
    space = _space_or_404(slug)
    if (locked := _gate(request, space)) is not None:
        return locked
    document = get_object_or_404(Document, pk=document_id, space=space)
    return private_file_response(
        document.file, filename=document.filename, content_type=document.content_type
    )


@require_GET
def space_members(request, slug):
    space = _space_or_404(slug)
    if (locked := _gate(request, space)) is not None:
        return locked
    return render(
        request,
        "spaces/space_members.html",
        {
            "space": space,
            "members": selectors.space_members(space),
            "may_export": can_export_members(request.user, space),
        },
    )


@require_GET
def space_members_export(request, slug):
    space = _space_or_404(slug)
    if not can_export_members(request.user, space):
        raise PermissionDenied
    visits = {v.user_id: v for v in space.visits.all()}
    viewer = viewer_for(request.user)
    audit_record(request.user, "spaces.members_export", space, kind=AuditLog.Kind.EXPORT)
    rows = [
        [
            display_name(member),
            contact_email_for(viewer, member),
            visits[member.id].first_visited_at.date().isoformat() if member.id in visits else "",
        ]
        for member in selectors.space_members(space)
    ]
    return csv_response(f"{space.slug}-members.csv", [_("Name"), _("Email"), _("Entered on")], rows)


@require_POST
@login_required
def charter_accept(request, version_id):
    version = get_object_or_404(CharterVersion.objects.exclude(published_at__isnull=True), pk=version_id)
    if version != version.charter.current_version():
        messages.error(request, _("A newer version of this charter is in force; please read it."))
    else:
        services.charter_accept(user=request.user, version=version)
        messages.success(request, _("You accepted the charter."))
    target = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure()):
        target = "spaces:list"
    return redirect(target)


@require_GET
def search(request):
    query = request.GET.get("q", "").strip()
    results = selectors.posts_search(request.user, query)
    return render(request, "spaces/search.html", {"query": query, "results": results})


@require_GET
def api_space_posts(request, slug):
    space = _space_or_404(slug)
    access = space_access(request.user, space)
    if not access.allowed:
        return JsonResponse(
            {
                "detail": _("You do not have access to this space."),
                "missing_labels": [label.slug for label in access.missing_labels],
                "charter_to_accept": access.charter_to_accept.version if access.charter_to_accept else None,
            },
            status=403,
        )
    return JsonResponse(
        {"space": space.slug, "posts": [post_data(p) for p in selectors.space_posts(space)[:100]]}
    )


@login_required
def feed_settings(request):
    if request.method == "POST":
        if request.POST.get("action") == "revoke":
            services.feed_token_revoke(user=request.user)
            messages.success(request, _("Your feed addresses no longer work."))
        else:
            services.feed_token_issue(user=request.user)
            messages.success(request, _("Your new feed addresses are ready; the old ones no longer work."))
        return redirect("spaces:feed_settings")
    token = selectors.feed_token_active(request.user)
    spaces = [space for space, access in selectors.spaces_with_access(request.user) if access]
    return render(request, "spaces/feed_settings.html", {"token": token, "spaces": spaces})
