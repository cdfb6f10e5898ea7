"""Roles are groups with permissions, kept in step with accounts/roles.py."""

import pytest

from django.contrib.auth.models import Group

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from accounts import roles as roles_module
from accounts.factories import UserFactory
from accounts.roles import ADMIN, EDITOR, MEMBER, MODERATOR, ROLE_LABELS, held_roles, user_roles
from accounts.services import roles_sync, user_role_assign, user_role_revoke

pytestmark = pytest.mark.django_db
CODENAME = "permission__codename"


def _snapshot():
    return {
        "groups": sorted(Group.objects.values_list("name", flat=True)),
        "model": sorted(
            (group.name, f"{p.content_type.app_label}.{p.codename}")
            for group in Group.objects.all()
            for p in group.permissions.select_related("content_type")
        ),
        "pages": sorted(GroupPagePermission.objects.values_list("group__name", "page_id", CODENAME)),
        "collections": sorted(
            GroupCollectionPermission.objects.values_list("group__name", "collection_id", CODENAME)
        ),
    }


def test_groups_exist_after_migrate():
    assert set(ROLE_LABELS) <= set(Group.objects.values_list("name", flat=True))


def test_roles_sync_is_idempotent():
    roles_sync()
    first = _snapshot()
    roles_sync()
    roles_sync()
    assert _snapshot() == first
    assert Group.objects.filter(name__in=ROLE_LABELS).count() == len(ROLE_LABELS)


def test_editor_can_edit_pages_images_documents_and_submit_translations():
    roles_sync()
    editor = Group.objects.get(name=EDITOR)
    names = {f"{p.content_type.app_label}.{p.codename}" for p in editor.permissions.all()}
    assert {"wagtailadmin.access_admin", "wagtail_localize.submit_translation"} <= names
    root = Page.get_first_root_node()
    page_codenames = set(
        GroupPagePermission.objects.filter(group=editor, page=root).values_list(CODENAME, flat=True)
    )
    assert page_codenames == {"add_page", "change_page", "publish_page"}
    collection_codenames = set(
        GroupCollectionPermission.objects.filter(
            group=editor, collection=Collection.get_first_root_node()
        ).values_list(CODENAME, flat=True)
    )
    assert {"add_image", "choose_image", "add_document", "choose_document"} <= collection_codenames
    user = UserFactory(roles=[EDITOR])
    assert user.has_perm("wagtailadmin.access_admin")
    assert not user.is_staff


def test_moderator_reaches_the_wagtail_admin_but_edits_no_page():
    roles_sync()
    moderator = Group.objects.get(name=MODERATOR)
    assert moderator.permissions.filter(codename="access_admin").exists()
    assert not GroupPagePermission.objects.filter(group=moderator).exists()


def test_permissions_not_migrated_yet_are_skipped(monkeypatch):
    declared = dict(roles_module.ROLE_PERMISSIONS)
    declared[EDITOR] = [*declared[EDITOR], "cms.add_notyetamodel", "nosuchapp.do_things"]
    monkeypatch.setattr("accounts.roles.ROLE_PERMISSIONS", declared)
    groups = roles_sync()
    assert groups[EDITOR].permissions.filter(codename="access_admin").exists()


def test_roles_sync_removes_permissions_no_longer_declared():
    roles_sync()
    stray = Group.objects.get(name=MODERATOR).permissions.first()
    member = Group.objects.get(name=MEMBER)
    member.permissions.add(stray)
    roles_sync()
    assert not member.permissions.exists()


def test_user_role_assign_and_revoke():
    roles_sync()
    user = UserFactory(roles=[])
    assert user_roles(user) == set()
    user_role_assign(user, MEMBER)
    user_role_assign(user, MEMBER)
    assert user_roles(user) == {MEMBER}
    user_role_assign(user, ADMIN)
    user.refresh_from_db()
    assert user.is_superuser and user.is_staff
    assert held_roles(user) == {MEMBER, ADMIN}
    assert user_roles(user) == {MEMBER}  # the admin role counts once the second factor is passed
    user_role_revoke(user, ADMIN)
    user.refresh_from_db()
    assert not user.is_superuser and not user.is_staff
    with pytest.raises(ValueError):
        user_role_assign(user, "overlord")
