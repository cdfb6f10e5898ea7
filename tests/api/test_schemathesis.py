"""schemathesis against the live schema, in-process over WSGI, as a visitor, a member and a staff token.

Every operation is fuzzed with a bounded number of examples (the run stays well under a minute); the
checks are: no server error, the status code and content type are documented, the body fits the schema.
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from django.core.signals import request_finished, request_started
from django.core.wsgi import get_wsgi_application
from django.db import close_old_connections

from accompaniment.factories import AdvisorFactory, CaseFactory
from accompaniment.models import Stage
from accompaniment.stages import stages_ensure
from accounts.factories import UserFactory
from accounts.roles import ADMIN
from api.scopes import ALL_SCOPES, MEMBER_SCOPES
from cms import factories as cms_factories
from community.messaging.factories import DirectConversationFactory, message
from community.notifications.factories import NotificationFactory
from community.profiles.factories import ProjectFactory
from events.factories import EventFactory, OccurrenceFactory, RSVPFactory
from matching.segmentation.models import Segment
from referential.linkage.factories import SourceRecordFactory
from referential.linkage.models import GoldenRecord, RecordLink
from watch.models import Article, Link, Mention
from watch.models import Source as WatchSource

from .conftest import token_for

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
MAX_EXAMPLES = 25


@pytest.fixture
def data(tree, member):
    stages_ensure(Stage)
    ProjectFactory(owner=member.profile)
    record = SourceRecordFactory(family_name="Alaoui", country="FR")
    golden = GoldenRecord.objects.create(display_name="Mohamed Alaoui", fields={"city": "Paris"})
    RecordLink.objects.create(key=f"s:{record.pk}", golden=golden, source_record=record)
    Segment.objects.create(name="Ingénieurs", filters={"country": "FR"})
    CaseFactory(advisor=AdvisorFactory())
    source = WatchSource.objects.create(name="News", url="https://news.example/feed")
    article = Article.objects.create(source=source, url="https://news.example/a", title="Prix")
    mention = Mention.objects.create(article=article, surface="Amina", start=0, end=5, paragraph="Amina")
    Link.objects.create(mention=mention, person_id="g:1", person_name="Amina", score=0.9)
    NotificationFactory(recipient=member)
    conversation = DirectConversationFactory(initiator=member)
    message(conversation, member, "Salam")
    RSVPFactory(occurrence=OccurrenceFactory(event=EventFactory()), user=member)
    cms_factories.ProgrammePageFactory(parent=tree.fr.programmes, title="Brouillon", live=False)


@pytest.fixture
def kept_connection():
    """Requests go through the real WSGI handler, whose signals close the database connection at each
    request's start and end; the test's transaction lives on it (Django's test client does the same)."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _run(headers):
    schema = schemathesis.openapi.from_wsgi("/api/v1/schema/", get_wsgi_application())
    cases = 0
    operations = 0
    for result in schema.get_all_operations():
        operation = result.ok()
        operations += 1

        @given(case=operation.as_strategy())
        @settings(
            max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None
        )
        def check(case):
            nonlocal cases
            cases += 1
            case.call_and_validate(headers=headers, checks=CHECKS)

        check()
    return operations, cases


def _headers(who, member):
    if who == "visitor":
        return {}
    if who == "member":
        return {"Authorization": f"Bearer {token_for(member, scopes=sorted(MEMBER_SCOPES))}"}
    admin = UserFactory(roles=[ADMIN], two_factor=True)
    return {"Authorization": f"Bearer {token_for(admin, scopes=ALL_SCOPES)}"}


@pytest.mark.parametrize("who", ["visitor", "member", "staff"])
def test_schemathesis_finds_no_server_error_and_no_schema_violation(data, member, who, kept_connection):
    operations, cases = _run(_headers(who, member))
    print(f"schemathesis ({who}): {operations} operations, {cases} cases, 0 failures")
    assert operations == 17 and cases >= operations
