"""Headless preview: editors preview a draft in the external front-end (docs/api.md, "Headless preview").

Built on wagtail-headless-preview's ``PagePreview`` (a snapshot of the edited page, keyed by a
signed token), its token signer and its iframe template; the front-end URL is ``HEADLESS_PREVIEW_URL``.
When ``HEADLESS_PREVIEW_URL`` is set, the admin's preview of any page (while editing or adding)
shows ``<front-end URL>?content_type=<app.model>&token=<token>`` in an iframe (or redirects there
with ``REDIRECT_ON_PREVIEW``); the front-end fetches the draft from
``GET /api/v3/preview/?content_type=…&token=…``. Unset, Wagtail's normal preview is used.

The admin's two preview views are subclassed here (and routed in cms/urls.py) rather than adding
the package's mixin to every page model: one place covers every page type, present and future.
Tokens are signed (TimestampSigner, the package's salt) and expire with their snapshot after a
day; the API answers 404 for a missing, forged, expired or mismatched token, and the response is
``Cache-Control: private, no-store``.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.signing import BadSignature, TimestampSigner
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.decorators import method_decorator
from django.utils.http import urlencode
from ninja import Field, Query, Router, Schema
from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.pages.preview import PreviewOnCreateView, PreviewOnEditView
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page
from wagtail.utils.decorators import xframe_options_sameorigin_override
from wagtail_headless_preview.models import PagePreview
from wagtail_headless_preview.settings import headless_preview_settings

from .api.errors import problem_doc

MAX_AGE = 24 * 60 * 60  # a token lives as long as PagePreview keeps its snapshot (garbage_collect)


def enabled() -> bool:
    return bool(getattr(settings, "HEADLESS_PREVIEW_URL", ""))


def signer() -> TimestampSigner:
    return TimestampSigner(salt="headlesspreview.token")  # wagtail_headless_preview's salt


def content_type_key(page: Page) -> str:
    return f"{page._meta.app_label}.{page._meta.model_name}"


def create_preview(page: Page) -> PagePreview:
    """Store a snapshot of ``page`` (as edited, unsaved) and return it with its new token."""
    PagePreview.garbage_collect()
    if page.pk is None:
        identifier = f"parent_id={page.get_parent().pk};page_type={page._meta.label}"
    else:
        identifier = f"id={page.pk}"
    token = signer().sign(identifier)
    preview, _ = PagePreview.objects.update_or_create(
        token=token,
        defaults={"content_type": ContentType.objects.get_for_model(page), "content_json": page.to_json()},
    )
    return preview


def preview_url(page: Page, token: str) -> str:
    """The front-end's preview route with wagtail-headless-preview's two query parameters."""
    root = settings.HEADLESS_PREVIEW_URL
    separator = "&" if "?" in root else "?"
    return f"{root}{separator}{urlencode({'content_type': content_type_key(page), 'token': token})}"


def headless_response(request: HttpRequest, page: Page) -> HttpResponse:
    url = preview_url(page, create_preview(page).token)
    if headless_preview_settings.REDIRECT_ON_PREVIEW:
        response = redirect(url)
    else:
        response = render(request, "wagtail_headless_preview/preview.html", {"preview_url": url})
    add_never_cache_headers(response)
    return response


def page_from_token(content_type: str, token: str) -> Page:
    """The previewed page of ``token``; Http404 for a missing, forged, expired or mismatched one."""
    try:
        signer().unsign(token, max_age=MAX_AGE)
        app_label, model = content_type.split(".", 1)
        kind = ContentType.objects.get_by_natural_key(app_label, model.lower())
        preview = PagePreview.objects.get(content_type=kind, token=token)
    except (BadSignature, ValueError, ContentType.DoesNotExist, PagePreview.DoesNotExist) as error:
        raise Http404("No preview matches this content type and token.") from error
    page = preview.as_page()
    if page.pk is None:  # a new page, previewed before its first save: ``id`` 0 (the schema wants an integer)
        page.pk = page.id = 0
    return page


class _HeadlessPreviewMixin:
    """Wagtail's preview view, answering with the external front-end when HEADLESS_PREVIEW_URL is set."""

    @method_decorator(xframe_options_sameorigin_override)
    def get(self, request, *args, **kwargs):
        if not enabled():
            return super().get(request, *args, **kwargs)
        form = self.get_form(self._get_form_data(self._get_form_state()))
        if not self.validate_form(form):
            return self.error_response()
        form.save(commit=False)
        return headless_response(request, self.object)


class HeadlessPreviewOnEditView(_HeadlessPreviewMixin, PreviewOnEditView):
    pass


class HeadlessPreviewOnCreateView(_HeadlessPreviewMixin, PreviewOnCreateView):
    pass


def admin_urlpatterns() -> list:
    """Routes for cms/urls.py, placed before Wagtail's admin URLs (same paths, same admin-access check)."""
    return [
        path(
            "admin/pages/<int:page_id>/edit/preview/",
            require_admin_access(HeadlessPreviewOnEditView.as_view()),
            name="headless_preview_on_edit",
        ),
        path(
            "admin/pages/add/<slug:content_type_app_name>/<slug:content_type_model_name>/<int:parent_page_id>/preview/",
            require_admin_access(HeadlessPreviewOnCreateView.as_view()),
            name="headless_preview_on_add",
        ),
    ]


class PreviewQuery(Schema):
    content_type: str = Field(..., min_length=3, max_length=200, description="`app_label.model`, e.g. `news.newspage`.")
    token: str = Field(..., min_length=1, max_length=255, description="The preview token the admin gave the front-end.")


router = Router(tags=["preview"])


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="headless_preview",
    operation_id="preview_detail",
    summary="A draft being previewed, by its preview token",
    openapi_extra=problem_doc(
        {400: "A parameter is missing or malformed.", 404: "No preview for this content type and token."}
    ),
    description="For the headless front-end's preview route: the page as the editor sees it in the admin "
    "(unsaved changes included), in the same shape as `/api/v3/pages/{id}/` (`id` is 0 for a page not "
    "saved yet). 404 when the token is missing, "
    "wrong, expired (after a day) or for another content type. Never cached (`private, no-store`).",
)
def preview_detail(request: HttpRequest, response: HttpResponse, query: PreviewQuery = Query(...)):  # noqa: B008
    page = page_from_token(query.content_type, query.token)
    patch_cache_control(response, private=True, no_store=True, max_age=0)
    return page
