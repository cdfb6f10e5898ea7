"""Facts that stay the same for the length of one web request, read from the database once.

Several parts of one page ask the same question: the header, the search providers and the permission
modules each read the visitor's roles, and the menus, the footer and the page each look up the active
language's Locale row. ``remembered`` answers each question once per request.

The memo lives only while ``RequestMemoMiddleware`` runs a request. Everywhere else (websocket
consumers, which keep one user object for a whole connection; tasks; the shell) nothing is
remembered and every call reads afresh, so a role taken away is never served from a stale copy.
"""

import contextvars

_memo = contextvars.ContextVar("kafaat_request_memo", default=None)


def remembered(key, compute):
    memo = _memo.get()
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    return memo[key]


def forget_kind(kind) -> None:
    """Drop every remembered answer whose key is a tuple starting with ``kind`` (the request itself
    changed what it asked about)."""
    memo = _memo.get()
    if memo is not None:
        for key in [key for key in memo if isinstance(key, tuple) and key[:1] == (kind,)]:
            del memo[key]


class RequestMemoMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _memo.set({})
        try:
            return self.get_response(request)
        finally:
            _memo.reset(token)
