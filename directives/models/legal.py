"""The legal-document database: index page, document page, attachments and typed relations."""

from datetime import date

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import ExtractYear
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from portal.api.fields import AttachmentListField, NamedRefListField, TextField
from portal.pages import SectionPage
from search.indexing import Heading, WrittenText, folded_text

from ..api_fields import DocumentTypeField, IssuingBodiesField, OutgoingRelationListField, RelationListField
from ..numbers import clean_number, number_key, number_terms
from ..validity import ValidityStatus, validity_status
from .base import AttachmentRow, NumberedDocument
from .taxonomy import Agency, DocumentType, Field


class LegalDocumentIndexPage(SectionPage):
    """Hệ thống văn bản: the list of legal documents."""

    menu_group = "documents"

    subpage_types = ["directives.LegalDocumentPage"]
    max_count_per_parent = 1
    listing_name = "documents"

    class Meta:
        verbose_name = _("danh mục văn bản")

    def listing(self):
        return (
            LegalDocumentPage.objects.child_of(self)
            .live()
            .public()
            .select_related("document_type", "issuing_body")
            .prefetch_related("co_issuing_bodies")
            .order_by("-issued_on", "-pk")
        )


class RelationType(models.TextChoices):
    BASED_ON = "based_on", _("Căn cứ")
    GUIDES = "guides", _("Hướng dẫn")
    DETAILS = "details", _("Quy định chi tiết")
    AMENDS = "amends", _("Sửa đổi, bổ sung")
    REPLACES = "replaces", _("Thay thế")
    REPEALS = "repeals", _("Bãi bỏ")
    CORRECTS = "corrects", _("Đính chính")
    CONSOLIDATES = "consolidates", _("Hợp nhất")
    SUSPENDS = "suspends", _("Đình chỉ, ngưng hiệu lực")
    REFERENCES = "references", _("Dẫn chiếu")


# How the relation reads from the target's side ("được sửa đổi bởi …").
INVERSE_LABELS = {
    RelationType.BASED_ON: _("Là căn cứ của"),
    RelationType.GUIDES: _("Được hướng dẫn bởi"),
    RelationType.DETAILS: _("Được quy định chi tiết bởi"),
    RelationType.AMENDS: _("Được sửa đổi, bổ sung bởi"),
    RelationType.REPLACES: _("Bị thay thế bởi"),
    RelationType.REPEALS: _("Bị bãi bỏ bởi"),
    RelationType.CORRECTS: _("Được đính chính bởi"),
    RelationType.CONSOLIDATES: _("Được hợp nhất bởi"),
    RelationType.SUSPENDS: _("Bị đình chỉ, ngưng hiệu lực bởi"),
    RelationType.REFERENCES: _("Được dẫn chiếu bởi"),
}


class LegalDocumentPage(NumberedDocument, Page):
    """One legal or administrative document (văn bản), domain.md §2."""

    summary = models.TextField(_("trích yếu"))
    document_type = models.ForeignKey(
        DocumentType, verbose_name=_("loại văn bản"), on_delete=models.PROTECT, related_name="+"
    )
    issuing_body = models.ForeignKey(
        Agency,
        verbose_name=_("cơ quan ban hành"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Cơ quan ban hành (chủ trì, nếu là văn bản liên tịch)."),
    )
    co_issuing_bodies = ParentalManyToManyField(
        Agency,
        verbose_name=_("cơ quan cùng ban hành"),
        blank=True,
        related_name="+",
        help_text=_("Chỉ với văn bản liên tịch."),
    )
    signer = models.CharField(_("người ký"), max_length=150, blank=True)
    signer_title = models.CharField(_("chức danh người ký"), max_length=150, blank=True)
    issued_on = models.DateField(_("ngày ban hành"))
    effective_on = models.DateField(
        _("ngày có hiệu lực"), null=True, blank=True, help_text=_("Để trống nếu có hiệu lực từ ngày ký.")
    )
    expires_on = models.DateField(_("ngày hết hiệu lực"), null=True, blank=True)
    status = models.CharField(_("tình trạng hiệu lực"), max_length=30, choices=ValidityStatus.choices, blank=True)
    fields = ParentalManyToManyField(Field, verbose_name=_("lĩnh vực"), blank=True, related_name="+")
    gazette_number = models.CharField(_("số công báo"), max_length=50, blank=True)
    gazette_date = models.DateField(_("ngày đăng công báo"), null=True, blank=True)
    body = RichTextField(_("toàn văn"), blank=True)

    content_panels = [
        MultiFieldPanel(
            [
                FieldPanel("number"),
                FieldPanel("title", help_text=_("Tên hiển thị; thường là loại văn bản và số ký hiệu.")),
                FieldPanel("summary"),
                FieldPanel("document_type"),
                FieldPanel("issuing_body"),
                FieldPanel("co_issuing_bodies"),
                FieldRowPanel([FieldPanel("signer"), FieldPanel("signer_title")]),
            ],
            heading=_("Thông tin văn bản"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("issued_on"), FieldPanel("effective_on"), FieldPanel("expires_on")]),
                FieldPanel("status"),
                FieldRowPanel([FieldPanel("gazette_number"), FieldPanel("gazette_date")]),
            ],
            heading=_("Hiệu lực"),
        ),
        FieldPanel("fields"),
        InlinePanel("attachments", heading=_("File toàn văn"), label=_("tệp đính kèm")),
        InlinePanel("relations", heading=_("Văn bản liên quan"), label=_("văn bản liên quan")),
        FieldPanel("body"),
    ]
    parent_page_types = ["directives.LegalDocumentIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        Heading("number", boost=5),
        index.SearchField("number_key", boost=5),
        index.SearchField("number_folded", boost=3),
        Heading("summary", boost=3),
        Heading("signer", boost=2),
        WrittenText("body"),
        index.SearchField("search_folded"),
        index.AutocompleteField("number"),
        index.AutocompleteField("summary"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("number_key"),
        index.FilterField("number_folded"),
        index.FilterField("document_type"),
        index.FilterField("issuing_body"),
        index.FilterField("issued_on"),
        index.FilterField("status"),
    ]

    api_fields = [
        APIField("number"),
        APIField("number_key"),
        APIField("summary"),
        APIField("document_type", serializer=DocumentTypeField()),
        APIField("issuing_bodies", serializer=IssuingBodiesField()),
        APIField("signer"),
        APIField("signer_title"),
        APIField("issued_on"),
        APIField("effective_on"),
        APIField("expires_on"),
        APIField("status"),
        APIField("current_status", serializer=TextField()),
        APIField("current_status_label", serializer=TextField()),
        APIField("fields", serializer=NamedRefListField()),
        APIField("gazette_number"),
        APIField("gazette_date"),
        APIField("body"),
        APIField("attachments", serializer=AttachmentListField()),
        APIField("related_documents", serializer=OutgoingRelationListField()),
        APIField("referenced_by", serializer=RelationListField()),
    ]
    # The typed listing /api/v3/legal-documents/ (cms.api_fields.listing_item_schema).
    api_listing_fields = [
        "number",
        "summary",
        "document_type",
        "issuing_bodies",
        "issued_on",
        "effective_on",
        "current_status",
        "current_status_label",
        "fields",
    ]
    api_date_field = "issued_on"

    class Meta:
        verbose_name = _("văn bản")
        verbose_name_plural = _("văn bản")
        constraints = [
            models.UniqueConstraint(
                models.F("number_key"),
                models.F("issuing_body"),
                ExtractYear("issued_on"),
                name="legal_document_identity",
                violation_error_message=_("Đã có văn bản cùng số ký hiệu, cơ quan ban hành và năm ban hành."),
            )
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.title:
            self.title = f"{self.document_type.name} {self.number}" if self.document_type_id else self.number
        return super().save(*args, **kwargs)

    @classmethod
    def api_listing_queryset(cls, queryset):
        """Type, issuing bodies and fields of a whole page of documents in three queries."""
        return queryset.select_related("locale", "document_type", "issuing_body").prefetch_related(
            "co_issuing_bodies", "fields"
        )

    # --- derived values -------------------------------------------------------------
    def search_folded(self) -> str:
        """Indexed beside the written text: everything folded, and the number in every form."""
        return " ".join([folded_text(self.title, self.summary, self.body, self.signer), number_terms(self.number)])

    @property
    def issuing_bodies(self) -> list[Agency]:
        """All issuing bodies, the first (lead) one first."""
        bodies = [self.issuing_body] if self.issuing_body_id else []
        return bodies + [a for a in self.co_issuing_bodies.all() if a.pk != self.issuing_body_id]

    def status_on(self, today: date) -> str | None:
        return validity_status(self.status, self.effective_on, self.expires_on, today)

    @property
    def current_status(self) -> str | None:
        return self.status_on(timezone.localdate())

    @property
    def current_status_label(self) -> str:
        status = self.current_status
        return str(ValidityStatus(status).label) if status else ""

    def as_ref(self) -> dict:
        return {
            "id": self.pk,
            "title": self.title,
            "url": self.url,
            "date": self.issued_on,
            "summary": self.summary,
        }

    # --- relations --------------------------------------------------------------------
    @cached_property
    def related_documents(self) -> list[dict]:
        """Outgoing relations; a target held only by number is linked once it exists.

        Targets that are drafts or private are shown by number only, never linked.
        """
        rows = list(self.relations.all())
        target_ids = {r.target_page_id for r in rows if r.target_page_id}
        unresolved = {r.target_number_key for r in rows if not r.target_page_id and r.target_number_key}
        visible_by_id, visible_by_key = {}, {}
        if target_ids or unresolved:
            for page in (
                LegalDocumentPage.objects.live()
                .public()
                .filter(models.Q(pk__in=target_ids) | models.Q(number_key__in=unresolved))
            ):
                visible_by_id[page.pk] = page
                visible_by_key.setdefault(page.number_key, page)
        out = []
        for row in rows:
            if row.target_page_id:
                target = visible_by_id.get(row.target_page_id)
            else:
                target = visible_by_key.get(row.target_number_key)
            out.append(
                {
                    "type": row.relation_type,
                    "label": str(RelationType(row.relation_type).label),
                    "number": target.number if target else row.target_number,
                    "page": target.as_ref() if target else None,
                }
            )
        return out

    @cached_property
    def referenced_by(self) -> list[dict]:
        """Incoming relations: documents that amend, replace, guide … this one."""
        if self.pk is None:  # an unsaved page (editor's preview) has none yet
            return []
        rows = list(
            LegalDocumentRelation.objects.filter(
                models.Q(target_page=self) | models.Q(target_page__isnull=True, target_number_key=self.number_key)
            )
            .filter(source__live=True)
            .select_related("source")
            .order_by("-source__issued_on", "source_id")
        )
        public_ids = set(
            LegalDocumentPage.objects.public().filter(pk__in=[r.source_id for r in rows]).values_list("pk", flat=True)
        )
        return [
            {
                "type": row.relation_type,
                "label": str(INVERSE_LABELS[RelationType(row.relation_type)]),
                "number": row.source.number,
                "page": row.source.as_ref(),
            }
            for row in rows
            if row.source_id in public_ids
        ]

    # --- validation and saving ----------------------------------------------------------
    def identity_clash(self):
        """Another document with the same (number, first issuing body, issue year), if any."""
        if not (self.number and self.issuing_body_id and self.issued_on):
            return None
        return (
            LegalDocumentPage.objects.filter(
                number_key=number_key(self.number),
                issuing_body_id=self.issuing_body_id,
                issued_on__year=self.issued_on.year,
            )
            .exclude(pk=self.pk)
            .first()
        )

    def date_errors(self) -> dict:
        """The dates out of order, by field (no query: the bulk import checks these too)."""
        errors = {}
        if self.effective_on and self.issued_on and self.effective_on < self.issued_on:
            errors["effective_on"] = _("Ngày có hiệu lực không thể trước ngày ban hành.")
        if self.expires_on and self.effective_on and self.expires_on < self.effective_on:
            errors["expires_on"] = _("Ngày hết hiệu lực không thể trước ngày có hiệu lực.")
        return errors

    def clean(self):
        super().clean()
        errors = self.date_errors()
        clash = self.identity_clash()
        if clash is not None:
            errors["number"] = _(
                "Văn bản số %(number)s của %(body)s ban hành năm %(year)s đã có trên cổng "
                "(“%(title)s”, mã trang %(id)s). Hãy sửa văn bản đó thay vì tạo bản mới."
            ) % {
                "number": self.number,
                "body": self.issuing_body,
                "year": self.issued_on.year,
                "title": clash.title,
                "id": clash.pk,
            }
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["today_status"] = self.current_status
        return context


class LegalDocumentAttachment(AttachmentRow):
    page = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="attachments")


class LegalDocumentRelation(Orderable):
    """A typed, directed link: this document amends / replaces / guides … another."""

    source = ParentalKey(LegalDocumentPage, on_delete=models.CASCADE, related_name="relations")
    relation_type = models.CharField(_("quan hệ"), max_length=20, choices=RelationType.choices)
    target_page = models.ForeignKey(
        LegalDocumentPage,
        verbose_name=_("văn bản đích"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="incoming_relations",
    )
    target_number = models.CharField(
        _("số ký hiệu văn bản đích"),
        max_length=100,
        blank=True,
        help_text=_("Khi văn bản đích chưa có trên cổng, ghi số ký hiệu của nó."),
    )
    target_number_key = models.CharField(max_length=100, editable=False, blank=True, db_index=True)

    panels = [FieldPanel("relation_type"), FieldPanel("target_page"), FieldPanel("target_number")]

    class Meta(Orderable.Meta):
        verbose_name = _("văn bản liên quan")

    def clean(self):
        super().clean()
        if not self.target_page_id and not (self.target_number or "").strip():
            raise ValidationError(_("Chọn văn bản đích hoặc ghi số ký hiệu của nó."))

    def save(self, *args, **kwargs):
        self.derive_target_number()
        super().save(*args, **kwargs)

    def derive_target_number(self):
        """The target's number as written (or the target page's) and its match key; run by
        ``save()`` and by the bulk import, which stores rows without it."""
        if self.target_number:
            self.target_number = clean_number(self.target_number)
        elif self.target_page_id:
            self.target_number = self.target_page.number
        self.target_number_key = number_key(self.target_number) if self.target_number else ""
