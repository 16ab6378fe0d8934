from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _

from people.roles import Role

# What a coach may do with pages: author courses and modules under every course index.
COACH_PAGE_PERMISSIONS = ["add_page", "change_page", "publish_page", "view_page"]


def _course_index_created(sender, instance, created, raw=False, **kwargs) -> None:
    if created and not raw:
        from people.services import role_page_permissions_ensure

        role_page_permissions_ensure(instance)


class CoursesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "courses"
    verbose_name = _("Courses")
    # Page permissions each role holds on every page of a model (people.roles).
    role_page_permissions = {Role.COACH: [("courses.CourseIndexPage", COACH_PAGE_PERMISSIONS)]}

    def ready(self) -> None:
        post_save.connect(
            _course_index_created,
            sender=self.get_model("CourseIndexPage"),
            dispatch_uid="courses_course_index_roles",
        )
