from datetime import timedelta

import pytest

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from accompaniment import services
from accompaniment.factories import stage
from accompaniment.models import Stage, Task
from accompaniment.tasks import accompaniment_reminders_send


def test_admins_configure_stages_in_the_django_admin(client, admin_user):
    client.force_login(admin_user)
    assert client.get(reverse("admin:accompaniment_stage_changelist")).status_code == 200
    received = stage("received")
    page = client.get(reverse("admin:accompaniment_stage_change", args=[received.pk]))
    assert page.status_code == 200
    assert client.get(reverse("admin:accompaniment_stage_delete", args=[received.pk])).status_code == 403


def test_a_stage_configured_by_an_admin_changes_the_rules(case, advisor):
    qualified = stage("qualified")
    qualified.required_fields = ["funding_secured"]
    qualified.save()
    moved = services.case_transition(
        actor=advisor, case_id=case.pk, to_stage=qualified, fields={"funding_secured": 1000}
    )
    assert moved.funding_secured == 1000
    Stage.objects.filter(key="oriented").update(mover_roles=["admin"])
    with pytest.raises(PermissionDenied):
        services.case_transition(
            actor=advisor, case_id=case.pk, to_stage=stage("oriented"), fields={"next_step": "x"}
        )


def test_overdue_task_reminders_once_a_day(case, advisor, django_capture_on_commit_callbacks):
    Task.objects.create(case=case, title="Appeler", due_on=timezone.localdate() - timedelta(days=2))
    with django_capture_on_commit_callbacks(execute=True):
        assert accompaniment_reminders_send() >= 1
    assert accompaniment_reminders_send() == 0
    assert advisor.notifications.filter(kind=services.NOTIFICATION_KIND).exists()
