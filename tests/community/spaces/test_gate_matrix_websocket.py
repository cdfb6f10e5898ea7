"""The websocket column of the gate matrix (see test_gate_matrix.py), on a transactional database."""

import pytest

from .test_gate_matrix import ROLES, gate_holds

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize("role", ROLES)
def test_the_gate_holds_on_the_websocket(role, gated, people):
    assert gate_holds(role, "websocket", gated, people)
