"""Group pages. Thin: parse, ask permissions, call a service or selector, render."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from community.spaces import services as post_services
from community.spaces.forms import CommentForm, PostForm
from community.spaces.models import Comment, Post

from . import permissions, selectors, services
from .forms import DirectoryFilterForm, GroupForm, InviteForm
from .models import CommunityGroup, Membership


@require_GET
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    return render(
        request,
        "groups/directory.html",
        {"form": form, "groups": selectors.groups_directory(**filters)},
    )


@login_required
def group_create(request):
    form = GroupForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        group = services.group_create(creator=request.user, **form.cleaned_data)
        messages.success(request, _("Your group is created; you are its owner."))
        return redirect("groups:detail", group.slug)
    return render(request, "groups/group_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def group_edit(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    if not permissions.can_edit(request.user, group):
        raise PermissionDenied
    form = GroupForm(request.POST or None, instance=group)
    if request.method == "POST" and form.is_valid():
        services.group_update(by=request.user, group=group, **form.cleaned_data)
        messages.success(request, _("The group is saved."))
        return redirect("groups:detail", group.slug)
    return render(
        request,
        "groups/group_form.html",
        {"form": form, "group": group},
        status=400 if form.errors else 200,
    )


def _detail_context(request, group, **extra):
    user = request.user
    sees = permissions.can_see_content(user, group)
    moderates = permissions.can_moderate(user, group)
    context = {
        "group": group,
        "membership": permissions.membership_of(user, group),
        "sees_content": sees,
        "may_post": permissions.can_post(user, group),
        "may_moderate": moderates,
        "may_invite": getattr(user, "is_authenticated", False) and permissions.can_invite(user, group),
        "is_owner": permissions.is_owner(user, group),
        "may_edit": permissions.can_edit(user, group),
        "posts": selectors.group_posts(group)[:30] if sees else [],
        "members": selectors.group_members(group, viewer=user if user.is_authenticated else None)
        if sees
        else [],
        "pending": selectors.pending_requests(group) if moderates else [],
        "post_form": PostForm(prefix="post"),
        "invite_form": InviteForm(),
    }
    context.update(extra)
    return context


def group_detail(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    if request.method == "POST":
        if not permissions.can_post(request.user, group):
            raise PermissionDenied
        form = PostForm(request.POST, prefix="post")
        if form.is_valid():
            post = post_services.post_create(author=request.user, group=group, **form.cleaned_data)
            messages.success(request, _("Your post is published."))
            return redirect("groups:post", group.slug, post.id)
        return render(
            request, "groups/group_detail.html", _detail_context(request, group, post_form=form), status=400
        )
    return render(request, "groups/group_detail.html", _detail_context(request, group))


def post_detail(request, slug, post_id):
    group = get_object_or_404(CommunityGroup, slug=slug)
    if not permissions.can_see_content(request.user, group):
        raise PermissionDenied
    post = get_object_or_404(
        Post.objects.visible().select_related("author__profile"), pk=post_id, group=group
    )
    form = CommentForm(request.POST or None) if permissions.can_post(request.user, group) else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid():
            post_services.comment_create(author=request.user, post=post, body=form.cleaned_data["body"])
            messages.success(request, _("Your comment is published."))
            return redirect("groups:post", group.slug, post.id)
    return render(
        request,
        "groups/post_detail.html",
        {
            "group": group,
            "post": post,
            "comments": selectors.post_comments(post),
            "form": form,
            "may_moderate": permissions.can_moderate(request.user, group),
        },
        status=400 if form is not None and form.errors else 200,
    )


def _act(request, group, action, success):
    try:
        action()
    except services.GroupError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("groups:detail", group.slug)


@require_POST
@login_required
def join(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    try:
        membership = services.group_join(user=request.user, group=group)
    except services.GroupError as error:
        messages.error(request, str(error))
    else:
        if membership.status == Membership.Status.PENDING:
            messages.success(request, _("Your request is sent to the group's moderators."))
        else:
            messages.success(request, _("Welcome to the group!"))
    return redirect("groups:detail", group.slug)


@require_POST
@login_required
def leave(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    return _act(
        request, group, lambda: services.group_leave(user=request.user, group=group), _("You left the group.")
    )


@require_POST
@login_required
def invitation_answer(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    if request.POST.get("answer") == "accept":
        return _act(
            request,
            group,
            lambda: services.invitation_accept(user=request.user, group=group),
            _("Welcome to the group!"),
        )
    return _act(
        request,
        group,
        lambda: services.invitation_decline(user=request.user, group=group),
        _("Invitation declined."),
    )


@require_POST
@login_required
def invite(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    form = InviteForm(request.POST)
    if not form.is_valid():
        return render(
            request, "groups/group_detail.html", _detail_context(request, group, invite_form=form), status=400
        )
    return _act(
        request,
        group,
        lambda: services.group_invite(by=request.user, group=group, invitee=form.cleaned_data["invitee"]),
        _("The invitation is sent."),
    )


MEMBERSHIP_ACTIONS = {
    "approve": services.membership_approve,
    "refuse": services.membership_refuse,
    "remove": services.member_remove,
    "ban": services.member_ban,
}


@require_POST
@login_required
def membership_action(request, slug, membership_id, action):
    group = get_object_or_404(CommunityGroup, slug=slug)
    membership = get_object_or_404(
        Membership.objects.select_related("user", "group"), pk=membership_id, group=group
    )
    messages_by_action = {
        "approve": _("Request approved."),
        "refuse": _("Request refused."),
        "remove": _("Member removed."),
        "ban": _("Member banned."),
        "owner": _("Role changed."),
        "moderator": _("Role changed."),
        "member": _("Role changed."),
    }
    if action in Membership.Role.values:
        run = lambda: services.membership_role_set(by=request.user, membership=membership, role=action)  # noqa: E731
    elif action in MEMBERSHIP_ACTIONS:
        service = MEMBERSHIP_ACTIONS[action]
        run = lambda: service(by=request.user, membership=membership)  # noqa: E731
    else:
        raise PermissionDenied
    return _act(request, group, run, messages_by_action[action])


@require_POST
def post_hide(request, slug, post_id):
    group = get_object_or_404(CommunityGroup, slug=slug)
    if not permissions.can_moderate(request.user, group):
        raise PermissionDenied
    post_services.post_hide(post=get_object_or_404(Post, pk=post_id, group=group), by=request.user)
    messages.success(request, _("The post is hidden."))
    return redirect("groups:detail", group.slug)


@require_POST
def comment_hide(request, slug, comment_id):
    group = get_object_or_404(CommunityGroup, slug=slug)
    if not permissions.can_moderate(request.user, group):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=comment_id, post__group=group)
    post_services.comment_hide(comment=comment, by=request.user)
    messages.success(request, _("The comment is hidden."))
    return redirect("groups:post", group.slug, comment.post_id)
