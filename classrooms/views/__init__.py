"""Classroom pages, one module per audience. Thin: permissions in selectors, writes in services.

- ``teaching``: a teacher's classes, assignments, roster and login cards;
- ``students``: a teacher's page about one student of theirs;
- ``me``: joining a class, and a student's own page;
- ``families``: a parent's page;
- ``school``: a school admin's page.

``access`` fetches the class (and student) a URL names, or answers 404; ``common`` holds the
shapes every audience shares (logins shown once, confirming a deletion, a JSON download).
"""
