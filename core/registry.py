"""Where higher floors hand things to lower ones without being imported by them.

An edge app (events, matching, referential, watch, …) registers from its ``AppConfig.ready()``:
menu entries, template fragments for named slots of core pages, permissions its roles need, audit actions
with their labels, dashboard panels, audience sources (core.audiences: who a campaign may reach, read from
the app that holds them) and notification renderers (a notification stored as kind + parameters is worded
at read time, in the reader's language, by the app that defined the kind). Core and community templates
render what is registered and never name an edge app; removing an app removes its entries.
"""

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class MenuEntry:
    """A link in one of the site's menus.

    ``menu``: "header" (every visitor), "community" (members), "staff" (by role). ``visible(request)`` says
    whether this visitor sees it; ``badge(request)`` may return a number to show beside it.
    """

    key: str
    menu: str
    label: object
    url_name: str
    order: int = 50
    visible: Callable | None = None
    badge: Callable | None = None
    icon: str = ""
    url_kwargs: dict = field(default_factory=dict)

    def url(self) -> str:
        try:
            return reverse(self.url_name, kwargs=self.url_kwargs or None)
        except NoReverseMatch:
            return ""


@dataclass(frozen=True)
class Fragment:
    """A template rendered in a named slot of a page, with the page's context; ``order`` sorts a slot.

    "home.sections" is the member's personal home (community/home): each app's section loads its own
    data through a template tag, applies its own visibility rules (gates, blocks, consents) and keeps a
    bounded number of queries whatever the number of items.
    """

    slot: str
    template: str
    order: int = 50
    key: str = ""


@dataclass(frozen=True)
class DirectoryPerson:
    """A person the information watch may recognise: a golden record or a member, as plain values.

    ``id`` is the directory's own key ("g:12" for a golden record, "m:7" for a member without one);
    ``user_id`` is the member account behind it, if any (its consent decisions apply).
    """

    id: str
    name_latin: str
    name_arabic: str = ""
    city: str = ""
    country: str = ""
    sectors: tuple = ()
    occupation: str = ""
    employer: str = ""
    user_id: int | None = None


class PersonDirectory:
    """What the app holding people (referential) offers the watch; the watch never imports it.

    ``name_key(text)`` is THE name normalisation (spelling variants, scripts, particles give one key);
    ``people()`` yields every active person; ``person(id)`` fetches one; ``person_add(...)`` creates a
    record from a watch candidate and returns its id.
    """

    def name_key(self, text: str) -> str:  # pragma: no cover - protocol
        raise NotImplementedError

    def people(self):  # pragma: no cover - protocol
        raise NotImplementedError

    def person(self, person_id: str) -> DirectoryPerson | None:  # pragma: no cover - protocol
        raise NotImplementedError

    def person_ids_of_user(self, user_id: int) -> list[str]:
        """Every directory id that stands for this member (their data export lists what names them)."""
        return [f"m:{user_id}"]

    def person_add(
        self,
        *,
        name: str,
        name_arabic: str,
        city: str,
        country: str,
        occupation: str,
        provenance: str,
        actor=None,
    ) -> str:  # pragma: no cover - protocol
        raise NotImplementedError


@dataclass(frozen=True)
class DashboardPanel:
    """A panel of the ministry's dashboard: the app owning the figures computes them, the dashboard draws.

    ``data(request, filters)`` returns ``{"columns": [label, measure, …], "rows": [[label, value, …]]}``;
    values are numbers, ``core.disclosure.Below`` or None (the first cell of a row is its label). A panel
    drawn as a map (``map``: "world", rows keyed by ISO 3166-1 alpha-2 code; "morocco", keyed by region
    code) also returns ``"keys"``: one code per row (None for a row such as "other countries"); the map
    colours each place by the row's first measure. The dashboard passes ``filters``: "since", "until",
    "previous_since" (aware datetimes; "since" and "previous_since" None for all time), "country",
    "region", "sector", "label" (codes or slug, "" for any), "label_holders" (when "label" is set, a
    queryset of the ids of the users who hold that label today, to use as ``user__in=``; else None) and
    "countries" (the only countries the reader may see, a relay's coverage; None for every country).
    ``supports``
    names the filters the panel applies (the page says which ones it does not); a panel that does not
    support "country" is never shown to a reader restricted to some countries. ``chart`` is "bar" or
    "line" (rows in time order); ``section`` groups panels on the page ("glance", "activity",
    "referential"; any other goes last). Per-country and per-region rows go through core.disclosure in
    the panel's own selector, as on the owning app's pages.
    """

    key: str
    title: object
    data: Callable
    visible: Callable | None = None
    order: int = 50
    template: str = ""
    supports: frozenset = frozenset()
    chart: str = "bar"
    section: str = "other"
    note: object = ""
    map: str = ""


class _Registry:
    def __init__(self):
        self.menu_entries: dict[str, MenuEntry] = {}
        self.fragments: dict[str, dict[str, Fragment]] = defaultdict(dict)
        self.role_permissions: dict[str, set[str]] = defaultdict(set)
        self.audit_actions: dict[str, object] = {}
        self.dashboard_panels: dict[str, object] = {}
        self.audience_sources: dict[str, object] = {}
        self.notification_renderers: dict[str, Callable] = {}
        self.person_directory_provider: PersonDirectory | None = None

    # Registration is idempotent by key: ``ready()`` may run twice in tests.
    def add_menu_entry(self, entry: MenuEntry) -> None:
        self.menu_entries[entry.key] = entry

    def add_fragment(self, fragment: Fragment) -> None:
        self.fragments[fragment.slot][fragment.key or fragment.template] = fragment

    def add_role_permissions(self, role: str, permissions) -> None:
        self.role_permissions[role].update(permissions)

    def add_audit_actions(self, actions: dict) -> None:
        """{"app.action": label}: how the audit log page names each action."""
        self.audit_actions.update(actions)

    def add_dashboard_panel(self, key: str, panel) -> None:
        self.dashboard_panels[key] = panel

    def add_audience_source(self, key: str, source) -> None:
        """A source of campaign audiences (see core.audiences for the shape)."""
        self.audience_sources[key] = source

    def add_notification_renderer(self, kind: str, render: Callable) -> None:
        """``render(notification)`` → {"subject", "body", "url"} worded in the active language."""
        self.notification_renderers[kind] = render

    def set_person_directory(self, directory: PersonDirectory | None) -> None:
        """The one source of people for the watch (referential sets it); None when nobody offers one."""
        self.person_directory_provider = directory

    # Reading.
    def menu(self, name: str, request=None) -> list[MenuEntry]:
        entries = [e for e in self.menu_entries.values() if e.menu == name]
        if request is not None:
            entries = [e for e in entries if e.visible is None or e.visible(request)]
        return sorted(entries, key=lambda e: (e.order, e.key))

    def slot(self, name: str) -> list[Fragment]:
        return sorted(self.fragments.get(name, {}).values(), key=lambda f: (f.order, f.template))

    def permissions_of(self, role: str) -> set[str]:
        return set(self.role_permissions.get(role, ()))

    def audit_action_label(self, action: str):
        return self.audit_actions.get(action, action)

    def audience_source(self, key: str):
        """The registered source, or None when the app offering it is not installed."""
        return self.audience_sources.get(key)

    def audience_source_list(self) -> list:
        return [self.audience_sources[key] for key in sorted(self.audience_sources)]

    def notification_renderer(self, kind: str) -> Callable | None:
        return self.notification_renderers.get(kind)


registry = _Registry()


def person_directory() -> PersonDirectory | None:
    return registry.person_directory_provider
