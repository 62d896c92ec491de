"""Deferred background tasks: bulk imports index each page once, and only if it was kept."""

import json
from datetime import date

import pytest
from django.db import transaction

from directives.models import LegalDocumentPage
from portal.importing import import_lines
from portal.tasks import deferred_tasks
from tests import factories
from tests.test_import import DOC

pytestmark = pytest.mark.django_db


def search(text):
    return list(LegalDocumentPage.objects.live().search(text))


def test_pages_saved_inside_are_indexed_when_the_block_ends():
    with deferred_tasks():
        page = factories.legal_document(
            "3/2024/QĐ-UBND", summary="Quy chế phối hợp phòng cháy", issued_on=date(2024, 3, 1)
        )
        assert search("phòng cháy") == []  # not yet: deferred
    assert search("phòng cháy") == [page]


def test_a_failed_block_drops_its_tasks_and_nested_blocks_merge():
    with deferred_tasks():
        kept = factories.legal_document("4/2024/QĐ-UBND", summary="Kế hoạch tiêm chủng", issued_on=date(2024, 3, 1))
        with pytest.raises(RuntimeError), deferred_tasks(), transaction.atomic():
            factories.legal_document("5/2024/QĐ-UBND", summary="Tiêm chủng bị hủy", issued_on=date(2024, 3, 1))
            raise RuntimeError("rolled back")
    assert search("tiêm chủng") == [kept]


def test_imported_documents_are_searchable(tmp_path):
    records = [
        {**DOC, "number": f"{i}/2022/NĐ-CP", "summary": f"Quy định về đê điều số {i}", "relations": []}
        for i in range(1, 4)
    ]
    report = import_lines([json.dumps(r, ensure_ascii=False) for r in records])
    assert report.created == 3
    assert {p.number for p in search("đê điều")} == {"1/2022/NĐ-CP", "2/2022/NĐ-CP", "3/2022/NĐ-CP"}
