"""Settings for hrsocial, driven by environment variables.

With no environment set, the portal runs embedded: SQLite, the local-memory cache, Celery
tasks executed in-process after commit, and e-mail printed to the console. Setting
DATABASE_URL, REDIS_URL and EMAIL_URL moves the same code onto PostgreSQL, Redis with real
Celery workers, and SMTP. Every variable is read here, once, and nowhere else.
"""

from email.utils import parseaddr
from pathlib import Path

import environ
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from kombu import Exchange, Queue

from hrsocial.environment import StrictEnv

BASE_DIR = Path(__file__).resolve().parent.parent

# Booleans are strict: a mistyped `SECURE_SSL_REDIRECT=ture` stops the portal at start-up.
env = StrictEnv()
# A .env file is convenient on a developer's machine; real deployments set the environment.
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=True)

# django-environ fails loudly on a malformed value; we also fail on a missing key in production.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-development-only-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
# The address people see in e-mails: links in a notification must point somewhere real.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
SITE_ID = 1
# What e-mails and the Site row call the portal (hrsocial.sites keeps the row in step).
PORTAL_NAME = env.str("PORTAL_NAME", default="hrsocial")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
    # Ours: the shared ground first, then the practices.
    "hrsocial.apps.HrsocialConfig",
    "people",
    "notifications",
    "integrations",
    "ninja",
    "guidelines",
    "competencies",
    "trainings",
    "helpdesk",
    "sharing",
    "insights",
    "provisioning",
    "news",
    "alumni",
    "recruitment",
]

MIDDLEWARE = [
    # First, so that every log line of a request carries its id (hrsocial.observability).
    "hrsocial.observability.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a signed-in user unless its view says @login_not_required.
    "hrsocial.middleware.LoginRequiredMiddleware",
    "hrsocial.middleware.LanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # After authentication; static files never get here (WhiteNoise answers them first).
    "hrsocial.middleware.PrivatePagesMiddleware",
    # HR staff, HR leads and admins without a second factor are sent to set one up.
    "people.middleware.SecondFactorMiddleware",
    # Alumni and freelancers who signed up see only the waiting page until verified.
    "alumni.middleware.VerificationMiddleware",
]

ROOT_URLCONF = "hrsocial.urls"
WSGI_APPLICATION = "hrsocial.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "hrsocial.context_processors.portal",
                "notifications.context_processors.unread",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # IMMEDIATE transactions and WAL let the development server and an eager task write
    # without "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # Server-side parameters let PostgreSQL keep the plan of a query this connection runs
    # often (every page's queries): planning a join costs more than running it. Behind a
    # transaction-mode PgBouncer without prepared-statement support, set
    # DATABASE_PREPARE_THRESHOLD to an empty value.
    _prepare_threshold = env.str("DATABASE_PREPARE_THRESHOLD", default="5")
    if _prepare_threshold:
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=int(_prepare_threshold)
        )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "hrsocial.cache.PortalRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="hrsocial"),
            # Redis down is not an outage (hrsocial.cache): failed calls are misses or no-ops,
            # Redis is skipped for RETRY_AFTER seconds after a failure, and these rate-limit
            # counters (allauth's login throttle, hrsocial.ratelimit's) are kept per process
            # meanwhile, so the limits still hold (per process) instead of failing open.
            "OPTIONS": {
                "RETRY_AFTER": 5,
                "LOCAL_FALLBACK_PREFIXES": ("allauth:rl:", "ratelimit:"),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The layout's fixed fragments (base.html): they change only with a deployment, so each
# process keeps its own, without a round trip to Redis.
CACHES["fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "fragments",
    "OPTIONS": {"MAX_ENTRIES": 5000},
}

# Sessions are written to the database and read through the cache: with Redis unreachable
# they are read from the database, so nobody is signed out by a Redis outage.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Users and sign-in ----------------------------------------------------------------------
AUTH_USER_MODEL = "people.User"
# allauth's backend, loading the signed-in user with its roles in one query.
AUTHENTICATION_BACKENDS = ["people.backends.PortalBackend"]
# Keep that user in the cache until people or groups change (people.signed_in). Only a shared
# cache (Redis) hears of changes made by other processes, so it is on only with Redis.
PEOPLE_SIGNED_IN_USER_CACHE = env.bool("PEOPLE_SIGNED_IN_USER_CACHE", default=bool(REDIS_URL))
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"

ACCOUNT_ADAPTER = "people.adapters.AccountAdapter"
SOCIALACCOUNT_ADAPTER = "people.adapters.SocialAccountAdapter"
ACCOUNT_FORMS = {"signup": "people.forms.SignupForm"}
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGIN_ON_PASSWORD_RESET = True
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_RATE_LIMITS = {
    # Five wrong passwords for one address in five minutes lock that address for the rest of
    # the window; one address on the network cannot try more than 20 logins a minute.
    "login_failed": "20/m/ip,5/5m/key",
    "login": "30/m/ip",
    "signup": "10/m/ip",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
}
# Self sign-up is only ever for alumni and freelancers (employees come from HR or the HRIS
# import). It stays closed until an organisation opens its alumni network.
SELF_SIGNUP_ENABLED = env.bool("SELF_SIGNUP_ENABLED", default=False)

# Single sign-on is optional. Providers configured here (or as "social applications" in the
# admin) appear on the login page; SSO only signs in people who already have an account.
SOCIALACCOUNT_ONLY = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_PROVIDERS = {}
if env.str("OIDC_CLIENT_ID", default=""):
    SOCIALACCOUNT_PROVIDERS["openid_connect"] = {
        "APPS": [
            {
                "provider_id": env.str("OIDC_PROVIDER_ID", default="sso"),
                "name": env.str("OIDC_NAME", default="Single sign-on"),
                "client_id": env.str("OIDC_CLIENT_ID"),
                "secret": env.str("OIDC_CLIENT_SECRET", default=""),
                "settings": {"server_url": env.str("OIDC_SERVER_URL")},
            }
        ]
    }
if env.str("MICROSOFT_CLIENT_ID", default=""):
    SOCIALACCOUNT_PROVIDERS["microsoft"] = {
        "APPS": [
            {
                "client_id": env.str("MICROSOFT_CLIENT_ID"),
                "secret": env.str("MICROSOFT_CLIENT_SECRET", default=""),
                "settings": {"tenant": env.str("MICROSOFT_TENANT", default="organizations")},
            }
        ]
    }
if env.str("GOOGLE_CLIENT_ID", default=""):
    SOCIALACCOUNT_PROVIDERS["google"] = {
        "APPS": [
            {
                "client_id": env.str("GOOGLE_CLIENT_ID"),
                "secret": env.str("GOOGLE_CLIENT_SECRET", default=""),
            }
        ]
    }

# A provider is installed when it is configured above or named in SSO_PROVIDERS (to configure
# it as a "social application" in the admin instead). With none, there are no SSO pages.
SSO_PROVIDERS = sorted(set(SOCIALACCOUNT_PROVIDERS) | set(env.list("SSO_PROVIDERS", default=[])))
_KNOWN_PROVIDERS = {"openid_connect", "microsoft", "google"}
if set(SSO_PROVIDERS) - _KNOWN_PROVIDERS:
    raise ImproperlyConfigured(f"SSO_PROVIDERS may only name {sorted(_KNOWN_PROVIDERS)}.")
INSTALLED_APPS += [f"allauth.socialaccount.providers.{name}" for name in SSO_PROVIDERS]

# Two-factor sign-in (allauth.mfa): an authenticator app (TOTP), security keys and passkeys
# (WebAuthn) and recovery codes. Optional for everyone; required for HR staff, HR leads and
# everyone with admin access while MFA_REQUIRED_FOR_HR is on (people.permissions).
MFA_SUPPORTED_TYPES = ["totp", "webauthn", "recovery_codes"]
MFA_TOTP_ISSUER = PORTAL_NAME
MFA_PASSKEY_LOGIN_ENABLED = True
# Passkeys need https; on a developer's http://127.0.0.1 only with DEBUG.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_REQUIRED_FOR_HR = env.bool("MFA_REQUIRED_FOR_HR", default=True)
# Single sign-on whose own MFA counts as the portal's second factor: providers named here are
# trusted to have asked for it (an Entra ID conditional-access policy, say); any other
# provider counts only when its ID token says so (an "amr" claim with "mfa", RFC 8176).
MFA_TRUSTED_SSO_PROVIDERS = env.list("MFA_TRUSTED_SSO_PROVIDERS", default=[])

# --- Language and time ------------------------------------------------------------------------
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Dutch")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Named date, time and money styles per language (see hrsocial.formatting).
FORMAT_MODULE_PATH = ["hrsocial.formats"]
USE_I18N = True
TIME_ZONE = env.str("TIME_ZONE", default="Europe/Amsterdam")
USE_TZ = True

# --- Static files and uploads -------------------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
# Uploads go through Django's storage API: files on local disk (MEDIA_ROOT, and for helpdesk
# attachments HELPDESK_ATTACHMENTS_ROOT, outside it), or in an S3-compatible bucket shared by
# every web process and worker when MEDIA_S3_BUCKET is set. Helpdesk attachments are served
# by the permission-checked download view either way: their storage has no URL.
MEDIA_S3_BUCKET = env.str("MEDIA_S3_BUCKET", default="")
if MEDIA_S3_BUCKET:
    _s3 = {
        "bucket_name": MEDIA_S3_BUCKET,
        "endpoint_url": env.str("MEDIA_S3_ENDPOINT_URL", default="") or None,
        "region_name": env.str("MEDIA_S3_REGION", default="") or None,
        "access_key": env.str("MEDIA_S3_ACCESS_KEY_ID", default="") or None,
        "secret_key": env.str("MEDIA_S3_SECRET_ACCESS_KEY", default="") or None,
        "default_acl": "private",
        "file_overwrite": False,
        "querystring_auth": True,
    }
    _media_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {**_s3, "location": "media"},
    }
    _attachment_storage = {
        "BACKEND": "hrsocial.storage.PrivateS3Storage",
        "OPTIONS": {**_s3, "location": "helpdesk-attachments"},
    }
else:
    _media_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    _attachment_storage = {"BACKEND": "helpdesk.storage.PrivateStorage"}
STORAGES = {
    "default": _media_storage,
    "helpdesk_attachments": _attachment_storage,
    "staticfiles": {
        # Hashed, compressed files in production; plain files while developing and testing.
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# --- E-mail ---------------------------------------------------------------------------------
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="hrsocial <hr@example.com>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Whom people without the helpdesk (visitors, alumni, freelancers) can write to.
HR_CONTACT_EMAIL = env.str("HR_CONTACT_EMAIL", default=parseaddr(DEFAULT_FROM_EMAIL)[1])
# Seconds per SMTP step; a stuck delivery is retried after notifications'
# SENDING_TIMEOUT (2 minutes), well above one message's sending time.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=10)
# Only for tests: deliver e-mail in the request that caused it (in the embedded mode the
# periodic runner delivers it after the response, never during it).
NOTIFICATIONS_DELIVER_IN_REQUEST = False
# With neither celery beat nor `run_periodic_tasks --loop` running for this long, HR sees a
# warning (the outbox sweep runs every minute).
NOTIFICATIONS_SCHEDULE_STALE_MINUTES = 10

# --- Celery -----------------------------------------------------------------------------------
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
# In eager mode a failing delivery must not break the request that caused it; the sweep
# retries it. Tests set CELERY_TASK_EAGER_PROPAGATES to see errors.
CELERY_TASK_EAGER_PROPAGATES = env.bool("CELERY_TASK_EAGER_PROPAGATES", default=False)
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_DEFAULT_QUEUE = env.str("CELERY_QUEUE", default="hrsocial")
# Three kinds of work, three queues, so that a fan-out to every employee never holds up a
# password-reset e-mail: `notifications` (e-mail delivery, latency matters), `bulk` (fan-outs
# and reminder runs) and the default queue (the rest). Unset, they are all the default queue
# and one worker does everything (the development setup, CI); docs/DEPLOYMENT.md runs a
# worker per queue.
CELERY_NOTIFICATIONS_QUEUE = env.str(
    "CELERY_NOTIFICATIONS_QUEUE", default=CELERY_TASK_DEFAULT_QUEUE
)
CELERY_BULK_QUEUE = env.str("CELERY_BULK_QUEUE", default=CELERY_TASK_DEFAULT_QUEUE)
# A worker started without --queues consumes all of them. Each queue has its own exchange
# and routing key: with shared ones, a message would be copied into every queue.
CELERY_TASK_QUEUES = [
    Queue(name, Exchange(name), routing_key=name)
    for name in dict.fromkeys(
        (CELERY_TASK_DEFAULT_QUEUE, CELERY_NOTIFICATIONS_QUEUE, CELERY_BULK_QUEUE)
    )
]
CELERY_TASK_ROUTES = {
    **{
        task: {"queue": CELERY_NOTIFICATIONS_QUEUE}
        for task in (
            "notifications.tasks.deliver_notifications",
            "notifications.tasks.send_digest",
            "notifications.tasks.sweep_undelivered",
            "integrations.tasks.deliver_webhooks",
            "integrations.tasks.sweep_webhooks",
            "integrations.tasks.deliver_chat_messages",
            "integrations.tasks.sweep_chat_messages",
            "people.tasks.send_invitation",
            "people.tasks.send_password_reset",
            "recruitment.tasks.send_candidate_message",
            "recruitment.tasks.sweep_candidate_messages",
        )
    },
    **{
        task: {"queue": CELERY_BULK_QUEUE}
        for task in (
            "guidelines.tasks.announce_version",
            "notifications.tasks.send_daily_digests",
            "guidelines.tasks.send_acknowledgement_reminders",
            "trainings.tasks.send_reminders",
            "trainings.tasks.send_feedback_requests",
            "competencies.tasks.send_deadline_reminders",
            "sharing.tasks.send_monthly_notes",
            "sharing.tasks.send_weekly_kits",
            "news.tasks.send_must_read_reminders",
            "news.tasks.send_weekly_digest",
        )
    },
}
# One beat at a time, however many are started: RedBeat keeps the schedule's last runs in
# Redis and holds a lock there; a second beat waits for the lock and sends nothing. The lock
# expires LOCK_TIMEOUT seconds after a beat dies, then a waiting beat takes over where the
# dead one stopped (no task is sent twice for one due time).
CELERY_BEAT_SCHEDULER = "redbeat.RedBeatScheduler"
CELERY_REDBEAT_REDIS_URL = REDIS_URL or None
CELERY_REDBEAT_KEY_PREFIX = f"{CELERY_TASK_DEFAULT_QUEUE}:redbeat"
CELERY_BEAT_MAX_LOOP_INTERVAL = 5
CELERY_REDBEAT_LOCK_TIMEOUT = 30
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# When the broker is down, publishing gives up quickly: the row is already in the outbox and
# the sweep delivers it later, so a request never hangs on Redis.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5}
# Periodic work is declared by each app (PortalAppConfig.periodic_tasks); celery beat and, in
# the embedded mode, `manage.py run_periodic_tasks --loop` (started by `make run`) run it. An
# entry here adds to or overrides the apps' (same name) for one installation.
CELERY_BEAT_SCHEDULE = {}

# --- Forms and front end ----------------------------------------------------------------------
CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

# --- Helpdesk (practice 3) -------------------------------------------------------------------
# Working hours for response targets (Mon–Fri; public holidays are edited in the admin).
HELPDESK_WORKDAY_START = env.int("HELPDESK_WORKDAY_START", default=9)
HELPDESK_WORKDAY_END = env.int("HELPDESK_WORKDAY_END", default=17)
# The assignee is warned this many working hours before the first-response target.
HELPDESK_SLA_WARNING_HOURS = env.int("HELPDESK_SLA_WARNING_HOURS", default=4)
# A question waiting for the asker: a reminder after this many days, closed after that many.
HELPDESK_WAITING_REMINDER_DAYS = env.int("HELPDESK_WAITING_REMINDER_DAYS", default=5)
HELPDESK_WAITING_CLOSE_DAYS = env.int("HELPDESK_WAITING_CLOSE_DAYS", default=10)
# Attachments live outside MEDIA_ROOT: they are only served by a permission-checked view.
HELPDESK_ATTACHMENTS_ROOT = env.path(
    "HELPDESK_ATTACHMENTS_ROOT", default=BASE_DIR / "private" / "helpdesk"
)
HELPDESK_ATTACHMENT_MAX_BYTES = env.int("HELPDESK_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)

# --- Recruitment (practice 9) ------------------------------------------------------------------
# Candidates' CVs live outside MEDIA_ROOT: only HR's download view serves them.
RECRUITMENT_CV_ROOT = env.path("RECRUITMENT_CV_ROOT", default=BASE_DIR / "private" / "recruitment")

# --- Guidelines (practice 1) -------------------------------------------------------------------
# Employees are reminded of tips they have not acknowledged after this many days (and at
# most once per this many days).
GUIDELINES_REMINDER_DAYS = env.int("GUIDELINES_REMINDER_DAYS", default=14)
# The draft checker (page and JSON endpoint together), per person per minute.
GUIDELINES_CHECKS_PER_MINUTE = env.int("GUIDELINES_CHECKS_PER_MINUTE", default=60)

# --- Integrations: the API, webhooks --------------------------------------------------------
# Requests per minute per personal access token.
API_RATE_LIMIT_PER_MINUTE = env.int("API_RATE_LIMIT_PER_MINUTE", default=120)
# A webhook is switched off after this many failed deliveries in a row (HR hears of it).
WEBHOOK_MAX_FAILURES = env.int("WEBHOOK_MAX_FAILURES", default=10)
# Seconds to connect to and hear back from a webhook's target.
WEBHOOK_TIMEOUT = env.float("WEBHOOK_TIMEOUT", default=5.0)
# Tests only: also accept http://127.0.0.1 targets (never in production: the portal must not
# reach the internal network).
WEBHOOK_ALLOW_LOCALHOST = False

# --- Competencies (practices 4 and 8) ----------------------------------------------------------
# Managers see the competency profiles of their direct reports; with this on, of the whole
# line below them (their reports' reports too). Reviewing stays with the direct manager.
COMPETENCIES_MANAGER_SEES_WHOLE_LINE = env.bool(
    "COMPETENCIES_MANAGER_SEES_WHOLE_LINE", default=False
)
# Reminders go out this many days before the self-assessment and review deadlines.
COMPETENCIES_REMINDER_DAYS = env.int("COMPETENCIES_REMINDER_DAYS", default=3)

# --- Sharing (practices 5 and 9) ---------------------------------------------------------------
# The works council consented to per-person share figures for HR (art. 27 WOR). Off: HR sees
# per-person figures only of people who opted in to the leaderboard.
SHARING_WORKS_COUNCIL_CONSENT = env.bool("SHARING_WORKS_COUNCIL_CONSENT", default=False)
# Largest image HR may upload for a share kit.
SHARING_IMAGE_MAX_BYTES = env.int("SHARING_IMAGE_MAX_BYTES", default=5 * 1024 * 1024)

# --- Security ---------------------------------------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers and container health checks probe over plain HTTP on the private network.
SECURE_REDIRECT_EXEMPT = [r"^health/$", r"^ready/$"]
SESSION_COOKIE_SECURE = env.bool("SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
LANGUAGE_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=not DEBUG)
# The header only allows preloading; the domain owner decides whether to submit it.
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=not DEBUG)
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): scripts only from our own static files, never
# inline (templates carry data in data- attributes and <meta> tags; htmx's config is a meta
# tag too). Styles allow inline style attributes: Bootstrap's components, the Django admin
# and progress bars set them, and an injected style cannot run code.
# Bootstrap's CSS draws its icons (checkboxes, selects) with data: images.
# No form-action: signing in with SSO posts to us and is redirected to the provider.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Behind a reverse proxy every request comes from the proxy's address, so allauth's login
# throttling (and any limit of ours keyed on an address, see hrsocial.middleware.client_ip)
# would count the whole organisation as one client. Set TRUSTED_PROXY_COUNT to the number of
# proxies in front of the portal that append to X-Forwarded-For (usually 1); with 0 (the
# default) the header is ignored, because a client can write anything in it.
ALLAUTH_TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)

# Logs go to standard error (the process manager or container collects them), as JSON lines
# with the request id in production (LOG_FORMAT=json, the default with DEBUG off), as plain
# text while developing.
LOG_FORMAT = env.str("LOG_FORMAT", default="text" if DEBUG else "json")
if LOG_FORMAT not in {"json", "text"}:
    raise ImproperlyConfigured(f"LOG_FORMAT={LOG_FORMAT!r}: use json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "hrsocial.observability.RequestIdFilter"}},
    "formatters": {
        "json": {"()": "hrsocial.observability.JsonFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": LOG_FORMAT,
        }
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
    "loggers": {
        "hrsocial": {"level": env.str("LOG_LEVEL", default="INFO")},
        "notifications": {"level": env.str("LOG_LEVEL", default="INFO")},
        # A worker's "received"/"succeeded" lines: what shows a task ran once.
        "celery": {"level": env.str("LOG_LEVEL", default="INFO")},
    },
}
# Celery workers and beat log through LOGGING above (JSON in production), not their own format.
CELERY_WORKER_HIJACK_ROOT_LOGGER = False

# Optional error reports (Sentry or a compatible service), without personal data: see
# hrsocial.observability.scrub_event.
SENTRY_DSN = env.str("SENTRY_DSN", default="")
if SENTRY_DSN:
    from hrsocial.observability import sentry_init

    sentry_init(dsn=SENTRY_DSN, environment=env.str("SENTRY_ENVIRONMENT", default="production"))
