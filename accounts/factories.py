import factory
from allauth.account.models import EmailAddress
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from factory.django import DjangoModelFactory

from django.contrib.auth import get_user_model

from .roles import MEMBER
from .services import user_role_assign

DEFAULT_PASSWORD = "correct-horse-battery-9"  # noqa: S105 (test factories only)


class UserFactory(DjangoModelFactory):
    """A member whose primary email address is verified, able to log in with DEFAULT_PASSWORD."""

    class Meta:
        model = get_user_model()
        django_get_or_create = ("email",)
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    first_name = factory.Faker("first_name")
    last_name = factory.Faker("last_name")
    preferred_language = "fr"
    password = factory.django.Password(DEFAULT_PASSWORD)

    @factory.post_generation
    def verified_email(self, create, extracted, **kwargs):
        if not create:
            return
        EmailAddress.objects.update_or_create(
            user=self, email=self.email, defaults={"verified": extracted is not False, "primary": True}
        )

    @factory.post_generation
    def roles(self, create, extracted, **kwargs):
        if not create:
            return
        for role in extracted if extracted is not None else [MEMBER]:
            user_role_assign(self, role)

    @factory.post_generation
    def two_factor(self, create, extracted, **kwargs):
        """``two_factor=True``: a TOTP authenticator is set up, as staff must before using staff tools."""
        if create and extracted:
            TOTP.activate(self, generate_totp_secret())
