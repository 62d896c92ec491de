"""The catalogue of administrative procedures (thủ tục hành chính, domain.md §5), as the national
database of procedures publishes them: the section ``/thu-tuc-hanh-chinh/`` and one page per
procedure, with its dossier, steps and legal basis as ordered child rows.

A legal basis is a citation as written ("Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"); its
document number is read from it, and when the legal-document database holds that document the
row links to it (``legal.link_legal_bases``: on import and on save; a document added later is
found when the page is shown).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.models import Orderable, Page
from wagtail.search import index

from directives.numbers import number_key
from portal.api.fields import NamedRefField, SectionRefField, TextField
from portal.pages import SectionPage
from search.indexing import Heading, folded_text

from .api_fields import ChannelListField, DossierListField, LegalBasisListField, StepListField
from .values import Channel, Level, OnlineLevel, citation_number, clean_code, code_problem, working_days


class ProcedureIndexPage(SectionPage):
    """Thủ tục hành chính: the catalogue, filtered by field, agency, level and online level
    (``procedures.catalogue``)."""

    filter_errors_status = 400  # a filter that cannot be read: said on the page, dropped

    menu_group = "services"

    subpage_types = ["procedures.ProcedurePage"]
    max_count = 1
    listing_name = "procedures"
    per_page = 30

    class Meta:
        verbose_name = _("danh mục thủ tục hành chính")
        verbose_name_plural = _("danh mục thủ tục hành chính")

    def procedures(self):
        return ProcedurePage.objects.child_of(self).live().public()

    def listing(self):
        return None  # get_context filters the listing by the request (catalogue.listing_context)

    def get_context(self, request, *args, **kwargs):
        from .catalogue import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context


def service_url_problem(url: str) -> str | None:
    """Why ``url`` is not a link to an online public service, or None: an ``https`` address on a
    host of ``PROCEDURE_SERVICE_HOSTS`` (the national portal dichvucong.gov.vn and the provincial
    ones, under gov.vn, by default)."""
    from urllib.parse import urlsplit

    from django.core.validators import URLValidator

    try:
        URLValidator(schemes=["https"])(url)
    except ValidationError:
        return str(_("Địa chỉ dịch vụ công trực tuyến phải là một địa chỉ https:// đầy đủ."))
    host = (urlsplit(url).hostname or "").lower()
    allowed = getattr(settings, "PROCEDURE_SERVICE_HOSTS", ("gov.vn",))
    if not any(host == suffix or host.endswith("." + suffix) for suffix in allowed):
        return str(
            _("Địa chỉ dịch vụ công trực tuyến phải thuộc cổng dịch vụ công (%(hosts)s), không phải %(host)s.")
            % {"hosts": ", ".join(allowed), "host": host}
        )
    return None


class ProcedurePage(Page):
    """One administrative procedure (thủ tục hành chính); its name is the page title."""

    code = models.CharField(
        _("mã thủ tục"),
        max_length=60,
        unique=True,
        help_text=_(
            "Mã trên Cơ sở dữ liệu quốc gia về thủ tục hành chính, ví dụ 1.001193; thủ tục riêng "
            "của địa phương thêm hậu tố cơ quan, ví dụ 1.001193.000.00.00.H62."
        ),
    )
    field = models.ForeignKey(
        "directives.Field", verbose_name=_("lĩnh vực"), on_delete=models.PROTECT, related_name="+"
    )
    level = models.CharField(_("cấp thực hiện"), max_length=10, choices=Level.choices, db_index=True)
    agency = models.ForeignKey(
        "directives.Agency", verbose_name=_("cơ quan thực hiện"), on_delete=models.PROTECT, related_name="+"
    )
    processing_time = models.TextField(
        _("thời hạn giải quyết"),
        blank=True,
        help_text=_("Như công bố, ví dụ “05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ”."),
    )
    processing_days = models.PositiveSmallIntegerField(
        _("số ngày làm việc"),
        null=True,
        blank=True,
        help_text=_("Để trống thì lấy từ thời hạn giải quyết (“05 ngày làm việc” → 5; “trong ngày” → 0)."),
    )
    fee = models.TextField(_("phí"), blank=True)
    charge = models.TextField(_("lệ phí"), blank=True)
    subjects = models.TextField(_("đối tượng thực hiện"), blank=True)
    result = models.TextField(_("kết quả thực hiện"), blank=True)
    conditions = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    channel_in_person = models.BooleanField(_("nộp trực tiếp"), default=True)
    channel_online = models.BooleanField(_("nộp trực tuyến"), default=False)
    channel_post = models.BooleanField(_("nộp qua dịch vụ bưu chính công ích"), default=False)
    online_level = models.CharField(
        _("mức độ dịch vụ công trực tuyến"),
        max_length=12,
        choices=OnlineLevel.choices,
        default=OnlineLevel.NONE,
        db_index=True,
        help_text=_("Theo Nghị định 42/2022/NĐ-CP: toàn trình, một phần, hoặc chỉ cung cấp thông tin."),
    )
    service_url = models.CharField(
        _("địa chỉ dịch vụ công trực tuyến"),
        max_length=500,
        blank=True,
        help_text=_(
            "Đường dẫn nộp hồ sơ trực tuyến trên Cổng Dịch vụ công quốc gia (https://dichvucong.gov.vn/…) "
            "hoặc cổng dịch vụ công của tỉnh."
        ),
    )
    announced_on = models.DateField(
        _("ngày công bố"), default=timezone.localdate, help_text=_("Ngày quyết định công bố thủ tục.")
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("code"),
                FieldRowPanel([FieldPanel("field"), FieldPanel("level")]),
                FieldPanel("agency"),
                FieldPanel("announced_on"),
            ],
            heading=_("Thông tin chung"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [FieldPanel("channel_in_person"), FieldPanel("channel_online"), FieldPanel("channel_post")]
                ),
                FieldRowPanel([FieldPanel("online_level"), FieldPanel("service_url")]),
            ],
            heading=_("Cách thức thực hiện"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("processing_time"), FieldPanel("processing_days")]),
                FieldRowPanel([FieldPanel("fee"), FieldPanel("charge")]),
                FieldPanel("subjects"),
                FieldPanel("result"),
                FieldPanel("conditions"),
            ],
            heading=_("Thời hạn, phí, đối tượng, kết quả"),
        ),
        InlinePanel("steps", heading=_("Trình tự thực hiện"), label=_("bước")),
        InlinePanel("dossier", heading=_("Thành phần hồ sơ"), label=_("giấy tờ")),
        InlinePanel("legal_bases", heading=_("Căn cứ pháp lý"), label=_("căn cứ")),
    ]
    parent_page_types = ["procedures.ProcedureIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        Heading("code", boost=5),
        index.SearchField("search_folded"),
        index.AutocompleteField("title"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("code"),
        index.FilterField("field"),
        index.FilterField("agency"),
        index.FilterField("level"),
        index.FilterField("online_level"),
        index.FilterField("announced_on"),
    ]
    api_fields = [
        APIField("code"),
        APIField("field", serializer=NamedRefField()),
        APIField("level"),
        APIField("level_label", serializer=TextField()),
        APIField("agency", serializer=NamedRefField()),
        APIField("processing_time"),
        APIField("processing_days"),
        APIField("fee"),
        APIField("charge"),
        APIField("subjects"),
        APIField("result"),
        APIField("conditions"),
        APIField("channels", serializer=ChannelListField()),
        APIField("steps", serializer=StepListField()),
        APIField("dossier", serializer=DossierListField()),
        APIField("legal_basis", serializer=LegalBasisListField()),
        APIField("online_level"),
        APIField("online_level_label", serializer=TextField()),
        APIField("service_url"),
        APIField("announced_on"),
        APIField("section", serializer=SectionRefField(source="section_ref")),
    ]
    # The typed listing /api/v3/procedures/ (portal.api.listings.listing_item_schema).
    api_listing_fields = [
        "code",
        "field",
        "level",
        "level_label",
        "agency",
        "online_level",
        "online_level_label",
        "processing_days",
        "service_url",
    ]
    api_date_field = "announced_on"

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")

    def __str__(self):
        return f"{self.code} – {self.title}"

    # --- derived values ---------------------------------------------------------------------
    @property
    def level_label(self) -> str:
        return str(Level(self.level).label) if self.level in Level.values else self.level

    @property
    def online_level_label(self) -> str:
        return str(OnlineLevel(self.online_level).label) if self.online_level in OnlineLevel.values else ""

    @property
    def is_online(self) -> bool:
        return self.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL)

    @property
    def channels(self) -> list[str]:
        """The channel codes, in the order of ``Channel``."""
        flags = (self.channel_in_person, self.channel_online, self.channel_post)
        return [code for code, on in zip(Channel.values, flags) if on]

    @property
    def channel_labels(self) -> list[str]:
        return [str(Channel(code).label) for code in self.channels]

    def set_channels(self, codes) -> None:
        self.channel_in_person = Channel.IN_PERSON in codes
        self.channel_online = Channel.ONLINE in codes
        self.channel_post = Channel.POST in codes

    @property
    def legal_basis(self) -> list[dict]:
        """The legal bases, each with the live, public document it names, if the portal has it."""
        from .legal import legal_basis_links

        return legal_basis_links(self)

    @property
    def section_ref(self) -> dict | None:
        parent = self.get_parent() if self.path else None
        return {"id": parent.pk, "title": parent.title, "slug": parent.slug} if parent else None

    def search_folded(self) -> str:
        """Indexed beside the title: everything a citizen may type, folded, and the code as words."""
        return " ".join(
            [
                folded_text(
                    self.title,
                    self.field.name if self.field_id else "",
                    self.agency.name if self.agency_id else "",
                    self.subjects,
                    self.result,
                    self.conditions,
                    *(step.text for step in self.steps.all()),
                    *(paper.name for paper in self.dossier.all()),
                ),
                self.code,
                self.code.replace(".", " "),
            ]
        )

    def autocomplete_folded(self) -> str:
        return folded_text(self.title)

    @classmethod
    def api_listing_queryset(cls, queryset):
        """Field and agency of a whole page of procedures in the same query."""
        return queryset.select_related("locale", "field", "agency")

    # --- validation and saving ----------------------------------------------------------------
    def clean(self):
        super().clean()
        errors = {}
        self.code = clean_code(self.code)
        problem = code_problem(self.code)
        if problem:
            errors["code"] = _("Mã thủ tục %(problem)s.") % {"problem": problem}
        elif ProcedurePage.objects.filter(code=self.code).exclude(pk=self.pk).exists():
            errors["code"] = _("Đã có thủ tục mang mã %(code)s.") % {"code": self.code}
        if self.level not in Level.values:
            errors["level"] = _("Cấp thực hiện phải là cấp tỉnh, cấp huyện hoặc cấp xã.")
        if self.online_level not in OnlineLevel.values:
            errors["online_level"] = _("Mức độ dịch vụ công trực tuyến không hợp lệ.")
        self.service_url = (self.service_url or "").strip()
        if self.service_url:
            problem = service_url_problem(self.service_url)
            if problem:
                errors["service_url"] = problem
        elif self.online_level in (OnlineLevel.FULL, OnlineLevel.PARTIAL):
            errors["service_url"] = _(
                "Dịch vụ công trực tuyến toàn trình hoặc một phần cần địa chỉ nộp hồ sơ trực tuyến."
            )
        if not (self.channel_in_person or self.channel_online or self.channel_post):
            errors["channel_in_person"] = _("Chọn ít nhất một cách thức thực hiện.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        self.code = clean_code(self.code)
        if self.processing_days is None:
            self.processing_days = working_days(self.processing_time)
        return super().save(*args, **kwargs)


class ProcedureStep(Orderable):
    """One step of the procedure (trình tự thực hiện), in order."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="steps")
    text = models.TextField(_("nội dung bước"))

    panels = [FieldPanel("text")]

    class Meta(Orderable.Meta):
        verbose_name = _("bước thực hiện")


class DossierItem(Orderable):
    """One paper of the dossier (thành phần hồ sơ): how many originals and copies, its form."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="dossier")
    name = models.TextField(_("tên giấy tờ"))
    originals = models.PositiveSmallIntegerField(_("số bản chính"), default=1)
    copies = models.PositiveSmallIntegerField(_("số bản sao"), default=0)
    form = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("mẫu đơn, tờ khai"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    required = models.BooleanField(_("bắt buộc"), default=True)

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("originals"), FieldPanel("copies"), FieldPanel("required")]),
        FieldPanel("form"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("thành phần hồ sơ")


class LegalBasis(Orderable):
    """One legal basis (căn cứ pháp lý): the citation as written, its document number, and the
    document when the legal-document database holds it."""

    page = ParentalKey(ProcedurePage, on_delete=models.CASCADE, related_name="legal_bases")
    citation = models.TextField(
        _("căn cứ"), help_text=_("Ví dụ: Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014 của Quốc hội.")
    )
    number = models.CharField(
        _("số ký hiệu"),
        max_length=100,
        blank=True,
        help_text=_("Để trống thì lấy từ căn cứ; dùng để liên kết tới văn bản trên cổng."),
    )
    number_key = models.CharField(max_length=100, editable=False, blank=True, db_index=True)
    document = models.ForeignKey(
        "directives.LegalDocumentPage",
        verbose_name=_("văn bản trên cổng"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Để trống thì tự liên kết theo số ký hiệu khi văn bản có trên cổng."),
    )

    panels = [FieldPanel("citation"), FieldPanel("number"), FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("căn cứ pháp lý")
        verbose_name_plural = _("căn cứ pháp lý")

    def derive_number(self) -> None:
        if not (self.number or "").strip():
            self.number = citation_number(self.citation)
        self.number_key = number_key(self.number) if self.number else ""

    def save(self, *args, **kwargs):
        from .legal import link_legal_bases

        self.derive_number()
        if self.document_id is None and self.number_key:
            link_legal_bases([self])
        super().save(*args, **kwargs)
