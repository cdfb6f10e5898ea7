"""Every feature is reachable by following links, for every role, and no link leads to an error.

For each role a crawler starts from the French home page (and, once signed in, from the page sign-in
lands on), fetches only addresses found in ``<a href>`` of the pages it read, stays on the site and in
French, and stops after a bounded number of pages. It must reach every feature page its role may use
(the list per role below) and no link it followed may answer 403, 404 or 500. A feature page without a
menu entry, or a menu entry shown to a role that may not use the page, fails here.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest

from django.urls import Resolver404, get_resolver, resolve

from accompaniment.factories import AdvisorFactory
from accounts.factories import UserFactory
from accounts.roles import ADMIN, ANALYST, EDITOR, MODERATOR
from cms import factories
from community.groups.factories import CommunityGroupFactory
from community.labels.factories import LabelFactory, LabelGrantFactory
from community.profiles.factories import ProfileFactory, ProjectFactory, RelayCoverageFactory
from community.spaces.factories import SpaceFactory
from core.registry import registry
from events.factories import EventFactory, OccurrenceFactory

# The fixtures of a small translated site (home, programmes, services, news, FAQ).
from tests.cms.conftest import home, locales, tree  # noqa: F401

pytestmark = pytest.mark.django_db

MAX_PAGES = 260
MAX_DEPTH = 5
# Variants of one path by query string (pagination, calendar months, filters) fetched at most.
MAX_QUERY_VARIANTS = 2
# Not crawled: the CMS and Django admin (their own navigation), files, and machine endpoints.
SKIPPED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/static/", "/media/", "/api/")

COMMUNITY = {
    "profiles:directory",
    "profiles:projects",
    "groups:directory",
    "spaces:list",
    "events:list",
    "labels:list",
}
MEMBER = COMMUNITY | {
    "account_settings",
    "account_api_tokens:list",
    "profiles:edit",
    "messaging:list",
    "matching:hub",
    "notifications:list",
    "accompaniment:my_cases",
    "events:mine",
    "labels:mine",
}
MUST_REACH = {
    "visitor": COMMUNITY | {"account_login", "account_signup"},
    "member": MEMBER,
    "labelled": MEMBER,
    # Relays run local meetups and follow the cases of their area.
    "relay": MEMBER
    | {
        "profiles:relay",
        "profiles:relay_contact",
        "events:create",
        "accompaniment:board",
        "accompaniment:funnel",
        "dashboard:index",
    },
    "moderator": MEMBER | {"moderation:queue", "labels:moderation", "events:create", "wagtailadmin_home"},
    "editor": MEMBER | {"wagtailadmin_home", "events:create", "outreach:list"},
    "analyst": MEMBER
    | {
        "dashboard:index",
        "referential:home",
        "linkage:home",
        "segmentation:list",
        "outreach:list",
        "watch:queue",
        "matching:taxonomy_queue",
        "accompaniment:funnel",
        "wagtailadmin_home",
    },
    "advisor": MEMBER | {"accompaniment:board", "accompaniment:funnel"},
    "admin": MEMBER
    | {
        "dashboard:index",
        "moderation:queue",
        "labels:moderation",
        "referential:home",
        "linkage:home",
        "segmentation:list",
        "outreach:list",
        "watch:queue",
        "matching:taxonomy_queue",
        "accompaniment:board",
        "accompaniment:funnel",
        "events:create",
        "wagtailadmin_home",
    },
}
# Refusals that explain what is missing and offer the way in (a gated space's labels and charter):
# answered 403, as every surface of the gate answers, but a page, not a dead end.
EXPLAINED_REFUSALS = {"spaces/space_locked.html"}
# Staff pages a role must never be offered a link to.
STAFF_PAGES = set().union(*MUST_REACH.values()) - MEMBER - MUST_REACH["visitor"]


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def _links(base, html):
    parser = _Links()
    parser.feed(html)
    for href in parser.hrefs:
        url, _fragment = urldefrag(urljoin(base, href))
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        yield parts.path + (f"?{parts.query}" if parts.query else "")


def _view_name(path):
    try:
        return resolve(urlsplit(path).path).view_name
    except Resolver404:
        return None


def _templates(response):
    return {template.name for template in getattr(response, "templates", ()) or ()}


def crawl(client, starts):
    """Breadth-first over links; returns ({view name reached with 200}, [(from, to, status)] errors)."""
    reached, errors = set(), []
    seen, variants = set(), {}
    queue = deque((start, None, 0) for start in starts)
    fetched = 0
    while queue and fetched < MAX_PAGES:
        path, origin, depth = queue.popleft()
        if path in seen:
            continue
        seen.add(path)
        bare = urlsplit(path).path
        if "?" in path:
            variants[bare] = variants.get(bare, 0) + 1
            if variants[bare] > MAX_QUERY_VARIANTS:
                continue
        response = client.get(path)
        fetched += 1
        explained = response.status_code == 403 and EXPLAINED_REFUSALS & _templates(response)
        if response.status_code in (403, 404, 405) and not explained or response.status_code >= 500:
            errors.append((origin, path, response.status_code))
            continue
        if response.status_code in (301, 302):
            target = urljoin(path, response["Location"])
            queue.appendleft(
                (
                    urlsplit(target).path + (f"?{urlsplit(target).query}" if urlsplit(target).query else ""),
                    path,
                    depth,
                )
            )
            continue
        if response.status_code != 200 and not explained:
            continue
        name = _view_name(path)
        if name and response.status_code == 200:
            reached.add(name)
        if depth >= MAX_DEPTH or not response.get("Content-Type", "").startswith("text/html"):
            continue
        for link in _links(path, response.content.decode()):
            bare_link = urlsplit(link).path
            if link in seen:
                continue
            if bare_link.startswith(SKIPPED_PREFIXES):
                # Outside the crawl, but the door itself must open.
                if bare_link == "/admin/":
                    queue.append((link, path, MAX_DEPTH))
                continue
            if not bare_link.startswith("/fr/"):
                continue
            queue.append((link, path, depth + 1))
    return reached, errors


@pytest.fixture
def content(tree):  # noqa: F811 (the fixture imported above)
    """What members find on the site: a public profile and project, a group, a space, an event."""
    factories.StandardPageFactory(parent=tree.fr.home, title="Protection des données", slug="privacy-notice")
    owner = ProfileFactory(directory=True)
    ProjectFactory(owner=owner)
    CommunityGroupFactory()
    SpaceFactory()
    OccurrenceFactory(event=EventFactory())
    LabelFactory()


def _user(role):
    if role == "visitor":
        return None
    if role == "advisor":
        user = AdvisorFactory()
    elif role == "relay":
        user = RelayCoverageFactory().relay
    else:
        roles = {"moderator": [MODERATOR], "editor": [EDITOR], "analyst": [ANALYST], "admin": [ADMIN]}
        user = UserFactory(roles=["member", *roles.get(role, [])], two_factor=role in roles)
    ProfileFactory(user=user)
    if role == "labelled":
        LabelGrantFactory(user=user)
    return user


@pytest.mark.parametrize("role", list(MUST_REACH))
def test_each_role_reaches_its_features_by_links_and_no_link_fails(client, content, role):
    user = _user(role)
    starts = ["/fr/"]
    if user is not None:
        client.force_login(user)
        starts.append("/fr/account/")
    reached, errors = crawl(client, starts)
    assert errors == []
    assert MUST_REACH[role] - reached == set()
    assert (reached & STAFF_PAGES) - MUST_REACH[role] == set()


def test_every_feature_page_has_a_menu_entry():
    """The crawl starts at the menus: each app's entry page is registered there, not only linked."""
    in_menus = {entry.url_name for entry in registry.menu_entries.values()}
    entry_pages = {
        "profiles:directory",
        "profiles:projects",
        "groups:directory",
        "spaces:list",
        "events:list",
        "labels:list",
        "messaging:list",
        "matching:hub",
        "accompaniment:my_cases",
        "profiles:relay",
        "moderation:queue",
        "labels:moderation",
        "referential:home",
        "linkage:home",
        "segmentation:list",
        "outreach:list",
        "watch:queue",
        "matching:taxonomy_queue",
        "accompaniment:board",
        "accompaniment:funnel",
        "wagtailadmin_home",
    }
    assert entry_pages - in_menus == set()
    # And every namespace of the site's own apps has at least one page in a menu.
    namespaces = {name for name in get_resolver().namespace_dict}
    own = {ns for ns in namespaces if not ns.startswith(("wagtail", "admin", "django", "mfa", "account"))}
    covered = {name.split(":")[0] for name in in_menus if ":" in name}
    # Notifications have the bell in the header; the API is for partners' programs, documented apart;
    # a project's own page ("projects") is reached from the project directory, which is in the menu.
    assert own - covered - {"notifications", "api", "projects"} == set()
