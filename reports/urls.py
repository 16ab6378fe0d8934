from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("report/", views.completions, name="completions"),
    path("report/export.csv", views.export_csv, name="export_csv"),
    path("report/export/", views.export_start, name="export_start"),
    path("exports/", views.exports, name="exports"),
    path("exports/<uuid:job_id>/", views.export_status, name="export_status"),
    path("exports/<uuid:job_id>/status/", views.export_status_json, name="export_status_json"),
    path("exports/<uuid:job_id>/download/", views.export_download, name="export_download"),
    path("assign/", views.assign, name="assign"),
    path("assignments/<int:pk>/", views.assignment_detail, name="assignment"),
    path("reminders/", views.reminders, name="reminders"),
]
