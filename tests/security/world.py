"""A world of things nobody in the harness may see, each carrying MARKER, at predictable addresses.

Every object a URL parameter can name is planted at id FORBIDDEN_IDS (or slug SLUG, token TOKEN), so
that whatever table a view reads for ``<int:pk>``, ``<slug:slug>`` or ``<str:token>``, it finds a
forbidden row there. Member-side objects are built by hand (their visibility rules differ); back-office
rows (audit log, consents, moderation, referential, linkage, matching decisions, segments, outreach)
are planted automatically for every model of those apps, so a model added later is planted too.
"""

import datetime
import uuid

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.utils import timezone

from accounts.factories import UserFactory
from accounts.roles import EDITOR, MEMBER, MODERATOR, RELAY
from community.groups.models import CommunityGroup
from community.labels.models import EvidenceFile, LabelApplication
from community.messaging.models import Attachment, Conversation, Message, Participant
from community.notifications.models import Notification
from community.profiles.factories import ProfileFactory, ProjectFactory, RelayCoverageFactory
from community.spaces.factories import (
    CharterVersionFactory,
    LabelFactory,
    PostFactory,
    SpaceFactory,
    label_grant,
)
from community.spaces.models import Comment, Document, FeedToken
from events.factories import EventFactory, RSVPFactory
from events.models import Event, MemberEventSettings, Occurrence

MARKER = "ZQXMARK"
ID, ID2 = 4242, 4243
FORBIDDEN_IDS = (ID, ID2)
SLUG = "zqx-secret"
TOKEN = "zqxsecret-token-0123456789abcdefghijklmnopqrstuv"
UUID = uuid.UUID("00000000-0000-4000-8000-000000004242")
PERSONAS = ("visitor", "member", "labelled_no_charter", "relay", "editor", "moderator")

# Back-office apps: no persona of the harness (none has a second factor) may read any of their rows.
BACK_OFFICE_APPS = (
    "core",
    "privacy",
    "moderation",
    "referential",
    "linkage",
    "segmentation",
    "outreach",
    "accompaniment",
    "api",
)
BACK_OFFICE_MODELS = ("labels.labeldecision", "matching.matchdecision", "matching.introduction")
# Rows that are public by design or carry no member data: never planted with the marker.
NOT_PLANTED = {"privacy.privacynotice": "the privacy notice is public text"}


def _m(suffix=""):
    return f"{MARKER}{suffix}"


def _file(name):
    return ContentFile(f"%PDF-1.4 {MARKER} secret file".encode(), name=name)


def plant(now=None):
    """Plant the world; returns the personas (name -> user or None) and facts the filler needs."""
    now = now or timezone.now()
    victim = UserFactory(
        id=ID, email=f"{MARKER.lower()}.victim@example.org", first_name=_m("First"), last_name=_m("Last")
    )
    partner = UserFactory(email=f"{MARKER.lower()}.partner@example.org", first_name=_m("Partner"))
    staff_vis = {f"vis_{group}": 3 for group in ("name", "photo", "about", "skills", "career", "languages")}
    staff_vis |= {f"vis_{group}": 3 for group in ("country", "origin", "city", "links", "contact")}
    profile = ProfileFactory(
        id=ID, user=victim, display_name=_m(" Victim"), headline=_m(), bio=_m(), city=_m(), **staff_vis
    )
    # Both project kinds a holder may choose short of public: private (3) and members-only (1); the
    # holder has not consented to the directory, so no persona but staff with a second factor reads either.
    ProjectFactory(id=ID, owner=profile, title=_m(" project"), summary=_m(" summary"), visibility=3)
    ProjectFactory(id=ID2, owner=profile, title=_m(" members project"), summary=_m(), visibility=1)

    label = LabelFactory()
    version = CharterVersionFactory()
    space = SpaceFactory(id=ID, slug=SLUG, labels=[label], charter=version.charter)
    space_post = PostFactory(id=ID2, space=space, author=victim, title=_m(), body=_m())
    Comment.objects.create(id=ID, post=space_post, author=victim, body=_m())
    Comment.objects.create(id=ID2, post=space_post, author=victim, body=_m())
    document = Document(id=ID, space=space, uploaded_by=victim, title=_m(), filename=_m(".pdf"))
    document.content_type, document.size = "application/pdf", 30
    document.file.save("doc.pdf", _file("doc.pdf"), save=True)
    FeedToken.objects.create(user=victim, token=TOKEN)

    group = CommunityGroup.objects.create(
        id=ID, slug=SLUG, kind="thematic", name="Cercle privé", join_policy="invitation", created_by=victim
    )
    PostFactory(id=ID, space=None, group=group, author=victim, title=_m(), body=_m())

    application = LabelApplication.objects.create(id=ID, applicant=victim, label=label, statement=_m())
    evidence = EvidenceFile(id=ID, application=application, original_name=_m(".pdf"))
    evidence.content_type, evidence.size = "application/pdf", 30
    evidence.file.save("evidence.pdf", _file("evidence.pdf"), save=True)

    conversation = Conversation.objects.create(id=ID, kind="multi", title=_m(), created_by=victim, last_seq=1)
    Participant.objects.create(conversation=conversation, user=victim)
    Participant.objects.create(conversation=conversation, user=partner)
    message = Message.objects.create(id=ID, conversation=conversation, seq=1, sender=victim, body=_m())
    attachment = Attachment(
        id=ID, message=message, filename=_m(".pdf"), content_type="application/pdf", size=30
    )
    attachment.file.save("attachment.pdf", _file("attachment.pdf"), save=True)

    Notification.objects.create(id=ID, recipient=victim, kind="test", subject=_m(), body=_m(), url="/")

    event = EventFactory(
        id=ID,
        created_by=victim,
        space=space,
        visibility=Event.Visibility.SPACE,
        mode=Event.Mode.ONLINE,
        online_url=f"https://meet.example.org/{MARKER}",
        title_fr=_m(),
        title_en=_m(),
        title_ar=_m(),
        description_fr=_m(),
        start=now + datetime.timedelta(days=7),
        end=now + datetime.timedelta(days=7, hours=2),
    )
    occurrence = (
        Occurrence.objects.create(event=event, original_start=event.start, start=event.start, end=event.end)
        if _has_fields(Occurrence, "original_start", "start", "end")
        else None
    )
    if occurrence is not None:
        RSVPFactory(id=ID, occurrence=occurrence, user=victim)
    MemberEventSettings.objects.filter(user=victim).delete()

    planted, failed = plant_back_office(victim)

    personas = {
        "visitor": None,
        "member": UserFactory(roles=[MEMBER]),
        "labelled_no_charter": UserFactory(roles=[MEMBER]),
        "relay": UserFactory(roles=[RELAY]),
        "editor": UserFactory(roles=[EDITOR]),
        "moderator": UserFactory(roles=[MODERATOR]),
    }
    label_grant(personas["labelled_no_charter"], label)
    # The member once took part in the victim's conversation and left it: no surface lists it for them
    # (its title carries the marker), the API's conversations list included.
    Participant.objects.create(conversation=conversation, user=personas["member"], left_at=now)
    # The labelled member opened the gated space's conversation once, but has not accepted the charter.
    space_conversation = Conversation.objects.create(id=ID2, kind="space", space=space, last_seq=1)
    Participant.objects.create(conversation=space_conversation, user=personas["labelled_no_charter"])
    Message.objects.create(conversation=space_conversation, seq=1, sender=victim, body=_m(" space"))
    RelayCoverageFactory(relay=personas["relay"], countries=["FR"])
    return {
        "personas": personas,
        "event": event,
        "content_types": sorted(
            {ContentType.objects.get_for_model(model).pk for model in _planted_models() + planted}
        ),
        "back_office_planted": [model._meta.label_lower for model in planted],
        "back_office_failed": failed,
    }


def _has_fields(model, *names):
    present = {field.name for field in model._meta.get_fields()}
    return all(name in present for name in names)


def _planted_models():
    from community.profiles.models import Profile, Project
    from community.spaces.models import Post, Space

    return [
        apps.get_model("accounts", "User"),
        Profile,
        Project,
        Space,
        Post,
        Comment,
        Document,
        CommunityGroup,
        LabelApplication,
        EvidenceFile,
        Conversation,
        Message,
        Attachment,
        Notification,
        Event,
    ]


# --- back-office rows, planted for every model of the back-office apps ----------------------------


def back_office_models():
    chosen = []
    for model in apps.get_models():
        label = model._meta.label_lower
        if label in NOT_PLANTED:
            continue
        if model._meta.app_label in BACK_OFFICE_APPS or label in BACK_OFFICE_MODELS:
            chosen.append(model)
    return chosen


def plant_back_office(victim):
    """One row per back-office model at id ID, its text fields carrying the marker; returns the models
    planted and, for the others, why not (printed by the harness)."""
    planted, failed = [], {}
    pending = back_office_models()
    for _round in range(3):  # a row may need another back-office row planted first
        still = []
        for model in pending:
            try:
                with transaction.atomic():
                    _plant_row(model, victim)
            except Exception as error:  # any reason not to plant is reported, not raised
                still.append(model)
                failed[model._meta.label_lower] = f"{type(error).__name__}: {str(error)[:120]}"
            else:
                planted.append(model)
                failed.pop(model._meta.label_lower, None)
        pending = still
    return planted, failed


class _Missing(LookupError):
    pass


def _plant_row(model, victim):
    if model._default_manager.filter(pk=ID).exists():
        return
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key:
            if isinstance(field, models.AutoField | models.BigAutoField | models.IntegerField):
                values[field.attname] = ID
            continue
        value = _value_for(field, victim)
        if value is not _SKIP:
            values[field.attname] = value
    instance = model(**values)
    instance.save(force_insert=True)


_SKIP = object()


def _value_for(field, victim):
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        if related is apps.get_model("accounts", "User"):
            return victim.pk
        if field.null:
            row = related._default_manager.filter(pk=ID).first()
            return row.pk if row else None
        row = related._default_manager.filter(pk=ID).first() or related._default_manager.first()
        if row is None:
            raise _Missing(f"needs a {related._meta.label}")
        return row.pk
    if field.has_default() and not isinstance(field, models.CharField | models.TextField):
        return _SKIP
    if field.choices:
        return field.choices[0][0]
    if isinstance(field, models.EmailField):
        return f"{MARKER.lower()}@example.org"
    if isinstance(field, models.URLField):
        return f"https://example.org/{MARKER}"
    if isinstance(field, models.SlugField):
        return SLUG
    if isinstance(field, models.CharField | models.TextField):
        limit = field.max_length or 200
        return (MARKER + " " + MARKER.lower())[:limit] if limit >= len(MARKER) else _SKIP
    if isinstance(field, models.FileField):
        return f"private/{MARKER}.csv"
    if isinstance(field, models.JSONField):
        return {"note": MARKER}
    if isinstance(field, models.DateTimeField):
        return timezone.now()
    if isinstance(field, models.DateField):
        return timezone.now().date()
    if isinstance(field, models.UUIDField):
        return UUID
    if isinstance(field, models.BooleanField):
        return False
    if isinstance(field, models.DecimalField | models.FloatField):
        return 0
    if isinstance(field, models.IntegerField | models.BigIntegerField | models.PositiveIntegerField):
        return 1
    if field.null or field.blank:
        return _SKIP
    return _SKIP
