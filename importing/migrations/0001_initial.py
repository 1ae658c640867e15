"""The importer's suggestions and the admin's background imports, taken over from archive/ with their tables and rows."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


MOVED = ['importsuggestion', 'importjob', 'importjobdocument']


def move_content_types(apps, schema_editor):
    """Permissions, admin history and saved versions point at the content type: it moves with the model."""
    content_types = apps.get_model("contenttypes", "ContentType")
    for model in MOVED:
        content_types.objects.filter(app_label="archive", model=model).exclude(
            pk__in=content_types.objects.filter(app_label="importing", model=model).values("pk")
        ).update(app_label="importing")


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
                name='ImportJob',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('created_at', models.DateTimeField(default=django.utils.timezone.now, verbose_name='uploaded at')),
                    ('dry_run', models.BooleanField(default=False, verbose_name='dry run')),
                    ('status', models.CharField(choices=[('queued', 'queued'), ('running', 'running'), ('done', 'done'), ('failed', 'failed')], default='queued', max_length=10, verbose_name='status')),
                    ('total', models.PositiveIntegerField(default=0, verbose_name='documents')),
                    ('done', models.PositiveIntegerField(default=0, verbose_name='documents read')),
                    ('started_at', models.DateTimeField(blank=True, null=True, verbose_name='started at')),
                    ('finished_at', models.DateTimeField(blank=True, null=True, verbose_name='finished at')),
                    ('task_id', models.CharField(blank=True, help_text='The background task that runs it.', max_length=64, verbose_name='task')),
                    ('error', models.TextField(blank=True, verbose_name='error')),
                    ('created_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='uploaded by')),
                ],
                options={
                    'verbose_name': 'import of documents',
                    'verbose_name_plural': 'imports of documents',
                    'db_table': 'archive_importjob',
                    'ordering': ['-created_at', '-pk'],
                },
            ),
            migrations.CreateModel(
                name='ImportJobDocument',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('position', models.PositiveIntegerField()),
                    ('name', models.CharField(max_length=255, verbose_name='file')),
                    ('content', models.BinaryField(help_text='The uploaded bytes; emptied once the file is read.', verbose_name='content')),
                    ('status', models.CharField(choices=[('pending', 'waiting'), ('imported', 'imported'), ('revised', 'changed: kept as a revision'), ('unchanged', 'unchanged'), ('failed', 'failed')], default='pending', max_length=10, verbose_name='result')),
                    ('message', models.TextField(blank=True, verbose_name='message')),
                    ('warnings', models.JSONField(blank=True, default=list, verbose_name='notes')),
                    ('created', models.JSONField(blank=True, default=dict, verbose_name='created')),
                    ('removed', models.JSONField(blank=True, default=list, verbose_name='page furniture removed')),
                    ('article', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='archive.article', verbose_name='article')),
                    ('job', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='documents', to='importing.importjob')),
                ],
                options={
                    'verbose_name': 'imported file',
                    'verbose_name_plural': 'imported files',
                    'db_table': 'archive_importjobdocument',
                    'ordering': ['job', 'position'],
                    'constraints': [models.UniqueConstraint(fields=('job', 'position'), name='import_document_position_unique')],
                },
            ),
            migrations.CreateModel(
                name='ImportSuggestion',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('updated_at', models.DateTimeField(default=django.utils.timezone.now, editable=False, verbose_name='updated')),
                    ('position', models.PositiveSmallIntegerField(default=1, verbose_name='position')),
                    ('kind', models.CharField(choices=[('figure', 'figure'), ('person', 'person'), ('organization', 'organization'), ('venue', 'venue')], max_length=20, verbose_name='kind')),
                    ('text', models.CharField(help_text='The name or number exactly as the text has it.', max_length=300, verbose_name='as written')),
                    ('passage', models.TextField(verbose_name='passage (verbatim)')),
                    ('value', models.PositiveBigIntegerField(blank=True, null=True, verbose_name='value')),
                    ('approximate', models.BooleanField(default=False, verbose_name='approximate')),
                    ('decision', models.CharField(choices=[('pending', 'to be confirmed'), ('confirmed', 'confirmed'), ('rejected', 'rejected')], db_index=True, default='pending', max_length=20, verbose_name='decision')),
                    ('article', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='suggestions', to='archive.article')),
                    ('figure_kind', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='archive.figurekind', verbose_name='what it counts')),
                    ('organization', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='events.organization', verbose_name='organization')),
                    ('person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='events.person', verbose_name='person')),
                    ('venue', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='+', to='events.venue', verbose_name='venue')),
                ],
                options={
                    'verbose_name': 'import suggestion',
                    'verbose_name_plural': 'import suggestions',
                    'db_table': 'archive_importsuggestion',
                    'ordering': ['article', 'position'],
                    'constraints': [models.UniqueConstraint(fields=('article', 'position'), name='unique_suggestion_position')],
                },
            ),
            ],
        ),
        migrations.RunPython(move_content_types, migrations.RunPython.noop),
    ]
