"""News and events ("tin tức, sự kiện"): one index page per category (chuyên mục)."""

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Subquery
from django.db.models.functions import Length, Substr
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList, TabbedInterface
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from editorial.panels import RoyaltyPanel
from portal.api.fields import (
    GalleryField,
    ImageField,
    PageRefListField,
    SectionRefField,
    TagListField,
    images_with_renditions,
)
from portal.pages import SectionPage
from search.indexing import Heading, WrittenText, folded_text

from .blocks import NewsBodyBlock

THUMBNAIL = "fill-320x200"


def thumbnails() -> models.Prefetch:
    """Lead images with their list thumbnail rendition, for listings (no query per item)."""
    from wagtail.images import get_image_model

    return models.Prefetch("lead_image", queryset=get_image_model().objects.prefetch_renditions(THUMBNAIL))


class NewsIndexPage(SectionPage):
    """A news category (chuyên mục), e.g. "Văn hóa - Xã hội"."""

    menu_group = "news"

    subpage_types = ["news.NewsPage"]
    listing_name = "news_items"
    per_page = 20

    class Meta:
        verbose_name = _("chuyên mục tin")
        verbose_name_plural = _("chuyên mục tin")

    def news(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .prefetch_related(thumbnails())
            .order_by("-published_on", "-pk")
        )

    def listing(self):
        return self.news()


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("news.NewsPage", on_delete=models.CASCADE, related_name="tagged_items")


class NewsPage(Page):
    """One news article."""

    published_on = models.DateField(_("ngày đăng"), default=timezone.localdate)
    lead = models.TextField(_("sapo"), blank=True, help_text=_("Đoạn tóm tắt in đậm đầu bài."))
    body = StreamField(NewsBodyBlock(), verbose_name=_("nội dung"), blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("ảnh đại diện"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    author = models.CharField(_("tác giả"), max_length=255, blank=True)
    photographer = models.CharField(_("người chụp ảnh"), max_length=255, blank=True)
    source = models.CharField(_("nguồn tin"), max_length=255, blank=True)
    tags = ClusterTaggableManager(verbose_name=_("từ khóa"), through=NewsPageTag, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("lead"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        InlinePanel("gallery_images", heading=_("Album ảnh"), label=_("ảnh")),
        MultiFieldPanel(
            [
                FieldPanel("published_on"),
                FieldRowPanel([FieldPanel("author"), FieldPanel("photographer")]),
                FieldPanel("source"),
                FieldPanel("tags"),
            ],
            heading=_("Thông tin bài viết"),
        ),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Nội dung")),
            ObjectList(Page.promote_panels, heading=_("Quảng bá")),
            ObjectList(Page.settings_panels, heading=_("Cài đặt")),
            ObjectList([RoyaltyPanel(heading=_("Nhuận bút của tin bài"))], heading=_("Nhuận bút")),
        ]
    )
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        Heading("lead", boost=2),
        WrittenText("body"),
        index.SearchField("author"),
        index.SearchField("search_folded"),
        index.AutocompleteField("title"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("published_on"),
        index.RelatedFields("tags", [index.SearchField("name")]),
    ]

    api_fields = [
        APIField("published_on"),
        APIField("lead"),
        APIField("body"),
        APIField("lead_image", serializer=ImageField()),
        APIField("gallery_images", serializer=GalleryField()),
        APIField("author"),
        APIField("photographer"),
        APIField("source"),
        APIField("tags", serializer=TagListField()),
        APIField("category", serializer=SectionRefField(source="category_ref")),
        APIField("related_news", serializer=PageRefListField()),
    ]
    # The typed listing /api/v3/news/ (cms.api_fields.listing_item_schema).
    api_listing_fields = ["published_on", "lead", "lead_image", "category", "tags"]
    api_date_field = "published_on"

    class Meta:
        verbose_name = _("tin bài")
        verbose_name_plural = _("tin bài")

    def __str__(self):
        return self.title

    def as_ref(self) -> dict:
        return {
            "id": self.pk,
            "title": self.title,
            "url": self.url,
            "date": self.published_on,
            "summary": self.lead,
        }

    def search_folded(self) -> str:
        return folded_text(self.title, self.lead, self.body, self.author, " ".join(self.tags.names()))

    def autocomplete_folded(self) -> str:
        """What type-ahead completes, folded (see ``NumberedDocument.autocomplete_folded``)."""
        return folded_text(self.title)

    @classmethod
    def api_listing_queryset(cls, queryset):
        """What the listing fields read, loaded for a whole page of news in a constant number of
        queries: lead images with both renditions, tags, and the category (parent page) as
        columns of the news query."""
        parent = Page.objects.filter(path=Substr(OuterRef("path"), 1, Length(OuterRef("path")) - Page.steplen))
        return (
            queryset.select_related("locale")
            .prefetch_related(models.Prefetch("lead_image", queryset=images_with_renditions()), "tags")
            .annotate(
                category_pk=Subquery(parent.values("pk")[:1]),
                category_title=Subquery(parent.values("title")[:1]),
                category_slug=Subquery(parent.values("slug")[:1]),
            )
        )

    @cached_property
    def category_ref(self) -> dict | None:
        """The category (chuyên mục) this article sits in: id, title, slug."""
        if "category_pk" in self.__dict__:
            if self.category_pk is None:
                return None
            return {"id": self.category_pk, "title": self.category_title, "slug": self.category_slug}
        parent = self.get_parent() if self.path else None
        return {"id": parent.pk, "title": parent.title, "slug": parent.slug} if parent else None

    @property
    def category(self) -> str:
        """The name of the category (chuyên mục) this article sits in."""
        ref = self.category_ref
        return ref["title"] if ref else ""

    @property
    def related_news(self) -> list["NewsPage"]:
        """ "Các tin cùng chuyên mục": the latest other news of the same category."""
        parent_path = self.path[: -self.steplen]
        return list(
            NewsPage.objects.live()
            .public()
            .filter(path__startswith=parent_path, depth=self.depth)
            .exclude(pk=self.pk)
            .order_by("-published_on", "-pk")[: settings.NEWS_RELATED_COUNT]
        )


class NewsGalleryImage(Orderable):
    """A photo of the article's album, in order, with its caption."""

    page = ParentalKey(NewsPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey("wagtailimages.Image", verbose_name=_("ảnh"), on_delete=models.CASCADE, related_name="+")
    caption = models.CharField(_("chú thích"), max_length=500, blank=True)

    panels = [FieldPanel("image"), FieldPanel("caption")]
    api_fields = [APIField("image", serializer=ImageField()), APIField("caption")]

    class Meta(Orderable.Meta):
        verbose_name = _("ảnh trong album")
