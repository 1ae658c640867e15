"""The workflow log moves to publishing/, the importer's suggestions and background jobs to importing/."""

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('archive', '0012_workflow_log_edit_action'),
        ('publishing', '0001_initial'),
        ('importing', '0001_initial'),
    ]

    operations = [
        # The tables stay where they are: only Django's idea of which app owns the models moves.
        migrations.SeparateDatabaseAndState(
            state_operations=[
            migrations.RemoveField(
                model_name='importjobdocument',
                name='job',
            ),
            migrations.RemoveField(
                model_name='importjobdocument',
                name='article',
            ),
            migrations.RemoveField(
                model_name='importsuggestion',
                name='article',
            ),
            migrations.RemoveField(
                model_name='importsuggestion',
                name='figure_kind',
            ),
            migrations.RemoveField(
                model_name='importsuggestion',
                name='organization',
            ),
            migrations.RemoveField(
                model_name='importsuggestion',
                name='person',
            ),
            migrations.RemoveField(
                model_name='importsuggestion',
                name='venue',
            ),
            migrations.RemoveField(
                model_name='workflowlogentry',
                name='article',
            ),
            migrations.RemoveField(
                model_name='workflowlogentry',
                name='event',
            ),
            migrations.RemoveField(
                model_name='workflowlogentry',
                name='user',
            ),
            migrations.DeleteModel(
                name='ImportJob',
            ),
            migrations.DeleteModel(
                name='ImportJobDocument',
            ),
            migrations.DeleteModel(
                name='ImportSuggestion',
            ),
            migrations.DeleteModel(
                name='WorkflowLogEntry',
            ),
            ],
        ),
    ]
