"""News API: ``/api/v3/news/``, the typed listing with what a list view needs (cms/api_fields.py)."""

from datetime import date

from django.db.models import Q, QuerySet
from ninja import Field, Router

from cms.api_fields import MAX_ID, ListingQuery, Text, add_listing

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
