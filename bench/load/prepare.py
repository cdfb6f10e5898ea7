"""Set-up of the load scenario, run by bench/load/run.py inside Django (production settings).

    python bench/load/prepare.py members COUNT         # once, on the base database after seed_demo
    python bench/load/prepare.py scenario OUT.json CAPACITY ROWS   # on each run's copy of it

"members": COUNT signed-up members with a known password, a verified address, the member role, the
sign-up consents (directory, matching) and a directory profile from bench/directory.py's lists, their
matching features, and a chat room (a multi conversation) per ten consecutive members.
"scenario": a public platform event with one session and a small capacity (the popular event), an
analyst's source, and what the locust file needs written to OUT.json.
"""

import json
import random
import sys
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "site"), str(ROOT / "bench")]

EMAIL = "load{:05d}@load.example"
PASSWORD = "load-bench-2026"  # noqa: S105 (bench accounts on a throwaway database)
ROOM = 10


def members(count: int) -> None:
    from allauth.account.models import EmailAddress
    from directory import (
        ARABIC_FIRST,
        ARABIC_LAST,
        CITIES,
        COUNTRIES,
        HEADLINES,
        LANGUAGES,
        LATIN_FIRST,
        LATIN_LAST,
        SKILLS,
    )
    from taggit.models import Tag

    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.auth.models import Group

    from accounts.roles import MEMBER
    from community.messaging.models import Conversation, Participant
    from community.profiles.choices import Contribution, Region
    from community.profiles.models import Profile, TaggedSkill
    from community.profiles.services import profile_denormalise
    from core.sectors import SectorChoice
    from matching.features import embed_pending, profile_features_refresh
    from privacy.models import ConsentPurpose
    from privacy.services import signup_consents_record

    started = time.perf_counter()
    rng = random.Random(20261206)  # noqa: S311 (bench data)
    User = get_user_model()
    password = make_password(PASSWORD)
    users = User.objects.bulk_create(
        [
            User(email=EMAIL.format(i), password=password, preferred_language=rng.choice(["fr", "ar", "en"]))
            for i in range(count)
        ]
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users]
    )
    Group.objects.get(name=MEMBER).user_set.add(*users)
    tags = {}
    for name in SKILLS:
        tags[name], _created = Tag.objects.get_or_create(
            slug=name.lower().replace(" ", "-"), defaults={"name": name}
        )
    profiles, skill_sets = [], []
    for user in users:
        first, last = rng.randrange(len(LATIN_FIRST)), rng.randrange(len(LATIN_LAST))
        skills = rng.sample(SKILLS, rng.randint(2, 5))
        profile = Profile(
            user=user,
            display_name=f"{LATIN_FIRST[first]} {LATIN_LAST[last]}",
            name_arabic=f"{ARABIC_FIRST[first]} {ARABIC_LAST[last]}",
            country=rng.choice(COUNTRIES),
            city=rng.choice(CITIES),
            region_of_origin=rng.choice(Region.values),
            headline=rng.choice(HEADLINES).format(s=skills[0]),
            bio=f"{rng.randint(3, 30)} years in {skills[-1].lower()}.",
            sectors=rng.sample(SectorChoice.values, rng.randint(1, 3)),
            languages=rng.sample(LANGUAGES, rng.randint(1, 3)),
            contributions=rng.sample(Contribution.values, rng.randint(1, 3)),
            years_experience=rng.randint(1, 35),
        )
        profiles.append(profile_denormalise(profile, skills))
        skill_sets.append(skills)
    profiles = Profile.objects.bulk_create(profiles)
    TaggedSkill.objects.bulk_create(
        [
            TaggedSkill(content_object=profile, tag=tags[name])
            for profile, skills in zip(profiles, skill_sets, strict=True)
            for name in skills
        ]
    )
    for user in users:  # the notice and one decision per purpose, as the sign-up form records them
        signup_consents_record(
            user=user, granted_purposes=[ConsentPurpose.DIRECTORY, ConsentPurpose.MATCHING]
        )
    for profile in profiles:
        profile_features_refresh(profile.pk, embed=False)
    embedded = embed_pending()
    for start in range(0, count, ROOM):
        room = Conversation.objects.create(kind=Conversation.Kind.MULTI, title=f"Load room {start // ROOM}")
        Participant.objects.bulk_create(
            [Participant(conversation=room, user=u) for u in users[start : start + ROOM]]
        )
    print(
        f"  {count} members, {embedded} profiles embedded, rooms of {ROOM}: "
        f"{time.perf_counter() - started:.0f} s"
    )


def scenario(out: str, capacity: int, rows: int) -> None:
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from community.messaging.models import Conversation
    from events.models import Event
    from events.occurrences import session_key
    from referential.models import Source

    User = get_user_model()
    start = (timezone.now() + timedelta(days=10)).replace(minute=0, second=0, microsecond=0)
    event = Event.objects.create(
        organiser_kind=Event.OrganiserKind.PLATFORM,
        title_fr="Rencontre de la diaspora (charge)",
        title_ar="لقاء الجالية (اختبار الحمل)",
        title_en="Diaspora meet-up (load)",
        description_fr="Places limitées.",
        city="Paris",
        country="FR",
        start=start,
        end=start + timedelta(hours=2),
        visibility=Event.Visibility.PUBLIC,
        capacity=capacity,
    )
    source = Source.objects.create(name=f"Load consulate {event.pk}", kind="consulate", country="FR", trust=4)
    rooms = {
        room.title: room.pk
        for room in Conversation.objects.filter(kind=Conversation.Kind.MULTI, title__startswith="Load room ")
    }
    members = User.objects.filter(email__endswith="@load.example").count()

    from cms.models import NewsArticlePage, ProgrammePage

    def first_url(model, language):
        page = model.objects.live().filter(locale__language_code=language).first()
        return page.url if page else None

    pages = {}
    for language in ("fr", "ar", "en"):
        pages[language] = {
            "home": f"/{language}/",
            "programmes": first_url(ProgrammePage, language),
            "news": first_url(NewsArticlePage, language),
            "events": f"/{language}/events/",
        }
    analyst = User.objects.filter(groups__name="analyst").order_by("pk").first()
    data = {
        "event": {"id": event.pk, "session": session_key(start), "capacity": capacity},
        "rooms": [rooms[f"Load room {i}"] for i in range(len(rooms))],
        "room_size": ROOM,
        "members": members,
        "email": EMAIL,
        "password": PASSWORD,
        "pages": pages,
        "source": source.pk,
        "analyst": analyst.pk if analyst else None,
        "rows": rows,
    }
    Path(out).write_text(json.dumps(data, indent=2))


def main() -> None:
    import django

    django.setup()
    if sys.argv[1] == "members":
        members(int(sys.argv[2]))
    else:
        scenario(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))


if __name__ == "__main__":
    main()
