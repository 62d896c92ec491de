"""Legal documents: identity, derived keys and status, relations both ways."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from directives.models import LegalDocumentPage, LegalDocumentRelation
from tests import factories

pytestmark = pytest.mark.django_db


def test_number_keys_are_derived_on_save():
    page = factories.legal_document("43 /2011/NÐ CP", issued_on=date(2011, 4, 13))
    page.refresh_from_db()
    assert page.number == "43/2011/NĐ CP"
    assert page.number_key == "43/2011/NĐCP"
    assert page.number_folded == "43/2011/NDCP"


def test_same_identity_is_a_validation_error_with_a_clear_message():
    body = factories.agency("Chính phủ", "CP")
    first = factories.legal_document("43/2011/NĐ-CP", issuing_body=body, issued_on=date(2011, 4, 13))
    second = LegalDocumentPage(
        number="43/2011/NĐCP",  # another spelling of the same number
        summary="Bản nhập trùng",
        document_type=factories.document_type(),
        issuing_body=body,
        issued_on=date(2011, 12, 1),  # same year
    )
    with pytest.raises(ValidationError) as excinfo:
        second.clean()
    message = " ".join(excinfo.value.message_dict["number"])
    assert "43/2011/NĐCP" in message and "Chính phủ" in message and "2011" in message
    assert str(first.pk) in message


def test_same_number_other_year_or_other_body_is_another_document():
    ubnd = factories.agency("UBND huyện Vĩnh Tường", "UBND")
    other = factories.agency("UBND xã Tân Tiến", "UBND")
    factories.legal_document("959/QĐ-UBND", issuing_body=ubnd, issued_on=date(2019, 5, 2))
    next_year = factories.legal_document("959/QĐ-UBND", issuing_body=ubnd, issued_on=date(2020, 5, 2))
    other_body = factories.legal_document("959/QĐ-UBND", issuing_body=other, issued_on=date(2019, 5, 2))
    next_year.clean()
    other_body.clean()


def test_the_database_refuses_a_clash_that_skips_validation():
    body = factories.agency()
    first = factories.legal_document("12/KH-UBND", issuing_body=body, issued_on=date(2022, 3, 1))
    second = factories.legal_document("13/KH-UBND", issuing_body=body, issued_on=date(2022, 9, 1))
    with pytest.raises(IntegrityError), transaction.atomic():
        LegalDocumentPage.objects.filter(pk=second.pk).update(number_key=first.number_key)


def test_editing_a_document_does_not_clash_with_itself():
    page = factories.legal_document("7/2020/QĐ-UBND", issued_on=date(2020, 2, 2))
    page.summary = "Sửa trích yếu"
    page.clean()


def test_effective_date_before_issue_date_is_refused():
    page = factories.legal_document("8/2020/QĐ-UBND", issued_on=date(2020, 2, 2))
    page.effective_on = date(2020, 1, 1)
    with pytest.raises(ValidationError) as excinfo:
        page.clean()
    assert "effective_on" in excinfo.value.message_dict


def test_status_not_yet_in_force_is_derived_from_the_effective_date():
    page = factories.legal_document(
        "9/2026/QĐ-UBND", issued_on=date(2026, 11, 1), effective_on=date(2026, 12, 1), status="con_hieu_luc"
    )
    assert page.status_on(date(2026, 11, 30)) == "chua_co_hieu_luc"
    assert page.status_on(date(2026, 12, 1)) == "con_hieu_luc"


def test_relations_show_on_the_target_by_page_and_by_number():
    old = factories.legal_document("43/2011/NĐ-CP", issued_on=date(2011, 4, 13))
    new = factories.legal_document("42/2022/NĐ-CP", issued_on=date(2022, 6, 24))
    guide = factories.legal_document("22/2023/TT-BTTTT", issued_on=date(2023, 12, 20))
    new.relations = [LegalDocumentRelation(relation_type="replaces", target_page=old)]
    new.save_revision().publish()
    # The target of "guides" is held by number only (typed differently).
    guide.relations = [LegalDocumentRelation(relation_type="guides", target_number="42/2022/NĐCP")]
    guide.save_revision().publish()

    old = LegalDocumentPage.objects.get(pk=old.pk)
    assert [(r["label"], r["number"]) for r in old.referenced_by] == [("Bị thay thế bởi", "42/2022/NĐ-CP")]
    new = LegalDocumentPage.objects.get(pk=new.pk)
    assert [(r["label"], r["number"]) for r in new.referenced_by] == [("Được hướng dẫn bởi", "22/2023/TT-BTTTT")]
    guide = LegalDocumentPage.objects.get(pk=guide.pk)
    (outgoing,) = guide.related_documents
    assert outgoing["page"]["id"] == new.pk  # resolved by number now that the target exists
    assert outgoing["label"] == "Hướng dẫn"


def test_relations_to_drafts_show_the_number_without_a_link():
    draft = factories.legal_document("5/2024/QĐ-UBND", issued_on=date(2024, 1, 5), live=False)
    source = factories.legal_document("6/2024/QĐ-UBND", issued_on=date(2024, 2, 5))
    source.relations = [LegalDocumentRelation(relation_type="amends", target_page=draft)]
    source.save_revision().publish()
    (outgoing,) = LegalDocumentPage.objects.get(pk=source.pk).related_documents
    assert outgoing["page"] is None and outgoing["number"] == "5/2024/QĐ-UBND"


def test_a_draft_source_never_shows_on_the_target():
    target = factories.legal_document("1/2024/QĐ-UBND", issued_on=date(2024, 1, 5))
    draft = factories.legal_document("2/2024/QĐ-UBND", issued_on=date(2024, 1, 6), live=False)
    LegalDocumentRelation.objects.create(source=draft, relation_type="amends", target_page=target)
    assert LegalDocumentPage.objects.get(pk=target.pk).referenced_by == []


def _admin_form(number, body, doc_type, issued_on="13/04/2011"):
    return nested_form_data(
        {
            "number": number,
            "title": f"Nghị định {number}",
            "slug": "nghi-dinh-trung",
            "summary": "Bản nhập trùng",
            "document_type": doc_type.pk,
            "issuing_body": body.pk,
            "issued_on": issued_on,
            "status": "con_hieu_luc",
            "body": rich_text(""),
            "attachments": inline_formset([]),
            "relations": inline_formset([]),
        }
    )


def test_the_admin_refuses_a_duplicate_with_the_message(admin_client):
    body = factories.agency("Chính phủ", "CP")
    doc_type = factories.document_type("Nghị định", "NĐ", True)
    factories.legal_document("43/2011/NĐ-CP", issuing_body=body, document_type=doc_type, issued_on=date(2011, 4, 13))
    index = factories.legal_index()
    url = f"/admin/pages/add/directives/legaldocumentpage/{index.pk}/"
    response = admin_client.post(url, _admin_form("43/2011/ND-CP".replace("ND", "NĐ"), body, doc_type))
    assert response.status_code == 200  # the form comes back with errors
    assert "đã có trên cổng" in response.content.decode()
    assert LegalDocumentPage.objects.filter(number_key="43/2011/NĐCP").count() == 1

    ok = admin_client.post(url, _admin_form("44/2011/NĐ-CP", body, doc_type))
    assert ok.status_code == 302
    assert LegalDocumentPage.objects.filter(number_key="44/2011/NĐCP").exists()
