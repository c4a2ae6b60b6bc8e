"""config/settings.py: readable errors for bad environment values, nothing written on import, the order of middleware."""

import importlib.util
import os
from pathlib import Path
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured

SETTINGS = Path(__file__).resolve().parents[2] / "config" / "settings.py"


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
    whitenoise = middleware.index("whitenoise.middleware.WhiteNoiseMiddleware")
    assert middleware.index("csp.middleware.CSPMiddleware") < whitenoise
    assert middleware.index("django_permissions_policy.PermissionsPolicyMiddleware") < whitenoise
    auth = middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware")
    assert middleware[auth + 1 : auth + 3] == [
        "core.middleware.SessionTimeoutMiddleware",
        "core.middleware.PrivatePagesMiddleware",
    ]
    assert middleware[-1] == "axes.middleware.AxesMiddleware"
