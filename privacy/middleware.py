"""After signing in, a member who accepted an earlier privacy notice is asked to accept the new one."""

from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

SESSION_KEY = "privacy_notice_review"
# Reachable while the question is open: the question itself, the notice, leaving, static files.
EXEMPT_FRAGMENTS = ("/account/notice/", "/accounts/logout/", "/static/", "/media/", "/jsi18n/")


def mark_review_needed(sender, request, user, **kwargs):
    """user_logged_in: remember in the session that the new notice must be accepted first."""
    from .selectors import notice_review_needed  # models load after the app registry

    if request is not None and hasattr(request, "session") and notice_review_needed(user):
        request.session[SESSION_KEY] = True


class NoticeReviewMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        session = getattr(request, "session", None)
        if session is not None and session.get(SESSION_KEY) and request.method == "GET":
            path = request.path_info
            from .selectors import notice_url

            if not any(fragment in path for fragment in EXEMPT_FRAGMENTS) and path != notice_url():
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('privacy_notice_review')}?{query}")
        return self.get_response(request)
