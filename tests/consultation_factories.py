"""Builders for the consultation tests (drafts opened for comment, their comments); kept apart from
``tests/factories.py`` so the apps' builders grow without touching each other."""

import itertools
from datetime import date, datetime, timedelta

from django.utils import timezone

from consultation.models import CommentStatus, DraftComment, DraftFile, DraftIndexPage, DraftPage
from tests import factories

_seq = itertools.count(1)


def draft_index() -> DraftIndexPage:
    return factories.section(DraftIndexPage, "Lấy ý kiến dự thảo văn bản", "lay-y-kien")


def draft(
    title: str | None = None,
    *,
    opens_on: date,
    closes_on: date,
    live: bool = True,
    files: int = 0,
    **fields,
) -> DraftPage:
    n = next(_seq)
    fields.setdefault("summary", f"Dự thảo Quyết định quy định mức hỗ trợ bảo trì đường giao thông nông thôn số {n}")
    fields.setdefault("drafting_unit", factories.agency("Sở Giao thông vận tải", "SGTVT"))
    fields.setdefault("body", "<p>Đề nghị các cơ quan, tổ chức, cá nhân góp ý các nội dung của dự thảo.</p>")
    page = DraftPage(
        title=title or f"Lấy ý kiến dự thảo số {n}",
        slug=f"du-thao-{n}",
        opens_on=opens_on,
        closes_on=closes_on,
        live=live,
        **fields,
    )
    for i in range(files):
        document = factories.document_file(f"Dự thảo {n} – tệp {i + 1}", f"du-thao-{n}-{i + 1}.pdf")
        document.file_size = document.file.size
        document.save()
        page.files.add(DraftFile(document=document, label=f"Tệp {i + 1} của dự thảo"))
    return factories._add(draft_index(), page)


def comment(draft_page: DraftPage, status: str = CommentStatus.PENDING, **fields) -> DraftComment:
    n = next(_seq)
    fields.setdefault("name", f"Nguyễn Văn Góp {n}")
    fields.setdefault("organisation", "")
    fields.setdefault("email", f"nguoi-gop-y-{n}@example.vn")
    fields.setdefault("phone", f"0912 345 {n:03d}")
    fields.setdefault("content", f"Đề nghị làm rõ mức hỗ trợ tại Điều {n} của dự thảo.")
    fields.setdefault("submitted_at", timezone.make_aware(datetime(2026, 5, 10, 9, 0)) + timedelta(minutes=n))
    return DraftComment.objects.create(draft=draft_page, status=status, **fields)
