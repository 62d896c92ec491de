"""Assembly of the public JSON API (Wagtail API v3, Django Ninja, OpenAPI at /api/v3/openapi.json).

Wagtail's v3 API serves every page type under ``/api/v3/pages/`` with the fields each
model declares in ``api_fields``; anonymous readers get live, public pages only
(``wagtail.api.v3.querysets.get_pages_queryset``). Project routers are added here.
"""

from wagtail.api.v3.urls import api

api.title = "API Cổng Thông tin điện tử"
api.description = (
    "API đọc nội dung cổng thông tin: tin tức, văn bản, chỉ đạo điều hành. Read API of the portal (Wagtail API v3)."
)

__all__ = ["api"]
