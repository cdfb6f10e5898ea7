from allauth.account.forms import SignupForm as AllauthSignupForm

from django.db import transaction


class SignupForm(AllauthSignupForm):
    """allauth's sign-up, all or nothing: the user, their consents and their address are saved together."""

    def save(self, request):
        with transaction.atomic():
            return super().save(request)
