"""config/settings.py: readable errors for bad environment values, nothing written on import, the order of middleware."""

import importlib.util
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

ROOT = Path(__file__).resolve().parents[2]
SETTINGS = ROOT / "config" / "settings.py"


def load_settings(**env):
    with mock.patch.dict(os.environ, env):
        os.environ.pop("DATABASE_URL", None)
        spec = importlib.util.spec_from_file_location("_pause_settings_under_test", SETTINGS)
        assert spec is not None
        assert spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(
    "name", ["RETENTION_DAYS", "CODE_LIMIT_ADDRESS", "AXES_FAILURE_LIMIT", "PAUSE_TRUSTED_PROXIES"]
)
def test_a_number_that_is_not_one_names_the_variable_and_the_value(name):
    with pytest.raises(ImproperlyConfigured, match=rf"^{name} must be a whole number, not 'ten'\.$"):
        load_settings(**{name: "ten"})


def test_a_number_below_its_minimum_is_refused():
    with pytest.raises(ImproperlyConfigured, match="RETENTION_DAYS must be at least 1, not 0"):
        load_settings(RETENTION_DAYS="0")


def test_numbers_and_empty_values_are_read():
    settings = load_settings(RETENTION_DAYS=" 30 ", CODE_LIMIT_ADDRESS="")
    assert (settings.RETENTION_DAYS, settings.CODE_LIMIT_ADDRESS) == (30, 200)


def test_a_bad_log_level_is_refused():
    with pytest.raises(ImproperlyConfigured, match="DJANGO_LOG_LEVEL"):
        load_settings(DJANGO_LOG_LEVEL="LOUD")


def test_admins_come_from_the_environment():
    settings = load_settings(DJANGO_ADMINS="Ops Team <ops@school.example>, it@school.example")
    assert settings.ADMINS == [("Ops Team", "ops@school.example"), ("", "it@school.example")]
    assert load_settings(DJANGO_ADMINS="").ADMINS == []


def test_reading_the_settings_creates_no_folder(tmp_path):
    load_settings(PAUSE_SQLITE_PATH=str(tmp_path / "missing" / "pause.sqlite3"))
    assert not (tmp_path / "missing").exists()


def test_the_busy_timeout_is_set_once():
    options = load_settings().SQLITE_OPTIONS
    assert options["timeout"] == 20
    assert "busy_timeout" not in options["init_command"]


def test_the_header_middleware_runs_before_whitenoise_and_the_session_rules_after_auth():
    middleware = load_settings().MIDDLEWARE
    # /healthz is answered before the https redirect and the host checks (a load balancer asks by IP).
    assert middleware[:2] == ["core.middleware.HealthCheckMiddleware", "django.middleware.security.SecurityMiddleware"]
    whitenoise = middleware.index("whitenoise.middleware.WhiteNoiseMiddleware")
    assert middleware.index("csp.middleware.CSPMiddleware") < whitenoise
    assert middleware.index("django_permissions_policy.PermissionsPolicyMiddleware") < whitenoise
    auth = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    assert middleware[auth + 1 : auth + 3] == [
        "core.middleware.SessionTimeoutMiddleware",
        "core.middleware.PrivatePagesMiddleware",
    ]
    assert middleware[-1] == "axes.middleware.AxesMiddleware"


# --- debug only when asked for (security review F15) ---------------------------------------------


def _settings_in_a_fresh_process(**env: str) -> subprocess.CompletedProcess[str]:
    """Import config.settings in a new interpreter with only ``env`` (no DJANGO_DEBUG unless given)."""
    clean = {name: value for name, value in os.environ.items() if not name.startswith(("DJANGO_", "PAUSE_"))}
    clean.pop("DATABASE_URL", None)
    clean.pop("REDIS_URL", None)
    script = "import config.settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE)"
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env={**clean, **env}, capture_output=True, text=True, timeout=60
    )  # fmt: skip


def test_without_django_debug_the_settings_are_production():
    completed = _settings_in_a_fresh_process(
        DJANGO_SECRET_KEY="test-only-" + "k" * 50, DJANGO_ALLOWED_HOSTS="pause.example"
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.split() == ["False", "True"]


def test_without_django_debug_the_public_dev_key_or_no_key_stops_the_start():
    for key in ("", "dev-only-insecure-key-never-use-in-production"):
        completed = _settings_in_a_fresh_process(DJANGO_SECRET_KEY=key, DJANGO_ALLOWED_HOSTS="pause.example")
        assert completed.returncode != 0
        assert "DJANGO_SECRET_KEY must be set (and not the dev key)" in completed.stderr


def test_only_django_debug_true_turns_debug_on():
    assert _settings_in_a_fresh_process(DJANGO_DEBUG="true").stdout.split() == ["True", "False"]
    for value in ("", "0", "no", "False"):
        completed = _settings_in_a_fresh_process(
            DJANGO_DEBUG=value, DJANGO_SECRET_KEY="test-only-" + "k" * 50, DJANGO_ALLOWED_HOSTS="pause.example"
        )
        assert completed.stdout.split()[0] == "False", value


@pytest.mark.parametrize(
    ("given", "expected"), [(None, "admin/"), ("", ""), ("/ops-7f3a/", "ops-7f3a/"), ("ops/admin", "ops/admin/")]
)
def test_the_admin_url_is_a_tidy_path_or_empty(given, expected):
    env = {} if given is None else {"PAUSE_ADMIN_URL": given}
    with mock.patch.dict(os.environ):
        os.environ.pop("PAUSE_ADMIN_URL", None)
        admin_url = load_settings(**env).PAUSE_ADMIN_URL
        assert admin_url == expected


def test_an_admin_url_with_other_characters_is_refused():
    with pytest.raises(ImproperlyConfigured, match="PAUSE_ADMIN_URL"):
        load_settings(PAUSE_ADMIN_URL="ops admin/<x>")


def test_a_retention_too_long_for_a_date_is_refused_at_start():
    with pytest.raises(ImproperlyConfigured, match="RETENTION_DAYS must be at most 36500, not 99999999999"):
        load_settings(RETENTION_DAYS="99999999999")
