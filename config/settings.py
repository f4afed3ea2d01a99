"""Settings for every deployment, read from the environment (see .env.example).

With nothing set the defaults give a local demo: DEBUG on, a SQLite file, Celery tasks run
eagerly and email printed to the console. Tests and production set DATABASE_URL and REDIS_URL.
"""

import ipaddress
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if (BASE_DIR / ".env").exists():
    env.read_env(BASE_DIR / ".env")

DEBUG = env.bool("DEBUG", default=True)

# A key that is only good for a laptop demo; with DEBUG off a real one is required.
_DEMO_SECRET_KEY = "demo-only-insecure-key-do-not-use-in-production-3f9a7c1e5b"
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
if DEBUG:
    SECRET_KEY = SECRET_KEY or _DEMO_SECRET_KEY
    ALLOWED_HOSTS = ALLOWED_HOSTS or ["127.0.0.1", "localhost", "[::1]", "testserver"]
else:
    if not SECRET_KEY or SECRET_KEY == _DEMO_SECRET_KEY:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    if not ALLOWED_HOSTS:
        raise ImproperlyConfigured("ALLOWED_HOSTS must be set when DEBUG is off.")

SERVICE_NAME = "Open Gate"
SERVICE_PHASE = env.str("SERVICE_PHASE", default="beta")
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_forms_gds",
    "django_filters",
    "django.contrib.postgres",
    "csp",
    "core",
    "accounts",
    "providers",
    "mentees",
    "volunteers",
    "matching",
    "accreditation",
    "outcomes",
    "home",
]

MIDDLEWARE = [
    "config.health.HealthMiddleware",  # first: a load balancer's check needs nothing else
    # before SecurityMiddleware: X-Forwarded-Proto is believed only from our own proxies
    "accounts.addresses.ForwardedProtoFromOurProxiesMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "config.compression.PublicGZipMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.languages.LanguageFromURLMiddleware",
    "accounts.sessions.PrivateResponsesMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "accounts.sessions.SessionTimeoutMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "providers.middleware.ActiveMembershipMiddleware",
    "providers.middleware.TenantRowSecurityMiddleware",
    "accounts.middleware.StaffMFAMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

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
                "config.context_processors.service",
                "core.languages.languages",
                "providers.context_processors.active_membership",
            ],
            # GOV.UK-style dates and times ("3 December 2026 at 7:38am") in every template.
            "builtins": ["core.templatetags.govuk_dates"],
        },
    },
]

# Database: a SQLite file for the demo; Postgres (DATABASE_URL) for tests and production.
DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# In production DATABASE_URL is the application's own role, and `manage.py migrate` connects as
# the tables' owner (MIGRATION_DATABASE_URL, given to the migrate step only) and then grants the
# application's role its rights: on the audit log, SELECT and INSERT only (accounts/database.py).
_migration_url = env.str("MIGRATION_DATABASE_URL", default="")
MIGRATION_DATABASE = env.db_url_config(_migration_url) if _migration_url else None
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # With Postgres unreachable a request gives up within seconds and answers 503 (config/errors).
    DATABASES["default"].setdefault("OPTIONS", {})["connect_timeout"] = env.int(
        "DATABASE_CONNECT_TIMEOUT", default=3
    )
    # Postgres's JIT compiler starts on any query its planner costs highly, such as a search
    # reading most listings, and compiling took 100 to 280 ms against 60 ms to run the query
    # (docs/decisions/0051-served-speed-measured-choices.md). Short web queries never repay it.
    if not env.bool("DATABASE_JIT", default=False):
        DATABASES["default"]["OPTIONS"]["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis is the Celery broker and the shared cache (rate limits must be shared by all web
# processes). Without it the demo uses a local-memory cache and eager tasks. Redis going down
# must not take pages with it: the cache falls back to each process's memory (core/cache.py),
# giving up on a call to Redis within half a second and trying it again after a few seconds.
REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FallbackRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.str("CACHE_KEY_PREFIX", default="opengate"),
            "OPTIONS": {
                "socket_connect_timeout": env.float("REDIS_CONNECT_TIMEOUT", default=0.5),
                "socket_timeout": env.float("REDIS_TIMEOUT", default=0.5),
                "RETRY_AFTER_SECONDS": env.float("REDIS_RETRY_AFTER_SECONDS", default=5),
            },
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The outbox (core/outbox.py); see also EMAIL_URL below.
# How long a relay holds an email it is sending before another may take it over.
OUTBOX_LEASE_SECONDS = env.int("OUTBOX_LEASE_SECONDS", default=5 * 60)
# Failed sends are tried again after 30 s, 1 min, 2 min, ... (at most an hour apart) and given up
# (left for a platform admin to send again) after this many tries: about 4 hours.
OUTBOX_MAX_ATTEMPTS = env.int("OUTBOX_MAX_ATTEMPTS", default=10)
OUTBOX_FIRST_RETRY_SECONDS = env.int("OUTBOX_FIRST_RETRY_SECONDS", default=30)
# How often beat sweeps the outbox (each commit also asks for a send at once), and how long one
# relay task may go on sending before it stops and leaves the rest to the next.
OUTBOX_SWEEP_SECONDS = env.float("OUTBOX_SWEEP_SECONDS", default=30)
OUTBOX_RELAY_SECONDS = env.float("OUTBOX_RELAY_SECONDS", default=60)
OUTBOX_MESSAGE_ID_DOMAIN = env.str("OUTBOX_MESSAGE_ID_DOMAIN", default="opengate.example")
# Sent emails (their bodies may be about a person) are deleted this many days after sending.
OUTBOX_KEEP_SENT_DAYS = env.int("OUTBOX_KEEP_SENT_DAYS", default=30)
# Emails given up after every try stay this long for a platform admin to send again, then go.
OUTBOX_KEEP_GIVEN_UP_DAYS = env.int("OUTBOX_KEEP_GIVEN_UP_DAYS", default=90)
# A form's "sent once" key (core/once.py) is kept this many days, then deleted by a daily job.
SUBMISSION_KEEP_DAYS = env.int("SUBMISSION_KEEP_DAYS", default=7)

CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default=REDIS_URL or "cache+memory://")
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
# A task is acknowledged when it has finished, not when it starts, and a task whose worker died
# (SIGKILL, a lost machine) goes back on the queue; every task is safe to run twice (emails go
# through the outbox, keyed on its row). Redis gives an unacknowledged task to another worker after
# the visibility timeout, so no task may run longer than it: the hard time limit is well inside.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=8 * 60)
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=10 * 60)
TASK_VISIBILITY_TIMEOUT = env.int("TASK_VISIBILITY_TIMEOUT", default=15 * 60)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": TASK_VISIBILITY_TIMEOUT,
    # A web process asking for a task while Redis is down gives up in a second, not a minute.
    "socket_connect_timeout": 1,
    "socket_timeout": 5,
}
CELERY_RESULT_BACKEND_TRANSPORT_OPTIONS = {"socket_connect_timeout": 1, "socket_timeout": 5}
CELERY_BROKER_CONNECTION_TIMEOUT = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Europe/London"
CELERY_BEAT_SCHEDULE: dict = {
    "erase-expired-referrals": {
        "task": "mentees.tasks.erase_expired_referrals",
        "schedule": crontab(hour=2, minute=15),
    },
    "erase-expired-case-records": {
        "task": "mentees.tasks.erase_expired_case_records",
        "schedule": crontab(hour=2, minute=30),
    },
    "erase-expired-volunteer-applications": {
        "task": "volunteers.tasks.erase_expired_volunteer_applications",
        "schedule": crontab(hour=2, minute=45),
    },
    "lapse-proposals": {"task": "matching.tasks.lapse_proposals", "schedule": crontab(minute=5)},
    "daily-reminders": {
        "task": "matching.tasks.send_daily_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "accreditation-reminders": {
        "task": "accreditation.tasks.send_accreditation_reminders",
        "schedule": crontab(hour=7, minute=10),
    },
    "outbox-relay": {
        "task": "core.tasks.relay_outbox",
        "schedule": timedelta(seconds=OUTBOX_SWEEP_SECONDS),
    },
    "outbox-forget-sent": {
        "task": "core.tasks.forget_sent_emails",
        "schedule": crontab(hour=3, minute=0),
    },
    "forget-old-submissions": {
        "task": "core.tasks.forget_old_submissions",
        "schedule": crontab(hour=3, minute=5),
    },
    "outcome-follow-ups": {
        "task": "outcomes.tasks.remind_follow_ups",
        "schedule": crontab(hour=7, minute=10),
    },
    "monthly-outcome-reports": {
        "task": "outcomes.tasks.monthly_reports",
        "schedule": crontab(day_of_month=1, hour=3, minute=30),
    },
    "quarterly-outcome-reports": {
        "task": "outcomes.tasks.quarterly_reports",
        "schedule": crontab(month_of_year="1,4,7,10", day_of_month=1, hour=4, minute=0),
    },
}

# Accounts
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "accounts.passwords.UserAttributeSimilarityValidator"},
    {
        "NAME": "accounts.passwords.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "accounts.passwords.CommonPasswordValidator"},
    {"NAME": "accounts.passwords.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "dashboard"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_FORMS = {"login": "accounts.forms.LoginForm", "signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
# Email subjects are ours alone, without allauth's "[site name]" in front.
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SESSION_REMEMBER = False
# allauth's built-in rate limits, kept in the shared cache. Wrong passwords are limited by
# accounts.ratelimits per account and address together, with a growing wait and no hard block by
# address (an office shares one). Two-factor codes are limited the same way, per account and
# address (accounts.mfa_forms), so allauth's "login_failed" limit is off.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "",
    "login": "",
    "signup": "20/m/ip",
    "confirm_email": "1/3m/key",
    "reset_password": "20/m/ip,5/m/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "reauthenticate": "10/m/ip",
    # Checking a request for a mentor: a generous limit by address, which a prison's shared
    # address does not reach in normal use...
    "check_request": "300/1h/ip",
    # ...and only wrong answers count against one reference.
    "check_request_failed": "5/1h/key",
    # Certificate codes are far too many to guess; the limit keeps anyone from trying.
    "verify_certificate": "60/1h/ip",
}
# Passkeys (WebAuthn) are offered to every account as a second factor that cannot be phished,
# and to sign in with alone; an authenticator app stays for those without JavaScript or a device.
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_ADAPTER = "accounts.adapter.MFAAdapter"
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_FORMS = {
    "activate_totp": "accounts.mfa_forms.ActivateTotpForm",
    "authenticate": "accounts.mfa_forms.AuthenticateCodeForm",
    "reauthenticate": "accounts.mfa_forms.ReauthenticateCodeForm",
    "add_webauthn": "accounts.passkeys.AddPasskeyForm",
    "edit_webauthn": "accounts.passkeys.EditPasskeyForm",
    "authenticate_webauthn": "accounts.passkeys.AuthenticatePasskeyForm",
    "login_webauthn": "accounts.passkeys.LoginPasskeyForm",
    "reauthenticate_webauthn": "accounts.passkeys.ReauthenticatePasskeyForm",
}
# WebAuthn checks the page's origin is https; the demo and tests serve plain http on localhost.
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_TOTP_ISSUER = SERVICE_NAME
MFA_RECOVERY_CODE_COUNT = 10
# allauth refuses this unless DEBUG is on: the demo's "any account, code 000000" shortcut.
MFA_TOTP_INSECURE_BYPASS_CODE = env.str("DEMO_MFA_BYPASS_CODE", default="") or None
if MFA_TOTP_INSECURE_BYPASS_CODE and not DEBUG:
    raise ImproperlyConfigured("DEMO_MFA_BYPASS_CODE may only be set when DEBUG is on.")

# Sessions (accounts/sessions.py): the cookie ends with the browser; an anonymous visitor's
# answers go after 20 idle minutes, a signed-in user is signed out after 30 idle minutes and
# 8 hours at most. SESSION_COOKIE_AGE is the server's own upper bound on any session.
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
SESSION_IDLE_SECONDS_ANONYMOUS = env.int("SESSION_IDLE_SECONDS_ANONYMOUS", default=20 * 60)
SESSION_IDLE_SECONDS_SIGNED_IN = env.int("SESSION_IDLE_SECONDS_SIGNED_IN", default=30 * 60)
SESSION_MOST_SECONDS_SIGNED_IN = env.int("SESSION_MOST_SECONDS_SIGNED_IN", default=8 * 60 * 60)
# How long before the idle limit a signed-in user with JavaScript is warned.
SESSION_WARNING_SECONDS = env.int("SESSION_WARNING_SECONDS", default=2 * 60)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 60 * 60)
# Pages that always carry personal data, whoever asks: never stored by a browser or proxy.
PERSONAL_URL_NAMES = ["mentees:ask_", "mentees:check_"]
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Email
_email = env.email_url("EMAIL_URL", default="consolemail://")
# Every email is written to the outbox in Postgres, in the transaction that causes it (core/mail.py)
# and sent later by the relay (core/outbox.py) through EMAIL_URL's backend.
EMAIL_BACKEND = "core.mail.OutboxEmailBackend"
OUTBOX_DELIVERY_BACKEND = _email["EMAIL_BACKEND"]
# A send that takes longer than this fails (and is tried again), so it can never outlive its lease.
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=30)
EMAIL_HOST = _email.get("EMAIL_HOST", "")
EMAIL_PORT = _email.get("EMAIL_PORT", 25)
EMAIL_HOST_USER = _email.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = _email.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = _email.get("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = _email.get("EMAIL_USE_SSL", False)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Open Gate <no-reply@opengate.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Internationalisation
LANGUAGE_CODE = "en-gb"
# Public and offender-facing pages also in Welsh, under /cy/ (core/languages.py).
LANGUAGES = [("en-gb", "English"), ("cy", "Cymraeg")]
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

# Static files: govuk-frontend and MoJ Frontend are copied into static/vendor/ by `make vendor`.
STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# WhiteNoise caches hashed files for a year (immutable) and the rest for a minute, in `make demo`
# too (its default there is no caching, so every page would ask again for each file).
WHITENOISE_MAX_AGE = 60
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "config.storage.StaticFilesStorage"
        )
    },
}
# Uploads live outside the web root and are only served through permission-checked views.
LOCALE_PATHS = [BASE_DIR / "locale"]

MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "private_media")))
# Files are counted as they arrive: reading stops at the view's limit (core/upload_limits.py),
# 10 MB unless the view sets a smaller one. Files over 2.5 MB wait on disk, not in memory.
UPLOAD_MAX_BYTES = 10 * 1024 * 1024
FILE_UPLOAD_HANDLERS = [
    "core.upload_limits.LimitedUploadHandler",
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "django.core.files.uploadhandler.TemporaryFileUploadHandler",
]
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440

CRISPY_ALLOWED_TEMPLATE_PACKS = ["gds"]
CRISPY_TEMPLATE_PACK = "gds"

# Security headers. A strict CSP: scripts only from us, inline only with the request's nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# The networks of our own proxies (load balancers) that add to X-Forwarded-For. Empty, the
# default, means no proxy: the header is ignored. accounts.addresses reads it for the audit log
# and every rate limit alike; a value that is not a network stops the service at start-up.
TRUSTED_PROXIES = env.list("TRUSTED_PROXIES", default=[])
for _network in TRUSTED_PROXIES:
    try:
        ipaddress.ip_network(_network, strict=False)
    except ValueError as _error:
        raise ImproperlyConfigured(f"TRUSTED_PROXIES: {_error}") from _error
# Whether a request came over https is taken from X-Forwarded-Proto only when a proxy is declared
# (and then only from the proxy itself: accounts.addresses.ForwardedProtoFromOurProxiesMiddleware).
# With no proxy, a client could otherwise say "https" over plain http.
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Tenancy
INVITATION_VALID_DAYS = env.int("INVITATION_VALID_DAYS", default=7)
# Postgres row-level security (core/row_security.py): on these tables a request acting for an
# organisation sees only that organisation's rows, even through a query missing its filter. By
# model name, not app label, so a model moved between apps stays covered; a name that matches no
# model, or two, stops the service. Every model with a required organisation is in one list or
# the other (tests/core/test_row_security.py).
ROW_SECURITY_MODELS = [
    "Mentee",
    "MenteeStatusChange",
    "NeedsAssessment",
    "Goal",
    "CaseNote",
    "CaseDocument",
    "VolunteerReference",
    "CriminalRecordDisclosure",
    "Interview",
    "DBSCheck",
    "TrainingRecord",
    "MentorProfile",
    "SupervisionSession",
    "BulkProposal",
    "Exclusion",
    "Match",
    "MatchEvent",
    "Meeting",
    "MatchingSettings",
    "Application",
    "RequirementResponse",
    "EvidenceFile",
    "EvidenceSummary",
    "Visit",
    "ApplicationEvent",
    "SupportRequest",
    "OutcomeRecord",
    "OutcomeSettings",
]
# Read or written across organisations in a staff request, or by applicants or the public:
# volunteer roles, training modules, applications and their updates, memberships, invitations,
# services, locations, awards (the public register). Models whose organisation may be empty
# (referrals, passed on to another organisation; the audit log; report snapshots) stay out too.
ROW_SECURITY_OPEN_MODELS = [
    "VolunteerRole",
    "TrainingModule",
    "VolunteerApplication",
    "ApplicationUpdate",
    "Membership",
    "Invitation",
    "Service",
    "Location",
    "Award",
]
# Whether each staff request sets its organisation for the policies (two queries a request). On
# by default only with two database roles (MIGRATION_DATABASE_URL set): one role owns the tables
# and the policies do not hold it (the demo, the tests). Off, the policies let every row through.
ROW_SECURITY_SCOPING = env.bool("ROW_SECURITY_SCOPING", default=MIGRATION_DATABASE is not None)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # fontTools and WeasyPrint report each step of drawing a PDF at INFO, and WeasyPrint warns
    # of every screen-only CSS rule it skips in a page we also serve: noise in our logs.
    "loggers": {"fontTools": {"level": "WARNING"}, "weasyprint": {"level": "ERROR"}},
}
