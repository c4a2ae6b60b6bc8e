"""Cheap stand-ins for the password hashers, so tests don't spend minutes in PBKDF2."""

from accounts.hashers import StudentPassphraseHasher


class FastStudentPassphraseHasher(StudentPassphraseHasher):
    iterations = 1  # same algorithm name, so hashes verify exactly as in production
