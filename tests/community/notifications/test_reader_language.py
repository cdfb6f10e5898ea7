"""Notifications are worded when read, in the reader's language: the page's language on the site, the
recipient's preferred language in emails; rows written before keep their stored words."""

import html

import pytest

from django.utils import translation

from accounts.factories import UserFactory
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.groups.models import CommunityGroup, Membership
from community.groups.services import group_join
from community.labels.factories import LabelFactory
from community.labels.models import LabelApplication
from community.labels.services import label_application_grant
from community.notifications.factories import NotificationFactory
from community.notifications.models import Notification
from events.factories import EventFactory, OccurrenceFactory, RSVPFactory
from events.services import event_cancel

pytestmark = pytest.mark.django_db

ASKS = {
    "fr": "Un membre demande à rejoindre Réseau Santé",
    "ar": "عضو يطلب الانضمام إلى Réseau Santé",
    "en": "A member asks to join Réseau Santé",
}
REVIEW = {
    "fr": "Examinez la demande sur la page du groupe.",
    "ar": "يرجى دراسة الطلب في صفحة المجموعة.",
    "en": "Review the request on the group's page.",
}


@pytest.fixture
def three_readers():
    """A group admitting on request, moderated by three members who read French, Arabic and English."""
    group = CommunityGroupFactory(
        name="Réseau Santé", slug="reseau-sante", join_policy=CommunityGroup.JoinPolicy.ON_REQUEST
    )
    readers = {}
    for language in ("fr", "ar", "en"):
        readers[language] = UserFactory(email=f"mod.{language}@example.org", preferred_language=language)
        MembershipFactory(user=readers[language], group=group, role=Membership.Role.MODERATOR)
    return group, readers


def test_one_event_three_readers_three_languages_on_the_page_and_in_email(
    client, three_readers, smtp_inbox, django_capture_on_commit_callbacks
):
    group, readers = three_readers
    # Triggered by a member reading the site in French.
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        group_join(user=UserFactory(preferred_language="fr"), group=group)

    for language, reader in readers.items():
        client.force_login(reader)
        page = html.unescape(client.get(f"/{language}/community/notifications/").content.decode())
        assert ASKS[language] in page and REVIEW[language] in page
        assert f'href="/{language}/community/groups/reseau-sante/"' in page
        others = [ASKS[other] for other in ASKS if other != language]
        assert not any(text in page for text in others)
        mail = smtp_inbox.last_to(reader.email)
        assert mail["Subject"].strip() == ASKS[language]
        body = mail.get_content()
        assert REVIEW[language] in body and f"/{language}/community/groups/reseau-sante/" in body


def test_a_reader_who_switches_language_reads_it_in_the_page_language(client, three_readers):
    group, readers = three_readers
    group_join(user=UserFactory(), group=group)
    client.force_login(readers["fr"])  # prefers French, reads the Arabic site
    page = client.get("/ar/community/notifications/").content.decode()
    assert ASKS["ar"] in page and ASKS["fr"] not in page
    # The stored words are the fallback, in the recipient's language.
    assert Notification.objects.get(recipient=readers["fr"]).subject == ASKS["fr"]


def test_a_label_granted_in_french_reads_in_arabic_with_the_arabic_label_name(client):
    label = LabelFactory(name_fr="Compétence vérifiée", name_ar="كفاءة موثقة", name_en="Verified competence")
    member = UserFactory(preferred_language="ar")
    moderator = UserFactory(roles=["member", "moderator"], two_factor=True)
    application = LabelApplication.objects.create(applicant=member, label=label, statement="…")
    with translation.override("fr"):
        label_application_grant(application=application, moderator=moderator)
    client.force_login(member)
    arabic = client.get("/ar/community/notifications/").content.decode()
    english = client.get("/en/community/notifications/").content.decode()
    assert "كفاءة موثقة" in arabic and "Compétence vérifiée" not in arabic
    assert "You have been granted the label “Verified competence”" in english


def test_rows_without_parameters_keep_their_stored_words(client):
    member = UserFactory()
    NotificationFactory(recipient=member, kind="group_invitation", subject="Vous êtes invité", params={})
    client.force_login(member)
    assert "Vous êtes invité" in client.get("/en/community/notifications/").content.decode()


def test_old_group_notifications_get_their_group_back_from_their_link(client, three_readers):
    """The data migration community_groups 0003, run on a row written before it."""
    # a migration module's name starts with a digit: it is imported by name
    from importlib import import_module

    from django.apps import apps  # the app registry stands in for the migration's historical one

    group, readers = three_readers
    row = NotificationFactory(
        recipient=readers["en"],
        kind="group_request",
        subject="Un membre demande à rejoindre Réseau Santé",
        url="/fr/community/groups/reseau-sante/",
        params={},
    )
    import_module("community.groups.migrations.0003_notification_params").params_from_links(apps, None)
    row.refresh_from_db()
    assert row.params == {"group": group.pk}
    client.force_login(readers["en"])
    assert ASKS["en"] in client.get("/en/community/notifications/").content.decode()


def test_an_event_cancelled_reads_with_the_title_of_the_reader_language(client):
    organiser = UserFactory()
    event = EventFactory(created_by=organiser, title_fr="Rencontre à Lyon", title_ar="لقاء في ليون")
    reader = UserFactory(preferred_language="fr")
    RSVPFactory(occurrence=OccurrenceFactory(event=event), user=reader)
    with translation.override("fr"):
        event_cancel(by=organiser, event=event)
    client.force_login(reader)
    arabic = html.unescape(client.get("/ar/community/notifications/").content.decode())
    assert "أُلغيت الفعالية: لقاء في ليون" in arabic and "Rencontre à Lyon" not in arabic
    french = html.unescape(client.get("/fr/community/notifications/").content.decode())
    assert "Rencontre à Lyon" in french and "لقاء في ليون" not in french
