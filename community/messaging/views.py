"""Messaging pages. They work without JavaScript: plain forms for send, edit, delete and report."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.groups.models import CommunityGroup
from community.profiles.selectors import directory_profiles
from community.spaces.models import Space
from core.names import display_name
from core.storage import private_file_response

from . import permissions, selectors, services
from .forms import EditForm, MessageForm, NewConversationForm
from .models import Attachment, Conversation, Message

PAGE_SIZE = 50


@login_required
def conversation_list(request):
    return render(
        request, "messaging/conversation_list.html", {"rows": selectors.conversations_of(request.user)}
    )


def _candidates(user, query):

    profiles = directory_profiles(user, query=query).values("user_id")
    return get_user_model().objects.filter(pk__in=profiles, is_active=True).select_related("profile")


@login_required
def conversation_new(request):
    data = request.POST if request.method == "POST" else (request.GET or None)
    query = (data or {}).get("q", "")
    form = NewConversationForm(data, user=request.user, candidates=_candidates(request.user, query))
    if request.method == "POST" and form.is_valid() and form.cleaned_data["members"]:
        try:
            conversation = services.conversation_start(
                creator=request.user,
                others=list(form.cleaned_data["members"]),
                title=form.cleaned_data["title"],
                text=form.cleaned_data["body"],
            )
        except (PermissionDenied, ValidationError) as error:
            form.add_error(None, error.messages[0] if isinstance(error, ValidationError) else str(error))
        else:
            return redirect(conversation)
    status = 400 if request.method == "POST" and (form.errors or not form.is_valid()) else 200
    candidates = form.fields["members"].queryset[:30] if query else []
    return render(
        request,
        "messaging/conversation_new.html",
        {"form": form, "query": query, "candidates": candidates},
        status=status,
    )


@login_required
def direct_open(request, user_id):
    """The "Message" button of a profile: opens (or creates) the 1:1 conversation."""
    other = get_object_or_404(get_user_model(), pk=user_id, is_active=True)
    if other == request.user:
        return redirect("messaging:list")
    existing = Conversation.objects.filter(direct_key=services._direct_key(request.user, other)).first()
    if existing is not None and permissions.can_read(request.user, existing):
        return redirect(existing)
    # Ids are sequential: someone the member cannot find in the directory is not there for them.
    if not permissions.may_find(request.user, other):
        raise Http404
    if request.method != "POST":
        return render(request, "messaging/direct_confirm.html", {"other": other})
    try:
        conversation = services.direct_conversation_open(initiator=request.user, other=other)
    except PermissionDenied as error:
        raise PermissionDenied(str(error)) from error
    return redirect(conversation)


@login_required
def group_open(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    conversation = services.group_conversation(group)
    if not permissions.can_read(request.user, conversation):
        raise PermissionDenied
    return redirect(conversation)


@login_required
def space_open(request, slug):
    space = get_object_or_404(Space, slug=slug)
    conversation = services.space_conversation(space)
    if not permissions.can_read(request.user, conversation):
        raise PermissionDenied
    return redirect(conversation)


def _conversation_or_403(request, pk):
    conversation = get_object_or_404(Conversation.objects.select_related("group", "space"), pk=pk)
    if not permissions.can_read(request.user, conversation):
        raise PermissionDenied
    return conversation


def _page_number(request, paginator):
    """History pages run oldest → newest; without ?page the newest page is shown."""
    return request.GET.get("page") or paginator.num_pages


@login_required
def conversation_detail(request, pk):
    conversation = _conversation_or_403(request, pk)
    form = MessageForm()
    status = 200
    if request.method == "POST":
        form = MessageForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data.get("attachment")
            try:
                services.message_send(
                    sender=request.user,
                    conversation=conversation,
                    body=form.cleaned_data["body"],
                    upload=upload or None,
                    upload_type=getattr(form, "attachment_type", ""),
                )
            except PermissionDenied as error:
                form.add_error(None, str(error) or _("You can no longer write in this conversation."))
            except ValidationError as error:
                form.add_error(None, error.messages[0])
            else:
                return redirect(conversation.get_absolute_url() + "#composer")
        status = 400
    # Changes after this moment reach the page through the socket's sync (changes_since).
    rendered_at = timezone.now()
    paginator = Paginator(selectors.conversation_messages(conversation), PAGE_SIZE)
    page = paginator.get_page(_page_number(request, paginator))
    reader = services.reader_row(request.user, conversation)
    if page.number == paginator.num_pages:
        services.conversation_mark_read(user=request.user, conversation=conversation)
    own_last = next((m for m in reversed(page.object_list) if m.sender_id == request.user.pk), None)
    context = {
        "conversation": conversation,
        "page": page,
        "form": form,
        "may_write": permissions.can_write(request.user, conversation),
        "participants": selectors.active_participants(conversation) if conversation.is_private else [],
        "other": selectors.direct_other(request.user, conversation),
        "seen_by": selectors.seen_by(conversation, own_last.seq, exclude_user=request.user)
        if own_last
        else [],
        "seen_seq": own_last.seq if own_last else 0,
        "last_seq": conversation.last_seq,
        "rendered_at": rendered_at.isoformat(),
        "read_seq": reader.last_read_seq,
        "participant_names": {
            str(p.user_id): str(display_name(p.user)) for p in selectors.active_participants(conversation)
        }
        if conversation.is_private
        else {},
    }
    return render(request, "messaging/conversation_detail.html", context, status=status)


def _own_message(request, pk, seq):
    conversation = _conversation_or_403(request, pk)
    message = get_object_or_404(Message, conversation=conversation, seq=seq)
    if not permissions.can_edit(request.user, message):
        raise PermissionDenied
    return conversation, message


@login_required
def message_edit(request, pk, seq):
    conversation, message = _own_message(request, pk, seq)
    form = EditForm(request.POST or None, initial={"body": message.body})
    if request.method == "POST" and form.is_valid():
        try:
            services.message_edit(user=request.user, message=message, body=form.cleaned_data["body"])
        except ValidationError as error:
            form.add_error("body", error.messages[0])
        else:
            messages.success(request, _("Your message is changed."))
            return redirect(message.get_absolute_url())
    return render(
        request,
        "messaging/message_edit.html",
        {"conversation": conversation, "message": message, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def message_delete(request, pk, seq):
    conversation, message = _own_message(request, pk, seq)
    if request.method == "POST":
        services.message_delete(user=request.user, message=message)
        messages.success(request, _("Your message is deleted."))
        return redirect(message.get_absolute_url())
    return render(
        request, "messaging/message_delete.html", {"conversation": conversation, "message": message}
    )


@require_POST
@login_required
def conversation_leave(request, pk):
    conversation = _conversation_or_403(request, pk)
    if conversation.kind != Conversation.Kind.MULTI:
        raise PermissionDenied
    services.conversation_leave(user=request.user, conversation=conversation)
    messages.success(request, _("You left the conversation."))
    return redirect("messaging:list")


@login_required
def attachment_download(request, pk):
    attachment = get_object_or_404(Attachment.objects.select_related("message__conversation"), pk=pk)
    if not permissions.can_download(request.user, attachment):
        raise PermissionDenied
    return private_file_response(
        attachment.file, filename=attachment.filename, content_type=attachment.content_type
    )
