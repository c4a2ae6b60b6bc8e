"""gunicorn settings for Pause: `gunicorn -c config/gunicorn.conf.py config.wsgi`.

Every value can be set from the environment, so one file serves a single small
machine and each of several app servers behind a load balancer (docs/deploy.md).
"""

import multiprocessing
import os

from config.env import FORWARDED_ALLOW_IPS, env_int  # a bad value stops start-up with a message that names the variable

# Loopback by default: the TLS proxy on the same machine is the only thing that should reach gunicorn.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: each request is short and mostly CPU or SQLite; the classic 2 x cores + 1.
workers = env_int("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count() + 1)
worker_class = "sync"
# A request stuck this long is a bug or a lock: kill the worker rather than let a class wait.
timeout = env_int("GUNICORN_TIMEOUT", 30)
# On restart (an upgrade, a content update) in-flight answers get this long to finish.
graceful_timeout = env_int("GUNICORN_GRACEFUL_TIMEOUT", 30)
# Seconds an idle keep-alive connection from the proxy stays open.
keepalive = env_int("GUNICORN_KEEPALIVE", 5)
# Recycle workers now and then so a slow leak never becomes an outage; the jitter stops them all
# restarting at the same moment.
max_requests = env_int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = env_int("GUNICORN_MAX_REQUESTS_JITTER", 200)
# The master loads the app and the whole course once (when_ready below) and workers are
# forked with it in memory: a new worker, after a crash or a max_requests recycle, serves at
# once instead of spending seconds of CPU reading the course while requests queue behind it,
# and a broken course stops the start instead of killing workers one by one. The price: new
# code or content needs a restart (`systemctl restart pause`), not just `kill -HUP`.
preload_app = True
# Which proxies may tell gunicorn the client's scheme and address (X-Forwarded-*). Only the
# proxy on this machine by default; a load balancer's address when there are several servers.
# Django reads the same variable (PAUSE_PROXY_ADDRESSES): X-Forwarded-For from anyone else is ignored.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", FORWARDED_ALLOW_IPS)
# Limits that a course's forms never come near, so an oversized request is refused early.
limit_request_line = 4094
limit_request_fields = 60
limit_request_field_size = 8190

# "-" is standard output (journald keeps it); empty turns the access log off.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-") or None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No addresses, query strings, referrers or user agents: pupils' IP addresses and a help page's
# query (it names the reader's region) are more than running the site needs to keep.
access_log_format = '"%(m)s %(U)s" %(s)s %(B)s %(M)sms'
# No control socket: its default path is one per user, so a second gunicorn on the machine
# (a staging copy, a test run) would take it over; systemd and signals do the same job.
control_socket_disable = True


def when_ready(server):
    """Read and check the course in the master, before any worker is forked."""
    from django.db import connections

    from courses.registry import get_course
    from quizzes.registry import get_quiz_result

    get_course()
    get_quiz_result()
    # Workers must never share a database connection the master might have opened.
    connections.close_all()
