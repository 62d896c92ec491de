"""News API: ``/api/v3/news/``, the typed listing with what a list view needs (portal/api/fields.py),
and ``POST /api/v3/news/``, how an integration holding an API token writes a news item.

Writing (docs/api.md, "Writing with an API token"): the token is Wagtail's ``APIToken``
(``manage.py api_tokens create --user … --name …``), sent as ``Authorization: Bearer …``; the
request acts as the token's user with that user's page permissions. ``action`` says what to do
with the new item: ``draft`` (default) saves it unpublished; ``submit`` saves it and starts the
category's moderation workflow ("Duyệt tin bài"); ``publish`` publishes it, and is refused (403,
nothing saved) unless the user may publish in that category. Everything happens in one
transaction: a refused or invalid request leaves nothing behind. Error details are in English,
like the rest of the API's problem responses (they are read by integrators, not by editors).
"""

from datetime import date
from typing import Literal

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from ninja import Field, Router, Schema, Status
from ninja.errors import HttpError
from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter
from wagtail.api.rich_text import APIRichText
from wagtail.api.v3.auth import BearerTokenAuth
from wagtail.api.v3.errors import problem_response
from wagtail.coreutils import find_available_slug
from wagtail.rich_text import RichText

from portal.api.errors import problem_doc
from portal.api.listings import MAX_ID, IsoDate, ListingQuery, Text, add_listing
from portal.text import slug as ascii_slug

from .blocks import NewsBodyBlock
from .models import NewsIndexPage, NewsPage, NewsPageTag


class NewsQuery(ListingQuery):
    category: Text | None = Field(
        None, min_length=1, max_length=255, description="Category (chuyên mục): its page id or its slug."
    )
    tag: list[Text] = Field([], description="A tag, by name or slug; repeat the parameter for news carrying all.")

    def filter(self, queryset: QuerySet, today: date) -> QuerySet:
        queryset = super().filter(queryset, today)
        if self.category:
            if self.category.isdigit():
                key = {"pk": int(self.category)} if int(self.category) <= MAX_ID else {"pk__in": []}
            else:
                key = {"slug": self.category}
            parents = NewsIndexPage.objects.live().public().filter(**key)
            within = Q(pk__in=[])
            for parent in parents:
                within |= Q(path__startswith=parent.path, depth=parent.depth + 1)
            queryset = queryset.filter(within)
        for tag in self.tag:
            tagged = NewsPageTag.objects.filter(Q(tag__name=tag) | Q(tag__slug=tag)).values("content_object_id")
            queryset = queryset.filter(pk__in=tagged)
        return queryset


news_router = Router(tags=["news"])
add_listing(
    news_router,
    NewsPage,
    NewsQuery,
    operation_id="news_list",
    summary="List news with what a list view needs",
    doc="News (tin bài), newest first: date, lead, thumbnail and large image renditions, category, tags. "
    "Filters: category, tag, publication-date period. The full article is at `meta.detail_url`.",
)


class NewsWrite(Schema):
    """A news item written by an integration."""

    category: int | str = Field(..., description="Category (chuyên mục) to file the item in: its page id or slug.")
    title: str = Field(..., min_length=1, max_length=255)
    slug: str | None = Field(
        None, max_length=255, description="URL slug; derived from the title (without accents) when absent."
    )
    lead: str = Field("", description="Lead (sapo), plain text.")
    body: str = Field(
        "",
        description="Body as HTML (paragraphs, bold, italic, links, lists, h2, h3); anything else is dropped.",
    )
    published_on: IsoDate | None = Field(None, description="Date shown on the item; today when absent.")
    author: str = Field("", max_length=255)
    source: str = Field("", max_length=255)
    tags: list[str] = Field([], description="Tags (từ khóa).")
    action: Literal["draft", "submit", "publish"] = Field(
        "draft",
        description="`draft`: save unpublished; `submit`: save and submit to the category's moderation "
        "workflow; `publish`: publish now (only for users who may publish there, else 403).",
    )


class NewsWritten(Schema):
    id: int
    title: str
    slug: str
    status: Literal["draft", "in_moderation", "live"]
    live: bool
    workflow: str | None = Field(None, description="Name of the moderation workflow the item is in, if any.")
    detail_url: str = Field(..., description="The item in the API (published items only are public).")
    admin_url: str


def _category_for_write(key: int | str) -> NewsIndexPage:
    categories = NewsIndexPage.objects.all()
    if isinstance(key, int) or key.isdigit():
        found = categories.filter(pk=int(key)).first() if int(key) <= MAX_ID else None
    else:
        found = categories.filter(slug=key).first()
    if found is None:
        raise HttpError(422, f"category: no news category {key!r}.")
    return found


def _clean_body(html: str) -> list:
    """The body as the editor stores it: sanitised to the paragraph block's features by a real HTML
    parser (Wagtail's ``APIRichText``), then through the editor's converter. An element the body may
    not hold (an image, a rule, a script…) is refused with 422 naming it — never dropped silently."""
    if not html.strip():
        return []
    features = NewsBodyBlock.base_blocks["paragraph"].features
    cleaned, removals = APIRichText.sanitize_db_html(html, features=features)
    if removals:
        found = "; ".join(sorted({removal.detail[:80] for removal in removals}))
        raise HttpError(
            422,
            f"body: not allowed in a news body: {found} (allowed: paragraphs, line breaks, "
            f"{', '.join(features)}; pictures go in the lead image or the gallery).",
        )
    converter = ContentstateConverter(features)
    try:
        stored = converter.to_database_format(converter.from_database_format(cleaned))
    except (AssertionError, ValueError, KeyError) as exc:  # a structure the editor cannot hold
        raise HttpError(422, "body: this HTML cannot be stored as a news body; send paragraphs of text.") from exc
    return [("paragraph", RichText(stored))]


def _invalid(error: DjangoValidationError):
    errors = [
        {"loc": ["body", field], "msg": message, "type": "invalid"}
        for field, messages in error.message_dict.items()
        for message in messages
    ]
    detail = "; ".join(f"{e['loc'][-1]}: {e['msg']}" for e in errors)
    return problem_response(status=422, detail=detail, errors=errors)


@news_router.post(
    "/",
    response={201: NewsWritten},
    auth=BearerTokenAuth(),
    operation_id="news_create",
    openapi_extra=problem_doc(
        {
            401: "No valid API token (`Authorization: Bearer …`).",
            403: "The token's user may not add news in this category, or may not publish.",
            422: "Invalid body: the problem's `errors` name the fields.",
        }
    ),
    summary="Create a news item (draft, submitted for moderation, or published)",
    description="Needs `Authorization: Bearer <API token>`. The token's user must be allowed to add pages "
    "in the category; `publish` also needs the permission to publish there (403 otherwise, nothing saved).",
)
def create_news(request, data: NewsWrite):
    user = request.user
    parent = _category_for_write(data.category)
    permissions = parent.permissions_for_user(user)
    if not permissions.can_add_subpage() or not NewsPage.can_create_at(parent):
        raise PermissionDenied("The token's user may not add news to this category.")
    if data.action == "publish" and not permissions.can_publish_subpage():
        raise PermissionDenied("The token's user may not publish here; submit for moderation (action=submit).")
    workflow = parent.get_workflow() if data.action == "submit" else None
    if data.action == "submit" and workflow is None:
        raise HttpError(422, "action: this category has no moderation workflow to submit to.")

    slug = data.slug or ascii_slug(data.title) or "tin"
    if not data.slug:
        slug = find_available_slug(parent, slug)
    page = NewsPage(
        title=data.title,
        slug=slug,
        lead=data.lead,
        body=_clean_body(data.body),
        author=data.author,
        source=data.source,
        owner=user,
        live=False,
    )
    if data.published_on:
        page.published_on = data.published_on
    if data.tags:
        page.tags.add(*[tag.strip() for tag in data.tags if tag.strip()])
    try:
        with transaction.atomic():
            parent.add_child(instance=page)
            revision = page.save_revision(user=user, log_action=True)
            if data.action == "publish":
                revision.publish(user=user)
            elif workflow is not None:
                workflow.start(page, user)
    except DjangoValidationError as error:
        return _invalid(error)

    page.refresh_from_db()
    if page.live:
        status = "live"
    elif workflow is not None:
        status = "in_moderation"
    else:
        status = "draft"
    return Status(
        201,
        {
            "id": page.pk,
            "title": page.title,
            "slug": page.slug,
            "status": status,
            "live": page.live,
            "workflow": workflow.name if workflow else None,
            "detail_url": reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk}),
            "admin_url": reverse("wagtailadmin_pages:edit", args=(page.pk,)),
        },
    )
