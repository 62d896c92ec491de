"""Local development: DEBUG on, SQLite by default, a throw-away secret key."""

import os

from .base import *  # noqa: F403
from .base import LOG_LEVEL, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-do-not-use-in-production"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Log records as text lines on the terminal (LOG_FORMAT=json for production's).
LOGGING = logging_config(level=LOG_LEVEL, fmt=os.environ.get("LOG_FORMAT", "text"))  # noqa: F405
