"""Writes about roles: groups and their permissions, and who holds which role."""

import logging

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

from .roles import ADMIN, ROLE_LABELS, ROLE_PAGE_PERMISSIONS, role_permissions

logger = logging.getLogger(__name__)

# Wagtail grants image and document permissions per collection, not through group.permissions.
COLLECTION_PERMISSION_APPS = frozenset({"wagtailimages", "wagtaildocs"})


def _permissions_by_name() -> dict[str, Permission]:
    wanted = {name for role in ROLE_LABELS for name in role_permissions(role)}
    app_labels = {name.split(".", 1)[0] for name in wanted}
    found = {}
    for permission in Permission.objects.filter(content_type__app_label__in=app_labels).select_related(
        "content_type"
    ):
        found[f"{permission.content_type.app_label}.{permission.codename}"] = permission
    return found


def _root_page():

    return Page.get_first_root_node()


def _root_collection():

    return Collection.get_first_root_node()


def _page_permissions(codenames) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", content_type__model="page").filter(
            codename__in=codenames
        )
    )


def _root_page_permissions_sync(group, codenames, root) -> None:

    wanted = _page_permissions(codenames)
    GroupPagePermission.objects.filter(group=group, page=root).exclude(permission__in=wanted).delete()
    for permission in wanted:
        GroupPagePermission.objects.get_or_create(group=group, page=root, permission=permission)


def _root_collection_permissions_sync(group, permissions, root) -> None:

    (
        GroupCollectionPermission.objects.filter(group=group, collection=root)
        .exclude(permission__in=permissions)
        .delete()
    )
    for permission in permissions:
        GroupCollectionPermission.objects.get_or_create(group=group, collection=root, permission=permission)


@transaction.atomic
def roles_sync() -> dict[str, Group]:
    """Create or update one group per role with exactly the permissions roles.py and the apps declare.

    Idempotent. Permissions whose app is not migrated yet are skipped (a later run picks them up).
    Page permissions go on the root page and image/document permissions on the root collection,
    when those exist; other pages and collections are left to what administrators set in Wagtail.
    """
    available = _permissions_by_name()
    root_page = _root_page()
    root_collection = _root_collection()
    groups = {}
    for role in ROLE_LABELS:
        group, _created = Group.objects.get_or_create(name=role)
        groups[role] = group
        model_permissions, collection_permissions = [], []
        for name in sorted(role_permissions(role)):
            permission = available.get(name)
            if permission is None:
                logger.debug("roles_sync: permission %s does not exist yet, skipped", name)
                continue
            if permission.content_type.app_label in COLLECTION_PERMISSION_APPS:
                collection_permissions.append(permission)
            else:
                model_permissions.append(permission)
        group.permissions.set(model_permissions)
        if root_collection is not None:
            _root_collection_permissions_sync(group, collection_permissions, root_collection)
        if root_page is not None:
            _root_page_permissions_sync(group, ROLE_PAGE_PERMISSIONS.get(role, []), root_page)
    return groups


@transaction.atomic
def user_role_assign(user, role: str) -> None:
    """Give a user a role (roles add up). The admin role also makes the user a superuser."""
    if role not in ROLE_LABELS:
        raise ValueError(f"Unknown role: {role!r}")
    group, _created = Group.objects.get_or_create(name=role)
    user.groups.add(group)
    if role == ADMIN and not (user.is_superuser and user.is_staff):
        user.is_superuser = True
        user.is_staff = True
        user.save(update_fields=["is_superuser", "is_staff"])


@transaction.atomic
def user_role_revoke(user, role: str) -> None:
    if role not in ROLE_LABELS:
        raise ValueError(f"Unknown role: {role!r}")
    user.groups.remove(*Group.objects.filter(name=role))
    if role == ADMIN and (user.is_superuser or user.is_staff):
        user.is_superuser = False
        user.is_staff = False
        user.save(update_fields=["is_superuser", "is_staff"])


def preferred_language_set(user, language: str) -> None:
    """The language the member reads the site and its emails in (one of settings.LANGUAGES)."""
    if language not in dict(settings.LANGUAGES):
        raise ValueError(f"Unknown language: {language!r}")
    if user.preferred_language != language:
        user.preferred_language = language
        user.save(update_fields=["preferred_language"])
