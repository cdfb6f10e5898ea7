"""What the community core holds about a member, as sections of the data export (privacy/export.py)."""

from community.groups.models import Membership
from community.labels.models import EvidenceFile, LabelApplication
from community.messaging.models import Attachment, Message
from community.moderation.models import Block, Report
from community.spaces.models import CharterAcceptance, Comment, Post
from privacy.models import NoticeAcceptance

from .models import Profile


def _messages(user):
    rows = Message.objects.filter(sender=user).order_by("created_at", "id")
    data = [
        {
            "conversation": m.conversation_id,
            "seq": m.seq,
            "body": m.body,
            "at": m.created_at,
            "deleted": m.deleted_at,
        }
        for m in rows
    ]
    files = [a.file for a in Attachment.objects.filter(message__sender=user).order_by("id")]
    return data, files


def _posts(user):
    posts = [
        {"space": p.space_id, "group": p.group_id, "title": p.title, "body": p.body, "at": p.created_at}
        for p in Post.objects.filter(author=user).order_by("created_at", "id")
    ]
    comments = [
        {"post": c.post_id, "body": c.body, "at": c.created_at}
        for c in Comment.objects.filter(author=user).order_by("created_at", "id")
    ]
    return {"posts": posts, "comments": comments}, []


def _memberships(user):
    rows = Membership.objects.filter(user=user).select_related("group").order_by("id")
    return [{"group": m.group.slug, "role": m.role, "status": m.status} for m in rows], []


def _labels(user):
    applications = LabelApplication.objects.filter(applicant=user).select_related("label").order_by("id")
    data = [
        {"label": a.label.slug, "statement": a.statement, "status": a.status, "at": a.created_at}
        for a in applications
    ]
    files = [e.file for e in EvidenceFile.objects.filter(application__applicant=user).order_by("id")]
    return data, files


def _moderation(user):
    blocks = [{"blocked": b.blocked_id, "at": b.created_at} for b in Block.objects.filter(blocker=user)]
    reports = [
        {
            "target": f"{r.content_type_id}:{r.object_id}",
            "category": r.category,
            "text": r.text,
            "at": r.created_at,
        }
        for r in Report.objects.filter(reporter=user)
    ]
    return {"blocks": blocks, "reports": reports}, []


def _acceptances(user):
    charters = [
        {"charter_version": a.version_id, "at": a.accepted_at}
        for a in CharterAcceptance.objects.filter(user=user)
    ]
    notices = [
        {"notice": a.notice.version, "at": a.accepted_at} for a in NoticeAcceptance.objects.filter(user=user)
    ]
    return {"charters": charters, "privacy_notices": notices}, []


def _photo(user):
    profile = Profile.objects.filter(user=user).first()
    return [], [profile.photo] if profile is not None and profile.photo else []


SECTIONS = {
    "messages": _messages,
    "posts_and_comments": _posts,
    "group_memberships": _memberships,
    "label_applications": _labels,
    "blocks_and_reports": _moderation,
    "acceptances": _acceptances,
    "photo": _photo,
}
