"""The workflow log, taken over from archive/ with its table and rows (archive/migrations/0013)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


MOVED = ['workflowlogentry']


def move_content_types(apps, schema_editor):
    """Permissions, admin history and saved versions point at the content type: it moves with the model."""
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        content_types.objects.filter(app_label="archive", model=model).exclude(
            pk__in=content_types.objects.filter(app_label="publishing", model=model).values("pk")
        ).update(app_label="publishing")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('archive', '0012_workflow_log_edit_action'),
        ('events', '0011_edit_version_updated_at'),
        ('contenttypes', '0002_remove_content_type_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of which app owns the models moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.CreateModel(
                name='WorkflowLogEntry',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('action', models.CharField(choices=[('submit', 'submitted for review'), ('request_changes', 'changes requested'), ('publish', 'published'), ('schedule', 'scheduled'), ('withdraw', 'withdrawn'), ('reopen', 'returned to draft'), ('restore', 'old version restored'), ('edit', 'published content changed')], max_length=20, verbose_name='action')),
                    ('from_status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='from status')),
                    ('to_status', models.CharField(choices=[('draft', 'Draft'), ('in_review', 'In review'), ('published', 'Published'), ('withdrawn', 'Withdrawn')], max_length=20, verbose_name='to status')),
                    ('public_from', models.DateTimeField(blank=True, null=True, verbose_name='public from')),
                    ('at', models.DateTimeField(db_index=True, verbose_name='when')),
                    ('comment', models.TextField(blank=True, verbose_name='comment')),
                    ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='workflow_log', to='archive.article', verbose_name='article')),
                    ('event', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='workflow_log', to='events.event', verbose_name='event')),
                    ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='by')),
                ],
                options={
                    'verbose_name': 'workflow log entry',
                    'verbose_name_plural': 'workflow log',
                    'db_table': 'archive_workflowlogentry',
                    'ordering': ['-at', '-pk'],
                    'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('article__isnull', False), ('event__isnull', True)), models.Q(('article__isnull', True), ('event__isnull', False)), _connector='OR'), name='workflow_log_entry_has_one_item')],
                },
            ),
            ],
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
