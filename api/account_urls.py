"""My account's API tokens page, mounted under the language prefix at /<lang>/account/api-tokens/."""

from django.urls import path

from . import account_views

app_name = "account_api_tokens"
urlpatterns = [
    path("", account_views.tokens, name="list"),
    path("<int:pk>/revoke/", account_views.token_revoke, name="revoke"),
]
