from django.urls import path

from . import views

app_name = "coaching"

urlpatterns = [
    # The coach's pages.
    path("", views.home, name="home"),
    path("cohorts/<int:cohort_id>/", views.cohort_detail, name="cohort"),
    path("reviews/<int:step_id>/", views.review, name="review"),
    path("reflections/<int:reflection_id>/", views.reflection, name="reflection"),
    path("questions/<int:question_id>/", views.question, name="question"),
    path("learners/<int:learner_id>/", views.learner_detail, name="learner"),
    path(
        "learners/<int:learner_id>/attempts/<int:attempt_id>/",
        views.learner_attempt,
        name="learner_attempt",
    ),
    path("learners/<int:learner_id>/notes/", views.note_add, name="note_add"),
    path("learners/<int:learner_id>/notes/<int:note_id>/", views.note_edit, name="note_edit"),
    path(
        "learners/<int:learner_id>/notes/<int:note_id>/delete/",
        views.note_delete,
        name="note_delete",
    ),
    path("learners/<int:learner_id>/goals/", views.goal_add, name="goal_add"),
    path(
        "learners/<int:learner_id>/goals/<int:goal_id>/",
        views.goal_edit,
        name="goal_edit",
    ),
    path("learners/<int:learner_id>/profile/", views.learner_profile, name="learner_profile"),
    path(
        "learners/<int:learner_id>/certificates/<str:code>/",
        views.learner_certificate,
        name="learner_certificate",
    ),
    # The learner's pages.
    path("me/", views.me, name="me"),
    path("me/goals/", views.my_goal_add, name="my_goal_add"),
    path("me/goals/<int:goal_id>/", views.my_goal_tick, name="my_goal_tick"),
    path("me/goals/<int:goal_id>/edit/", views.my_goal_edit, name="my_goal_edit"),
    path(
        "me/questions/<int:question_id>/reply/",
        views.my_question_follow_up,
        name="my_question_follow_up",
    ),
    path("ask/", views.ask, name="ask"),
    path("sharing/", views.sharing, name="sharing"),
    path("notifications/<int:notification_id>/", views.notification_open, name="notification"),
    path("notifications/read/", views.notifications_read, name="notifications_read"),
]
