"""Service levels counted in working days (Monday to Friday, the ministry's week)."""

from datetime import timedelta


def add_working_days(start, days: int):
    """``start`` moved forward by ``days`` working days; a weekend start counts from the next Monday."""
    current = start
    while current.weekday() >= 5:
        current += timedelta(days=1)
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if current.weekday() < 5:
            remaining -= 1
    return current


def due_for(stage, entered_at):
    return add_working_days(entered_at, stage.sla_days) if stage.sla_days else None
