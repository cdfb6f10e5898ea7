"""Settings shared by every way of running Kafaat.

Every choice that differs between the embedded default (one laptop) and the scaled deployment is read
from the environment here, once; the defaults give the embedded column of DESIGN.md.
"""

from pathlib import Path

import environ
from celery.schedules import crontab

from django.utils.translation import gettext_lazy as _

from kafaat.redis_settings import redis_caches, redis_channel_layer

ROOT_DIR = Path(__file__).resolve().parents[3]
VAR_DIR = ROOT_DIR / "var"

env = environ.Env()
env.read_env(ROOT_DIR / ".env", overwrite=False) if (ROOT_DIR / ".env").exists() else None

DEBUG = env.bool("DJANGO_DEBUG", default=False)
# The embedded default only; kafaat.settings.production refuses to start without a real key.
SECRET_KEY = env("DJANGO_SECRET_KEY", default="embedded-default-not-secret-" + "k" * 40)
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env("SITE_URL", default="http://localhost:8000")

INSTALLED_APPS = [
    "daphne",
    "wagtailcache",
    "csp",
    "core",
    "accounts",
    "privacy",
    "cms",
    "community",
    "community.labels",
    "community.moderation",
    "community.notifications",
    "community.profiles",
    "community.spaces",
    "community.groups",
    "community.messaging",
    "community.home",
    "events",
    "recurrence",
    "matching",
    "matching.segmentation",
    "referential",
    "referential.linkage",
    "outreach",
    "accompaniment",
    "watch",
    "themes",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.api.v2",  # Wagtail's pages API, mounted at /api/v1/pages/ (api/pages.py)
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "channels",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "api",
    "dashboards",
]

MIDDLEWARE = [
    "cms.pagecache.BrowserRevalidateMiddleware",
    "core.requestid.RequestIdMiddleware",
    "core.requestmemo.RequestMemoMiddleware",  # roles and locale read once per request
    "core.metrics.RequestMetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "kafaat.locale.SiteLocaleMiddleware",  # the API keeps its 404s (site/kafaat/locale.py)
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "accounts.middleware.UserLanguageMiddleware",  # admin pages keep the person's language (after auth)
    "django.contrib.messages.middleware.MessageMiddleware",
    "accounts.middleware.StaffTwoFactorMiddleware",  # after messages: it leaves a message
    "accounts.middleware.StaffIdleTimeoutMiddleware",
    "privacy.middleware.NoticeReviewMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "kafaat.urls"
ASGI_APPLICATION = "kafaat.asgi.application"
WSGI_APPLICATION = "kafaat.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [ROOT_DIR / "themes" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "wagtail.contrib.settings.context_processors.settings",
                "themes.context_processors.direction",
            ],
        },
    },
]
# Django's templates, but selects and checkbox/radio lists written in Python (same markup, a tenth of the
# time: the country list alone cost 9-12 ms a page).
FORM_RENDERER = "core.formrenderer.FormRenderer"

# --- Data -------------------------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'kafaat.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    VAR_DIR.mkdir(exist_ok=True)
    # WAL lets the ASGI server read while a task writes; the timeout rides out short write locks.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
    # PostgreSQL's JIT compiles queries it estimates costly, such as the per-row consent gate over all
    # members: 0.7 s of compilation in a 2 s segment count of 100,000 members (bench/segments.py).
    # Parallel workers: a web request's queries are short, and on the 2-core servers a worker's start-up
    # and the Gather cost more than they save; with them the planner also prefers scanning every
    # account to fetching 1,000 by key (member search: 31 ms with workers, 10 ms without). Raise it for
    # a process that runs long analytical queries on a larger machine.
    parallel = env.int("DATABASE_PARALLEL_WORKERS", default=0)
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault(
        "options", f"-c jit=off -c max_parallel_workers_per_gather={parallel}"
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL", default="")
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

if REDIS_URL:
    CACHES = redis_caches(REDIS_URL, PAGE_CACHE_SECONDS)
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    CHANNEL_LAYERS = {"default": redis_channel_layer(REDIS_URL)}
else:
    # Room for many members' rate-limit counters and cached feeds (locmem's default is 300 entries).
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kafaat",
            "OPTIONS": {"MAX_ENTRIES": 20000},
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "kafaat-pages",
            "TIMEOUT": PAGE_CACHE_SECONDS,
            "OPTIONS": {"MAX_ENTRIES": 2000},
        },
    }
    CHANNEL_LAYERS = {"default": {"BACKEND": "kafaat.layers.InMemoryChannelLayer"}}

# --- Tasks ------------------------------------------------------------------------------------------
CELERY_BROKER_URL = env("CELERY_BROKER_URL", default=REDIS_URL or "memory://")
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_ACKS_LATE = True
CELERY_TIMEZONE = "UTC"
# Periodic tasks (celery beat); each app's tasks.py names its tasks explicitly.
CELERY_BEAT_SCHEDULE = {
    "labels-expire": {"task": "labels_expire", "schedule": crontab(minute=5)},
    "notifications-digest-send": {"task": "notifications_digest_send", "schedule": crontab(minute=0, hour=6)},
    "suspensions-lift": {"task": "moderation_suspensions_lift", "schedule": crontab(minute="*/10")},
    "events-reminders-send": {"task": "events_reminders_send", "schedule": crontab(minute="*/5")},
    "messaging-unread-emails": {"task": "messaging_unread_emails_send", "schedule": crontab(minute="*/5")},
    "outreach-campaigns-tick": {"task": "outreach_campaigns_tick", "schedule": crontab(minute="*")},
    "outreach-bounces-read": {"task": "outreach_bounces_read", "schedule": crontab(minute="*/5")},
    "watch-sources-poll": {"task": "watch_sources_poll", "schedule": crontab(minute="*")},
    "watch-digests-send": {"task": "watch_digests_send", "schedule": crontab(minute=30, hour=6)},
    "deferred-tasks-send": {"task": "deferred_tasks_send", "schedule": crontab(minute="*")},
    "privacy-retention": {"task": "privacy_retention_enforce", "schedule": crontab(minute=30, hour=3)},
    "referential-imports-resume": {"task": "referential_imports_resume", "schedule": crontab(minute="*/5")},
    "linkage-runs-resume": {"task": "linkage_runs_resume", "schedule": crontab(minute="*/10")},
    "accompaniment-followups": {"task": "accompaniment_followups_send", "schedule": crontab(30, 7)},
    "accompaniment-reminders": {"task": "accompaniment_reminders_send", "schedule": crontab(0, 7)},
    "dashboard-aggregates": {"task": "dashboard_aggregates_compute", "schedule": crontab(minute=20, hour=2)},
}

# --- Information watch ----------------------------------------------------------------------------
# One request per host per this many seconds (per worker process); fetch timeout and size cap.
WATCH_HOST_INTERVAL_SECONDS = env.float("WATCH_HOST_INTERVAL_SECONDS", default=1.0)
WATCH_FETCH_TIMEOUT_SECONDS = env.int("WATCH_FETCH_TIMEOUT_SECONDS", default=10)
WATCH_MAX_BYTES = env.int("WATCH_MAX_BYTES", default=3_000_000)
WATCH_MAX_REDIRECTS = env.int("WATCH_MAX_REDIRECTS", default=3)
WATCH_INDEX_TTL_SECONDS = env.int("WATCH_INDEX_TTL_SECONDS", default=600)
# The five demo feeds served by the site itself under /watch-demo-feeds/ (make demo); never in production.
WATCH_DEMO_FEEDS = env.bool("WATCH_DEMO_FEEDS", default=DEBUG)

# --- Matching -------------------------------------------------------------------------------------
# After migrate, the skills concepts without a vector are embedded (a background task).
MATCHING_EMBED_AT_MIGRATE = env.bool("MATCHING_EMBED_AT_MIGRATE", default=True)
# Eager tasks (no broker): embeddings run in a background thread, never in the request.
MATCHING_EAGER_THREAD = env.bool("MATCHING_EAGER_THREAD", default=True)

# --- Outreach (campaigns) ---------------------------------------------------------------------------
# A campaign to more people than this needs a second staff member's approval.
OUTREACH_APPROVAL_THRESHOLD = env.int("OUTREACH_APPROVAL_THRESHOLD", default=50)
# Sending budgets per hour, over all campaigns and per recipient domain (gmail.com, …).
OUTREACH_RATE_PER_HOUR = env.int("OUTREACH_RATE_PER_HOUR", default=20000)
OUTREACH_RATE_PER_DOMAIN_PER_HOUR = env.int("OUTREACH_RATE_PER_DOMAIN_PER_HOUR", default=5000)
OUTREACH_BATCH_SIZE = env.int("OUTREACH_BATCH_SIZE", default=100)
# A worker's claim on a batch lapses after this long; then a living worker sends what it left.
OUTREACH_CLAIM_LEASE_SECONDS = env.int("OUTREACH_CLAIM_LEASE_SECONDS", default=300)
# Bounces come back to bounces+<recipient>@… (VERP); the mail server delivers them into this Maildir.
OUTREACH_BOUNCE_ADDRESS = env("OUTREACH_BOUNCE_ADDRESS", default="")
OUTREACH_BOUNCE_MAILDIR = env("OUTREACH_BOUNCE_MAILDIR", default="")
# Hosts besides the site's own that campaign links may lead to.
OUTREACH_LINK_ALLOWED_HOSTS = env.list("OUTREACH_LINK_ALLOWED_HOSTS", default=[])

# --- Referential imports ----------------------------------------------------------------------------
# An import beats at each chunk; without a beat for this long its worker is taken for dead and the
# resume beat queues it again (at most this many times before it fails for an analyst to look at).
REFERENTIAL_IMPORT_LEASE_SECONDS = env.int("REFERENTIAL_IMPORT_LEASE_SECONDS", default=300)
REFERENTIAL_IMPORT_MAX_ATTEMPTS = env.int("REFERENTIAL_IMPORT_MAX_ATTEMPTS", default=3)
REFERENTIAL_IMPORT_CHUNK_SIZE = env.int("REFERENTIAL_IMPORT_CHUNK_SIZE", default=500)

# --- Record linkage (referential.linkage) -----------------------------------------------------------
# Splink backend: "duckdb" in process (default) or "spark" for very large runs (needs pyspark + a JVM).
LINKAGE_BACKEND = env("LINKAGE_BACKEND", default="duckdb")
# Pairs at or above the first probability merge automatically (unless the golden record would then hold
# dates of birth that cannot be one person's); between the two they wait for an analyst. 0.97: on the
# hard evaluation set the 0.95-0.99 band is 97 % the same person, and from 0.97 up no look-alike merged
# on either draw, with the date check (bench/README.md, record linkage).
LINKAGE_AUTO_MERGE_PROBABILITY = env.float("LINKAGE_AUTO_MERGE_PROBABILITY", default=0.97)
LINKAGE_REVIEW_PROBABILITY = env.float("LINKAGE_REVIEW_PROBABILITY", default=0.6)
# A pair waiting for review merges all the same when it reaches this probability, the names agree, each
# side's golden record has no other candidate and no date of birth says otherwise (services, sole
# candidates). 0.9: at 0.85, sons known by one undated record joined their fathers on a draw of the hard
# set the threshold was not chosen on (8 fathers and sons of 99 against 3 without the rule; 4 at 0.9).
# Above 1: never. Only runs whose model is in LINKAGE_SOLE_CANDIDATE_MODELS: the bundled model, learnt
# on another population, scores fathers and sons up to 0.96 (3 of 10 merged on a 300-person hard set).
LINKAGE_SOLE_CANDIDATE_PROBABILITY = env.float("LINKAGE_SOLE_CANDIDATE_PROBABILITY", default=0.9)
LINKAGE_SOLE_CANDIDATE_MODELS = tuple(env.list("LINKAGE_SOLE_CANDIDATE_MODELS", default=["trained"]))
# Fewer input records than this: use the bundled model (learnt on synthetic data) instead of training.
LINKAGE_MIN_TRAINING_RECORDS = env.int("LINKAGE_MIN_TRAINING_RECORDS", default=2000)
# A run still going after this long is taken for lost (1M records take about 4 minutes of scoring) and
# started again by the resume beat, at most this many times.
LINKAGE_RUN_LEASE_SECONDS = env.int("LINKAGE_RUN_LEASE_SECONDS", default=3600)
LINKAGE_RUN_MAX_ATTEMPTS = env.int("LINKAGE_RUN_MAX_ATTEMPTS", default=3)

# --- Search -----------------------------------------------------------------------------------------
SEARCH_URL = env("SEARCH_URL", default="")
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "wagtail.search.backends.elasticsearch9",
            "URLS": [SEARCH_URL],
            "INDEX": env("SEARCH_INDEX", default="kafaat"),
            "TIMEOUT": 5,
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Mail -------------------------------------------------------------------------------------------
EMAIL_URL = env("EMAIL_URL", default="")
if EMAIL_URL:
    globals().update(env.email_url("EMAIL_URL"))
else:
    EMAIL_BACKEND = "django.core.mail.backends.filebased.EmailBackend"
    EMAIL_FILE_PATH = env("EMAIL_FILE_PATH", default=str(VAR_DIR / "outbox"))
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="Kafaat <no-reply@kafaat.localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Accounts ---------------------------------------------------------------------------------------
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
# The first stores new passwords (accounts/hashers.py); the others still check older hashes, which are
# rewritten with the first at the next sign-in.
PASSWORD_HASHERS = [
    "accounts.hashers.Argon2idHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
# Members land on their personal home (community/home), which offers the onboarding until it is done.
LOGIN_REDIRECT_URL = "home:index"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
# Confirming the address signs the member in when done in the browser (session) that signed up;
# a link opened elsewhere confirms the address and asks to log in (allauth keeps the pending login in
# the session, so a leaked link never signs anyone in).
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_SIGNUP_FORM_CLASS = "privacy.forms.SignupConsentForm"
ACCOUNT_FORMS = {"signup": "accounts.forms.SignupForm"}
ACCOUNT_ADAPTER = "accounts.adapter.AccountAdapter"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Kafaat] "
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/5m/key"}
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Kafaat"
# A member's data archive (right of access) can be downloaded for this many days, then it is deleted.
PRIVACY_EXPORT_DAYS = env.int("PRIVACY_EXPORT_DAYS", default=7)
# Eager tasks (no broker): the archive is built in a background thread, never in the request.
PRIVACY_EXPORT_EAGER_THREAD = env.bool("PRIVACY_EXPORT_EAGER_THREAD", default=True)
# The privacy notice is a CMS page; sign-up links to /<language>/<this path>.
PRIVACY_NOTICE_URL_PATH = "privacy-notice/"

# --- Languages --------------------------------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", _("French")), ("ar", _("Arabic")), ("en", _("English"))]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
LOCALE_PATHS = [ROOT_DIR / "locale"]
# Month names in Arabic dates: "maghreb" (يناير، فبراير، مارس، أبريل، ماي، يونيو، يوليوز، غشت، شتنبر، أكتوبر،
# نونبر، دجنبر), as Moroccan administrations write them, or "mashriq" (Django's: نوفمبر، ديسمبر…). The
# chosen names come first among the catalogues: every date (pages, core/dates.py helpers, admin) uses them.
ARABIC_MONTH_NAMES = env.str("ARABIC_MONTH_NAMES", default="maghreb")
if ARABIC_MONTH_NAMES == "maghreb":
    LOCALE_PATHS.insert(0, ROOT_DIR / "site" / "kafaat" / "months" / "maghreb")
FORMAT_MODULE_PATH = ["kafaat.formats"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "UTC"

# --- Static and media -------------------------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env("STATIC_ROOT", default=str(VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = env("MEDIA_ROOT", default=str(VAR_DIR / "media"))
# Files served only through permission-checked views (label evidence, space documents, referential
# imports). Blank: a "private" folder beside MEDIA_ROOT. Web and Celery workers must share it.
PRIVATE_MEDIA_ROOT = env("PRIVATE_MEDIA_ROOT", default="")
STORAGES = {
    "default": {"BACKEND": "core.storage.PublicStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = False
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# --- Wagtail ----------------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Kafaat"
# Public CMS pages for visitors who are not signed in come from the "pages" cache (cms/pagecache.py),
# emptied on every publish; PAGE_CACHE_SECONDS bounds how old anything else on them (news lists) gets.
WAGTAIL_CACHE = env.bool("PAGE_CACHE", default=True)
WAGTAIL_CACHE_BACKEND = "pages"
WAGTAIL_CACHE_HEADER = "X-Wagtail-Cache"
WAGTAILADMIN_BASE_URL = SITE_URL
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "odt", "ods", "txt", "csv"]
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAIL_PASSWORD_MANAGEMENT_ENABLED = False  # allauth owns passwords and their reset
WAGTAILADMIN_LOGIN_URL = "account_login"

# --- Security ---------------------------------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp): no inline script anywhere on the site (scripts are static
# files). Inline style attributes remain allowed. The Wagtail and Django admins are left out: their
# own templates carry inline scripts; they are reached only by staff after the second factor.
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": ["/admin/", "/django-admin/"],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    },
}
# Staff sessions end after this long without a request (members keep Django's session age).
STAFF_SESSION_IDLE_SECONDS = env.int("KAFAAT_STAFF_IDLE_SECONDS", default=30 * 60)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Every record carries the request id and loses e-mail addresses and phone numbers before it is written;
# LOG_FORMAT=json (the production default) writes one JSON object per line for the log collector.
LOG_FORMAT = env("LOG_FORMAT", default="text")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "request_id": {"()": "core.requestid.RequestIdFilter"},
        "no_personal_data": {"()": "core.logsafe.RedactPersonalData"},
    },
    "formatters": {
        "text": {"format": "%(asctime)s %(levelname)s %(name)s [%(request_id)s] %(message)s"},
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
            "rename_fields": {"asctime": "time", "levelname": "level", "name": "logger"},
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id", "no_personal_data"],
            "formatter": LOG_FORMAT if LOG_FORMAT in ("text", "json") else "text",
        }
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="WARNING")},
}
METRICS_TOKEN = env("METRICS_TOKEN", default="")


# --- API (/api/v1/, issue 19) -----------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Personal tokens first: a caller without credentials gets 401 with WWW-Authenticate (Bearer),
        # not a bare 403. Tokens are made in My account (api.models.ApiToken, stored as a hash).
        "api.authentication.BearerTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    # Per token, per signed-in user (web session), per address (visitors): 429 with Retry-After.
    "DEFAULT_THROTTLE_CLASSES": [
        "api.throttling.TokenThrottle",
        "api.throttling.UserThrottle",
        "api.throttling.AnonThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "api_token": env("API_RATE_TOKEN", default="1200/hour"),
        "api_user": env("API_RATE_USER", default="1200/hour"),
        "api_anon": env("API_RATE_ANON", default="120/hour"),
    },
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PAGINATION_CLASS": "api.pagination.Pages",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.errors.api_exception_handler",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
# Wagtail's pages API (/api/v1/pages/): at most 100 items per answer, as the other lists' page_size.
WAGTAILAPI_LIMIT_MAX = 100
SPECTACULAR_SETTINGS = {
    "TITLE": "Kafaat API",
    "DESCRIPTION": (
        "Public programmes, services, news and events; a member's own data; staff reads (referential, "
        "golden records, segments, accompaniment cases, watch items) with a scoped personal token."
    ),
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "PREPROCESSING_HOOKS": ["api.schema.only_api"],
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "ENUM_NAME_OVERRIDES": {"RegionEnum": "community.profiles.choices.Region"},
    # Swagger UI from the sidecar package's static files: no CDN at run time.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
}
