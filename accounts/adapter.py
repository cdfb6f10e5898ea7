from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context as allauth_context

from django.conf import settings
from django.contrib.sites.requests import RequestSite
from django.utils import translation

from .roles import MEMBER
from .services import user_role_assign


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
