"""Finding 6: a Content-Security-Policy without inline scripts, an idle timeout for staff sessions, and
names that cannot reorder the text around them."""

import re
import time
from pathlib import Path

import pytest

from django.conf import settings

from accounts.factories import UserFactory
from accounts.middleware import IDLE_KEY
from accounts.roles import MODERATOR
from community.groups.factories import MembershipFactory
from community.profiles.factories import ProfileFactory
from community.spaces.factories import PostFactory

TEMPLATE_DIRS = (
    "accounts",
    "privacy",
    "cms",
    "community",
    "events",
    "matching",
    "referential",
    "outreach",
    "themes",
)
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.I)


@pytest.mark.django_db
def test_pages_carry_a_policy_that_forbids_inline_scripts(client):
    response = client.get("/fr/community/members/")
    policy = response["Content-Security-Policy"]
    script_src = re.search(r"script-src ([^;]*)", policy).group(1)
    assert "'self'" in script_src and "unsafe-inline" not in script_src and "unsafe-eval" not in script_src
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy


def test_no_project_template_holds_an_inline_script():
    base = Path(__file__).resolve().parents[2]
    offenders = []
    for top in TEMPLATE_DIRS:
        for template in (base / top).rglob("*.html"):
            if "node_modules" in template.parts:
                continue
            if INLINE_SCRIPT.search(template.read_text(encoding="utf-8")):
                offenders.append(str(template.relative_to(base)))
    assert not offenders, offenders


@pytest.mark.django_db
def test_an_idle_staff_session_is_signed_out(client):
    moderator = UserFactory(roles=[MODERATOR], two_factor=True)
    client.force_login(moderator)
    assert client.get("/fr/community/moderation/").status_code == 200
    session = client.session
    session[IDLE_KEY] = time.time() - settings.STAFF_SESSION_IDLE_SECONDS - 60
    session.save()
    response = client.get("/fr/community/moderation/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_a_member_session_has_no_staff_idle_timeout(client):
    member = UserFactory()
    client.force_login(member)
    session = client.session
    session[IDLE_KEY] = time.time() - 10 * 3600
    session.save()
    assert client.get("/fr/community/notifications/").status_code == 200


@pytest.mark.django_db
def test_bidi_controls_are_stripped_from_names_and_names_are_isolated(client):
    membership = MembershipFactory()
    author = ProfileFactory(display_name="Nadia\u202eevil", vis_name=0).user
    post = PostFactory(space=None, group=membership.group, author=author)
    client.force_login(membership.user)
    page = client.get(f"/fr/community/groups/{membership.group.slug}/posts/{post.pk}/").content.decode()
    assert "\u202e" not in page and "<bdi>Nadiaevil</bdi>" in page

    from community.profiles.forms import ProfileForm

    form = ProfileForm(data={"display_name": "Karim\u202e\u2066x"}, instance=author.profile)
    form.is_valid()
    assert form.cleaned_data["display_name"] == "Karimx"
