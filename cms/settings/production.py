"""Production: everything from the environment; refuses to start without a real key."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import SECRET_KEY, env_bool

if not SECRET_KEY or SECRET_KEY.startswith(("dev-", "test-")) or len(SECRET_KEY) < 32:
    raise ImproperlyConfigured("SECRET_KEY must be set in the environment to a random value of at least 32 characters.")

DEBUG = env_bool("DEBUG", False)
# Static files served by the application itself, compressed and cached forever (right after
# SecurityMiddleware, as WhiteNoise asks; the request log before both sees them too).
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# --- Security (docs/deployment.md, "Security"): each from the environment, secure by default -------
# HTTPS only: plain HTTP is redirected, and browsers are told to use HTTPS alone (HSTS) for
# SECURE_HSTS_SECONDS (a year; 0 sends no HSTS), subdomains included, with the "preload" token.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(365 * 24 * 60 * 60)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
# Behind the TLS proxy: its X-Forwarded-Proto says whether the client used HTTPS — trusted only when
# TRUST_X_FORWARDED_PROTO=1 says the proxy sets it (and drops a client's own); a client could
# otherwise claim HTTPS. Without it behind a proxy, every request looks like HTTP and is redirected.
if env_bool("TRUST_X_FORWARDED_PROTO", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# Cookies over HTTPS only (the session and CSRF cookies); JavaScript cannot read the session's.
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
# No page is framed by another site, nor by this one, except Wagtail's previews in its own admin
# (its preview views, and portal.preview's, answer SAMEORIGIN: xframe_options_sameorigin_override).
X_FRAME_OPTIONS = "DENY"
# Links to other sites send no address of the page they were followed from.
SECURE_REFERRER_POLICY = os.environ.get("SECURE_REFERRER_POLICY", "same-origin")
# The Content-Security-Policy (base.py) is on: CSP_ENABLED, CSP_REPORT_ONLY.

# E-mail to citizens (tracking codes, answers: docs/citizens.md) through the authority's SMTP server.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_TIMEOUT = 10
# Behind a proxy: the header holding the client's address, for the per-address limits of the
# citizens' forms (e.g. HTTP_X_REAL_IP); unset, REMOTE_ADDR.
if os.environ.get("RATELIMIT_IP_META_KEY"):
    RATELIMIT_IP_META_KEY = os.environ["RATELIMIT_IP_META_KEY"]
