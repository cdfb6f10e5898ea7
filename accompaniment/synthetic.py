"""Cases with a plausible history, written in bulk: the demo's 40 cases and the benchmark's 20,000.

Each case walks the default path from "received" for a number of steps (or leaves by an exit), with
durations drawn around each stage's service level, so the board, the overdue view and the funnel have
breaches, medians and conversions to show.
"""

import random
from datetime import timedelta

from django.utils import timezone

from .models import Case, Stage, TimelineEntry
from .sla import due_for

PATH = ["received", "qualified", "oriented", "in-accompaniment", "launched", "closed"]
EXITS = ["abandoned", "not-eligible"]


def _history(rng, stages, created):
    """[(from_key, to_key, at, seconds_in_from, breached)] and the final stage key."""
    steps = rng.choices(range(len(PATH)), weights=[18, 16, 14, 22, 14, 16])[0]
    leave = rng.random() < 0.15 and steps < 4
    moves, at, current = [], created, PATH[0]
    targets = PATH[1 : steps + 1] + ([rng.choice(EXITS)] if leave else [])
    for target in targets:
        sla = stages[current].sla_days or 10
        days = max(0.2, rng.gauss(sla * 1.2, sla * 0.6))
        left = at + timedelta(days=days)
        due = due_for(stages[current], at)
        moves.append((current, target, left, int((left - at).total_seconds()), bool(due and due < left)))
        at, current = left, target
    return moves, current, at


def cases_create(projects, *, advisors, relays_by_country, rng=None, now=None, spread_days=540, batch=2000):
    """One case per project, with its timeline; returns how many cases were written."""
    rng = rng or random.Random(16)  # noqa: S311 (synthetic data, not security)
    now = now or timezone.now()
    stages = {s.key: s for s in Stage.objects.all()}
    written = 0
    for start in range(0, len(projects), batch):
        chunk = projects[start : start + batch]
        cases, histories = [], []
        for project in chunk:
            created = now - timedelta(days=rng.uniform(1, spread_days))
            moves, final_key, entered = _history(rng, stages, created)
            if entered > now:  # a history running into the future stops today
                entered = now - timedelta(hours=1)
            final = stages[final_key]
            country = project.owner.country or ""
            advisor = rng.choice(advisors) if advisors and rng.random() < 0.92 else None
            relay_options = relays_by_country.get(country) or []
            launched = final.kind == Stage.Kind.SUCCESS or final_key == "closed"
            cases.append(
                Case(
                    project=project,
                    holder_id=project.owner.user_id,
                    advisor=advisor,
                    relay=rng.choice(relay_options) if relay_options else None,
                    stage=final,
                    region=project.region,
                    sector=project.sector,
                    country=country,
                    needs=rng.sample(
                        ["mentoring", "expertise", "investment", "teaching"], k=rng.randint(1, 3)
                    ),
                    needs_text="",
                    funding_sought=rng.choice([200_000, 500_000, 1_500_000, 4_000_000]),
                    funding_secured=rng.choice([None, 100_000, 400_000]) if len(moves) > 2 else None,
                    jobs_planned=rng.randint(1, 30),
                    jobs_created=rng.randint(0, 25) if launched else None,
                    investment=rng.choice([150_000, 600_000, 2_000_000]) if launched else None,
                    next_step="" if final.is_final else "Rendez-vous",
                    created_at=created,
                    stage_entered_at=entered,
                    due_at=None if final.is_final else due_for(final, entered),
                    first_answer_at=moves[0][2] if moves else None,
                    closed_at=entered if final.is_final else None,
                    version=1 + len(moves),
                )
            )
            histories.append(moves)
        Case.objects.bulk_create(cases, batch_size=1000)
        entries = []
        for case, moves in zip(cases, histories, strict=True):
            entries.append(
                TimelineEntry(
                    case=case,
                    at=case.created_at,
                    kind="created",
                    to_stage=stages["received"],
                    first_visit=True,
                )
            )
            for from_key, to_key, at, seconds, breached in moves:
                entries.append(
                    TimelineEntry(
                        case=case,
                        at=min(at, now),
                        actor=case.advisor,
                        kind="transition",
                        from_stage=stages[from_key],
                        to_stage=stages[to_key],
                        seconds_in_stage=seconds,
                        breached=breached,
                        first_visit=True,
                    )
                )
        TimelineEntry.objects.bulk_create(entries, batch_size=2000)
        written += len(cases)
    return written
