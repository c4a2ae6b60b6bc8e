# The count of wrong codes is accounts' now (accounts.CodeAttempt); its rows lasted ten minutes.

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0004_codeattempt'),
        ('classrooms', '0002_school_to_accounts_wrongcode'),
    ]

    operations = [
        migrations.DeleteModel(name='WrongCode'),
    ]
