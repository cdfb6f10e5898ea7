"""The object-level authorization harness, with POST: every URL pattern, every persona's writes.

The same world (tests/security/world.py) and the same patterns (tests/security/urlmap.py) as the GET
harness. Each pattern is POSTed to twice, with an empty body and with plausible form data: every field
name a form of the project declares or a view reads from ``request.POST``, filled by type, ids and
model choices pointing at the planted objects (FORBIDDEN_IDS). Asserted:

- the marker appears in no response (body, headers, file);
- no planted row is changed or deleted: a fingerprint of every row that existed once the world was
  planted, except the personas' own rows (their account, what points at it), is the same afterwards;
- a visitor's POST creates no row, anywhere (models listed in VISITOR_MAY_CREATE excepted, with why).

Sampling, to keep the run short (it runs in CI twice): the visitor POSTs to every pattern, empty and
plausible; each pattern is also POSTed to, with the plausible body (which any view that acts without
fields reads as well), by two of the five signed-in personas, in turn, in a language rotating with the
pattern. The two personas differ between the SQLite and the PostgreSQL run, so that CI's two runs
together try four of the five on every pattern. Patterns outside the language prefix (admin) the same
way, in French. A persona a POST signed out (logout) is signed in again before its next request.
"""

import hashlib
import importlib
import re
import time
from pathlib import Path

import pytest

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import connection, models

from .test_object_authorization import LANGUAGES, NOT_EXERCISED, _client, _facts, leaks
from .urlmap import fill, site_patterns
from .world import ID, PERSONAS, plant

pytestmark = pytest.mark.django_db

SIGNED_IN = tuple(p for p in PERSONAS if p != "visitor")
# Patterns where a visitor's POST may create rows, with the reason; elsewhere no row may appear.
VISITOR_MAY_CREATE = {
    "<lang>/accounts/signup/": "signing up creates the account, its address, notice acceptance and consents",
}
# Models where any request may add a row, with the reason.
VISITOR_MAY_ADD_ANYWHERE = {"sessions.session": "a session keeps a visitor's choice (language, sign-in)"}
# Rows that change with any request and carry no planted data.
VOLATILE = {"sessions.session": "sessions are rewritten by every request that touches them"}
PROJECT_ROOTS = (
    "accounts",
    "privacy",
    "cms",
    "community",
    "events",
    "matching",
    "referential",
    "outreach",
    "accompaniment",
    "watch",
    "api",
    "core",
)
_POST_READ = re.compile(r"request\.POST(?:\.get|\.getlist)?\(?\[?\s*[\"'](\w+)[\"']")
IDISH = re.compile(r"(^|_)(id|pk|ids|user|member|recipient|target|object|case|candidate|other)s?($|_)")


# --- plausible form data ---------------------------------------------------------------------------


def _form_classes():
    """Every form class of the project (and of allauth, which serves sign-up and sign-in)."""
    for app in apps.get_app_configs():
        if not app.name.startswith(PROJECT_ROOTS):
            continue
        for path in Path(app.path).glob("forms*.py"):
            importlib.import_module(f"{app.name}.{path.stem}")
    seen, stack = [], [forms.BaseForm]
    while stack:
        cls = stack.pop()
        for sub in cls.__subclasses__():
            stack.append(sub)
            if sub.__module__.startswith((*PROJECT_ROOTS, "allauth")) and hasattr(sub, "base_fields"):
                seen.append(sub)
    return seen


def _value_for(name, field):
    if isinstance(field, forms.ModelMultipleChoiceField):
        return [str(ID)]
    if isinstance(field, forms.ModelChoiceField):
        return str(ID)
    if isinstance(field, forms.MultipleChoiceField | forms.ChoiceField):
        try:
            values = [
                str(v)
                for v, _label in field.choices
                if v not in ("", None) and not isinstance(_label, list | tuple)
            ]
        except Exception:  # noqa: BLE001 — lazy choices that need a request: a plain value then
            values = []
        if isinstance(field, forms.MultipleChoiceField):
            return values[:1] or ["1"]
        return values[0] if values else "1"
    if isinstance(field, forms.BooleanField | forms.NullBooleanField):
        return "on"
    if isinstance(field, forms.IntegerField | forms.DecimalField | forms.FloatField):
        return str(ID) if IDISH.search(name) else "1"
    if isinstance(field, forms.EmailField):
        return "harness.post@example.org"
    if isinstance(field, forms.URLField):
        return "https://example.org/harness"
    if isinstance(field, forms.DateTimeField):
        return "2030-01-15 10:00"
    if isinstance(field, forms.DateField):
        return "2030-01-15"
    if isinstance(field, forms.TimeField):
        return "10:00"
    if isinstance(field, forms.FileField):
        return None
    if isinstance(field, forms.JSONField):
        return "{}"
    if "password" in name:
        return "Harness-pass-4242!"
    return str(ID) if IDISH.search(name) else "Harness text"


def plausible_data() -> dict:
    """One body for every pattern: each form field name once, plus what views read from request.POST."""
    data = {}
    for cls in _form_classes():
        for name, field in cls.base_fields.items():
            if name in data:
                continue
            value = _value_for(name, field)
            if value is not None:
                data[name] = value
    for app in apps.get_app_configs():
        if not app.name.startswith(PROJECT_ROOTS):
            continue
        for path in Path(app.path).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            for name in _POST_READ.findall(path.read_text(encoding="utf-8")):
                data.setdefault(name, str(ID) if IDISH.search(name) else "1")
    data["next"] = "/"
    return data


# --- fingerprints ------------------------------------------------------------------------------------


def _models():
    return [m for m in apps.get_models() if not m._meta.proxy and m._meta.managed]


def _user_fk_names(model):
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return [
        f.attname
        for f in model._meta.concrete_fields
        if isinstance(f, models.ForeignKey) and f.related_model is user_model
    ]


def fingerprint(persona_ids) -> dict:
    """(model, pk) → digest of the row, for every row not owned by a persona."""
    user_label = apps.get_model(settings.AUTH_USER_MODEL)._meta.label_lower
    rows = {}
    for model in _models():
        label = model._meta.label_lower
        if label in VOLATILE:
            continue
        names = [f.attname for f in model._meta.concrete_fields]
        owners = [names.index(n) for n in _user_fk_names(model)]
        pk_index = names.index(model._meta.pk.attname)
        for values in model._default_manager.order_by().values_list(*names):
            if label == user_label and values[pk_index] in persona_ids:
                continue
            if any(values[i] in persona_ids for i in owners):
                continue
            rows[(label, values[pk_index])] = hashlib.sha256(repr(values).encode()).hexdigest()
    return rows


def row_counts() -> dict:
    return {m._meta.label_lower: m._default_manager.count() for m in _models()}


# --- the harness -------------------------------------------------------------------------------------


def post_all(patterns, world, bodies, askers_of, *, first_path_only=False, allowed=None):
    """POST every pattern with each of ``bodies``; returns (posts, unfilled keys, leaks).

    ``allowed``, a dict, receives the rows created by the patterns of VISITOR_MAY_CREATE, per model."""
    facts = _facts(world)
    users = world["personas"]
    clients = {name: _client(users[name]) for name in PERSONAS}
    posts, unfilled, found = 0, set(), []
    for index, pattern in enumerate(patterns):
        counts = row_counts() if allowed is not None and pattern.key in VISITOR_MAY_CREATE else None
        for offset, persona in enumerate(askers_of(index)):
            language = LANGUAGES[(index + offset) % len(LANGUAGES)] if pattern.localised else "fr"
            paths = fill(pattern, language, facts)
            if not paths:
                unfilled.add(pattern.key)
                continue
            client = clients[persona]
            for path in paths[:1] if first_path_only else paths:
                for body in bodies:
                    response = client.post(path, body)
                    posts += 1
                    where = leaks(response)
                    if where:
                        found.append((persona, path, bool(body), response.status_code, where))
                    if users[persona] is not None and "_auth_user_id" not in client.session:
                        client.force_login(users[persona])  # a logout pattern: sign in again
        if counts is not None:
            for label, n in row_counts().items():
                allowed[label] = allowed.get(label, 0) + n - counts.get(label, 0)
    return posts, unfilled, found


def run_harness(patterns, world, data):
    """Visitor on every pattern (first path), then two signed-in personas per pattern (every path)."""
    persona_ids = {u.pk for u in world["personas"].values() if u is not None}
    before = fingerprint(persona_ids)
    counts, allowed = row_counts(), {}
    visitor_posts, unfilled, found = post_all(
        patterns, world, ({}, data), lambda index: ("visitor",), first_path_only=True, allowed=allowed
    )
    created = {
        label: n - counts.get(label, 0) - allowed.get(label, 0)
        for label, n in row_counts().items()
        if n - counts.get(label, 0) - allowed.get(label, 0) > 0 and label not in VISITOR_MAY_ADD_ANYWHERE
    }

    shift = 0 if connection.vendor == "sqlite" else 2

    def two_signed_in(index):
        first = 2 * index + shift
        return (SIGNED_IN[first % len(SIGNED_IN)], SIGNED_IN[(first + 1) % len(SIGNED_IN)])

    member_posts, unfilled_too, found_too = post_all(patterns, world, (data,), two_signed_in)
    after = fingerprint(persona_ids)
    changed = sorted(key for key, digest in before.items() if after.get(key) != digest)
    return {
        "posts": visitor_posts + member_posts,
        "visitor_posts": visitor_posts,
        "rows": len(before),
        "unfilled": unfilled | unfilled_too,
        "leaks": found + found_too,
        "created": created,
        "changed": changed,
    }


def test_no_post_reads_the_marker_changes_a_planted_row_or_lets_a_visitor_create_one(capsys):
    started = time.monotonic()
    world = plant()
    patterns = site_patterns()
    data = plausible_data()
    result = run_harness(patterns, world, data)
    with capsys.disabled():
        print(
            f"\nobject authorization harness (POST): {len(patterns)} URL patterns, {result['posts']} POSTs "
            f"({result['visitor_posts']} as visitor), {len(data)} plausible fields, {result['rows']} planted "
            f"rows fingerprinted, {len(result['changed'])} changed; {time.monotonic() - started:.0f} s"
        )
    assert not result["unfilled"] - set(NOT_EXERCISED)
    assert not result["leaks"], "\n".join(
        f"{p} POST {path} ({'plausible' if full else 'empty'}) -> {status}: marker in {w}"
        for p, path, full, status, w in result["leaks"]
    )
    assert not result["created"], f"a visitor's POST created rows: {result['created']}"
    assert not result["changed"], f"planted rows changed or deleted by a POST: {result['changed'][:40]}"


def test_a_careless_post_view_is_caught_without_editing_the_harness(settings):
    """A view added later that changes any row by id, or lets a visitor create one, fails the harness."""
    settings.ROOT_URLCONF = "tests.security.careless_urls"
    world = plant()
    new = [p for p in site_patterns() if "careless" in p.key]
    result = run_harness(new, world, plausible_data())
    assert ("profiles.project", ID) in result["changed"]
    assert result["created"].get("accounts.user") == 1


def test_the_plausible_body_names_the_fields_of_the_forms_and_points_ids_at_planted_rows():
    data = plausible_data()
    assert data["body"] == "Harness text" and data["email"] == "harness.post@example.org"
    assert any(value == str(ID) for value in data.values())
