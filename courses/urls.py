from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("", views.learn, name="learn"),
    path("catalogue/", views.catalogue, name="catalogue"),
    path("enrol/<int:course_id>/", views.enrol, name="enrol"),
    path("attempts/<int:attempt_id>/", views.attempt_detail, name="attempt"),
    path("attitude/", views.attitude, name="attitude"),
    path(
        "courses/<int:course_id>/<str:phase>/",
        views.course_questionnaire,
        name="questionnaire",
    ),
]
