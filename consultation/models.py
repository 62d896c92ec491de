"""Drafts opened for public comment ("lấy ý kiến dự thảo", Decree 42/2022): the section page, the
draft page with its files, and the comments citizens send (pre-moderated).

A comment's email and phone are personal data (Decree 13/2023/NĐ-CP): they are kept for the
drafting unit, shown in the admin only to users with ``consultation.view_commenter_contact``, and
never appear in a public page, the API, the search index or a feed; they are erased after the
retention period (``consultation.retention``).
"""

from datetime import date

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directives.models import Agency
from portal.api.fields import NamedRefField, TextField
from portal.pages import SectionPage
from search.indexing import Heading, WrittenText, folded_text

from .api_fields import ApprovedCommentListField, CountField, DraftFileListField
from .status import DraftStatus, draft_status, status_q, status_rank

#: ``?trang_thai=`` of the index page → status code.
STATUS_SLUGS = {
    "dang-lay-y-kien": DraftStatus.OPEN.value,
    "chua-mo": DraftStatus.UPCOMING.value,
    "da-ket-thuc": DraftStatus.CLOSED.value,
}


class DraftIndexPage(SectionPage):
    """ "Lấy ý kiến dự thảo văn bản" (``/lay-y-kien/``): the drafts, open ones first, then those not
    yet open, then closed ones, newest first; ``?trang_thai=dang-lay-y-kien|da-ket-thuc|chua-mo``."""

    menu_group = "citizens"

    subpage_types = ["consultation.DraftPage"]
    max_count_per_parent = 1
    listing_name = "drafts"
    per_page = 20

    class Meta:
        verbose_name = _("danh mục lấy ý kiến dự thảo")
        verbose_name_plural = _("danh mục lấy ý kiến dự thảo")

    def get_context(self, request, *args, **kwargs):
        slug = request.GET.get("trang_thai", "")
        self.chosen_status = STATUS_SLUGS.get(slug)
        context = super().get_context(request, *args, **kwargs)
        context["status_slug"] = slug if self.chosen_status else ""
        context["status_choices"] = [(s, DraftStatus(code).label) for s, code in STATUS_SLUGS.items()]
        context["page_query_prefix"] = f"trang_thai={slug}&" if self.chosen_status else ""
        return context

    def listing(self, status: str | None = None, today: date | None = None):
        today = today or timezone.localdate()
        status = status or getattr(self, "chosen_status", None)
        drafts = DraftPage.objects.child_of(self).live().public().select_related("drafting_unit")
        if status:
            drafts = drafts.filter(status_q(status, today))
        return drafts.annotate(status_rank=status_rank(today)).order_by("status_rank", "-opens_on", "-pk")


class DraftPage(RoutablePageMixin, Page):
    """A draft document opened for public comment: what is asked, the files, the period, the comments."""

    summary = models.TextField(_("trích yếu"), help_text=_("Tên, trích yếu của dự thảo văn bản."))
    drafting_unit = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan chủ trì soạn thảo"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    body = RichTextField(
        _("nội dung lấy ý kiến"),
        blank=True,
        help_text=_("Những nội dung cần xin ý kiến và cách thức góp ý."),
    )
    opens_on = models.DateField(_("ngày bắt đầu lấy ý kiến"))
    closes_on = models.DateField(
        _("ngày kết thúc lấy ý kiến"),
        help_text=_("Hết ngày này, cổng tự động ngừng nhận góp ý."),
    )
    contact = models.TextField(
        _("đầu mối tiếp nhận góp ý"),
        blank=True,
        help_text=_("Cơ quan, địa chỉ, điện thoại, thư điện tử tiếp nhận góp ý bằng văn bản."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("drafting_unit"),
        FieldRowPanel([FieldPanel("opens_on"), FieldPanel("closes_on")], heading=_("Thời gian lấy ý kiến")),
        FieldPanel("body"),
        InlinePanel("files", heading=_("Hồ sơ dự thảo"), label=_("tệp")),
        MultiFieldPanel([FieldPanel("contact")], heading=_("Liên hệ")),
    ]
    parent_page_types = ["consultation.DraftIndexPage"]
    subpage_types = []

    # Comments are not indexed: only the draft's own text.
    search_fields = Page.search_fields + [
        Heading("summary", boost=3),
        WrittenText("body"),
        index.SearchField("search_folded"),
        index.AutocompleteField("title"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("opens_on"),
        index.FilterField("closes_on"),
        index.FilterField("drafting_unit"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("drafting_unit", serializer=NamedRefField()),
        APIField("opens_on"),
        APIField("closes_on"),
        APIField("status", serializer=TextField()),
        APIField("status_label", serializer=TextField()),
        APIField("body"),
        APIField("files", serializer=DraftFileListField()),
        APIField("contact"),
        APIField("approved_comment_count", serializer=CountField()),
        APIField("approved_comments", serializer=ApprovedCommentListField()),
    ]
    # The typed listing /api/v3/drafts/ (portal.api.listings.listing_item_schema).
    api_listing_fields = [
        "summary",
        "drafting_unit",
        "opens_on",
        "closes_on",
        "status",
        "status_label",
        "files",
        "approved_comment_count",
    ]
    api_date_field = "opens_on"

    class Meta:
        verbose_name = _("dự thảo lấy ý kiến")
        verbose_name_plural = _("dự thảo lấy ý kiến")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_on and self.closes_on and self.closes_on < self.opens_on:
            raise ValidationError(
                {"closes_on": _("Ngày kết thúc lấy ý kiến không được trước ngày bắt đầu.")}, code="period"
            )

    # --- status ---------------------------------------------------------------------------------

    def status_on(self, today: date) -> str:
        return draft_status(self.opens_on, self.closes_on, today)

    @property
    def status(self) -> str:
        """The status today (``consultation.status``)."""
        return self.status_on(timezone.localdate())

    @property
    def status_label(self) -> str:
        return str(DraftStatus(self.status).label)

    def is_open_on(self, today: date) -> bool:
        return self.status_on(today) == DraftStatus.OPEN

    # --- comments -------------------------------------------------------------------------------

    @property
    def approved_comments(self):
        """The approved comments, oldest first (what the public sees of them: ``PUBLIC_FIELDS``);
        none for a page not saved yet (a preview before the first save)."""
        if self.pk is None:
            return DraftComment.objects.none()
        return self.comments.filter(status=CommentStatus.APPROVED).order_by("submitted_at", "pk")

    @cached_property
    def approved_comment_count(self) -> int:
        if "approved_count" in self.__dict__:  # annotated by api_listing_queryset
            return self.__dict__["approved_count"]
        if self.pk is None:
            return 0
        return self.approved_comments.count()

    @classmethod
    def with_approved_count(cls, queryset):
        approved = (
            DraftComment.objects.filter(draft=OuterRef("pk"), status=CommentStatus.APPROVED)
            .order_by()
            .values("draft")
            .annotate(n=Count("pk"))
            .values("n")
        )
        return queryset.annotate(approved_count=Coalesce(Subquery(approved, output_field=IntegerField()), 0))

    @classmethod
    def api_listing_queryset(cls, queryset):
        """What the listing fields read, for a whole page of drafts in a constant number of queries:
        the drafting unit joined, the files with their documents prefetched (one query), the count
        of approved comments as a column."""
        files = Prefetch("files", queryset=DraftFile.objects.select_related("document").order_by("sort_order"))
        return cls.with_approved_count(queryset.select_related("locale", "drafting_unit").prefetch_related(files))

    # --- search, feeds, references -----------------------------------------------------------

    def search_folded(self) -> str:
        unit = self.drafting_unit.name if self.drafting_unit_id else ""
        return folded_text(self.title, self.summary, self.body, unit)

    def autocomplete_folded(self) -> str:
        return folded_text(self.title, self.summary)

    def as_ref(self) -> dict:
        return {"id": self.pk, "title": self.title, "url": self.url, "date": self.opens_on, "summary": self.summary}

    # --- public routes (consultation.public) ------------------------------------------------

    @path("")
    def draft_view(self, request):
        from .public import show_draft

        return show_draft(self, request)

    @path("gop-y/")
    def comment_view(self, request):
        from .public import receive_comment

        return receive_comment(self, request)


class DraftFile(Orderable):
    """A file of the draft (dự thảo, tờ trình, báo cáo…), in order, with the label shown."""

    page = ParentalKey(DraftPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("tên hiển thị"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Dự thảo Quyết định, Tờ trình, Báo cáo đánh giá tác động. Để trống: dùng tên tệp."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("tệp dự thảo")
        verbose_name_plural = _("tệp dự thảo")

    @property
    def title(self) -> str:
        return self.label or (self.document.title if self.document_id else "")


class CommentStatus(models.TextChoices):
    PENDING = "pending", _("Chờ duyệt")
    APPROVED = "approved", _("Đã duyệt")
    REJECTED = "rejected", _("Từ chối")
    SPAM = "spam", _("Thư rác")


class DraftComment(models.Model):
    """A comment a citizen or an organisation sent on a draft; public once approved (name,
    organisation, date and content only)."""

    #: What a public output may show of a comment.
    PUBLIC_FIELDS = ("name", "organisation", "submitted_at", "content")

    draft = models.ForeignKey(DraftPage, verbose_name=_("dự thảo"), on_delete=models.CASCADE, related_name="comments")
    name = models.CharField(_("họ và tên"), max_length=200)
    organisation = models.CharField(_("cơ quan, tổ chức"), max_length=255, blank=True)
    # Blank once erased after the retention period (consultation.retention).
    email = models.EmailField(_("thư điện tử"), max_length=254, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    content = models.TextField(_("nội dung góp ý"))
    submitted_at = models.DateTimeField(_("ngày gửi"), default=timezone.now, db_index=True)
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=CommentStatus.choices, default=CommentStatus.PENDING, db_index=True
    )
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người duyệt"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    moderated_at = models.DateTimeField(_("ngày duyệt"), null=True, blank=True)

    class Meta:
        verbose_name = _("góp ý dự thảo")
        verbose_name_plural = _("góp ý dự thảo")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("view_commenter_contact", _("Xem thư điện tử, điện thoại của người góp ý"))]

    def __str__(self):
        excerpt = " ".join(self.content.split())
        return f"{self.name}: {excerpt[:60]}{'…' if len(excerpt) > 60 else ''}"
