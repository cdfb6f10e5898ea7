"""Every URL pattern of the site, with its path parameters filled with the planted world's addresses.

``site_patterns()`` walks ``get_resolver()``; ``fill(chain, ...)`` turns one pattern into concrete paths
(one per combination of candidate values, capped) and keeps only those that resolve back to the same
pattern, so a path that silently lands on another view never counts as covering this one.
"""

import itertools
import re
from dataclasses import dataclass

from django.urls import LocalePrefixPattern, Resolver404, URLPattern, URLResolver, get_resolver, resolve
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter, UUIDConverter
from django.utils import translation

from .world import FORBIDDEN_IDS, ID, SLUG, TOKEN, UUID

MAX_COMBINATIONS = 64
_ROUTE_PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<parameter>[^>]+)>")
_REGEX_GROUP = re.compile(r"\(\?P<(?P<name>\w+)>(?P<body>(?:[^()]|\((?:[^()]|\([^()]*\))*\))*)\)")


@dataclass(frozen=True)
class Pattern:
    chain: tuple  # URLResolver…, URLPattern
    key: str  # stable, language-free: the joined route with "<lang>/" for the language prefix
    localised: bool

    @property
    def leaf(self):
        return self.chain[-1]


def site_patterns(urlconf=None):
    patterns = []

    def walk(resolver, chain):
        for entry in resolver.url_patterns:
            if isinstance(entry, URLResolver):
                walk(entry, (*chain, entry))
            elif isinstance(entry, URLPattern):
                full = (*chain, entry)
                patterns.append(Pattern(full, _key(full), any(_is_locale(p) for p in full)))

    walk(get_resolver(urlconf), ())
    return patterns


def _is_locale(entry):
    return isinstance(entry.pattern, LocalePrefixPattern)


def _key(chain):
    return "".join("<lang>/" if _is_locale(entry) else str(entry.pattern) for entry in chain)


def _route_of(chain, language):
    with translation.override(language):
        return "".join(str(entry.pattern) for entry in chain)


def _values(converter, name, facts):
    if name == "content_type_id":
        return [str(pk) for pk in facts["content_types"]]
    if isinstance(converter, IntConverter):
        return [str(pk) for pk in FORBIDDEN_IDS]
    if isinstance(converter, SlugConverter):
        return [SLUG]
    if isinstance(converter, UUIDConverter):
        return [str(UUID)]
    if isinstance(converter, PathConverter):
        return [SLUG]
    if name == "key":
        return [facts["session_key"], "20991231T1800"]
    if "token" in name or name in ("uidb36", "uidb64"):
        return [TOKEN]
    if isinstance(converter, StringConverter):
        return [str(pk) for pk in FORBIDDEN_IDS]
    return [str(ID)]


def _segment_options(entry, language, facts):
    pattern = entry.pattern
    if isinstance(pattern, LocalePrefixPattern):
        return [f"{language}/"]
    if hasattr(pattern, "_route"):
        route = pattern._route
        names = [m.group("parameter") for m in _ROUTE_PARAM.finditer(route)]
        if not names:
            return [route]
        choices = [_values(pattern.converters.get(n), n, facts) for n in names]
        if "content_type_id" in names:  # every planted type has a forbidden row at ID
            choices = [[str(ID)] if n == "object_id" else c for n, c in zip(names, choices, strict=True)]
        options = []
        for combo in itertools.product(*choices):
            values = iter(combo)
            options.append(_ROUTE_PARAM.sub(lambda _m, v=values: next(v), route))
        return options
    return _regex_options(pattern._regex, facts)


def _regex_options(regex, facts):
    """Fill a regex pattern: named groups by name, alternations by their first literal branch."""

    def group_value(match):
        name, body = match.group("name"), match.group("body")
        literal = body.split("|")[0]
        if re.fullmatch(r"[\w\-]+", literal):
            return literal
        if "token" in name or name.startswith("uid"):
            return TOKEN
        if name in ("slug", "app_label", "model_name"):
            return SLUG
        if r"\d" in body:
            return str(ID)
        return SLUG

    def plain_group(match):
        body = match.group(1)
        literal = body.split("|")[0]
        if re.fullmatch(r"[\w\-]+", literal):
            return literal
        return str(ID) if r"\d" in body else SLUG

    text = _REGEX_GROUP.sub(group_value, regex)
    text = text.removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    text = re.sub(r"\(\(\?:\[\\w\\-\]\+/\)\*\)", f"{SLUG}/", text)  # Wagtail's page path
    text = re.sub(r"\((?!\?)([^()]*)\)", plain_group, text)
    text = text.replace(".*", SLUG)
    text = text.replace(r"\.", ".").replace("/?", "/").replace("?", "")
    if re.search(r"[\\()\[\]*+|]", text):
        return []
    return [text]


def fill(pattern, language, facts):
    """Concrete paths for ``pattern`` in ``language`` that resolve back to it (empty when none does)."""
    options = [_segment_options(entry, language, facts) for entry in pattern.chain]
    route = _route_of(pattern.chain, language)
    paths = []
    for combo in itertools.islice(itertools.product(*options), MAX_COMBINATIONS * 4):
        path = "/" + "".join(combo)
        try:
            with translation.override(language):
                match = resolve(path)
        except Resolver404:
            continue
        if match.route.replace("^", "") == route.replace("^", ""):
            paths.append(path)
        if len(paths) >= MAX_COMBINATIONS:
            break
    return paths
