import shutil
from pathlib import Path

import pytest

from courses import registry

FIXTURES = Path(__file__).parent / "fixtures" / "content"
VALID_CONTENT = FIXTURES / "valid"
INVALID_CONTENT = FIXTURES / "invalid"


@pytest.fixture
def valid_content(tmp_path) -> Path:
    """A writable copy of the small valid course."""
    target = tmp_path / "content"
    shutil.copytree(VALID_CONTENT, target)
    return target


@pytest.fixture
def fixture_course(settings):
    """Serve the small valid course instead of content/."""
    settings.PAUSE_CONTENT_DIR = VALID_CONTENT
    yield registry.get_course()
    registry.reset()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.MD5PasswordHasher",
        "tests.fast_hashers.FastStudentPassphraseHasher",
    ]


@pytest.fixture(scope="session")
def collected_static(tmp_path_factory) -> Path:
    """`collectstatic` as production runs it (compressed files, hashed names), once per test run."""
    from tests.servers import manage, production_env

    root = tmp_path_factory.mktemp("static")
    manage(production_env("sqlite:///:memory:", root), "collectstatic", "--noinput", "-v", "0")
    return root
