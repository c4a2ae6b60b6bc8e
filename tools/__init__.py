"""Developer tooling shared by the tests, the benchmarks and the scripts (never imported by the app).

- ``tools.text``: a lesson's HTML as the reader reads it, and its Flesch–Kincaid grade;
- ``tools.servers``: gunicorn on a free loopback port, scratch PostgreSQL databases, service probes;
- ``tools.http``: a small cookie-keeping HTTP client for loopback servers.

Run scripts that use it as modules from the repository root (``python -m bench.run``), so
``tools`` is importable without touching ``sys.path``.
"""
