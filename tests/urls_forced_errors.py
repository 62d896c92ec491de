"""The site's URLs with two views that fail on purpose (tests/test_logs_and_health.py,
tests/test_http_errors.py): one of the public site, one under /api/."""

from django.urls import path

from cms.urls import handler400, handler404, handler500  # noqa: F401
from cms.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("forced failure for the test")


urlpatterns = [
    path("forced-error/", fail),
    path("api/v3/forced-error/", fail),
    *site_urlpatterns,
]
