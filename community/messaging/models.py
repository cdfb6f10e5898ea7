"""Conversations, who takes part, and their messages in the order the server gave them."""

import uuid

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.storage import private_storage


def _attachment_path(instance, filename):
    # The member's file name stays in Attachment.filename, never in the path.
    return f"messaging/{uuid.uuid4().hex}"


class Conversation(models.Model):
    class Kind(models.TextChoices):
        DIRECT = "direct", _("Direct conversation")
        MULTI = "multi", _("Conversation between several members")
        GROUP = "group", _("Group conversation")
        SPACE = "space", _("Space conversation")

    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=120, blank=True)
    # One conversation per group and per space; readers follow the membership / the gate.
    group = models.OneToOneField(
        "community_groups.CommunityGroup",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="conversation",
    )
    space = models.OneToOneField(
        "spaces.Space", on_delete=models.CASCADE, null=True, blank=True, related_name="conversation"
    )
    # "<smaller user id>:<larger user id>" for direct conversations: one per pair, even under races.
    direct_key = models.CharField(max_length=41, unique=True, null=True, blank=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    # The last sequence number given to a message; messages take it under a row lock, so the
    # order of sequence numbers is the order of commits.
    last_seq = models.PositiveBigIntegerField(default=0)
    last_message_at = models.DateTimeField(null=True, blank=True, db_index=True)

    class Meta:
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")
        ordering = ["-last_message_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    models.Q(kind="group", group__isnull=False, space__isnull=True)
                    | models.Q(kind="space", space__isnull=False, group__isnull=True)
                    | models.Q(kind__in=["direct", "multi"], group__isnull=True, space__isnull=True)
                ),
                name="conversation_kind_matches_its_link",
            )
        ]

    def __str__(self):
        if self.group_id:
            return str(self.group)
        if self.space_id:
            return str(self.space)
        return self.title or f"#{self.pk}"

    def get_absolute_url(self):
        return reverse("messaging:conversation", args=[self.pk])

    @property
    def is_private(self):
        return self.kind in (self.Kind.DIRECT, self.Kind.MULTI)


class Participant(models.Model):
    """A member of a direct or multi conversation, or a reader of a group/space one (read position).

    For group and space conversations this row only keeps the read position and mail state; the
    right to read and write comes from the membership or the space gate, asked at every message.
    """

    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="participants")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversation_participations"
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    last_read_seq = models.PositiveBigIntegerField(default=0)
    last_read_at = models.DateTimeField(null=True, blank=True)
    # Messages up to this sequence number were listed in an unread-messages email (never twice).
    emailed_through_seq = models.PositiveBigIntegerField(default=0)

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_participant_per_conversation")
        ]
        indexes = [models.Index(fields=["user", "left_at"])]

    def __str__(self):
        return f"{self.user} — {self.conversation_id}"


class Message(models.Model):
    conversation = models.ForeignKey(Conversation, on_delete=models.CASCADE, related_name="messages")
    seq = models.PositiveBigIntegerField(_("order"))
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="messages_sent"
    )
    body = models.TextField(_("message"), blank=True, max_length=4000)  # services.MAX_LENGTH
    created_at = models.DateTimeField(default=timezone.now)
    edited_at = models.DateTimeField(null=True, blank=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Moderation (community/moderation/targets.py): a hidden message shows as removed by moderators.
    hidden_at = models.DateTimeField(null=True, blank=True)
    hidden_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["conversation", "seq"]
        constraints = [models.UniqueConstraint(fields=["conversation", "seq"], name="one_message_per_seq")]

    def __str__(self):
        return f"{self.conversation_id}#{self.seq}"

    def get_absolute_url(self):
        return reverse("messaging:conversation", args=[self.conversation_id]) + f"#m{self.seq}"

    @property
    def author(self):
        return self.sender

    @property
    def is_removed(self):
        return self.deleted_at is not None or self.hidden_at is not None

    def moderation_preview(self):
        return self.body

    def moderation_visible_to(self, user) -> bool:
        from .permissions import can_read  # permissions import these models: circular at module level

        return can_read(user, self.conversation)


class Attachment(models.Model):
    """A file sent with a message: checked by content, kept in private storage, served by a view."""

    message = models.ForeignKey(Message, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(storage=private_storage, upload_to=_attachment_path, max_length=200)
    filename = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def __str__(self):
        return self.filename


class UnreadEmail(models.Model):
    """One row per unread-messages email sent: spaces them out for members on the daily digest."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(default=timezone.now, db_index=True)
    message_count = models.PositiveIntegerField()

    class Meta:
        verbose_name = _("unread messages email")
        verbose_name_plural = _("unread messages emails")

    def __str__(self):
        return f"{self.user} — {self.sent_at:%Y-%m-%d %H:%M}"
