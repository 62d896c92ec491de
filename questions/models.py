"""Citizens' questions, feedback and petitions (hỏi đáp, phản ánh, kiến nghị) and their answers.

Two models, kept apart on purpose (Decree 13/2023/NĐ-CP on personal data):

- ``Question``: what a citizen sent through the form — with the sender's name, e-mail, phone,
  address and attachment (personal data: never published, never in the API, search or feeds;
  in the admin only for the roles that need them) — and its handling: received → accepted and
  assigned to a unit with a deadline (processing) → answered, or refused with a reason.
- ``QuestionPage``: the public question and answer, a page under the section ``/hoi-dap/``.
  Created as a draft when the question is accepted; the unit writes the answer on it and submits
  it to the review workflow; only when it is published does anything of the question appear
  anywhere. It holds no contact data at all.

The handling is in ``questions.handling`` (plain functions).
"""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page
from wagtail.search import index

from portal.api.fields import SectionRefField, TextField
from portal.pages import SectionPage
from portal.submissions import private_storage
from search.indexing import Heading, WrittenText, folded_text


class Kind(models.TextChoices):
    QUESTION = "hoi-dap", _("Hỏi đáp")
    FEEDBACK = "phan-anh", _("Phản ánh")
    PETITION = "kien-nghi", _("Kiến nghị")


class Status(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    PROCESSING = "processing", _("Đang xử lý")
    ANSWERED = "answered", _("Đã trả lời")
    REFUSED = "refused", _("Không tiếp nhận")


def attachment_path(instance, filename: str) -> str:
    stamp = timezone.now()
    return f"questions/{stamp:%Y/%m}/{instance.code or 'new'}-{filename[-80:]}"


class Question(models.Model):
    """One sending of the form, with the sender's contact data and its handling."""

    code = models.CharField(_("mã tra cứu"), max_length=20, unique=True)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    field = models.ForeignKey(
        "directives.Field",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    title = models.CharField(_("tiêu đề"), max_length=255)
    body = models.TextField(_("nội dung"))
    # Personal data (Decree 13/2023): erased after the retention period (purge_personal_data).
    name = models.CharField(_("họ và tên"), max_length=150)
    email = models.EmailField(_("thư điện tử"), blank=True)
    phone = models.CharField(_("điện thoại"), max_length=30, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=255, blank=True)
    attachment = models.FileField(
        _("tệp đính kèm"), storage=private_storage, upload_to=attachment_path, blank=True, max_length=255
    )
    publish_name = models.BooleanField(
        _("đồng ý công bố họ tên"),
        default=False,
        help_text=_("Người gửi đồng ý hiển thị họ tên cùng câu trả lời; nếu không, hiển thị “Công dân”."),
    )
    submitted_at = models.DateTimeField(_("thời điểm gửi"), default=timezone.now, db_index=True)

    status = models.CharField(
        _("trạng thái"), max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    refusal_reason = models.TextField(_("lý do không tiếp nhận"), blank=True)
    unit = models.ForeignKey(
        "directives.Agency",
        verbose_name=_("đơn vị trả lời"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    deadline = models.DateField(_("hạn trả lời"), null=True, blank=True)
    handled_at = models.DateTimeField(_("thời điểm xử lý"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("người xử lý"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_at = models.DateTimeField(_("thời điểm trả lời"), null=True, blank=True)
    page = models.OneToOneField(
        "questions.QuestionPage",
        verbose_name=_("trang hỏi đáp"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sending",
    )
    contact_erased_at = models.DateTimeField(_("đã xoá dữ liệu cá nhân lúc"), null=True, blank=True)

    class Meta:
        verbose_name = _("câu hỏi, phản ánh")
        verbose_name_plural = _("câu hỏi, phản ánh")
        ordering = ["-submitted_at", "-pk"]
        permissions = [("view_sender_contact", _("Xem thông tin liên hệ của người gửi"))]

    def __str__(self):
        return f"{self.code} – {self.title}"

    def is_overdue(self, today) -> bool:
        return self.status == Status.PROCESSING and self.deadline is not None and self.deadline < today

    @property
    def asker_label(self) -> str:
        return self.name if self.publish_name else str(_("Công dân"))


def default_deadline(today=None):
    today = today or timezone.localdate()
    return today + timedelta(days=settings.QUESTION_ANSWER_DAYS)


class QuestionIndexPage(RoutablePageMixin, SectionPage):
    """The section ``/hoi-dap/``: the published questions and answers, the form
    (``gui-cau-hoi/``) and the tracking page (``tra-cuu/``)."""

    menu_group = "citizens"

    subpage_types = ["questions.QuestionPage"]
    max_count = 1
    listing_name = "questions"
    per_page = 20

    class Meta:
        verbose_name = _("chuyên mục hỏi đáp")
        verbose_name_plural = _("chuyên mục hỏi đáp")

    def questions(self):
        return (
            QuestionPage.objects.child_of(self)
            .live()
            .public()
            .select_related("field", "answering_unit")
            .order_by("-answered_on", "-pk")
        )

    def listing(self):
        return None  # get_context filters the listing by the request (views.listing_context)

    def get_context(self, request, *args, **kwargs):
        from .views import listing_context

        context = super().get_context(request, *args, **kwargs)
        context.update(listing_context(self, request))
        return context

    @path("gui-cau-hoi/", name="send")
    def send_view(self, request):
        from .views import send

        return send(request, self)

    @path("tra-cuu/", name="track")
    def track_view(self, request):
        from .views import track

        return track(request, self)

    @path("")
    def index_view(self, request):
        return self.render(request)


class AnswerForm(WagtailAdminPageForm):
    """The page editor's form: an answer page is saved, submitted and published with its answer."""

    def clean(self):
        data = super().clean()
        if not strip_tags(data.get("answer") or "").strip():
            self.add_error("answer", _("Hãy viết nội dung trả lời."))
        return data


class QuestionPage(Page):
    """A published question and its answer (only what may be public: no contact data)."""

    base_form_class = AnswerForm

    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices, default=Kind.QUESTION)
    field = models.ForeignKey(
        "directives.Field",
        verbose_name=_("lĩnh vực"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    asker = models.CharField(
        _("người hỏi (công bố)"),
        max_length=150,
        default="",
        blank=True,
        help_text=_(
            "Họ tên người hỏi nếu họ đồng ý công bố; nếu không, “Công dân”. Không ghi thư điện tử, điện thoại."
        ),
    )
    asked_on = models.DateField(_("ngày hỏi"), default=timezone.localdate)
    question = models.TextField(_("nội dung câu hỏi"))
    answer = RichTextField(_("nội dung trả lời"), blank=True)
    answering_unit = models.ForeignKey(
        "directives.Agency",
        verbose_name=_("đơn vị trả lời"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    answered_on = models.DateField(_("ngày trả lời"), null=True, blank=True)

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("field")]),
                FieldRowPanel([FieldPanel("asker"), FieldPanel("asked_on")]),
                FieldPanel("question"),
            ],
            heading=_("Câu hỏi"),
        ),
        MultiFieldPanel(
            [FieldPanel("answer"), FieldRowPanel([FieldPanel("answering_unit"), FieldPanel("answered_on")])],
            heading=_("Trả lời"),
        ),
    ]
    parent_page_types = ["questions.QuestionIndexPage"]
    subpage_types = []

    search_fields = Page.search_fields + [
        Heading("question", boost=2),
        WrittenText("answer"),
        index.SearchField("search_folded"),
        index.AutocompleteField("title"),
        index.AutocompleteField("autocomplete_folded"),
        index.FilterField("answered_on"),
        index.FilterField("kind"),
        index.FilterField("field"),
        index.FilterField("answering_unit"),
    ]
    api_fields = [
        APIField("kind"),
        APIField("field_name", serializer=TextField()),
        APIField("asker"),
        APIField("asked_on"),
        APIField("question"),
        APIField("answer"),
        APIField("answering_unit_name", serializer=TextField()),
        APIField("answered_on"),
        APIField("section", serializer=SectionRefField(source="section_ref")),
    ]
    api_listing_fields = ["kind", "field_name", "asker", "asked_on", "answering_unit_name", "answered_on"]
    api_date_field = "answered_on"

    class Meta:
        verbose_name = _("hỏi đáp")
        verbose_name_plural = _("hỏi đáp")

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.live and not self.answered_on:  # published: answered today unless a date was given
            self.answered_on = timezone.localdate()
        return super().save(*args, **kwargs)

    @property
    def field_name(self) -> str:
        return self.field.name if self.field_id else ""

    @property
    def answering_unit_name(self) -> str:
        return self.answering_unit.name if self.answering_unit_id else ""

    @property
    def kind_label(self) -> str:
        return Kind(self.kind).label if self.kind in Kind.values else self.kind

    @property
    def section_ref(self) -> dict | None:
        parent = self.get_parent() if self.path else None
        return {"id": parent.pk, "title": parent.title, "slug": parent.slug} if parent else None

    def search_folded(self) -> str:
        return folded_text(self.title, self.question, self.answer, self.field_name, self.answering_unit_name)

    def autocomplete_folded(self) -> str:
        return folded_text(self.title)

    @classmethod
    def api_listing_queryset(cls, queryset):
        return queryset.select_related("field", "answering_unit", "locale")
