from django.urls import path

from . import views

app_name = "assessments"

urlpatterns = [path("", views.hr_attitudes, name="hr_attitudes")]
