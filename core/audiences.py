"""Audiences: how the app that sends campaigns (outreach) reads the people other apps hold, without
importing them (edge apps never import each other).

An app that holds people registers a source from its ``AppConfig.ready()``::

    registry.add_audience_source("events.attendees", EventAttendees())

A source has:

- ``key`` (the registry key) and ``label`` (what staff read when choosing an audience);
- ``items(user)`` → ``[(item_key, label), …]``: what this staff member may choose (a saved segment, an
  event, every source of the referential…); the sender refuses an item that is not in this list;
- ``filters()`` → ``[AudienceFilter, …]``: extra narrowing the source understands (may be empty);
- ``recipients(item_key, filters)`` → an iterable of member user ids (``int``) and ``Contact`` objects for
  people who are not members. The source applies its own rules (a segment holds only members who
  consented to matching); the sender then applies the campaign's (consent for its purpose,
  unsubscriptions, suppressions, first contact), so that it can say who is left out and why.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Protocol


@dataclass(frozen=True)
class AudienceFilter:
    """One narrowing a source offers: ``choices()`` → ``[(value, label), …]``, several may be chosen."""

    name: str
    label: object
    choices: Callable[[], list]


@dataclass(frozen=True)
class Contact:
    """Someone reached without an account: only with a first-contact invitation (law 09-08).

    ``key`` is stable and opaque ("referential:g:12"); ``origin`` says where the data came from, in words
    the message shows the person (the information duty); ``language`` and ``country`` may be blank.
    """

    key: str
    email: str
    name: str = ""
    language: str = ""
    country: str = ""
    origin: str = ""
    extra: dict = field(default_factory=dict, compare=False, hash=False)


class AudienceSource(Protocol):
    key: str
    label: object

    def items(self, user) -> list[tuple[str, str]]: ...

    def filters(self) -> list[AudienceFilter]: ...

    def recipients(self, item_key: str, filters: dict) -> Iterable[int | Contact]: ...
