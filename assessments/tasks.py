"""Background work for self-assessments: `manage.py db_worker` publishes HR's attitude figures."""

from __future__ import annotations

from django_tasks import task

from people.models import Organisation

from . import services
from .models import Questionnaire


@task()
def attitude_releases_refresh(*, organisation_id: int, questionnaire_id: int) -> int:
    """Publish the organisation's next release of figures where the rules allow; safe to re-run.

    Returns how many phases have a release now (0 when either object is gone).
    """
    organisation = Organisation.objects.filter(pk=organisation_id).first()
    questionnaire = Questionnaire.objects.filter(pk=questionnaire_id).first()
    if organisation is None or questionnaire is None:
        return 0
    return len(
        services.attitude_releases_refresh(organisation=organisation, questionnaire=questionnaire)
    )
