"""A cheaper hash for generated student passphrases.

Django's default PBKDF2 takes about 0.6 s per hash on a school server's core,
so printing login cards for thirty students would keep a teacher waiting
eighteen seconds. Student passphrases are drawn by ``secrets`` (about 32 bits,
never chosen by a person, so no dictionary shortcut); django-axes stops online
guessing, and 100,000 rounds still make each offline guess cost real work.
Adults' chosen passwords keep Django's default.
"""

from django.contrib.auth.hashers import PBKDF2PasswordHasher


class StudentPassphraseHasher(PBKDF2PasswordHasher):
    algorithm = "pause_student_pbkdf2"
    iterations = 100_000
