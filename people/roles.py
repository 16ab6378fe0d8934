"""The four roles. A role is a Django group; the organisation on the user is the scope."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    LEARNER = "Learners", _("Learner")
    COACH = "Coaches", _("Coach")
    HR = "HR", _("HR")
    PLATFORM_ADMIN = "Platform admins", _("Platform admin")
