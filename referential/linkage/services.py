"""Writes of record linkage: runs, analysts' decisions, golden records (merge, unmerge, values, claims).

A run scores every pair of input records (source records and member accounts) with the engine;
pairs at or above LINKAGE_AUTO_MERGE_PROBABILITY merge automatically, pairs between that and
LINKAGE_REVIEW_PROBABILITY wait for an analyst. Golden records are then the connected groups of
auto-merged and analyst-matched pairs, never joining two records an analyst said are different
people; a waiting pair whose two golden records have no other candidate joins them too (sole
candidates). Existing golden records keep their identity from run to run; every change is an event.
"""

from __future__ import annotations

import json
import logging
import math
import secrets
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from core.audit import audit_record
from core.models import AuditLog
from referential.models import SourceRecord
from referential.validation import format_partial_date

from .dates import birth_dates_conflict
from .models import (
    GOLDEN_FIELDS,
    CandidatePair,
    GoldenEvent,
    GoldenRecord,
    LinkageAction,
    LinkageRun,
    RecordLink,
)

log = logging.getLogger(__name__)

SOURCE_PREFIX = "s:"
MEMBER_PREFIX = "u:"
# What members say about themselves weighs like a well-trusted source (sources are 1–5).
MEMBER_TRUST = 4
BUNDLED_MODEL = Path(__file__).with_name("bundled_model.json")


def _pair_keys(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)


_AUDIT_KINDS = {
    LinkageAction.VIEW_GOLDEN: AuditLog.Kind.READ,
    LinkageAction.VIEW_PAIR: AuditLog.Kind.READ,
    LinkageAction.MEMBER_VIEW: AuditLog.Kind.READ,
    LinkageAction.EXPORT_GOLDEN: AuditLog.Kind.EXPORT,
    LinkageAction.EXPORT_LINKS: AuditLog.Kind.EXPORT,
}


def audit(user, action, *, golden=None, pair=None, detail=""):
    """Record a linkage action in the shared audit log ("linkage.<action>")."""
    audit_record(
        user,
        f"linkage.{action}",
        golden if golden is not None else pair,
        kind=_AUDIT_KINDS.get(action, AuditLog.Kind.CHANGE),
        detail=str(detail),
        golden=golden,
        pair=pair,
    )


# --------------------------------------------------------------------------------------------------
# Input records


def _split_display_name(name: str) -> tuple[str, str]:
    parts = (name or "").split()
    if not parts:
        return "", ""
    return parts[0], " ".join(parts[1:])


def member_rows(user_ids=None) -> list[dict]:
    """Member accounts as linkage input: email, and the profile's name, Arabic name, city, country."""
    users = get_user_model().objects.filter(is_active=True, profile__isnull=False).select_related("profile")
    if user_ids is not None:
        users = users.filter(pk__in=list(user_ids))
    rows = []
    for user in users:
        profile = user.profile
        given, family = _split_display_name(profile.display_name)
        rows.append(
            {
                "key": f"{MEMBER_PREFIX}{user.pk}",
                "source_name": None,
                "source_id": None,
                "trust": MEMBER_TRUST,
                "date": user.date_joined,
                "given_name": given,
                "family_name": family,
                "name_arabic": profile.name_arabic,
                "birth_date": None,
                "email": user.email.lower(),
                "phone": "",
                "city": profile.city,
                "country": profile.country,
            }
        )
    return rows


def source_rows(record_ids=None) -> list[dict]:
    records = SourceRecord.objects.select_related("source").order_by("id")
    if record_ids is not None:
        records = records.filter(pk__in=list(record_ids))
    return [
        {
            "key": f"{SOURCE_PREFIX}{r.pk}",
            "source_name": r.source.name,
            "source_id": r.source_id,
            "trust": r.source.trust,
            "date": r.imported_at,
            "given_name": r.given_name,
            "family_name": r.family_name,
            "name_arabic": r.name_arabic,
            # As precise as the source gave it: "1985", "1985-03" or "1985-03-12".
            "birth_date": format_partial_date(r.birth_date, r.birth_date_precision or "day") or None,
            "email": (r.email or "").lower(),
            "phone": r.phone,
            "city": r.city,
            "country": r.country,
            "external_id": r.external_id,
            "phone_raw": r.phone_raw,
            "warnings": r.warnings,
        }
        for r in records.iterator(chunk_size=5000)
    ]


def rows_for_keys(keys) -> dict[str, dict]:
    source_ids = [int(k[2:]) for k in keys if k.startswith(SOURCE_PREFIX)]
    user_ids = [int(k[2:]) for k in keys if k.startswith(MEMBER_PREFIX)]
    rows = source_rows(source_ids) + member_rows(user_ids)
    return {row["key"]: row for row in rows}


def _engine_record(row: dict) -> dict:
    return {
        "unique_id": row["key"],
        "source": row["source_name"] or "members",
        "given_name": row["given_name"] or None,
        "family_name": row["family_name"] or None,
        "name_arabic": row["name_arabic"] or None,
        "birth_date": row["birth_date"] or None,
        "email": row["email"] or None,
        "phone": row["phone"] or None,
        "city": row["city"] or None,
        "country": row["country"] or None,
    }


def _json_safe(value):
    """PostgreSQL's jsonb refuses NaN and infinities (an untrained level can carry one)."""
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _json_safe(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_safe(v) for v in value]
    return value


@lru_cache(maxsize=1)
def bundled_model() -> dict:
    """Weights learnt (without labels) on the synthetic population; used for runs too small to train."""
    return json.loads(BUNDLED_MODEL.read_text())


# --------------------------------------------------------------------------------------------------
# Runs


def linkage_run_start(user) -> LinkageRun:
    from .tasks import linkage_run_task  # tasks import these services

    run = LinkageRun.objects.create(
        created_by=user, backend=settings.LINKAGE_BACKEND, heartbeat_at=timezone.now()
    )
    audit(user, LinkageAction.RUN, detail=f"run {run.pk}")
    transaction.on_commit(lambda: linkage_run_task.delay(run.pk))
    return run


def linkage_run_execute(run_id: int) -> LinkageRun:
    """Score, store pairs, rebuild golden records. Idempotent: a finished run is left as it is, a run
    another worker is doing too; a run whose worker died (lease lapsed) starts again from the top, its
    results being written in one transaction at the end, so the dead worker left nothing half-written."""
    token = secrets.token_hex(16)
    with transaction.atomic():
        run = LinkageRun.objects.select_for_update().get(pk=run_id)
        if run.status == LinkageRun.Status.DONE:
            return run
        if run.status == LinkageRun.Status.RUNNING and not _run_lease_lapsed(run):
            return run
        run.status, run.started_at, run.error = LinkageRun.Status.RUNNING, timezone.now(), ""
        run.lease_token, run.heartbeat_at, run.attempts = token, timezone.now(), run.attempts + 1
        run.save(update_fields=["status", "started_at", "error", "lease_token", "heartbeat_at", "attempts"])
    try:
        _execute(run)
    except RunTakenOver:
        log.warning("Linkage run %s: another worker took it over; this one stops", run.pk)
        return LinkageRun.objects.get(pk=run.pk)
    except Exception as error:
        log.exception("Linkage run %s failed", run.pk)
        LinkageRun.objects.filter(pk=run.pk, lease_token=token).update(
            status=LinkageRun.Status.FAILED, error=str(error)[:2000], finished_at=timezone.now()
        )
        return LinkageRun.objects.get(pk=run.pk)
    return run


class RunTakenOver(Exception):
    """The run's lease passed to another worker while this one was scoring: its results are not written."""


def _run_lease_lapsed(run, now=None) -> bool:
    now = now or timezone.now()
    lease = timedelta(seconds=settings.LINKAGE_RUN_LEASE_SECONDS)
    return (run.heartbeat_at or run.created_at) < now - lease


def linkage_runs_resume(now=None) -> list[int]:
    """Runs whose worker died (running, lease lapsed) or whose queued task was lost are queued again;
    after LINKAGE_RUN_MAX_ATTEMPTS starts a run fails, for an analyst to look at. Idempotent (a beat)."""
    from .tasks import linkage_run_task  # tasks import these services

    now = now or timezone.now()
    stale = now - timedelta(seconds=settings.LINKAGE_RUN_LEASE_SECONDS)
    resumed = []
    waiting = [LinkageRun.Status.QUEUED, LinkageRun.Status.RUNNING]
    candidates = LinkageRun.objects.filter(status__in=waiting).filter(
        Q(heartbeat_at__lt=stale) | Q(heartbeat_at__isnull=True, created_at__lt=stale)
    )
    for run_id in candidates.values_list("pk", flat=True):
        with transaction.atomic():
            run = LinkageRun.objects.select_for_update().get(pk=run_id)
            if run.status not in waiting or not _run_lease_lapsed(run, now):
                continue
            if run.attempts >= settings.LINKAGE_RUN_MAX_ATTEMPTS:
                run.status, run.finished_at = LinkageRun.Status.FAILED, now
                run.error = LinkageRun.WORKER_LOST
                run.save(update_fields=["status", "finished_at", "error"])
                continue
            run.status, run.heartbeat_at = LinkageRun.Status.QUEUED, now
            run.save(update_fields=["status", "heartbeat_at"])
            transaction.on_commit(lambda pk=run_id: linkage_run_task.delay(pk))
            resumed.append(run_id)
    if resumed:
        log.warning("Linkage runs started again after their worker was lost: %s", resumed)
    return resumed


def _execute(run: LinkageRun) -> None:
    from . import engine  # Splink and DuckDB load only when a run starts, not in web processes

    started = time.perf_counter()
    rows = source_rows() + member_rows()
    by_key = {row["key"]: row for row in rows}
    auto = settings.LINKAGE_AUTO_MERGE_PROBABILITY
    review = settings.LINKAGE_REVIEW_PROBABILITY
    scored: list[tuple[dict, list]] = []
    if len(rows) >= 2:
        records = [_engine_record(row) for row in rows]
        if len(rows) >= settings.LINKAGE_MIN_TRAINING_RECORDS:
            result = engine.link(records, backend=run.backend or None, predict_threshold=min(review, 0.3))
            run.model_origin = "trained"
        else:
            result = engine.link(
                records,
                backend=run.backend or None,
                model=bundled_model(),
                predict_threshold=min(review, 0.3),
                estimate_prior=True,
            )
            run.model_origin = "bundled"
        run.model = _json_safe(result.model())
        run.timings = {k: round(v, 2) for k, v in result.timings.items()}
        table = result.pairs(review)
        scored = [(row, result.reasons(row)) for row in table.to_pylist()]
    with transaction.atomic():
        held = LinkageRun.objects.select_for_update().filter(pk=run.pk, lease_token=run.lease_token)
        if not held.exists():
            raise RunTakenOver(run.pk)
        auto_merged, to_review = _store_pairs(run, scored, auto)
        golden_count, refused, sole_list = _rebuild_golden_records(run, by_key)
        sole = set(sole_list)
        changed = list(CandidatePair.objects.filter(pk__in=[*refused, *sole]))
        for pair in changed:
            if pair.pk in sole:
                pair.status, pair.reasons = CandidatePair.Status.AUTO, [*pair.reasons, SOLE_CANDIDATE]
            else:
                pair.status, pair.reasons = CandidatePair.Status.PENDING, [*pair.reasons, DATES_DISAGREE]
        CandidatePair.objects.bulk_update(changed, ["status", "reasons"], batch_size=2000)
        run.records = len(rows)
        run.pairs_scored = len(scored)
        moved = len(sole) - len(refused)
        run.auto_merged, run.to_review = auto_merged + moved, to_review - moved
        run.golden_records = golden_count
        run.timings["total"] = round(time.perf_counter() - started, 2)
        run.status, run.finished_at = LinkageRun.Status.DONE, timezone.now()
        run.save()


def _store_pairs(run, scored, auto_threshold) -> tuple[int, int]:
    existing = {(p.left_key, p.right_key): p for p in CandidatePair.objects.all()}
    seen = set()
    to_create, to_update = [], []
    auto = pending = 0
    for row, reasons in scored:
        keys = _pair_keys(row["unique_id_l"], row["unique_id_r"])
        seen.add(keys)
        status = (
            CandidatePair.Status.AUTO
            if row["match_probability"] >= auto_threshold
            else CandidatePair.Status.PENDING
        )
        pair = existing.get(keys)
        if pair is None:
            pair = CandidatePair(left_key=keys[0], right_key=keys[1])
            to_create.append(pair)
        else:
            to_update.append(pair)
        pair.run = run
        pair.match_probability = float(row["match_probability"])
        pair.match_weight = float(row["match_weight"])
        pair.reasons = reasons
        if pair.status not in CandidatePair.DECIDED:
            pair.status = status
        if pair.status == CandidatePair.Status.AUTO:
            auto += 1
        elif pair.status == CandidatePair.Status.PENDING:
            pending += 1
    CandidatePair.objects.bulk_create(to_create, batch_size=2000)
    CandidatePair.objects.bulk_update(
        to_update, ["run", "match_probability", "match_weight", "reasons", "status"], batch_size=2000
    )
    # Undecided pairs this run no longer proposes go; decisions stay.
    stale = [
        p.pk for keys, p in existing.items() if keys not in seen and p.status not in CandidatePair.DECIDED
    ]
    CandidatePair.objects.filter(pk__in=stale).delete()
    return auto, pending


# --------------------------------------------------------------------------------------------------
# Golden records


REFUSED_BY_ANALYST, REFUSED_BY_DATES = "analyst", "dates"


class _Groups:
    """Union-find over record keys that refuses to join two groups an analyst said are different and,
    for automatic joins when ``dates`` (key → date of birth) are given, two groups whose dates of birth
    cannot be one person's: a record with no date joins a father's and his son's only once."""

    def __init__(self, keys, cannot: dict[str, set[str]], dates: dict[str, str | None] | None = None):
        self.parent = {k: k for k in keys}
        self.members = {k: {k} for k in keys}
        self.cannot = cannot
        self.dates = {k: {dates[k]} if dates and dates.get(k) else set() for k in keys}
        # Groups an analyst joined: their dates disagree on the analyst's word, so they veto nothing.
        self.confirmed: set[str] = set()

    def find(self, key):
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a, b, *, automatic: bool = False) -> str | None:
        """None when a and b are (now) in one group, else why not: REFUSED_BY_ANALYST or
        REFUSED_BY_DATES."""
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return None
        small, large = sorted((ra, rb), key=lambda r: len(self.members[r]))
        if any(self.cannot.get(k, set()) & self.members[large] for k in self.members[small]):
            return REFUSED_BY_ANALYST
        if (
            automatic
            and not {small, large} & self.confirmed
            and any(birth_dates_conflict(x, y) for x in self.dates[small] for y in self.dates[large])
        ):
            return REFUSED_BY_DATES
        self.parent[small] = large
        self.members[large] |= self.members.pop(small)
        self.dates[large] |= self.dates.pop(small)
        if not automatic or small in self.confirmed:
            self.confirmed.add(large)
        return None

    def groups(self) -> list[set[str]]:
        return list(self.members.values())


# Added to the reasons of a pair that scored high enough to merge but was held back for an analyst.
DATES_DISAGREE = {"comparison": "golden_record", "level": "dates_disagree", "weight": 0.0}
# Added to the reasons of a waiting pair merged because each side had no other candidate.
SOLE_CANDIDATE = {"comparison": "golden_record", "level": "sole_candidate", "weight": 0.0}
# Name levels that say the names agree: a sole candidate with another given name is a twin or a sibling.
AGREEING_NAMES = {"exact", "swapped", "same_tokens", "variant", "similar"}


def _rebuild_golden_records(run, by_key: dict[str, dict]) -> tuple[int, list[int], list[int]]:
    """(golden records in use, automatic pairs refused, waiting pairs merged as sole candidates): an
    automatic pair whose join would put two dates of birth that cannot be one person's in a golden
    record is not merged but left for an analyst, who may still merge it (analysts' matches are not
    checked)."""
    keys = set(by_key)
    cannot: dict[str, set[str]] = defaultdict(set)
    edges, waiting, joinable = [], [], {}
    for pair in CandidatePair.objects.all():
        if pair.status == CandidatePair.Status.PENDING:
            waiting.append(pair)
        elif pair.status == CandidatePair.Status.NON_MATCH:
            cannot[pair.left_key].add(pair.right_key)
            cannot[pair.right_key].add(pair.left_key)
        elif pair.left_key in keys and pair.right_key in keys:
            decided = pair.status == CandidatePair.Status.MATCH
            edges.append((not decided, -pair.match_probability, pair.left_key, pair.right_key, pair.pk))
            joinable[pair.pk] = pair
    groups = _Groups(sorted(keys), cannot, {key: row.get("birth_date") for key, row in by_key.items()})
    refused = []
    # Analysts' matches first, then the most probable.
    for automatic, _probability, a, b, pk in sorted(edges):
        if groups.join(a, b, automatic=automatic) == REFUSED_BY_DATES:
            refused.append(pk)
    # Pairs held back by dates are candidates too: they make a father's golden record his son's rival.
    candidates = [
        pair
        for pair in [*waiting, *(joinable[pk] for pk in refused)]
        if pair.left_key in keys and pair.right_key in keys
    ]
    sole = (
        _join_sole_candidates(groups, candidates, settings.LINKAGE_SOLE_CANDIDATE_PROBABILITY)
        if run.model_origin in settings.LINKAGE_SOLE_CANDIDATE_MODELS
        else []
    )
    components = sorted(groups.groups(), key=lambda g: (-len(g), min(g)))
    _assign(components, by_key, actor=None, run=run)
    count = GoldenRecord.objects.filter(merged_into=None, links__isnull=False).distinct().count()
    return count, refused, sole


def _join_sole_candidates(groups: _Groups, candidates, threshold: float) -> list[int]:
    """Join the two groups of a pair still apart when each is the other's only candidate: among the
    pairs a run left apart (waiting, or held back by dates), the group of a record has pairs with no
    other group. The pair must reach ``threshold`` and say the names agree, and the join still passes
    the date and analyst checks. Scores are pairwise and take every record for a stranger; a record
    with a single plausible match anywhere is more likely that person than its score says (on the
    hard set, 0.9-0.97 pairs are 84-95 % the same person, 89-100 % of those with sole candidates). A son
    known by one undated record still joins his namesake father: the threshold bounds how often."""
    apart = [(pair, groups.find(pair.left_key), groups.find(pair.right_key)) for pair in candidates]
    others: dict[str, set[str]] = defaultdict(set)
    for _pair, left, right in apart:
        if left != right:
            others[left].add(right)
            others[right].add(left)
    joined = []
    for pair, left, right in sorted(apart, key=lambda item: -item[0].match_probability):
        if (
            left != right
            and others[left] == {right}
            and others[right] == {left}
            and pair.match_probability >= threshold
            and any(r.get("comparison") == "name" and r.get("level") in AGREEING_NAMES for r in pair.reasons)
            and groups.join(pair.left_key, pair.right_key, automatic=True) is None
        ):
            joined.append(pair.pk)
    return joined


def _assign(components, by_key, *, actor, run) -> None:
    """Give each group of keys a golden record, reusing the ones its records already belong to."""
    all_keys = [k for comp in components for k in comp]
    links = {link.key: link for link in RecordLink.objects.filter(key__in=all_keys)}
    used: set[int] = set()
    moves: list[tuple[int, int, list[str]]] = []  # (from golden, to golden, keys)
    touched: set[int] = set()
    for comp in components:
        counts = Counter(links[k].golden_id for k in comp if k in links and links[k].golden_id not in used)
        if counts:
            golden = GoldenRecord.objects.get(pk=max(counts, key=lambda g: (counts[g], -g)))
            created = False
        else:
            golden = GoldenRecord.objects.create()
            created = True
        used.add(golden.pk)
        added, moved = [], defaultdict(list)
        for key in sorted(comp):
            link = links.get(key)
            if link is None:
                link = RecordLink(key=key, golden=golden)
                if key.startswith(SOURCE_PREFIX):
                    link.source_record_id = int(key[2:])
                else:
                    link.user_id = int(key[2:])
                link.save()
                links[key] = link
                added.append(key)
            elif link.golden_id != golden.pk:
                moved[link.golden_id].append(key)
                link.golden = golden
                link.save(update_fields=["golden"])
        if created:
            GoldenEvent.objects.create(
                golden=golden,
                kind=GoldenEvent.Kind.CREATED,
                actor=actor,
                run=run,
                detail={"keys": sorted(comp)},
            )
        elif added:
            GoldenEvent.objects.create(
                golden=golden,
                kind=GoldenEvent.Kind.RECORD_ADDED,
                actor=actor,
                run=run,
                detail={"keys": added},
            )
        for origin, moved_keys in moved.items():
            moves.append((origin, golden.pk, moved_keys))
        if created or added or moved:
            touched.add(golden.pk)
    for origin, target, moved_keys in moves:
        left = RecordLink.objects.filter(golden_id=origin).count()
        if left == 0:
            GoldenRecord.objects.filter(pk=origin).update(merged_into=target)
            GoldenEvent.objects.create(
                golden_id=target,
                kind=GoldenEvent.Kind.MERGED,
                actor=actor,
                run=run,
                detail={"from": origin, "keys": moved_keys},
            )
            GoldenEvent.objects.create(
                golden_id=origin,
                kind=GoldenEvent.Kind.MERGED,
                actor=actor,
                run=run,
                detail={"into": target, "keys": moved_keys},
            )
            _move_claim(origin, target)
        else:
            GoldenEvent.objects.create(
                golden_id=origin,
                kind=GoldenEvent.Kind.UNMERGED,
                actor=actor,
                run=run,
                detail={"to": target, "keys": moved_keys},
            )
            GoldenEvent.objects.create(
                golden_id=target,
                kind=GoldenEvent.Kind.RECORD_ADDED,
                actor=actor,
                run=run,
                detail={"from": origin, "keys": moved_keys},
            )
            touched.add(origin)
    for golden in GoldenRecord.objects.filter(pk__in=touched):
        golden_consolidate(golden)


def _move_claim(origin_id: int, target_id: int) -> None:
    origin = GoldenRecord.objects.get(pk=origin_id)
    if (
        origin.claimed_by_id
        and not GoldenRecord.objects.filter(pk=target_id, claimed_by__isnull=False).exists()
    ):
        user_id, at = origin.claimed_by_id, origin.claimed_at
        GoldenRecord.objects.filter(pk=origin_id).update(claimed_by=None, claimed_at=None)
        GoldenRecord.objects.filter(pk=target_id).update(claimed_by_id=user_id, claimed_at=at)


@dataclass
class _Candidate:
    value: str
    key: str
    source_name: str | None
    source_id: int | None
    trust: int
    date: object


def _display(value) -> str:
    if value is None:
        return ""
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def golden_consolidate(golden: GoldenRecord) -> GoldenRecord:
    """For each field: the analyst's value if set, else the value of the most trusted source, the most
    recent among equally trusted ones; with where it came from and why it won."""
    keys = list(golden.links.values_list("key", flat=True))
    rows = rows_for_keys(keys)
    fields = {}
    for field in GOLDEN_FIELDS:
        override = golden.overrides.get(field)
        if override:
            fields[field] = {
                "value": override["value"],
                "reason": "override",
                "by": override.get("by"),
                "date": override.get("at"),
                "record": None,
                "source": None,
                "source_id": None,
            }
            continue
        candidates = [
            _Candidate(
                _display(row[field]), key, row["source_name"], row["source_id"], row["trust"], row["date"]
            )
            for key, row in rows.items()
            if row.get(field)
        ]
        if not candidates:
            continue
        # A full date of birth beats a year alone, whoever gave it; then trust, then recency.
        precision = (lambda c: -len(c.value)) if field == "birth_date" else (lambda c: 0)
        candidates.sort(key=lambda c: (precision(c), -c.trust, -(c.date.timestamp() if c.date else 0), c.key))
        best = candidates[0]
        others = [c for c in candidates[1:] if c.value.casefold() != best.value.casefold()]
        if len(candidates) == 1:
            reason = "only"
        elif not others:
            reason = "agreed"
        elif others[0].trust < best.trust:
            reason = "trust"
        else:
            reason = "recency"
        fields[field] = {
            "value": best.value,
            "reason": reason,
            "record": best.key,
            "source": best.source_name,
            "source_id": best.source_id,
            "date": _display(best.date),
            "alternatives": len(others),
        }
    golden.fields = fields
    names = [fields.get(f, {}).get("value", "") for f in ("given_name", "family_name")]
    golden.display_name = (" ".join(n for n in names if n) or fields.get("name_arabic", {}).get("value", ""))[
        :240
    ]
    golden.email = (fields.get("email", {}).get("value") or "").lower()[:254]
    golden.save(update_fields=["fields", "display_name", "email", "updated_at"])
    return golden


# --------------------------------------------------------------------------------------------------
# Analysts' decisions


def _decide(a: str, b: str, status: str, actor) -> CandidatePair:
    left, right = _pair_keys(a, b)
    pair, _created = CandidatePair.objects.get_or_create(left_key=left, right_key=right)
    pair.status, pair.decided_by, pair.decided_at = status, actor, timezone.now()
    pair.save(update_fields=["status", "decided_by", "decided_at", "updated_at"])
    return pair


def _golden_of(key: str) -> GoldenRecord | None:
    link = RecordLink.objects.select_related("golden").filter(key=key).first()
    return link.golden if link else None


@transaction.atomic
def pair_decide(pair: CandidatePair, *, same_person: bool, actor) -> CandidatePair:
    """Record the analyst's decision and apply it to the golden records now; later runs respect it."""
    status = CandidatePair.Status.MATCH if same_person else CandidatePair.Status.NON_MATCH
    pair = _decide(pair.left_key, pair.right_key, status, actor)
    audit(actor, LinkageAction.DECIDE, pair=pair, detail=status)
    left, right = _golden_of(pair.left_key), _golden_of(pair.right_key)
    if same_person and left and right and left.pk != right.pk:
        _merge(left, right, actor)
    elif not same_person and left and right and left.pk == right.pk:
        _split(left, actor)
    return pair


def _split(golden: GoldenRecord, actor) -> None:
    """Regroup a golden record's records under the analysts' constraints: its automatic and confirmed
    pairs join records again, strongest first, except where a join would put two records an analyst
    said are different people together. A "not the same person" thus splits only what it must: the
    other records stay where the evidence puts them, and no other decision is invented."""
    keys = set(golden.links.values_list("key", flat=True))
    decided = CandidatePair.objects.filter(left_key__in=keys, right_key__in=keys).exclude(
        status=CandidatePair.Status.PENDING
    )
    cannot: dict[str, set[str]] = defaultdict(set)
    edges = []
    for pair in decided:
        if pair.status == CandidatePair.Status.NON_MATCH:
            cannot[pair.left_key].add(pair.right_key)
            cannot[pair.right_key].add(pair.left_key)
        else:
            confirmed = pair.status == CandidatePair.Status.MATCH
            edges.append((not confirmed, -pair.match_probability, pair.left_key, pair.right_key))
    groups = _Groups(sorted(keys), cannot)
    for _confirmed, _probability, a, b in sorted(edges):
        groups.join(a, b)
    components = sorted(groups.groups(), key=lambda g: (-len(g), min(g)))
    if len(components) > 1:
        _assign(components, {}, actor=actor, run=None)


def _conflicts(keys_a, keys_b) -> bool:
    pairs = {_pair_keys(a, b) for a in keys_a for b in keys_b}
    decided = CandidatePair.objects.filter(status=CandidatePair.Status.NON_MATCH)
    return any((p.left_key, p.right_key) in pairs for p in decided.filter(left_key__in=[p[0] for p in pairs]))


def _merge(target: GoldenRecord, other: GoldenRecord, actor) -> GoldenRecord:
    keys_t = list(target.links.values_list("key", flat=True))
    keys_o = list(other.links.values_list("key", flat=True))
    if _conflicts(keys_t, keys_o):
        raise ValidationError(
            _(
                "An analyst decided that records of these two golden records are different "
                "people. Undo that decision before merging them."
            )
        )
    if keys_t and keys_o:
        _decide(min(keys_t), min(keys_o), CandidatePair.Status.MATCH, actor)
    RecordLink.objects.filter(golden=other).update(golden=target)
    GoldenRecord.objects.filter(pk=other.pk).update(merged_into=target)
    GoldenEvent.objects.create(
        golden=target, kind=GoldenEvent.Kind.MERGED, actor=actor, detail={"from": other.pk, "keys": keys_o}
    )
    GoldenEvent.objects.create(
        golden=other, kind=GoldenEvent.Kind.MERGED, actor=actor, detail={"into": target.pk, "keys": keys_o}
    )
    _move_claim(other.pk, target.pk)
    target.refresh_from_db()
    return golden_consolidate(target)


@transaction.atomic
def golden_merge(target: GoldenRecord, other: GoldenRecord, *, actor) -> GoldenRecord:
    if target.pk == other.pk or not target.is_active or not other.is_active:
        raise ValidationError(_("Choose two different golden records that are still in use."))
    merged = _merge(target, other, actor)
    audit(actor, LinkageAction.MERGE, golden=target, detail=f"{other.pk} into {target.pk}")
    return merged


def _unmerge(golden: GoldenRecord, keys: list[str], actor) -> GoldenRecord:
    all_keys = set(golden.links.values_list("key", flat=True))
    detached = sorted(set(keys) & all_keys)
    remaining = sorted(all_keys - set(detached))
    if not detached or not remaining:
        raise ValidationError(_("Choose some of the records, not none and not all of them."))
    for a in detached:
        for b in remaining:
            _decide(a, b, CandidatePair.Status.NON_MATCH, actor)
    new = GoldenRecord.objects.create()
    RecordLink.objects.filter(key__in=detached).update(golden=new)
    GoldenEvent.objects.create(
        golden=golden, kind=GoldenEvent.Kind.UNMERGED, actor=actor, detail={"to": new.pk, "keys": detached}
    )
    GoldenEvent.objects.create(
        golden=new, kind=GoldenEvent.Kind.CREATED, actor=actor, detail={"from": golden.pk, "keys": detached}
    )
    golden_consolidate(golden)
    return golden_consolidate(new)


@transaction.atomic
def golden_unmerge(golden: GoldenRecord, keys: list[str], *, actor) -> GoldenRecord:
    """Detach records into a golden record of their own; decisions keep them apart in later runs."""
    new = _unmerge(golden, keys, actor)
    audit(actor, LinkageAction.UNMERGE, golden=golden, detail=f"{','.join(keys)} to {new.pk}")
    return new


@transaction.atomic
def golden_override(golden: GoldenRecord, field: str, value: str, *, actor) -> GoldenRecord:
    """An analyst's value for a field (empty: back to the sources)."""
    if field not in GOLDEN_FIELDS:
        raise ValidationError(_("Unknown field."))
    overrides = dict(golden.overrides)
    if value:
        overrides[field] = {"value": value, "by": actor.pk, "at": timezone.now().isoformat()}
    else:
        overrides.pop(field, None)
    golden.overrides = overrides
    golden.save(update_fields=["overrides", "updated_at"])
    GoldenEvent.objects.create(
        golden=golden, kind=GoldenEvent.Kind.OVERRIDE, actor=actor, detail={"field": field, "value": value}
    )
    audit(actor, LinkageAction.OVERRIDE, golden=golden, detail=field)
    return golden_consolidate(golden)


@transaction.atomic
def golden_claim(golden: GoldenRecord, user) -> GoldenRecord:
    """A member with a verified email matching the record links their account to it."""
    from .selectors import claimable_golden_for  # selectors import these services

    if claimable_golden_for(user) != golden:
        raise ValidationError(_("This record cannot be claimed with your verified email addresses."))
    golden.claimed_by, golden.claimed_at = user, timezone.now()
    golden.save(update_fields=["claimed_by", "claimed_at", "updated_at"])
    key = f"{MEMBER_PREFIX}{user.pk}"
    previous = _golden_of(key)
    others = list(golden.links.exclude(key=key).values_list("key", flat=True))
    link, _created = RecordLink.objects.update_or_create(key=key, defaults={"golden": golden, "user": user})
    if others:
        # The member said "this is me": later runs keep their account with this record.
        _decide(key, min(others), CandidatePair.Status.MATCH, user)
    if previous and previous.pk != golden.pk:
        if not previous.links.exists():
            GoldenRecord.objects.filter(pk=previous.pk).update(merged_into=golden)
            GoldenEvent.objects.create(
                golden=previous,
                kind=GoldenEvent.Kind.MERGED,
                actor=user,
                detail={"into": golden.pk, "keys": [key]},
            )
        else:
            golden_consolidate(previous)
    GoldenEvent.objects.create(
        golden=golden, kind=GoldenEvent.Kind.CLAIMED, actor=user, detail={"keys": [key]}
    )
    audit(user, LinkageAction.CLAIM, golden=golden)
    return golden_consolidate(golden)
