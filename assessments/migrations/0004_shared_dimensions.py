"""A fresh installation starts with the shared attitude model (assessments/dimensions.py)."""

from django.db import migrations

from assessments.dimensions import shared_dimensions_ensure


def shared_dimensions_create(apps, schema_editor):
    shared_dimensions_ensure(apps.get_model("assessments", "Dimension"))


class Migration(migrations.Migration):
    dependencies = [("assessments", "0003_attitude_release")]

    operations = [migrations.RunPython(shared_dimensions_create, migrations.RunPython.noop)]
