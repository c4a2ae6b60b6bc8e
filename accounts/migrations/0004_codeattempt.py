# The count of guessable codes moves here from classrooms (classrooms.0003 drops WrongCode): its rows
# last minutes, so nothing is copied. Per browser as well as per address, and successful joins too.

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_email_verification'),
    ]

    operations = [
        migrations.CreateModel(
            name='CodeAttempt',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('kind', models.CharField(choices=[('join', 'Wrong class code'), ('family', 'Wrong family code'), ('staff', 'Wrong school code'), ('joined', 'A student joined a class'), ('refused-guesses', "A class's right code refused: too many wrong codes"), ('refused-joins', "A class's right code refused: too many joins")], max_length=16)),
                ('source', models.CharField(blank=True, max_length=64)),
                ('browser', models.CharField(blank=True, max_length=64)),
                ('target', models.CharField(blank=True, max_length=20)),
                ('at', models.DateTimeField()),
            ],
            options={
                'indexes': [models.Index(fields=['kind', 'source', 'at'], name='accounts_attempt_by_source'), models.Index(fields=['kind', 'browser', 'at'], name='accounts_attempt_by_browser'), models.Index(fields=['kind', 'target', 'at'], name='accounts_attempt_by_target'), models.Index(fields=['at'], name='accounts_attempt_at')],
            },
        ),
    ]
