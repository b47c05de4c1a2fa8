"""gunicorn's settings for hrsocial (`make serve`, the container, the scale-out bench).

Every value can be changed from the environment; the defaults suit one machine.
"""

import os

# Containers and `make serve` set the address; behind a proxy keep it on loopback/private.
bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")

# Processes from the cores this process may use (a container's limit included), threads for
# the time a request waits on PostgreSQL or Redis. WEB_CONCURRENCY overrides, as on most hosts.
_cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
workers = int(os.environ.get("WEB_CONCURRENCY", max(2, (_cores or 1) + 1)))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", 4))

# A request that takes longer than this is a bug or a hung service: the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 30))
# On SIGTERM (a deploy, honcho stopping) requests in flight get this long to finish.
graceful_timeout = int(os.environ.get("GUNICORN_GRACEFUL_TIMEOUT", 30))
# Above the load balancer's idle timeout towards us is not needed; below it avoids resets.
keepalive = int(os.environ.get("GUNICORN_KEEPALIVE", 5))
# Workers are renewed now and then, so slow growth of memory cannot accumulate.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 2000))
max_requests_jitter = max_requests // 10

# Load the code once in the master: workers share its memory and a broken release fails at
# start, not on the first request.
preload_app = True
# Only the proxy may tell us the client's scheme (X-Forwarded-Proto); settings trust it.
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# Both logs to standard output/error, the access log as JSON lines (hrsocial.serving).
accesslog = "-"
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
logger_class = "hrsocial.serving.JsonAccessLogger"
# Temporary files of requests in memory (containers often have a slow or read-only /tmp).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
proc_name = "hrsocial"
# gunicorn's control socket (gunicornc) defaults to one path per user: two gunicorns on one
# machine would share it. Off unless GUNICORN_CONTROL_SOCKET names a path of its own.
if os.environ.get("GUNICORN_CONTROL_SOCKET"):
    control_socket = os.environ["GUNICORN_CONTROL_SOCKET"]
else:
    control_socket_disable = True
