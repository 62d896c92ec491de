"""The demo catalogue (``procedures.demo.seed_procedures``): real procedures of a district and its
communes, dated before the district tier ended, complete, linked to the legal documents the portal
holds, and idempotent."""

from datetime import date

import pytest
from wagtail.models import Revision

from procedures.demo import seed_procedures
from procedures.models import ProcedurePage

from . import factories

pytestmark = pytest.mark.django_db
TODAY = date(2025, 6, 20)


def test_the_demo_seeds_twenty_real_procedures_once():
    land_law = factories.legal_document(
        "31/2024/QH15",
        summary="Luật Đất đai",
        issued_on=date(2024, 1, 18),
        issuing_body=factories.agency("Quốc hội", "QH"),
        document_type=factories.document_type("Luật", "", True),
    )
    first = seed_procedures(TODAY)
    assert first["created"] >= 20
    pages = list(ProcedurePage.objects.live().select_related("field", "agency"))
    assert len(pages) == first["created"]
    assert {p.level for p in pages} == {"xa", "huyen"}
    assert all(p.announced_on < date(2025, 7, 1) for p in pages)  # before the district tier ended
    assert {"1.001193", "1.000894", "2.000908", "2.000575", "1.009994", "1.004227", "1.001776"} <= {
        p.code for p in pages
    }
    for page in pages:
        assert page.dossier.exists() and page.steps.exists() and page.legal_bases.exists(), page.code
        assert page.processing_time and page.field_id and page.agency_id, page.code
        if page.online_level != "none":
            assert page.service_url.startswith("https://dichvucong.gov.vn/"), page.code
    assert any(p.online_level == "toan_trinh" for p in pages) and any(p.online_level == "mot_phan" for p in pages)
    mediation = ProcedurePage.objects.get(code="1.003554")
    assert mediation.legal_basis[0]["document"]["id"] == land_law.pk
    birth = ProcedurePage.objects.get(code="1.001193")
    assert birth.title == "Thủ tục đăng ký khai sinh" and birth.field.name == "Hộ tịch"
    assert birth.get_parent().specific.intro.startswith("<p>Danh mục thủ tục hành chính")

    revisions = Revision.objects.count()
    again = seed_procedures(TODAY)
    assert again == {"unchanged": first["created"]}
    assert Revision.objects.count() == revisions and ProcedurePage.objects.count() == len(pages)
