from django.urls import path

from . import views

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("calendar/", views.month_calendar, name="calendar"),
    path("feed.ics", views.platform_feed, name="feed"),
    path("groups/<slug:slug>/feed.ics", views.group_feed, name="group_feed"),
    path("my/<str:token>.ics", views.personal_feed, name="personal_feed"),
    path("mine/", views.my_events, name="mine"),
    path("mine/feed-address/", views.feed_token, name="feed_token"),
    path("new/", views.event_create, name="create"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="ics"),
    path("<int:pk>/edit/", views.event_edit, name="edit"),
    path("<int:pk>/cancel/", views.event_cancel, name="cancel"),
    path("<int:pk>/s/<str:key>/", views.session_detail, name="session"),
    path("<int:pk>/s/<str:key>/rsvp/", views.rsvp, name="rsvp"),
    path("<int:pk>/s/<str:key>/attendees/", views.attendees, name="attendees"),
    path("<int:pk>/s/<str:key>/attendees.csv", views.attendees_csv, name="attendees_csv"),
    path("<int:pk>/s/<str:key>/check-in/<int:rsvp_id>/", views.check_in, name="check_in"),
    path("<int:pk>/s/<str:key>/cancel/", views.session_cancel, name="session_cancel"),
    path("<int:pk>/s/<str:key>/move/", views.session_move, name="session_move"),
]
