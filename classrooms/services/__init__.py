"""Writes for classes, students and families: atomic, keyword-only, one module per audience.

- ``teaching``: a teacher's classes and assignments;
- ``students``: students' accounts, made by joining with a code or from a teacher's roster;
- ``families``: family codes and the links they make;
- ``retention``: what ``purge_expired`` deletes.

A refusal a person may read is ``accounts.errors.Refused``; a text longer than its model allows is
a ``ValidationError`` from ``full_clean()``, on SQLite as on PostgreSQL.
"""
