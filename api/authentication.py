"""``Authorization: Bearer <token>``: a personal API token (api.models.ApiToken).

A member token acts as a token holder (staff roles do not count, as for a feed token); a staff token
counts as a second factor only while its owner still has one set up and still holds a staff role
(api.permissions.token_still_valid), so removing either stops the token at once.
"""

from rest_framework import authentication, exceptions

from django.utils.translation import gettext_lazy as _

from accounts.second_factor import as_token_holder, remember_session_records

from . import selectors, services
from .permissions import token_still_valid


class BearerTokenAuthentication(authentication.BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        header = authentication.get_authorization_header(request).split()
        if not header or header[0].lower() != self.keyword.lower().encode():
            return None
        if len(header) != 2:
            raise exceptions.AuthenticationFailed(_("Write the header as: Authorization: Bearer <token>."))
        try:
            secret = header[1].decode("ascii")
        except UnicodeError as error:
            raise exceptions.AuthenticationFailed(_("This API token is not valid.")) from error
        token = selectors.token_by_secret(secret)
        if token is None or not token_still_valid(token):
            raise exceptions.AuthenticationFailed(
                _("This API token is not valid, has expired or was revoked.")
            )
        services.token_touch(token)
        user = token.user
        if token.is_staff_token:
            remember_session_records(user, [{"method": "mfa", "via": "api_token"}])
        else:
            as_token_holder(user)
        return user, token

    def authenticate_header(self, request):
        return self.keyword
