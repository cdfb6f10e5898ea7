"""schemathesis against the live schema, in-process over WSGI, as a visitor and as a member.

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

from cms import factories as cms_factories
from community.notifications.factories import NotificationFactory
from community.profiles.factories import ProjectFactory
from events.factories import EventFactory, OccurrenceFactory, RSVPFactory

from .conftest import token_for

CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]
MAX_EXAMPLES = 25


@pytest.fixture
def data(tree, member):
    ProjectFactory(owner=member.profile)
    NotificationFactory(recipient=member)
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


@pytest.mark.parametrize("who", ["visitor", "member"])
def test_schemathesis_finds_no_server_error_and_no_schema_violation(data, member, who, kept_connection):
    headers = {"Authorization": f"Bearer {token_for(member)}"} if who == "member" else {}
    operations, cases = _run(headers)
    print(f"schemathesis ({who}): {operations} operations, {cases} cases, 0 failures")
    assert operations == 8 and cases >= operations
