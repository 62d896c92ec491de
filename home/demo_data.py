"""The demo portal's content, as plain Python literals (used by ``home.demo``).

A believable portal of a district of the former Vĩnh Phúc province (huyện Vĩnh Tường),
as it stood before the district tier was abolished on 1 July 2025.

What is real and what is not:
- National documents (laws, decrees, circulars, the Prime Minister's decisions) carry
  their real numbers, dates and subjects; their bodies are short summaries written for
  the demo, not the official text. A signer is given only where it is well known.
- Provincial and district documents, the people who sign them, the news articles and
  the contact details are illustrations written for the demo. Any resemblance of a
  local number or name to a real one is a coincidence.

Records are in the shape of the JSON Lines import (docs/import-format.md): the seed
feeds them to the same handlers as ``manage.py import_content``. Documents are listed
so that a relation's target comes before the document that refers to it.

Directives and tasks (at the end) are dated in days relative to the day the seed runs, so
that every task status shows; a seed on a later day updates those dates (see there).
"""

from datetime import date
from decimal import Decimal


def _p(*paragraphs: str) -> str:
    """Plain-text body: blank lines separate paragraphs (the import format's rule)."""
    return "\n\n".join(paragraphs)


# --- the authority -------------------------------------------------------------------

PORTAL_NAME = "Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường"

AUTHORITY = {
    "authority_name": "Ủy ban nhân dân huyện Vĩnh Tường",
    "administrative_level": "Huyện",
    "address": "Khu hành chính huyện, thị trấn Vĩnh Tường, huyện Vĩnh Tường, tỉnh Vĩnh Phúc",
    "phone": "0211 3838 216",
    "email": "ubnd@vinhtuong.vinhphuc.gov.vn",
    "editorial_board_head": "Trần Thị Thanh Hà, Phó Chủ tịch UBND huyện, Trưởng Ban Biên tập",
    "license_note": "Ghi rõ nguồn “Cổng TTĐT huyện Vĩnh Tường” khi phát hành lại thông tin từ Cổng.",
}

HOME = {
    "title": PORTAL_NAME,
    "intro": (
        "<p>Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường là kênh thông tin chính thức của "
        "Ủy ban nhân dân huyện Vĩnh Tường, tỉnh Vĩnh Phúc: tin tức, sự kiện; thông tin chỉ đạo, điều hành; "
        "văn bản quy phạm pháp luật và văn bản chỉ đạo của các cấp; thủ tục hành chính và hỏi đáp "
        "của người dân, doanh nghiệp.</p>"
        "<p>Từ ngày 01/7/2025, chính quyền địa phương cấp huyện kết thúc hoạt động theo mô hình chính quyền "
        "địa phương hai cấp; Cổng được duy trì để lưu trữ và tra cứu thông tin, văn bản của huyện.</p>"
    ),
}

# --- taxonomy --------------------------------------------------------------------------

UBND_HUYEN = "Ủy ban nhân dân huyện Vĩnh Tường"
UBND_TINH = "Ủy ban nhân dân tỉnh Vĩnh Phúc"

# (name, short code, parent name or None). Parents come before their children.
AGENCIES = [
    ("Quốc hội", "QH", None),
    ("Chính phủ", "CP", None),
    ("Thủ tướng Chính phủ", "TTg", "Chính phủ"),
    ("Bộ Thông tin và Truyền thông", "BTTTT", "Chính phủ"),
    ("Bộ Tài chính", "BTC", "Chính phủ"),
    ("Bộ Kế hoạch và Đầu tư", "BKHĐT", "Chính phủ"),
    ("Hội đồng nhân dân tỉnh Vĩnh Phúc", "HĐND", None),
    (UBND_TINH, "UBND", None),
    ("Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc", "STTTT", UBND_TINH),
    ("Ủy ban nhân dân tỉnh Phú Thọ", "UBND", None),
    ("Hội đồng nhân dân huyện Vĩnh Tường", "HĐND", None),
    (UBND_HUYEN, "UBND", UBND_TINH),
    # The huyện's departments; names as in shared/data/sample-content.jsonl.
    ("Văn phòng HĐND và UBND", "VP", UBND_HUYEN),
    ("Phòng Tài nguyên và Môi trường", "TNMT", UBND_HUYEN),
    ("Phòng Giáo dục và Đào tạo", "PGDĐT", UBND_HUYEN),
    ("Phòng Văn hóa và Thông tin", "VHTT", UBND_HUYEN),
    ("Phòng Tài chính - Kế hoạch", "TCKH", UBND_HUYEN),
    ("Phòng Nội vụ", "NV", UBND_HUYEN),
    ("Ban Quản lý dự án đầu tư xây dựng", "BQLDA", UBND_HUYEN),
    # Lead and coordinating units of the tracked tasks (TASKS below).
    ("Phòng Kinh tế và Hạ tầng", "KTHT", UBND_HUYEN),
    ("Phòng Nông nghiệp và Phát triển nông thôn", "NNPTNT", UBND_HUYEN),
    ("Phòng Y tế", "YT", UBND_HUYEN),
    ("Phòng Tư pháp", "TP", UBND_HUYEN),
    ("Thanh tra huyện", "TTr", UBND_HUYEN),
    ("Trung tâm Văn hóa - Thông tin và Thể thao huyện", "TTVHTTTT", UBND_HUYEN),
    ("Trung tâm Y tế huyện Vĩnh Tường", "TTYT", None),
    ("Công an huyện Vĩnh Tường", "CA", None),
    ("Ban Chỉ huy Quân sự huyện Vĩnh Tường", "BCHQS", None),
    ("Ủy ban nhân dân thị trấn Vĩnh Tường", "UBND", UBND_HUYEN),
    ("Ủy ban nhân dân thị trấn Thổ Tang", "UBND", UBND_HUYEN),
    ("Ủy ban nhân dân xã Tân Tiến", "UBND", UBND_HUYEN),
    ("Ủy ban nhân dân xã Vĩnh Sơn", "UBND", UBND_HUYEN),
    ("Ủy ban nhân dân xã Phú Đa", "UBND", UBND_HUYEN),
    ("Ủy ban nhân dân xã Vĩnh Ninh", "UBND", UBND_HUYEN),
]

# (name, abbreviation, is_normative). Quyết định and Nghị quyết are administrative unless
# they carry a normative number (with a year); the flag is the type's usual nature.
DOCUMENT_TYPES = [
    ("Luật", "", True),
    ("Nghị quyết", "NQ", False),
    ("Nghị định", "NĐ", True),
    ("Thông tư", "TT", True),
    ("Thông tư liên tịch", "TTLT", True),
    ("Quyết định", "QĐ", False),
    ("Chỉ thị", "CT", False),
    ("Kế hoạch", "KH", False),
    ("Thông báo", "TB", False),
    ("Hướng dẫn", "HD", False),
    ("Công văn", "", False),
    ("Báo cáo", "BC", False),
    ("Công điện", "CĐ", False),
]

# --- legal documents -------------------------------------------------------------------

CHU_TICH_HUYEN = ("Nguyễn Quang Huy", "Chủ tịch UBND huyện")
PHO_CHU_TICH_HUYEN = ("Trần Thị Thanh Hà", "Phó Chủ tịch UBND huyện")
PHO_CHU_TICH_HUYEN_2 = ("Đỗ Văn Khánh", "Phó Chủ tịch UBND huyện")
PHO_CHU_TICH_HUYEN_3 = ("Phạm Văn Lợi", "Phó Chủ tịch UBND huyện")
PHO_CHU_TICH_TINH = ("Lê Minh Quang", "Phó Chủ tịch UBND tỉnh")


def _signed(person: tuple[str, str]) -> dict:
    return {"signer": person[0], "signer_title": person[1]}


LEGAL_DOCUMENTS = [
    # --- national ------------------------------------------------------------------
    {
        "number": "43/2011/NĐ-CP",
        "document_type": "Nghị định",
        "issuing_body": "Chính phủ",
        "summary": (
            "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử "
            "hoặc cổng thông tin điện tử của cơ quan nhà nước"
        ),
        "issued_on": "2011-06-13",
        "effective_on": "2011-08-01",
        "expires_on": "2022-08-15",
        "status": "het_hieu_luc_toan_bo",
        "signer": "Nguyễn Tấn Dũng",
        "signer_title": "Thủ tướng Chính phủ",
        "fields": ["Công nghệ thông tin", "Thông tin - Truyền thông"],
        "body": _p(
            "Nghị định quy định việc cung cấp thông tin và dịch vụ công trực tuyến trên cổng thông tin điện tử, "
            "trang thông tin điện tử của các bộ, cơ quan ngang bộ, cơ quan thuộc Chính phủ và Ủy ban nhân dân "
            "các cấp.",
            "Nghị định xác định các nhóm thông tin bắt buộc phải cung cấp: giới thiệu tổ chức bộ máy, tin tức "
            "sự kiện, thông tin chỉ đạo điều hành, văn bản quy phạm pháp luật, chiến lược và quy hoạch, thủ tục "
            "hành chính, dự án và mua sắm công, mục lấy ý kiến góp ý của tổ chức, cá nhân.",
            "Nghị định hết hiệu lực kể từ ngày 15/8/2022, được thay thế bởi Nghị định số 42/2022/NĐ-CP.",
        ),
        "relations": [{"type": "based_on", "number": "67/2006/QH11"}],
    },
    {
        "number": "19/2012/TTLT-BTC-BKHĐT-BTTTT",
        "document_type": "Thông tư liên tịch",
        "issuing_body": ["Bộ Tài chính", "Bộ Kế hoạch và Đầu tư", "Bộ Thông tin và Truyền thông"],
        "summary": (
            "Hướng dẫn quản lý và sử dụng kinh phí thực hiện Chương trình quốc gia về ứng dụng công nghệ "
            "thông tin trong hoạt động của cơ quan nhà nước"
        ),
        "issued_on": "2012-02-15",
        "fields": ["Tài chính - Ngân sách", "Công nghệ thông tin"],
        "body": _p(
            "Thông tư liên tịch hướng dẫn việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí thực hiện "
            "Chương trình quốc gia về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước.",
            "Văn bản do Bộ Tài chính chủ trì, cùng Bộ Kế hoạch và Đầu tư và Bộ Thông tin và Truyền thông ban hành.",
        ),
    },
    {
        "number": "18/2014/NĐ-CP",
        "document_type": "Nghị định",
        "issuing_body": "Chính phủ",
        "summary": "Quy định về chế độ nhuận bút trong lĩnh vực báo chí, xuất bản",
        "issued_on": "2014-03-14",
        "effective_on": "2014-06-01",
        "status": "con_hieu_luc",
        "fields": ["Thông tin - Truyền thông"],
        "body": _p(
            "Nghị định quy định về chế độ nhuận bút, thù lao đối với tác giả, chủ sở hữu quyền tác giả của "
            "tác phẩm được sử dụng trong lĩnh vực báo chí, xuất bản.",
            "Nhuận bút được tính bằng hệ số nhân với giá trị một đơn vị hệ số; giá trị một đơn vị hệ số bằng "
            "10% mức lương cơ sở. Cơ quan nhà nước có trang thông tin điện tử vận dụng quy định của Nghị định "
            "để chi trả nhuận bút, thù lao.",
        ),
    },
    {
        "number": "80/2015/QH13",
        "document_type": "Luật",
        "issuing_body": "Quốc hội",
        "summary": "Luật Ban hành văn bản quy phạm pháp luật",
        "issued_on": "2015-06-22",
        "effective_on": "2016-07-01",
        "expires_on": "2025-04-01",
        "status": "het_hieu_luc_toan_bo",
        "signer": "Nguyễn Sinh Hùng",
        "signer_title": "Chủ tịch Quốc hội",
        "fields": ["Bộ máy hành chính"],
        "body": _p(
            "Luật quy định nguyên tắc, thẩm quyền, hình thức, trình tự, thủ tục xây dựng, ban hành văn bản quy "
            "phạm pháp luật; trách nhiệm của cơ quan, tổ chức, cá nhân trong xây dựng, ban hành văn bản.",
            "Luật được sửa đổi, bổ sung năm 2020 và hết hiệu lực từ ngày 01/4/2025, khi Luật Ban hành văn bản "
            "quy phạm pháp luật số 64/2025/QH15 có hiệu lực.",
        ),
    },
    {
        "number": "104/2016/QH13",
        "document_type": "Luật",
        "issuing_body": "Quốc hội",
        "summary": "Luật Tiếp cận thông tin",
        "issued_on": "2016-04-06",
        "effective_on": "2018-07-01",
        "status": "con_hieu_luc",
        "signer": "Nguyễn Thị Kim Ngân",
        "signer_title": "Chủ tịch Quốc hội",
        "fields": ["Thông tin - Truyền thông", "Bộ máy hành chính"],
        "body": _p(
            "Luật quy định về việc thực hiện quyền tiếp cận thông tin của công dân, nguyên tắc, trình tự, thủ "
            "tục thực hiện quyền tiếp cận thông tin, trách nhiệm của cơ quan nhà nước trong việc bảo đảm quyền "
            "tiếp cận thông tin của công dân.",
            "Cơ quan nhà nước phải công khai thông tin trên cổng thông tin điện tử, trang thông tin điện tử và "
            "cung cấp thông tin theo yêu cầu của công dân.",
        ),
    },
    {
        "number": "17/NQ-CP",
        "document_type": "Nghị quyết",
        "issuing_body": "Chính phủ",
        "summary": (
            "Về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2019 – 2020, "
            "định hướng đến 2025"
        ),
        "issued_on": "2019-03-07",
        "status": "con_hieu_luc",
        "signer": "Nguyễn Xuân Phúc",
        "signer_title": "Thủ tướng Chính phủ",
        "fields": ["Công nghệ thông tin", "Cải cách hành chính"],
        "body": _p(
            "Nghị quyết đề ra các chỉ tiêu, nhiệm vụ và giải pháp trọng tâm để phát triển Chính phủ điện tử: "
            "hoàn thiện thể chế, xây dựng các cơ sở dữ liệu quốc gia nền tảng, phát triển dịch vụ công trực "
            "tuyến và hệ thống thông tin báo cáo.",
            "Ủy ban nhân dân các cấp có trách nhiệm xây dựng kế hoạch triển khai, bố trí kinh phí và báo cáo "
            "kết quả thực hiện định kỳ.",
        ),
    },
    {
        "number": "30/2020/NĐ-CP",
        "document_type": "Nghị định",
        "issuing_body": "Chính phủ",
        "summary": "Về công tác văn thư",
        "issued_on": "2020-03-05",
        "effective_on": "2020-03-05",
        "status": "con_hieu_luc",
        "fields": ["Văn thư - Lưu trữ"],
        "body": _p(
            "Nghị định quy định về công tác văn thư và quản lý nhà nước về công tác văn thư: thể thức, kỹ thuật "
            "trình bày văn bản hành chính, quản lý văn bản đi, văn bản đến, lập hồ sơ và nộp lưu hồ sơ, quản lý "
            "và sử dụng con dấu.",
            "Phụ lục của Nghị định quy định chữ viết tắt tên loại văn bản hành chính (QĐ, CT, TB, KH, HD…) dùng "
            "trong số, ký hiệu văn bản.",
        ),
        "relations": [
            {"type": "replaces", "number": "110/2004/NĐ-CP"},
            {"type": "replaces", "number": "09/2010/NĐ-CP"},
        ],
    },
    {
        "number": "749/QĐ-TTg",
        "document_type": "Quyết định",
        "issuing_body": "Thủ tướng Chính phủ",
        "summary": "Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
        "issued_on": "2020-06-03",
        "status": "con_hieu_luc",
        "signer": "Nguyễn Xuân Phúc",
        "signer_title": "Thủ tướng Chính phủ",
        "fields": ["Công nghệ thông tin"],
        "body": _p(
            "Chương trình xác định mục tiêu kép: phát triển Chính phủ số, kinh tế số, xã hội số, đồng thời hình "
            "thành các doanh nghiệp công nghệ số có năng lực đi ra toàn cầu.",
            "Các bộ, ngành và địa phương xây dựng kế hoạch chuyển đổi số hằng năm, trong đó ưu tiên cung cấp dịch "
            "vụ công trực tuyến và số hóa hồ sơ, kết quả giải quyết thủ tục hành chính.",
        ),
    },
    {
        "number": "06/QĐ-TTg",
        "document_type": "Quyết định",
        "issuing_body": "Thủ tướng Chính phủ",
        "summary": (
            "Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ "
            "chuyển đổi số quốc gia giai đoạn 2022 – 2025, tầm nhìn đến năm 2030"
        ),
        "issued_on": "2022-01-06",
        "status": "con_hieu_luc",
        "signer": "Phạm Minh Chính",
        "signer_title": "Thủ tướng Chính phủ",
        "fields": ["Công nghệ thông tin", "Cải cách hành chính"],
        "body": _p(
            "Đề án (thường gọi là Đề án 06) đặt mục tiêu khai thác Cơ sở dữ liệu quốc gia về dân cư, căn cước "
            "và định danh điện tử để phục vụ giải quyết thủ tục hành chính, cung cấp dịch vụ công trực tuyến.",
            "Ủy ban nhân dân các cấp thành lập tổ công tác triển khai Đề án, rà soát quy trình, cắt giảm giấy "
            "tờ và tuyên truyền người dân kích hoạt tài khoản định danh điện tử.",
        ),
        "relations": [{"type": "based_on", "number": "749/QĐ-TTg"}],
    },
    {
        "number": "42/2022/NĐ-CP",
        "document_type": "Nghị định",
        "issuing_body": "Chính phủ",
        "summary": (
            "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường mạng"
        ),
        "issued_on": "2022-06-24",
        "effective_on": "2022-08-15",
        "status": "con_hieu_luc",
        "fields": ["Công nghệ thông tin", "Thông tin - Truyền thông", "Cải cách hành chính"],
        "body": _p(
            "Nghị định quy định việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên "
            "môi trường mạng, bao gồm cổng thông tin điện tử, cổng dịch vụ công và các kênh cung cấp khác.",
            "Cổng thông tin điện tử phải cung cấp tối thiểu: thông tin giới thiệu, tin tức sự kiện, thông tin "
            "chỉ đạo điều hành, văn bản, chiến lược, quy hoạch, kế hoạch, thủ tục hành chính, dự án đầu tư và "
            "mua sắm công, lấy ý kiến dự thảo văn bản, hỏi đáp.",
            "Dịch vụ công trực tuyến được phân thành dịch vụ công trực tuyến toàn trình và dịch vụ công trực "
            "tuyến một phần, thay cho cách phân mức độ 1 – 4 trước đây.",
            "Nghị định có hiệu lực từ ngày 15/8/2022 và thay thế Nghị định số 43/2011/NĐ-CP.",
        ),
        "relations": [
            {"type": "replaces", "number": "43/2011/NĐ-CP"},
            {"type": "based_on", "number": "104/2016/QH13"},
            {"type": "based_on", "number": "67/2006/QH11"},
        ],
    },
    {
        "number": "24/2023/NĐ-CP",
        "document_type": "Nghị định",
        "issuing_body": "Chính phủ",
        "summary": "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
        "issued_on": "2023-05-14",
        "effective_on": "2023-07-01",
        "expires_on": "2024-07-01",
        "status": "het_hieu_luc_toan_bo",
        "fields": ["Lao động - Tiền lương"],
        "body": _p(
            "Nghị định quy định mức lương cơ sở là 1.800.000 đồng/tháng, áp dụng từ ngày 01/7/2023.",
            "Nghị định hết hiệu lực từ ngày 01/7/2024, được thay thế bởi Nghị định số 73/2024/NĐ-CP.",
        ),
        "relations": [{"type": "replaces", "number": "38/2019/NĐ-CP"}],
    },
    {
        "number": "22/2023/TT-BTTTT",
        "document_type": "Thông tư",
        "issuing_body": "Bộ Thông tin và Truyền thông",
        "summary": (
            "Quy định về cấu trúc, bố cục, yêu cầu kỹ thuật đối với cổng thông tin điện tử, trang thông tin "
            "điện tử của cơ quan nhà nước"
        ),
        "issued_on": "2023-12-20",
        "status": "con_hieu_luc",
        "fields": ["Công nghệ thông tin"],
        "body": _p(
            "Thông tư quy định cấu trúc, bố cục và yêu cầu kỹ thuật đối với cổng thông tin điện tử của cơ quan "
            "nhà nước, bảo đảm thống nhất về giao diện và khả năng truy cập.",
            "Cổng thông tin điện tử phải bảo đảm khả năng tiếp cận cho người khuyết tật, hỗ trợ hiển thị trên "
            "thiết bị di động và sử dụng bộ mã ký tự chữ Việt theo tiêu chuẩn TCVN 6909:2001.",
        ),
        "relations": [{"type": "guides", "number": "42/2022/NĐ-CP"}],
    },
    {
        "number": "31/2024/QH15",
        "document_type": "Luật",
        "issuing_body": "Quốc hội",
        "summary": "Luật Đất đai",
        "issued_on": "2024-01-18",
        "effective_on": "2024-08-01",
        "status": "con_hieu_luc",
        "signer": "Vương Đình Huệ",
        "signer_title": "Chủ tịch Quốc hội",
        "fields": ["Đất đai"],
        "body": _p(
            "Luật quy định về chế độ sở hữu đất đai, quyền hạn và trách nhiệm của Nhà nước đại diện chủ sở hữu "
            "toàn dân về đất đai, quyền và nghĩa vụ của người sử dụng đất.",
            "Bảng giá đất do Ủy ban nhân dân cấp tỉnh xây dựng, trình Hội đồng nhân dân cùng cấp quyết định và "
            "công bố công khai, áp dụng từ ngày 01 tháng 01 hằng năm.",
        ),
        "relations": [{"type": "replaces", "number": "45/2013/QH13"}],
    },
    {
        "number": "73/2024/NĐ-CP",
        "document_type": "Nghị định",
        "issuing_body": "Chính phủ",
        "summary": (
            "Quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ trang"
        ),
        "issued_on": "2024-06-30",
        "effective_on": "2024-07-01",
        "status": "con_hieu_luc",
        "fields": ["Lao động - Tiền lương"],
        "body": _p(
            "Nghị định quy định mức lương cơ sở là 2.340.000 đồng/tháng, áp dụng từ ngày 01/7/2024.",
            "Nghị định đồng thời quy định chế độ tiền thưởng trên cơ sở thành tích công tác đột xuất và kết quả "
            "đánh giá, xếp loại mức độ hoàn thành nhiệm vụ hằng năm; quỹ tiền thưởng bằng 10% tổng quỹ tiền "
            "lương theo chức vụ, chức danh, ngạch, bậc.",
        ),
        "relations": [{"type": "replaces", "number": "24/2023/NĐ-CP"}],
    },
    {
        "number": "63/2020/QH14",
        "document_type": "Luật",
        "issuing_body": "Quốc hội",
        "summary": "Luật sửa đổi, bổ sung một số điều của Luật Ban hành văn bản quy phạm pháp luật",
        "issued_on": "2020-06-18",
        "effective_on": "2021-01-01",
        "expires_on": "2025-04-01",
        "status": "het_hieu_luc_toan_bo",
        "signer": "Nguyễn Thị Kim Ngân",
        "signer_title": "Chủ tịch Quốc hội",
        "fields": ["Bộ máy hành chính"],
        "body": _p(
            "Luật sửa đổi, bổ sung các quy định về thẩm quyền ban hành, trình tự xây dựng văn bản quy phạm pháp "
            "luật và việc đăng công báo, công khai văn bản.",
        ),
        "relations": [{"type": "amends", "number": "80/2015/QH13"}],
    },
    {
        "number": "64/2025/QH15",
        "document_type": "Luật",
        "issuing_body": "Quốc hội",
        "summary": "Luật Ban hành văn bản quy phạm pháp luật",
        "issued_on": "2025-02-19",
        "effective_on": "2025-04-01",
        "status": "con_hieu_luc",
        "signer": "Trần Thanh Mẫn",
        "signer_title": "Chủ tịch Quốc hội",
        "fields": ["Bộ máy hành chính"],
        "body": _p(
            "Luật quy định về thẩm quyền, hình thức, trình tự, thủ tục xây dựng và ban hành văn bản quy phạm "
            "pháp luật, tổ chức thi hành và kiểm tra, rà soát văn bản.",
            "Luật có hiệu lực từ ngày 01/4/2025 và thay thế Luật Ban hành văn bản quy phạm pháp luật năm 2015, "
            "đã được sửa đổi, bổ sung năm 2020.",
        ),
        "relations": [
            {"type": "replaces", "number": "80/2015/QH13"},
            {"type": "replaces", "number": "63/2020/QH14"},
        ],
    },
    {
        "number": "202/2025/QH15",
        "document_type": "Nghị quyết",
        "issuing_body": "Quốc hội",
        "summary": "Về việc sắp xếp đơn vị hành chính cấp tỉnh",
        "issued_on": "2025-06-12",
        "effective_on": "2025-06-12",
        "status": "con_hieu_luc",
        "signer": "Trần Thanh Mẫn",
        "signer_title": "Chủ tịch Quốc hội",
        "fields": ["Bộ máy hành chính"],
        "body": _p(
            "Nghị quyết sắp xếp các đơn vị hành chính cấp tỉnh; cả nước còn 34 đơn vị hành chính cấp tỉnh.",
            "Tỉnh Vĩnh Phúc, tỉnh Hòa Bình và tỉnh Phú Thọ được sắp xếp thành tỉnh mới có tên gọi là tỉnh Phú Thọ.",
        ),
    },
    {
        "number": "72/2025/QH15",
        "document_type": "Luật",
        "issuing_body": "Quốc hội",
        "summary": "Luật Tổ chức chính quyền địa phương",
        "issued_on": "2025-06-16",
        "effective_on": "2025-07-01",
        "status": "con_hieu_luc",
        "signer": "Trần Thanh Mẫn",
        "signer_title": "Chủ tịch Quốc hội",
        "fields": ["Bộ máy hành chính"],
        "body": _p(
            "Luật quy định về đơn vị hành chính và tổ chức, hoạt động của chính quyền địa phương ở các đơn vị "
            "hành chính.",
            "Đơn vị hành chính của nước Cộng hòa xã hội chủ nghĩa Việt Nam gồm hai cấp: cấp tỉnh và cấp xã; "
            "chính quyền địa phương cấp huyện kết thúc hoạt động từ ngày 01/7/2025.",
        ),
        "relations": [{"type": "replaces", "number": "77/2015/QH13"}],
    },
    # --- provincial ----------------------------------------------------------------
    {
        "number": "18/2016/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_TINH,
        "summary": (
            "Ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên cổng, trang thông tin điện tử của "
            "các cơ quan nhà nước tỉnh Vĩnh Phúc"
        ),
        "issued_on": "2016-04-12",
        "effective_on": "2016-04-22",
        "status": "het_hieu_luc_mot_phan",
        **_signed(PHO_CHU_TICH_TINH),
        "fields": ["Công nghệ thông tin", "Thông tin - Truyền thông"],
        "body": _p(
            "Quy chế quy định việc quản lý, vận hành, cập nhật và cung cấp thông tin trên cổng thông tin điện "
            "tử của tỉnh và trang thông tin điện tử của các sở, ban, ngành, Ủy ban nhân dân cấp huyện, cấp xã.",
            "Mỗi cơ quan thành lập Ban Biên tập, ban hành quy chế hoạt động và quy trình biên tập, bảo đảm thông "
            "tin chính xác, kịp thời; báo cáo Sở Thông tin và Truyền thông định kỳ 6 tháng, hằng năm.",
            "Một số điều của Quy chế được sửa đổi, bổ sung bởi Quyết định số 25/2023/QĐ-UBND.",
        ),
        "relations": [{"type": "based_on", "number": "43/2011/NĐ-CP"}],
    },
    {
        "number": "12/2019/NQ-HĐND",
        "document_type": "Nghị quyết",
        "issuing_body": "Hội đồng nhân dân tỉnh Vĩnh Phúc",
        "summary": (
            "Quy định mức chi nhuận bút, thù lao đối với tác phẩm được đăng trên cổng, trang thông tin điện tử "
            "của cơ quan nhà nước trên địa bàn tỉnh Vĩnh Phúc"
        ),
        "issued_on": "2019-07-16",
        "effective_on": "2019-08-01",
        "status": "con_hieu_luc",
        "signer": "Đặng Quốc Bảo",
        "signer_title": "Chủ tịch HĐND tỉnh",
        "fields": ["Thông tin - Truyền thông", "Tài chính - Ngân sách"],
        "body": _p(
            "Nghị quyết quy định khung hệ số nhuận bút đối với từng thể loại tác phẩm: tin, bài, ảnh, bài bình "
            "luận, phỏng vấn, tác phẩm đa phương tiện đăng trên cổng, trang thông tin điện tử.",
            "Trang thông tin điện tử cấp huyện áp dụng mức chi bằng 20% mức chi của Cổng thông tin điện tử tỉnh; "
            "kinh phí chi trả từ nguồn ngân sách giao cho cơ quan chủ quản.",
        ),
        "relations": [{"type": "based_on", "number": "18/2014/NĐ-CP"}],
    },
    {
        "number": "32/2020/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_TINH,
        "summary": (
            "Ban hành Quy định đơn giá bồi thường cây trồng, vật nuôi khi Nhà nước thu hồi đất trên địa bàn "
            "tỉnh Vĩnh Phúc"
        ),
        "issued_on": "2020-08-14",
        "effective_on": "2020-08-25",
        "status": "ngung_hieu_luc",
        **_signed(PHO_CHU_TICH_TINH),
        "fields": ["Đất đai"],
        "body": _p(
            "Quy định đơn giá bồi thường đối với cây hằng năm, cây lâu năm, vật nuôi là thủy sản khi Nhà nước "
            "thu hồi đất trên địa bàn tỉnh.",
            "Quyết định bị ngưng hiệu lực thi hành theo Quyết định số 1873/QĐ-UBND ngày 10/9/2020 của Ủy ban "
            "nhân dân tỉnh để rà soát, điều chỉnh đơn giá cho phù hợp với thực tế.",
        ),
    },
    {
        "number": "1873/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_TINH,
        "summary": "Về việc ngưng hiệu lực thi hành Quyết định số 32/2020/QĐ-UBND ngày 14/8/2020 của UBND tỉnh",
        "issued_on": "2020-09-10",
        "status": "con_hieu_luc",
        **_signed(PHO_CHU_TICH_TINH),
        "fields": ["Đất đai"],
        "body": _p(
            "Ngưng hiệu lực thi hành toàn bộ Quyết định số 32/2020/QĐ-UBND kể từ ngày ký cho đến khi có quyết "
            "định thay thế.",
            "Trong thời gian ngưng hiệu lực, việc bồi thường cây trồng, vật nuôi được thực hiện theo đơn giá đã "
            "được phê duyệt trước ngày 25/8/2020.",
        ),
    },
    {
        "number": "85/HD-STTTT",
        "document_type": "Hướng dẫn",
        "issuing_body": "Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc",
        "summary": (
            "Hướng dẫn cấu trúc, nội dung thông tin tối thiểu trên cổng, trang thông tin điện tử cấp huyện, "
            "cấp xã theo Nghị định số 42/2022/NĐ-CP"
        ),
        "issued_on": "2022-08-08",
        "status": "con_hieu_luc",
        "signer": "Kiều Văn Long",
        "signer_title": "Giám đốc Sở Thông tin và Truyền thông",
        "fields": ["Công nghệ thông tin", "Thông tin - Truyền thông"],
        "body": _p(
            "Hướng dẫn danh mục chuyên mục bắt buộc, thời hạn cập nhật thông tin và yêu cầu về biên tập, kiểm "
            "duyệt tin bài đối với cổng thông tin điện tử cấp huyện và trang thông tin điện tử cấp xã.",
            "Các địa phương rà soát, bổ sung chuyên mục còn thiếu, hoàn thành trước ngày 31/12/2022 và báo cáo "
            "kết quả về Sở Thông tin và Truyền thông.",
        ),
        "relations": [{"type": "guides", "number": "42/2022/NĐ-CP"}],
    },
    {
        "number": "25/2023/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_TINH,
        "summary": (
            "Sửa đổi, bổ sung một số điều của Quy chế quản lý, vận hành và cung cấp thông tin trên cổng, trang "
            "thông tin điện tử của các cơ quan nhà nước tỉnh Vĩnh Phúc ban hành kèm theo Quyết định số "
            "18/2016/QĐ-UBND"
        ),
        "issued_on": "2023-06-09",
        "effective_on": "2023-06-20",
        "status": "con_hieu_luc",
        **_signed(PHO_CHU_TICH_TINH),
        "fields": ["Công nghệ thông tin", "Thông tin - Truyền thông"],
        "body": _p(
            "Sửa đổi quy định về các chuyên mục thông tin bắt buộc, thời hạn cập nhật và trách nhiệm của Ban "
            "Biên tập cho phù hợp với Nghị định số 42/2022/NĐ-CP.",
            "Bổ sung quy định về bảo đảm an toàn thông tin, sao lưu dữ liệu định kỳ và kết nối cổng thông tin "
            "điện tử cấp huyện với Cổng thông tin điện tử tỉnh.",
        ),
        "relations": [
            {"type": "amends", "number": "18/2016/QĐ-UBND"},
            {"type": "based_on", "number": "42/2022/NĐ-CP"},
        ],
    },
    {
        "number": "68/2026/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": "Ủy ban nhân dân tỉnh Phú Thọ",
        "summary": "Ban hành Bảng giá đất trên địa bàn tỉnh Phú Thọ áp dụng từ ngày 01/01/2027",
        "issued_on": "2026-11-20",
        "effective_on": "2027-01-01",
        "status": "chua_co_hieu_luc",
        "signer": "Vũ Hữu Nghĩa",
        "signer_title": "Phó Chủ tịch UBND tỉnh",
        "fields": ["Đất đai"],
        "body": _p(
            "Ban hành Bảng giá đất áp dụng trên địa bàn tỉnh Phú Thọ, gồm khu vực các xã, phường thuộc tỉnh Vĩnh "
            "Phúc cũ, áp dụng từ ngày 01/01/2027.",
            "Bảng giá đất là căn cứ tính tiền sử dụng đất, tiền thuê đất, thuế sử dụng đất, phí và lệ phí trong "
            "quản lý, sử dụng đất đai.",
        ),
        "relations": [{"type": "based_on", "number": "31/2024/QH15"}],
    },
    # --- district ------------------------------------------------------------------
    {
        "number": "959/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_HUYEN,
        "summary": "Về việc kiện toàn Ban Biên tập Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường",
        "issued_on": "2019-04-15",
        "effective_on": "2019-04-15",
        "expires_on": "2023-08-21",
        "status": "het_hieu_luc_toan_bo",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Thông tin - Truyền thông", "Bộ máy hành chính"],
        "body": _p(
            "Kiện toàn Ban Biên tập Cổng Thông tin – Giao tiếp điện tử huyện gồm 11 thành viên do đồng chí Phó "
            "Chủ tịch UBND huyện làm Trưởng ban; Chánh Văn phòng HĐND và UBND huyện làm Phó Trưởng ban thường "
            "trực.",
            "Ban Biên tập có nhiệm vụ tổ chức thu thập, biên tập, kiểm duyệt và đăng tải thông tin; đề xuất chế "
            "độ nhuận bút; bảo đảm Cổng hoạt động thông suốt, an toàn.",
            "Quyết định hết hiệu lực khi Quyết định số 2150/QĐ-UBND ngày 21/8/2023 có hiệu lực.",
        ),
        "relations": [
            {"type": "based_on", "number": "43/2011/NĐ-CP"},
            {"type": "based_on", "number": "18/2016/QĐ-UBND"},
        ],
    },
    {
        "number": "123/TB-UBND",
        "document_type": "Thông báo",
        "issuing_body": UBND_HUYEN,
        "summary": (
            "Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc về kết quả kiểm tra hoạt động Cổng "
            "Thông tin – Giao tiếp điện tử huyện"
        ),
        "issued_on": "2019-10-31",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Thông tin - Truyền thông"],
        "body": _p(
            "Ngày 22/10/2019, Đoàn kiểm tra của Sở Thông tin và Truyền thông đã kiểm tra hoạt động của Cổng "
            "Thông tin – Giao tiếp điện tử huyện trong thời kỳ từ 01/01/2018 đến 30/9/2019. Đoàn ghi nhận Cổng "
            "cơ bản đáp ứng yêu cầu của Nghị định số 43/2011/NĐ-CP, đồng thời chỉ ra một số tồn tại, hạn chế.",
            "Chủ tịch UBND huyện kết luận: giao Ban Biên tập khắc phục ngay các tồn tại; bổ sung chuyên mục dự "
            "án đầu tư, đấu thầu, mua sắm công và mục lấy ý kiến dự thảo văn bản; xây dựng kế hoạch nâng cấp "
            "Cổng năm 2020.",
            "Văn phòng HĐND và UBND huyện chủ trì, phối hợp Phòng Văn hóa và Thông tin thực hiện, báo cáo kết "
            "quả trước ngày 31/12/2019.",
        ),
    },
    {
        "number": "3312/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_HUYEN,
        "summary": "Ban hành Quy chế hoạt động của Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường",
        "issued_on": "2019-12-20",
        "effective_on": "2019-12-20",
        "expires_on": "2023-09-25",
        "status": "het_hieu_luc_toan_bo",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Thông tin - Truyền thông", "Công nghệ thông tin"],
        "body": _p(
            "Quy chế quy định nguyên tắc, nội dung thông tin, trách nhiệm cung cấp thông tin của các cơ quan, "
            "đơn vị và Ủy ban nhân dân các xã, thị trấn cho Cổng Thông tin – Giao tiếp điện tử huyện.",
            "Các phòng, ban chuyên môn và Ủy ban nhân dân các xã, thị trấn cử cán bộ đầu mối, cung cấp tối "
            "thiểu 02 tin, bài mỗi tháng; văn bản chỉ đạo, điều hành được đăng tải chậm nhất 02 ngày làm việc "
            "kể từ ngày ban hành.",
        ),
        "relations": [
            {"type": "based_on", "number": "43/2011/NĐ-CP"},
            {"type": "based_on", "number": "18/2016/QĐ-UBND"},
        ],
    },
    {
        "number": "45/KH-UBND",
        "document_type": "Kế hoạch",
        "issuing_body": UBND_HUYEN,
        "summary": "Kế hoạch nâng cấp, hoàn thiện Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường năm 2020",
        "issued_on": "2020-02-18",
        **_signed(PHO_CHU_TICH_HUYEN),
        "fields": ["Công nghệ thông tin"],
        "body": _p(
            "Mục tiêu: khắc phục các tồn tại sau kiểm tra; bổ sung đầy đủ chuyên mục theo quy định; nâng cao "
            "chất lượng tin, bài; bảo đảm an toàn thông tin và sao lưu dữ liệu định kỳ.",
            "Nhiệm vụ: nâng cấp giao diện hiển thị trên thiết bị di động; xây dựng trang giới thiệu bằng tiếng "
            "Anh; kết nối Cổng với Hệ thống quản lý văn bản và điều hành; tập huấn cho cán bộ đầu mối các xã, "
            "thị trấn.",
            "Kinh phí thực hiện từ nguồn ngân sách huyện năm 2020, giao Phòng Tài chính - Kế hoạch thẩm định.",
        ),
        "relations": [{"type": "based_on", "number": "18/2016/QĐ-UBND"}],
    },
    {
        "number": "15/NQ-HĐND",
        "document_type": "Nghị quyết",
        "issuing_body": "Hội đồng nhân dân huyện Vĩnh Tường",
        "summary": "Về kế hoạch đầu tư công trung hạn giai đoạn 2021 – 2025 của huyện Vĩnh Tường",
        "issued_on": "2020-12-18",
        "status": "con_hieu_luc",
        "signer": "Phan Thị Ngọc Anh",
        "signer_title": "Chủ tịch HĐND huyện",
        "fields": ["Đầu tư", "Tài chính - Ngân sách"],
        "body": _p(
            "Thông qua danh mục dự án đầu tư công trung hạn giai đoạn 2021 – 2025 sử dụng vốn ngân sách huyện, "
            "ưu tiên giao thông nông thôn, trường học, trạm y tế và hạ tầng chuyển đổi số.",
            "Giao Ủy ban nhân dân huyện tổ chức thực hiện; Thường trực HĐND, các Ban HĐND và đại biểu HĐND huyện "
            "giám sát việc thực hiện Nghị quyết.",
        ),
    },
    {
        "number": "05/CT-UBND",
        "document_type": "Chỉ thị",
        "issuing_body": UBND_HUYEN,
        "summary": (
            "Về tăng cường bảo đảm an toàn, an ninh thông tin mạng trong hoạt động của các cơ quan, đơn vị "
            "trên địa bàn huyện"
        ),
        "issued_on": "2021-04-06",
        "status": "con_hieu_luc",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Công nghệ thông tin"],
        "body": _p(
            "Thủ trưởng các cơ quan, đơn vị chịu trách nhiệm trực tiếp về an toàn thông tin của đơn vị mình; "
            "không soạn thảo, lưu trữ văn bản có nội dung bí mật nhà nước trên máy tính kết nối mạng.",
            "Văn phòng HĐND và UBND huyện rà soát, phân loại hệ thống thông tin theo cấp độ, sao lưu dữ liệu "
            "Cổng Thông tin – Giao tiếp điện tử hằng tuần và kiểm tra, khắc phục lỗ hổng bảo mật.",
        ),
    },
    {
        "number": "03/CT-UBND",
        "document_type": "Chỉ thị",
        "issuing_body": UBND_HUYEN,
        "summary": (
            "Về đẩy mạnh triển khai Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử "
            "(Đề án 06) trên địa bàn huyện"
        ),
        "issued_on": "2022-03-15",
        "status": "con_hieu_luc",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Cải cách hành chính", "Công nghệ thông tin"],
        "body": _p(
            "Yêu cầu các cơ quan, đơn vị và Ủy ban nhân dân các xã, thị trấn quán triệt mục tiêu của Đề án 06, "
            "coi đây là nhiệm vụ trọng tâm của năm 2022.",
            "Công an huyện chủ trì hướng dẫn cấp tài khoản định danh điện tử; bộ phận một cửa các cấp khai thác "
            "dữ liệu dân cư khi giải quyết thủ tục hành chính, không yêu cầu người dân nộp bản sao giấy tờ đã có "
            "trong cơ sở dữ liệu.",
        ),
        "relations": [{"type": "based_on", "number": "06/QĐ-TTg"}],
    },
    {
        "number": "112/KH-UBND",
        "document_type": "Kế hoạch",
        "issuing_body": UBND_HUYEN,
        "summary": "Triển khai thực hiện Nghị định số 42/2022/NĐ-CP của Chính phủ trên địa bàn huyện Vĩnh Tường",
        "issued_on": "2022-08-29",
        "status": "con_hieu_luc",
        **_signed(PHO_CHU_TICH_HUYEN),
        "fields": ["Công nghệ thông tin", "Cải cách hành chính"],
        "body": _p(
            "Rà soát cấu trúc Cổng Thông tin – Giao tiếp điện tử huyện theo quy định mới; bổ sung chuyên mục "
            "thông tin về chiến lược, quy hoạch, kế hoạch và thông tin thống kê.",
            "Công bố danh mục dịch vụ công trực tuyến toàn trình, một phần; liên kết đến Cổng dịch vụ công của "
            "tỉnh; hoàn thành trước ngày 31/12/2022.",
        ),
        "relations": [
            {"type": "based_on", "number": "42/2022/NĐ-CP"},
            {"type": "based_on", "number": "85/HD-STTTT"},
        ],
    },
    {
        "number": "2150/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_HUYEN,
        "summary": "Về việc kiện toàn Ban Biên tập Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường",
        "issued_on": "2023-08-21",
        "effective_on": "2023-08-21",
        "status": "con_hieu_luc",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Thông tin - Truyền thông", "Bộ máy hành chính"],
        "body": _p(
            "Kiện toàn Ban Biên tập gồm 09 thành viên do đồng chí Phó Chủ tịch UBND huyện làm Trưởng ban; giúp "
            "việc Ban Biên tập có tổ biên tập đặt tại Văn phòng HĐND và UBND huyện.",
            "Quyết định thay thế Quyết định số 959/QĐ-UBND ngày 15/4/2019 của Ủy ban nhân dân huyện.",
        ),
        "relations": [
            {"type": "replaces", "number": "959/QĐ-UBND"},
            {"type": "based_on", "number": "42/2022/NĐ-CP"},
        ],
    },
    {
        "number": "2475/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_HUYEN,
        "summary": "Ban hành Quy chế hoạt động của Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường",
        "issued_on": "2023-09-25",
        "effective_on": "2023-09-25",
        "status": "con_hieu_luc",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Thông tin - Truyền thông", "Công nghệ thông tin"],
        "body": _p(
            "Quy chế quy định cấu trúc Cổng, trách nhiệm cung cấp, biên tập, kiểm duyệt thông tin, chế độ nhuận "
            "bút và bảo đảm an toàn thông tin, phù hợp với Nghị định số 42/2022/NĐ-CP và quy chế của tỉnh.",
            "Thông tin chỉ đạo, điều hành và văn bản của huyện được đăng tải chậm nhất 01 ngày làm việc kể từ "
            "ngày ký; lịch công tác của lãnh đạo huyện được cập nhật hằng tuần.",
            "Quyết định thay thế Quyết định số 3312/QĐ-UBND ngày 20/12/2019.",
        ),
        "relations": [
            {"type": "replaces", "number": "3312/QĐ-UBND"},
            {"type": "based_on", "number": "42/2022/NĐ-CP"},
            {"type": "based_on", "number": "25/2023/QĐ-UBND"},
        ],
    },
    {
        "number": "1578/UBND-TCKH",
        "document_type": "Công văn",
        "issuing_body": UBND_HUYEN,
        "summary": "V/v thực hiện mức lương cơ sở mới theo Nghị định số 73/2024/NĐ-CP",
        "issued_on": "2024-07-08",
        **_signed(PHO_CHU_TICH_HUYEN_2),
        "fields": ["Lao động - Tiền lương", "Tài chính - Ngân sách"],
        "body": _p(
            "Đề nghị các cơ quan, đơn vị dự toán thuộc huyện và Ủy ban nhân dân các xã, thị trấn lập bảng lương "
            "theo mức lương cơ sở 2.340.000 đồng/tháng từ ngày 01/7/2024, gửi Phòng Tài chính - Kế hoạch trước "
            "ngày 20/7/2024.",
            "Nhu cầu kinh phí tăng thêm được bảo đảm từ nguồn cải cách tiền lương của đơn vị; trường hợp thiếu, "
            "báo cáo để huyện tổng hợp trình tỉnh bổ sung.",
        ),
        "relations": [{"type": "guides", "number": "73/2024/NĐ-CP"}],
    },
    {
        "number": "02/HD-PGDĐT",
        "document_type": "Hướng dẫn",
        "issuing_body": "Phòng Giáo dục và Đào tạo",
        "summary": "Hướng dẫn thực hiện nhiệm vụ giáo dục mầm non, phổ thông năm học 2024 – 2025",
        "issued_on": "2024-09-03",
        "status": "con_hieu_luc",
        "signer": "Tạ Quang Trung",
        "signer_title": "Trưởng phòng Giáo dục và Đào tạo",
        "fields": ["Giáo dục - Đào tạo"],
        "body": _p(
            "Tiếp tục thực hiện Chương trình giáo dục phổ thông 2018; bảo đảm đủ giáo viên theo định mức; nâng "
            "cao chất lượng giáo dục toàn diện, giáo dục kỹ năng sống và an toàn trường học.",
            "Đẩy mạnh chuyển đổi số: 100% trường học sử dụng sổ điểm điện tử, học bạ số; thu học phí, các khoản "
            "thu không dùng tiền mặt.",
        ),
    },
    {
        "number": "2765/QĐ-UBND",
        "document_type": "Quyết định",
        "issuing_body": UBND_HUYEN,
        "summary": (
            "Phê duyệt báo cáo kinh tế - kỹ thuật đầu tư xây dựng công trình: Cải tạo, nâng cấp đường giao "
            "thông liên xã Tân Tiến – Vĩnh Sơn"
        ),
        "issued_on": "2024-10-15",
        "status": "con_hieu_luc",
        **_signed(PHO_CHU_TICH_HUYEN_2),
        "fields": ["Đầu tư", "Xây dựng - Giao thông"],
        "body": _p(
            "Phê duyệt báo cáo kinh tế - kỹ thuật công trình cải tạo, nâng cấp tuyến đường dài 2,4 km, mặt "
            "đường bê tông xi măng rộng 5,5 m, do Ban Quản lý dự án đầu tư xây dựng huyện làm chủ đầu tư.",
            "Tổng mức đầu tư 14,8 tỷ đồng từ nguồn ngân sách huyện theo kế hoạch đầu tư công trung hạn; thời "
            "gian thực hiện năm 2024 – 2025.",
        ),
        "relations": [{"type": "based_on", "number": "15/NQ-HĐND"}],
    },
    {
        "number": "86/TB-UBND",
        "document_type": "Thông báo",
        "issuing_body": UBND_HUYEN,
        "summary": (
            "Về việc kết thúc hoạt động của chính quyền địa phương cấp huyện và chuyển giao hồ sơ, tài liệu, "
            "tài sản cho chính quyền cấp xã"
        ),
        "issued_on": "2025-06-25",
        **_signed(CHU_TICH_HUYEN),
        "fields": ["Bộ máy hành chính", "Văn thư - Lưu trữ"],
        "body": _p(
            "Thực hiện chủ trương tổ chức chính quyền địa phương hai cấp, Ủy ban nhân dân huyện Vĩnh Tường kết "
            "thúc hoạt động từ ngày 01/7/2025.",
            "Các phòng, ban chuyên môn hoàn thành việc bàn giao hồ sơ, tài liệu, tài sản, hồ sơ thủ tục hành "
            "chính đang giải quyết cho Ủy ban nhân dân các xã mới trước ngày 30/6/2025.",
            "Cổng Thông tin – Giao tiếp điện tử huyện được duy trì ở chế độ lưu trữ, phục vụ tra cứu văn bản và "
            "thông tin của huyện.",
        ),
        "relations": [{"type": "based_on", "number": "72/2025/QH15"}],
    },
]

# Documents that get a generated PDF "full text" attachment: (number, first issuing body).
DOCUMENTS_WITH_PDF = [
    ("43/2011/NĐ-CP", "Chính phủ"),
    ("19/2012/TTLT-BTC-BKHĐT-BTTTT", "Bộ Tài chính"),
    ("42/2022/NĐ-CP", "Chính phủ"),
    ("22/2023/TT-BTTTT", "Bộ Thông tin và Truyền thông"),
    ("73/2024/NĐ-CP", "Chính phủ"),
    ("18/2016/QĐ-UBND", UBND_TINH),
    ("959/QĐ-UBND", UBND_HUYEN),
    ("123/TB-UBND", UBND_HUYEN),
    ("45/KH-UBND", UBND_HUYEN),
    ("2150/QĐ-UBND", UBND_HUYEN),
    ("2475/QĐ-UBND", UBND_HUYEN),
    ("1578/UBND-TCKH", UBND_HUYEN),
]

# --- news ----------------------------------------------------------------------------

BBT = "Ban Biên tập Cổng TTĐT huyện"
TTVH = "Trung tâm Văn hóa - Thông tin và Thể thao huyện"

NEWS = [
    {
        "slug": "so-tttt-kiem-tra-cong-thong-tin-giao-tiep-dien-tu-huyen-vinh-tuong",
        "title": "Sở Thông tin và Truyền thông kiểm tra hoạt động Cổng Thông tin – Giao tiếp điện tử huyện Vĩnh Tường",
        "category": "Tin tức - Sự kiện",
        "published_on": "2019-10-23",
        "lead": (
            "Ngày 22/10/2019, Đoàn kiểm tra của Sở Thông tin và Truyền thông tỉnh Vĩnh Phúc đã làm việc với "
            "UBND huyện Vĩnh Tường về việc chấp hành các quy định của pháp luật trong quản lý, vận hành và cung "
            "cấp thông tin trên Cổng Thông tin – Giao tiếp điện tử huyện, thời kỳ từ 01/01/2018 đến 30/9/2019."
        ),
        "body": _p(
            "Tiếp và làm việc với Đoàn có đồng chí Trần Thị Thanh Hà, Phó Chủ tịch UBND huyện, Trưởng Ban Biên "
            "tập Cổng; lãnh đạo Văn phòng HĐND và UBND huyện, Phòng Văn hóa và Thông tin cùng các thành viên "
            "Ban Biên tập.",
            "Theo báo cáo của huyện, trong thời kỳ kiểm tra, Cổng Thông tin – Giao tiếp điện tử huyện đã đăng "
            "tải khoảng 1.800 tin, bài và hơn 3.500 ảnh phản ánh tình hình kinh tế - xã hội, quốc phòng - an "
            "ninh, hoạt động chỉ đạo, điều hành của huyện và các xã, thị trấn; cập nhật văn bản quy phạm pháp "
            "luật, văn bản chỉ đạo điều hành, thủ tục hành chính và trả lời câu hỏi của công dân. Ban Biên tập "
            "được kiện toàn, có quy chế hoạt động, quy trình biên tập và thực hiện chi trả nhuận bút theo quy định.",
            "Qua kiểm tra thực tế, Đoàn đánh giá Cổng cơ bản đáp ứng các yêu cầu về thông tin phải cung cấp "
            "theo Nghị định số 43/2011/NĐ-CP của Chính phủ; giao diện thân thiện, thông tin được cập nhật thường "
            "xuyên, kịp thời, góp phần công khai, minh bạch hoạt động của chính quyền.",
            "Bên cạnh đó, Cổng còn một số hạn chế: chuyên mục chiến lược, quy hoạch và chuyên mục dự án đầu tư, "
            "đấu thầu, mua sắm công chậm cập nhật; chưa có trang giới thiệu bằng tiếng Anh; mục lấy ý kiến góp ý "
            "dự thảo văn bản chưa được duy trì thường xuyên; việc sao lưu dữ liệu chưa thực hiện định kỳ.",
            "Đoàn kiểm tra đề nghị UBND huyện chỉ đạo Ban Biên tập rà soát, bổ sung đầy đủ các chuyên mục bắt "
            "buộc; tăng cường tin, bài từ các phòng, ban và các xã, thị trấn; xây dựng kế hoạch nâng cấp Cổng, "
            "bảo đảm an toàn thông tin và thực hiện chế độ báo cáo định kỳ về Sở. Phó Chủ tịch UBND huyện Trần Thị "
            "Thanh Hà tiếp thu ý kiến của Đoàn và giao các đơn vị liên quan khắc phục trước ngày 31/12/2019.",
        ),
        "author": "Minh Khôi",
        "photographer": "Hoàng Long",
        "source": BBT,
        "tags": ["Cổng thông tin điện tử", "Kiểm tra", "Nghị định 43/2011/NĐ-CP", "Sở Thông tin và Truyền thông"],
    },
    {
        "slug": "hoi-nghi-khac-phuc-ton-tai-sau-kiem-tra-cong-ttdt",
        "title": "Triển khai khắc phục tồn tại, hạn chế sau kiểm tra Cổng Thông tin – Giao tiếp điện tử huyện",
        "category": "Hoạt động chỉ đạo điều hành",
        "published_on": "2019-11-06",
        "lead": (
            "Thực hiện Thông báo kết luận số 123/TB-UBND của Chủ tịch UBND huyện, Ban Biên tập Cổng Thông tin – "
            "Giao tiếp điện tử huyện đã tổ chức hội nghị triển khai các giải pháp khắc phục tồn tại sau kiểm tra."
        ),
        "body": _p(
            "Hội nghị có sự tham dự của cán bộ đầu mối cung cấp thông tin của các phòng, ban chuyên môn và các xã, "
            "thị trấn trên địa bàn huyện.",
            "Ban Biên tập đã phân công cụ thể: Phòng Tài chính - Kế hoạch cung cấp thông tin về dự án đầu tư, "
            "đấu thầu, mua sắm công; Phòng Tư pháp phối hợp cập nhật mục lấy ý kiến dự thảo văn bản; Văn phòng "
            "HĐND và UBND huyện xây dựng trang giới thiệu bằng tiếng Anh.",
            "Đối với yêu cầu bảo đảm an toàn thông tin, từ tháng 11/2019, dữ liệu của Cổng được sao lưu hằng tuần "
            "và lưu trữ tại hai địa điểm khác nhau.",
            "Ban Biên tập đề nghị các đơn vị gửi tin, bài đúng thời hạn, kèm ảnh có chú thích đầy đủ, ghi rõ tên "
            "tác giả để làm căn cứ chi trả nhuận bút.",
        ),
        "author": "Thu Hương",
        "source": BBT,
        "tags": ["Cổng thông tin điện tử", "Ban Biên tập"],
    },
    {
        "slug": "ngay-hoi-dai-doan-ket-toan-dan-toc-2019",
        "title": "Rộn ràng Ngày hội Đại đoàn kết toàn dân tộc ở các khu dân cư",
        "category": "Văn hóa - Xã hội",
        "published_on": "2019-11-15",
        "lead": (
            "Nhân kỷ niệm 89 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam (18/11/1930 – 18/11/2019), các khu "
            "dân cư trên địa bàn huyện đồng loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc."
        ),
        "body": _p(
            "Phần lễ ôn lại truyền thống vẻ vang của Mặt trận Tổ quốc Việt Nam, đánh giá kết quả thực hiện Cuộc "
            "vận động “Toàn dân đoàn kết xây dựng nông thôn mới, đô thị văn minh” tại từng khu dân cư.",
            "Nhiều gia đình văn hóa tiêu biểu, cá nhân có đóng góp trong hiến đất làm đường, xây dựng nhà văn hóa "
            "được biểu dương, khen thưởng.",
            "Phần hội diễn ra sôi nổi với các tiết mục văn nghệ, trò chơi dân gian, mâm cơm đoàn kết, thắt chặt "
            "tình làng nghĩa xóm.",
        ),
        "author": "Phương Thảo",
        "source": TTVH,
        "tags": ["Mặt trận Tổ quốc", "Đại đoàn kết"],
    },
    {
        "slug": "tong-ket-nhiem-vu-phat-trien-kinh-te-xa-hoi-nam-2019",
        "title": "Huyện Vĩnh Tường tổng kết nhiệm vụ phát triển kinh tế - xã hội năm 2019",
        "category": "Kinh tế - Xã hội",
        "published_on": "2020-01-10",
        "lead": (
            "Năm 2019, kinh tế của huyện tiếp tục tăng trưởng khá, thu ngân sách vượt dự toán, an sinh xã hội "
            "được bảo đảm, quốc phòng - an ninh được giữ vững."
        ),
        "body": _p(
            "Giá trị sản xuất các ngành kinh tế ước tăng 9,2% so với năm 2018; cơ cấu kinh tế chuyển dịch theo "
            "hướng tăng tỷ trọng công nghiệp, thương mại - dịch vụ.",
            "Tổng thu ngân sách trên địa bàn đạt 118% dự toán; công tác cải cách hành chính có chuyển biến, tỷ lệ "
            "hồ sơ giải quyết đúng hạn tại bộ phận một cửa đạt trên 98%.",
            "Hội nghị cũng chỉ ra những hạn chế: tiến độ giải phóng mặt bằng một số dự án còn chậm; vi phạm hành "
            "lang giao thông, đất đai chưa được xử lý dứt điểm.",
            "Phát biểu chỉ đạo, Chủ tịch UBND huyện Nguyễn Quang Huy yêu cầu các cơ quan, đơn vị bám sát kế "
            "hoạch năm 2020, tập trung tháo gỡ khó khăn cho doanh nghiệp và đẩy nhanh tiến độ các công trình "
            "trọng điểm.",
        ),
        "author": "Minh Khôi",
        "source": "Văn phòng HĐND và UBND huyện",
        "tags": ["Kinh tế - xã hội", "Tổng kết"],
    },
    {
        "slug": "chu-dong-phong-chong-dich-covid-19",
        "title": "UBND huyện chỉ đạo triển khai quyết liệt các biện pháp phòng, chống dịch COVID-19",
        "category": "Hoạt động chỉ đạo điều hành",
        "published_on": "2020-02-04",
        "lead": (
            "Trước diễn biến phức tạp của dịch bệnh viêm đường hô hấp cấp do chủng mới của vi rút corona, UBND "
            "huyện yêu cầu các cơ quan, đơn vị và các xã, thị trấn triển khai ngay các biện pháp phòng, chống dịch."
        ),
        "body": _p(
            "Ban Chỉ đạo phòng, chống dịch của huyện được kiện toàn, họp giao ban hằng ngày để nắm bắt tình hình "
            "và chỉ đạo kịp thời.",
            "Trung tâm Y tế huyện chuẩn bị đầy đủ cơ số thuốc, vật tư, trang thiết bị; bố trí khu cách ly, sẵn "
            "sàng tiếp nhận, điều trị khi có ca bệnh.",
            "Các xã, thị trấn rà soát người từ vùng có dịch trở về địa phương, hướng dẫn tự theo dõi sức khỏe, "
            "khai báo y tế; tuyên truyền người dân không hoang mang, thực hiện đeo khẩu trang, rửa tay thường xuyên.",
            "Thông tin về tình hình dịch và các văn bản chỉ đạo của huyện được cập nhật liên tục trên Cổng Thông "
            "tin – Giao tiếp điện tử huyện.",
        ),
        "author": "Thu Hương",
        "source": "Văn phòng HĐND và UBND huyện",
        "tags": ["COVID-19", "Y tế"],
    },
    {
        "slug": "khai-giang-nam-hoc-2020-2021",
        "title": "Hơn 38.000 học sinh Vĩnh Tường bước vào năm học 2020 – 2021",
        "category": "Giáo dục",
        "published_on": "2020-09-05",
        "lead": (
            "Sáng 5/9, các trường mầm non, tiểu học và trung học cơ sở trên địa bàn huyện đồng loạt tổ chức lễ "
            "khai giảng năm học mới trong không khí trang trọng, bảo đảm an toàn phòng dịch."
        ),
        "body": _p(
            "Năm học 2020 – 2021 là năm đầu tiên triển khai Chương trình giáo dục phổ thông 2018 đối với lớp 1; "
            "100% giáo viên dạy lớp 1 đã hoàn thành bồi dưỡng chương trình mới.",
            "Trước thềm năm học, huyện đã đầu tư cải tạo, sửa chữa nhiều phòng học, bổ sung thiết bị dạy học; một "
            "số trường được công nhận đạt chuẩn quốc gia.",
            "Dự lễ khai giảng tại các điểm trường, lãnh đạo huyện đã tặng quà học sinh có hoàn cảnh khó khăn, "
            "vượt khó học tốt.",
        ),
        "author": "Phòng Giáo dục và Đào tạo",
        "source": "Phòng Giáo dục và Đào tạo",
        "tags": ["Khai giảng", "Năm học mới"],
    },
    {
        "slug": "vu-xuan-2021-nang-suat-lua-dat-kha",
        "title": "Vụ xuân 2021: năng suất lúa ước đạt 62 tạ/ha",
        "category": "Kinh tế - Xã hội",
        "published_on": "2021-06-08",
        "lead": (
            "Nhờ thời tiết thuận lợi và chủ động phòng trừ sâu bệnh, vụ xuân năm nay nông dân trong huyện thu "
            "hoạch lúa đạt năng suất khá."
        ),
        "body": _p(
            "Toàn huyện gieo cấy hơn 5.600 ha lúa xuân, trong đó diện tích lúa chất lượng cao chiếm khoảng 35%.",
            "Mô hình cánh đồng lớn, cơ giới hóa khâu làm đất và thu hoạch tiếp tục được nhân rộng, giúp giảm chi "
            "phí, tăng hiệu quả sản xuất.",
            "Ngành nông nghiệp khuyến cáo bà con thu hoạch dứt điểm lúa xuân, làm đất kịp thời để gieo cấy vụ mùa "
            "đúng khung thời vụ.",
        ),
        "author": "Hoàng Long",
        "source": TTVH,
        "tags": ["Nông nghiệp", "Vụ xuân"],
    },
    {
        "slug": "cu-tri-vinh-tuong-nao-nuc-di-bau-cu",
        "title": "Cử tri Vĩnh Tường nô nức đi bầu cử đại biểu Quốc hội và đại biểu HĐND các cấp",
        "category": "Tin tức - Sự kiện",
        "published_on": "2021-05-23",
        "lead": (
            "Ngay từ sáng sớm 23/5, cử tri trên địa bàn huyện đã có mặt tại các khu vực bỏ phiếu để thực hiện "
            "quyền và nghĩa vụ công dân, bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ "
            "2021 – 2026."
        ),
        "body": _p(
            "Các khu vực bỏ phiếu được trang trí trang trọng, bố trí đầy đủ nước sát khuẩn, khẩu trang và thực "
            "hiện giãn cách theo quy định phòng, chống dịch.",
            "Lãnh đạo huyện đã đi kiểm tra công tác bầu cử tại nhiều khu vực bỏ phiếu, động viên lực lượng phục "
            "vụ và cử tri.",
            "Đến 17 giờ, tỷ lệ cử tri đi bầu trên địa bàn huyện đạt trên 99%; cuộc bầu cử diễn ra an toàn, đúng luật.",
        ),
        "author": "Minh Khôi",
        "photographer": "Hoàng Long",
        "source": BBT,
        "tags": ["Bầu cử", "Quốc hội khóa XV"],
    },
    {
        "slug": "ky-thi-tot-nghiep-thpt-2021-an-toan",
        "title": "Kỳ thi tốt nghiệp THPT năm 2021 tại Vĩnh Tường diễn ra an toàn, nghiêm túc",
        "category": "Giáo dục",
        "published_on": "2021-07-08",
        "lead": (
            "Hơn 2.300 thí sinh trên địa bàn huyện đã hoàn thành đợt 1 kỳ thi tốt nghiệp trung học phổ thông "
            "năm 2021 tại các điểm thi đặt ở các trường THPT."
        ),
        "body": _p(
            "Các điểm thi được phun khử khuẩn, bố trí phòng chờ và phòng thi dự phòng, thực hiện khai báo y tế "
            "đối với thí sinh, cán bộ coi thi.",
            "Lực lượng công an, y tế, điện lực được huy động hỗ trợ bảo đảm an ninh, an toàn tuyệt đối cho kỳ thi.",
            "Đoàn thanh niên các xã, thị trấn tổ chức hoạt động tiếp sức mùa thi, hỗ trợ nước uống, chỗ nghỉ trưa "
            "cho thí sinh ở xa.",
        ),
        "author": "Phương Thảo",
        "source": "Phòng Giáo dục và Đào tạo",
        "tags": ["Thi tốt nghiệp THPT"],
    },
    {
        "slug": "trao-qua-tet-nham-dan-2022",
        "title": "Trao quà Tết Nhâm Dần 2022 cho gia đình chính sách, hộ nghèo",
        "category": "Văn hóa - Xã hội",
        "published_on": "2022-01-20",
        "lead": (
            "Dịp Tết Nguyên đán Nhâm Dần 2022, huyện đã trao hơn 9.000 suất quà tới người có công với cách mạng, "
            "hộ nghèo, hộ cận nghèo và các đối tượng bảo trợ xã hội."
        ),
        "body": _p(
            "Các đoàn công tác của huyện đã đến thăm, tặng quà các gia đình chính sách tiêu biểu, Mẹ Việt Nam Anh "
            "hùng và các thương binh, bệnh binh nặng.",
            "Bên cạnh nguồn ngân sách, các doanh nghiệp và nhà hảo tâm cũng ủng hộ nhiều suất quà, góp phần để mọi "
            "người, mọi nhà đều được đón Tết.",
            "Việc chi trả được thực hiện công khai, đúng đối tượng, hoàn thành trước ngày 25 tháng Chạp.",
        ),
        "author": "Thu Hương",
        "source": "Phòng Lao động - Thương binh và Xã hội",
        "tags": ["An sinh xã hội", "Tết Nguyên đán"],
    },
    {
        "slug": "day-manh-trien-khai-de-an-06",
        "title": "Đẩy mạnh triển khai Đề án 06 trên địa bàn huyện",
        "category": "Hoạt động chỉ đạo điều hành",
        "published_on": "2022-03-18",
        "lead": (
            "UBND huyện ban hành Chỉ thị số 03/CT-UBND yêu cầu các cơ quan, đơn vị đẩy mạnh triển khai Đề án phát "
            "triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử."
        ),
        "body": _p(
            "Theo Chỉ thị, Đề án 06 là nhiệm vụ trọng tâm năm 2022; người đứng đầu cơ quan, đơn vị chịu trách "
            "nhiệm nếu để chậm tiến độ.",
            "Công an huyện tổ chức các đợt cao điểm thu nhận hồ sơ căn cước công dân, cấp tài khoản định danh điện "
            "tử tại thôn, tổ dân phố, trường học và doanh nghiệp.",
            "Bộ phận một cửa các cấp khai thác dữ liệu dân cư để giải quyết thủ tục hành chính, từng bước không yêu "
            "cầu người dân xuất trình giấy tờ đã có trong cơ sở dữ liệu.",
        ),
        "author": "Minh Khôi",
        "source": "Văn phòng HĐND và UBND huyện",
        "tags": ["Đề án 06", "Chuyển đổi số"],
    },
    {
        "slug": "trien-khai-nghi-dinh-42-2022-nd-cp",
        "title": "Triển khai Nghị định 42/2022/NĐ-CP về cung cấp thông tin và dịch vụ công trực tuyến",
        "category": "Hoạt động chỉ đạo điều hành",
        "published_on": "2022-08-30",
        "lead": (
            "UBND huyện ban hành Kế hoạch số 112/KH-UBND triển khai Nghị định số 42/2022/NĐ-CP của Chính phủ, "
            "có hiệu lực từ ngày 15/8/2022, thay thế Nghị định số 43/2011/NĐ-CP."
        ),
        "body": _p(
            "Nghị định mới quy định cụ thể các thông tin cơ quan nhà nước phải cung cấp trên môi trường mạng và "
            "phân loại dịch vụ công trực tuyến thành toàn trình và một phần.",
            "Theo kế hoạch, Ban Biên tập rà soát cấu trúc Cổng Thông tin – Giao tiếp điện tử huyện, bổ sung chuyên "
            "mục chiến lược, quy hoạch, kế hoạch và thông tin thống kê; công bố danh mục dịch vụ công trực tuyến.",
            "Văn phòng HĐND và UBND huyện chủ trì, phối hợp các phòng, ban hoàn thành các nhiệm vụ trước ngày "
            "31/12/2022.",
        ),
        "author": "Thu Hương",
        "source": BBT,
        "tags": ["Nghị định 42/2022/NĐ-CP", "Cổng thông tin điện tử", "Dịch vụ công trực tuyến"],
    },
    {
        "slug": "tuyen-duong-hoc-sinh-gioi-nam-hoc-2022-2023",
        "title": "Tuyên dương 312 học sinh giỏi, giáo viên tiêu biểu năm học 2022 – 2023",
        "category": "Giáo dục",
        "published_on": "2023-06-10",
        "lead": (
            "UBND huyện tổ chức lễ tuyên dương, khen thưởng học sinh đạt giải trong các kỳ thi học sinh giỏi cấp "
            "tỉnh, cấp quốc gia và giáo viên có thành tích xuất sắc."
        ),
        "body": _p(
            "Năm học 2022 – 2023, học sinh của huyện đạt nhiều giải cao trong kỳ thi học sinh giỏi lớp 9 cấp tỉnh, "
            "xếp trong tốp đầu của tỉnh.",
            "Chất lượng giáo dục đại trà tiếp tục được nâng lên; tỷ lệ học sinh lớp 9 vào trung học phổ thông công "
            "lập đạt cao.",
            "Phát biểu tại buổi lễ, lãnh đạo huyện đề nghị ngành giáo dục tiếp tục đổi mới phương pháp dạy học, "
            "quan tâm bồi dưỡng học sinh năng khiếu và hỗ trợ học sinh yếu.",
        ),
        "author": "Phương Thảo",
        "photographer": "Hoàng Long",
        "source": "Phòng Giáo dục và Đào tạo",
        "tags": ["Khen thưởng", "Học sinh giỏi"],
    },
    {
        "slug": "lien-hoan-van-nghe-quan-chung-2023",
        "title": "Liên hoan văn nghệ quần chúng các xã, thị trấn năm 2023",
        "category": "Văn hóa - Xã hội",
        "published_on": "2023-05-15",
        "lead": (
            "Chào mừng kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh, Liên hoan văn nghệ quần chúng huyện đã thu "
            "hút 24 đội văn nghệ với gần 500 diễn viên không chuyên tham gia."
        ),
        "body": _p(
            "Các tiết mục ca, múa, nhạc, hát chèo, hát văn ca ngợi Đảng, Bác Hồ, quê hương, đất nước và những đổi "
            "thay của nông thôn mới.",
            "Nhiều tiết mục được dàn dựng công phu, mang đậm bản sắc văn hóa vùng đất Vĩnh Tường ven sông Hồng.",
            "Kết thúc liên hoan, Ban Tổ chức trao 3 giải A, 6 giải B và nhiều giải tiết mục xuất sắc.",
        ),
        "author": "Phương Thảo",
        "photographer": "Hoàng Long",
        "source": TTVH,
        "tags": ["Văn nghệ quần chúng", "Văn hóa"],
    },
    {
        "slug": "kien-toan-ban-bien-tap-cong-ttdt-2023",
        "title": "Kiện toàn Ban Biên tập Cổng Thông tin – Giao tiếp điện tử huyện",
        "category": "Tin tức - Sự kiện",
        "published_on": "2023-08-23",
        "lead": (
            "Chủ tịch UBND huyện ký Quyết định số 2150/QĐ-UBND kiện toàn Ban Biên tập Cổng Thông tin – Giao tiếp "
            "điện tử huyện gồm 9 thành viên."
        ),
        "body": _p(
            "Ban Biên tập do đồng chí Trần Thị Thanh Hà, Phó Chủ tịch UBND huyện làm Trưởng ban; giúp việc Ban "
            "Biên tập có tổ biên tập đặt tại Văn phòng HĐND và UBND huyện.",
            "Ban Biên tập có nhiệm vụ xây dựng kế hoạch tuyên truyền, biên tập, kiểm duyệt thông tin trước khi "
            "đăng tải, bảo đảm thông tin chính xác, kịp thời, đúng quy định của Nghị định số 42/2022/NĐ-CP.",
            "Quyết định thay thế Quyết định số 959/QĐ-UBND năm 2019 về việc kiện toàn Ban Biên tập.",
        ),
        "author": "Minh Khôi",
        "source": BBT,
        "tags": ["Ban Biên tập", "Cổng thông tin điện tử"],
    },
    {
        "slug": "thu-ngan-sach-nam-2023-vuot-du-toan",
        "title": "Thu ngân sách năm 2023 vượt dự toán, chi tiêu tiết kiệm, hiệu quả",
        "category": "Kinh tế - Xã hội",
        "published_on": "2023-12-22",
        "lead": (
            "Kỳ họp thường lệ cuối năm của HĐND huyện đánh giá thu ngân sách nhà nước trên địa bàn năm 2023 ước "
            "đạt 112% dự toán, chi ngân sách bảo đảm các nhiệm vụ chính trị của địa phương."
        ),
        "body": _p(
            "Nguồn thu từ tiền sử dụng đất, thuế công thương nghiệp ngoài quốc doanh tăng khá; công tác chống thất "
            "thu thuế được tăng cường.",
            "Chi đầu tư phát triển tập trung cho giao thông nông thôn, trường học và các công trình phúc lợi; chi "
            "thường xuyên được quản lý chặt chẽ, tiết kiệm.",
            "HĐND huyện thông qua dự toán ngân sách năm 2024 và yêu cầu UBND huyện đẩy nhanh giải ngân vốn đầu tư "
            "công ngay từ đầu năm.",
        ),
        "author": "Hoàng Long",
        "source": "Phòng Tài chính - Kế hoạch",
        "tags": ["Ngân sách", "HĐND huyện"],
    },
    {
        "slug": "ap-dung-muc-luong-co-so-moi-tu-1-7-2024",
        "title": "Áp dụng mức lương cơ sở 2,34 triệu đồng/tháng từ ngày 01/7/2024",
        "category": "Hoạt động chỉ đạo điều hành",
        "published_on": "2024-07-09",
        "lead": (
            "UBND huyện ban hành Công văn số 1578/UBND-TCKH hướng dẫn các đơn vị thực hiện mức lương cơ sở mới "
            "theo Nghị định số 73/2024/NĐ-CP của Chính phủ."
        ),
        "body": _p(
            "Theo Nghị định 73/2024/NĐ-CP, mức lương cơ sở tăng từ 1,8 triệu đồng lên 2,34 triệu đồng/tháng, áp "
            "dụng từ ngày 01/7/2024.",
            "Các cơ quan, đơn vị dự toán và UBND các xã, thị trấn lập bảng lương mới, gửi Phòng Tài chính - Kế "
            "hoạch trước ngày 20/7/2024 để thẩm định, bố trí kinh phí.",
            "Nghị định cũng quy định chế độ tiền thưởng dựa trên kết quả đánh giá, xếp loại mức độ hoàn thành "
            "nhiệm vụ hằng năm của cán bộ, công chức, viên chức.",
        ),
        "author": "Thu Hương",
        "source": "Phòng Tài chính - Kế hoạch",
        "tags": ["Tiền lương", "Nghị định 73/2024/NĐ-CP"],
    },
    {
        "slug": "khac-phuc-hau-qua-bao-so-3",
        "title": "Tập trung khắc phục hậu quả bão số 3 và mưa lũ sau bão",
        "category": "Văn hóa - Xã hội",
        "published_on": "2024-09-12",
        "lead": (
            "Mưa lớn do hoàn lưu bão số 3 khiến mực nước sông Hồng dâng cao, nhiều diện tích rau màu ngoài đê "
            "bị ngập; huyện đã huy động lực lượng hỗ trợ người dân di dời tài sản, bảo đảm an toàn."
        ),
        "body": _p(
            "Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn huyện duy trì trực 24/24 giờ, kiểm tra các "
            "tuyến đê, điếm canh đê và các vị trí xung yếu.",
            "Lực lượng quân sự, công an, đoàn viên thanh niên giúp người dân vùng bãi thu hoạch chạy lũ, di chuyển "
            "gia súc, gia cầm lên nơi cao ráo.",
            "Sau khi nước rút, các xã khẩn trương vệ sinh môi trường, phun khử trùng, hướng dẫn bà con khôi phục "
            "sản xuất vụ đông.",
        ),
        "author": "Hoàng Long",
        "photographer": "Hoàng Long",
        "source": TTVH,
        "tags": ["Phòng chống thiên tai", "Bão số 3"],
    },
    {
        "slug": "chuyen-doi-so-trong-truong-hoc",
        "title": "Chuyển đổi số trong trường học: 100% trường dùng sổ điểm điện tử, học bạ số",
        "category": "Giáo dục",
        "published_on": "2024-12-05",
        "lead": (
            "Năm học 2024 – 2025, ngành giáo dục huyện đẩy mạnh chuyển đổi số trong quản lý và dạy học, hướng tới "
            "xây dựng trường học số."
        ),
        "body": _p(
            "Toàn bộ các trường mầm non, tiểu học, trung học cơ sở đã sử dụng phần mềm quản lý nhà trường, sổ "
            "điểm điện tử; học bạ số được triển khai với học sinh tiểu học.",
            "Việc thu học phí và các khoản thu khác được thực hiện qua ngân hàng, ví điện tử, giảm thời gian, "
            "bảo đảm công khai, minh bạch.",
            "Phòng Giáo dục và Đào tạo tổ chức tập huấn kỹ năng số cho giáo viên, khuyến khích xây dựng học liệu "
            "số dùng chung.",
            "Mục tiêu đến hết năm học, 100% cha mẹ học sinh được kết nối với nhà trường qua ứng dụng liên lạc điện tử.",
        ),
        "author": "Phương Thảo",
        "source": "Phòng Giáo dục và Đào tạo",
        "tags": ["Chuyển đổi số", "Giáo dục"],
    },
    {
        "slug": "giao-thuong-soi-dong-tai-tho-tang",
        "title": "Thổ Tang sôi động giao thương những ngày cuối năm",
        "category": "Kinh tế - Xã hội",
        "published_on": "2025-01-16",
        "lead": (
            "Là trung tâm thương mại lâu đời của huyện, thị trấn Thổ Tang những ngày giáp Tết Ất Tỵ nhộn nhịp "
            "người mua, kẻ bán, hàng hóa phong phú, giá cả ổn định."
        ),
        "body": _p(
            "Các cơ sở kinh doanh chủ động nguồn hàng, nhiều mặt hàng thiết yếu được bán bình ổn giá, phục vụ "
            "nhu cầu mua sắm của người dân.",
            "Lực lượng quản lý thị trường tăng cường kiểm tra, xử lý hàng giả, hàng không rõ nguồn gốc, bảo đảm "
            "an toàn thực phẩm.",
            "Thanh toán không dùng tiền mặt ngày càng phổ biến tại các sạp hàng, cửa hàng trên địa bàn.",
        ),
        "author": "Minh Khôi",
        "photographer": "Hoàng Long",
        "source": TTVH,
        "tags": ["Thương mại", "Thổ Tang"],
    },
    {
        "slug": "trien-khai-sap-xep-don-vi-hanh-chinh-cap-xa",
        "title": "Triển khai sắp xếp đơn vị hành chính cấp xã, xây dựng mô hình chính quyền địa phương hai cấp",
        "category": "Hoạt động chỉ đạo điều hành",
        "published_on": "2025-04-18",
        "lead": (
            "UBND huyện tổ chức hội nghị quán triệt chủ trương sắp xếp đơn vị hành chính cấp xã, không tổ chức "
            "cấp huyện, lấy ý kiến cử tri về đề án sắp xếp."
        ),
        "body": _p(
            "Hội nghị thông tin về phương án sắp xếp các xã, thị trấn của huyện thành các xã mới, dự kiến tên gọi "
            "và trụ sở làm việc.",
            "Việc lấy ý kiến cử tri được tổ chức theo hộ gia đình, bảo đảm dân chủ, công khai; kết quả được tổng "
            "hợp báo cáo tỉnh.",
            "UBND huyện yêu cầu các cơ quan, đơn vị giữ vững kỷ luật, kỷ cương, không để gián đoạn việc giải quyết "
            "thủ tục hành chính cho người dân, doanh nghiệp trong thời gian sắp xếp.",
        ),
        "author": "Thu Hương",
        "source": "Văn phòng HĐND và UBND huyện",
        "tags": ["Sắp xếp đơn vị hành chính", "Chính quyền hai cấp"],
    },
    {
        "slug": "hoi-nghi-ket-thuc-hoat-dong-chinh-quyen-cap-huyen",
        "title": "Vĩnh Tường tổng kết hoạt động của chính quyền địa phương cấp huyện",
        "category": "Tin tức - Sự kiện",
        "published_on": "2025-06-28",
        "lead": (
            "Trước thời điểm chính quyền địa phương hai cấp chính thức vận hành từ ngày 01/7/2025, huyện Vĩnh "
            "Tường tổ chức hội nghị tổng kết hoạt động của chính quyền cấp huyện."
        ),
        "body": _p(
            "Hội nghị nhìn lại chặng đường xây dựng và phát triển của huyện, ghi nhận những đóng góp của các thế "
            "hệ cán bộ, đảng viên và nhân dân.",
            "Các phòng, ban chuyên môn đã hoàn thành việc bàn giao hồ sơ, tài liệu, tài sản cho chính quyền các "
            "xã mới theo Thông báo số 86/TB-UBND.",
            "Cổng Thông tin – Giao tiếp điện tử huyện được duy trì ở chế độ lưu trữ để người dân tiếp tục tra cứu "
            "văn bản, thông tin của huyện.",
        ),
        "author": "Minh Khôi",
        "photographer": "Hoàng Long",
        "source": BBT,
        "tags": ["Chính quyền hai cấp", "Tổng kết"],
    },
]

# Pictures for some articles, generated by the seed (no network). Titles are what an
# editor sees in the image library; each title is unique.
NEWS_LEAD_IMAGES = {
    "so-tttt-kiem-tra-cong-thong-tin-giao-tiep-dien-tu-huyen-vinh-tuong": (
        "Đoàn kiểm tra Sở Thông tin và Truyền thông làm việc tại UBND huyện Vĩnh Tường"
    ),
    "tong-ket-nhiem-vu-phat-trien-kinh-te-xa-hoi-nam-2019": "Hội nghị tổng kết kinh tế - xã hội huyện năm 2019",
    "khai-giang-nam-hoc-2020-2021": "Lễ khai giảng năm học 2020 – 2021",
    "cu-tri-vinh-tuong-nao-nuc-di-bau-cu": "Cử tri bỏ phiếu bầu cử ngày 23/5/2021",
    "tuyen-duong-hoc-sinh-gioi-nam-hoc-2022-2023": "Lễ tuyên dương học sinh giỏi năm học 2022 – 2023",
    "lien-hoan-van-nghe-quan-chung-2023": "Tiết mục tại Liên hoan văn nghệ quần chúng năm 2023",
    "khac-phuc-hau-qua-bao-so-3": "Lực lượng xung kích hỗ trợ người dân vùng bãi sông Hồng",
    "giao-thuong-soi-dong-tai-tho-tang": "Chợ Thổ Tang những ngày giáp Tết Ất Tỵ",
    "hoi-nghi-ket-thuc-hoat-dong-chinh-quyen-cap-huyen": "Hội nghị tổng kết hoạt động chính quyền cấp huyện",
}

NEWS_GALLERIES = {
    "so-tttt-kiem-tra-cong-thong-tin-giao-tiep-dien-tu-huyen-vinh-tuong": [
        (
            "Đoàn kiểm tra nghe báo cáo của Ban Biên tập Cổng",
            "Đoàn kiểm tra nghe Ban Biên tập báo cáo kết quả hoạt động.",
        ),
        ("Kiểm tra thực tế hệ thống quản trị nội dung Cổng", "Kiểm tra thực tế hệ thống quản trị nội dung của Cổng."),
        ("Phó Chủ tịch UBND huyện phát biểu tiếp thu kết luận", "Phó Chủ tịch UBND huyện tiếp thu ý kiến của Đoàn."),
    ],
    "cu-tri-vinh-tuong-nao-nuc-di-bau-cu": [
        ("Khu vực bỏ phiếu số 3 thị trấn Thổ Tang", "Khu vực bỏ phiếu được trang trí trang trọng."),
        ("Cử tri cao tuổi bỏ phiếu", "Cử tri cao tuổi sớm có mặt thực hiện quyền công dân."),
        ("Kiểm tra công tác bầu cử", "Lãnh đạo huyện kiểm tra công tác bầu cử tại cơ sở."),
    ],
    "lien-hoan-van-nghe-quan-chung-2023": [
        ("Tiết mục hát chèo của đội văn nghệ xã Vĩnh Sơn", "Tiết mục hát chèo của đội văn nghệ xã Vĩnh Sơn."),
        ("Tiết mục múa của đội văn nghệ xã Tân Tiến", "Tiết mục múa của đội văn nghệ xã Tân Tiến."),
        ("Ban Tổ chức trao giải liên hoan", "Ban Tổ chức trao giải cho các đội đạt giải A."),
        ("Các diễn viên không chuyên chụp ảnh lưu niệm", "Các diễn viên không chuyên chụp ảnh lưu niệm."),
    ],
    "khac-phuc-hau-qua-bao-so-3": [
        ("Kiểm tra tuyến đê sông Hồng", "Ban Chỉ huy phòng, chống thiên tai kiểm tra tuyến đê."),
        ("Hỗ trợ người dân thu hoạch rau màu chạy lũ", "Đoàn viên thanh niên giúp bà con thu hoạch chạy lũ."),
        ("Vệ sinh môi trường sau khi nước rút", "Phun khử trùng, vệ sinh môi trường sau lũ."),
    ],
}

# --- leadership directives and the tasks they assign ------------------------------------
#
# Dates here are DAY OFFSETS from the day the seed runs (0 = today, -30 = thirty days ago),
# because a task's status is derived from today (directives/status.py): to show every
# status on the demo's dashboard, open tasks need deadlines in the past (overdue), within
# three days (due soon), later (on time) or none. ``home.demo`` turns them into import
# records (docs/import-format.md) on the day it runs. Consequences:
# - running the seed again on the same day changes nothing;
# - running it on a later day moves every date by as many days: those pages are updated
#   (a new revision each), and an open task's status keeps its meaning ("overdue" stays
#   overdue by the same number of days);
# - a directive's identity includes its year (numbers restart every year), so a directive
#   whose date moves into another year is imported as a new page; reset the demo database
#   rather than re-seeding across a new year.
# The tracking demo ignores that the district tier ended on 1 July 2025: it is dated now so
# that the tracking features can be shown.

UNIT_VP = "Văn phòng HĐND và UBND"
UNIT_TNMT = "Phòng Tài nguyên và Môi trường"
UNIT_GDDT = "Phòng Giáo dục và Đào tạo"
UNIT_VHTT = "Phòng Văn hóa và Thông tin"
UNIT_TCKH = "Phòng Tài chính - Kế hoạch"
UNIT_NOI_VU = "Phòng Nội vụ"
UNIT_BQLDA = "Ban Quản lý dự án đầu tư xây dựng"
UNIT_KTHT = "Phòng Kinh tế và Hạ tầng"
UNIT_NN = "Phòng Nông nghiệp và Phát triển nông thôn"
UNIT_Y_TE = "Phòng Y tế"
UNIT_TU_PHAP = "Phòng Tư pháp"
UNIT_THANH_TRA = "Thanh tra huyện"
UNIT_TTVH = "Trung tâm Văn hóa - Thông tin và Thể thao huyện"
UNIT_TTYT = "Trung tâm Y tế huyện Vĩnh Tường"
UNIT_CONG_AN = "Công an huyện Vĩnh Tường"
UNIT_QUAN_SU = "Ban Chỉ huy Quân sự huyện Vĩnh Tường"
UNIT_TT_VINH_TUONG = "Ủy ban nhân dân thị trấn Vĩnh Tường"
UNIT_TT_THO_TANG = "Ủy ban nhân dân thị trấn Thổ Tang"
UNIT_XA_TAN_TIEN = "Ủy ban nhân dân xã Tân Tiến"
UNIT_XA_VINH_SON = "Ủy ban nhân dân xã Vĩnh Sơn"
UNIT_XA_PHU_DA = "Ủy ban nhân dân xã Phú Đa"
UNIT_XA_VINH_NINH = "Ủy ban nhân dân xã Vĩnh Ninh"

# The leaders who direct (Official rows of UBND huyện), with their public contact details.
OFFICIALS = [
    {"person": CHU_TICH_HUYEN, "phone": "0211 3838 201", "email": "nqhuy@vinhtuong.vinhphuc.gov.vn"},
    {"person": PHO_CHU_TICH_HUYEN, "phone": "0211 3838 202", "email": "ttha@vinhtuong.vinhphuc.gov.vn"},
    {"person": PHO_CHU_TICH_HUYEN_2, "phone": "0211 3838 203", "email": "dvkhanh@vinhtuong.vinhphuc.gov.vn"},
    {"person": PHO_CHU_TICH_HUYEN_3, "phone": "0211 3838 204", "email": "pvloi@vinhtuong.vinhphuc.gov.vn"},
]

HOP_UBND = "Phòng họp tầng 2, trụ sở HĐND - UBND huyện"

# Import records (type "directive") with "issued" as a day offset, the leader as a
# (name, title) pair, and an optional "meeting" (subject, day offset, place) that the
# import format does not carry (the seed sets it afterwards).
DIRECTIVES = [
    {
        "number": "09/CT-UBND",
        "kind": "directive",
        "issued": -250,
        "summary": (
            "Chỉ thị về tăng cường kỷ luật, kỷ cương hành chính, nâng cao chất lượng giải quyết thủ tục hành chính "
            "cho người dân, doanh nghiệp"
        ),
        "leader": CHU_TICH_HUYEN,
        "body": _p(
            "Thời gian qua, việc giải quyết thủ tục hành chính trên địa bàn huyện có chuyển biến tích cực; tuy nhiên "
            "vẫn còn hồ sơ giải quyết quá hạn, một số cán bộ, công chức chưa nghiêm túc chấp hành giờ giấc, thái độ "
            "phục vụ chưa tốt.",
            "Chủ tịch UBND huyện yêu cầu thủ trưởng các cơ quan, đơn vị, Chủ tịch UBND các xã, thị trấn chịu trách "
            "nhiệm trước Chủ tịch UBND huyện nếu để xảy ra hồ sơ trễ hạn không có lý do chính đáng; công khai xin lỗi "
            "người dân khi để hồ sơ quá hạn.",
            "Phòng Nội vụ chủ trì kiểm tra công vụ định kỳ và đột xuất; Văn phòng HĐND và UBND huyện theo dõi, tổng "
            "hợp tình hình thực hiện Chỉ thị, báo cáo hằng quý.",
        ),
    },
    {
        "number": "142/TB-UBND",
        "kind": "conclusion_notice",
        "issued": -210,
        "summary": (
            "Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với Ban Quản lý dự án đầu tư xây dựng "
            "về tiến độ thực hiện các dự án đầu tư công"
        ),
        "leader": CHU_TICH_HUYEN,
        "body": _p(
            "Đánh giá: Ban Quản lý dự án đầu tư xây dựng đã tích cực triển khai các dự án được giao; tuy nhiên tiến "
            "độ giải phóng mặt bằng một số dự án trọng điểm còn chậm, tỷ lệ giải ngân vốn đầu tư công chưa đạt kế "
            "hoạch.",
            "Kết luận và giao nhiệm vụ: tập trung hoàn thành kiểm đếm, lập phương án bồi thường dự án đường trục "
            "trung tâm huyện; giải quyết dứt điểm các vướng mắc về mặt bằng; đẩy nhanh giải ngân vốn đầu tư công.",
            "Trách nhiệm: thủ trưởng các đơn vị được giao nhiệm vụ chịu trách nhiệm trước Chủ tịch UBND huyện về "
            "tiến độ, chất lượng công việc; báo cáo kết quả về Văn phòng HĐND và UBND huyện để tổng hợp.",
        ),
        "meeting": (
            "Làm việc với Ban Quản lý dự án đầu tư xây dựng về tiến độ các dự án đầu tư công",
            -212,
            HOP_UBND,
        ),
    },
    {
        "number": "08/CT-UBND",
        "kind": "directive",
        "issued": -160,
        "summary": "Chỉ thị về tăng cường công tác phòng cháy, chữa cháy và cứu nạn, cứu hộ trên địa bàn huyện",
        "leader": CHU_TICH_HUYEN,
        "body": _p(
            "Trên địa bàn huyện, số cơ sở sản xuất, kinh doanh, nhà ở kết hợp kinh doanh và nhà trọ tăng nhanh, "
            "tiềm ẩn nguy cơ cháy, nổ cao, nhất là tại thị trấn Thổ Tang.",
            "Chủ tịch UBND huyện yêu cầu các cơ quan, đơn vị, UBND các xã, thị trấn tổ chức tổng kiểm tra an toàn "
            "phòng cháy, chữa cháy; xử lý nghiêm vi phạm; tuyên truyền kỹ năng thoát nạn đến từng hộ gia đình.",
        ),
    },
    {
        "number": "156/TB-UBND",
        "kind": "conclusion_notice",
        "issued": -120,
        "summary": (
            "Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với Phòng Giáo dục và Đào tạo về chuẩn bị "
            "các điều kiện cho năm học mới"
        ),
        "leader": CHU_TICH_HUYEN,
        "body": _p(
            "Đánh giá: ngành giáo dục huyện duy trì chất lượng giáo dục toàn diện, học sinh giỏi cấp tỉnh xếp tốp "
            "đầu; cơ sở vật chất một số trường xuống cấp, còn thiếu giáo viên ở bậc mầm non và tiểu học.",
            "Kết luận và giao nhiệm vụ: hoàn thành sửa chữa phòng học trước khai giảng; xây dựng phương án tuyển "
            "dụng giáo viên; triển khai học bạ số, sổ điểm điện tử; bảo đảm an toàn thực phẩm bếp ăn bán trú.",
            "Trách nhiệm: Phòng Giáo dục và Đào tạo chủ trì, các phòng liên quan phối hợp; báo cáo kết quả trước "
            "thời hạn được giao.",
        ),
        "meeting": ("Làm việc với Phòng Giáo dục và Đào tạo về chuẩn bị năm học mới", -123, HOP_UBND),
    },
    {
        "number": "1895/UBND-TNMT",
        "kind": "official_letter",
        "issued": -100,
        "summary": "Về việc tăng cường quản lý nhà nước về đất đai, xử lý dứt điểm các trường hợp vi phạm",
        "leader": PHO_CHU_TICH_HUYEN_2,
        "body": _p(
            "Thực hiện chỉ đạo của UBND tỉnh, UBND huyện yêu cầu Phòng Tài nguyên và Môi trường, UBND các xã, thị "
            "trấn rà soát toàn bộ các trường hợp vi phạm pháp luật đất đai phát sinh; xử lý dứt điểm, không để tồn "
            "đọng, kéo dài.",
            "Đẩy nhanh tiến độ cấp giấy chứng nhận quyền sử dụng đất lần đầu; tăng cường thanh tra việc quản lý, sử "
            "dụng quỹ đất công ích tại các xã.",
        ),
    },
    {
        "number": "12/CĐ-UBND",
        "kind": "dispatch",
        "issued": -75,
        "summary": "Công điện về việc chủ động ứng phó với mưa lớn, lũ trên sông Hồng, bảo đảm an toàn đê điều",
        "leader": PHO_CHU_TICH_HUYEN_2,
        "body": _p(
            "Do ảnh hưởng của hoàn lưu bão, trên địa bàn huyện có mưa to đến rất to; mực nước sông Hồng tại các "
            "trạm thủy văn lên nhanh, nhiều diện tích canh tác ngoài bãi có nguy cơ ngập sâu.",
            "Chủ tịch UBND huyện yêu cầu Ban Chỉ huy phòng, chống thiên tai và tìm kiếm cứu nạn huyện, các cơ quan, "
            "đơn vị và UBND các xã ven sông trực ban 24/24 giờ, kiểm tra tuyến đê, sẵn sàng lực lượng, phương tiện, "
            "vật tư theo phương châm “bốn tại chỗ”; chủ động di dời người dân vùng bãi đến nơi an toàn.",
        ),
    },
    {
        "number": "2140/UBND-VP",
        "kind": "official_letter",
        "issued": -55,
        "summary": "Về việc đẩy mạnh cung cấp dịch vụ công trực tuyến và thanh toán trực tuyến",
        "leader": CHU_TICH_HUYEN,
        "body": _p(
            "Tỷ lệ hồ sơ trực tuyến toàn trình của huyện còn thấp so với chỉ tiêu tỉnh giao; việc số hóa hồ sơ, "
            "kết quả giải quyết thủ tục hành chính chưa đồng bộ.",
            "UBND huyện yêu cầu các cơ quan, đơn vị rà soát, công bố danh mục dịch vụ công trực tuyến toàn trình; "
            "hướng dẫn người dân nộp hồ sơ, thanh toán phí, lệ phí trực tuyến; nâng cấp Cổng Thông tin – Giao tiếp "
            "điện tử huyện theo quy định mới.",
        ),
    },
    {
        "number": "15/CĐ-UBND",
        "kind": "dispatch",
        "issued": -40,
        "summary": "Công điện về việc tăng cường các biện pháp phòng, chống dịch bệnh sốt xuất huyết",
        "leader": PHO_CHU_TICH_HUYEN,
        "body": _p(
            "Số ca mắc sốt xuất huyết trên địa bàn huyện tăng nhanh, đã xuất hiện ổ dịch tại thị trấn Thổ Tang và "
            "xã Vĩnh Sơn; thời tiết nắng nóng, mưa nhiều tạo điều kiện cho muỗi truyền bệnh phát triển.",
            "Yêu cầu ngành y tế giám sát chặt chẽ, xử lý triệt để ổ dịch; UBND các xã, thị trấn phát động chiến "
            "dịch diệt bọ gậy, vệ sinh môi trường; các trường học tuyên truyền cho học sinh và phụ huynh.",
        ),
    },
    {
        "number": "168/TB-UBND",
        "kind": "conclusion_notice",
        "issued": -30,
        "summary": (
            "Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với UBND xã Tân Tiến về xây dựng nông thôn "
            "mới nâng cao"
        ),
        "leader": CHU_TICH_HUYEN,
        "body": _p(
            "Đánh giá: xã Tân Tiến đã đạt 17/19 tiêu chí xã nông thôn mới nâng cao; còn hai tiêu chí về giao thông "
            "nội đồng và cơ sở vật chất văn hóa chưa đạt.",
            "Kết luận và giao nhiệm vụ: các phòng chuyên môn hướng dẫn xã hoàn thiện hồ sơ; cân đối, bố trí vốn hỗ "
            "trợ cứng hóa đường giao thông nội đồng và xây dựng nhà văn hóa thôn đạt chuẩn.",
            "Trách nhiệm: UBND xã Tân Tiến chịu trách nhiệm huy động các nguồn lực, phấn đấu được công nhận xã nông "
            "thôn mới nâng cao trong năm.",
        ),
        "meeting": ("Làm việc với UBND xã Tân Tiến về xây dựng nông thôn mới nâng cao", -32, "Trụ sở UBND xã Tân Tiến"),
    },
    {
        "number": "175/TB-UBND",
        "kind": "instruction",
        "issued": -15,
        "summary": (
            "Ý kiến chỉ đạo của đồng chí Trần Thị Thanh Hà, Phó Chủ tịch UBND huyện tại hội nghị triển khai công tác "
            "chuyển đổi số năm nay"
        ),
        "leader": PHO_CHU_TICH_HUYEN,
        "body": _p(
            "Chuyển đổi số là nhiệm vụ trọng tâm, cần sự vào cuộc của cả hệ thống chính trị; người đứng đầu cơ quan, "
            "đơn vị trực tiếp chỉ đạo.",
            "Giao các phòng, ban hướng dẫn thành lập tổ công nghệ số cộng đồng ở thôn, tổ dân phố; đưa tiêu chí "
            "chuyển đổi số vào đánh giá thi đua; triển khai họp trực tuyến đến cấp xã.",
        ),
        "meeting": ("Hội nghị triển khai công tác chuyển đổi số của huyện", -16, "Hội trường UBND huyện"),
    },
    {
        "number": "186/TB-UBND",
        "kind": "conclusion_notice",
        "issued": -8,
        "summary": (
            "Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc với Phòng Tài chính - Kế hoạch về tình hình "
            "thu, chi ngân sách và giải ngân vốn đầu tư công"
        ),
        "leader": CHU_TICH_HUYEN,
        "body": _p(
            "Đánh giá: thu ngân sách trên địa bàn ước đạt khá so với dự toán; chi ngân sách bảo đảm các nhiệm vụ "
            "chính trị; giải ngân vốn đầu tư công còn chậm ở một số dự án.",
            "Kết luận và giao nhiệm vụ: rà soát các khoản thu còn tiềm năng, chống thất thu; điều chuyển vốn từ dự "
            "án chậm giải ngân sang dự án có khối lượng; chuẩn bị dự toán ngân sách năm sau.",
            "Trách nhiệm: Phòng Tài chính - Kế hoạch chủ trì tham mưu, báo cáo Chủ tịch UBND huyện kết quả thực hiện.",
        ),
        "meeting": ("Làm việc với Phòng Tài chính - Kế hoạch về thu, chi ngân sách", -9, HOP_UBND),
    },
]

# Import records (type "task") with dates as day offsets: "assigned", "deadline" (None: no
# deadline), "completed" (None: not done), "progress" as (offset, percent, content). The
# import format does not carry "details", "expected_output", "extension" (original deadline
# offset, reason, extended-on offset), "manual_state" or the progress rows' unit (the lead
# unit unless a row names another): the seed sets them afterwards.
TASKS = [
    # --- 09/CT-UBND: kỷ luật, kỷ cương hành chính
    {
        "code": "NV-VT-001",
        "title": "Kiểm tra công vụ đột xuất việc chấp hành kỷ luật, kỷ cương hành chính tại các cơ quan, đơn vị",
        "source_directive": "09/CT-UBND",
        "lead_unit": UNIT_NOI_VU,
        "coordinating_units": [UNIT_VP, UNIT_THANH_TRA],
        "assigned": -250,
        "deadline": -200,
        "completed": -190,
        "progress": [(-225, 40, "Đã kiểm tra 8/20 cơ quan, đơn vị."), (-195, 90, "Đã kiểm tra 18/20 cơ quan, đơn vị.")],
        "details": "Kiểm tra đột xuất tại các phòng chuyên môn, bộ phận một cửa huyện và UBND các xã, thị trấn.",
        "expected_output": "Báo cáo kết quả kiểm tra công vụ",
    },
    {
        "code": "NV-VT-002",
        "title": "Công khai trên Cổng TTĐT huyện các hồ sơ thủ tục hành chính trễ hạn và văn bản xin lỗi người dân",
        "source_directive": "09/CT-UBND",
        "lead_unit": UNIT_VP,
        "coordinating_units": [UNIT_VHTT],
        "assigned": -250,
        "deadline": -220,
        "completed": -225,
        "progress": [(-235, 50, "Đã xây dựng chuyên mục công khai hồ sơ trễ hạn.")],
        "expected_output": "Chuyên mục công khai hồ sơ trễ hạn trên Cổng TTĐT",
    },
    {
        "code": "NV-VT-003",
        "title": "Giải quyết dứt điểm các đơn thư khiếu nại, tố cáo tồn đọng, kéo dài",
        "source_directive": "09/CT-UBND",
        "lead_unit": UNIT_THANH_TRA,
        "coordinating_units": [UNIT_TNMT, UNIT_TU_PHAP],
        "assigned": -250,
        "deadline": -150,
        "completed": -152,
        "progress": [
            (-220, 30, "Đã giải quyết 4/12 vụ việc."),
            (-185, 60, "Đã giải quyết 8/12 vụ việc; 4 vụ việc phức tạp đang xác minh."),
            (-152, 100, "Đã giải quyết xong 12/12 vụ việc."),
        ],
        "details": "Rà soát 12 vụ việc khiếu nại, tố cáo tồn đọng; tổ chức đối thoại, ban hành quyết định giải quyết.",
        "expected_output": "Quyết định giải quyết, kết luận nội dung tố cáo",
        "extension": (-180, "Vụ việc phức tạp, liên quan nhiều thời kỳ quản lý đất đai, cần xác minh thêm", -183),
    },
    {
        "code": "NV-VT-004",
        "title": "Rà soát các văn bản quy phạm pháp luật do HĐND, UBND huyện ban hành còn hiệu lực",
        "source_directive": "09/CT-UBND",
        "lead_unit": UNIT_TU_PHAP,
        "coordinating_units": [UNIT_VP],
        "assigned": -245,
        "deadline": -100,
        "completed": -101,
        "progress": [(-180, 50, "Đã rà soát 35/70 văn bản."), (-101, 100, "Hoàn thành rà soát, công bố danh mục.")],
        "expected_output": "Danh mục văn bản còn hiệu lực, hết hiệu lực",
    },
    # --- 142/TB-UBND: dự án đầu tư công
    {
        "code": "NV-VT-005",
        "title": "Hoàn thành kiểm đếm, lập phương án bồi thường dự án đường trục trung tâm huyện",
        "source_directive": "142/TB-UBND",
        "lead_unit": UNIT_BQLDA,
        "coordinating_units": [UNIT_TNMT, UNIT_TT_VINH_TUONG],
        "assigned": -210,
        "deadline": -150,
        "completed": -155,
        "progress": [(-180, 40, "Đã kiểm đếm 120/300 hộ."), (-160, 85, "Đã kiểm đếm 255/300 hộ.")],
        "details": "Kiểm đếm đất, tài sản trên đất của 300 hộ; lập, niêm yết công khai phương án bồi thường, hỗ trợ.",
        "expected_output": "Phương án bồi thường, hỗ trợ được phê duyệt",
    },
    {
        "code": "NV-VT-006",
        "title": "Đẩy nhanh giải ngân vốn đầu tư công, bảo đảm đạt 60% kế hoạch vốn được giao",
        "source_directive": "142/TB-UBND",
        "lead_unit": UNIT_BQLDA,
        "coordinating_units": [UNIT_TCKH],
        "assigned": -210,
        "deadline": -90,
        "completed": -80,
        "progress": [(-150, 35, "Giải ngân đạt 35% kế hoạch vốn."), (-95, 55, "Giải ngân đạt 55% kế hoạch vốn.")],
        "expected_output": "Báo cáo tình hình giải ngân",
    },
    {
        "code": "NV-VT-007",
        "title": "Giải quyết dứt điểm vướng mắc mặt bằng của 12 hộ còn lại dự án cải tạo đường tỉnh 304",
        "source_directive": "142/TB-UBND",
        "lead_unit": UNIT_TNMT,
        "coordinating_units": [UNIT_BQLDA, UNIT_XA_TAN_TIEN],
        "assigned": -210,
        "deadline": -30,
        "completed": None,
        "progress": [
            (-150, 30, "Đã vận động 4/12 hộ bàn giao mặt bằng."),
            (-70, 55, "Đã vận động 7/12 hộ; 5 hộ đề nghị xem xét lại giá bồi thường."),
            (-35, 70, "Đã vận động 9/12 hộ; đang xác minh nguồn gốc đất của 3 hộ."),
        ],
        "details": "Xác minh nguồn gốc đất, đối thoại với các hộ chưa nhận tiền bồi thường; tổ chức cưỡng chế nếu cần.",
        "expected_output": "Mặt bằng sạch bàn giao cho nhà thầu",
    },
    {
        "code": "NV-VT-008",
        "title": "Thẩm định hồ sơ thiết kế bản vẽ thi công dự án xây dựng trường mầm non thị trấn Vĩnh Tường",
        "source_directive": "142/TB-UBND",
        "lead_unit": UNIT_KTHT,
        "coordinating_units": [UNIT_BQLDA, UNIT_GDDT],
        "assigned": -205,
        "deadline": -120,
        "completed": -121,
        "progress": [(-150, 60, "Đã thẩm định phần kiến trúc, kết cấu.")],
        "expected_output": "Thông báo kết quả thẩm định",
    },
    {
        "code": "NV-VT-009",
        "title": "Rà soát, tham mưu điều chỉnh kế hoạch vốn các dự án chậm giải ngân",
        "source_directive": "142/TB-UBND",
        "lead_unit": UNIT_TCKH,
        "coordinating_units": [UNIT_BQLDA, UNIT_KTHT],
        "assigned": -205,
        "deadline": 45,
        "completed": None,
        "progress": [(-60, 30, "Đã rà soát 15 dự án."), (-12, 60, "Đã dự thảo phương án điều chuyển vốn.")],
        "expected_output": "Tờ trình điều chỉnh kế hoạch vốn",
        "extension": (-15, "Chờ HĐND huyện thông qua điều chỉnh kế hoạch vốn tại kỳ họp chuyên đề", -20),
    },
    # --- 08/CT-UBND: phòng cháy, chữa cháy
    {
        "code": "NV-VT-010",
        "title": "Tổng kiểm tra an toàn phòng cháy, chữa cháy tại cơ sở kinh doanh, nhà trọ, nhà ở kết hợp kinh doanh",
        "source_directive": "08/CT-UBND",
        "lead_unit": UNIT_CONG_AN,
        "coordinating_units": [UNIT_KTHT, UNIT_TT_THO_TANG, UNIT_TT_VINH_TUONG],
        "assigned": -160,
        "deadline": -100,
        "completed": -104,
        "progress": [
            (-140, 35, "Đã kiểm tra 210/600 cơ sở."),
            (-120, 70, "Đã kiểm tra 420/600 cơ sở; xử phạt 12 trường hợp."),
            (-104, 100, "Đã kiểm tra 600/600 cơ sở."),
        ],
        "expected_output": "Báo cáo kết quả tổng kiểm tra",
    },
    {
        "code": "NV-VT-011",
        "title": "Tuyên truyền kỹ năng phòng cháy, thoát nạn trên Cổng TTĐT và hệ thống truyền thanh cơ sở",
        "source_directive": "08/CT-UBND",
        "lead_unit": UNIT_VHTT,
        "coordinating_units": [UNIT_TTVH, UNIT_CONG_AN],
        "assigned": -160,
        "deadline": None,
        "completed": None,
        "progress": [(-100, 40, "Đã đăng 12 tin, bài; phát 30 lượt trên loa truyền thanh.")],
        "details": "Nhiệm vụ thường xuyên: tuyên truyền định kỳ hằng tháng, tăng cường vào mùa hanh khô.",
    },
    {
        "code": "NV-VT-012",
        "title": "Rà soát, bổ sung trụ nước chữa cháy tại các khu dân cư thị trấn Thổ Tang",
        "source_directive": "08/CT-UBND",
        "lead_unit": UNIT_KTHT,
        "coordinating_units": [UNIT_CONG_AN, UNIT_TT_THO_TANG],
        "assigned": -160,
        "deadline": -10,
        "completed": None,
        "progress": [(-90, 30, "Đã khảo sát 9 khu dân cư."), (-20, 60, "Đã lắp đặt 6/14 trụ nước.")],
        "expected_output": "14 trụ nước chữa cháy được lắp đặt",
    },
    {
        "code": "NV-VT-013",
        "title": "Xây dựng, nhân rộng mô hình “Tổ liên gia an toàn phòng cháy, chữa cháy” ở các thôn, tổ dân phố",
        "source_directive": "08/CT-UBND",
        "lead_unit": UNIT_CONG_AN,
        "coordinating_units": [UNIT_XA_VINH_SON, UNIT_TT_THO_TANG],
        "assigned": -158,
        "deadline": 3,
        "completed": None,
        "progress": [(-60, 50, "Đã thành lập 45 tổ liên gia."), (-5, 85, "Đã thành lập 77 tổ liên gia.")],
        "expected_output": "90 tổ liên gia an toàn phòng cháy, chữa cháy",
    },
    # --- 156/TB-UBND: năm học mới
    {
        "code": "NV-VT-014",
        "title": "Hoàn thành sửa chữa, cải tạo phòng học xuống cấp trước ngày khai giảng",
        "source_directive": "156/TB-UBND",
        "lead_unit": UNIT_GDDT,
        "coordinating_units": [UNIT_KTHT, UNIT_TCKH],
        "assigned": -120,
        "deadline": -90,
        "completed": -92,
        "progress": [(-105, 50, "Đã sửa chữa 20/42 phòng học."), (-92, 100, "Đã sửa chữa 42/42 phòng học.")],
        "expected_output": "42 phòng học được sửa chữa",
    },
    {
        "code": "NV-VT-015",
        "title": "Xây dựng phương án tuyển dụng giáo viên mầm non, tiểu học còn thiếu",
        "source_directive": "156/TB-UBND",
        "lead_unit": UNIT_GDDT,
        "coordinating_units": [UNIT_NOI_VU],
        "assigned": -120,
        "deadline": -40,
        "completed": -33,
        "progress": [(-70, 60, "Đã tổng hợp nhu cầu giáo viên của các trường.")],
        "expected_output": "Phương án tuyển dụng giáo viên",
    },
    {
        "code": "NV-VT-016",
        "title": "Thẩm định chỉ tiêu biên chế, trình phê duyệt kế hoạch tuyển dụng giáo viên",
        "source_directive": "156/TB-UBND",
        "lead_unit": UNIT_NOI_VU,
        "coordinating_units": [UNIT_GDDT, UNIT_TCKH],
        "assigned": -118,
        "deadline": 2,
        "completed": None,
        "progress": [(-25, 40, "Đã nhận phương án của Phòng Giáo dục và Đào tạo."), (-6, 80, "Đã dự thảo kế hoạch.")],
        "expected_output": "Kế hoạch tuyển dụng giáo viên được phê duyệt",
    },
    {
        "code": "NV-VT-017",
        "title": "Triển khai học bạ số, sổ điểm điện tử tại 100% trường tiểu học, trung học cơ sở",
        "source_directive": "156/TB-UBND",
        "lead_unit": UNIT_GDDT,
        "coordinating_units": [UNIT_VHTT],
        "assigned": -120,
        "deadline": 60,
        "completed": None,
        "progress": [(-80, 40, "28/52 trường đã sử dụng sổ điểm điện tử."), (-20, 70, "40/52 trường đã triển khai.")],
        "expected_output": "100% trường sử dụng học bạ số, sổ điểm điện tử",
    },
    {
        "code": "NV-VT-018",
        "title": "Kiểm tra an toàn thực phẩm tại bếp ăn bán trú của các trường mầm non, tiểu học",
        "source_directive": "156/TB-UBND",
        "lead_unit": UNIT_Y_TE,
        "coordinating_units": [UNIT_GDDT, UNIT_TTYT],
        "assigned": -118,
        "deadline": -60,
        "completed": -61,
        "progress": [(-80, 60, "Đã kiểm tra 30/50 bếp ăn.")],
        "expected_output": "Báo cáo kết quả kiểm tra",
    },
    # --- 1895/UBND-TNMT: quản lý đất đai
    {
        "code": "NV-VT-019",
        "title": "Rà soát, lập danh sách các trường hợp vi phạm pháp luật đất đai phát sinh, đề xuất biện pháp xử lý",
        "source_directive": "1895/UBND-TNMT",
        "lead_unit": UNIT_TNMT,
        "coordinating_units": [UNIT_XA_PHU_DA, UNIT_XA_VINH_NINH, UNIT_XA_TAN_TIEN],
        "assigned": -100,
        "deadline": -60,
        "completed": -58,
        "progress": [(-80, 50, "Đã tổng hợp số liệu của 14/29 xã, thị trấn.")],
        "expected_output": "Danh sách vi phạm và phương án xử lý",
    },
    {
        "code": "NV-VT-020",
        "title": "Đẩy nhanh cấp giấy chứng nhận quyền sử dụng đất lần đầu cho hộ gia đình, cá nhân",
        "source_directive": "1895/UBND-TNMT",
        "lead_unit": UNIT_TNMT,
        "coordinating_units": [UNIT_TT_VINH_TUONG, UNIT_XA_VINH_SON],
        "assigned": -100,
        "deadline": 30,
        "completed": None,
        "progress": [(-50, 45, "Đã cấp 540/1.200 giấy chứng nhận."), (-7, 65, "Đã cấp 780/1.200 giấy chứng nhận.")],
        "expected_output": "1.200 giấy chứng nhận được cấp",
        "extension": (-5, "Chờ kết quả đo đạc, chỉnh lý bản đồ địa chính tại hai xã", -8),
    },
    {
        "code": "NV-VT-021",
        "title": "Thanh tra việc quản lý, sử dụng quỹ đất công ích tại ba xã ven sông Hồng",
        "source_directive": "1895/UBND-TNMT",
        "lead_unit": UNIT_THANH_TRA,
        "coordinating_units": [UNIT_TNMT, UNIT_TU_PHAP],
        "assigned": -95,
        "deadline": 75,
        "completed": None,
        "progress": [(-30, 25, "Đã ban hành quyết định thanh tra, làm việc tại xã Phú Đa.")],
        "expected_output": "Kết luận thanh tra",
    },
    # --- 12/CĐ-UBND: mưa lũ, đê điều
    {
        "code": "NV-VT-022",
        "title": "Kiểm tra, xử lý kịp thời sự cố đê điều trên tuyến đê tả sông Hồng",
        "source_directive": "12/CĐ-UBND",
        "lead_unit": UNIT_NN,
        "coordinating_units": [UNIT_XA_PHU_DA, UNIT_XA_VINH_NINH],
        "assigned": -75,
        "deadline": -70,
        "completed": -72,
        "progress": [(-73, 70, "Đã xử lý 2 vị trí thẩm lậu, 1 vị trí sạt mái đê.")],
        "expected_output": "Các sự cố đê điều được xử lý",
    },
    {
        "code": "NV-VT-023",
        "title": "Bố trí lực lượng, phương tiện hỗ trợ di dời người dân, tài sản vùng bãi ra nơi an toàn",
        "source_directive": "12/CĐ-UBND",
        "lead_unit": UNIT_QUAN_SU,
        "coordinating_units": [UNIT_CONG_AN, UNIT_XA_PHU_DA],
        "assigned": -75,
        "deadline": -73,
        "completed": -71,
        "progress": [(-74, 60, "Đã di dời 85/140 hộ vùng bãi.")],
    },
    {
        "code": "NV-VT-024",
        "title": "Thống kê thiệt hại do mưa lũ, đề xuất hỗ trợ khôi phục sản xuất",
        "source_directive": "12/CĐ-UBND",
        "lead_unit": UNIT_NN,
        "coordinating_units": [UNIT_TCKH, UNIT_XA_VINH_NINH],
        "assigned": -72,
        "deadline": -45,
        "completed": -30,
        "progress": [(-60, 50, "Đã thống kê thiệt hại tại 6/9 xã.")],
        "expected_output": "Báo cáo thiệt hại và đề xuất hỗ trợ",
    },
    {
        "code": "NV-VT-025",
        "title": "Tham mưu bố trí kinh phí hỗ trợ khắc phục hậu quả mưa lũ cho các hộ bị thiệt hại",
        "source_directive": "12/CĐ-UBND",
        "lead_unit": UNIT_TCKH,
        "coordinating_units": [UNIT_NN],
        "assigned": -70,
        "deadline": -20,
        "completed": None,
        "progress": [
            (-35, 50, "Đã thẩm định danh sách hộ được hỗ trợ."),
            (-19, 100, "Đã trình quyết định hỗ trợ; đề nghị xác nhận hoàn thành."),
        ],
        "expected_output": "Quyết định hỗ trợ kinh phí",
        "manual_state": "awaiting_confirmation",
    },
    {
        "code": "NV-VT-026",
        "title": "Nạo vét, khơi thông hệ thống kênh tiêu, kiểm tra các trạm bơm tiêu úng",
        "source_directive": "12/CĐ-UBND",
        "lead_unit": UNIT_NN,
        "coordinating_units": [UNIT_XA_VINH_SON, UNIT_XA_TAN_TIEN],
        "assigned": -70,
        "deadline": 20,
        "completed": None,
        "progress": [(-40, 30, "Đã nạo vét 6/20 km kênh tiêu."), (-10, 60, "Đã nạo vét 12/20 km kênh tiêu.")],
    },
    # --- 2140/UBND-VP: dịch vụ công trực tuyến
    {
        "code": "NV-VT-027",
        "title": "Rà soát, công bố danh mục dịch vụ công trực tuyến toàn trình, một phần của huyện",
        "source_directive": "2140/UBND-VP",
        "lead_unit": UNIT_VP,
        "coordinating_units": [UNIT_NOI_VU, UNIT_TU_PHAP],
        "assigned": -55,
        "deadline": -35,
        "completed": -37,
        "progress": [(-45, 60, "Đã rà soát 180/283 thủ tục hành chính cấp huyện.")],
        "expected_output": "Quyết định công bố danh mục",
    },
    {
        "code": "NV-VT-028",
        "title": "Nâng cấp Cổng Thông tin – Giao tiếp điện tử huyện theo Thông tư số 22/2023/TT-BTTTT",
        "source_directive": "2140/UBND-VP",
        "lead_unit": UNIT_VHTT,
        "coordinating_units": [UNIT_VP],
        "assigned": -55,
        "deadline": 40,
        "completed": None,
        "progress": [(-30, 30, "Đã khảo sát, lập đề cương nâng cấp."), (-3, 55, "Đang thử nghiệm giao diện mới.")],
        "expected_output": "Cổng TTĐT đáp ứng Thông tư 22/2023/TT-BTTTT",
    },
    {
        "code": "NV-VT-029",
        "title": "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính còn hiệu lực",
        "source_directive": "2140/UBND-VP",
        "lead_unit": UNIT_NOI_VU,
        "coordinating_units": [UNIT_VP, UNIT_TNMT],
        "assigned": -55,
        "deadline": 2,
        "completed": None,
        "progress": [(-30, 40, "Đã số hóa 4.000/10.000 hồ sơ."), (-4, 85, "Đã số hóa 8.500/10.000 hồ sơ.")],
        "expected_output": "10.000 hồ sơ được số hóa",
        "extension": (-6, "Khối lượng hồ sơ tồn đọng lớn, cần thêm thời gian số hóa", -7),
    },
    {
        "code": "NV-VT-030",
        "title": "Triển khai thanh toán trực tuyến phí, lệ phí giải quyết thủ tục hành chính",
        "source_directive": "2140/UBND-VP",
        "lead_unit": UNIT_TCKH,
        "coordinating_units": [UNIT_VP],
        "assigned": -50,
        "deadline": 25,
        "completed": None,
        "progress": [(-14, 50, "Đã kết nối thanh toán trực tuyến cho 60 thủ tục.")],
    },
    # --- 15/CĐ-UBND: sốt xuất huyết
    {
        "code": "NV-VT-031",
        "title": "Giám sát, xử lý triệt để các ổ dịch sốt xuất huyết; phun hóa chất diệt muỗi",
        "source_directive": "15/CĐ-UBND",
        "lead_unit": UNIT_TTYT,
        "coordinating_units": [UNIT_Y_TE, UNIT_TT_THO_TANG, UNIT_XA_VINH_SON],
        "assigned": -40,
        "deadline": -25,
        "completed": -26,
        "progress": [(-35, 50, "Đã xử lý 3/6 ổ dịch."), (-26, 100, "Đã xử lý 6/6 ổ dịch.")],
        "expected_output": "Các ổ dịch được xử lý",
    },
    {
        "code": "NV-VT-032",
        "title": "Tổ chức chiến dịch diệt bọ gậy, vệ sinh môi trường trên toàn huyện",
        "source_directive": "15/CĐ-UBND",
        "lead_unit": UNIT_Y_TE,
        "coordinating_units": [UNIT_GDDT, UNIT_VHTT, UNIT_TT_THO_TANG],
        "assigned": -40,
        "deadline": -5,
        "completed": None,
        "progress": [(-30, 30, "Đã triển khai tại 9/29 xã, thị trấn."), (-8, 75, "Đã triển khai tại 22/29 xã.")],
    },
    {
        "code": "NV-VT-033",
        "title": "Tổng hợp, báo cáo tình hình dịch sốt xuất huyết hằng tuần",
        "source_directive": "15/CĐ-UBND",
        "lead_unit": UNIT_Y_TE,
        "coordinating_units": [UNIT_TTYT],
        "assigned": -40,
        "deadline": None,
        "completed": None,
        "progress": [(-33, 20, "Đã gửi báo cáo tuần 1."), (-12, 50, "Đã gửi báo cáo tuần 4.", UNIT_TTYT)],
    },
    {
        "code": "NV-VT-034",
        "title": "Hướng dẫn các trường học tuyên truyền phòng, chống sốt xuất huyết cho học sinh, phụ huynh",
        "source_directive": "15/CĐ-UBND",
        "lead_unit": UNIT_GDDT,
        "coordinating_units": [UNIT_TTYT],
        "assigned": -40,
        "deadline": -30,
        "completed": -28,
        "progress": [(-33, 70, "Đã gửi hướng dẫn tới 52/52 trường.")],
    },
    {
        "code": "NV-VT-035",
        "title": "Bảo đảm thuốc, hóa chất, vật tư và giường bệnh điều trị bệnh nhân sốt xuất huyết",
        "source_directive": "15/CĐ-UBND",
        "lead_unit": UNIT_TTYT,
        "coordinating_units": [UNIT_Y_TE, UNIT_TCKH],
        "assigned": -38,
        "deadline": 1,
        "completed": None,
        "progress": [(-20, 60, "Đã bổ sung 20 giường bệnh, dự trữ hóa chất.")],
    },
    # --- 168/TB-UBND: nông thôn mới nâng cao, xã Tân Tiến
    {
        "code": "NV-VT-036",
        "title": "Hướng dẫn xã Tân Tiến hoàn thiện hồ sơ đề nghị công nhận xã nông thôn mới nâng cao",
        "source_directive": "168/TB-UBND",
        "lead_unit": UNIT_NN,
        "coordinating_units": [UNIT_XA_TAN_TIEN, UNIT_VP],
        "assigned": -30,
        "deadline": 50,
        "completed": None,
        "progress": [(-10, 30, "Đã hướng dẫn xã rà soát 19 tiêu chí.", UNIT_XA_TAN_TIEN)],
        "expected_output": "Hồ sơ đề nghị công nhận",
    },
    {
        "code": "NV-VT-037",
        "title": "Hỗ trợ xã Tân Tiến lập hồ sơ cứng hóa đường giao thông nội đồng",
        "source_directive": "168/TB-UBND",
        "lead_unit": UNIT_KTHT,
        "coordinating_units": [UNIT_XA_TAN_TIEN],
        "assigned": -30,
        "deadline": 14,
        "completed": None,
        "progress": [(-9, 40, "Đã khảo sát 3,5 km tuyến đường.")],
    },
    {
        "code": "NV-VT-038",
        "title": "Cân đối, bố trí nguồn vốn hỗ trợ xã Tân Tiến xây dựng nông thôn mới nâng cao",
        "source_directive": "168/TB-UBND",
        "lead_unit": UNIT_TCKH,
        "coordinating_units": [UNIT_NN],
        "assigned": -30,
        "deadline": -2,
        "completed": None,
        "progress": [(-15, 50, "Đã xác định nguồn vốn sự nghiệp có thể bố trí.")],
    },
    {
        "code": "NV-VT-039",
        "title": "Xây dựng, cải tạo nhà văn hóa thôn đạt chuẩn tại xã Tân Tiến",
        "source_directive": "168/TB-UBND",
        "lead_unit": UNIT_VHTT,
        "coordinating_units": [UNIT_XA_TAN_TIEN, UNIT_KTHT],
        "assigned": -30,
        "deadline": None,
        "completed": None,
        "progress": [(-20, 10, "Đã khảo sát hiện trạng 4 nhà văn hóa thôn.")],
        "details": "Tạm hoãn đến khi bố trí được vốn (nhiệm vụ NV-VT-038).",
        "manual_state": "paused",
    },
    # --- 175/TB-UBND: chuyển đổi số
    {
        "code": "NV-VT-040",
        "title": "Hướng dẫn thành lập tổ công nghệ số cộng đồng tại các thôn, tổ dân phố",
        "source_directive": "175/TB-UBND",
        "lead_unit": UNIT_VHTT,
        "coordinating_units": [UNIT_TT_VINH_TUONG, UNIT_TT_THO_TANG],
        "assigned": -15,
        "deadline": 0,
        "completed": None,
        "progress": [(-7, 70, "Đã ban hành hướng dẫn; 180/250 thôn, tổ dân phố đã thành lập tổ.")],
    },
    {
        "code": "NV-VT-041",
        "title": "Đưa tiêu chí chuyển đổi số vào đánh giá thi đua, khen thưởng hằng năm",
        "source_directive": "175/TB-UBND",
        "lead_unit": UNIT_NOI_VU,
        "coordinating_units": [UNIT_VHTT],
        "assigned": -15,
        "deadline": None,
        "completed": None,
        "progress": [(-5, 20, "Đang dự thảo bộ tiêu chí.")],
    },
    {
        "code": "NV-VT-042",
        "title": "Triển khai hệ thống họp trực tuyến từ huyện đến các xã, thị trấn",
        "source_directive": "175/TB-UBND",
        "lead_unit": UNIT_VP,
        "coordinating_units": [UNIT_VHTT, UNIT_TCKH],
        "assigned": -15,
        "deadline": 90,
        "completed": None,
        "progress": [(-2, 10, "Đã khảo sát đường truyền tại 29 điểm cầu.")],
    },
    # --- 186/TB-UBND: ngân sách
    {
        "code": "NV-VT-043",
        "title": "Rà soát các khoản thu còn tiềm năng, chống thất thu ngân sách",
        "source_directive": "186/TB-UBND",
        "lead_unit": UNIT_TCKH,
        "coordinating_units": [UNIT_TNMT],
        "assigned": -8,
        "deadline": 10,
        "completed": None,
        "progress": [(-1, 30, "Đã rà soát nguồn thu tiền sử dụng đất.")],
    },
    # --- assigned at meetings, without a directive on the portal
    {
        "code": "NV-VT-044",
        "title": "Chuẩn bị nội dung, tài liệu phục vụ kỳ họp thường lệ của HĐND huyện",
        "lead_unit": UNIT_VP,
        "coordinating_units": [UNIT_TCKH, UNIT_TU_PHAP],
        "assigned": -20,
        "deadline": 10,
        "completed": None,
        "progress": [(-6, 40, "Đã tổng hợp 8/15 báo cáo, tờ trình.")],
    },
    {
        "code": "NV-VT-045",
        "title": "Tổng hợp báo cáo tình hình kinh tế - xã hội, quốc phòng, an ninh 9 tháng",
        "lead_unit": UNIT_TCKH,
        "coordinating_units": [UNIT_VP, UNIT_NN, UNIT_KTHT],
        "assigned": -70,
        "deadline": -55,
        "completed": -56,
        "progress": [(-60, 60, "Đã tổng hợp số liệu của 10/14 phòng, ban.")],
        "expected_output": "Báo cáo kinh tế - xã hội 9 tháng",
    },
]


#: A provincial royalty scheme applying Decree 18/2014/NĐ-CP (the example of domain.md §7).
ROYALTY_SCHEME = {
    "name": "Quy định nhuận bút Cổng Thông tin điện tử (áp dụng cho trang cấp huyện)",
    "legal_basis": "Quyết định số 12/2020/QĐ-UBND của UBND tỉnh (mẫu)",
    "valid_from": date(2020, 1, 1),
    "unit_ratio": Decimal("10"),
    "site_multiplier": Decimal("20"),
    "payment_days": 60,
    "genres": [
        ("Tin không ảnh", Decimal("1.0"), Decimal("1.0")),
        ("Tin có ảnh", Decimal("1.5"), Decimal("1.5")),
        ("Tin đăng lại", Decimal("0.5"), Decimal("0.5")),
        ("Ảnh", Decimal("1.2"), Decimal("1.5")),
        ("Bình luận, phóng sự", Decimal("2.5"), Decimal("3.0")),
        ("Nghiên cứu, chuyên đề", Decimal("3.0"), Decimal("4.0")),
        ("Đa phương tiện", Decimal("4.0"), Decimal("5.0")),
    ],
}
