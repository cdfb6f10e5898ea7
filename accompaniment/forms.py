"""Forms of accompaniment: the holder's request in three steps, and the staff's actions on a case."""

from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from accounts.roles import ADVISOR, RELAY
from cms.models import ProgrammePage
from community.profiles.choices import Contribution, Region
from core.countries import country_choices
from core.names import display_name
from core.sectors import sector_choices
from core.uploads import checked_content_type

from .models import Document, Referral, Stage
from .selectors import AGE_BUCKETS

REQUEST_STEPS = 3


class UserChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return display_name(obj)


def advisors():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=ADVISOR)
        .select_related("profile")
        .order_by("first_name", "pk")
    )


def relays():
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name=RELAY)
        .select_related("profile")
        .order_by("first_name", "pk")
    )


# The holder's request -----------------------------------------------------------------------------------


class NeedsStep(forms.Form):
    needs = forms.MultipleChoiceField(
        label=_("What kind of help do you need?"),
        choices=Contribution.choices,
        widget=forms.CheckboxSelectMultiple,
    )
    needs_text = forms.CharField(
        label=_("Describe what you need"), widget=forms.Textarea(attrs={"rows": 5}), max_length=4000
    )
    region = forms.ChoiceField(
        label=_("Region of Morocco where the project takes place"), choices=Region.choices
    )


class MoneyStep(forms.Form):
    funding_sought = forms.IntegerField(label=_("Funding sought (MAD)"), min_value=0, required=False)
    funding_secured = forms.IntegerField(
        label=_("Funding already secured (MAD)"), min_value=0, required=False
    )
    jobs_planned = forms.IntegerField(label=_("Jobs planned"), min_value=0, max_value=100000, required=False)


class DocumentsStep(forms.Form):
    business_plan = forms.FileField(label=_("Business plan (PDF, JPEG or PNG)"), required=False)
    statutes = forms.FileField(label=_("Statutes (PDF, JPEG or PNG)"), required=False)
    confirm = forms.BooleanField(label=_("I confirm the information above is accurate"))

    def clean(self):
        data = super().clean()
        for name in ("business_plan", "statutes"):
            upload = data.get(name)
            if upload:
                try:
                    checked_content_type(upload)
                except forms.ValidationError as error:
                    self.add_error(name, error)
        return data

    def documents(self):
        kinds = {"business_plan": Document.Kind.BUSINESS_PLAN, "statutes": Document.Kind.STATUTES}
        return [
            (kind, self.cleaned_data[name]) for name, kind in kinds.items() if self.cleaned_data.get(name)
        ]


STEP_FORMS = {1: NeedsStep, 2: MoneyStep, 3: DocumentsStep}


class MessageForm(forms.Form):
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000)


class UploadForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=Document.Kind.choices)
    file = forms.FileField(label=_("File (PDF, JPEG or PNG)"))


class SurveyForm(forms.Form):
    satisfaction = forms.TypedChoiceField(
        label=_("How satisfied are you with the accompaniment?"),
        choices=[(i, str(i)) for i in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        help_text=_("1: not at all, 5: very satisfied"),
    )
    comment = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}), required=False)


class FollowupForm(forms.Form):
    launched = forms.TypedChoiceField(
        label=_("Did your project launch?"),
        choices=[("yes", _("Yes")), ("no", _("No"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    jobs_created = forms.IntegerField(label=_("Jobs created"), min_value=0, required=False)
    investment = forms.IntegerField(label=_("Investment (MAD)"), min_value=0, required=False)


class MentorAnswerForm(forms.Form):
    accept = forms.TypedChoiceField(
        label=_("Will you mentor this project?"),
        choices=[("yes", _("Yes, I agree to mentor it")), ("no", _("No, not now"))],
        coerce=lambda v: v == "yes",
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("A word for the advisor"), widget=forms.Textarea(attrs={"rows": 3}), required=False
    )


# Staff --------------------------------------------------------------------------------------------------


class MoveForm(forms.Form):
    to_stage = forms.ModelChoiceField(label=_("Move to"), queryset=Stage.objects.none())
    reason = forms.CharField(label=_("Why"), widget=forms.Textarea(attrs={"rows": 2}), required=False)
    next_step = forms.CharField(label=_("Next step"), max_length=200, required=False)
    next_step_on = forms.DateField(
        label=_("Date of the next step"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    funding_secured = forms.IntegerField(label=_("Funding secured (MAD)"), min_value=0, required=False)
    jobs_created = forms.IntegerField(label=_("Jobs created at launch"), min_value=0, required=False)
    investment = forms.IntegerField(label=_("Investment at launch (MAD)"), min_value=0, required=False)
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, case=None, **kwargs):
        super().__init__(*args, **kwargs)
        if case is not None:
            self.fields["to_stage"].queryset = case.stage.next_stages.filter(active=True).order_by("order")
            self.fields["to_stage"].label_from_instance = lambda stage: stage.name
            self.initial.setdefault("version", case.version)


class AssignForm(forms.Form):
    advisor = UserChoiceField(label=_("Advisor"), queryset=get_user_model().objects.none(), required=False)
    relay = UserChoiceField(label=_("Relay"), queryset=get_user_model().objects.none(), required=False)
    note = forms.CharField(
        label=_("Hand-over note"),
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text=_("Required when the case changes hands."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors()
        self.fields["relay"].queryset = relays()


class BulkAssignForm(forms.Form):
    advisor = UserChoiceField(
        label=_("Assign the selected cases to"), queryset=get_user_model().objects.none()
    )
    note = forms.CharField(label=_("Hand-over note"), required=False, max_length=500)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["advisor"].queryset = advisors()


class NoteForm(forms.Form):
    body = forms.CharField(label=_("Internal note (staff only)"), widget=forms.Textarea(attrs={"rows": 3}))


class TaskForm(forms.Form):
    title = forms.CharField(label=_("Task"), max_length=200)
    due_on = forms.DateField(
        label=_("Due on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )


class NextStepForm(forms.Form):
    text = forms.CharField(label=_("Next step"), max_length=200, required=False)
    on = forms.DateField(
        label=_("Date of the next step"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class ReferForm(forms.Form):
    programme = forms.ModelChoiceField(
        label=_("Programme"), queryset=ProgrammePage.objects.none(), required=False
    )
    mentor = forms.ChoiceField(label=_("Mentor"), choices=[], required=False)
    note = forms.CharField(
        label=_("Message to the holder"), widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, mentors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["programme"].queryset = ProgrammePage.objects.live().order_by("title")
        self.fields["programme"].label_from_instance = lambda page: (
            f"{page.title} ({page.partner_name})" if page.partner_name else page.title
        )
        self.mentors = {str(p.pk): p for p in mentors}
        self.fields["mentor"].choices = [("", "—")] + [(str(p.pk), p.display_name) for p in mentors]

    def clean(self):
        data = super().clean()
        data["mentor"] = self.mentors.get(data.get("mentor") or "")
        if (data.get("programme") is None) == (data.get("mentor") is None):
            raise forms.ValidationError(_("Choose a programme or a mentor."))
        return data


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Answer"), choices=[c for c in Referral.Outcome.choices if c[0] != Referral.Outcome.PENDING]
    )
    note = forms.CharField(label=_("Details"), required=False, max_length=1000)


class DocumentRequestForm(forms.Form):
    kind = forms.ChoiceField(label=_("Ask the holder for"), choices=Document.Kind.choices)


class BoardFilterForm(forms.Form):
    view = forms.ChoiceField(
        label=_("View"), choices=[("kanban", _("Columns by stage")), ("list", _("List"))], required=False
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    sector = forms.ChoiceField(label=_("Sector"), required=False)
    country = forms.ChoiceField(label=_("Country of residence"), required=False)
    stage = forms.ModelChoiceField(label=_("Stage"), queryset=Stage.objects.none(), required=False)
    advisor = forms.ChoiceField(label=_("Advisor"), required=False)
    relay = forms.ChoiceField(label=_("Relay"), required=False)
    age = forms.ChoiceField(label=_("Age"), required=False)
    overdue = forms.BooleanField(label=_("Overdue only"), required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["region"].choices = every + list(Region.choices)
        self.fields["sector"].choices = every + list(sector_choices())
        self.fields["country"].choices = every + list(country_choices())
        self.fields["stage"].queryset = Stage.objects.filter(active=True).order_by("order")
        self.fields["stage"].label_from_instance = lambda stage: stage.name
        self.fields["stage"].empty_label = _("All")
        self.fields["advisor"].choices = (
            every + [("none", _("Not assigned"))] + [(str(u.pk), display_name(u)) for u in advisors()]
        )
        self.fields["relay"].choices = every + [(str(u.pk), display_name(u)) for u in relays()]
        labels = {
            "lt7": _("Less than a week"),
            "7-30": _("1 to 4 weeks"),
            "30-90": _("1 to 3 months"),
            "gt90": _("More than 3 months"),
        }
        self.fields["age"].choices = every + [(key, labels[key]) for key in AGE_BUCKETS]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {k: v for k, v in self.cleaned_data.items() if v and k != "view"}


class PeriodForm(forms.Form):
    start = forms.DateField(label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
    end = forms.DateField(label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"}))
