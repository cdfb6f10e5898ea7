"""Reports, the moderation queue and its actions, suspensions and blocks."""

import datetime

import pytest

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.template import Context, Template
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.roles import MODERATOR
from community.moderation import services
from community.moderation.factories import BlockFactory, ReportFactory
from community.moderation.models import Block, ModerationAction, Report, Suspension
from community.moderation.permissions import can_moderate, can_report
from community.moderation.selectors import has_blocked
from community.notifications.models import Notification
from community.profiles.factories import ProfileFactory
from community.spaces.factories import PostFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator():
    return UserFactory(roles=[MODERATOR], two_factor=True)


def _with_profile(user):
    ProfileFactory(user=user, vis_name=0, directory=True)
    return user


def report_url(obj):
    return reverse("moderation:report", args=[ContentType.objects.get_for_model(obj).pk, obj.pk])


def test_factories_build():
    assert ReportFactory().status == "open"
    assert BlockFactory().blocker_id


def test_permissions():
    member, moderator = _with_profile(UserFactory()), UserFactory(roles=[MODERATOR], two_factor=True)
    assert can_moderate(moderator) and not can_moderate(member)
    assert can_report(moderator, member) and not can_report(member, member)
    # An account without a profile shows nothing to report (the allow-list's "may see" check).
    assert not can_report(member, moderator)


def test_a_member_reports_a_member_once(client):
    reporter, target = UserFactory(), _with_profile(UserFactory())
    client.force_login(reporter)
    response = client.post(report_url(target), {"category": "harassment", "text": "Messages insultants"})
    assert response.status_code == 302
    report = Report.objects.get()
    assert (report.reporter, report.target, report.category, report.status) == (
        reporter,
        target,
        "harassment",
        "open",
    )
    response = client.post(report_url(target), {"category": "spam"})
    assert response.status_code == 400 and Report.objects.count() == 1
    with pytest.raises(ValidationError):
        services.report_create(reporter=reporter, target=target, category="spam")


def test_nobody_reports_themselves_and_visitors_are_sent_to_log_in(client):
    member = _with_profile(UserFactory())
    assert client.get(report_url(member)).status_code == 302
    client.force_login(member)
    assert client.get(report_url(member)).status_code == 403
    assert client.get(reverse("moderation:report", args=[9999, 1])).status_code == 404


def test_report_link_tag_only_for_signed_in_members_who_are_not_the_author():
    author, other = _with_profile(UserFactory()), UserFactory()
    template = Template("{% load moderation %}{% report_link target %}")

    def render(user):
        request = RequestFactory().get("/")
        request.user = user
        return template.render(Context({"request": request, "target": author}))

    from django.contrib.auth.models import AnonymousUser

    assert report_url(author) in render(other)
    assert render(author).strip() == "" and render(AnonymousUser()).strip() == ""


def test_queue_groups_open_reports_by_target_for_moderators_only(client, moderator):
    target, lone = UserFactory(first_name="Cible", last_name="Signalée"), UserFactory()
    ReportFactory(target=target)
    ReportFactory(target=target, category="harassment")
    ReportFactory(target=lone)
    ReportFactory(target=UserFactory(), status="dismissed")
    client.force_login(moderator)
    response = client.get(reverse("moderation:queue"))
    groups = response.context["groups"]
    assert [(g["target"], len(g["reports"])) for g in groups] == [(target, 2), (lone, 1)]
    assert "Cible Signalée" in response.content.decode()
    client.force_login(UserFactory())
    assert client.get(reverse("moderation:queue")).status_code == 403


def test_dismiss_records_the_action_on_each_report(client, moderator):
    target = UserFactory()
    first, second = ReportFactory(target=target), ReportFactory(target=target)
    client.force_login(moderator)
    url = reverse("moderation:review", args=[first.content_type_id, target.pk])
    response = client.post(url, {"action": "dismiss", "reason": ""})
    assert response.status_code == 400  # the reason is required
    response = client.post(url, {"action": "dismiss", "reason": "Rien d'anormal"})
    assert response.status_code == 302
    assert set(Report.objects.values_list("status", flat=True)) == {"dismissed"}
    actions = ModerationAction.objects.all()
    assert {a.report_id for a in actions} == {first.pk, second.pk}
    assert {(a.action, a.moderator_id, a.reason) for a in actions} == {
        ("dismiss", moderator.pk, "Rien d'anormal")
    }


def test_warn_notifies_the_author_in_their_language(moderator, django_capture_on_commit_callbacks):
    author = UserFactory(preferred_language="ar")
    ReportFactory(target=author)
    with django_capture_on_commit_callbacks(execute=True):
        services.moderation_warn(moderator=moderator, target=author, reason="Restez courtois")
    notification = Notification.objects.get(recipient=author, kind="moderation_warning")
    assert notification.subject == "تنبيه من المشرفين"
    assert "Restez courtois" in notification.body
    assert Report.objects.get().status == "actioned"
    assert ModerationAction.objects.get().target_user == author


def test_a_target_without_hidden_at_cannot_be_hidden(moderator):
    target = UserFactory()
    with pytest.raises(ValidationError):
        services.moderation_hide(moderator=moderator, target=target, reason="x")
    assert not ModerationAction.objects.exists()


def test_hide_sets_hidden_at_on_a_post(moderator):
    post = PostFactory()
    ReportFactory(target=post)
    services.moderation_hide(moderator=moderator, target=post, reason="Publicité")
    post.refresh_from_db()
    assert post.hidden_at is not None and post.hidden_by == moderator
    action = ModerationAction.objects.get()
    assert (action.action, action.target_user, action.report.status) == ("hide", post.author, "actioned")


def test_suspension_blocks_login_with_a_message_and_lifts_after_expiry(client, moderator):
    member = UserFactory()
    ReportFactory(target=member)
    client.force_login(member)
    suspension = services.moderation_suspend(moderator=moderator, target=member, reason="Spam répété", days=3)
    member.refresh_from_db()
    assert not member.is_active
    assert suspension.ends_at - suspension.created_at == datetime.timedelta(days=3)
    # An open session no longer counts: the member is signed out.
    assert client.get(reverse("labels:mine")).status_code == 302
    response = client.post(
        reverse("account_login"), {"login": member.email, "password": DEFAULT_PASSWORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("account_inactive")
    assert "inactive" in response.content.decode() or "inactif" in response.content.decode()
    assert client.get(reverse("labels:mine")).status_code == 302  # still not signed in

    assert services.suspensions_lift() == 0  # not over yet
    Suspension.objects.update(ends_at=timezone.now() - datetime.timedelta(seconds=1))
    from community.moderation.tasks import suspensions_lift_task

    assert suspensions_lift_task() == 1
    assert suspensions_lift_task() == 0
    member.refresh_from_db()
    assert member.is_active
    assert client.login(email=member.email, password=DEFAULT_PASSWORD)


def test_moderators_are_not_suspended_and_lengths_are_bounded(moderator):
    with pytest.raises(ValidationError):
        services.suspension_create(
            user=UserFactory(roles=[MODERATOR], two_factor=True), moderator=moderator, days=3, reason="x"
        )
    with pytest.raises(ValidationError):
        services.suspension_create(user=UserFactory(), moderator=moderator, days=0, reason="x")


def test_block_list_and_undo(client):
    member, pest = UserFactory(), UserFactory(first_name="Importun", last_name="Bavard")
    ProfileFactory(user=pest, display_name="", vis_name=0, directory=True)  # met in the directory
    client.force_login(member)
    url = reverse("moderation:block", args=[pest.pk])
    assert client.get(url).status_code == 405
    response = client.post(url, follow=True)
    assert has_blocked(member, pest)
    content = response.content.decode()
    assert "Importun Bavard" in content and reverse("moderation:unblock", args=[pest.pk]) in content
    client.post(url)  # twice is harmless
    assert Block.objects.count() == 1
    client.post(reverse("moderation:unblock", args=[pest.pk]))
    assert not has_blocked(member, pest)
    client.post(reverse("moderation:block", args=[member.pk]))
    assert not Block.objects.exists()  # nobody blocks themselves


def test_block_services():
    a, b = UserFactory(), UserFactory()
    services.block_create(blocker=a, blocked=b)
    assert has_blocked(a, b) and not has_blocked(b, a)
    assert services.block_delete(blocker=a, blocked=b) is True
    assert services.block_delete(blocker=a, blocked=b) is False
