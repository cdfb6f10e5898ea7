import pytest
from allauth.account.models import EmailAddress

from django.contrib.auth import get_user_model

from accounts.demo import seed_role_accounts
from accounts.roles import ADMIN, MEMBER, ROLE_LABELS, held_roles
from privacy.models import ConsentPurpose, ConsentRecord, NoticeAcceptance
from privacy.selectors import consents_current

from .helpers import log_in

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_seed_role_accounts_is_idempotent():
    first = seed_role_accounts()
    second = seed_role_accounts()
    assert first == second
    assert all(len(entry) == 3 for entry in first)
    assert {role for role, _, _ in first} == set(ROLE_LABELS)
    assert User.objects.count() == len(ROLE_LABELS)
    assert EmailAddress.objects.count() == len(ROLE_LABELS)
    for role, email, _password in first:
        user = User.objects.get(email=email)
        assert role in held_roles(user)
        assert EmailAddress.objects.get(user=user).verified
        assert EmailAddress.objects.get(user=user).primary
    member = User.objects.get(email=dict((r, e) for r, e, _ in first)[MEMBER])
    assert ConsentRecord.objects.filter(user=member).count() == len(ConsentPurpose.values)
    assert NoticeAcceptance.objects.filter(user=member).count() == 1
    assert consents_current(member) == {
        **dict.fromkeys(ConsentPurpose.values, False),
        "directory": True,
        "matching": True,
    }
    assert User.objects.get(email=dict((r, e) for r, e, _ in first)[ADMIN]).is_superuser


def test_seeded_member_logs_in_with_the_demo_password(client):
    accounts = {role: (email, password) for role, email, password in seed_role_accounts()}
    email, password = accounts[MEMBER]
    response = log_in(client, email, password)
    assert response.status_code == 302
    assert response["Location"] == "/fr/community/home/"


def test_seed_repairs_a_changed_demo_password():
    accounts = seed_role_accounts()
    _role, email, password = accounts[0]
    user = User.objects.get(email=email)
    user.set_password("something-else-entirely")
    user.save()
    seed_role_accounts()
    user.refresh_from_db()
    assert user.check_password(password)
