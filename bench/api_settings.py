"""Settings of the server ``bench/api_speed.py`` measures: production's, plus the floor view.

The floor (``/bench/floor/``, a bare Django view returning a small JSON) passes through the same
middleware as every other request but is excluded from the HTTP cache, so it measures Django and
gunicorn alone. Static files use plain storage (no ``collectstatic`` run; the API serves none).
"""

import warnings

from cms.settings.production import *  # noqa: F403
from cms.settings.production import STORAGES

warnings.filterwarnings("ignore", message="No directory at")  # WhiteNoise: no collectstatic here

ROOT_URLCONF = "bench.api_urls"
HTTP_CACHE_EXCLUDED_PATHS = ("/admin/", "/django-admin/", "/documents/", "/bench/")
STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}}
