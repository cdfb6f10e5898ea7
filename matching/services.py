"""Writes of matching: members' decisions on suggested pairs, and the introduction when both accept."""

import logging

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from community.messaging.services import direct_conversation_open
from community.notifications.services import in_language_of, notify
from community.profiles.models import Profile, Project

from . import notifications, permissions
from .engine import pair_score
from .index import profile_candidates, profile_item, project_candidates, project_item
from .models import Introduction, MatchDecision, Side, Verdict

logger = logging.getLogger(__name__)


class DecisionError(Exception):
    pass


@transaction.atomic
def decision_record(*, user, project: Project, profile: Profile, verdict: str) -> MatchDecision:
    """One side accepts or declines a suggested pair; the score and reasons it saw are kept.

    A decision is final. When the other side already accepted and this is an acceptance, the two
    are introduced; when this is the first acceptance, the other side hears of it.
    """
    if verdict not in Verdict.values:
        raise DecisionError(_("Unknown decision."))
    if not permissions.may_decide(user, project, profile):
        raise PermissionDenied
    side = permissions.side_of(user, project, profile)
    if MatchDecision.objects.filter(project=project, profile=profile, side=side).exists():
        raise DecisionError(_("You already answered this suggestion."))
    score, reasons = pair_score(
        project_item(project),
        profile_item(profile),
        profile_pool=profile_candidates(),
        project_pool=project_candidates(),
    )
    try:
        with transaction.atomic():
            decision = MatchDecision.objects.create(
                project=project,
                profile=profile,
                side=side,
                verdict=verdict,
                decided_by=user,
                score=score,
                reasons=reasons,
            )
    except IntegrityError as error:  # answered twice at the same moment
        raise DecisionError(_("You already answered this suggestion.")) from error
    other_side = Side.COMPETENCE if side == Side.HOLDER else Side.HOLDER
    other_user = profile.user if side == Side.HOLDER else project.owner.user
    other = MatchDecision.objects.filter(project=project, profile=profile, side=other_side).first()
    if verdict == Verdict.ACCEPT and other is not None and other.verdict == Verdict.ACCEPT:
        introduction_open(project=project, profile=profile)
    elif verdict == Verdict.ACCEPT and other is None:
        notify(
            recipient=other_user,
            kind=notifications.ACCEPTED,
            params={"project": project.pk, "profile": profile.pk, "side": side},
        )
    return decision


def introduction_open(*, project: Project, profile: Profile) -> Introduction:
    """Both sides accepted: open their conversation and tell both. Idempotent per pair."""
    existing = Introduction.objects.filter(project=project, profile=profile).first()
    if existing is not None:
        return existing
    holder, competence = project.owner.user, profile.user
    url = conversation_open_for_introduction(holder=holder, competence=competence, project=project)
    introduction = Introduction.objects.create(project=project, profile=profile, url=url)
    params = {"project": project.pk, "profile": profile.pk}
    for recipient in (holder, competence):
        notify(recipient=recipient, kind=notifications.INTRODUCTION, url=url, params=params)
    return introduction


def conversation_open_for_introduction(*, holder, competence, project) -> str:
    """The one place where an introduction opens the pair's conversation; returns its address.

    Uses the messaging module's ``direct_conversation_open`` (which refuses when a block stands
    between them), with a first message worded in the holder's language.
    """
    with in_language_of(holder):
        text = _("Hello! Kafaat's matching introduced us about my project %(project)s.") % {
            "project": project.title
        }
    conversation = direct_conversation_open(initiator=holder, other=competence, text=text)
    return conversation.get_absolute_url()
