"""Builders for the projects tests (investment projects, bidding, statistics pages); kept apart from
``tests/factories.py`` so the apps' builders grow without touching each other."""

import itertools
from datetime import date
from decimal import Decimal

from projects.models import (
    ProjectFile,
    ProjectIndexPage,
    ProjectLegalDocument,
    ProjectPage,
    StatisticsIndexPage,
    StatisticsPage,
)
from tests import factories

_seq = itertools.count(1)


def project_index() -> ProjectIndexPage:
    return factories.section(ProjectIndexPage, "Dự án đầu tư, đấu thầu, mua sắm công", "du-an-dau-thau")


def statistics_index() -> StatisticsIndexPage:
    return factories.section(StatisticsIndexPage, "Thông tin thống kê", "thong-ke")


def project(
    title: str | None = None,
    *,
    live: bool = True,
    files: int = 0,
    legal_documents: tuple = (),
    **fields,
) -> ProjectPage:
    """A project under the section; ``legal_documents``: (label, LegalDocumentPage) pairs."""
    n = next(_seq)
    fields.setdefault("investor", factories.agency("Ban Quản lý dự án đầu tư xây dựng", "BQLDA"))
    fields.setdefault("decided_on", date(2024, 3, 15))
    fields.setdefault("kind", "dau-tu-cong")
    fields.setdefault("status", "dang-thuc-hien")
    fields.setdefault("total_investment", Decimal(12_500_000_000))
    fields.setdefault("summary", f"Cải tạo, nâng cấp tuyến đường dài 2,{n} km, mặt đường bê tông xi măng.")
    fields.setdefault("slug", f"du-an-{n}")
    page = ProjectPage(title=title or f"Dự án số {n}", live=live, **fields)
    for i in range(files):
        document = factories.document_file(f"Dự án {n} – tài liệu {i + 1}", f"du-an-{n}-{i + 1}.pdf")
        page.files.add(ProjectFile(document=document, label=f"Tài liệu {i + 1}"))
    for label, document in legal_documents:
        page.legal_documents.add(ProjectLegalDocument(document=document, label=label))
    return factories._add(project_index(), page)


def table_block(caption: str, columns: list[tuple[str, str]], rows: list[list], unit: str = "", source: str = ""):
    """The stream data of one statistics table: ``columns`` (heading, "text"|"number"), ``rows`` of
    values (numbers as int, float, str or Decimal; None for an empty cell)."""
    return (
        "table",
        {
            "table": {
                "caption": caption,
                "columns": [{"type": kind, "heading": heading} for heading, kind in columns],
                "rows": [{"values": [None if v is None else str(v) for v in row]} for row in rows],
            },
            "unit": unit,
            "source": source,
        },
    )


POPULATION = table_block(
    "Dân số trung bình phân theo xã, thị trấn năm 2024",
    [("Xã, thị trấn", "text"), ("Dân số", "number"), ("Mật độ (người/km²)", "number")],
    [["Thị trấn Thổ Tang", 18250, 2105.4], ["Xã Tân Tiến", 9120, 1310], ["Xã Vĩnh Sơn", None, 1187.25]],
    unit="người",
    source="Chi cục Thống kê khu vực",
)


def statistics_page(title: str | None = None, *, live: bool = True, tables=(POPULATION,), **fields) -> StatisticsPage:
    n = next(_seq)
    fields.setdefault("publishing_unit", factories.agency("Phòng Tài chính - Kế hoạch", "TCKH"))
    fields.setdefault("year", 2024)
    fields.setdefault("published_on", date(2025, 3, 20))
    fields.setdefault("slug", f"thong-ke-{n}")
    page = StatisticsPage(title=title or f"Số liệu thống kê số {n}", live=live, **fields)
    page.body = list(tables)
    return factories._add(statistics_index(), page)
