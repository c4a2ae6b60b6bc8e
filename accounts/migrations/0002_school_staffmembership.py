# School and StaffMembership move here from classrooms. Only Django's picture of the models
# changes: the tables keep their names (classrooms_school, classrooms_staffmembership) and rows.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0001_initial'),
        ('classrooms', '0001_initial'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name='School',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('name', models.CharField(max_length=120)),
                        ('staff_code', models.CharField(max_length=9, unique=True)),
                        ('created_at', models.DateTimeField(auto_now_add=True)),
                    ],
                    options={
                        'db_table': 'classrooms_school',
                    },
                ),
                migrations.CreateModel(
                    name='StaffMembership',
                    fields=[
                        ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                        ('joined_at', models.DateTimeField(auto_now_add=True)),
                        ('school', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='staff', to='accounts.school')),
                        ('user', models.OneToOneField(on_delete=django.db.models.deletion.CASCADE, related_name='staff_membership', to=settings.AUTH_USER_MODEL)),
                    ],
                    options={
                        'db_table': 'classrooms_staffmembership',
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
