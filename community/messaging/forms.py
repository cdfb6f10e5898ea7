from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from community.moderation.selectors import blocked_user_ids
from core.names import display_name
from core.uploads import checked_content_type

from .services import MAX_LENGTH


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    attachment = forms.FileField(
        label=_("Attach a file"),
        required=False,
        help_text=_("PDF, JPEG or PNG, 5 MB at most."),
    )

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload:
            self.attachment_type = checked_content_type(upload)
        return upload

    def clean(self):
        cleaned = super().clean()
        if not (cleaned.get("body") or "").strip() and not cleaned.get("attachment") and not self.errors:
            raise ValidationError(_("Write a message first."))
        return cleaned


class EditForm(forms.Form):
    body = forms.CharField(
        label=_("New text"), max_length=MAX_LENGTH, widget=forms.Textarea(attrs={"rows": 3})
    )


class NewConversationForm(forms.Form):
    """Pick members by name: the search box filters, the ticked boxes choose."""

    q = forms.CharField(label=_("Find members by name"), required=False, max_length=80)
    members = forms.ModelMultipleChoiceField(
        label=_("Members"),
        queryset=get_user_model().objects.none(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    title = forms.CharField(
        label=_("Title (for a conversation between several members)"), required=False, max_length=120
    )
    body = forms.CharField(
        label=_("First message"),
        required=False,
        max_length=MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def __init__(self, *args, user, candidates, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        excluded = blocked_user_ids(user) | {user.pk}
        self.fields["members"].queryset = candidates.exclude(pk__in=excluded)
        self.fields["members"].label_from_instance = _member_label

    def clean_members(self):
        members = self.cleaned_data["members"]
        if self.data.get("start") and not members:
            raise ValidationError(_("Choose at least one member."))
        return members


def _member_label(user):

    return display_name(user)
