"""Finding 1: the generic report form reads only allow-listed types, and only what the reporter may see."""

import pytest

from django.contrib.contenttypes.models import ContentType

from accounts.factories import UserFactory
from accounts.roles import MODERATOR
from community.labels.factories import LabelApplicationFactory
from community.messaging.factories import DirectConversationFactory, message
from community.moderation.models import Report
from community.notifications.factories import NotificationFactory
from community.profiles.factories import ProfileFactory
from community.spaces.factories import CharterFactory, CommentFactory, LabelFactory, PostFactory, SpaceFactory
from privacy.factories import ConsentRecordFactory

pytestmark = pytest.mark.django_db

MARKER = "ZQX-report-marker"


def _url(obj, language="fr"):
    content_type = ContentType.objects.get_for_model(obj)
    return f"/{language}/community/moderation/report/{content_type.pk}/{obj.pk}/"


def _assert_absent(client, obj):
    for language in ("fr", "ar", "en"):
        response = client.get(_url(obj, language))
        assert response.status_code == 404, (obj, language)
        assert MARKER not in response.content.decode()
    response = client.post(_url(obj), {"category": "spam", "text": "x"})
    assert response.status_code == 404 and MARKER not in response.content.decode()
    assert not Report.objects.exists()


@pytest.fixture
def member(client):
    user = UserFactory()
    client.force_login(user)
    return user


def test_types_outside_the_allow_list_are_absent(client, member):
    staff = UserFactory(email=f"{MARKER.lower()}@example.org", roles=[MODERATOR], two_factor=True)
    for obj in (
        ConsentRecordFactory(user=staff, purpose="directory", granted=True),
        NotificationFactory(recipient=staff, subject=MARKER),
        LabelApplicationFactory(applicant=staff, statement=MARKER),
        staff.emailaddress_set.get(),
    ):
        _assert_absent(client, obj)


def test_an_account_without_a_visible_profile_is_absent(client, member):
    staff = UserFactory(email=f"{MARKER.lower()}@example.org", first_name=MARKER, roles=[MODERATOR])
    _assert_absent(client, staff)


def test_gated_posts_and_comments_are_absent_to_outsiders(client, member):
    space = SpaceFactory(charter=CharterFactory(), labels=[LabelFactory()])
    post = PostFactory(space=space, title=MARKER, body=MARKER)
    _assert_absent(client, post)
    _assert_absent(client, CommentFactory(post=post, body=MARKER))


def test_someone_elses_message_is_absent(client, member):
    author = UserFactory()
    conversation = DirectConversationFactory(initiator=author)
    _assert_absent(client, message(conversation, author, body=MARKER))


def test_a_hidden_profile_is_absent_and_a_visible_one_can_be_reported(client, member):
    hidden = ProfileFactory(display_name=MARKER, vis_name=3)
    _assert_absent(client, hidden)
    visible = ProfileFactory(display_name="Nadia Visible", vis_name=0, directory=True)
    response = client.get(_url(visible))
    assert response.status_code == 200 and "Nadia Visible" in response.content.decode()
    assert client.post(_url(visible), {"category": "spam", "text": ""}).status_code == 302
    assert Report.objects.get().target == visible
