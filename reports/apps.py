import logging

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "reports"
    label = "reports"
    verbose_name = _("HR reports")

    def ready(self) -> None:
        from people.signals import team_joined

        from . import services

        def _follow(sender, user, team_id, **kwargs) -> None:
            # Saving the person must not fail for this: the courses can be assigned again.
            try:
                services.team_assignments_follow(user=user, team_id=team_id)
            except Exception:
                logging.getLogger(__name__).exception(
                    "team assignments not applied", extra={"user_id": user.pk, "team_id": team_id}
                )

        # A team's courses follow the people who join it (HR assign to the team, not a list).
        team_joined.connect(_follow, dispatch_uid="reports_team_assignments_follow", weak=False)
