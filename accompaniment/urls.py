from django.urls import path

from . import views, views_staff

app_name = "accompaniment"

urlpatterns = [
    # Holders.
    path("", views.my_cases, name="my_cases"),
    path("request/<int:project_id>/", views.request_step, name="request"),
    path("request/<int:project_id>/<int:step>/", views.request_step, name="request_step"),
    path("mine/<int:pk>/", views.my_case, name="my_case"),
    path("mine/<int:pk>/message/", views.my_case_message, name="my_case_message"),
    path("mine/<int:pk>/document/", views.my_case_document, name="my_case_document"),
    path("mine/<int:pk>/survey/", views.my_case_survey, name="my_case_survey"),
    path("mine/<int:pk>/followup/", views.my_case_followup, name="my_case_followup"),
    path("documents/<int:pk>/", views.document_download, name="download"),
    path("referrals/<int:pk>/answer/", views.mentor_answer, name="mentor_answer"),
    # Staff.
    path("board/", views_staff.board, name="board"),
    path("board/assign/", views_staff.bulk_assign, name="bulk_assign"),
    path("overdue/", views_staff.overdue, name="overdue"),
    path("funnel/", views_staff.funnel_page, name="funnel"),
    path("funnel.csv", views_staff.funnel_csv, name="funnel_csv"),
    path("cases/<int:pk>/", views_staff.case_page, name="case"),
    path("cases/<int:pk>/move/", views_staff.case_move, name="case_move"),
    path("cases/<int:pk>/assign/", views_staff.case_assign, name="case_assign"),
    path("cases/<int:pk>/note/", views_staff.case_note, name="case_note"),
    path("cases/<int:pk>/task/", views_staff.case_task, name="case_task"),
    path("tasks/<int:pk>/done/", views_staff.task_done, name="task_done"),
    path("cases/<int:pk>/refer/", views_staff.case_refer, name="case_refer"),
    path("referrals/<int:pk>/outcome/", views_staff.referral_outcome, name="referral_outcome"),
    path("cases/<int:pk>/request-document/", views_staff.document_request, name="document_request"),
    path("cases/<int:pk>/upload/", views_staff.document_upload, name="staff_document"),
    path("cases/<int:pk>/message/", views_staff.case_message, name="case_message"),
    path("cases/<int:pk>/next-step/", views_staff.next_step, name="next_step"),
]
