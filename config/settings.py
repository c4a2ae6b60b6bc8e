"""Settings for Pause, read from the environment.

Production unless ``DJANGO_DEBUG=true`` (``make run`` and the tests set it): a
forgotten variable never serves debug pages; a secret key (never the public dev
key) and allowed hosts are then required. Reading this file changes
nothing on disk: the SQLite database's folder (``var/`` by default) is made by
``make setup``, or by whoever sets PAUSE_SQLITE_PATH.
"""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path

import dj_database_url
from django.contrib.messages import constants as message_levels
from django.core.exceptions import ImproperlyConfigured

from config.env import FORWARDED_ALLOW_IPS, env_bool, env_int, env_list, env_networks, env_url_path
from config.log import logging_config
from config.mail import email_settings
from config.security import PERMISSIONS_OFF, content_security_policy

BASE_DIR = Path(__file__).resolve().parent.parent


DEBUG = env_bool("DJANGO_DEBUG", False)

# With DEBUG on, Django answers a missing page or a crash with its own yellow debug page. The demo
# (`make run`) is what visitors of the project see, so it sets this to show the site's own pages.
PAUSE_FRIENDLY_ERRORS = env_bool("PAUSE_FRIENDLY_ERRORS", False)

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105 (dev default, public)
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "") or (DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and SECRET_KEY in {"", DEV_SECRET_KEY}:
    raise ImproperlyConfigured("DJANGO_SECRET_KEY must be set (and not the dev key) unless DJANGO_DEBUG=true.")

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG else "")
if not DEBUG and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("DJANGO_ALLOWED_HOSTS must be set unless DJANGO_DEBUG=true.")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "core",
    "accounts",
    "courses",
    "quizzes",
    "classrooms",
    "prepost",
    "feedback",
    "axes",
]

# The effective order, top to bottom for a request (and bottom to top for its response).
MIDDLEWARE = [
    # /healthz for a load balancer, over http and by IP: before the https redirect and host checks.
    "core.middleware.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # The header middleware runs before WhiteNoise, which answers static files itself and skips
    # everything after it: an SVG opened on its own gets the same CSP as a page.
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Session timeouts and no-store need to know who is signed in (shared classroom computers).
    "core.middleware.SessionTimeoutMiddleware",
    "core.middleware.PrivatePagesMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # The demo (DEBUG) shows the site's own 404 and 500 pages when PAUSE_FRIENDLY_ERRORS is on.
    "core.middleware.FriendlyErrorsMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into a clear page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],  # every template lives in its app: core/templates/base.html, courses/templates/courses/…
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

# --- database -------------------------------------------------------------------------------
# SQLite in WAL mode with IMMEDIATE transactions and a busy timeout (`timeout`, in seconds:
# Python's sqlite3 sets SQLite's busy timeout from it): concurrent writers wait for the lock
# instead of failing with "database is locked".
SQLITE_PATH = Path(os.environ.get("PAUSE_SQLITE_PATH", BASE_DIR / "var" / "pause.sqlite3"))
# secure_delete: a deleted child's answers are overwritten on disk, not left in free
# pages. No mmap_size: memory-mapped I/O with several writing processes is a reported
# way to corrupt a WAL database, and it buys little here.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": (
        "PRAGMA journal_mode=WAL;"
        "PRAGMA synchronous=NORMAL;"
        "PRAGMA foreign_keys=ON;"
        "PRAGMA temp_store=MEMORY;"
        "PRAGMA cache_size=-20000;"
        "PRAGMA journal_size_limit=67108864;"
        "PRAGMA secure_delete=ON;"
    ),
}
if os.environ.get("DATABASE_URL"):
    DATABASES = {
        "default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=600, conn_health_checks=True)
    }
    if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
        DATABASES["default"]["ENGINE"] = "core.sqlite"
        DATABASES["default"]["OPTIONS"] = dict(SQLITE_OPTIONS)
        DATABASES["default"]["TEST"] = {"NAME": ":memory:"}
else:
    DATABASES = {
        "default": {
            # Django's SQLite, but a new database file (and so its -wal and -shm) is made 0600.
            "ENGINE": "core.sqlite",
            "NAME": str(SQLITE_PATH),
            "OPTIONS": dict(SQLITE_OPTIONS),
            # Keep the connection: opening SQLite and running its PRAGMAs cost more than a quiz answer.
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            # ":memory:" said outright: pytest-django recognises only Django's own engine as SQLite.
            "TEST": {"NAME": os.environ.get("PAUSE_TEST_SQLITE_PATH") or ":memory:"},
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"

# --- cache and sessions ---------------------------------------------------------------------
# With several app servers, sessions must live where every server sees them: Redis. Its
# maxmemory-policy must not evict live keys (noeviction or volatile-lru; docs/deploy.md).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            # Keeps names apart, not a security boundary: give each site a Redis of its own (docs/deploy.md).
            "KEY_PREFIX": os.environ.get("PAUSE_CACHE_PREFIX", "pause"),
            # A Redis that has gone away fails a request in seconds instead of hanging every worker.
            # JSON, never pickle: a value planted in Redis must not run code here (core/cache.py).
            "OPTIONS": {
                "socket_connect_timeout": 2,
                "socket_timeout": 2,
                "health_check_interval": 30,
                "serializer": "core.cache.JSONSerializer",
            },  # fmt: skip
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Template fragments that are the same for every reader (the lesson text and what surrounds it,
# `{% cache … using="fragments" %}`), kept in each process's memory: the course is loaded once per
# process, so a content edit (which needs a restart) can never meet a fragment of the old text.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "pause-fragments",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# Shared classroom computers: a session ends with the browser, after two idle hours, and
# ten hours after signing in however busy it is (core.middleware.SessionTimeoutMiddleware
# keeps the idle window sliding and enforces the cap).
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_AGE = 2 * 60 * 60
SESSION_ABSOLUTE_AGE = 10 * 60 * 60
# Not every request: a session is re-saved (its idle window restarted) at most every five
# minutes, which keeps reading a lesson from being a database write.
SESSION_SAVE_EVERY_REQUEST = False
SESSION_TOUCH_INTERVAL = 5 * 60
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "accounts.hashers.StudentPassphraseHasher",  # generated student passphrases only; see its docstring
]
# Adults choose their passwords; students' are generated, so these apply to adults.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    # ModelBackend, with the same hashing work for an unknown username as for a real one (F7).
    "accounts.backends.PauseModelBackend",
]
# A school is one IP address: lock a username from one address, never the whole address,
# so one student's typos cannot lock out the class.
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_RESET_ON_SUCCESS = True
# Failed attempts are all axes needs; a log of every successful sign-in (with IP) would be data we don't need.
AXES_DISABLE_ACCESS_LOG = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
# How many proxies in front of the app append to X-Forwarded-For (0: trust REMOTE_ADDR only).
PAUSE_TRUSTED_PROXIES = env_int("PAUSE_TRUSTED_PROXIES", 0)
# X-Forwarded-For counts only on a request from one of these: gunicorn's own list of proxies.
PAUSE_PROXY_ADDRESSES = env_networks("GUNICORN_FORWARDED_ALLOW_IPS", FORWARDED_ALLOW_IPS)
AXES_CLIENT_IP_CALLABLE = "accounts.client_ip.client_ip"
# What axes writes in its log lines about a client: the page only, never a username or an address.
AXES_CLIENT_STR_CALLABLE = "core.reporting.axes_client_str"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "classrooms:after-login"
LOGOUT_REDIRECT_URL = "courses:home"

LANGUAGE_CODE = "en"
TIME_ZONE = "UTC"
# The course is written and reviewed in English as content (content/), and no template or Python
# string is marked for translation: a translation would be a second, reviewed course, not a
# gettext catalogue. So Django's translation machinery stays off; turning it on is one line.
USE_I18N = False
USE_TZ = True

# --- static files ---------------------------------------------------------------------------
STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "var" / "staticfiles"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- messages and forms ---------------------------------------------------------------------
# Message levels as Bootstrap's alert classes: the template writes `alert-{{ message.level_tag }}`.
MESSAGE_TAGS = {message_levels.DEBUG: "info", message_levels.ERROR: "danger"}
# In the session, never a cookie: a message may hold a join, family or staff code (signed is not secret).
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- security headers -----------------------------------------------------------------------
# Production is https only. PAUSE_INSECURE_HTTP=1 is for load tests and benchmarks on
# loopback, where there is no TLS: no redirect to https and cookies without Secure.
HTTPS = not DEBUG and not env_bool("PAUSE_INSECURE_HTTP", False)

CONTENT_SECURITY_POLICY = content_security_policy(https=HTTPS)
PERMISSIONS_POLICY = PERMISSIONS_OFF
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# The TLS proxy in front must set X-Forwarded-Proto itself and drop any value a client sent
# (docs/deploy.md): Django believes it when deciding that a request came over https.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", HTTPS)
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
# A self-hoster on a subdomain of a school's domain may need this off for sibling http sites.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", True)
# Preloading is close to irreversible and binds the whole domain, so whoever runs the site opts in.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    # security.W021 (HSTS preload not set) is a choice, not an oversight: see SECURE_HSTS_PRELOAD above.
    "security.W021",
]

# __Host- cookies: only ever sent over https, to this exact host, for the whole site, so a
# sibling subdomain can't set or overwrite them. Browsers reject the prefix without Secure,
# so plain-http development keeps the usual names.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_NAME = "__Host-sessionid" if HTTPS else "sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken" if HTTPS else "csrftoken"
CSRF_COOKIE_HTTPONLY = True  # no script reads the token: forms carry it
CSRF_COOKIE_SAMESITE = "Lax"

# --- Pause ----------------------------------------------------------------------------------
PAUSE_CONTENT_DIR = Path(os.environ.get("PAUSE_CONTENT_DIR", BASE_DIR / "content"))
# Classes archived longer than this are deleted by `manage.py purge_expired`, with their students' class data.
# At most a hundred years (purge_expired --days too): longer is a typo, and far longer no date can hold.
RETENTION_DAYS_MAX = 36_500
RETENTION_DAYS = env_int("RETENTION_DAYS", 365, minimum=1, maximum=RETENTION_DAYS_MAX)
# Guessable codes (class, family, school staff), accounts.throttle; the numbers are argued in docs/deploy.md.
# Wrong codes of one kind allowed per browser, and per address, in JOIN_RATE_WINDOW seconds.
CODE_LIMIT_BROWSER = env_int("CODE_LIMIT_BROWSER", 10, minimum=1)
CODE_LIMIT_ADDRESS = env_int("CODE_LIMIT_ADDRESS", 200, minimum=1)
JOIN_RATE_WINDOW = 10 * 60
# Students who may join one class, and join from one address, in JOINS_WINDOW seconds.
JOINS_PER_CLASS = env_int("JOINS_PER_CLASS", 60, minimum=1)
JOINS_PER_ADDRESS = env_int("JOINS_PER_ADDRESS", 300, minimum=1)
JOINS_WINDOW = 60 * 60
# Where "Quick exit" goes: a neutral page that reveals nothing about this site.
QUICK_EXIT_URL = os.environ.get("QUICK_EXIT_URL", "https://www.bbc.co.uk/weather")
# Module packs as PDF (quizzes/pdf.py): made once per content version with headless Chromium, kept here.
PAUSE_PACK_DIR = Path(os.environ.get("PAUSE_PACK_DIR", BASE_DIR / "var" / "packs"))
PAUSE_CHROMIUM = os.environ.get("PAUSE_CHROMIUM", "")  # empty: the first of chromium, chromium-browser on PATH
# "Report a problem with this page" (feedback): reports also go by email here, when set; and how many an hour
# one browser, and everyone together, may send.
PAUSE_REPORTS_EMAIL = os.environ.get("PAUSE_REPORTS_EMAIL", "").strip()
PAUSE_REPORTS_PER_BROWSER = env_int("PAUSE_REPORTS_PER_BROWSER", 5, minimum=1)
PAUSE_REPORTS_PER_HOUR = env_int("PAUSE_REPORTS_PER_HOUR", 60, minimum=1)

CSRF_FAILURE_VIEW = "core.views.csrf_failure"
# Where Django's admin lives: unset is admin/; another path moves it; empty closes it (docs/deploy.md).
PAUSE_ADMIN_URL = env_url_path("PAUSE_ADMIN_URL", "admin/")

# --- logging and error mail -----------------------------------------------------------------
# Every module logs through `logging.getLogger(__name__)`: refusals and throttles at WARNING,
# content errors and unexpected failures at ERROR; ids and reasons only, never an address,
# a name, a username or anything a reader typed (docs/privacy.md). In production an ERROR
# (a 500 included) is also mailed to ADMINS, through a reporter that leaves out addresses,
# cookies, form values and the user's name (core/reporting.py).
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING").strip().upper()
if LOG_LEVEL not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
    raise ImproperlyConfigured(f"DJANGO_LOG_LEVEL must be DEBUG, INFO, WARNING, ERROR or CRITICAL, not {LOG_LEVEL!r}.")
# "Ops <ops@school.example>, it@school.example": who gets the error mail (none: nobody).
ADMINS = [(name, address) for name, address in getaddresses([os.environ.get("DJANGO_ADMINS", "")]) if address]
SERVER_EMAIL = os.environ.get("DJANGO_SERVER_EMAIL", "pause@localhost")
EMAIL_SUBJECT_PREFIX = "[Pause] "
# Email (sign-up links, password resets, error mail): EMAIL_URL, or the DJANGO_EMAIL_* variables,
# or the console in development (config/mail.py; docs/deploy.md, "Email").
_EMAIL = email_settings(os.environ, debug=DEBUG)
EMAIL_BACKEND = _EMAIL["EMAIL_BACKEND"]
EMAIL_HOST = _EMAIL["EMAIL_HOST"]
EMAIL_PORT = _EMAIL["EMAIL_PORT"]
EMAIL_HOST_USER = _EMAIL["EMAIL_HOST_USER"]
EMAIL_HOST_PASSWORD = _EMAIL["EMAIL_HOST_PASSWORD"]
EMAIL_USE_TLS = _EMAIL["EMAIL_USE_TLS"]
EMAIL_USE_SSL = _EMAIL["EMAIL_USE_SSL"]
# The sender of sign-up and password-reset mail; the mail server must accept it.
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "").strip() or SERVER_EMAIL
EMAIL_TIMEOUT = 10
DEFAULT_EXCEPTION_REPORTER = "core.reporting.PrivateExceptionReporter"
DEFAULT_EXCEPTION_REPORTER_FILTER = "core.reporting.PrivateReporterFilter"

LOGGING = logging_config(LOG_LEVEL)
