"""The institution's pages (Decree 42/2022, Art. 4: introduction, organisation, leaders, contacts).

- ``IntroductionPage`` (``/gioi-thieu/``, one per portal and language): functions and duties, history, the
  organisation chart and the directory of units (from the agencies with a kind), the authority's
  leaders (officials marked as such); each leader's page ``lanh-dao/<id>/`` lists the directives
  they directed and the tasks those directives assigned.
- ``ContactPage`` (``/lien-he/``, one per portal and language): the authority's contact (its profile, read through
  ``portal.authority``), working hours, links to the place on a map, and the units' contacts.

The organisation itself is data of the shared taxonomy (``directives.Agency``, ``directives.Official``);
these pages only show it (``organisation.structure``), in the page's language: the English
translation of a page (``/en/…``, docs/english.md) shows the units' and leaders' English words.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.authority import AuthorityContact, authority_contact
from portal.pages import SectionPage
from search.indexing import WrittenText, folded_text

from .api_fields import AuthorityField, LeaderListField, MapLinkListField, UnitListField
from .contact import MapLink
from .contact import map_links as build_map_links
from .structure import LeaderEntry, UnitNode, leaders, units


def page_language(page) -> str:
    """The language code of ``page`` (its locale's)."""
    return page.locale.language_code


class IntroductionPage(RoutablePageMixin, SectionPage):
    """Giới thiệu: functions and duties, history, organisation chart, leaders, directory of units."""

    menu_group = "institution"

    functions = RichTextField(_("chức năng, nhiệm vụ, quyền hạn"), blank=True)
    history = RichTextField(_("lịch sử hình thành và phát triển"), blank=True)
    organisation_note = RichTextField(
        _("cơ cấu tổ chức"),
        blank=True,
        help_text=_(
            "Lời dẫn trước sơ đồ tổ chức. Sơ đồ, lãnh đạo và danh bạ lấy từ danh mục Cơ quan, đơn vị "
            "(các đơn vị có “loại đơn vị”) và Lãnh đạo."
        ),
    )
    updated_on = models.DateField(_("ngày cập nhật"), default=timezone.localdate)

    content_panels = SectionPage.content_panels + [
        FieldPanel("functions"),
        FieldPanel("history"),
        FieldPanel("organisation_note"),
        FieldPanel("updated_on"),
    ]
    subpage_types = []
    max_count_per_locale = 1

    search_fields = Page.search_fields + [
        WrittenText("intro"),
        WrittenText("functions"),
        WrittenText("history"),
        WrittenText("organisation_note"),
        index.SearchField("search_folded"),
        index.AutocompleteField("title"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("updated_on"),
    ]
    api_fields = SectionPage.api_fields + [
        APIField("functions"),
        APIField("history"),
        APIField("organisation_note"),
        APIField("updated_on"),
        APIField("units", serializer=UnitListField()),
        APIField("leaders", serializer=LeaderListField()),
    ]

    class Meta:
        verbose_name = _("trang giới thiệu")
        verbose_name_plural = _("trang giới thiệu")

    @property
    def units(self) -> list[UnitNode]:
        """The units in the page's language (the API's ``units``)."""
        language = page_language(self)
        return [UnitNode(unit, language=language) for unit in units()]

    @property
    def leaders(self) -> list[LeaderEntry]:
        """The authority's leaders in the page's language, with the URL of each one's page under
        this page (the API's ``leaders``)."""
        from portal.api.fields import images_with_renditions

        base, language = self.url, page_language(self)
        return [
            LeaderEntry(official, language, base + self.reverse_subpage("leader", args=[official.pk]) if base else None)
            for official in leaders(photos=images_with_renditions())
        ]

    def search_folded(self) -> str:
        return folded_text(self.title, self.intro, self.functions, self.history, self.organisation_note)

    def autocomplete_folded(self) -> str:
        return folded_text(self.title)

    @path("")
    def index_view(self, request):
        from .views import introduction_context

        return self.render(request, context_overrides=introduction_context(self))

    @path("lanh-dao/<int:official_id>/", name="leader")
    def leader_view(self, request, official_id: int):
        from .views import leader

        return leader(request, self, official_id)


class ContactPage(SectionPage):
    """Liên hệ: the authority's contact (its profile), working hours, a map link, the units' contacts."""

    menu_group = "institution"

    working_hours = models.TextField(
        _("thời gian làm việc"),
        blank=True,
        help_text=_("Ví dụ: Sáng 7 giờ 30 – 11 giờ 30, chiều 13 giờ 30 – 17 giờ, từ thứ Hai đến thứ Sáu."),
    )
    reception = models.TextField(
        _("tiếp công dân"),
        blank=True,
        help_text=_("Lịch và địa điểm tiếp công dân, nếu có."),
    )
    map_address = models.CharField(
        _("địa chỉ tìm trên bản đồ"),
        max_length=500,
        blank=True,
        help_text=_("Để trống thì dùng địa chỉ của cơ quan (Thông tin cơ quan chủ quản)."),
    )
    latitude = models.DecimalField(
        _("vĩ độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Ví dụ 21.245; cùng kinh độ, cho liên kết bản đồ chính xác hơn địa chỉ."),
    )
    longitude = models.DecimalField(
        _("kinh độ"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
        help_text=_("Ví dụ 105.49."),
    )

    content_panels = SectionPage.content_panels + [
        FieldPanel("working_hours"),
        FieldPanel("reception"),
        MultiFieldPanel(
            [FieldPanel("map_address"), FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")])],
            heading=_("Bản đồ"),
        ),
    ]
    subpage_types = []
    max_count_per_locale = 1

    api_fields = SectionPage.api_fields + [
        APIField("authority", serializer=AuthorityField()),
        APIField("working_hours"),
        APIField("reception"),
        APIField("latitude"),
        APIField("longitude"),
        APIField("map_links", serializer=MapLinkListField()),
        APIField("units", serializer=UnitListField()),
    ]

    class Meta:
        verbose_name = _("trang liên hệ")
        verbose_name_plural = _("trang liên hệ")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: _("Nhập cả vĩ độ và kinh độ, hoặc để trống cả hai.")})

    @property
    def authority(self) -> AuthorityContact:
        """The authority's name (in the page's language) and contact points (its profile)."""
        return authority_contact(self.get_site() if self.pk else None, page_language(self))

    def links_to_map(self, authority: AuthorityContact | None = None) -> list[MapLink]:
        """Links to the place on a map, labelled in the page's language."""
        address = self.map_address or (authority or self.authority).address
        with translation.override(page_language(self)):
            return build_map_links(self.latitude, self.longitude, address)

    @property
    def map_links(self) -> list[MapLink]:
        return self.links_to_map()

    @property
    def units(self) -> list[UnitNode]:
        """The units in the page's language (the API's ``units``)."""
        language = page_language(self)
        return [UnitNode(unit, language=language) for unit in units()]

    def get_context(self, request, *args, **kwargs):
        from .views import contact_context

        context = super().get_context(request, *args, **kwargs)
        context.update(contact_context(self, request))
        return context
