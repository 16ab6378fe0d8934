# Every existing row gets the default locale and a translation key of its own.
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("assessments", "0005_questionnaire_locale_questionnaire_translation_key_and_more")]

    operations = [
        BootstrapTranslatableModel("assessments.Questionnaire"),
        BootstrapTranslatableModel("assessments.QuestionnaireItem"),
    ]
