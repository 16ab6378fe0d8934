"""gunicorn settings for Touchpoint (deploy/bin/web). Every value can be set from the environment.

Sync workers: a learner request is short and mostly database and template work, so processes
(not threads) use both cores; each holds one persistent PostgreSQL connection.
"""

import multiprocessing
import os
import sys
from pathlib import Path

# gunicorn reads this file before it imports the app: make the project importable for cms.logging.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cms.logging import logging_config

bind = os.environ.get("WEB_BIND", f"0.0.0.0:{os.environ.get('PORT', '8000')}")
# 2 x cores + 1 per host; PostgreSQL connections = hosts x this + workers, keep it under
# max_connections.
workers = int(os.environ.get("WEB_CONCURRENCY", str(multiprocessing.cpu_count() * 2 + 1)))
worker_class = "sync"
timeout = int(os.environ.get("WEB_TIMEOUT", "30"))
graceful_timeout = int(os.environ.get("WEB_GRACEFUL_TIMEOUT", "30"))
keepalive = int(os.environ.get("WEB_KEEPALIVE", "5"))
backlog = int(os.environ.get("WEB_BACKLOG", "2048"))
# Recycle workers now and then so a slow leak never becomes an outage.
max_requests = int(os.environ.get("WEB_MAX_REQUESTS", "2000"))
max_requests_jitter = int(os.environ.get("WEB_MAX_REQUESTS_JITTER", "200"))
# Import Django once, then fork: faster start, less memory. Connections open after the fork.
preload_app = True
# The proxy in front terminates TLS; Django reads X-Forwarded-Proto (SECURE_PROXY_SSL_HEADER).
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
# Heartbeat files in memory, not on a possibly slow or full disk.
worker_tmp_dir = os.environ.get("WEB_TMP_DIR", "/dev/shm" if os.path.isdir("/dev/shm") else None)
# Several instances may run on one host (CI runs two): no shared control socket.
control_socket_disable = True

# Logs: JSON lines on stdout, access lines included (cms.logging.JsonFormatter).
accesslog = "-"
errorlog = "-"
access_log_format = '%(h)s "%(r)s" %(s)s %(b)s %(D)sus %({x-request-id}o)s'
_level = os.environ.get("LOG_LEVEL", "INFO")
# The site's own logging setup (cms.logging), plus gunicorn's two loggers.
logconfig_dict = logging_config(
    level=_level, json_lines=os.environ.get("LOG_FORMAT", "json") != "plain"
)
logconfig_dict["loggers"].update(
    {
        "gunicorn.error": {"handlers": ["stdout"], "level": _level, "propagate": False},
        "gunicorn.access": {
            "handlers": ["stdout"],
            "level": "INFO" if os.environ.get("WEB_ACCESS_LOG", "1") == "1" else "WARNING",
            "propagate": False,
        },
    }
)
