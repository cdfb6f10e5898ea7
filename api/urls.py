from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from django.urls import include, path, re_path

from . import views, views_staff
from .pages import router as pages_router

app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    # The split view serves its start-up script as a file: the CSP forbids inline scripts.
    path("docs/", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
    path("programmes/", views.ProgrammeList.as_view(), name="programmes"),
    path("services/", views.ServiceList.as_view(), name="services"),
    path("news/", views.NewsList.as_view(), name="news"),
    path("events/", views.EventList.as_view(), name="events"),
    path("me/", views.MyProfile.as_view(), name="me"),
    path("me/projects/", views.MyProjects.as_view(), name="my_projects"),
    path("me/rsvps/", views.MyRSVPs.as_view(), name="my_rsvps"),
    path("me/notifications/", views.MyNotifications.as_view(), name="my_notifications"),
    path("me/conversations/", views.MyConversations.as_view(), name="my_conversations"),
    path("staff/referential/imports/", views_staff.ImportList.as_view(), name="staff_imports"),
    path("staff/referential/records/", views_staff.RecordList.as_view(), name="staff_records"),
    path("staff/referential/golden-records/", views_staff.GoldenRecordList.as_view(), name="staff_golden"),
    path("staff/segments/", views_staff.SegmentList.as_view(), name="staff_segments"),
    path("staff/cases/", views_staff.CaseList.as_view(), name="staff_cases"),
    path("staff/watch/items/", views_staff.WatchItemList.as_view(), name="staff_watch_items"),
    # Wagtail's API v2 for published public pages: /api/v1/pages/ and /api/v1/pages/<id>/ (api/pages.py).
    path("", include((pages_router.get_urlpatterns(), "wagtail"))),
    re_path(r"^.*$", views.NotFoundView.as_view(), name="not_found"),
]
