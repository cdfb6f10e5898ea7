from django.db import migrations


def create(apps, schema_editor):
    from accompaniment.stages import stages_ensure

    stages_ensure(apps.get_model("accompaniment", "Stage"))


class Migration(migrations.Migration):
    dependencies = [("accompaniment", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
