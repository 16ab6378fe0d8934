# Every existing row gets the default locale and a translation key of its own.
from django.db import migrations
from wagtail.models import BootstrapTranslatableModel


class Migration(migrations.Migration):
    dependencies = [("scenarios", "0004_scenario_locale_scenario_translation_key")]

    operations = [
        BootstrapTranslatableModel("scenarios.Scenario"),
    ]
