"""Statistics ("thông tin thống kê", Decree 42/2022 Art. 4): the section page ``/thong-ke/`` and the
statistics page — a period (year, quarter or month), the publishing unit, an introduction and data
tables entered by editors, each downloadable as CSV (``projects.tables``, ``projects.public``)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from directives.models import Agency
from portal.api.fields import NamedRefField, TextField
from portal.pages import SectionPage
from search.indexing import WrittenText, folded_text

from ..api_fields import DataTableListField
from ..blocks import StatisticsTablesBlock
from ..tables import DataTable, data_tables

ROMAN_QUARTERS = {1: "I", 2: "II", 3: "III", 4: "IV"}


class PeriodKind(models.TextChoices):
    YEAR = "nam", _("Năm")
    QUARTER = "quy", _("Quý")
    MONTH = "thang", _("Tháng")


class StatisticsIndexPage(SectionPage):
    """ "Thông tin thống kê" (``/thong-ke/``): the statistics pages, latest period first."""

    filter_errors_status = 400  # a filter that cannot be read: said on the page, dropped

    menu_group = "projects"

    subpage_types = ["projects.StatisticsPage"]
    max_count_per_parent = 1
    listing_name = "reports"
    per_page = 20

    class Meta:
        verbose_name = _("chuyên mục thống kê")
        verbose_name_plural = _("chuyên mục thống kê")

    def statistics(self):
        return (
            StatisticsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("publishing_unit")
            .defer_streamfields()
            .order_by("-year", "-published_on", "-pk")
        )

    def listing(self):
        return None  # get_context filters the listing by the request (projects.public)

    def get_context(self, request, *args, **kwargs):
        from ..public import statistics_listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(statistics_listing_context(self, request))
        return context


class StatisticsPage(Page):
    """Figures of one period published by one unit, in one or more tables."""

    period_kind = models.CharField(_("kỳ số liệu"), max_length=10, choices=PeriodKind.choices, default=PeriodKind.YEAR)
    year = models.PositiveSmallIntegerField(
        _("năm"), validators=[MinValueValidator(1975), MaxValueValidator(2100)], db_index=True
    )
    quarter = models.PositiveSmallIntegerField(
        _("quý"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(4)]
    )
    month = models.PositiveSmallIntegerField(
        _("tháng"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    publishing_unit = models.ForeignKey(
        Agency, verbose_name=_("đơn vị công bố"), on_delete=models.PROTECT, related_name="+"
    )
    published_on = models.DateField(_("ngày công bố"), default=timezone.localdate)
    intro = RichTextField(_("giới thiệu"), blank=True)
    body = StreamField(StatisticsTablesBlock(), verbose_name=_("bảng số liệu"), blank=True)
    note = models.TextField(
        _("ghi chú"),
        blank=True,
        help_text=_("Ví dụ: số liệu sơ bộ, sẽ được cập nhật khi có số liệu chính thức."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("period_kind"), FieldPanel("year")]),
                FieldRowPanel([FieldPanel("quarter"), FieldPanel("month")]),
                FieldRowPanel([FieldPanel("publishing_unit"), FieldPanel("published_on")]),
            ],
            heading=_("Kỳ số liệu và đơn vị công bố"),
        ),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("note"),
    ]
    parent_page_types = ["projects.StatisticsIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        WrittenText("intro"),
        index.SearchField("search_folded"),
        index.AutocompleteField("title"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("published_on"),
        index.FilterField("year"),
        index.FilterField("publishing_unit"),
    ]

    api_fields = [
        APIField("period_kind"),
        APIField("year"),
        APIField("quarter"),
        APIField("month"),
        APIField("period_label", serializer=TextField()),
        APIField("publishing_unit", serializer=NamedRefField()),
        APIField("published_on"),
        APIField("intro"),
        APIField("tables", serializer=DataTableListField(source="*")),
        APIField("note"),
    ]
    # The typed listing /api/v3/statistics/ (the tables are in the detail).
    api_listing_fields = ["period_kind", "year", "quarter", "month", "period_label", "publishing_unit", "published_on"]
    api_date_field = "published_on"

    class Meta:
        verbose_name = _("trang thống kê")
        verbose_name_plural = _("trang thống kê")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        errors = {}
        if self.period_kind == PeriodKind.QUARTER and not self.quarter:
            errors["quarter"] = _("Số liệu theo quý: hãy chọn quý.")
        if self.period_kind == PeriodKind.MONTH and not self.month:
            errors["month"] = _("Số liệu theo tháng: hãy chọn tháng.")
        if self.period_kind != PeriodKind.QUARTER and self.quarter:
            errors["quarter"] = _("Chỉ ghi quý khi kỳ số liệu là quý.")
        if self.period_kind != PeriodKind.MONTH and self.month:
            errors["month"] = _("Chỉ ghi tháng khi kỳ số liệu là tháng.")
        if errors:
            raise ValidationError(errors)

    @property
    def period_label(self) -> str:
        """ "Năm 2024", "Quý II/2025", "Tháng 3/2025"."""
        if self.period_kind == PeriodKind.QUARTER and self.quarter:
            quarter = ROMAN_QUARTERS.get(self.quarter, self.quarter)
            return _("Quý %(quarter)s/%(year)s") % {"quarter": quarter, "year": self.year}
        if self.period_kind == PeriodKind.MONTH and self.month:
            return _("Tháng %(month)s/%(year)s") % {"month": self.month, "year": self.year}
        return _("Năm %(year)s") % {"year": self.year}

    @cached_property
    def data_tables(self) -> list[DataTable]:
        return data_tables(self.body)

    def data_table(self, number: int) -> DataTable | None:
        """The table ``number`` (from 1), or None."""
        tables = self.data_tables
        return tables[number - 1] if 1 <= number <= len(tables) else None

    def table_url(self, number: int, full: bool = False) -> str | None:
        """Where table ``number``'s CSV file is downloaded (``full``: with the site's address), None
        before the page is saved."""
        if not self.pk:
            return None
        url = self.get_full_url() if full else self.url
        return f"{url}bang-{number}.csv" if url else None

    def search_folded(self) -> str:
        unit = self.publishing_unit.name if self.publishing_unit_id else ""
        return folded_text(
            self.title, self.period_label, self.intro, unit, self.note, *(t.text() for t in self.data_tables)
        )

    def autocomplete_folded(self) -> str:
        return folded_text(self.title)

    @property
    def table_text(self) -> str:
        """The tables' words (captions, headings, row labels, sources), for the search snippet."""
        return " ".join(t.text() for t in self.data_tables)

    def as_ref(self) -> dict:
        return {
            "id": self.pk,
            "title": self.title,
            "url": self.url,
            "date": self.published_on,
            "summary": str(self.period_label),
        }

    @classmethod
    def api_listing_queryset(cls, queryset):
        return queryset.select_related("locale", "publishing_unit").defer_streamfields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tables"] = [(table, self.table_url(table.number)) for table in self.data_tables]
        return context
