import pytest

from privacy.models import PrivacyNotice
from privacy.services import NoPublishedNotice

pytestmark = pytest.mark.django_db


def test_a_sign_up_that_cannot_record_its_consents_leaves_no_account_behind(client, django_user_model):
    PrivacyNotice.objects.all().delete()
    form = {
        "email": "half.written@example.org",
        "password1": "Rabat-Paris-2026!",
        "password2": "Rabat-Paris-2026!",
        "accept_privacy_notice": "on",
        "consent_directory": "on",
    }
    with pytest.raises(NoPublishedNotice):
        client.post("/fr/accounts/signup/", form)
    assert not django_user_model.objects.filter(email="half.written@example.org").exists()
