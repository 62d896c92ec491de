import re

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from cms.api import api
from home import views as home_views
from portal import health, preview
from portal.urls import localized_urlpatterns
from portal.urls import urlpatterns as registered_urlpatterns

urlpatterns = [
    # For the load balancer: database, search, cache (portal/health.py)
    path("healthz", health.healthz, name="healthz"),
    path("django-admin/", admin.site.urls),
    # Wagtail's page previews, showing the external front-end when HEADLESS_PREVIEW_URL is set
    *preview.admin_urlpatterns(),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api.urls),
    # Feeds, the search page…: what each app registered (portal.urls)
    *registered_urlpatterns(),
    path("sitemap.xml", sitemap, name="sitemap"),
    path("robots.txt", home_views.robots_txt, name="robots-txt"),
]

# Errors: a problem (application/problem+json) under /api/, a Vietnamese page elsewhere; a body
# too large is 413 (portal/http_errors.py).
handler400 = "portal.http_errors.bad_request"
handler404 = "portal.http_errors.page_not_found"
handler500 = "portal.http_errors.server_error"

if settings.DEBUG:
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns
    from django.urls import re_path
    from django.views.static import serve

    urlpatterns += staticfiles_urlpatterns()
    # Media for the development server, except documents: those go through Wagtail's document
    # view only (/documents/<id>/<name>), which checks a private collection's restriction; the
    # files under MEDIA_ROOT/documents/ carry their own names (docs/deployment.md, "Uploads").
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>(?!documents/).*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    ]

# Pages, and the routes served in every language (the search page, the news feeds: what apps
# registered with portal.urls.register_localized_urls): Vietnamese without a prefix, English
# under /en/ (docs/english.md).
urlpatterns += i18n_patterns(*localized_urlpatterns(), path("", include(wagtail_urls)), prefix_default_language=False)
