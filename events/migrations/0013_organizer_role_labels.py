"""The organizer roles' labels in the spelling the project uses ("organizer"); the stored values are unchanged."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('events', '0012_other_spellings'),
    ]

    operations = [
        migrations.AlterField(
            model_name='eventorganizer',
            name='role',
            field=models.CharField(choices=[('organiser', 'organizer'), ('co_organiser', 'co-organizer'), ('host', 'host')], max_length=20, verbose_name='role'),
        ),
    ]
