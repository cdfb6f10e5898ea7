from django import forms
from django.utils.translation import gettext_lazy as _

from .permissions import scopes_offered
from .scopes import SCOPE_LABELS
from .services import MAX_DAYS


class TokenForm(forms.Form):
    name = forms.CharField(
        label=_("Name"), max_length=80, help_text=_("What the token is for, e.g. a script.")
    )
    scopes = forms.MultipleChoiceField(label=_("What it may read"), widget=forms.CheckboxSelectMultiple)
    days = forms.IntegerField(
        label=_("Valid for (days)"),
        min_value=1,
        max_value=MAX_DAYS,
        initial=30,
        help_text=_("At most 90 days; make a new token when it expires."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["scopes"].choices = [(scope, SCOPE_LABELS[scope]) for scope in scopes_offered(user)]
