"""Conversions reach outreach through core.conversions (sent by the app where they happen) and, for
sign-ups, through allauth's own signal."""

from allauth.account.signals import user_signed_up

from core.conversions import conversion

from .services import conversion_attribute


def _on_conversion(sender, kind, user=None, request=None, **kwargs):
    conversion_attribute(kind=kind, user=user, request=request)


def _on_signup(sender, request, user, **kwargs):
    conversion_attribute(kind="signup", user=user, request=request)


def connect() -> None:
    conversion.connect(_on_conversion, dispatch_uid="outreach.conversion")
    user_signed_up.connect(_on_signup, dispatch_uid="outreach.signup")
