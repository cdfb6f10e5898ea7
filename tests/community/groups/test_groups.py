"""Groups and networks: joining by policy, invitations, moderation, posts, the directory."""

import pytest
from bs4 import BeautifulSoup

from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from accounts.factories import UserFactory
from community.groups import services
from community.groups.factories import CommunityGroupFactory, MembershipFactory
from community.groups.models import CommunityGroup, Membership
from community.moderation.models import Block
from community.notifications.models import Notification
from community.spaces.factories import CommentFactory, PostFactory

pytestmark = pytest.mark.django_db
Status, Role, Policy = Membership.Status, Membership.Role, CommunityGroup.JoinPolicy


def _group(policy=Policy.OPEN, **fields):
    owner = UserFactory()
    group = services.group_create(
        creator=owner, name="Santé Paris", kind="thematic", sector="health", join_policy=policy, **fields
    )
    return group, owner


def _login(user):
    client = Client()
    client.force_login(user)
    return client


def test_factories_build_a_membership():
    membership = MembershipFactory()
    assert membership.group.name and membership.status == Status.ACTIVE


def test_the_creator_becomes_owner_and_open_groups_admit_at_once():
    group, owner = _group()
    assert Membership.objects.get(group=group, user=owner).role == Role.OWNER
    assert services.group_join(user=UserFactory(), group=group).status == Status.ACTIVE


def test_a_request_is_pending_and_moderators_are_notified_in_their_language():
    group, owner = _group(Policy.ON_REQUEST)
    owner.preferred_language = "ar"
    owner.save()
    applicant = UserFactory()
    membership = services.group_join(user=applicant, group=group)
    assert membership.status == Status.PENDING
    notification = Notification.objects.get(recipient=owner, kind="group_request")
    with translation.override("ar"):
        assert notification.subject == gettext("A member asks to join %(group)s") % {"group": group.name}
    assert notification.url == f"/ar/community/groups/{group.slug}/"

    with pytest.raises(services.GroupError):
        services.membership_approve(by=applicant, membership=membership)
    services.membership_approve(by=owner, membership=membership)
    membership.refresh_from_db()
    assert membership.status == Status.ACTIVE
    assert Notification.objects.filter(recipient=applicant, kind="group_request_approved").exists()


def test_a_refused_request_leaves_no_membership():
    group, owner = _group(Policy.ON_REQUEST)
    membership = services.group_join(user=UserFactory(), group=group)
    services.membership_refuse(by=owner, membership=membership)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_invitation_only_groups_admit_invitees_who_accept():
    group, owner = _group(Policy.INVITATION)
    stranger, invitee, declining = UserFactory(), UserFactory(), UserFactory()
    with pytest.raises(services.GroupError):
        services.group_join(user=stranger, group=group)
    services.group_invite(by=owner, group=group, invitee=invitee)
    assert Notification.objects.filter(recipient=invitee, kind="group_invitation").exists()
    assert services.invitation_accept(user=invitee, group=group).status == Status.ACTIVE
    with pytest.raises(services.GroupError):  # a plain member cannot invite in an invitation-only group
        services.group_invite(by=invitee, group=group, invitee=stranger)
    services.group_invite(by=owner, group=group, invitee=declining)
    services.invitation_decline(user=declining, group=group)
    assert not Membership.objects.filter(user=declining).exists()


def test_members_who_blocked_each_other_cannot_invite_each_other():
    group, owner = _group()
    blocked = UserFactory()
    Block.objects.create(blocker=blocked, blocked=owner)
    with pytest.raises(services.GroupError):
        services.group_invite(by=owner, group=group, invitee=blocked)
    assert not Membership.objects.filter(user=blocked).exists()


def test_the_last_owner_hands_over_before_leaving():
    group, owner = _group()
    member = UserFactory()
    membership = services.group_join(user=member, group=group)
    with pytest.raises(services.GroupError):
        services.group_leave(user=owner, group=group)
    services.membership_role_set(by=owner, membership=membership, role=Role.OWNER)
    services.group_leave(user=owner, group=group)
    assert list(group.memberships.values_list("user_id", "role")) == [(member.id, Role.OWNER)]


def test_a_banned_member_cannot_rejoin_nor_be_invited_back():
    group, owner = _group()
    troll = UserFactory()
    membership = services.group_join(user=troll, group=group)
    services.member_ban(by=owner, membership=membership)
    with pytest.raises(services.GroupError):
        services.group_join(user=troll, group=group)
    with pytest.raises(services.GroupError):
        services.group_invite(by=owner, group=group, invitee=troll)
    removed = services.group_join(user=UserFactory(), group=group)
    services.member_remove(by=owner, membership=removed)
    assert not Membership.objects.filter(pk=removed.pk).exists()
    with pytest.raises(services.GroupError):  # nobody removes the owner
        services.member_remove(by=owner, membership=Membership.objects.get(user=owner))


def test_the_group_page_shows_posts_to_members_and_moderators_hide_them():
    group, owner = _group()
    member, outsider = UserFactory(), UserFactory()
    services.group_join(user=member, group=group)
    client = _login(member)
    client.post(
        f"/fr/community/groups/{group.slug}/", {"post-title": "Bonjour", "post-body": "Premier message"}
    )
    post = group.posts.get()
    client.post(f"/fr/community/groups/{group.slug}/posts/{post.id}/", {"body": "Bienvenue"})
    rude = CommentFactory(post=post, body="Propos déplacés")

    page = client.get(f"/fr/community/groups/{group.slug}/").content.decode()
    assert "Bonjour" in page and group.description in page
    assert "Bonjour" not in _login(outsider).get(f"/fr/community/groups/{group.slug}/").content.decode()
    assert (
        _login(outsider)
        .post(f"/fr/community/groups/{group.slug}/", {"post-title": "x", "post-body": "y"})
        .status_code
        == 403
    )

    assert client.post(f"/fr/community/groups/{group.slug}/comments/{rude.id}/hide/").status_code == 403
    _login(owner).post(f"/fr/community/groups/{group.slug}/comments/{rude.id}/hide/")
    thread = client.get(f"/fr/community/groups/{group.slug}/posts/{post.id}/").content.decode()
    assert "Bienvenue" in thread and "Propos déplacés" not in thread
    _login(owner).post(f"/fr/community/groups/{group.slug}/posts/{post.id}/hide/")
    assert "Bonjour" not in client.get(f"/fr/community/groups/{group.slug}/").content.decode()


def test_group_posts_never_leak_into_space_search():
    group, owner = _group()
    PostFactory(space=None, group=group, title="Group only")
    assert "Group only" not in _login(owner).get("/fr/community/spaces/search/?q=Group").content.decode()


def test_the_directory_filters_by_kind_sector_and_country():
    CommunityGroupFactory(name="Numérique", sector="digital")
    CommunityGroupFactory(name="Santé", sector="health")
    CommunityGroupFactory(name="Marocains de Paris", kind="geographic", sector="", country="FR", city="Paris")
    client = Client()
    page = client.get("/fr/community/groups/", {"kind": "thematic", "sector": "health"}).content.decode()
    assert "Santé" in page and "Numérique" not in page and "Marocains de Paris" not in page
    page = client.get("/fr/community/groups/", {"country": "fr"}).content.decode()
    assert "Marocains de Paris" in page and "Santé" not in page


def test_creating_a_group_through_the_form_checks_kind_fields():
    member = UserFactory()
    client = _login(member)
    response = client.post(
        "/fr/community/groups/new/",
        {"name": "Marocains de Dubaï", "kind": "geographic", "join_policy": "open"},
    )
    assert response.status_code == 400 and "Marocains de Dubaï" in response.content.decode()
    response = client.post(
        "/fr/community/groups/new/",
        {
            "name": "Marocains de Dubaï",
            "kind": "geographic",
            "country": "ae",
            "city": "Dubaï",
            "join_policy": "open",
        },
    )
    group = CommunityGroup.objects.get(name="Marocains de Dubaï")
    assert response["Location"] == f"/fr/community/groups/{group.slug}/" and group.country == "AE"
    assert group.memberships.get().role == Role.OWNER


def test_groups_show_their_country_by_name_in_the_visitor_language(client):
    from community.groups.factories import CommunityGroupFactory

    group = CommunityGroupFactory(kind="geographic", sector="", country="BE", city="Bruxelles")
    french = client.get(f"/fr/community/groups/{group.slug}/").content.decode()
    arabic = client.get("/ar/community/groups/").content.decode()
    assert "Belgique · Bruxelles" in BeautifulSoup(french, "html.parser").get_text()
    assert "بلجيكا · بروكسل" in BeautifulSoup(arabic, "html.parser").get_text()


def test_a_geographic_group_needs_a_known_country_code():
    from community.groups.forms import GroupForm

    form = GroupForm(data={"name": "Réseau", "kind": "geographic", "country": "XX", "join_policy": "open"})
    assert not form.is_valid() and "country" in form.errors
    form = GroupForm(data={"name": "Réseau", "kind": "geographic", "country": "be", "join_policy": "open"})
    assert form.is_valid(), form.errors


def test_a_group_sector_is_named_in_the_reader_language_and_free_text_stays_as_typed(client):
    """Issue 18: English sector keys ("health") showed as group tags on every page."""
    known = CommunityGroupFactory(name="Santé Lyon", kind="thematic", sector="health")
    typed = CommunityGroupFactory(name="Réseau BIM", kind="thematic", sector="BIM (Revit, Tekla)")
    for language, expected in (("fr", "Santé"), ("ar", "الصحة"), ("en", "Health")):
        with translation.override(language):
            label = gettext("Health")
        assert label == expected, (language, label)
        for path in (f"/{language}/community/groups/", f"/{language}/community/groups/{known.slug}/"):
            tags = [
                tag.get_text()
                for tag in BeautifulSoup(client.get(path).content, "html.parser").select(".tag")
            ]
            assert label in tags and "health" not in tags, (path, tags)
    page = client.get(f"/ar/community/groups/{typed.slug}/").content.decode()
    assert "BIM (Revit, Tekla)" in BeautifulSoup(page, "html.parser").get_text()
