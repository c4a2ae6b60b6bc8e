"""The content engine and the reading path.

Other apps may use, and only use: ``courses.registry.get_course`` and
``courses.selectors`` (reads), ``courses.services`` (writes), ``courses.domain``
(the frozen course), and, to load and check their own content files the same
way, ``courses.reader.ContentReader``, ``courses.errors`` (``ContentError``,
``Code``), ``courses.schemas`` (``Strict``, ``Versioned``, ``Slug``, ``Text``…),
``courses.checks.as_check_errors`` and ``courses.loader.TEACHER_NOTES``.
``courses`` itself imports no other app of the project; links it shows for
others come through ``core.hooks.module_links``.
"""
