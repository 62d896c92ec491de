"""Assembly of the public JSON API (Wagtail API v3, Django Ninja, OpenAPI at /api/v3/openapi.json).

Wagtail's v3 API serves every page type under ``/api/v3/pages/`` with the fields each
model declares in ``api_fields``; anonymous readers get live, public pages only
(``wagtail.api.v3.querysets.get_pages_queryset``). The routers our apps registered
(``portal.api.registry``: typed listings, task statistics, search) and the headless preview
are mounted here, after Wagtail's API is patched (``portal.wagtail_patches``).
"""

from ninja.openapi.docs import Swagger
from wagtail.api.v3.urls import api

from portal import wagtail_patches
from portal.api.registry import routers
from portal.preview import router as preview_router

api.title = "API Cổng Thông tin điện tử"
api.description = (
    "API đọc nội dung cổng thông tin: tin tức, văn bản, chỉ đạo điều hành, theo dõi nhiệm vụ. "
    "Read API of the portal (Wagtail API v3)."
)

# /api/v3/docs/: Swagger UI from our static files (django-ninja's copy of swagger-ui-dist, served
# because "ninja" is an installed app: docs/api.md), asking no other host — not even the
# swagger.io validator its badge would call.
api.docs = Swagger(settings={"validatorUrl": None})

wagtail_patches.apply(api)

for prefix, router in routers():
    api.add_router(prefix, router)
api.add_router("/preview/", preview_router)

__all__ = ["api"]
