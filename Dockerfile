# syntax=docker/dockerfile:1
# hrsocial: one image for web, worker and beat (compose.yaml, docs/DEPLOYMENT.md).
# Stage 1 installs the locked dependencies (with their hashes) into a virtualenv and builds
# the static files and translations; the final image gets only that virtualenv and the code:
# no pip cache, no uv, no compilers (every dependency installs from a binary wheel).

FROM python:3.11-slim-bookworm AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN pip install --no-cache-dir uv==0.13.9
WORKDIR /app
COPY requirements.lock ./
RUN python -m venv /venv \
 && uv pip sync --no-cache --python /venv/bin/python --require-hashes requirements.lock
COPY . .
RUN rm -rf .venv .env \
 && /venv/bin/python manage.py compilemessages --ignore .venv -v 0 \
 && DEBUG=false SECRET_KEY=only-for-collectstatic /venv/bin/python manage.py collectstatic --noinput -v 0

FROM python:3.11-slim-bookworm
ENV PATH=/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DEBUG=false \
    GUNICORN_BIND=0.0.0.0:8000 \
    FORWARDED_ALLOW_IPS=* \
    MEDIA_ROOT=/data/media \
    HELPDESK_ATTACHMENTS_ROOT=/data/private/helpdesk
RUN groupadd --system --gid 10001 hrsocial \
 && useradd --system --uid 10001 --gid hrsocial --home-dir /app --no-create-home hrsocial \
 && mkdir -p /data/media /data/private/helpdesk \
 && chown -R hrsocial:hrsocial /data
COPY --from=build /venv /venv
COPY --from=build /app /app
WORKDIR /app
USER hrsocial
EXPOSE 8000
VOLUME ["/data"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
  CMD ["python", "deploy/healthcheck.py"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "hrsocial.wsgi"]
