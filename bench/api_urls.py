"""The portal's URLs and the floor of ``bench/api_speed.py``: a bare view returning a small JSON."""

from django.http import JsonResponse
from django.urls import path

from cms.urls import urlpatterns as portal_urlpatterns


def floor(request):
    return JsonResponse({"status": "ok", "service": "portal"})


urlpatterns = [path("bench/floor/", floor), *portal_urlpatterns]
