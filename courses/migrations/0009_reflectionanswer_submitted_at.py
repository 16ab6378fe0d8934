from django.db import migrations, models


def handed_in_before(apps, schema_editor):
    """Answers to a step the learner already finished were handed in: their coach may read them."""
    ReflectionAnswer = apps.get_model("courses", "ReflectionAnswer")
    ModuleProgress = apps.get_model("courses", "ModuleProgress")
    done = {
        (row.enrolment_id, row.module_id): set(row.completed_step_ids or [])
        for row in ModuleProgress.objects.all().iterator()
    }
    for answer in ReflectionAnswer.objects.all().iterator():
        if answer.step_id in done.get((answer.enrolment_id, answer.module_id), ()):
            ReflectionAnswer.objects.filter(pk=answer.pk).update(submitted_at=answer.updated_at)


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0008_assignment_notify"),
    ]

    operations = [
        migrations.AddField(
            model_name="reflectionanswer",
            name="submitted_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="submitted"),
        ),
        migrations.RunPython(handed_in_before, migrations.RunPython.noop),
    ]
