"""Tests: fast and deterministic (bakerydemo's habits)."""

import os

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # local memory (each test worker its own), or the Redis of RATELIMIT_CACHE_URL
    # (tests/test_rate_limit_redis.py)
    "ratelimit": CACHES["ratelimit"]  # noqa: F405
    if os.environ.get("RATELIMIT_CACHE_URL")
    else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ratelimit"},
}
# Tests run in transactions that never commit, so the content version (replaced on commit) does
# not follow their changes: kept responses would be stale. tests/test_http_caching.py turns it on.
HTTP_RESPONSE_CACHE_ALIAS = None
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
PRIVATE_MEDIA_ROOT = BASE_DIR / ".test-private-media"  # noqa: F405
