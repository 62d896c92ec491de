"""Builders for the procedures tests: pages, import records and catalogue spreadsheets (written
with openpyxl, as the national database's export lays them out; no binary file in the repository)."""

import itertools
import json
from datetime import date
from pathlib import Path

from directives.models import Field
from procedures.models import DossierItem, LegalBasis, ProcedureIndexPage, ProcedurePage, ProcedureStep

from . import factories

_seq = itertools.count(1)


def section() -> ProcedureIndexPage:
    return factories.section(ProcedureIndexPage, "Thủ tục hành chính", "thu-tuc-hanh-chinh")


def field(name: str = "Hộ tịch") -> Field:
    return Field.objects.get_or_create(name=name)[0]


def procedure(title: str | None = None, *, code: str | None = None, live: bool = True, **fields) -> ProcedurePage:
    """A procedure under the catalogue, with two steps, two papers and one legal basis unless given."""
    n = next(_seq)
    fields.setdefault("field", field())
    fields.setdefault("agency", factories.agency("Ủy ban nhân dân cấp xã", "UBND"))
    fields.setdefault("level", "xa")
    fields.setdefault("processing_time", "Ngay trong ngày tiếp nhận hồ sơ")
    fields.setdefault("announced_on", date(2024, 3, 1))
    steps = fields.pop("steps", ["Nộp hồ sơ tại Bộ phận một cửa.", "Nhận kết quả."])
    dossier = fields.pop("dossier", [("Tờ khai theo mẫu", 1, 0, True), ("Giấy tờ tùy thân", 0, 1, True)])
    bases = fields.pop("legal_bases", ["Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014"])
    page = ProcedurePage(
        title=title or f"Thủ tục số {n}",
        code=code or f"1.{900000 + n:06d}",
        slug=f"thu-tuc-{n}",
        live=live,
        **fields,
    )
    page.steps = [ProcedureStep(text=text, sort_order=i) for i, text in enumerate(steps)]
    page.dossier = [
        DossierItem(name=a, originals=b, copies=c, required=d, sort_order=i) for i, (a, b, c, d) in enumerate(dossier)
    ]
    page.legal_bases = [LegalBasis(citation=citation, sort_order=i) for i, citation in enumerate(bases)]
    return factories._add(section(), page)


def record(**overrides) -> dict:
    """A ``procedure`` import record (the birth registration of a commune)."""
    line = {
        "type": "procedure",
        "code": "1.001193",
        "name": "Thủ tục đăng ký khai sinh",
        "field": "Hộ tịch",
        "level": "xa",
        "agency": "Ủy ban nhân dân cấp xã",
        "processing_time": "Ngay trong ngày tiếp nhận hồ sơ; trường hợp nhận hồ sơ sau 15 giờ thì trả kết quả "
        "trong ngày làm việc tiếp theo.",
        "fee": "Không",
        "charge": "Miễn lệ phí đăng ký khai sinh đúng hạn.",
        "subjects": "Cá nhân",
        "result": "Giấy khai sinh (bản chính); bản sao Giấy khai sinh theo yêu cầu.",
        "steps": ["Người yêu cầu nộp hồ sơ.", "Công chức tư pháp - hộ tịch kiểm tra hồ sơ.", "Trả kết quả."],
        "channels": ["truc_tiep", "truc_tuyen", "buu_chinh"],
        "dossier": [
            {"name": "Tờ khai đăng ký khai sinh theo mẫu", "originals": 1, "copies": 0},
            {"name": "Giấy chứng sinh", "originals": 1, "copies": 0},
            {"name": "Văn bản ủy quyền (nếu có)", "originals": 1, "copies": 0, "required": False},
        ],
        "legal_basis": [
            "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014",
            "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ",
        ],
        "online_level": "toan_trinh",
        "service_url": "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
        "announced_on": "2024-03-15",
    }
    line.update(overrides)
    return {k: v for k, v in line.items() if v is not None}


def line(**overrides) -> str:
    return json.dumps(record(**overrides), ensure_ascii=False)


HEADERS = [
    "STT",
    "Mã thủ tục",
    "Tên thủ tục",
    "Lĩnh vực",
    "Cấp thực hiện",
    "Cơ quan thực hiện",
    "Thời hạn giải quyết",
    "Phí",
    "Lệ phí",
    "Thành phần hồ sơ",
    "Căn cứ pháp lý",
    "Mức độ DVC",
    "Địa chỉ DVC trực tuyến",
]


def sheet_row(**values) -> dict:
    """A row of the catalogue spreadsheet (by header), the birth registration unless changed."""
    row = {
        "Mã thủ tục": "1.001193",
        "Tên thủ tục": "Thủ tục đăng ký khai sinh",
        "Lĩnh vực": "Hộ tịch",
        "Cấp thực hiện": "Cấp Xã",
        "Cơ quan thực hiện": "Ủy ban nhân dân cấp xã",
        "Thời hạn giải quyết": "Ngay trong ngày tiếp nhận hồ sơ",
        "Phí": "Không",
        "Lệ phí": "Miễn lệ phí",
        "Thành phần hồ sơ": "- Tờ khai đăng ký khai sinh (Bản chính: 1, Bản sao: 0)\n"
        "- Giấy chứng sinh (Bản chính: 1, Bản sao: 0)\n- Văn bản ủy quyền (nếu có)",
        "Căn cứ pháp lý": "Luật Hộ tịch số 60/2014/QH13 ngày 20/11/2014\n"
        "Nghị định số 123/2015/NĐ-CP ngày 15/11/2015 của Chính phủ",
        "Mức độ DVC": "Toàn trình",
        "Địa chỉ DVC trực tuyến": "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html",
    }
    row.update(values)
    return row


def workbook(path: Path, rows: list[dict], headers: list[str] | None = None, title_rows: int = 2) -> Path:
    """An .xlsx file laid out as the national database exports its catalogue: ``title_rows`` rows
    of title above the header row, then one procedure per row (cells by header; a missing header
    is an empty cell)."""
    from openpyxl import Workbook

    headers = headers or HEADERS
    book = Workbook()
    sheet = book.active
    sheet.title = "Danh mục TTHC"
    for i in range(title_rows):
        sheet.append(["DANH MỤC THỦ TỤC HÀNH CHÍNH" if i == 0 else ""])
    sheet.append(headers)
    for number, row in enumerate(rows, start=1):
        sheet.append([number if header == "STT" else row.get(header) for header in headers])
    book.save(path)
    return path
