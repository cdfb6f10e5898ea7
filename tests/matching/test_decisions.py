"""Reciprocal decisions: accept or decline from both sides, declined pairs gone, introductions."""

import pytest

from django.core.exceptions import PermissionDenied
from django.test import Client
from django.utils import translation

from community.messaging.models import Conversation
from community.moderation.models import Block
from community.notifications.models import Notification
from matching import selectors, services
from matching.models import Introduction, MatchDecision, Side, Verdict
from privacy.factories import ConsentRecordFactory

pytestmark = pytest.mark.django_db


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _decide(user, project, profile, verdict):
    return _client(user).post(
        f"/fr/matching/decide/{project.pk}/{profile.pk}/",
        {"verdict": verdict, "next": "/fr/matching/"},
    )


def test_a_decision_keeps_who_when_and_the_score_and_reasons_shown(holder, web_project, web_developer):
    response = _decide(holder.user, web_project, web_developer, "accept")
    assert response.status_code == 302 and response["Location"] == "/fr/matching/"
    decision = MatchDecision.objects.get()
    assert (decision.side, decision.verdict, decision.decided_by) == (
        Side.HOLDER,
        Verdict.ACCEPT,
        holder.user,
    )
    shown = selectors.competences_for_project(holder.user, web_project)[0]
    assert decision.score == pytest.approx(shown.score, abs=1e-4) and decision.score > 0.5
    assert decision.reasons[0]["code"] == "skills" and decision.created_at is not None
    assert list(selectors.decisions_for_evaluation())[0]["verdict"] == "accept"


def test_the_first_acceptance_tells_the_other_side_in_their_language(holder, web_project, web_developer):
    web_developer.user.preferred_language = "ar"
    web_developer.user.save()
    services.decision_record(user=holder.user, project=web_project, profile=web_developer, verdict="accept")
    notification = Notification.objects.get(recipient=web_developer.user, kind="matching_accepted")
    with translation.override("ar"):
        expected = translation.gettext("A project holder would like your help on %(project)s") % {
            "project": web_project.title
        }
    assert notification.subject == expected and notification.url == "/ar/matching/me/"
    page = _client(web_developer.user).get("/fr/matching/me/").content.decode()
    assert "L&#x27;autre partie a déjà accepté." in page or "L'autre partie a déjà accepté." in page


def test_both_accept_opens_a_conversation_and_tells_both(holder, web_project, web_developer):
    services.decision_record(
        user=web_developer.user, project=web_project, profile=web_developer, verdict="accept"
    )
    response = _decide(holder.user, web_project, web_developer, "accept")
    assert response.status_code == 302
    introduction = Introduction.objects.get(project=web_project, profile=web_developer)
    conversation = Conversation.objects.get()
    assert introduction.url == conversation.get_absolute_url()
    assert set(conversation.participants.values_list("user_id", flat=True)) == {
        holder.user_id,
        web_developer.user_id,
    }
    assert web_project.title in conversation.messages.get().body
    for user in (holder.user, web_developer.user):
        assert Notification.objects.filter(
            recipient=user, kind="matching_introduction", url=introduction.url
        ).exists()
    page = _client(holder.user).get(f"/fr/matching/projects/{web_project.pk}/").content.decode()
    assert f'href="{introduction.url}"' in page


@pytest.mark.parametrize("who", ["holder", "competence"])
def test_a_declined_pair_is_never_suggested_again_to_either_side(holder, web_project, web_developer, who):
    user = holder.user if who == "holder" else web_developer.user
    assert _decide(user, web_project, web_developer, "decline").status_code == 302
    assert web_developer.pk not in [
        s.profile.pk for s in selectors.competences_for_project(holder.user, web_project)
    ]
    assert selectors.projects_for_profile(web_developer.user, web_developer) == []
    assert (
        "Nadia Web"
        not in _client(holder.user).get(f"/fr/matching/projects/{web_project.pk}/").content.decode()
    )
    assert web_project.title not in _client(web_developer.user).get("/fr/matching/me/").content.decode()
    assert not Notification.objects.filter(kind="matching_accepted").exists()


def test_a_decision_is_final(holder, web_project, web_developer):
    services.decision_record(user=holder.user, project=web_project, profile=web_developer, verdict="decline")
    with pytest.raises(services.DecisionError):
        services.decision_record(
            user=holder.user, project=web_project, profile=web_developer, verdict="accept"
        )
    assert MatchDecision.objects.count() == 1


def test_strangers_blocked_pairs_and_non_consenting_members_cannot_decide(
    holder, web_project, web_developer, cardiologist
):
    # A third member is neither side of the pair.
    assert _decide(cardiologist.user, web_project, web_developer, "accept").status_code == 403
    Block.objects.create(blocker=web_developer.user, blocked=holder.user)
    assert _decide(holder.user, web_project, web_developer, "accept").status_code == 403
    with pytest.raises(PermissionDenied):
        services.decision_record(
            user=web_developer.user, project=web_project, profile=web_developer, verdict="accept"
        )
    Block.objects.all().delete()
    ConsentRecordFactory(user=web_developer.user, purpose="matching", granted=False)
    assert _decide(holder.user, web_project, web_developer, "accept").status_code == 403
    assert not MatchDecision.objects.exists()


def test_a_block_after_both_accepted_stops_the_introduction(holder, web_project, web_developer):
    services.decision_record(
        user=web_developer.user, project=web_project, profile=web_developer, verdict="accept"
    )
    Block.objects.create(blocker=holder.user, blocked=web_developer.user)
    assert _decide(holder.user, web_project, web_developer, "accept").status_code == 403
    assert not Introduction.objects.exists() and not Conversation.objects.exists()


def test_an_unsafe_next_address_is_not_followed(holder, web_project, web_developer):
    response = _client(holder.user).post(
        f"/fr/matching/decide/{web_project.pk}/{web_developer.pk}/",
        {"verdict": "decline", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/fr/matching/"
    bad = _client(holder.user).post(
        f"/fr/matching/decide/{web_project.pk}/{web_developer.pk}/", {"verdict": "maybe"}
    )
    assert bad.status_code == 302 and MatchDecision.objects.count() == 1
