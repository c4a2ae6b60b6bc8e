"""Django's SQLite backend, with a database file readable by its owner only (``base.py``)."""
