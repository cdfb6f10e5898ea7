import filetype

from django import forms
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from .models import Comment, Post

MAX_DOCUMENT_SIZE = 10 * 1024 * 1024

# Types recognised from the file's first bytes, never from its name.
ALLOWED_DOCUMENT_TYPES = {
    "application/pdf",
    "image/png",
    "image/jpeg",
    "image/webp",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
}


class PostForm(forms.ModelForm):
    class Meta:
        model = Post
        fields = ["title", "body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 5})}


class CommentForm(forms.ModelForm):
    class Meta:
        model = Comment
        fields = ["body"]
        widgets = {"body": forms.Textarea(attrs={"rows": 3})}


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=200)
    file = forms.FileField(
        label=_("File"),
        help_text=_("PDF, image, or office document (Word, Excel, PowerPoint, OpenDocument), 10 MB at most."),
    )

    def clean_file(self):
        uploaded = self.cleaned_data["file"]
        if uploaded.size > MAX_DOCUMENT_SIZE:
            raise forms.ValidationError(
                _("This file is %(size)s; the limit is %(limit)s."),
                params={"size": filesizeformat(uploaded.size), "limit": filesizeformat(MAX_DOCUMENT_SIZE)},
            )
        head = uploaded.read(8192)
        uploaded.seek(0)
        kind = filetype.guess(head)
        if kind is None or kind.mime not in ALLOWED_DOCUMENT_TYPES:
            raise forms.ValidationError(
                _("This type of file is not accepted. Send a PDF, an image or an office document.")
            )
        self.cleaned_data["content_type"] = kind.mime
        return uploaded
