"""Demo projects, bidding results and statistics of huyện Vĩnh Tường: ``seed_projects(today)``,
called by the demo seed (``home.demo``).

Everything is dated between 2023 and the first half of 2025: the district tier ended on 1 July 2025
(domain.md §0), so the demo's district published nothing later. ``today`` is accepted like the other
seeds' and not read: no date here depends on the day of the seed.

Idempotent: a second run creates and changes nothing. Projects go through the ``project`` import
handler (the same code path as ``import_content``; identity by slug); the district decisions they
link to through the ``legal_document`` handler (identity by number, issuer and year); the generated
PDF files are found again by title; statistics pages by slug (created through the ``statistics``
import handler when missing, never overwritten: editors may have corrected them). The figures, the
contractors' names and the decisions' numbers are illustrations, said so on each page (a note, the
files' tag "dữ liệu mẫu").
"""

import hashlib
from collections import Counter
from datetime import date
from decimal import Decimal

from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from directives.importing import import_legal_document
from portal.demo_files import pdf_bytes, wrap
from portal.importing import ensure_section
from portal.text import strip_marks

from .importing import import_project, projects_index
from .models import ProjectFile, ProjectPage, StatisticsIndexPage, StatisticsPage
from .statistics_importing import import_statistics

# The tag of the demo's generated documents (home.demo.DEMO_TAG): editors find and remove them by it.
DEMO_TAG = "dữ liệu mẫu"
UBND = "Ủy ban nhân dân huyện Vĩnh Tường"
BQLDA = "Ban Quản lý dự án đầu tư xây dựng"
DEMO_NOTE = (
    "Dữ liệu mẫu phục vụ trình diễn Cổng Thông tin – Giao tiếp điện tử; không phải số liệu chính thức "
    "của huyện Vĩnh Tường."
)
PROJECTS_INTRO = (
    "<p>Thông tin về chương trình, dự án đầu tư công, kế hoạch và kết quả lựa chọn nhà thầu, mua sắm "
    "công của UBND huyện Vĩnh Tường và các chủ đầu tư trên địa bàn (Nghị định số 42/2022/NĐ-CP, Điều 4). "
    "Dữ liệu trên cổng trình diễn là dữ liệu mẫu.</p>"
)
STATISTICS_INTRO = (
    "<p>Số liệu thống kê kinh tế – xã hội, dân số, ngân sách của huyện Vĩnh Tường. Mỗi bảng có thể tải về "
    "dạng CSV để mở bằng Excel. Dữ liệu trên cổng trình diễn là dữ liệu mẫu.</p>"
)

# --- the district's decisions the projects rest on (import records of ``legal_document``) ---------

DECISIONS = [
    {
        "type": "legal_document",
        "number": "1246/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND,
        "summary": "Phê duyệt dự án đầu tư xây dựng công trình: Cải tạo, nâng cấp đường tỉnh ĐT.304 đoạn qua "
        "thị trấn Thổ Tang",
        "issued_on": "2023-06-20",
        "status": "con_hieu_luc",
        "signer": "Phạm Văn Lợi",
        "signer_title": "Phó Chủ tịch UBND huyện",
        "fields": ["Đầu tư", "Xây dựng - Giao thông"],
        "body": "Phê duyệt dự án cải tạo, nâng cấp 3,2 km đường tỉnh ĐT.304 đoạn qua thị trấn Thổ Tang: nền đường "
        "rộng 12 m, mặt đường bê tông nhựa, hệ thống thoát nước dọc, vỉa hè và chiếu sáng.\n\n"
        "Tổng mức đầu tư 48.500.000.000 đồng; nguồn vốn: ngân sách tỉnh hỗ trợ có mục tiêu 70%, ngân sách "
        "huyện 30%; thời gian thực hiện 2023 – 2025. (Văn bản mẫu của cổng trình diễn.)",
    },
    {
        "type": "legal_document",
        "number": "2310/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND,
        "summary": "Phê duyệt báo cáo kinh tế - kỹ thuật đầu tư xây dựng công trình: Nhà lớp học 03 tầng 12 phòng "
        "Trường Tiểu học Tân Tiến",
        "issued_on": "2023-09-06",
        "status": "con_hieu_luc",
        "signer": "Phạm Văn Lợi",
        "signer_title": "Phó Chủ tịch UBND huyện",
        "fields": ["Đầu tư", "Giáo dục - Đào tạo"],
        "body": "Phê duyệt báo cáo kinh tế - kỹ thuật xây dựng nhà lớp học 03 tầng 12 phòng, diện tích sàn "
        "1.450 m², cùng hạ tầng kỹ thuật đồng bộ.\n\n"
        "Tổng mức đầu tư 14.200.000.000 đồng; nguồn vốn: ngân sách huyện hỗ trợ 60%, ngân sách xã 40%. "
        "(Văn bản mẫu của cổng trình diễn.)",
    },
    {
        "type": "legal_document",
        "number": "1038/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND,
        "summary": "Phê duyệt kết quả lựa chọn nhà thầu Gói thầu số 05: Thi công xây dựng công trình cải tạo, "
        "nâng cấp đường tỉnh ĐT.304 đoạn qua thị trấn Thổ Tang",
        "issued_on": "2024-05-10",
        "status": "con_hieu_luc",
        "signer": "Phạm Văn Lợi",
        "signer_title": "Phó Chủ tịch UBND huyện",
        "fields": ["Đầu tư", "Xây dựng - Giao thông"],
        "body": "Phê duyệt nhà thầu trúng thầu Gói thầu số 05 với giá trúng thầu 41.873.000.000 đồng, loại hợp "
        "đồng trọn gói, thời gian thực hiện hợp đồng 420 ngày.\n\n"
        "(Văn bản mẫu của cổng trình diễn; tên nhà thầu là tên minh họa.)",
    },
    {
        "type": "legal_document",
        "number": "1532/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND,
        "summary": "Phê duyệt kế hoạch lựa chọn nhà thầu gói thầu mua sắm thiết bị phòng học tin học cho các "
        "trường trung học cơ sở năm 2024",
        "issued_on": "2024-06-25",
        "status": "con_hieu_luc",
        "signer": "Phạm Văn Lợi",
        "signer_title": "Phó Chủ tịch UBND huyện",
        "fields": ["Giáo dục - Đào tạo", "Tài chính - Ngân sách"],
        "body": "Phê duyệt kế hoạch lựa chọn nhà thầu gói thầu mua sắm 210 bộ máy tính và thiết bị mạng cho phòng "
        "học tin học của 6 trường trung học cơ sở; giá gói thầu 3.450.000.000 đồng; hình thức chào hàng cạnh "
        "tranh qua mạng. (Văn bản mẫu của cổng trình diễn.)",
    },
]


def _link(number: str, year: int, label: str) -> dict:
    return {"number": number, "year": year, "label": label}


ROAD = "cai-tao-nang-cap-dt304-doan-qua-tho-tang"
ROAD_RESULT = "ket-qua-lcnt-goi-thau-05-dt304-tho-tang"
SCHOOL = "nha-lop-hoc-3-tang-truong-tieu-hoc-tan-tien"

PROJECTS = [
    {
        "type": "project",
        "slug": ROAD,
        "title": "Cải tạo, nâng cấp đường tỉnh ĐT.304 đoạn qua thị trấn Thổ Tang",
        "code": "7934512",
        "kind": "dau-tu-cong",
        "status": "dang-thuc-hien",
        "investor": BQLDA,
        "field": "Xây dựng - Giao thông",
        "location": "Thị trấn Thổ Tang, huyện Vĩnh Tường",
        "decided_on": "2023-06-20",
        "total_investment": 48_500_000_000,
        "capital_source": "Ngân sách tỉnh hỗ trợ có mục tiêu 70%; ngân sách huyện 30%",
        "start_year": 2023,
        "end_year": 2025,
        "summary": "Cải tạo, nâng cấp 3,2 km đường tỉnh ĐT.304 qua trung tâm thương mại Thổ Tang: mở rộng nền "
        "đường lên 12 m, mặt đường bê tông nhựa, thoát nước dọc, vỉa hè và chiếu sáng, giảm ùn tắc và ngập "
        "úng mùa mưa.",
        "body": "Khởi công tháng 8/2024. Đến tháng 5/2025 đã hoàn thành 2,1 km nền, mặt đường và 1,6 km cống "
        "thoát nước dọc; giá trị khối lượng thực hiện đạt khoảng 65% giá trị hợp đồng.\n\n"
        "Đoạn qua chợ Thổ Tang thi công ban đêm, phân luồng theo phương án đã được thống nhất với Công an "
        "huyện để bảo đảm giao thông, buôn bán của Nhân dân.",
        "legal_documents": [_link("1246/QĐ-UBND", 2023, "Quyết định phê duyệt dự án")],
    },
    {
        "type": "project",
        "slug": ROAD_RESULT,
        "title": "Kết quả lựa chọn nhà thầu Gói thầu số 05: Thi công xây dựng công trình cải tạo, nâng cấp "
        "ĐT.304 đoạn qua thị trấn Thổ Tang",
        "code": "IB2400051234",
        "kind": "ket-qua-lcnt",
        "status": "dang-thuc-hien",
        "investor": BQLDA,
        "field": "Xây dựng - Giao thông",
        "location": "Thị trấn Thổ Tang, huyện Vĩnh Tường",
        "decided_on": "2024-05-10",
        "capital_source": "Ngân sách tỉnh hỗ trợ có mục tiêu 70%; ngân sách huyện 30%",
        "start_year": 2024,
        "end_year": 2025,
        "summary": "Kết quả lựa chọn nhà thầu thi công xây dựng và lắp đặt thiết bị của dự án cải tạo, nâng cấp "
        "đường tỉnh ĐT.304 đoạn qua thị trấn Thổ Tang.",
        "body": "Gói thầu đấu thầu rộng rãi qua mạng, một giai đoạn hai túi hồ sơ; 4 nhà thầu nộp hồ sơ dự "
        "thầu, 3 nhà thầu đáp ứng yêu cầu kỹ thuật.\n\n"
        "Loại hợp đồng: trọn gói. Thời gian thực hiện hợp đồng: 420 ngày. Tên nhà thầu là tên minh họa của "
        "dữ liệu mẫu.",
        "bid_package": "Gói thầu số 05: Thi công xây dựng và lắp đặt thiết bị",
        "selection_method": "dau-thau-rong-rai",
        "bid_opening_on": "2024-04-02",
        "winning_bidder": "Liên danh Công ty CP Xây dựng Giao thông Minh Phát – Công ty TNHH Hạ tầng Sông Phan",
        "contract_value": 41_873_000_000,
        "legal_documents": [
            _link("1038/QĐ-UBND", 2024, "Quyết định phê duyệt kết quả lựa chọn nhà thầu"),
            _link("1246/QĐ-UBND", 2023, "Quyết định phê duyệt dự án"),
        ],
    },
    {
        "type": "project",
        "slug": SCHOOL,
        "title": "Xây dựng nhà lớp học 3 tầng 12 phòng Trường Tiểu học Tân Tiến",
        "code": "7956281",
        "kind": "dau-tu-cong",
        "status": "hoan-thanh",
        "investor": "Ủy ban nhân dân xã Tân Tiến",
        "field": "Giáo dục - Đào tạo",
        "location": "Xã Tân Tiến, huyện Vĩnh Tường",
        "decided_on": "2023-09-06",
        "total_investment": 14_200_000_000,
        "capital_source": "Ngân sách huyện hỗ trợ 60%; ngân sách xã 40%",
        "start_year": 2023,
        "end_year": 2024,
        "summary": "Nhà lớp học 3 tầng 12 phòng, diện tích sàn 1.450 m², thay thế dãy phòng học cấp 4 xuống cấp, "
        "bảo đảm mỗi lớp một phòng học theo chuẩn quốc gia.",
        "body": "Công trình khởi công tháng 12/2023, bàn giao đưa vào sử dụng ngày 26/8/2024, kịp khai giảng năm "
        "học 2024 – 2025.\n\nGiá trị quyết toán được duyệt: 13.865.000.000 đồng.",
        "legal_documents": [_link("2310/QĐ-UBND", 2023, "Quyết định phê duyệt báo cáo kinh tế - kỹ thuật")],
    },
    {
        "type": "project",
        "slug": "ke-hoach-lcnt-nha-lop-hoc-truong-tieu-hoc-tan-tien",
        "title": "Kế hoạch lựa chọn nhà thầu dự án Xây dựng nhà lớp học 3 tầng 12 phòng Trường Tiểu học Tân Tiến",
        "kind": "ke-hoach-lcnt",
        "status": "hoan-thanh",
        "investor": "Ủy ban nhân dân xã Tân Tiến",
        "field": "Giáo dục - Đào tạo",
        "location": "Xã Tân Tiến, huyện Vĩnh Tường",
        "decided_on": "2023-10-12",
        "total_investment": 14_200_000_000,
        "capital_source": "Ngân sách huyện hỗ trợ 60%; ngân sách xã 40%",
        "start_year": 2023,
        "end_year": 2024,
        "summary": "Kế hoạch lựa chọn nhà thầu gồm 4 gói thầu: tư vấn lập báo cáo kinh tế - kỹ thuật, tư vấn "
        "giám sát, thi công xây dựng và bảo hiểm công trình.",
        "body": "Gói thầu số 01: Tư vấn khảo sát, lập báo cáo kinh tế - kỹ thuật – chỉ định thầu rút gọn.\n"
        "Gói thầu số 02: Tư vấn giám sát thi công – chỉ định thầu rút gọn.\n"
        "Gói thầu số 03: Thi công xây dựng – đấu thầu rộng rãi qua mạng, giá gói thầu 12.480.000.000 đồng.\n"
        "Gói thầu số 04: Bảo hiểm công trình – chào hàng cạnh tranh.",
        "bid_package": "Gói thầu số 03: Thi công xây dựng",
        "selection_method": "dau-thau-rong-rai",
        "legal_documents": [_link("2310/QĐ-UBND", 2023, "Quyết định phê duyệt báo cáo kinh tế - kỹ thuật")],
    },
    {
        "type": "project",
        "slug": "khu-nha-dieu-tri-noi-tru-trung-tam-y-te-huyen",
        "title": "Xây dựng khu nhà điều trị nội trú 5 tầng, Trung tâm Y tế huyện Vĩnh Tường",
        "code": "7981047",
        "kind": "dau-tu-cong",
        "status": "dang-thuc-hien",
        "investor": BQLDA,
        "field": "Y tế",
        "location": "Trung tâm Y tế huyện Vĩnh Tường, thị trấn Vĩnh Tường",
        "decided_on": "2024-01-22",
        "total_investment": 65_800_000_000,
        "capital_source": "Ngân sách tỉnh",
        "start_year": 2024,
        "end_year": 2025,
        "summary": "Khu nhà điều trị nội trú 5 tầng, 150 giường bệnh, cùng hệ thống khí y tế, thang máy và "
        "phòng cháy chữa cháy, giảm tình trạng nằm ghép tại các khoa Nội và Nhi.",
        "body": "Đến tháng 6/2025 đã thi công xong phần thô 5 tầng, đang hoàn thiện và lắp đặt hệ thống kỹ thuật; "
        "khối lượng thực hiện đạt khoảng 70%.",
    },
    {
        "type": "project",
        "slug": "mua-sam-thiet-bi-phong-tin-hoc-thcs-2024",
        "title": "Mua sắm thiết bị phòng học tin học cho 6 trường trung học cơ sở năm 2024",
        "code": "IB2400187650",
        "kind": "mua-sam",
        "status": "hoan-thanh",
        "investor": "Phòng Giáo dục và Đào tạo",
        "field": "Giáo dục - Đào tạo",
        "location": "6 trường THCS trên địa bàn huyện Vĩnh Tường",
        "decided_on": "2024-06-25",
        "total_investment": 3_450_000_000,
        "capital_source": "Ngân sách huyện (sự nghiệp giáo dục)",
        "start_year": 2024,
        "end_year": 2024,
        "summary": "Mua sắm 210 bộ máy tính, máy chiếu và thiết bị mạng cho phòng học tin học, đáp ứng Chương "
        "trình giáo dục phổ thông 2018.",
        "body": "Thiết bị đã được bàn giao, lắp đặt và đưa vào sử dụng từ tháng 9/2024. Tên nhà thầu là tên minh "
        "họa của dữ liệu mẫu.",
        "bid_package": "Mua sắm, lắp đặt thiết bị phòng học tin học",
        "selection_method": "chao-hang-canh-tranh",
        "bid_opening_on": "2024-07-16",
        "winning_bidder": "Công ty TNHH Thiết bị Giáo dục An Phát",
        "contract_value": 3_298_500_000,
        "legal_documents": [_link("1532/QĐ-UBND", 2024, "Quyết định phê duyệt kế hoạch lựa chọn nhà thầu")],
    },
    {
        "type": "project",
        "slug": "nha-may-nuoc-sach-lien-xa-vinh-ninh-phu-da",
        "title": "Nhà máy nước sạch liên xã Vĩnh Ninh – Phú Đa",
        "kind": "dau-tu-cong",
        "status": "chuan-bi",
        "investor": BQLDA,
        "field": "Nông nghiệp - Nông thôn",
        "location": "Xã Vĩnh Ninh và xã Phú Đa, huyện Vĩnh Tường",
        "decided_on": "2025-04-18",
        "total_investment": 95_000_000_000,
        "capital_source": "Vốn Chương trình mục tiêu quốc gia xây dựng nông thôn mới; ngân sách tỉnh; ngân sách huyện",
        "start_year": 2025,
        "summary": "Nhà máy xử lý nước mặt sông Hồng công suất 6.000 m³/ngày đêm và mạng lưới đường ống cấp nước "
        "sạch cho khoảng 4.200 hộ dân của hai xã ven sông.",
        "body": "Đã được phê duyệt chủ trương đầu tư; đang lập báo cáo nghiên cứu khả thi và khảo sát địa chất "
        "khu vực đặt trạm bơm nước thô.",
    },
    {
        "type": "project",
        "slug": "ha-tang-khu-dau-gia-dat-xu-dong-cua-dinh-vinh-thinh",
        "title": "Hạ tầng kỹ thuật khu đấu giá quyền sử dụng đất xứ đồng Cửa Đình, xã Vĩnh Thịnh",
        "kind": "dau-tu-cong",
        "status": "tam-dung",
        "investor": BQLDA,
        "field": "Đất đai",
        "location": "Xã Vĩnh Thịnh, huyện Vĩnh Tường",
        "decided_on": "2024-02-27",
        "total_investment": 22_600_000_000,
        "capital_source": "Ngân sách huyện (từ nguồn thu tiền sử dụng đất)",
        "start_year": 2024,
        "end_year": 2025,
        "summary": "San nền, đường nội bộ, thoát nước và cấp điện cho 96 lô đất ở đấu giá quyền sử dụng đất, "
        "diện tích 2,8 ha.",
        "body": "Tạm dừng thi công từ tháng 01/2025 để hoàn thiện thủ tục chuyển mục đích sử dụng đất trồng lúa "
        "theo Luật Đất đai năm 2024; khối lượng đã thực hiện khoảng 35%.",
    },
]

# --- statistics pages ----------------------------------------------------------------------------


def _table(caption: str, columns: list[tuple[str, str]], rows: list[list], unit: str = "", source: str = "") -> dict:
    """One table of a ``statistics`` record: ``columns`` (heading, "text"|"number"), ``rows`` of values
    (numbers written as a machine writes them, "101.7")."""
    return {
        "caption": caption,
        "columns": [{"heading": heading, "type": kind} for heading, kind in columns],
        "rows": [[v if v is None or isinstance(v, int | str) else str(v) for v in row] for row in rows],
        "unit": unit,
        "source": source,
    }


D = Decimal
INDICATOR_COLUMNS = [
    ("Chỉ tiêu", "text"),
    ("Đơn vị tính", "text"),
    ("Kế hoạch năm 2024", "number"),
    ("Thực hiện năm 2024", "number"),
    ("So với kế hoạch (%)", "number"),
]
BUDGET_COLUMNS = [
    ("Nội dung", "text"),
    ("Dự toán năm 2024", "number"),
    ("Thực hiện năm 2024", "number"),
    ("So với dự toán (%)", "number"),
]
STATISTICS = [
    {
        "slug": "chi-tieu-kinh-te-xa-hoi-chu-yeu-nam-2024",
        "title": "Một số chỉ tiêu kinh tế – xã hội chủ yếu năm 2024",
        "period_kind": "nam",
        "year": 2024,
        "publishing_unit": "Phòng Tài chính - Kế hoạch",
        "published_on": date(2025, 1, 10),
        "intro": "Kết quả thực hiện các chỉ tiêu kinh tế – xã hội chủ yếu năm 2024 theo Nghị quyết của HĐND "
        "huyện, số liệu ước thực hiện cả năm tại Báo cáo của UBND huyện trình kỳ họp cuối năm.",
        "tables": [
            _table(
                "Chỉ tiêu kinh tế – xã hội chủ yếu năm 2024",
                INDICATOR_COLUMNS,
                [
                    ["Tổng giá trị sản xuất (giá so sánh 2010)", "tỷ đồng", 21500, 21870, D("101.7")],
                    ["Tốc độ tăng giá trị sản xuất", "%", D("8.5"), D("8.9"), None],
                    ["Giá trị sản xuất nông, lâm nghiệp, thủy sản", "tỷ đồng", 2150, 2178, D("101.3")],
                    ["Giá trị sản xuất công nghiệp – xây dựng", "tỷ đồng", 12400, 12650, D("102.0")],
                    ["Giá trị sản xuất thương mại – dịch vụ", "tỷ đồng", 6950, 7042, D("101.3")],
                    ["Thu nhập bình quân đầu người", "triệu đồng", 72, D("74.5"), D("103.5")],
                    ["Tỷ lệ hộ nghèo (chuẩn nghèo đa chiều 2022 – 2025)", "%", D("1.2"), D("0.98"), None],
                    ["Tỷ lệ dân số tham gia bảo hiểm y tế", "%", D("94.5"), D("95.1"), None],
                    ["Số xã đạt chuẩn nông thôn mới nâng cao (lũy kế)", "xã", 15, 16, D("106.7")],
                ],
                source="Báo cáo tình hình kinh tế – xã hội năm 2024 của UBND huyện (số liệu mẫu)",
            ),
        ],
    },
    {
        "slug": "thu-chi-ngan-sach-nam-2024",
        "title": "Thu, chi ngân sách nhà nước trên địa bàn huyện năm 2024",
        "period_kind": "nam",
        "year": 2024,
        "publishing_unit": "Phòng Tài chính - Kế hoạch",
        "published_on": date(2025, 2, 14),
        "intro": "Kết quả thu ngân sách nhà nước trên địa bàn và chi ngân sách địa phương năm 2024 so với dự "
        "toán HĐND huyện giao. Số liệu sơ bộ, chưa quyết toán.",
        "tables": [
            _table(
                "Thu ngân sách nhà nước trên địa bàn năm 2024",
                BUDGET_COLUMNS,
                [
                    ["Tổng thu ngân sách nhà nước trên địa bàn", 1250000, 1386420, D("110.9")],
                    ["Thu từ khu vực công thương nghiệp ngoài quốc doanh", 185000, 201350, D("108.8")],
                    ["Lệ phí trước bạ", 62000, 68910, D("111.1")],
                    ["Thuế thu nhập cá nhân", 38000, 41260, D("108.6")],
                    ["Thu tiền sử dụng đất", 880000, 978600, D("111.2")],
                    ["Thu phí, lệ phí", 12500, 13480, D("107.8")],
                    ["Thu khác ngân sách", 72500, 82820, D("114.2")],
                ],
                unit="triệu đồng",
                source="Phòng Tài chính - Kế hoạch huyện (số liệu mẫu)",
            ),
            _table(
                "Chi ngân sách địa phương năm 2024",
                BUDGET_COLUMNS,
                [
                    ["Tổng chi ngân sách địa phương", 1120000, 1178350, D("105.2")],
                    ["Chi đầu tư phát triển", 520000, 556800, D("107.1")],
                    ["Chi thường xuyên", 578000, 601550, D("104.1")],
                    ["Dự phòng ngân sách", 22000, 20000, D("90.9")],
                ],
                unit="triệu đồng",
                source="Phòng Tài chính - Kế hoạch huyện (số liệu mẫu)",
            ),
        ],
    },
    {
        "slug": "dan-so-trung-binh-theo-xa-thi-tran-nam-2024",
        "title": "Dân số trung bình phân theo xã, thị trấn năm 2024",
        "period_kind": "nam",
        "year": 2024,
        "publishing_unit": "Văn phòng HĐND và UBND",
        "published_on": date(2025, 3, 20),
        "intro": "Diện tích, dân số trung bình và mật độ dân số năm 2024 của các thị trấn và một số xã của "
        "huyện Vĩnh Tường.",
        "tables": [
            _table(
                "Diện tích, dân số trung bình và mật độ dân số năm 2024 (trích)",
                [
                    ("Xã, thị trấn", "text"),
                    ("Diện tích (km²)", "number"),
                    ("Dân số trung bình (người)", "number"),
                    ("Mật độ dân số (người/km²)", "number"),
                ],
                [
                    ["Thị trấn Vĩnh Tường", D("6.12"), 14850, 2426],
                    ["Thị trấn Thổ Tang", D("6.53"), 17960, 2750],
                    ["Thị trấn Tứ Trưng", D("6.87"), 12340, 1796],
                    ["Xã Tân Tiến", D("7.45"), 10215, 1371],
                    ["Xã Vĩnh Sơn", D("5.38"), 8460, 1572],
                    ["Xã Phú Đa", D("8.11"), 7985, 985],
                    ["Xã Vĩnh Ninh", D("6.96"), 6720, 966],
                    ["Xã Đại Đồng", D("7.82"), 11430, 1462],
                    ["Xã Lũng Hòa", D("6.24"), 9870, 1582],
                    ["Xã Yên Bình", D("5.91"), 8125, 1375],
                ],
                source="Chi cục Thống kê huyện Vĩnh Tường (số liệu mẫu)",
            ),
        ],
    },
]

# --- the seed --------------------------------------------------------------------------------------


def seed_projects(today: date) -> Counter:
    """Create what is missing of the demo's decisions, projects (with a PDF each) and statistics
    pages; returns what it did. Nothing is dated after 30 June 2025, whatever ``today`` is."""
    counts = Counter()
    index = projects_index()
    if not index.intro:
        index.intro = PROJECTS_INTRO
        index.save_revision().publish()
        counts["section intro written"] += 1
    for record in DECISIONS:
        counts[f"decisions {import_legal_document(dict(record))}"] += 1
    for record in PROJECTS:
        counts[f"projects {import_project(_copy(record))}"] += 1
        page = ProjectPage.objects.child_of(index).get(slug=record["slug"])
        if not page.files.exists():
            page.files.add(ProjectFile(document=_demo_pdf(page, counts), label=_file_label(page)))
            page.save_revision().publish()
            counts["files attached"] += 1
    counts.update(seed_statistics())
    return counts


def _copy(record: dict) -> dict:
    return {**record, "legal_documents": [dict(link) for link in record.get("legal_documents", [])]}


def _file_label(page: ProjectPage) -> str:
    if page.kind == "ket-qua-lcnt":
        return "Thông báo kết quả lựa chọn nhà thầu"
    if page.kind == "ke-hoach-lcnt":
        return "Kế hoạch lựa chọn nhà thầu"
    if page.kind == "mua-sam":
        return "Hồ sơ yêu cầu gói thầu"
    return "Báo cáo tóm tắt dự án"


def seed_statistics() -> Counter:
    counts = Counter()
    index = ensure_section(StatisticsIndexPage, "Thông tin thống kê", "thong-ke")
    if not index.intro:
        index.intro = STATISTICS_INTRO
        index.save_revision().publish()
        counts["statistics intro written"] += 1
    for spec in STATISTICS:
        if StatisticsPage.objects.child_of(index).filter(slug=spec["slug"]).exists():
            counts["statistics pages unchanged"] += 1
            continue
        import_statistics(statistics_record(spec))
        counts["statistics pages created"] += 1
    return counts


def statistics_record(spec: dict) -> dict:
    """A ``statistics`` import record (docs/import-format.md) of one demo page."""
    return {
        "type": "statistics",
        **{key: value for key, value in spec.items() if key != "published_on"},
        "published_on": spec["published_on"].isoformat(),
        "note": DEMO_NOTE,
    }


def _demo_pdf(page: ProjectPage, counts: Counter):
    Document = get_document_model()  # noqa: N806
    title = f"{_file_label(page)} – {page.title}"[:255]
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    lines = [
        "UY BAN NHAN DAN HUYEN VINH TUONG",
        "",
        strip_marks(_file_label(page)).upper(),
        *wrap(strip_marks(page.title).replace("–", "-"), 80),
        "",
        *wrap(strip_marks(page.summary).replace("–", "-"), 80),
        "",
        "Tai lieu mau cua cong thong tin trinh dien (tao tu dong).",
    ]
    content = pdf_bytes(lines)
    document = Document(
        title=title,
        file=ContentFile(content, name=f"{page.slug[:80]}.pdf"),
        file_size=len(content),
        file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )
    document.save()
    document.tags.add(DEMO_TAG)
    counts["PDF files created"] += 1
    return document
