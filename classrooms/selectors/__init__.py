"""Reads for classroom, student and family pages, one module per audience.

- ``access``: who may see what. Everything a URL names is fetched through a ``*_get_for_*``
  function that raises 404 unless this user may see it, so another school's class and a class
  that exists but isn't yours look the same: not found;
- ``progress``: lessons done and quiz scores for many students × modules in a fixed number of queries;
- ``teaching``: a teacher's classes, the class matrix, quiz results, the school's staff;
- ``me``: a student's own page and data export;
- ``families``: a parent's page.
"""
