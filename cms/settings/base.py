"""Settings shared by every environment.

Everything that differs between machines is read from the environment; the
defaults here are safe for development only (see ``production.py``).
"""

import os
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.utils.translation import gettext_lazy as _

from search.backends.config import search_backends

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG", False)
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Our apps (docs/architecture.md): each app's ready() registers what it adds (record types, search
# documents, API routers, feeds). Wagtail lists page types in this order (admin, OpenAPI).
INSTALLED_APPS = [
    "home",
    "directives",
    "news",
    "consultation",
    "editorial",
    "reports",
    "questions",
    "schedule",
    "procedures",
    "organisation",
    "projects",
    "search.apps.SearchConfig",
    "portal",
    "wagtail.api.v3",
    "wagtail_headless_preview",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.simple_translation",
    "wagtail.locales",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.typed_table_block",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "corsheaders",
    "django_ratelimit",
    # Last: its signal handlers run after the others' (search indexing) on every save.
    "http_cache.apps.HttpCacheConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "http_cache.middleware.HttpCacheMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# Database: DATABASE_URL (postgres://… in production and CI), else a local SQLite file.
# DB_CONN_MAX_AGE: seconds a worker keeps its connection between requests (0: one per request).
# DB_CONN_HEALTH_CHECKS (on by default when connections are kept): a kept connection is checked
# before the first query of each request and opened again if the database dropped it (a restart of
# PostgreSQL, a failover) — without it, the first request of every worker after a restart fails
# with a 500. docs/deployment.md, "Reference layout".
DB_CONN_MAX_AGE = int(os.environ.get("DB_CONN_MAX_AGE", "0"))
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=DB_CONN_MAX_AGE,
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", DB_CONN_MAX_AGE > 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Pages read through a memory map of the file (the operating system's page cache) instead of
    # being copied into each connection's 2 MB cache (measured in docs/search.md, "Figures"). 2 GB
    # is SQLite's default ceiling; it is address space, not memory.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("init_command", "PRAGMA mmap_size=2147483648")
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: the portal and its admin speak Vietnamese.
LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_CONTENT_LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True
# locale/: this project's strings (makemessages); locale_admin/: our Vietnamese for the Wagtail
# and Django admin, completing and correcting theirs (docs/glossary.md). Earlier paths win.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_admin"]
# Vietnamese dates are written day first: 05/09/2023.
FORMAT_MODULE_PATH = ["cms.formats"]
DATE_INPUT_FORMATS = ["%d/%m/%Y", "%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S"]
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
WAGTAIL_SITE_NAME = os.environ.get("WAGTAIL_SITE_NAME", "Cổng Thông tin điện tử")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Translatable pages (docs/english.md): the Vietnamese tree is the site; an English tree (a translation
# of the home page and the pages chosen for it) is served under /en/ (cms/urls.py: i18n_patterns).
WAGTAIL_I18N_ENABLED = True
# The login form with a Vietnamese label on the password field (editorial/forms.py).
WAGTAILADMIN_USER_LOGIN_FORM = "editorial.forms.LoginForm"
# No avatars fetched from gravatar.com: the admin works offline and tells no third party who edits.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Search: the database backend (on PostgreSQL with the vietnamese_unaccent configuration), or
# Elasticsearch/OpenSearch when SEARCH_URL is set; see search/backends/config.py and docs/search-backends.md.
WAGTAILSEARCH_BACKENDS = search_backends(os.environ, database_engine=DATABASES["default"]["ENGINE"])
WAGTAILDOCS_EXTENSIONS = ["pdf", "doc", "docx", "odt", "rtf", "txt", "xls", "xlsx", "ods", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILAPI_LIMIT_MAX = 50
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", "")
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Background tasks: Wagtail indexes search and references through django-tasks.
# Immediate by default; bulk imports defer and batch them (portal/tasks.py).
TASKS = {"default": {"BACKEND": "portal.tasks.DeferrableImmediateBackend"}}

# The portal's root page model: sections sit under it, the import framework finds it.
PORTAL_ROOT_PAGE_MODEL = "home.HomePage"

# Portal behaviour
NEWS_RELATED_COUNT = int(os.environ.get("NEWS_RELATED_COUNT", "5"))
# A task not yet done whose deadline is within this many days is "sắp đến hạn" (due soon).
TASK_DUE_SOON_DAYS = int(os.environ.get("TASK_DUE_SOON_DAYS", "3"))

# HTTP caching of public GET responses (http_cache/): Cache-Control max-age in seconds,
# ETag/Last-Modified from a content version that every process of the site must share — a
# directory on this host by default (HTTP_CACHE_DIR); with several hosts, point the
# "http_cache" alias at a shared cache (Redis, Memcached).
HTTP_CACHE_MAX_AGE = int(os.environ.get("HTTP_CACHE_MAX_AGE", "60"))
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "http_cache": {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("HTTP_CACHE_DIR", str(Path(tempfile.gettempdir()) / "portal-cms-http-cache")),
    },
    # Rendered anonymous responses, kept per process under their ETag (http_cache/); the
    # content version in the key makes every change of content a miss.
    # HTTP_RESPONSE_CACHE_ENTRIES=0 turns it off.
    "http_responses": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "http-responses",
        "OPTIONS": {"MAX_ENTRIES": max(int(os.environ.get("HTTP_RESPONSE_CACHE_ENTRIES", "500")), 1)},
    },
}
HTTP_RESPONSE_CACHE_ALIAS = "http_responses" if int(os.environ.get("HTTP_RESPONSE_CACHE_ENTRIES", "500")) else None

# Citizens' forms (portal/submissions.py: questions, feedback, comments on drafts): sendings
# allowed per client address and form (django-ratelimit rates, "N/s|m|h|d"), counted in the
# "ratelimit" cache: Redis when RATELIMIT_CACHE_URL is set (redis://host:6379/1: every process of
# every host counts together, atomically); otherwise files in RATELIMIT_CACHE_DIR, shared by the
# processes of one host (docs/citizens.md).
CITIZEN_FORM_RATES = {
    "default": os.environ.get("CITIZEN_FORM_RATE", "5/h"),
    "question": os.environ.get("CITIZEN_QUESTION_RATE", "5/h"),
    "comment": os.environ.get("CITIZEN_COMMENT_RATE", "10/h"),
}
CITIZEN_UPLOAD_MAX_BYTES = int(os.environ.get("CITIZEN_UPLOAD_MAX_MB", "5")) * 1024 * 1024
# Files citizens send (attachments): outside MEDIA_ROOT, never served without a permission check.
# Citizens' questions (questions/): days the assigned unit has to answer (the default deadline).
QUESTION_ANSWER_DAYS = int(os.environ.get("QUESTION_ANSWER_DAYS", "15"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "cong-thong-tin@localhost")
# Days a closed sending's contact data is kept before manage.py purge_personal_data erases it.
PERSONAL_DATA_RETENTION_DAYS = int(os.environ.get("PERSONAL_DATA_RETENTION_DAYS", "365"))
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
RATELIMIT_USE_CACHE = "ratelimit"
RATELIMIT_VIEW = None
if os.environ.get("RATELIMIT_CACHE_URL"):
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": os.environ["RATELIMIT_CACHE_URL"],
    }
else:
    CACHES["ratelimit"] = {
        "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
        "LOCATION": os.environ.get("RATELIMIT_CACHE_DIR", str(Path(tempfile.gettempdir()) / "portal-cms-ratelimit")),
    }
# --- Several application servers: REDIS_URL --------------------------------------------------------
# With REDIS_URL (redis://host:6379/0) every cache the servers must share lives in that Redis, each
# under its own key prefix: the default cache, the HTTP cache's content version ("http_cache": an
# edit on one server changes the ETags of all), the kept responses ("http_responses", bounded by
# HTTP_RESPONSE_CACHE_TIMEOUT seconds, 3600) and the forms' rate counts ("ratelimit", unless
# RATELIMIT_CACHE_URL names another Redis). Without it, one host: files and per-process memory.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:

    def _redis_cache(prefix: str) -> dict:
        return {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL, "KEY_PREFIX": prefix}

    CACHES["default"] = _redis_cache("default")
    CACHES["http_cache"] = _redis_cache("http-cache")
    CACHES["http_responses"] = _redis_cache("http-responses")
    HTTP_RESPONSE_CACHE_TIMEOUT = int(os.environ.get("HTTP_RESPONSE_CACHE_TIMEOUT", "3600"))
    if not os.environ.get("RATELIMIT_CACHE_URL"):
        CACHES["ratelimit"] = _redis_cache("ratelimit")

# django-ratelimit asks for memcached or its own Redis client: Django's Redis cache increments
# atomically too (W001); the files' count is not atomic (E003): two sendings at the same instant
# may count once — the one-host default, documented.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001", "django_ratelimit.E003"]
HTTP_RESPONSE_CACHE_MAX_BYTES = 256 * 1024

# CORS (django-cors-headers): browsers on these origins may read the API and the feeds (the
# English feeds too, under /en/feeds/: docs/english.md).
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/(api|feeds|en/feeds)/"

# Headless preview (wagtail-headless-preview): when HEADLESS_PREVIEW_URL is set, the admin's
# preview of a page shows that external front-end (in the preview panel), which fetches the draft
# from /api/v3/preview/?content_type=…&token=…; unset, Wagtail's normal preview is used.
# HEADLESS_PREVIEW_REDIRECT=1 redirects to the front-end instead of showing it in an iframe.
HEADLESS_PREVIEW_URL = os.environ.get("HEADLESS_PREVIEW_URL", "")
WAGTAIL_HEADLESS_PREVIEW = {"REDIRECT_ON_PREVIEW": env_bool("HEADLESS_PREVIEW_REDIRECT")}

# ---------------------------------------------------------------------------------------------------
# Production readiness (issue 21): public address, API docs, uploads. docs/deployment.md,
# "Public address" and "Uploads". Kept in this one block.
# ---------------------------------------------------------------------------------------------------


def public_base_url(value: str) -> str:
    """``PUBLIC_BASE_URL`` checked: ``http(s)://host[:port]`` and nothing else ("" when unset). A
    path would be written twice (page paths already carry Django's script prefix)."""
    from urllib.parse import urlsplit

    from django.core.exceptions import ImproperlyConfigured

    value = value.strip().rstrip("/")
    if not value:
        return ""
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 (a port that is not a number raises)
    except ValueError:
        parts = parts._replace(scheme="")
    if (
        parts.scheme not in ("http", "https")
        or not parts.hostname
        or parts.path
        or parts.query
        or parts.fragment
        or "@" in parts.netloc
    ):
        raise ImproperlyConfigured(
            f"PUBLIC_BASE_URL must be the portal's public address, scheme and host only "
            f"(e.g. https://cong.vinhtuong.gov.vn), not {value!r}."
        )
    return value


# Every absolute URL (sitemap, feeds, the API's html_url and images, iCalendar, e-mails) starts with
# PUBLIC_BASE_URL when set, else with the scheme and host of the request (portal/absolute_urls.py).
PUBLIC_BASE_URL = public_base_url(os.environ.get("PUBLIC_BASE_URL", ""))
# Behind a proxy that sets X-Forwarded-Host (and -Port): read them only when the proxy is trusted to
# (it overwrites what the client sent); ALLOWED_HOSTS still applies to the forwarded host.
USE_X_FORWARDED_HOST = env_bool("USE_X_FORWARDED_HOST", False)
USE_X_FORWARDED_PORT = env_bool("USE_X_FORWARDED_PORT", False)
if PUBLIC_BASE_URL and "WAGTAILADMIN_BASE_URL" not in os.environ:
    WAGTAILADMIN_BASE_URL = PUBLIC_BASE_URL
# The request being served, for the code that builds URLs without being handed it.
MIDDLEWARE.insert(1, "portal.absolute_urls.CurrentRequestMiddleware")
# /api/v3/docs/ loads Swagger UI from django-ninja's static files (swagger-ui-dist; its licences in
# cms/static/ninja/), not from a CDN: blank without the internet otherwise. "ninja" is installed in
# the "Security" block below.

# Uploads (docs/deployment.md, "Uploads"). Images: the raster formats only — no SVG (a script in
# it would run on the portal's origin) — up to IMAGE_MAX_UPLOAD_MB and IMAGE_MAX_MEGAPIXELS (a
# decompression bomb is refused with a clear message: portal/images.py, the base of every image
# form, the admin's and the API's).
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = int(os.environ.get("IMAGE_MAX_UPLOAD_MB", "10")) * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = int(os.environ.get("IMAGE_MAX_MEGAPIXELS", "60")) * 1_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "portal.images.ImageForm"
# Documents (WAGTAILDOCS_EXTENSIONS and WAGTAILDOCS_MAX_UPLOAD_SIZE above): always served through
# Wagtail's view, always as an attachment (never shown inline by the browser), with a known content
# type or application/octet-stream (portal/documents.py), nosniff and "default-src 'none'".
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES: list[str] = []
from portal.documents import document_content_types  # noqa: E402 (this block's own)

WAGTAILDOCS_CONTENT_TYPES = document_content_types()
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True

# --- Security (docs/deployment.md, "Security") -------------------------------------------------
# Kept in one block, appended to the lists above rather than written into them. Production adds
# HSTS, the HTTPS redirect and secure cookies (production.py).
# Before http_cache, which stays last (its signal handlers run after the others').
_http_cache_app = INSTALLED_APPS.index("http_cache.apps.HttpCacheConfig")
INSTALLED_APPS[_http_cache_app:_http_cache_app] = [
    "axes",  # login lockout (portal/login_lockout.py)
    "csp",  # django-csp's checks and {% csp_nonce %}
    "ninja",  # /api/v3/docs/ from this site's static files, not a CDN's inline-scripted page
]
# The admin in Vietnamese whatever the browser asks for (an editor's own choice still wins).
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.locale.LocaleMiddleware") + 1, "portal.security.AdminLanguageMiddleware"
)
MIDDLEWARE.insert(
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,
    "portal.security.ContentSecurityPolicyMiddleware",
)
# django-axes: last, it turns a locked-out login into the lockout page.
MIDDLEWARE.append("axes.middleware.AxesMiddleware")
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]

# Login lockout (django-axes): LOGIN_FAILURE_LIMIT wrong passwords for one account from one
# address lock that account on that address (only) for LOGIN_COOLOFF_MINUTES; a right password
# is refused meanwhile. Unlock: Wagtail admin → Settings → "Đăng nhập bị khóa", or
# `manage.py axes_reset_username <account>`.
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "portal.security.client_address"
AXES_LOCKOUT_CALLABLE = "portal.login_lockout.lockout_response"
AXES_HTTP_RESPONSE_CODE = 429
# Whom a locked-out editor may ask (a unit, a phone number, an address), shown on the lockout page.
LOGIN_LOCKOUT_CONTACT = os.environ.get("LOGIN_LOCKOUT_CONTACT", "")

# Failed API-token attempts per client address (django-ratelimit rate, counted in the "ratelimit"
# cache like the citizens' forms): past it, a request with a wrong token is answered 429.
API_TOKEN_FAILURE_RATE = os.environ.get("API_TOKEN_FAILURE_RATE", "10/m")

# Content-Security-Policy (django-csp 4, portal.security.ContentSecurityPolicyMiddleware): the
# public site runs scripts and styles from its own files only; the admin's paths get the admin's
# policy, which allows Wagtail's inline scripts and styles there only. CSP_ENABLED=0 turns both
# off, CSP_REPORT_ONLY=1 sends them as Content-Security-Policy-Report-Only (violations reported to
# CSP_REPORT_URI if set, nothing blocked). CSP_FRAME_SRC: the origins embeds (video, maps) may be
# framed from, for both; the origin of HEADLESS_PREVIEW_URL is added to the admin's frames.
_csp_enabled = env_bool("CSP_ENABLED", True)
_csp_report_only = env_bool("CSP_REPORT_ONLY", False)
_csp_report_uri = os.environ.get("CSP_REPORT_URI", "")
_csp_frame_src = env_list(
    "CSP_FRAME_SRC", "https://www.youtube.com,https://www.youtube-nocookie.com,https://player.vimeo.com"
)
_csp_preview_origin = ["{0.scheme}://{0.netloc}".format(urlsplit(HEADLESS_PREVIEW_URL))] if HEADLESS_PREVIEW_URL else []
_csp_common = {
    "default-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    **({"report-uri": [_csp_report_uri]} if _csp_report_uri else {}),
}
_csp_public = {
    **_csp_common,
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "frame-src": ["'self'", *_csp_frame_src],
    "frame-ancestors": ["'none'"],
}
_csp_admin = {
    **_csp_common,
    # Wagtail 8's admin writes inline <script>s (date pickers, inline panels, the choosers' modal
    # steps, the workflow's) and style attributes: allowed on the admin's paths only.
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-src": ["'self'", *_csp_frame_src, *_csp_preview_origin],
    # Wagtail's previews are framed by the admin itself
    "frame-ancestors": ["'self'"],
}
CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY_ADMIN = None
CONTENT_SECURITY_POLICY_REPORT_ONLY = CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY = None
if _csp_enabled and _csp_report_only:
    CONTENT_SECURITY_POLICY_REPORT_ONLY = {"DIRECTIVES": _csp_public}
    CONTENT_SECURITY_POLICY_ADMIN_REPORT_ONLY = {"DIRECTIVES": _csp_admin}
elif _csp_enabled:
    CONTENT_SECURITY_POLICY = {"DIRECTIVES": _csp_public}
    CONTENT_SECURITY_POLICY_ADMIN = {"DIRECTIVES": _csp_admin}
# The admin's dashboard asks no third party (releases.wagtail.org) about new versions: connect-src
# allows this site only, and the admin tells no one who edits (like WAGTAIL_GRAVATAR_PROVIDER_URL).
WAGTAIL_ENABLE_UPDATE_CHECK = False

# --- Logs, errors and health (docs/deployment.md, "Logs, errors and health") -----------------------
# Every request gets an id (X-Request-ID, honoured when the client's is sane) and one access record;
# every record goes to stderr as one JSON object per line (LOG_FORMAT=text for a terminal), at
# LOG_LEVEL and above; an uncaught exception is one ERROR record of django.request with its
# traceback and the request id, mailed to ADMINS when set. portal/request_log.py.
from portal.request_log import logging_config, parse_admins  # noqa: E402 (this block's own)

MIDDLEWARE.insert(0, "portal.request_log.RequestLogMiddleware")
# After CORS (a 413 carries its headers): 413 before the body is read, problems under /api/.
MIDDLEWARE.insert(
    MIDDLEWARE.index("corsheaders.middleware.CorsMiddleware") + 1, "portal.http_errors.RequestErrorsMiddleware"
)
LOG_LEVEL = os.environ.get("LOG_LEVEL", "INFO").upper()
LOGGING = logging_config(level=LOG_LEVEL, fmt=os.environ.get("LOG_FORMAT", "json"))
# ADMINS="Phòng CNTT <cntt@vinhtuong.gov.vn>, truc@vinhtuong.gov.vn": who is mailed each server error.
ADMINS = parse_admins(os.environ.get("ADMINS", ""))
SERVER_EMAIL = os.environ.get("SERVER_EMAIL", DEFAULT_FROM_EMAIL)
EMAIL_SUBJECT_PREFIX = os.environ.get("EMAIL_SUBJECT_PREFIX", "[Cổng TTĐT] ")
# Request bodies: one Django reads into memory (JSON, a form without files) up to REQUEST_MAX_MB
# (2.5, Django's default); a multipart body (files) up to the largest file allowed plus that. Above,
# 413 (portal/http_errors.py), answered before the body is read when Content-Length says so.
DATA_UPLOAD_MAX_MEMORY_SIZE = int(float(os.environ.get("REQUEST_MAX_MB", "2.5")) * 1024 * 1024)
UPLOAD_MAX_BODY_SIZE = (
    max(WAGTAILIMAGES_MAX_UPLOAD_SIZE, WAGTAILDOCS_MAX_UPLOAD_SIZE, CITIZEN_UPLOAD_MAX_BYTES)
    + DATA_UPLOAD_MAX_MEMORY_SIZE
)
# The load balancer's health check (portal/health.py) over plain HTTP too: not redirected to HTTPS.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
