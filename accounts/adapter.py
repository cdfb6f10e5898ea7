import time

from allauth.account import app_settings as account_settings
from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import get_authentication_records
from allauth.core import context as allauth_context

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.utils import translation

from .roles import MEMBER
from .services import user_role_assign

# Sign-in methods that prove the person typed a secret just now (allauth's records of this session).
FRESH_METHODS = ("password", "code", "mfa")


class AccountAdapter(DefaultAccountAdapter):
    def save_user(self, request, user, form, commit=True):
        user.preferred_language = translation.get_language() or ""
        user = super().save_user(request, user, form, commit=commit)
        if commit:
            user_role_assign(user, MEMBER)
        return user

    def send_mail(self, template_prefix, email, context):
        """Mails are rendered in the active language (the request's); they name the site "Kafaat"."""
        request = allauth_context.request
        site = RequestSite(request) if request is not None else None
        if site is not None:
            site.name = settings.WAGTAIL_SITE_NAME
        return super().send_mail(template_prefix, email, {"current_site": site, **context})

    def is_reauthentication_required(self, *, app: str, **kwargs) -> bool:
        """Setting up the second factor right after signing in does not ask for the password again:
        a password (or code) checked within allauth's reauthentication timeout counts as a
        reauthentication. Later in the session, allauth asks as before."""
        required = super().is_reauthentication_required(app=app, **kwargs)
        request = allauth_context.request
        if not required or app != "allauth.mfa" or request is None:
            return required
        return not signed_in_moments_ago(request)


def signed_in_moments_ago(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    moments = [
        record.get("at")
        for record in get_authentication_records(request, user)
        if record.get("method") in FRESH_METHODS and isinstance(record.get("at"), int | float)
    ]
    return bool(moments) and time.time() - max(moments) < account_settings.REAUTHENTICATION_TIMEOUT
