"""My account → API tokens: list, create (the secret is shown once, in the answer to the form), revoke."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from . import selectors, services
from .forms import TokenForm
from .permissions import may_create_staff_tokens
from .scopes import SCOPE_LABELS


def _page(request, form, secret="", status=200):
    context = {
        "form": form,
        "tokens": selectors.tokens_of(request.user),
        "secret": secret,
        "scope_labels": SCOPE_LABELS,
        "staff_scopes_offered": may_create_staff_tokens(request.user),
    }
    return render(request, "api/tokens.html", context, status=status)


@never_cache
@login_required
def tokens(request):
    if request.method != "POST":
        return _page(request, TokenForm(user=request.user))
    form = TokenForm(request.POST, user=request.user)
    if not form.is_valid():
        return _page(request, form, status=400)
    try:
        _token, secret = services.token_create(
            user=request.user,
            name=form.cleaned_data["name"],
            scopes=form.cleaned_data["scopes"],
            days=form.cleaned_data["days"],
        )
    except (ValidationError, PermissionDenied) as error:
        form.add_error(None, error.messages[0] if isinstance(error, ValidationError) else str(error))
        return _page(request, form, status=400)
    return _page(request, TokenForm(user=request.user), secret=secret)


@login_required
@require_POST
def token_revoke(request, pk):
    if services.token_revoke(user=request.user, token_id=pk):
        messages.success(request, _("The token was revoked: it no longer works."))
    return redirect("account_api_tokens:list")
