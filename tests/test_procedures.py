"""The catalogue of administrative procedures (procedures/): the values as written, the model's
checks, the JSON Lines record type, the public list and its filters, the detail page, the legal
basis linked to the legal-document database, and the activity report's section."""

import json
from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from directives.models import Agency
from portal.importing import import_lines
from procedures import values
from procedures.catalogue import read_filter
from procedures.importing import import_procedure
from procedures.models import LegalBasis, ProcedurePage
from procedures.reporting import procedures_section

from . import factories
from . import procedures_factories as pf

pytestmark = pytest.mark.django_db


# --- values as written ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, code",
    [
        ("Cấp Xã", "xa"),
        ("UBND cấp xã, phường, thị trấn", "xa"),
        ("CẤP HUYỆN", "huyen"),
        ("Cap tinh", "tinh"),
        ("huyen", "huyen"),
        ("Thị xã", "huyen"),  # a district-level town
    ],
)
def test_levels_are_read_from_labels(written, code):
    assert values.parse_level(written) == code


@pytest.mark.parametrize("written", ["Cấp Huyện, Cấp Xã", "Trung ương", ""])
def test_several_levels_or_none_are_refused(written):
    with pytest.raises(values.ValueProblem):
        values.parse_level(written)


@pytest.mark.parametrize(
    "written, code",
    [
        ("Toàn trình", "toan_trinh"),
        ("DVC trực tuyến một phần", "mot_phan"),
        ("", "none"),
        ("Mức độ 4", "toan_trinh"),  # the old levels of Decree 43/2011, read as Decree 42/2022's
        ("Mức độ 3", "mot_phan"),
        ("Mức độ 2", "none"),
        ("toan_trinh", "toan_trinh"),
    ],
)
def test_online_levels_follow_decree_42(written, code):
    assert values.parse_online_level(written) == code


@pytest.mark.parametrize(
    "written, days",
    [
        ("05 ngày làm việc kể từ ngày nhận đủ hồ sơ hợp lệ", 5),
        ("15 (mười lăm) ngày làm việc", 15),
        ("Ngay trong ngày tiếp nhận hồ sơ", 0),
        ("30 ngày", None),  # calendar days: the text only
        ("", None),
    ],
)
def test_working_days_are_read_from_the_processing_time(written, days):
    assert values.working_days(written) == days


def test_a_dossier_line_gives_its_counts_and_whether_it_is_required():
    assert values.dossier_line("- Tờ khai đăng ký khai sinh (Bản chính: 1, Bản sao: 0)") == values.DossierLine(
        "Tờ khai đăng ký khai sinh", 1, 0, True
    )
    assert values.dossier_line("Bản sao giấy tờ tùy thân. Bản chính: 0 - Bản sao: 1") == values.DossierLine(
        "Bản sao giấy tờ tùy thân", 0, 1, True
    )
    assert values.dossier_line("Văn bản ủy quyền (nếu có)").required is False


def test_the_number_of_a_citation_is_not_its_date():
    assert values.citation_number("Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014") == "60/2014/QH13"
    assert values.citation_number("Nghị định 23/2015/NĐ-CP ngày 16/02/2015") == "23/2015/NĐ-CP"
    assert values.citation_number("Thông tư ngày 20/11/2014") == ""


def test_codes_are_found_in_text_and_cleaned():
    assert values.codes_in("thủ tục 1.004227 và 1.004227.000.00.00.h62") == ["1.004227", "1.004227.000.00.00.H62"]
    assert values.clean_code(1.00422) == "1.004220"  # a code typed into a number cell
    assert values.code_problem("1.004227") is None
    assert "not a procedure code" in values.code_problem("1004227")


# --- the model's checks ---------------------------------------------------------------------------


def test_a_page_refuses_a_bad_code_a_missing_service_link_and_a_link_off_the_service_portal():
    page = pf.procedure()
    page.code = "TTHC-01"
    page.online_level = "toan_trinh"
    page.service_url = ""
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert set(caught.value.message_dict) == {"code", "service_url"}
    page.code = "1.001193"
    page.service_url = "https://example.com/nop-ho-so"
    with pytest.raises(ValidationError) as caught:
        page.clean()
    assert "example.com" in caught.value.message_dict["service_url"][0]
    page.service_url = "http://dichvucong.gov.vn/p/home/dvc-trang-chu.html"  # not https
    with pytest.raises(ValidationError):
        page.clean()
    page.service_url = "https://dichvucong.vinhphuc.gov.vn/dvc/nop-ho-so"  # a provincial portal
    page.clean()


def test_codes_are_unique_and_days_follow_the_processing_time():
    page = pf.procedure(code="1.000894", processing_time="05 ngày làm việc")
    assert ProcedurePage.objects.get(pk=page.pk).processing_days == 5
    other = pf.procedure()
    other.code = "1.000894"
    with pytest.raises(ValidationError) as caught:
        other.clean()
    assert "1.000894" in caught.value.message_dict["code"][0]


# --- import (JSON Lines) --------------------------------------------------------------------------------


def test_a_procedure_imports_once_with_its_dossier_steps_channels_and_legal_basis():
    report = import_lines([pf.line()])
    assert (report.created, report.errors) == (1, [])
    page = ProcedurePage.objects.get(code="1.001193")
    assert page.live and page.get_parent().slug == "thu-tuc-hanh-chinh"
    assert (page.level, page.online_level, page.processing_days) == ("xa", "toan_trinh", 0)
    assert page.channels == ["truc_tiep", "truc_tuyen", "buu_chinh"]
    assert [(p.name, p.originals, p.copies, p.required) for p in page.dossier.all()] == [
        ("Tờ khai đăng ký khai sinh theo mẫu", 1, 0, True),
        ("Giấy chứng sinh", 1, 0, True),
        ("Văn bản ủy quyền (nếu có)", 1, 0, False),
    ]
    assert [s.text for s in page.steps.all()][0] == "Người yêu cầu nộp hồ sơ."
    assert [b.number for b in page.legal_bases.all()] == ["60/2014/QH13", "123/2015/NĐ-CP"]
    revisions = page.revisions.count()
    again = import_lines([pf.line()])
    assert (again.unchanged, again.created, again.updated) == (1, 0, 0)
    assert page.revisions.count() == revisions
    changed = import_lines([pf.line(fee="2.000 đồng/bản", dossier=["Tờ khai đăng ký khai sinh theo mẫu"])])
    assert changed.updated == 1
    page = ProcedurePage.objects.get(code="1.001193")
    assert page.fee == "2.000 đồng/bản" and page.dossier.count() == 1


def test_bad_lines_are_reported_with_their_number_and_the_good_ones_imported():
    lines = [
        pf.line(code="1.000894", name="Thủ tục đăng ký kết hôn"),
        pf.line(code="1.00089"),
        pf.line(code="1.000656", level="phuong"),
        pf.line(code="1.000657", online_level="muc_do_4"),
        pf.line(code="1.000658", service_url="https://dichvucong.example.com/"),
        pf.line(code="1.000659", dossier=[{"name": "Tờ khai", "originals": -1}]),
        pf.line(code="1.000660", channels=["fax"]),
        pf.line(code="1.000661", colour="đỏ"),
    ]
    report = import_lines(lines)
    assert report.created == 1
    errors = dict(report.errors)
    assert sorted(errors) == [2, 3, 4, 5, 6, 7, 8]
    assert "'code'" in errors[2] and "'level'" in errors[3] and "'online_level'" in errors[4]
    assert "service_url" in errors[5] and "dossier[1].originals" in errors[6]
    assert "'channels'" in errors[7] and "unknown key(s): colour" in errors[8]


def test_a_form_attached_by_an_editor_is_kept_when_the_dossier_is_imported_again():
    import_lines([pf.line()])
    page = ProcedurePage.objects.get(code="1.001193")
    form = factories.document_file("Mẫu tờ khai đăng ký khai sinh", "to-khai-khai-sinh.docx")
    papers = list(page.dossier.all())
    paper = papers[0]
    paper.form = form
    page.dossier = papers
    page.save_revision().publish()
    # the dossier changes (a paper added): the form stays with its paper
    dossier = [*pf.record()["dossier"], {"name": "Giấy tờ chứng minh nơi cư trú", "originals": 0, "copies": 1}]
    assert import_lines([pf.line(dossier=dossier)]).updated == 1
    first = ProcedurePage.objects.get(code="1.001193").dossier.first()
    assert first.name == paper.name and first.form_id == form.pk


# --- the legal basis and the legal-document database ------------------------------------------------------


def test_a_legal_basis_links_to_the_document_the_portal_holds_and_only_when_it_is_public():
    law = factories.legal_document(
        "60/2014/QH13",
        summary="Luật Hộ tịch",
        issued_on=date(2014, 11, 20),
        issuing_body=factories.agency("Quốc hội", "QH"),
        document_type=factories.document_type("Luật", "", True),
    )
    import_lines([pf.line()])
    page = ProcedurePage.objects.get(code="1.001193")
    rows = {row.number: row for row in page.legal_bases.all()}
    assert rows["60/2014/QH13"].document_id == law.pk
    assert rows["123/2015/NĐ-CP"].document_id is None
    links = page.legal_basis
    assert links[0]["document"]["url"] == law.url and links[1]["document"] is None

    # a document imported later is linked when the page is shown, and on the next import
    decree = factories.legal_document(
        "123/2015/NĐ-CP", summary="Quy định chi tiết Luật Hộ tịch", issued_on=date(2015, 11, 15)
    )
    assert page.legal_basis[1]["document"]["id"] == decree.pk
    assert import_lines([pf.line()]).updated == 1
    assert ProcedurePage.objects.get(code="1.001193").legal_bases.get(number="123/2015/NĐ-CP").document_id == decree.pk

    # unpublished: no link any more, the citation stays
    law.unpublish()
    assert page.legal_basis[0]["document"] is None
    assert page.legal_basis[0]["citation"].startswith("Luật Hộ tịch")


def test_a_number_two_documents_hold_is_not_linked():
    factories.legal_document("959/QĐ-UBND", issued_on=date(2023, 1, 5))
    factories.legal_document("959/QĐ-UBND", issued_on=date(2024, 1, 5))
    row = LegalBasis(citation="Quyết định số 959/QĐ-UBND của UBND tỉnh")
    from procedures.legal import link_legal_bases

    assert link_legal_bases([row]) == 0 and row.document_id is None and row.number == "959/QĐ-UBND"


def test_a_legal_basis_saved_from_the_editor_links_itself():
    law = factories.legal_document("23/2015/NĐ-CP", issued_on=date(2015, 2, 16))
    page = pf.procedure(legal_bases=["Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ"])
    assert ProcedurePage.objects.get(pk=page.pk).legal_bases.get().document_id == law.pk


# --- the public list ----------------------------------------------------------------------------------------


@pytest.fixture
def catalogue():
    civil = pf.field("Hộ tịch")
    land = pf.field("Chứng thực")
    commune = factories.agency("Ủy ban nhân dân cấp xã", "UBND")
    district = factories.agency("Phòng Tư pháp", "TP")
    url = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"
    return {
        "birth": pf.procedure(
            "Thủ tục đăng ký khai sinh",
            code="1.001193",
            field=civil,
            agency=commune,
            online_level="toan_trinh",
            service_url=url,
        ),
        "marriage": pf.procedure(
            "Thủ tục đăng ký kết hôn",
            code="1.000894",
            field=civil,
            agency=commune,
            online_level="mot_phan",
            service_url=url,
        ),
        "foreign": pf.procedure(
            "Thủ tục đăng ký khai sinh có yếu tố nước ngoài",
            code="1.001695",
            field=civil,
            agency=district,
            level="huyen",
        ),
        "land": pf.procedure(
            "Chứng thực bản sao từ bản chính",
            code="2.000815",
            field=land,
            agency=factories.agency("Phòng Tư pháp", "TP"),
            level="huyen",
        ),
        "draft": pf.procedure("Thủ tục chưa công bố", code="1.000001", live=False),
    }


def test_the_list_shows_every_live_procedure_by_field_with_counts(client, catalogue):
    html = client.get(pf.section().url).content.decode()
    assert html.count('class="procedure-row"') == 4 and "Thủ tục chưa công bố" not in html
    assert html.index("Chứng thực bản sao") < html.index("Thủ tục đăng ký kết hôn")  # by field, then name
    assert "Danh mục có 4 thủ tục." in html
    assert "Hộ tịch (3)" in html and "Cấp huyện (2)" in html and "Toàn trình (1)" in html
    assert '<label for="procedure-level">Cấp thực hiện</label>' in html


def test_filters_in_get_parameters_narrow_the_list_and_count_the_other_options(client, catalogue):
    civil = catalogue["birth"].field_id
    response = client.get(pf.section().url, {"field": civil, "level": "xa"})
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count('class="procedure-row"') == 2 and "Có 2 thủ tục phù hợp." in html
    # the levels are counted among the civil-status procedures, whatever level is chosen
    assert "Cấp xã (2)" in html and "Cấp huyện (1)" in html
    assert f'<option value="{civil}" selected>Hộ tịch (2)</option>' in html
    html = client.get(pf.section().url, {"online_level": "none"}).content.decode()
    assert html.count('class="procedure-row"') == 2
    agency = catalogue["foreign"].agency_id
    html = client.get(pf.section().url, {"agency": agency}).content.decode()
    assert html.count('class="procedure-row"') == 2 and "có yếu tố nước ngoài" in html and "Chứng thực" in html


def test_a_filter_that_cannot_be_read_is_named_and_dropped_with_400(client, catalogue):
    response = client.get(pf.section().url, {"level": "quan", "field": "abc"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Cấp thực hiện (level)" in html and "Lĩnh vực (field)" in html
    assert html.count('class="procedure-row"') == 4


def test_read_filter_is_a_plain_function():
    chosen, errors = read_filter({"field": "3", "agency": "99999999999", "online_level": "mot_phan"})
    assert (chosen.field, chosen.agency, chosen.online_level) == (3, None, "mot_phan")
    assert list(errors) == ["agency"]
    assert chosen.querystring() == "field=3&online_level=mot_phan"


def test_the_list_keeps_the_filters_in_its_page_links(client, catalogue):
    for i in range(35):
        pf.procedure(f"Thủ tục xã {i:02d}", field=catalogue["birth"].field)
    html = client.get(pf.section().url, {"level": "xa"}).content.decode()
    assert "?level=xa&amp;page=2" in html or "?level=xa&page=2" in html


def test_the_list_reads_the_same_queries_for_more_procedures(client):
    pf.procedure("Thủ tục đầu tiên")
    url = pf.section().url
    client.get(url)  # warm caches (site, content types)
    with CaptureQueriesContext(connection) as one:
        assert client.get(url, {"level": "xa"}).status_code == 200
    for i in range(12):
        pf.procedure(
            f"Thủ tục {i}",
            field=pf.field(f"Lĩnh vực {i}"),
            agency=factories.agency(f"Cơ quan {i}", f"CQ{i}"),
            level="xa",
        )
    with CaptureQueriesContext(connection) as many:
        html = client.get(url, {"level": "xa"}).content.decode()
    assert html.count('class="procedure-row"') == 13
    assert len(many.captured_queries) == len(one.captured_queries)


# --- the detail page ---------------------------------------------------------------------------------------


def test_the_detail_shows_every_section_and_the_online_service_button(client):
    factories.legal_document("60/2014/QH13", summary="Luật Hộ tịch", issued_on=date(2014, 11, 20))
    import_lines([pf.line()])
    page = ProcedurePage.objects.get(code="1.001193")
    form = factories.document_file("Mẫu tờ khai", "to-khai.docx")
    papers = list(page.dossier.all())
    paper = papers[0]
    paper.form = form
    page.dossier = papers
    page.save_revision().publish()
    html = client.get(page.url).content.decode()
    for text in (
        "<h1>Thủ tục đăng ký khai sinh</h1>",
        "1.001193",
        "Hộ tịch",
        "Cấp xã",
        "Ủy ban nhân dân cấp xã",
        "Trực tiếp; Trực tuyến; Dịch vụ bưu chính công ích",
        "Toàn trình",
        "Ngay trong ngày tiếp nhận hồ sơ",
        "Miễn lệ phí đăng ký khai sinh đúng hạn.",
        "Giấy khai sinh (bản chính)",
        '<h2 id="procedure-steps">Trình tự thực hiện</h2>',
        "Công chức tư pháp - hộ tịch kiểm tra hồ sơ.",
        '<th scope="col">Bản chính</th>',
        "Văn bản ủy quyền (nếu có)",
        "Không (nếu có)",
        form.url,
        '<h2 id="procedure-legal-basis">Căn cứ pháp lý</h2>',
        'href="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"',
        "Nộp hồ sơ trực tuyến",
    ):
        assert text in html, text
    law = ProcedurePage.objects.get(pk=page.pk).legal_bases.first().document
    assert f'<a href="{law.url}">Luật Hộ tịch số 60/2014/QH13' in html
    assert "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ</li>" in html  # not on the portal: text


def test_a_procedure_without_online_service_has_no_button(client):
    page = pf.procedure(online_level="none")
    html = client.get(page.url).content.decode()
    assert "Nộp hồ sơ trực tuyến" not in html and "Chỉ cung cấp thông tin" in html


# --- the activity report -------------------------------------------------------------------------------------


def test_the_report_counts_the_catalogue_by_level_and_online_level_in_one_query(django_assert_num_queries):
    url = "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"
    pf.procedure(code="1.000001", level="xa", online_level="toan_trinh", service_url=url, announced_on=date(2024, 2, 1))
    pf.procedure(code="1.000002", level="xa", online_level="none", announced_on=date(2024, 8, 1))
    pf.procedure(
        code="1.000003", level="huyen", online_level="mot_phan", service_url=url, announced_on=date(2023, 5, 1)
    )
    pf.procedure(code="1.000004", level="huyen", announced_on=date(2025, 2, 1))  # after the period
    pf.procedure(code="1.000005", level="huyen", live=False, announced_on=date(2024, 1, 1))
    with django_assert_num_queries(1):
        section = procedures_section(date(2024, 1, 1), date(2024, 12, 31), date(2025, 6, 30))
    assert dict(section.summary) == {
        "Thủ tục hành chính công khai": 3,
        "Thủ tục công bố trong kỳ": 2,
        "Dịch vụ công trực tuyến toàn trình": 1,
        "Dịch vụ công trực tuyến một phần": 1,
        "Tỷ lệ thủ tục có dịch vụ công trực tuyến": "66,7%",
    }
    by_level = section.table("Thủ tục hành chính theo cấp thực hiện")
    assert by_level.chart == "stacked" and len(by_level.legend) == 3
    assert by_level.rows == [["Cấp huyện", 0, 1, 0, 1], ["Cấp xã", 1, 0, 1, 2]]
    assert dict(section.table("Thủ tục hành chính theo mức độ dịch vụ công trực tuyến").rows) == {
        "Toàn trình": 1,
        "Một phần": 1,
        "Chỉ cung cấp thông tin": 1,
    }


def test_the_report_section_is_registered():
    from portal.reporting import report_sections

    assert "procedures" in [section.key for section in report_sections()]


def test_the_handler_is_the_registered_record_type():
    from portal.importing import handlers

    assert handlers()["procedure"] is import_procedure
    assert Agency.objects.count() == 0  # nothing imported by looking
    assert json.loads(pf.line())["type"] == "procedure"


def test_the_example_line_of_the_import_format_imports():
    from pathlib import Path

    text = (Path(__file__).resolve().parent.parent / "docs" / "import-format.md").read_text(encoding="utf-8")
    section = text[text.index("## `procedure`") :]
    example = section[section.index("```json\n") + len("```json\n") : section.index("\n```", section.index("```json"))]
    report = import_lines([example])
    assert (report.created, report.errors) == (1, [])
    page = ProcedurePage.objects.get(code="1.001193")
    assert page.dossier.count() == 3 and not page.dossier.last().required and page.online_level == "toan_trinh"


# --- the page editor -------------------------------------------------------------------------------------


def editor_form(field, agency, **values) -> dict:
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = {
        "title": "Thủ tục đăng ký khai tử",
        "slug": "thu-tuc-dang-ky-khai-tu",
        "code": "1.000656",
        "field": field.pk,
        "level": "xa",
        "agency": agency.pk,
        "announced_on": "05/02/2024",
        "channel_in_person": "on",
        "channel_online": "on",
        "online_level": "toan_trinh",
        "service_url": "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "processing_time": "Ngay trong ngày tiếp nhận hồ sơ",
        "steps": inline_formset([{"text": "Nộp hồ sơ."}, {"text": "Nhận Trích lục khai tử."}]),
        "dossier": inline_formset(
            [{"name": "Tờ khai đăng ký khai tử", "originals": 1, "copies": 0, "required": "on", "form": ""}]
        ),
        "legal_bases": inline_formset(
            [{"citation": "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014", "number": "", "document": ""}]
        ),
        "action-publish": "publish",
    }
    data.update(values)
    return nested_form_data(data)


def test_an_editor_adds_a_procedure_and_its_legal_basis_links_itself(admin_client):
    law = factories.legal_document("60/2014/QH13", summary="Luật Hộ tịch", issued_on=date(2014, 11, 20))
    section = pf.section()
    field, agency = pf.field(), factories.agency("Ủy ban nhân dân xã, thị trấn", "UBND")
    add = f"/admin/pages/add/procedures/procedurepage/{section.pk}/"
    assert admin_client.get(add).status_code == 200

    bad = admin_client.post(add, editor_form(field, agency, code="1-000656", service_url=""))
    assert bad.status_code == 200 and not ProcedurePage.objects.exists()
    html = bad.content.decode()
    assert "Mã thủ tục" in html and "cần địa chỉ nộp hồ sơ trực tuyến" in html

    response = admin_client.post(add, editor_form(field, agency))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = ProcedurePage.objects.get(code="1.000656")
    assert page.live and page.processing_days == 0 and page.channels == ["truc_tiep", "truc_tuyen"]
    assert [s.text for s in page.steps.all()] == ["Nộp hồ sơ.", "Nhận Trích lục khai tử."]
    basis = page.legal_bases.get()
    assert (basis.number, basis.document_id) == ("60/2014/QH13", law.pk)
    assert admin_client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
