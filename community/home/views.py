"""Thin views: the personal home and the onboarding steps."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from accounts.permissions import second_factor_missing, two_factor_required
from community.profiles.models import Profile
from community.profiles.selectors import profile_for_user, skill_suggestions
from core.registry import registry
from privacy.selectors import consents_current

from .forms import STEP_FORMS, LanguageStepForm
from .selectors import (
    completeness_with_next_step,
    onboarding_next_step,
    onboarding_of,
    onboarding_offered,
)
from .services import onboarding_consents_save, onboarding_profile_step_save
from .steps import STEP_KEYS, STEPS, step_get


@login_required
def home(request):
    """What matters to the member now; each app draws its own section in the slot "home.sections"."""
    profile = profile_for_user(request.user)
    onboarding = onboarding_of(request.user)
    completeness = completeness_with_next_step(profile)
    next_step = onboarding_next_step(onboarding) if onboarding_offered(onboarding, completeness) else None
    return render(
        request,
        "home/home.html",
        {
            "profile": profile,
            "completeness": completeness,
            "onboarding_step": step_get(next_step) if next_step else None,
            "onboarding_started": onboarding is not None,
            "staff_links": registry.menu("staff", request),
            "two_factor_setup": two_factor_required(request.user),
            "two_factor_use": not two_factor_required(request.user) and second_factor_missing(request.user),
        },
    )


@login_required
def onboarding(request):
    """Resume the onboarding at the first step not done yet; once all are done, back home."""
    next_step = onboarding_next_step(onboarding_of(request.user))
    if next_step is None:
        messages.info(request, _("Your profile is set up. You can change it at any time from your profile."))
        return redirect("home:index")
    return redirect("home:onboarding_step", step=next_step)


def _form(step, request, profile):
    data = request.POST if request.method == "POST" else None
    if step == "consents":
        return STEP_FORMS[step](data, current=consents_current(request.user))
    kwargs = {"instance": profile or _new_profile(request.user)}
    if STEP_FORMS[step] is LanguageStepForm:
        kwargs["user"] = request.user
    return STEP_FORMS[step](data, **kwargs)


def _new_profile(user):
    return Profile(user=user)  # unsaved: the form's instance until the first step is saved


@login_required
@require_http_methods(["GET", "POST"])
def onboarding_step(request, step):
    current = step_get(step)
    if current is None:
        raise Http404
    profile = profile_for_user(request.user)
    if profile is None and step != STEP_KEYS[0]:
        return redirect("home:onboarding_step", step=STEP_KEYS[0])
    form = _form(step, request, profile)
    if request.method == "POST" and form.is_valid():
        if step == "consents":
            done = onboarding_consents_save(user=request.user, decisions=form.decisions())
        else:
            done = onboarding_profile_step_save(
                user=request.user,
                step=step,
                data=form.service_data(),
                skills=form.skills_given(),
                language=form.cleaned_data.get("preferred_language", ""),
            )
        # The next page speaks the language just chosen (its address carries the language prefix).
        language = request.user.preferred_language or translation.get_language()
        with translation.override(language):
            following = onboarding_next_step(done)
            if following is None or "leave" in request.POST:
                if following is None:
                    messages.success(request, _("Welcome to Kafaat: your profile is set up."))
                return redirect(reverse("home:index"))
            return redirect(reverse("home:onboarding_step", kwargs={"step": following}))
    index = STEP_KEYS.index(step)
    return render(
        request,
        "home/onboarding_step.html",
        {
            "form": form,
            "step": current,
            "steps": STEPS,
            "position": index + 1,
            "total": len(STEPS),
            "previous": STEP_KEYS[index - 1] if index else None,
            "done": set(getattr(onboarding_of(request.user), "steps_done", [])),
            "skill_suggestions": skill_suggestions() if step == "skills" else [],
        },
    )
