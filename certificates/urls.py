from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("verify/<str:code>/", views.verify, name="verify"),
    path("<str:code>/download/", views.download, name="download"),
    path("<str:code>/reprint/", views.reprint, name="reprint"),
    path("<str:code>/retake/", views.retake, name="retake"),
    path("manage/", views.manage, name="manage"),
    path("manage/issue/", views.issue, name="issue"),
    path("manage/<str:code>/revoke/", views.revoke, name="revoke"),
]
