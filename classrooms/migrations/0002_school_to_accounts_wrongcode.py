# School and StaffMembership now belong to accounts (accounts.0002), in the same tables: only
# Django's picture changes here. WrongCode is new: the count of wrong codes, shared by every worker.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0002_school_staffmembership'),
        ('classrooms', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name='classroom',
                    name='school',
                    field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='classrooms', to='accounts.school'),
                ),
                migrations.DeleteModel(name='StaffMembership'),
                migrations.DeleteModel(name='School'),
            ],
            database_operations=[],
        ),
        migrations.CreateModel(
            name='WrongCode',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('scope', models.CharField(choices=[('join', 'Class code'), ('family', 'Family code')], max_length=10)),
                ('source', models.CharField(max_length=64)),
                ('at', models.DateTimeField()),
            ],
            options={
                'indexes': [models.Index(fields=['scope', 'source', 'at'], name='classrooms_wrongcode_count')],
            },
        ),
    ]
