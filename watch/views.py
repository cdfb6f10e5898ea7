"""Watch pages for staff: the validation queue, one link with its evidence, a person's timeline (every
read audited), sources, candidates, and alert subscriptions (analysts and relays)."""

from django import forms
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import staff_tool
from core.countries import country_choices
from core.registry import person_directory
from core.sectors import sector_choices

from . import permissions, selectors, services
from .models import Candidate, Distinction, Link, Source, Subscription

staff = staff_tool(permissions.may_use_watch)
subscriber = staff_tool(permissions.may_subscribe)


def highlighted(paragraph: str, start: int, end: int):
    """The paragraph with the mention marked, everything escaped."""
    return mark_safe(  # noqa: S308 - every piece is escaped above
        f"{escape(paragraph[:start])}<mark>{escape(paragraph[start:end])}</mark>{escape(paragraph[end:])}"
    )


@require_GET
@staff
def queue(request):
    status = request.GET.get("status", Link.Status.PENDING)
    if status not in Link.Status.values:
        status = Link.Status.PENDING
    page = Paginator(selectors.queue(status), 25).get_page(request.GET.get("page"))
    return render(
        request,
        "watch/queue.html",
        {
            "page_obj": page,
            "status": status,
            "statuses": Link.Status.choices,
            "candidates": selectors.open_candidates().count(),
        },
    )


class DecisionForm(forms.Form):
    action = forms.ChoiceField(choices=[(a, a) for a in ("accept", "reject", "relink", "new_person")])
    person_id = forms.CharField(
        label=gettext_lazy("Other person (directory id)"), required=False, max_length=24
    )
    distinction = forms.ChoiceField(
        label=gettext_lazy("Distinction"), choices=Distinction.choices, required=False
    )


@staff
def link_detail(request, pk):
    link = get_object_or_404(Link.objects.select_related("mention__article__source"), pk=pk)
    mention = link.mention
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            if form.cleaned_data["distinction"]:
                services.distinction_set(
                    link=link, distinction=form.cleaned_data["distinction"], actor=request.user
                )
            try:
                decided = services.link_decide(
                    link=link,
                    action=form.cleaned_data["action"],
                    actor=request.user,
                    person_id=form.cleaned_data["person_id"].strip(),
                )
            except ValueError:
                messages.error(request, _("No person has this identifier in the directory."))
                return redirect("watch:link", link.pk)
            messages.success(request, _("Decision recorded."))
            if decided.status == Link.Status.ACCEPTED:
                return redirect("watch:timeline", decided.person_id)
            return redirect("watch:queue")
    else:
        form = DecisionForm(initial={"distinction": link.distinction})
    start = mention.start - mention.paragraph_start
    person = person_directory().person(link.person_id)
    return render(
        request,
        "watch/link_detail.html",
        {
            "link": link,
            "article": mention.article,
            "person": person,
            "paragraph": highlighted(mention.paragraph, start, start + (mention.end - mention.start)),
            "form": form,
            "copies": selectors.story_copies(mention.article),
            "distinctions": Distinction.choices,
        },
    )


@require_GET
@staff
def timeline(request, person_id):
    person = person_directory().person(person_id)
    if person is None:
        raise Http404
    services.timeline_read_audit(actor=request.user, person_id=person_id)
    return render(request, "watch/timeline.html", {"person": person, "items": selectors.timeline(person_id)})


class SourceForm(forms.ModelForm):
    url = forms.URLField(label=gettext_lazy("address"), max_length=500, assume_scheme="https")

    class Meta:
        model = Source
        fields = ["name", "url", "kind", "language_hint", "country", "interval_minutes", "trust", "active"]


@staff
def sources(request):
    form = SourceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.source_save(source=form.save(commit=False), actor=request.user)
        messages.success(request, _("Source saved."))
        return redirect("watch:sources")
    return render(request, "watch/sources.html", {"sources": selectors.sources(), "form": form})


@staff
def candidates(request):
    if request.method == "POST":
        candidate = get_object_or_404(Candidate, pk=request.POST.get("candidate"))
        if request.POST.get("action") == "add":
            person_id = services.candidate_add(
                candidate=candidate,
                actor=request.user,
                city=request.POST.get("city", "")[:120],
                country=request.POST.get("country", "")[:2],
                occupation=request.POST.get("occupation", "")[:160],
            )
            messages.success(request, _("Added to the referential as %(id)s.") % {"id": person_id})
        else:
            services.candidate_dismiss(candidate=candidate, actor=request.user)
        return redirect("watch:candidates")
    return render(request, "watch/candidates.html", {"candidates": selectors.open_candidates()[:100]})


class SubscriptionForm(forms.ModelForm):
    countries = forms.MultipleChoiceField(label=gettext_lazy("Countries"), required=False)
    sectors = forms.MultipleChoiceField(label=gettext_lazy("Sectors"), required=False)
    distinctions = forms.MultipleChoiceField(
        label=gettext_lazy("Distinction types"),
        required=False,
        choices=[c for c in Distinction.choices if c[0] != Distinction.NONE],
    )
    people = forms.CharField(
        label=gettext_lazy("People (directory ids, separated by spaces)"), required=False, max_length=500
    )

    class Meta:
        model = Subscription
        fields = ["countries", "sectors", "distinctions", "mode"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["countries"].choices = country_choices()
        self.fields["sectors"].choices = [(c, str(label)) for c, label in sector_choices()]

    def clean_people(self):
        return [p for p in self.cleaned_data["people"].split() if p][:50]

    def save(self, commit=True):
        subscription = super().save(commit=False)
        subscription.people = self.cleaned_data["people"]
        if commit:
            subscription.save()
        return subscription


@subscriber
def subscriptions(request):
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        subscription = form.save(commit=False)
        subscription.user = request.user
        subscription.save()
        messages.success(request, _("Subscription saved."))
        return redirect("watch:subscriptions")
    return render(
        request,
        "watch/subscriptions.html",
        {"form": form, "subscriptions": selectors.subscriptions_of(request.user)},
    )


@require_POST
@subscriber
def subscription_delete(request, pk):
    get_object_or_404(Subscription, pk=pk, user=request.user).delete()
    messages.success(request, _("Subscription removed."))
    return redirect("watch:subscriptions")
