"""Investment projects and procurement ("dự án đầu tư, đấu thầu, mua sắm công", Decree 42/2022
Art. 4): the section page ``/du-an-dau-thau/``, the project page, its files and the legal documents
it rests on (the investment decision, the approval of the selection plan or result)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directives.models import Agency, Field, LegalDocumentPage
from portal.api.fields import NamedRefField, TextField
from portal.pages import SectionPage
from search.indexing import Heading, WrittenText, folded_text

from ..api_fields import AmountField, LinkedDocumentListField, ProjectFileListField
from ..money import billions, vnd

MIN_YEAR, MAX_YEAR = 1975, 2100


class ProjectKind(models.TextChoices):
    PUBLIC_INVESTMENT = "dau-tu-cong", _("Dự án đầu tư công")
    PPP = "ppp", _("Dự án PPP")
    PROGRAMME = "chuong-trinh", _("Chương trình, đề án")
    PROCUREMENT = "mua-sam", _("Gói thầu mua sắm")
    SELECTION_PLAN = "ke-hoach-lcnt", _("Kế hoạch lựa chọn nhà thầu")
    SELECTION_RESULT = "ket-qua-lcnt", _("Kết quả lựa chọn nhà thầu")


class ProjectStatus(models.TextChoices):
    PREPARATION = "chuan-bi", _("Chuẩn bị đầu tư")
    IN_PROGRESS = "dang-thuc-hien", _("Đang thực hiện")
    COMPLETED = "hoan-thanh", _("Hoàn thành")
    SUSPENDED = "tam-dung", _("Tạm dừng")


class SelectionMethod(models.TextChoices):
    """Hình thức lựa chọn nhà thầu (Law on Bidding 22/2023/QH15, Art. 20–29)."""

    OPEN = "dau-thau-rong-rai", _("Đấu thầu rộng rãi")
    LIMITED = "dau-thau-han-che", _("Đấu thầu hạn chế")
    DIRECT = "chi-dinh-thau", _("Chỉ định thầu")
    COMPETITIVE_QUOTATION = "chao-hang-canh-tranh", _("Chào hàng cạnh tranh")
    DIRECT_PROCUREMENT = "mua-sam-truc-tiep", _("Mua sắm trực tiếp")
    SELF_PERFORMED = "tu-thuc-hien", _("Tự thực hiện")
    COMMUNITY = "cong-dong-thuc-hien", _("Tham gia thực hiện của cộng đồng")
    PRICE_NEGOTIATION = "dam-phan-gia", _("Đàm phán giá")
    SPECIAL = "truong-hop-dac-biet", _("Lựa chọn nhà thầu trong trường hợp đặc biệt")


def _years():
    return [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]


def amount_field(verbose_name, help_text=""):
    """An amount in đồng: whole, not negative, up to 10¹⁸."""
    return models.DecimalField(
        verbose_name,
        max_digits=18,
        decimal_places=0,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=help_text,
    )


class ProjectIndexPage(SectionPage):
    """ "Dự án đầu tư, đấu thầu, mua sắm công" (``/du-an-dau-thau/``): the projects, newest decision
    first, filtered by kind, status, investor and year (``projects.public``)."""

    filter_errors_status = 400  # a filter that cannot be read: said on the page, dropped

    menu_group = "projects"

    subpage_types = ["projects.ProjectPage"]
    max_count_per_parent = 1
    listing_name = "projects"
    per_page = 20

    class Meta:
        verbose_name = _("chuyên mục dự án, đấu thầu")
        verbose_name_plural = _("chuyên mục dự án, đấu thầu")

    def projects(self):
        return (
            ProjectPage.objects.child_of(self)
            .live()
            .public()
            .select_related("investor", "field")
            .order_by("-decided_on", "-pk")
        )

    def listing(self):
        return None  # get_context filters the listing by the request (projects.public)

    def get_context(self, request, *args, **kwargs):
        from ..public import project_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(project_listing_context(self, request))
        return context


class ProjectPage(Page):
    """One programme, investment project, bid package or bidding notice (Decree 42/2022 Art. 4:
    name, goal, field, kind, period, funding source, status; the bidding information)."""

    code = models.CharField(
        _("mã dự án, mã gói thầu"),
        max_length=50,
        blank=True,
        help_text=_("Ví dụ: mã dự án trên Hệ thống thông tin quốc gia về đầu tư công, số TBMT IB2400012345."),
    )
    kind = models.CharField(
        _("loại"), max_length=20, choices=ProjectKind.choices, default=ProjectKind.PUBLIC_INVESTMENT
    )
    status = models.CharField(
        _("tình trạng"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PREPARATION
    )
    investor = models.ForeignKey(
        Agency,
        verbose_name=_("chủ đầu tư, bên mời thầu"),
        on_delete=models.PROTECT,
        related_name="+",
    )
    field = models.ForeignKey(
        Field, verbose_name=_("lĩnh vực"), null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    location = models.CharField(_("địa điểm"), max_length=255, blank=True)
    decided_on = models.DateField(
        _("ngày phê duyệt"),
        default=timezone.localdate,
        help_text=_("Ngày phê duyệt dự án, kế hoạch hoặc kết quả lựa chọn nhà thầu; dùng để sắp xếp và lọc."),
    )
    total_investment = amount_field(_("tổng mức đầu tư (đồng)"), _("Số đồng, không ghi dấu chấm: 12500000000."))
    capital_source = models.CharField(
        _("nguồn vốn"), max_length=255, blank=True, help_text=_("Ví dụ: Ngân sách huyện; ngân sách tỉnh hỗ trợ.")
    )
    start_year = models.PositiveSmallIntegerField(_("năm bắt đầu"), null=True, blank=True, validators=_years())
    end_year = models.PositiveSmallIntegerField(_("năm hoàn thành"), null=True, blank=True, validators=_years())
    summary = models.TextField(_("mục tiêu, quy mô"), blank=True, help_text=_("Tóm tắt mục tiêu, quy mô đầu tư."))
    body = RichTextField(_("nội dung chi tiết"), blank=True)

    # Bidding (đấu thầu), where it applies.
    bid_package = models.CharField(_("tên gói thầu"), max_length=255, blank=True)
    selection_method = models.CharField(
        _("hình thức lựa chọn nhà thầu"), max_length=30, choices=SelectionMethod.choices, blank=True
    )
    bid_opening_on = models.DateField(_("ngày mở thầu"), null=True, blank=True)
    winning_bidder = models.CharField(_("nhà thầu trúng thầu"), max_length=255, blank=True)
    contract_value = amount_field(_("giá trúng thầu, giá hợp đồng (đồng)"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("status")]),
                FieldRowPanel([FieldPanel("code"), FieldPanel("decided_on")]),
                FieldPanel("investor"),
                FieldRowPanel([FieldPanel("field"), FieldPanel("location")]),
                FieldPanel("summary"),
            ],
            heading=_("Thông tin chung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("total_investment"), FieldPanel("capital_source")]),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
            ],
            heading=_("Vốn và thời gian thực hiện"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("bid_package"),
                FieldRowPanel([FieldPanel("selection_method"), FieldPanel("bid_opening_on")]),
                FieldRowPanel([FieldPanel("winning_bidder"), FieldPanel("contract_value")]),
            ],
            heading=_("Thông tin đấu thầu"),
        ),
        FieldPanel("body"),
        InlinePanel("files", heading=_("Tài liệu của dự án"), label=_("tài liệu")),
        InlinePanel("legal_documents", heading=_("Văn bản liên quan"), label=_("văn bản")),
    ]
    parent_page_types = ["projects.ProjectIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        Heading("code", boost=3),
        Heading("summary", boost=2),
        WrittenText("body"),
        index.SearchField("search_folded"),
        index.AutocompleteField("title"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("decided_on"),
        index.FilterField("kind"),
        index.FilterField("status"),
        index.FilterField("investor"),
    ]

    api_fields = [
        APIField("code"),
        APIField("kind"),
        APIField("kind_label", serializer=TextField()),
        APIField("status"),
        APIField("status_label", serializer=TextField()),
        APIField("investor", serializer=NamedRefField()),
        APIField("field", serializer=NamedRefField()),
        APIField("location"),
        APIField("decided_on"),
        APIField("total_investment", serializer=AmountField()),
        APIField("capital_source"),
        APIField("start_year"),
        APIField("end_year"),
        APIField("summary"),
        APIField("body"),
        APIField("bid_package"),
        APIField("selection_method"),
        APIField("selection_method_label", serializer=TextField()),
        APIField("bid_opening_on"),
        APIField("winning_bidder"),
        APIField("contract_value", serializer=AmountField()),
        APIField("files", serializer=ProjectFileListField()),
        APIField("legal_documents", serializer=LinkedDocumentListField()),
    ]
    # The typed listing /api/v3/projects/ (portal.api.listings.listing_item_schema).
    api_listing_fields = [
        "code",
        "kind",
        "kind_label",
        "status",
        "status_label",
        "investor",
        "field",
        "location",
        "decided_on",
        "total_investment",
        "capital_source",
        "start_year",
        "end_year",
        "summary",
        "contract_value",
    ]
    api_date_field = "decided_on"

    class Meta:
        verbose_name = _("dự án, gói thầu")
        verbose_name_plural = _("dự án, gói thầu")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.start_year and self.end_year and self.end_year < self.start_year:
            errors["end_year"] = _("Năm hoàn thành không được trước năm bắt đầu.")
        if self.winning_bidder and self.kind == ProjectKind.SELECTION_PLAN:
            errors["winning_bidder"] = _("Kế hoạch lựa chọn nhà thầu chưa có nhà thầu trúng thầu; chọn loại khác.")
        if errors:
            raise ValidationError(errors)

    # --- labels and formatted values ---------------------------------------------------------

    @property
    def kind_label(self) -> str:
        return str(ProjectKind(self.kind).label) if self.kind in ProjectKind.values else self.kind

    @property
    def status_label(self) -> str:
        return str(ProjectStatus(self.status).label) if self.status in ProjectStatus.values else self.status

    @property
    def selection_method_label(self) -> str:
        if self.selection_method in SelectionMethod.values:
            return str(SelectionMethod(self.selection_method).label)
        return self.selection_method

    @property
    def total_investment_vnd(self) -> str:
        return vnd(self.total_investment)

    @property
    def total_investment_billions(self) -> str:
        return billions(self.total_investment)

    @property
    def contract_value_vnd(self) -> str:
        return vnd(self.contract_value)

    @property
    def contract_value_billions(self) -> str:
        return billions(self.contract_value)

    @property
    def period_label(self) -> str:
        """ "2023 – 2025", "từ 2024", "đến 2025", or "" without years."""
        if self.start_year and self.end_year:
            return str(self.start_year) if self.start_year == self.end_year else f"{self.start_year} – {self.end_year}"
        if self.start_year:
            return _("từ %(year)s") % {"year": self.start_year}
        if self.end_year:
            return _("đến %(year)s") % {"year": self.end_year}
        return ""

    @property
    def has_bidding(self) -> bool:
        return any(
            (self.bid_package, self.selection_method, self.bid_opening_on, self.winning_bidder, self.contract_value)
        )

    # --- related rows ---------------------------------------------------------------------

    def public_legal_documents(self) -> list[tuple[str, LegalDocumentPage]]:
        """(label, document) of the linked legal documents that are live and public, in order."""
        return visible_links(self.legal_documents.all())

    # --- search, feeds, references -----------------------------------------------------------

    def search_folded(self) -> str:
        return folded_text(
            self.title,
            self.code,
            self.summary,
            self.body,
            self.investor.name if self.investor_id else "",
            self.field.name if self.field_id else "",
            self.location,
            self.capital_source,
            self.bid_package,
            self.winning_bidder,
            self.kind_label,
        )

    def autocomplete_folded(self) -> str:
        return folded_text(self.title)

    def as_ref(self) -> dict:
        return {"id": self.pk, "title": self.title, "url": self.url, "date": self.decided_on, "summary": self.summary}

    @classmethod
    def api_listing_queryset(cls, queryset):
        """The investor and field joined: a page of projects in one query whatever its size."""
        return queryset.select_related("locale", "investor", "field")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = self.files.select_related("document")
        context["legal_documents"] = self.public_legal_documents()
        return context


def visible_links(rows) -> list[tuple[str, LegalDocumentPage]]:
    """(label, document) of ``rows`` (``ProjectLegalDocument``) whose document is live and public,
    in order: one query whatever their number."""
    rows = list(rows)
    ids = [row.document_id for row in rows if row.document_id]
    if not ids:
        return []
    visible = {page.pk: page for page in LegalDocumentPage.objects.live().public().filter(pk__in=ids)}
    return [(row.label, visible[row.document_id]) for row in rows if row.document_id in visible]


class ProjectFile(Orderable):
    """A file of the project (report, drawing, notice, contract extract…), in order, with its label."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", verbose_name=_("tệp"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("tên hiển thị"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Báo cáo kinh tế - kỹ thuật, Thông báo mời thầu. Để trống: dùng tên tệp."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("tài liệu của dự án")
        verbose_name_plural = _("tài liệu của dự án")

    @property
    def title(self) -> str:
        return self.label or (self.document.title if self.document_id else "")


class ProjectLegalDocument(Orderable):
    """A legal document the project rests on (quyết định phê duyệt dự án, kế hoạch, kết quả LCNT…)."""

    page = ParentalKey(ProjectPage, on_delete=models.CASCADE, related_name="legal_documents")
    document = models.ForeignKey(
        LegalDocumentPage, verbose_name=_("văn bản"), on_delete=models.CASCADE, related_name="+"
    )
    label = models.CharField(
        _("vai trò của văn bản"),
        max_length=255,
        blank=True,
        help_text=_("Ví dụ: Quyết định phê duyệt dự án, Quyết định phê duyệt kết quả lựa chọn nhà thầu."),
    )

    panels = [FieldPanel("document"), FieldPanel("label")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")
        verbose_name_plural = _("văn bản liên quan")
