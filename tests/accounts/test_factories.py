import pytest
from allauth.account.models import EmailAddress

from accounts.factories import DEFAULT_PASSWORD, UserFactory
from accounts.roles import EDITOR, MEMBER, held_roles, user_roles

pytestmark = pytest.mark.django_db


def test_user_factory_builds_a_valid_member_with_a_verified_email():
    user = UserFactory()
    user.full_clean()
    assert user.check_password(DEFAULT_PASSWORD)
    address = EmailAddress.objects.get(user=user)
    assert address.email == user.email
    assert address.verified and address.primary
    assert user_roles(user) == {MEMBER}


def test_user_factory_takes_roles_and_unverified_email():
    user = UserFactory(roles=[EDITOR], verified_email=False)
    assert held_roles(user) == {EDITOR}
    assert user_roles(user) == set()  # a staff role counts once the second factor is passed
    assert not EmailAddress.objects.get(user=user).verified


def test_user_factory_build_does_not_touch_the_database():
    user = UserFactory.build()
    assert user.pk is None
    user.full_clean(exclude=["password"])
