"""The news section of the activity report (``portal.reporting``): news by category and by
author, and the photos published with them, by publication date. Three queries."""

from collections import Counter
from datetime import date

from django.conf import settings
from django.utils.translation import gettext as _

from portal.reporting import ReportSection, ReportTable, ranked_rows

from .models import NewsGalleryImage, NewsIndexPage, NewsPage


def _body_images(body) -> set[int]:
    """Ids of the images placed in a news body (image blocks), read from the raw stream."""
    ids = set()
    for block in getattr(body, "raw_data", None) or []:
        if block.get("type") == "image":
            image = (block.get("value") or {}).get("image")
            if image:
                ids.add(image)
    return ids


def news_section(start: date, end: date, today: date) -> ReportSection:
    """Live news published in [start, end]: by category (its index page), by author (the byline,
    else the owner's name), and the photos (lead image, album photos and body images, each image
    once per article)."""
    # the portal's own articles: their English translations (/en/) are not counted again
    news = NewsPage.objects.live().filter(
        published_on__gte=start, published_on__lte=end, locale__language_code=settings.LANGUAGE_CODE
    )
    categories = {p.path: p.title for p in NewsIndexPage.objects.only("path", "title")}
    by_category: Counter = Counter()
    by_author: Counter = Counter()
    photos_per_news: dict[int, set[int]] = {}
    steplen = NewsPage.steplen
    rows = news.order_by().values_list(
        "pk", "path", "author", "owner__first_name", "owner__last_name", "owner__username", "lead_image_id", "body"
    )
    for pk, path, author, first, last, username, lead_image, body in rows:
        by_category[categories.get(path[:-steplen], _("(không rõ chuyên mục)"))] += 1
        byline = (author or "").strip() or f"{last} {first}".strip() or username or _("(không ghi tác giả)")
        by_author[byline] += 1
        photos_per_news[pk] = _body_images(body) | ({lead_image} if lead_image else set())
    for page_id, image_id in NewsGalleryImage.objects.filter(page__in=news).values_list("page_id", "image_id"):
        photos_per_news[page_id].add(image_id)

    return ReportSection(
        title=_("Tin tức"),
        summary=[
            (_("Tin bài"), by_category.total()),
            (_("Ảnh đăng kèm tin bài"), sum(len(ids) for ids in photos_per_news.values())),
        ],
        tables=[
            ReportTable(
                _("Tin bài theo chuyên mục"), [_("Chuyên mục"), _("Số lượng")], ranked_rows(by_category), chart="bars"
            ),
            ReportTable(_("Tin bài theo tác giả"), [_("Tác giả"), _("Số tin bài")], ranked_rows(by_author)),
        ],
    )
