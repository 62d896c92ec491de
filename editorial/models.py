"""Royalties ("nhuận bút", Decree 18/2014/NĐ-CP; docs/royalties.md).

A province issues its own royalty *scheme* applying the decree: a unit is a share (10 %) of the
national *base salary* in force, the district site pays a multiple (e.g. 20 %) of the provincial
rate, and each *genre* has a coefficient range. Per article, a *royalty record* names the genre,
the coefficient and the contributors' shares; it goes proposed → approved → paid. Approved
records never change: a mistake is undone by a reversing record (``editorial.royalties.reverse``),
and a corrected one is proposed anew. The arithmetic is in ``editorial.royalties``.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel
from wagtail.models import Orderable

PERCENT = [MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("100"))]


class BaseSalary(models.Model):
    """The national base salary ("mức lương cơ sở") from a date."""

    valid_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    amount = models.DecimalField(_("mức lương cơ sở (đồng/tháng)"), max_digits=12, decimal_places=0)
    legal_basis = models.CharField(_("căn cứ"), max_length=255, blank=True)

    panels = [FieldRowPanel([FieldPanel("valid_from"), FieldPanel("amount")]), FieldPanel("legal_basis")]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("mức lương cơ sở")
        verbose_name_plural = _("mức lương cơ sở")

    def __str__(self):
        return f"{self.amount:,.0f} đ ({self.valid_from:%d/%m/%Y})".replace(",", ".")


class RoyaltyScheme(ClusterableModel):
    """The provincial scheme in force from a date: unit ratio, site multiplier, genres."""

    name = models.CharField(_("tên quy định"), max_length=255)
    legal_basis = models.CharField(_("căn cứ pháp lý"), max_length=255)
    valid_from = models.DateField(_("áp dụng từ ngày"), unique=True)
    unit_ratio = models.DecimalField(
        _("giá trị một đơn vị (% lương cơ sở)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("10"),
        validators=PERCENT,
    )
    site_multiplier = models.DecimalField(
        _("tỷ lệ áp dụng cho trang (%)"),
        max_digits=5,
        decimal_places=2,
        default=Decimal("100"),
        validators=PERCENT,
        help_text=_("Ví dụ: trang cấp huyện được hưởng 20% mức của cổng tỉnh."),
    )
    payment_days = models.PositiveSmallIntegerField(_("hạn chi trả (ngày kể từ khi đăng)"), default=60)

    panels = [
        FieldPanel("name"),
        FieldPanel("legal_basis"),
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("payment_days")]),
        FieldRowPanel([FieldPanel("unit_ratio"), FieldPanel("site_multiplier")]),
        InlinePanel("genres", heading=_("Thể loại và hệ số"), label=_("thể loại"), min_num=1),
    ]

    class Meta:
        ordering = ["-valid_from"]
        verbose_name = _("quy định nhuận bút")
        verbose_name_plural = _("quy định nhuận bút")

    def __str__(self):
        return self.name


class Genre(Orderable):
    """A genre of the scheme with its coefficient range ("tin không ảnh": 1,0–1,0)."""

    scheme = ParentalKey(RoyaltyScheme, on_delete=models.CASCADE, related_name="genres")
    name = models.CharField(_("thể loại"), max_length=120)
    min_coefficient = models.DecimalField(_("hệ số tối thiểu"), max_digits=4, decimal_places=2)
    max_coefficient = models.DecimalField(_("hệ số tối đa"), max_digits=4, decimal_places=2)

    panels = [FieldPanel("name"), FieldRowPanel([FieldPanel("min_coefficient"), FieldPanel("max_coefficient")])]

    class Meta(Orderable.Meta):
        verbose_name = _("thể loại")
        verbose_name_plural = _("thể loại")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(min_coefficient__gt=0, max_coefficient__gte=models.F("min_coefficient")),
                name="genre_coefficient_range",
            )
        ]

    def __str__(self):
        low, high = (
            f"{c:.2f}".rstrip("0").rstrip(".").replace(".", ",") for c in (self.min_coefficient, self.max_coefficient)
        )
        return f"{self.name} ({low}–{high})" if low != high else f"{self.name} ({low})"

    def clean(self):
        low, high = self.min_coefficient, self.max_coefficient
        if low is not None and high is not None and (low <= 0 or high < low):
            raise ValidationError(_("Hệ số tối thiểu phải lớn hơn 0 và không lớn hơn hệ số tối đa."))


class RoyaltyStatus(models.TextChoices):
    PROPOSED = "proposed", _("Đề xuất")
    APPROVED = "approved", _("Đã duyệt")
    PAID = "paid", _("Đã chi trả")


class Royalty(ClusterableModel):
    """The royalty of one article: genre, coefficient, contributors' shares, status.

    Amounts are frozen at approval (``unit_value``, ``site_multiplier``, ``amount`` here and on
    each share). A reversing record (``reverses``) carries the negated amounts of the one it undoes.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", verbose_name=_("tin bài"), on_delete=models.PROTECT, related_name="royalties"
    )
    genre = models.ForeignKey(Genre, verbose_name=_("thể loại"), on_delete=models.PROTECT, related_name="+")
    coefficient = models.DecimalField(_("hệ số"), max_digits=4, decimal_places=2)
    work_date = models.DateField(
        _("ngày đăng"), help_text=_("Ngày đăng tin bài; để trống để lấy theo tin bài."), blank=True
    )
    status = models.CharField(
        _("trạng thái"), max_length=10, choices=RoyaltyStatus.choices, default=RoyaltyStatus.PROPOSED
    )
    note = models.TextField(_("ghi chú"), blank=True)
    reverses = models.OneToOneField(
        "self",
        verbose_name=_("hủy bản ghi"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reversed_by",
    )
    unit_value = models.DecimalField(
        _("giá trị một đơn vị"), max_digits=12, decimal_places=2, null=True, editable=False
    )
    site_multiplier = models.DecimalField(max_digits=5, decimal_places=2, null=True, editable=False)
    amount = models.DecimalField(_("số tiền (đồng)"), max_digits=14, decimal_places=0, null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    approved_at = models.DateTimeField(_("ngày duyệt"), null=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+", editable=False
    )
    paid_at = models.DateTimeField(_("ngày chi trả"), null=True, editable=False)

    panels = [
        FieldPanel("page"),
        FieldRowPanel([FieldPanel("genre"), FieldPanel("coefficient"), FieldPanel("work_date")]),
        InlinePanel("shares", heading=_("Người hưởng nhuận bút"), label=_("người hưởng"), min_num=1),
        FieldPanel("note"),
    ]
    # The status moves only through the actions (approve, paid, reverse): editorial/royalties.py;
    # the admin's form (editorial/forms.py) is set on the viewset (editorial/wagtail_hooks.py).

    class Meta:
        ordering = ["-work_date", "-pk"]
        verbose_name = _("nhuận bút")
        verbose_name_plural = _("nhuận bút")
        permissions = [
            ("approve_royalty", _("Có thể duyệt nhuận bút")),
            ("pay_royalty", _("Có thể xác nhận đã chi trả nhuận bút")),
        ]
        indexes = [models.Index(fields=["work_date"])]

    def __str__(self):
        prefix = _("Hủy") + " " if self.reverses_id else ""
        return f"{prefix}{self.page.title if self.page_id else ''} — {self.genre.name if self.genre_id else ''}"

    @property
    def is_frozen(self) -> bool:
        return self.status != RoyaltyStatus.PROPOSED

    def stored_frozen(self) -> bool:
        """Whether the record *as stored* is approved or paid (whatever this instance says)."""
        return (
            self.pk is not None and Royalty.objects.filter(pk=self.pk).exclude(status=RoyaltyStatus.PROPOSED).exists()
        )

    def clean(self):
        from .royalties import check_record

        check_record(self)

    def save(self, *args, **kwargs):
        from .royalties import guard_frozen

        guard_frozen(self)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        if self.stored_frozen():
            raise ValidationError(_("Bản ghi nhuận bút đã duyệt không thể xóa; hãy lập bản ghi hủy."))
        return super().delete(*args, **kwargs)


class RoyaltyShare(Orderable):
    """One contributor's share of an article's royalty (author, photographer…)."""

    royalty = ParentalKey(Royalty, on_delete=models.CASCADE, related_name="shares")
    contributor = models.CharField(_("người hưởng"), max_length=255)
    role = models.CharField(_("vai trò"), max_length=60, blank=True, help_text=_("Ví dụ: tác giả, ảnh, biên tập."))
    share = models.DecimalField(_("tỷ lệ hưởng (%)"), max_digits=5, decimal_places=2, validators=PERCENT)
    amount = models.DecimalField(_("số tiền (đồng)"), max_digits=14, decimal_places=0, null=True, editable=False)

    panels = [FieldRowPanel([FieldPanel("contributor"), FieldPanel("role"), FieldPanel("share")])]

    class Meta(Orderable.Meta):
        verbose_name = _("người hưởng")
        verbose_name_plural = _("người hưởng")
        constraints = [
            models.CheckConstraint(condition=models.Q(share__gt=0, share__lte=100), name="royalty_share_percent")
        ]

    def __str__(self):
        return f"{self.contributor} ({self.share}%)"
