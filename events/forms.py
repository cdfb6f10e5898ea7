from datetime import datetime, time
from zoneinfo import ZoneInfo

from recurrence import MONTHLY, WEEKLY, Recurrence, Rule, Weekday

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from community.groups.models import CommunityGroup
from community.spaces.models import Space
from core.countries import country_choices_lazy, country_codes
from core.sectors import SectorChoice

from . import permissions
from .models import RSVP, Event, time_zone_choices

LOCAL_INPUT = {"type": "datetime-local"}
QUESTION_LANGUAGES = ("fr", "ar", "en")


def _lines(text) -> list[str]:
    return [line.strip() for line in (text or "").splitlines() if line.strip()]


class EventFilterForm(forms.Form):
    q = forms.CharField(label=_("Words"), required=False, max_length=80)
    country = forms.ChoiceField(
        label=_("Country"), required=False, choices=lambda: [("", _("All")), *country_choices_lazy()]
    )
    city = forms.CharField(label=_("City"), required=False, max_length=80)
    group = forms.ModelChoiceField(
        label=_("Group"), required=False, queryset=CommunityGroup.objects.all(), empty_label=_("All")
    )
    theme = forms.ChoiceField(
        label=_("Theme"), required=False, choices=[("", _("All"))] + SectorChoice.choices
    )
    online = forms.BooleanField(label=_("Online or hybrid only"), required=False)


class RSVPForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Your answer"),
        choices=[
            (RSVP.Status.GOING, _("I am going")),
            (RSVP.Status.INTERESTED, _("I am interested")),
            (RSVP.Status.NOT_GOING, _("I am not going")),
        ],
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        for index, (_question, shown) in enumerate(event.local_questions):
            self.fields[f"q{index}"] = forms.CharField(
                # The organiser's words, isolated from the page's direction.
                label=format_html("<bdi>{}</bdi>", shown),
                required=False,
                max_length=1000,
                help_text=_("Optional. Only the organisers see your answer."),
                widget=forms.TextInput(attrs={"dir": "auto"}),
            )

    def question_fields(self):
        return [field for field in self if field.name != "status"]

    def answers(self):
        return {q: self.cleaned_data.get(f"q{i}", "") for i, q in enumerate(self.event.questions)}


class EventForm(forms.ModelForm):
    REPEAT_CHOICES = [
        ("", _("Does not repeat")),
        ("weekly", _("Every week on the same day")),
        ("monthly_day", _("Every month on the same date")),
        ("monthly_weekday", _("Every month on the same weekday (for example the 2nd Tuesday)")),
    ]
    start_local = forms.DateTimeField(
        label=_("Start (local time)"), widget=forms.DateTimeInput(attrs=LOCAL_INPUT)
    )
    end_local = forms.DateTimeField(
        label=_("End (local time)"), widget=forms.DateTimeInput(attrs=LOCAL_INPUT)
    )
    time_zone = forms.ChoiceField(label=_("Time zone"), choices=time_zone_choices, initial="Europe/Paris")
    repeat = forms.ChoiceField(label=_("Repeats"), choices=REPEAT_CHOICES, required=False)
    repeat_interval = forms.IntegerField(
        label=_("Every how many weeks or months"), min_value=1, max_value=12, initial=1
    )
    repeat_until = forms.DateField(
        label=_("Repeats until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    online_url = forms.URLField(
        label=_("Online link"),
        required=False,
        assume_scheme="https",
        help_text=_("Shown only to members who are going."),
    )
    questions_text = forms.CharField(
        label=_("Registration questions (one per line, optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "dir": "auto"}),
    )
    questions_text_fr = forms.CharField(
        label=_("The questions in French (one per line, in the same order, optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "fr", "dir": "ltr"}),
    )
    questions_text_ar = forms.CharField(
        label=_("The questions in Arabic (one per line, in the same order, optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "ar", "dir": "rtl"}),
    )
    questions_text_en = forms.CharField(
        label=_("The questions in English (one per line, in the same order, optional)"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3, "lang": "en", "dir": "ltr"}),
    )

    class Meta:
        model = Event
        fields = [
            "organiser_kind",
            "group",
            "original_language",
            "title_fr",
            "title_ar",
            "title_en",
            "description_fr",
            "description_ar",
            "description_en",
            "theme",
            "mode",
            "venue",
            "address",
            "city",
            "country",
            "online_url",
            "visibility",
            "space",
            "capacity",
            "rsvp_closes_hours",
        ]
        widgets = {f"description_{lang}": forms.Textarea(attrs={"rows": 4}) for lang in ("fr", "ar", "en")}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        kinds = permissions.organiser_kinds_for(user)
        if self.instance.pk:
            del self.fields["organiser_kind"]  # who organises is settled at creation
        else:
            self.fields["organiser_kind"].choices = [c for c in Event.OrganiserKind.choices if c[0] in kinds]
        groups = CommunityGroup.objects.all()
        if not permissions.is_platform_organiser(user):
            groups = groups.filter(id__in=permissions.organisable_group_ids(user))
        self.fields["group"].queryset = groups
        self.fields["space"].queryset = Space.objects.all()
        for lang in ("ar",):
            self.fields[f"title_{lang}"].widget.attrs["dir"] = "rtl"
            self.fields[f"description_{lang}"].widget.attrs["dir"] = "rtl"
        event = self.instance
        if event.pk:
            tz = event.tz
            self.initial.update(
                start_local=event.start.astimezone(tz).replace(tzinfo=None),
                end_local=event.end.astimezone(tz).replace(tzinfo=None),
                time_zone=event.time_zone,
                questions_text="\n".join(event.questions),
                **{
                    f"questions_text_{lang}": "\n".join(getattr(event, f"questions_{lang}"))
                    for lang in QUESTION_LANGUAGES
                },
            )
            rule = event.recurrence.rrules[0] if event.is_recurring else None
            if rule is not None:
                self.initial["repeat_interval"] = rule.interval
                if rule.freq == WEEKLY:
                    self.initial["repeat"] = "weekly"
                elif rule.bymonthday:
                    self.initial["repeat"] = "monthly_day"
                else:
                    self.initial["repeat"] = "monthly_weekday"
                if rule.until:
                    self.initial["repeat_until"] = rule.until.astimezone(tz).date()

    def clean_country(self):
        country = (self.cleaned_data.get("country") or "").strip().upper()
        if country and country not in country_codes():
            raise forms.ValidationError(_("Enter the country as two letters, for example FR."))
        return country

    def clean(self):
        data = super().clean()
        language = data.get("original_language") or "fr"
        if not data.get(f"title_{language}"):
            self.add_error(f"title_{language}", _("Give the title in the language the event is written in."))
        tz_name = data.get("time_zone")
        start, end = data.get("start_local"), data.get("end_local")
        if tz_name and start and end:
            tz = ZoneInfo(tz_name)
            data["start"] = start.replace(tzinfo=tz)
            data["end"] = end.replace(tzinfo=tz)
            if data["end"] <= data["start"]:
                self.add_error("end_local", _("The end must come after the start."))
        mode = data.get("mode")
        if mode in (Event.Mode.ONLINE, Event.Mode.HYBRID) and not data.get("online_url"):
            self.add_error("online_url", _("An online or hybrid event needs its link."))
        if mode in (Event.Mode.IN_PERSON, Event.Mode.HYBRID) and not (
            data.get("city") and data.get("country")
        ):
            self.add_error("city", _("An event in person needs its city and country."))
        kind = data.get("organiser_kind", self.instance.organiser_kind)
        if kind == Event.OrganiserKind.GROUP and not data.get("group"):
            self.add_error("group", _("Choose the group that organises the event."))
        questions = _lines(data.get("questions_text"))
        for lang in QUESTION_LANGUAGES:
            translated = _lines(data.get(f"questions_text_{lang}"))
            if translated and len(translated) != len(questions):
                self.add_error(
                    f"questions_text_{lang}",
                    _("Give one line for each question, in the same order as the questions above."),
                )
        visibility = data.get("visibility")
        if visibility == Event.Visibility.GROUP and not data.get("group"):
            self.add_error("group", _("An event for a group's members needs a group."))
        if visibility == Event.Visibility.SPACE and not data.get("space"):
            self.add_error("space", _("An event for a gated space needs the space."))
        return data

    def recurrence(self):
        data = self.cleaned_data
        repeat = data.get("repeat")
        if not repeat:
            return None
        local = data["start"]
        kwargs = {"interval": data.get("repeat_interval") or 1}
        if data.get("repeat_until"):
            kwargs["until"] = datetime.combine(data["repeat_until"], time(23, 59), tzinfo=local.tzinfo)
        if repeat == "weekly":
            rule = Rule(WEEKLY, byday=[Weekday(local.weekday())], **kwargs)
        elif repeat == "monthly_day":
            rule = Rule(MONTHLY, bymonthday=[local.day], **kwargs)
        else:
            nth = (local.day - 1) // 7 + 1
            rule = Rule(MONTHLY, byday=[Weekday(local.weekday(), nth)], **kwargs)
        previous = self.instance.recurrence if self.instance.pk and self.instance.recurrence else None
        return Recurrence(rrules=[rule], exdates=list(previous.exdates) if previous else [])

    def event_fields(self):
        data = self.cleaned_data
        fields = {name: data[name] for name in self.Meta.fields if name in data and name in self.fields}
        fields.update(
            start=data["start"],
            end=data["end"],
            time_zone=data["time_zone"],
            recurrence=self.recurrence(),
            questions=_lines(data.get("questions_text")),
            **{
                f"questions_{lang}": _lines(data.get(f"questions_text_{lang}")) for lang in QUESTION_LANGUAGES
            },
        )
        return fields


class SessionMoveForm(forms.Form):
    start_local = forms.DateTimeField(
        label=_("New start (local time)"), widget=forms.DateTimeInput(attrs=LOCAL_INPUT)
    )
    end_local = forms.DateTimeField(
        label=_("New end (local time)"), widget=forms.DateTimeInput(attrs=LOCAL_INPUT)
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event

    def clean(self):
        data = super().clean()
        if data.get("start_local") and data.get("end_local"):
            data["start"] = data["start_local"].replace(tzinfo=self.event.tz)
            data["end"] = data["end_local"].replace(tzinfo=self.event.tz)
            if data["end"] <= data["start"]:
                self.add_error("end_local", _("The end must come after the start."))
        return data


class MessageForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=120)
    body = forms.CharField(label=_("Message"), widget=forms.Textarea(attrs={"rows": 5}), max_length=5000)


class MemberSettingsForm(forms.Form):
    time_zone = forms.ChoiceField(
        label=_("Your time zone"),
        required=False,
        choices=lambda: [("", _("The one my browser uses"))] + time_zone_choices(),
    )
    remind_24h = forms.BooleanField(label=_("Remind me 24 hours before a session"), required=False)
    remind_1h = forms.BooleanField(label=_("Remind me 1 hour before a session"), required=False)
