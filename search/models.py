"""Index updates the search engine did not take, kept until ``manage.py search_sync`` replays them.

See ``search/resilience.py`` and docs/search-backends.md ("When the engine is down").
"""

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class PendingIndexUpdate(models.Model):
    """One object whose index entry on one backend is stale: one row per (backend, object).

    A later failure for the same object updates the row (the latest action wins); the replay
    looks at the object as it is then, so an object deleted since is removed from the index.
    """

    class Action(models.TextChoices):
        ADD = "add", _("Thêm hoặc cập nhật")
        DELETE = "delete", _("Xóa")

    backend = models.CharField(_("bộ máy tìm kiếm"), max_length=100, help_text=_("Tên trong WAGTAILSEARCH_BACKENDS."))
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("loại nội dung")
    )
    object_id = models.CharField(_("mã đối tượng"), max_length=255)
    action = models.CharField(_("thao tác"), max_length=10, choices=Action.choices)
    first_failed_at = models.DateTimeField(_("lần lỗi đầu tiên"), default=timezone.now)
    last_failed_at = models.DateTimeField(_("lần lỗi gần nhất"), default=timezone.now)
    attempts = models.PositiveIntegerField(_("số lần thử"), default=1)
    last_error = models.TextField(_("thông báo lỗi gần nhất"), blank=True)

    class Meta:
        verbose_name = _("cập nhật chỉ mục đang chờ")
        verbose_name_plural = _("cập nhật chỉ mục đang chờ")
        ordering = ("first_failed_at", "pk")
        constraints = [
            models.UniqueConstraint(
                fields=("backend", "content_type", "object_id"), name="portal_search_pending_update_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.backend}: {self.action} {self.content_type.app_label}.{self.content_type.model} {self.object_id}"
