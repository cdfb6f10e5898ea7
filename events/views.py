"""Event pages, RSVPs, calendar files and organiser tools. Thin: permissions, then services/selectors."""

from datetime import date

from wagtailcache.cache import cache_page

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.decorators import two_factor_setup_redirect
from accounts.permissions import second_factor_missing
from accounts.second_factor import as_token_holder
from community.groups.models import CommunityGroup
from community.profiles.permissions import contact_email_for, viewer_for
from core.audit import audit_record
from core.csvfile import csv_response
from core.models import AuditLog
from core.names import display_name

from . import ical, permissions, selectors, services
from .forms import EventFilterForm, EventForm, MemberSettingsForm, MessageForm, RSVPForm, SessionMoveForm
from .models import RSVP, Event
from .occurrences import next_session, parse_session_key, session_of
from .timefmt import zone_of

CALENDAR = "text/calendar; charset=utf-8"
# A phone shows about two sessions per screen: twenty is a page one scrolls, not a 9,600 px list.
EVENTS_PER_PAGE = 20


def _filters(request):
    form = EventFilterForm(request.GET or None)
    filters = dict(form.cleaned_data) if form.is_valid() else {}
    return form, {k: v for k, v in filters.items() if v not in ("", None, False)}


@require_GET
@cache_page  # visitors who are not signed in get the public list from the page cache (apps.py empties it)
def event_list(request):
    form, filters = _filters(request)
    page_obj = Paginator(selectors.upcoming_sessions(request.user, **filters), EVENTS_PER_PAGE).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "events/event_list.html",
        {
            "form": form,
            "sessions": page_obj,
            "page_obj": page_obj,
            "may_create": permissions.can_create(request.user),
            "viewer_zone": zone_of(request.user),
            "query": request.GET.urlencode(),
        },
    )


@require_GET
def month_calendar(request):
    form, filters = _filters(request)
    today = timezone.localdate()
    try:
        year = int(request.GET.get("year", today.year))
        month = int(request.GET.get("month", today.month))
        first = date(year, month, 1)
    except ValueError:
        raise Http404 from None
    tz = zone_of(request.user) or timezone.get_current_timezone()
    weeks = selectors.month_sessions(request.user, year, month, tz, **filters)
    previous = date(year - 1, 12, 1) if month == 1 else date(year, month - 1, 1)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return render(
        request,
        "events/calendar.html",
        {"form": form, "weeks": weeks, "first": first, "previous": previous, "next": following, "zone": tz},
    )


def _visible_event(request, pk):
    event = get_object_or_404(Event.objects.select_related("group", "relay", "space"), pk=pk)
    if not permissions.can_view(request.user, event):
        if not request.user.is_authenticated:
            raise Http404
        raise PermissionDenied
    return event


def _session_from_key(event, key):
    original = parse_session_key(key)
    session = session_of(event, original) if original else None
    if session is None:
        raise Http404
    return session


def _detail(request, event, session, *, rsvp_form=None, status=200):
    user = request.user
    rsvp = selectors.rsvp_of(user, session.occurrence) if session else None
    organiser = permissions.can_organise(user, event)
    context = {
        "event": event,
        "session": session,
        "sessions": services.upcoming_sessions_for(event)[:20],
        "rsvp": rsvp,
        "rsvp_form": rsvp_form or RSVPForm(event=event, initial={"status": rsvp.status} if rsvp else None),
        "counts": selectors.rsvp_counts(session.occurrence) if session else {},
        "shows_link": permissions.can_see_link(user, event, rsvp),
        "may_organise": organiser,
        "may_rsvp": permissions.can_rsvp(user, event),
        "viewer_zone": zone_of(user),
        "now": timezone.now(),
    }
    if session and session.occurrence is not None and event.capacity is not None:
        context["places_left"] = max(event.capacity - context["counts"].get(RSVP.Status.GOING, 0), 0)
    elif session and event.capacity is not None:
        context["places_left"] = event.capacity
    return render(request, "events/event_detail.html", context, status=status)


@require_GET
def event_detail(request, pk):
    event = _visible_event(request, pk)
    return _detail(request, event, next_session(event))


@require_GET
def session_detail(request, pk, key):
    event = _visible_event(request, pk)
    return _detail(request, event, _session_from_key(event, key))


@require_POST
@login_required
def rsvp(request, pk, key):
    event = _visible_event(request, pk)
    session = _session_from_key(event, key)
    form = RSVPForm(request.POST, event=event)
    if not form.is_valid():
        return _detail(request, event, session, rsvp_form=form, status=400)
    try:
        answer = services.rsvp_set(
            user=request.user,
            event=event,
            original_start=session.original_start,
            status=form.cleaned_data["status"],
            answers=form.answers(),
        )
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            {
                RSVP.Status.GOING: _("You are going. See you there!"),
                RSVP.Status.WAITLISTED: _("The session is full: you are on the waiting list."),
                RSVP.Status.INTERESTED: _("Noted: you are interested."),
                RSVP.Status.NOT_GOING: _("Noted: you are not going."),
            }[answer.status],
        )
    return redirect("events:session", event.id, key)


# --- Calendar files ------------------------------------------------------------------------------


def _ics(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=CALENDAR)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def _link_starts(user, events):
    """Sessions where ``user`` is going, per event: only there do files carry the online link."""
    if not getattr(user, "is_authenticated", False):
        return {}
    starts = {}
    for event_id, original in RSVP.objects.filter(
        user=user, status=RSVP.Status.GOING, occurrence__event__in=[e.id for e in events]
    ).values_list("occurrence__event_id", "occurrence__original_start"):
        starts.setdefault(event_id, set()).add(original)
    return starts


@require_GET
def event_ics(request, pk):
    event = _visible_event(request, pk)
    if permissions.can_organise(request.user, event):
        links = {event.id: {s.original_start for s in services.upcoming_sessions_for(event, days=400)}}
    else:
        links = _link_starts(request.user, [event])
    return _ics(
        ical.build_calendar([event], name=event.title, link_starts_by_event=links), f"event-{event.id}.ics"
    )


@require_GET
def platform_feed(request):
    events = permissions.visible_events(request.user).select_related("group")
    return _ics(ical.build_calendar(events, name=_("Kafaat events")), "kafaat-events.ics")


@require_GET
def group_feed(request, slug):
    group = get_object_or_404(CommunityGroup, slug=slug)
    events = permissions.visible_events(request.user, Event.objects.filter(group=group))
    return _ics(
        ical.build_calendar(events, name=_("Events of %(group)s") % {"group": group.name}),
        f"group-{group.slug}.ics",
    )


@require_GET
def personal_feed(request, token):
    owner = selectors.feed_owner(token)
    if owner is None:
        raise Http404
    as_token_holder(owner)
    entries = selectors.my_sessions(owner, include_past_days=30)
    return _ics(ical.build_personal_calendar(entries, name=_("My Kafaat events")), "my-events.ics")


# --- The member's own page -------------------------------------------------------------------------


@login_required
def my_events(request):
    row = services.settings_of(request.user)
    form = MemberSettingsForm(
        request.POST or None,
        initial={"time_zone": row.time_zone, "remind_24h": row.remind_24h, "remind_1h": row.remind_1h},
    )
    if request.method == "POST" and form.is_valid():
        services.member_settings_save(user=request.user, **form.cleaned_data)
        messages.success(request, _("Your settings are saved."))
        return redirect("events:mine")
    return render(
        request,
        "events/my_events.html",
        {
            "entries": selectors.my_sessions(request.user),
            "form": form,
            "feed_token": row.feed_token,
            "viewer_zone": zone_of(request.user),
        },
        status=400 if form.errors else 200,
    )


@require_POST
@login_required
def feed_token(request):
    if request.POST.get("action") == "revoke":
        services.feed_token_revoke(user=request.user)
        messages.success(request, _("Your calendar address no longer works."))
    else:
        services.feed_token_renew(user=request.user)
        messages.success(
            request, _("Your calendar has a new secret address; the previous one no longer works.")
        )
    return redirect("events:mine")


# --- Organiser tools -----------------------------------------------------------------------------


def _organiser_gate(request, event=None):
    """Staff organisers (relays, editors, moderators) need their second factor; then the permission."""
    if second_factor_missing(request.user):
        return two_factor_setup_redirect(request)
    if event is not None and not permissions.can_organise(request.user, event):
        raise PermissionDenied
    if event is None and not permissions.can_create(request.user):
        raise PermissionDenied
    return None


@login_required
def event_create(request):
    if (refused := _organiser_gate(request)) is not None:
        return refused
    form = EventForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            event = services.event_create(by=request.user, **form.event_fields())
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is published."))
            return redirect("events:detail", event.id)
    return render(request, "events/event_form.html", {"form": form}, status=400 if form.errors else 200)


@login_required
def event_edit(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if (refused := _organiser_gate(request, event)) is not None:
        return refused
    form = EventForm(request.POST or None, instance=Event.objects.get(pk=pk), user=request.user)
    if request.method == "POST" and form.is_valid():
        fields = form.event_fields()
        fields.pop("organiser_kind", None)
        try:
            services.event_update(by=request.user, event=event, **fields)
        except services.EventError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The event is updated; the people who answered are told."))
            return redirect("events:detail", event.id)
    return render(
        request, "events/event_form.html", {"form": form, "event": event}, status=400 if form.errors else 200
    )


@require_POST
@login_required
def event_cancel(request, pk):
    event = get_object_or_404(Event, pk=pk)
    if (refused := _organiser_gate(request, event)) is not None:
        return refused
    services.event_cancel(by=request.user, event=event)
    messages.success(request, _("The event is cancelled; the people who answered are told."))
    return redirect("events:detail", event.id)


@login_required
def attendees(request, pk, key):
    event = get_object_or_404(Event, pk=pk)
    if (refused := _organiser_gate(request, event)) is not None:
        return refused
    session = _session_from_key(event, key)
    message_form = MessageForm(request.POST or None, prefix="message")
    move_form = SessionMoveForm(
        None,
        event=event,
        initial={
            "start_local": session.local_start.replace(tzinfo=None),
            "end_local": session.local_end.replace(tzinfo=None),
        },
    )
    if request.method == "POST" and message_form.is_valid():
        sent = services.attendees_message(
            by=request.user,
            event=event,
            original_start=session.original_start,
            **message_form.cleaned_data,
        )
        messages.success(
            request,
            ngettext("Message sent to %(count)s person.", "Message sent to %(count)s people.", sent)
            % {"count": sent},
        )
        return redirect("events:attendees", event.id, key)
    return render(
        request,
        "events/attendees.html",
        {
            "event": event,
            "session": session,
            "rsvps": selectors.attendees(event, session.original_start),
            "message_form": message_form,
            "move_form": move_form,
        },
        status=400 if message_form.errors else 200,
    )


@require_GET
@login_required
def attendees_csv(request, pk, key):
    event = get_object_or_404(Event, pk=pk)
    if (refused := _organiser_gate(request, event)) is not None:
        return refused
    session = _session_from_key(event, key)
    viewer = viewer_for(request.user)
    attendees = list(selectors.attendees(event, session.original_start))
    audit_record(request.user, "events.attendees_export", event, kind=AuditLog.Kind.EXPORT, detail=key)
    rows = [
        [
            display_name(answer.user),
            contact_email_for(viewer, answer.user),
            answer.get_status_display(),
            answer.checked_in_at.isoformat() if answer.checked_in_at else "",
            *[answer.answers.get(q, "") for q in event.questions],
        ]
        for answer in attendees
    ]
    questions = [shown for _question, shown in event.local_questions]
    header = [_("Name"), _("Email"), _("Answer"), _("Checked in"), *questions]
    return csv_response(f"attendees-{event.id}-{key}.csv", header, rows)


@require_POST
@login_required
def check_in(request, pk, key, rsvp_id):
    event = get_object_or_404(Event, pk=pk)
    if (refused := _organiser_gate(request, event)) is not None:
        return refused
    answer = get_object_or_404(
        RSVP.objects.select_related("occurrence__event", "user"), pk=rsvp_id, occurrence__event=event
    )
    try:
        services.rsvp_check_in(by=request.user, rsvp=answer)
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("%(name)s is checked in.") % {"name": answer.user.get_full_name() or answer.user.email}
        )
    return redirect("events:attendees", event.id, key)


@require_POST
@login_required
def session_cancel(request, pk, key):
    event = get_object_or_404(Event, pk=pk)
    if (refused := _organiser_gate(request, event)) is not None:
        return refused
    session = _session_from_key(event, key)
    services.session_cancel(by=request.user, event=event, original_start=session.original_start)
    messages.success(request, _("The session is cancelled; the people who answered are told."))
    return redirect("events:session", event.id, key)


@require_POST
@login_required
def session_move(request, pk, key):
    event = get_object_or_404(Event, pk=pk)
    if (refused := _organiser_gate(request, event)) is not None:
        return refused
    session = _session_from_key(event, key)
    form = SessionMoveForm(request.POST, event=event)
    if not form.is_valid():
        messages.error(request, _("Check the new start and end of the session."))
        return redirect("events:attendees", event.id, key)
    try:
        services.session_move(
            by=request.user,
            event=event,
            original_start=session.original_start,
            start=form.cleaned_data["start"],
            end=form.cleaned_data["end"],
        )
    except services.EventError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The session is moved; the people who answered are told."))
    return redirect("events:session", event.id, key)
