"""``manage.py import_procedures_xlsx``: the catalogue spreadsheet of the national database of
procedures (sample files written by ``procedures_factories.workbook``)."""

import io

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from procedures.models import ProcedurePage
from procedures.xlsx import SheetError, header_key, read_sheet

from . import procedures_factories as pf

pytestmark = pytest.mark.django_db


def run(path, *args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("import_procedures_xlsx", str(path), "--no-progress", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def failing(path, *args) -> tuple[str, str]:
    err = io.StringIO()
    with pytest.raises(CommandError) as caught:
        call_command("import_procedures_xlsx", str(path), "--no-progress", *args, stderr=err)
    return str(caught.value), err.getvalue()


@pytest.mark.parametrize(
    "title, key",
    [
        ("Mã thủ tục", "code"),
        ("MÃ THỦ TỤC", "code"),
        ("ma thu tuc", "code"),
        ("  Tên   thủ tục ", "name"),
        ("THÀNH PHẦN HỒ SƠ (mỗi giấy tờ một dòng)", "dossier"),
        ("Căn cứ pháp lý", "legal_basis"),
        ("Mức độ DVC", "online_level"),
        ("Mức độ dịch vụ công trực tuyến", "online_level"),
        ("Địa chỉ DVC trực tuyến", "service_url"),
        ("Lệ phí", "charge"),
        ("Phí", "fee"),
        ("Ghi chú", None),
    ],
)
def test_headers_are_matched_without_case_or_marks(title, key):
    assert header_key(title) == key


def test_a_good_catalogue_imports_every_row_once(tmp_path):
    rows = [
        pf.sheet_row(),
        pf.sheet_row(
            **{
                "Mã thủ tục": "1.000894",
                "Tên thủ tục": "Thủ tục đăng ký kết hôn",
                "Thời hạn giải quyết": "Ngay trong ngày; trường hợp cần xác minh thì không quá 05 ngày làm việc",
                "Lệ phí": "Miễn lệ phí",
                "Mức độ DVC": "Một phần",
            }
        ),
        pf.sheet_row(
            **{
                "Mã thủ tục": 1.00422,  # typed as a number: 1.004220
                "Tên thủ tục": "Thủ tục thử nghiệm mã số",
                "Lĩnh vực": "Đất đai",
                "Cấp thực hiện": "CẤP HUYỆN",
                "Cơ quan thực hiện": "Chi nhánh Văn phòng đăng ký đất đai",
                "Mức độ DVC": "",
                "Địa chỉ DVC trực tuyến": "",
            }
        ),
    ]
    path = pf.workbook(tmp_path / "danh-muc.xlsx", rows)
    out, err = run(path)
    assert "created 3, updated 0, unchanged 0, failed 0" in out and err == ""
    birth = ProcedurePage.objects.get(code="1.001193")
    assert (birth.level, birth.online_level, birth.processing_days) == ("xa", "toan_trinh", 0)
    assert [(p.name, p.originals, p.copies, p.required) for p in birth.dossier.all()] == [
        ("Tờ khai đăng ký khai sinh", 1, 0, True),
        ("Giấy chứng sinh", 1, 0, True),
        ("Văn bản ủy quyền (nếu có)", 1, 0, False),
    ]
    assert [b.number for b in birth.legal_bases.all()] == ["60/2014/QH13", "123/2015/NĐ-CP"]
    marriage = ProcedurePage.objects.get(code="1.000894")
    assert marriage.online_level == "mot_phan" and marriage.processing_days == 5
    assert ProcedurePage.objects.get(code="1.004220").level == "huyen"

    out, _err = run(path)
    assert "created 0, updated 0, unchanged 3, failed 0" in out


def test_bad_rows_are_reported_by_row_the_good_ones_imported_and_the_exit_is_non_zero(tmp_path):
    rows = [
        pf.sheet_row(),  # row 4 (two title rows, the header on row 3)
        pf.sheet_row(**{"Mã thủ tục": "1.000894", "Cấp thực hiện": "Cấp Huyện, Cấp Xã"}),  # row 5
        pf.sheet_row(**{"Mã thủ tục": "1.000656", "Mức độ DVC": "Trực tuyến nâng cao"}),  # row 6
        pf.sheet_row(**{"Mã thủ tục": "TTHC-07"}),  # row 7
        pf.sheet_row(**{"Mã thủ tục": "1.000657", "Địa chỉ DVC trực tuyến": "http://dichvucong.gov.vn/"}),  # row 8
        pf.sheet_row(**{"Mã thủ tục": "1.000658", "Lĩnh vực": ""}),  # row 9
    ]
    path = pf.workbook(tmp_path / "loi.xlsx", rows)
    message, err = failing(path)
    assert "created 1, updated 0, unchanged 0, failed 5" in message
    lines = err.strip().splitlines()
    assert [line.split(": ")[0] for line in lines] == [f"{path}:{row}" for row in (5, 6, 7, 8, 9)]
    assert "'Cấp thực hiện'" in lines[0] and "one row per level" in lines[0]
    assert "'Mức độ DVC'" in lines[1]
    assert "'Mã thủ tục'" in lines[2] and "TTHC-07" in lines[2]
    assert "'Địa chỉ DVC trực tuyến': " in lines[3] and "https://" in lines[3]
    assert "Lĩnh vực" in lines[4]
    assert list(ProcedurePage.objects.values_list("code", flat=True)) == ["1.001193"]


def test_a_dry_run_reports_and_writes_nothing(tmp_path):
    path = pf.workbook(tmp_path / "thu.xlsx", [pf.sheet_row(), pf.sheet_row(**{"Mã thủ tục": "sai"})])
    message, err = failing(path, "--dry-run")
    assert message.startswith("[dry run, nothing written] created 1") and f"{path}:5:" in err
    assert ProcedurePage.objects.count() == 0
    good = pf.workbook(tmp_path / "dung.xlsx", [pf.sheet_row()])
    out, _err = run(good, "--dry-run")
    assert "[dry run, nothing written] created 1" in out and ProcedurePage.objects.count() == 0


def test_headers_in_another_case_and_order_with_unknown_columns(tmp_path):
    headers = [
        "TÊN THỦ TỤC",
        "mã thủ tục",
        "CẤP THỰC HIỆN",
        "Lĩnh Vực",
        "Cơ quan thực hiện",
        "Ghi chú",
        "Thành phần hồ sơ (mỗi giấy tờ một dòng)",
    ]
    row = {
        "TÊN THỦ TỤC": "Thủ tục chứng thực bản sao từ bản chính giấy tờ, văn bản",
        "mã thủ tục": "2.000815",
        "CẤP THỰC HIỆN": "Cấp xã",
        "Lĩnh Vực": "Chứng thực",
        "Cơ quan thực hiện": "Ủy ban nhân dân cấp xã",
        "Ghi chú": "bỏ qua",
        "Thành phần hồ sơ (mỗi giấy tờ một dòng)": "Bản chính giấy tờ làm cơ sở chứng thực\nBản sao cần chứng thực",
    }
    path = pf.workbook(tmp_path / "khac.xlsx", [row], headers=headers, title_rows=0)
    out, err = run(path)
    assert "created 1" in out and "column 'Ghi chú' is not read" in err
    page = ProcedurePage.objects.get(code="2.000815")
    assert page.dossier.count() == 2 and page.field.name == "Chứng thực"


def test_a_file_without_the_required_columns_or_not_a_workbook_is_refused(tmp_path):
    no_level = [h for h in pf.HEADERS if h != "Cấp thực hiện"]
    path = pf.workbook(tmp_path / "thieu.xlsx", [pf.sheet_row()], headers=no_level)
    message, _err = failing(path)
    assert "missing column(s): Cấp thực hiện" in message and str(path) in message
    text = tmp_path / "khong-phai.xlsx"
    text.write_text("Mã thủ tục;Tên thủ tục\n", encoding="utf-8")
    message, _err = failing(text)
    assert "not an .xlsx workbook" in message
    with pytest.raises(SheetError):
        read_sheet(pf.workbook(tmp_path / "rong.xlsx", [], headers=["Ghi chú"]))
    assert ProcedurePage.objects.count() == 0
