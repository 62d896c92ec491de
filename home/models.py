"""The portal root and the profile of the authority that owns the portal."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.snippets.models import register_snippet


class AdministrativeLevel(models.Model):
    """Cấp hành chính (tỉnh, huyện, xã…): data, because the tiers change (2025 reform)."""

    name = models.CharField(_("tên cấp"), max_length=100, unique=True)
    rank = models.PositiveSmallIntegerField(_("thứ bậc"), default=1, help_text=_("1 = cấp cao nhất (tỉnh)."))

    panels = [FieldPanel("name"), FieldPanel("rank")]

    class Meta:
        verbose_name = _("cấp hành chính")
        verbose_name_plural = _("cấp hành chính")
        ordering = ["rank", "name"]

    def __str__(self):
        return self.name


register_snippet(AdministrativeLevel)


class WebLink(models.Model):
    """Liên kết website: another agency's portal (the Government portal, the National Public Service
    Portal, the province…), listed in the footer and on the HTML site map."""

    name = models.CharField(_("tên"), max_length=200)
    url = models.URLField(_("địa chỉ"), max_length=500)
    group = models.CharField(
        _("nhóm"), max_length=100, blank=True, help_text=_("Ví dụ: Cơ quan Trung ương, Cơ quan của tỉnh.")
    )
    sort_order = models.PositiveSmallIntegerField(_("thứ tự"), default=100)

    panels = [FieldPanel("name"), FieldPanel("url"), FieldPanel("group"), FieldPanel("sort_order")]

    class Meta:
        verbose_name = _("liên kết website")
        verbose_name_plural = _("liên kết website")
        ordering = ["sort_order", "name"]
        constraints = [models.UniqueConstraint(fields=["url"], name="weblink_url_unique")]

    def __str__(self):
        return self.name


register_snippet(WebLink)


@register_setting(icon="site")
class AuthorityProfile(BaseSiteSetting):
    """Thông tin cơ quan chủ quản: shown in the header, footer and contact pages."""

    authority_name = models.CharField(
        _("tên cơ quan"), max_length=255, blank=True, help_text=_("Ví dụ: Ủy ban nhân dân huyện Vĩnh Tường.")
    )
    authority_name_en = models.CharField(
        _("tên cơ quan bằng tiếng Anh"),
        max_length=255,
        blank=True,
        help_text=_("Hiển thị trên các trang tiếng Anh (/en/). Ví dụ: Vinh Tuong District People's Committee."),
    )
    administrative_level = models.ForeignKey(
        AdministrativeLevel,
        verbose_name=_("cấp hành chính"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    address = models.CharField(_("địa chỉ"), max_length=500, blank=True)
    phone = models.CharField(_("điện thoại"), max_length=50, blank=True)
    email = models.EmailField(_("thư điện tử"), blank=True)
    editorial_board_head = models.CharField(
        _("trưởng ban biên tập"), max_length=255, blank=True, help_text=_("Người chịu trách nhiệm nội dung.")
    )
    license_note = models.CharField(
        _("giấy phép"),
        max_length=500,
        blank=True,
        help_text=_("Số giấy phép thiết lập trang thông tin điện tử, nếu có."),
    )
    closed_on = models.DateField(
        _("ngày kết thúc hoạt động"),
        null=True,
        blank=True,
        help_text=_(
            "Chỉ điền khi cơ quan đã kết thúc hoạt động (ví dụ chính quyền cấp huyện từ ngày 01/7/2025) và cổng "
            "được giữ làm cổng lưu trữ: các trang hiển thị thông báo lưu trữ, tình hình thực hiện nhiệm vụ được "
            "tính đến ngày này, cổng ngừng nhận câu hỏi và góp ý."
        ),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("authority_name"), FieldPanel("authority_name_en"), FieldPanel("administrative_level")],
            heading=_("Cơ quan"),
        ),
        MultiFieldPanel(
            [FieldPanel("address"), FieldPanel("phone"), FieldPanel("email")],
            heading=_("Liên hệ"),
        ),
        MultiFieldPanel(
            [FieldPanel("editorial_board_head"), FieldPanel("license_note")],
            heading=_("Ban biên tập"),
        ),
        FieldPanel("closed_on"),
    ]

    class Meta:
        verbose_name = _("thông tin cơ quan chủ quản")

    def name_in(self, language: str) -> str:
        """The authority's name in ``language``: the English one on English pages when it is set,
        else the Vietnamese (empty when neither is)."""
        if language == "en" and self.authority_name_en:
            return self.authority_name_en
        return self.authority_name


class HomePage(Page):
    """Trang chủ: latest news and documents."""

    intro = RichTextField(_("giới thiệu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    # Any section whose ``parent_page_types`` names the root (``portal.pages.SectionPage``): a new
    # section type needs no change here.
    parent_page_types = ["wagtailcore.Page"]
    api_fields = [APIField("intro")]

    class Meta:
        verbose_name = _("trang chủ")

    def get_context(self, request, *args, **kwargs):
        from directives.models import LegalDocumentPage
        from news.models import NewsIndexPage, NewsPage, thumbnails

        context = super().get_context(request, *args, **kwargs)
        context["latest_news"] = (
            NewsPage.objects.descendant_of(self)
            .live()
            .public()
            .prefetch_related(thumbnails())
            .order_by("-published_on", "-pk")[:8]
        )
        context["latest_documents"] = (
            LegalDocumentPage.objects.descendant_of(self)
            .live()
            .public()
            .select_related("document_type", "issuing_body")
            .order_by("-issued_on", "-pk")[:8]
        )
        context["categories"] = NewsIndexPage.objects.child_of(self).live().public()
        # every section of the portal, grouped as in the menu (introduction, procedures, the leaders'
        # schedule, questions, drafts for comment, projects and statistics…)
        from .sitemap_page import site_map

        context["section_groups"] = site_map(self)["groups"]
        from questions.models import QuestionPage

        context["latest_answers"] = (
            QuestionPage.objects.descendant_of(self).live().public().order_by("-answered_on", "-pk")[:5]
        )
        return context
