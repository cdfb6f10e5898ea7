from django import forms
from django.utils.translation import gettext_lazy as _

from .filters import SegmentFilterForm

__all__ = ["SegmentFilterForm", "SegmentSaveForm"]


class SegmentSaveForm(forms.Form):
    name = forms.CharField(label=_("Name of the segment"), max_length=120)
