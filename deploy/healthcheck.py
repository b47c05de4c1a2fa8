"""The container's HEALTHCHECK: GET /health/ on this container's gunicorn, as the load
balancer would (with a host the portal accepts, and the proxy's X-Forwarded-Proto so that
the HTTPS redirect does not answer instead). Exit status 0 when it answers 200."""

import os
import sys
import urllib.request

host = (
    os.environ.get("ALLOWED_HOSTS", "127.0.0.1").split(",")[0].strip().lstrip("*.") or "127.0.0.1"
)
port = os.environ.get("GUNICORN_BIND", "0.0.0.0:8000").rsplit(":", 1)[1]
request = urllib.request.Request(
    f"http://127.0.0.1:{port}/health/", headers={"Host": host, "X-Forwarded-Proto": "https"}
)
try:
    with urllib.request.urlopen(request, timeout=4) as response:
        sys.exit(0 if response.status == 200 else 1)
except OSError:
    sys.exit(1)
