"""A labelled evaluation set for the watch, made from a seed: a registry, outlets with their own page
templates and boilerplate, RSS and Atom feeds, and the truth for every article.

What it holds, on purpose: namesake pairs in the registry and very common names; articles about a
namesake who lives elsewhere and does something else; partial names (a registry given name with another
registry family name); incidental mentions (panel, jury, guest, a match without a goal); summary-only
feed items cut before the name; syndicated copies with a new title and reworded text; boilerplate
(tickers, "most read", "read also", cookie banners, footers) full of registry names.
"""

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from datetime import timezone as dt_timezone
from email.utils import format_datetime
from html import escape

from core.countries import country_name
from core.registry import DirectoryPerson

from . import texts
from .vocabulary import CITIES, FAMILY, FIELDS, GIVEN, NEW_COMPANIES, PRIZES

LANG_CITY = {"fr": 0, "en": 1, "ar": 2}


@dataclass
class Person:
    id: str
    given: int
    family: int
    city: int
    field: str
    employer: int
    spelling: tuple  # (given spelling index, family spelling index) the record uses
    has_arabic: bool

    def latin(self, given=None, family=None) -> str:
        g = GIVEN[self.given][0][self.spelling[0] if given is None else given]
        f = FAMILY[self.family][0][self.spelling[1] if family is None else family]
        return f"{g} {f}"

    def arabic(self) -> str:
        return f"{GIVEN[self.given][1]} {FAMILY[self.family][1]}"

    def directory(self) -> DirectoryPerson:
        occupation = FIELDS[self.field][0]["fr"]
        return DirectoryPerson(
            id=self.id,
            name_latin=self.latin(),
            name_arabic=self.arabic() if self.has_arabic else "",
            city=CITIES[self.city][0],
            country=CITIES[self.city][3],
            occupation=occupation,
            employer=FIELDS[self.field][1][self.employer][0],
        )


@dataclass
class Gold:
    path: str
    outlet: str
    language: str
    kind: str
    story: str
    links: list = field(default_factory=list)  # [{"person", "form", "distinction"}]
    namesake_of: list = field(default_factory=list)
    twins: list = field(default_factory=list)


@dataclass
class Dataset:
    people: list
    files: dict  # path → (content type, bytes)
    feeds: list  # (name, path, kind, language)
    gold: dict  # article path → Gold

    def directory_people(self) -> list[DirectoryPerson]:
        return [p.directory() for p in self.people]


OUTLETS = [
    # name, language, feed kind, summary only, root-relative links
    ("lematin-diaspora", "fr", "rss", True, False),
    ("echos-du-monde", "fr", "atom", False, True),
    ("akhbar-al-jaliya", "ar", "rss", True, True),
    ("al-mahjar", "ar", "atom", True, False),
    ("morocco-abroad", "en", "rss", True, True),
    ("global-maghreb", "en", "atom", False, False),
]


def _registry(rng: random.Random, size: int) -> list[Person]:
    people = []
    names = [(g, f) for g in range(len(GIVEN)) for f in range(len(FAMILY))]
    rng.shuffle(names)
    fields = list(FIELDS)
    for index in range(size):
        given, family = names[index % len(names)]
        field_name = rng.choice(fields)
        people.append(
            Person(
                id=f"p{index}",
                given=given,
                family=family,
                city=rng.randrange(len(CITIES)),
                field=field_name,
                employer=rng.randrange(len(FIELDS[field_name][1])),
                spelling=(rng.randrange(len(GIVEN[given][0])), 0),
                has_arabic=rng.random() < 0.6,
            )
        )
    # Namesake pairs inside the registry: the same full name, another life.
    for index in range(0, min(size, 40), 4):
        twin = people[index]
        other_field = rng.choice([f for f in fields if f != twin.field])
        other_city = rng.choice([c for c in range(len(CITIES)) if CITIES[c][3] != CITIES[twin.city][3]])
        people.append(
            Person(
                f"p{len(people)}",
                twin.given,
                twin.family,
                other_city,
                other_field,
                0,
                twin.spelling,
                twin.has_arabic,
            )
        )
    return people


def _write_name(rng, person: Person, language: str) -> tuple[str, str]:
    """The person as the article writes them, and the form label."""
    if language == "ar":
        arabic = person.arabic()
        choice = rng.random()
        if choice < 0.25:
            arabic = arabic.replace("ة", "ه").replace("ى", "ي").replace("إ", "ا").replace("أ", "ا")
        if choice > 0.75:
            return f"{arabic} ({person.latin(rng.randrange(len(GIVEN[person.given][0])))})", "parenthesised"
        return arabic.replace("بن جلون", rng.choice(["بن جلون", "بنجلون"])), "arabic"
    choice = rng.random()
    if choice < 0.35:
        return person.latin(), "exact"
    if choice < 0.7:
        given = rng.randrange(len(GIVEN[person.given][0]))
        family = rng.randrange(len(FAMILY[person.family][0]))
        written = person.latin(given, family)
        return written, "exact" if written == person.latin() else "variant"
    g = GIVEN[person.given][0][person.spelling[0]]
    f = FAMILY[person.family][0][person.spelling[1]].upper()
    return (f"{f} {g}" if rng.random() < 0.3 else f"{g} {f}"), "capitals"


def _fill(
    template: str,
    rng,
    person: Person | None,
    language: str,
    name: str,
    *,
    city=None,
    field_name=None,
    employer=None,
) -> str:
    city = person.city if city is None else city
    field_name = person.field if field_name is None else field_name
    employer = (person.employer if employer is None else employer) if person else 0
    employers = FIELDS[field_name][1]
    other = f"{rng.choice(['Sofia', 'Lucas', 'Emma', 'Jonas', 'Ines'])} {rng.choice(['Martin', 'Keller', 'Rossi', 'Jansen'])}"
    return template.format(
        name=name,
        occ=FIELDS[field_name][0][language],
        emp=employers[employer % len(employers)][1 if language == "ar" else 0],
        city=CITIES[city][LANG_CITY[language]],
        country=country_name(CITIES[city][3], language),
        prize=rng.choice(PRIZES),
        newco=rng.choice(NEW_COMPANIES),
        other=other,
    )


def _filler(rng, language: str, city: int, count: int) -> list[str]:
    values = {
        "home": rng.choice(texts.HOMES[language]),
        "year": rng.randrange(1995, 2015),
        "year2": rng.randrange(2027, 2031),
        "years": rng.randrange(3, 25),
        "n": rng.randrange(3, 90),
        "month": rng.choice(texts.MONTHS[language]),
        "city": CITIES[city][LANG_CITY[language]],
        "assoc": rng.choice(texts.ASSOCIATIONS),
        "decade": rng.choice([1970, 1980, 1990, 2000]),
    }
    return [
        t.format(**values)
        for t in rng.sample(texts.FILLER[language] if count else texts.NOISE[language], abs(count) or 3)
    ]


def _boilerplate_names(rng, people, language) -> list[str]:
    chosen = rng.sample(people, 4)
    return [p.arabic() if language == "ar" else p.latin() for p in chosen]


def _page(
    outlet: str, language: str, title: str, paragraphs: list[str], rng, people, canonical: str
) -> bytes:
    direction = "rtl" if language == "ar" else "ltr"
    names = _boilerplate_names(rng, people, language)
    ticker = " · ".join(f"{n} : {w}" for n, w in zip(names[:2], ("interview", "portrait"), strict=True))
    most_read = "".join(f"<li><a href='/a/{rng.randrange(999)}'>{escape(n)}</a></li>" for n in names)
    read_also = f"<div class='read-also'><strong>Lire aussi</strong><a href='/x'>{escape(names[1])} : un parcours</a></div>"
    body = "".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    style = {
        "lematin-diaspora": "<header><nav><a href='/'>Accueil</a><a href='/monde'>Monde</a></nav>"
        f"<div class='ticker'>{escape(ticker)}</div></header>",
        "echos-du-monde": f"<div id='cookie'>Nous utilisons des cookies. <button>OK</button></div><nav class='menu'>"
        f"<ul><li>{escape(names[2])}</li><li>Économie</li></ul></nav>",
    }.get(
        outlet,
        f"<header class='site'><a href='/'>{escape(outlet)}</a><div class='flash'>{escape(ticker)}</div></header>",
    )
    return (
        f"<!doctype html><html lang='{language}' dir='{direction}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)} | {outlet}</title><link rel='canonical' href='{canonical}'></head><body>"
        f"{style}<main><article><h1>{escape(title)}</h1><p class='byline'>{outlet}</p>{body}{read_also}</article>"
        f"<aside class='most-read'><h2>Les plus lus</h2><ol>{most_read}</ol></aside></main>"
        f"<footer><p>© {outlet} — {escape(names[3])}, directeur de la publication. Mentions légales.</p></footer>"
        "</body></html>"
    ).encode()


def generate(seed: int = 7, stories: int = 150, registry_size: int = 300) -> Dataset:
    rng = random.Random(seed)
    people = _registry(rng, registry_size)
    by_name: dict[tuple, list[Person]] = {}
    for person in people:
        by_name.setdefault((person.given, person.family), []).append(person)
    twins = [group for group in by_name.values() if len(group) > 1]
    files: dict[str, tuple[str, bytes]] = {}
    gold: dict[str, Gold] = {}
    items: dict[str, list] = {o[0]: [] for o in OUTLETS}
    start = datetime(2026, 11, 1, 8, 0, tzinfo=UTC)
    kinds = (
        ["distinction"] * 40
        + ["incidental"] * 18
        + ["namesake"] * 16
        + ["partial"] * 8
        + ["twin"] * 10
        + ["noise"] * 8
    )

    def publish(
        outlet_index, story_id, kind, title, paragraphs, links, namesake_of=(), twin_ids=(), teaser=""
    ):
        outlet, language, _feed, summary_only, _relative = OUTLETS[outlet_index]
        path = f"/{outlet}/{story_id}-{len(items[outlet])}.html"
        files[path] = (
            "text/html; charset=utf-8",
            _page(outlet, language, title, paragraphs, rng, people, path),
        )
        gold[path] = Gold(
            path, outlet, language, kind, story_id, list(links), list(namesake_of), list(twin_ids)
        )
        items[outlet].append(
            (path, title, paragraphs, teaser if summary_only else "", start + timedelta(hours=len(gold)))
        )

    for number in range(stories):
        kind = rng.choice(kinds)
        outlet_index = rng.randrange(len(OUTLETS))
        language = OUTLETS[outlet_index][1]
        if rng.random() < 0.1:  # an item in another language than its outlet's usual one
            language = rng.choice([x for x in ("fr", "en", "ar") if x != language])
        story = f"s{number}"
        filler = _filler(rng, language, rng.randrange(len(CITIES)), 5)
        links, namesake_of, twin_ids = [], [], []
        if kind in ("distinction", "incidental", "twin"):
            if kind == "twin":
                group = rng.choice(twins)
                person = rng.choice(group)
                twin_ids = [p.id for p in group]
            else:
                person = rng.choice(people)
            name, form = _write_name(rng, person, language)
            if kind == "incidental":
                role = rng.choice(list(texts.INCIDENTAL))
                sentence = _fill(texts.INCIDENTAL[role][language], rng, person, language, name)
                distinction = "none"
                title_key = "incidental"
            else:
                distinction = rng.choice(list(texts.DISTINCTION))
                sentence = _fill(texts.DISTINCTION[distinction][language], rng, person, language, name)
                title_key = distinction
            lead = _fill(rng.choice(texts.LEADS[language]), rng, person, language, name)
            paragraphs = [lead, sentence, *filler]
            links = [{"person": person.id, "form": form, "distinction": distinction}]
            title = _fill(texts.TITLES[title_key][language], rng, person, language, name)
        elif kind == "namesake":
            person = rng.choice(people)
            name, _form = _write_name(rng, person, language)
            # Someone else: no registry holder of this name lives in that country or works in that field.
            holders = by_name[(person.given, person.family)]
            other_field = rng.choice([f for f in FIELDS if all(f != h.field for h in holders)])
            countries = {CITIES[h.city][3] for h in holders}
            other_city = rng.choice([c for c in range(len(CITIES)) if CITIES[c][3] not in countries])
            sentence = _fill(
                texts.NAMESAKE[language], rng, person, language, name, city=other_city, field_name=other_field
            )
            paragraphs = [sentence, *filler]
            namesake_of = [p.id for p in by_name[(person.given, person.family)]]
            title = _fill(texts.TITLES["namesake"][language], rng, person, language, name, city=other_city)
        elif kind == "partial":
            a, b = rng.sample(people, 2)
            while (a.given, b.family) in by_name:
                a, b = rng.sample(people, 2)
            mixed = Person("x", a.given, b.family, b.city, b.field, 0, (0, 0), True)
            name = mixed.arabic() if language == "ar" else mixed.latin()
            sentence = _fill(texts.PARTIAL[language], rng, mixed, language, name)
            paragraphs = [sentence, *filler]
            title = _fill(texts.TITLES["noise"][language], rng, mixed, language, name)
        else:
            city = rng.randrange(len(CITIES))
            paragraphs = _filler(rng, language, city, 0)
            title = texts.TITLES["noise"][language].format(city=CITIES[city][LANG_CITY[language]])
        # The teaser stops before the name, as many feeds do.
        teaser = paragraphs[0][:60].rsplit(" ", 1)[0] + " …" if kind != "noise" else paragraphs[0]
        if kind in ("distinction", "incidental", "twin") and links:
            teaser = _fill(rng.choice(texts.LEADS[language]), rng, person, language, "")[:70] + " …"
        publish(outlet_index, story, kind, title, paragraphs, links, namesake_of, twin_ids, teaser)
        # Syndicated copies: another outlet of the same language, a new title, reworded and reordered.
        if kind == "distinction" and rng.random() < 0.35:
            copies = [
                i for i, o in enumerate(OUTLETS) if o[1] == OUTLETS[outlet_index][1] and i != outlet_index
            ]
            copy_outlet = rng.choice(copies)
            reworded = [
                paragraphs[1],
                paragraphs[0],
                *paragraphs[2:6],
                *_filler(rng, language, person.city, 1),
            ]
            copy_title = _fill(texts.COPY_TITLES[language], rng, person, language, name)
            publish(copy_outlet, story, kind, copy_title, reworded, links, teaser=teaser)

    feeds = []
    for outlet, language, kind, _summary_only, relative in OUTLETS:
        path = f"/{outlet}/feed.xml"
        files[path] = (
            "application/xml; charset=utf-8",
            _feed(outlet, language, kind, relative, items[outlet]),
        )
        feeds.append((outlet, path, kind, language))
    files["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
    return Dataset(people=people, files=files, feeds=feeds, gold=gold)


def _feed(outlet, language, kind, relative, entries) -> bytes:
    def link(path):
        return path if relative else f"{{base}}{path}"

    if kind == "rss":
        parts = [
            f"<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel><title>{outlet}</title>"
            f"<link>{{base}}/{outlet}/</link><language>{language}</language>"
        ]
        for path, title, paragraphs, teaser, when in entries:
            description = teaser or " ".join(paragraphs)
            content = (
                ""
                if teaser
                else f"<content:encoded>{escape(''.join(f'<p>{p}</p>' for p in paragraphs))}</content:encoded>"
            )
            parts.append(
                f"<item><title>{escape(title)}</title><link>{link(path)}</link><guid>{path}</guid>"
                f"<pubDate>{format_datetime(when.astimezone(_offset()))}</pubDate>"
                f"<description>{escape(description)}</description>{content}</item>"
            )
        parts.append("</channel></rss>")
        return (
            "".join(parts)
            .replace(
                "<rss version='2.0'>",
                "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'>",
            )
            .encode()
        )
    parts = [
        f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom' xml:lang='{language}'>"
        f"<title>{outlet}</title><id>urn:{outlet}</id><updated>2026-11-30T00:00:00Z</updated>"
    ]
    for path, title, paragraphs, teaser, when in entries:
        body = (
            f"<summary>{escape(teaser)}</summary>"
            if teaser
            else f"<content type='html'>{escape(''.join(f'<p>{p}</p>' for p in paragraphs))}</content>"
        )
        parts.append(
            f"<entry><title>{escape(title)}</title><link href='{link(path)}'/><id>urn:{path}</id>"
            f"<updated>{when.astimezone(_offset()).isoformat()}</updated>"
            f"<published>{when.astimezone(_offset()).isoformat()}</published>{body}</entry>"
        )
    parts.append("</feed>")
    return "".join(parts).encode()


def _offset():
    return dt_timezone(timedelta(hours=1))
