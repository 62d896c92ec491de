"""The fixed material of the hard judged set (``bench/relevance/corpus.py``): subjects, the central
documents that govern them, the provincial and district series that implement them, and who signs.

Everything here is real-world-shaped: the laws, decrees and circulars are named and numbered as the
Vietnamese ones are (most numbers and dates are those of the real documents, but this is generated
test data, not a legal database: a date or a number may be off), signed by whoever held the office
on that day (heads of the National Assembly and the Government by their real names; ministers and
local leaders by generated ones). Dates run from 2005 to 2026.
"""

from dataclasses import dataclass, field
from datetime import date

# --- issuers ----------------------------------------------------------------------------------------

MINISTRIES = {  # symbol code → name
    "BTNMT": "Bộ Tài nguyên và Môi trường",
    "BNNMT": "Bộ Nông nghiệp và Môi trường",
    "BXD": "Bộ Xây dựng",
    "BTC": "Bộ Tài chính",
    "BKHĐT": "Bộ Kế hoạch và Đầu tư",
    "BGDĐT": "Bộ Giáo dục và Đào tạo",
    "BLĐTBXH": "Bộ Lao động - Thương binh và Xã hội",
    "BNV": "Bộ Nội vụ",
    "TTCP": "Thanh tra Chính phủ",
    "VPCP": "Văn phòng Chính phủ",
    "BTTTT": "Bộ Thông tin và Truyền thông",
    "BKHCN": "Bộ Khoa học và Công nghệ",
    "BCA": "Bộ Công an",
    "BYT": "Bộ Y tế",
    "BGTVT": "Bộ Giao thông vận tải",
    "BTP": "Bộ Tư pháp",
}
# Ministries merged on 1 March 2025 (their documents after that come from the successor).
MERGED_INTO = {"BTNMT": "BNNMT", "BKHĐT": "BTC", "BLĐTBXH": "BNV", "BTTTT": "BKHCN", "BGTVT": "BXD"}
MERGER_DAY = date(2025, 3, 1)
# The district tier ends and Vĩnh Phúc becomes part of Phú Thọ (domain.md §0).
TWO_TIER_DAY = date(2025, 7, 1)
DISTRICT = "Vĩnh Tường"


def province(day: date) -> str:
    return "Vĩnh Phúc" if day < TWO_TIER_DAY else "Phú Thọ"


def local_unit(day: date) -> str:
    """The lower tier whose portal this is: the district until 30 June 2025, then the commune."""
    return f"huyện {DISTRICT}" if day < TWO_TIER_DAY else f"xã {DISTRICT}"


# --- the heads of the central bodies, by date (real office holders) ----------------------------------

NATIONAL_ASSEMBLY_CHAIRS = [  # (from, name)
    (date(2001, 6, 27), "Nguyễn Văn An"),
    (date(2006, 6, 26), "Nguyễn Phú Trọng"),
    (date(2011, 7, 23), "Nguyễn Sinh Hùng"),
    (date(2016, 3, 31), "Nguyễn Thị Kim Ngân"),
    (date(2021, 3, 31), "Vương Đình Huệ"),
    (date(2024, 5, 20), "Trần Thanh Mẫn"),
]
PRIME_MINISTERS = [
    (date(1997, 9, 25), "Phan Văn Khải"),
    (date(2006, 6, 27), "Nguyễn Tấn Dũng"),
    (date(2016, 4, 7), "Nguyễn Xuân Phúc"),
    (date(2021, 4, 5), "Phạm Minh Chính"),
]
DEPUTY_PRIME_MINISTERS = [  # (from, names) — who signs "KT. Thủ tướng, Phó Thủ tướng"
    (date(2002, 8, 8), ["Nguyễn Tấn Dũng", "Phạm Gia Khiêm", "Vũ Khoan"]),
    (date(2006, 6, 28), ["Nguyễn Sinh Hùng", "Trương Vĩnh Trọng", "Hoàng Trung Hải"]),
    (date(2011, 8, 3), ["Hoàng Trung Hải", "Nguyễn Xuân Phúc", "Vũ Văn Ninh", "Vũ Đức Đam"]),
    (date(2016, 4, 9), ["Trương Hòa Bình", "Vương Đình Huệ", "Vũ Đức Đam", "Trịnh Đình Dũng"]),
    (date(2021, 4, 8), ["Lê Minh Khái", "Lê Văn Thành", "Vũ Đức Đam", "Phạm Bình Minh"]),
    (date(2023, 1, 6), ["Trần Hồng Hà", "Trần Lưu Quang", "Lê Minh Khái"]),
    (date(2024, 8, 26), ["Trần Hồng Hà", "Lê Thành Long", "Hồ Đức Phớc", "Nguyễn Hòa Bình", "Bùi Thanh Sơn"]),
]


def in_office(table, day: date):
    """The entry of ``table`` ([(from, value)], ordered) in force on ``day``."""
    current = table[0][1]
    for start, value in table:
        if start <= day:
            current = value
    return current


# Terms of local leaders (generated names, one set per term).
LOCAL_TERMS = [date(2004, 5, 1), date(2011, 6, 1), date(2016, 6, 1), date(2021, 6, 1), TWO_TIER_DAY]
MINISTER_TERMS = [date(2002, 8, 1), date(2007, 8, 1), date(2011, 8, 1), date(2016, 4, 9), date(2021, 4, 8)]

# Who in the provincial and district governments handles what (realistic portfolios): the
# chairman signs normative decisions and directives; the vice-chairmen sign within their portfolio.
PORTFOLIOS = ("kinh_te", "van_xa", "noi_chinh")


# --- subjects ----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Central:
    """A document of a central body: a law, decree, circular, Prime Minister's decision…

    ``name``: a law's name ("Luật Đất đai"); ``topic``: what citizens call the subject of a decree or
    circular ("xử phạt vi phạm hành chính trong lĩnh vực đất đai"); ``series``: documents of one
    series replace one another (the newest issued is the one in force); ``guides``: the number of
    the law it details or guides."""

    kind: str
    number: str
    issued: date
    summary: str
    name: str = ""
    topic: str = ""
    series: str = ""
    guides: str = ""


@dataclass(frozen=True)
class Series:
    """A provincial or district document issued in several years on the same subject.

    ``level``: ``tinh`` (UBND tỉnh), ``hdnd`` (HĐND tỉnh) or ``huyen`` (UBND huyện, then the
    commune). ``template`` takes ``{y}`` (the year of issue), ``{y1}`` (the next year), ``{prov}``
    (the province that day) and ``{unit}`` ("huyện Vĩnh Tường", then "xã Vĩnh Tường")."""

    kind: str
    level: str
    template: str
    years: tuple[int, ...]
    normative: bool = False


@dataclass(frozen=True)
class Family:
    code: str
    subject: str  # the subject words ("đất đai")
    field: str  # Lĩnh vực
    weight: float  # share of the generated documents and news about it
    department: str  # the provincial department that proposes its documents
    portfolio: str
    phrases: tuple[str, ...]  # what documents about it deal with
    central: tuple[Central, ...]
    local: tuple[Series, ...] = field(default=())


def d(text: str) -> date:
    return date.fromisoformat(text)


def C(kind, number, issued, summary, **kw) -> Central:  # noqa: N802 - a constructor, as in the tables
    return Central(kind, number, d(issued), summary, **kw)


def S(kind, level, template, years, normative=False) -> Series:  # noqa: N802
    return Series(kind, level, template, tuple(years), normative)


LAW = "Luật"
ND = "Nghị định"
TT = "Thông tư"
TTLT = "Thông tư liên tịch"
QD = "Quyết định"
CT = "Chỉ thị"
NQ = "Nghị quyết"
KH = "Kế hoạch"
TB = "Thông báo"

FAMILIES = (
    Family(
        "dat_dai",
        "đất đai",
        "Đất đai",
        16,
        "Sở Tài nguyên và Môi trường",
        "kinh_te",
        (
            "quản lý nhà nước về đất đai",
            "thu hồi đất",
            "giao đất, cho thuê đất",
            "cấp giấy chứng nhận quyền sử dụng đất",
            "bồi thường, hỗ trợ, tái định cư",
            "giá đất",
            "kế hoạch sử dụng đất",
            "xử lý vi phạm pháp luật về đất đai",
            "đăng ký đất đai",
            "chuyển mục đích sử dụng đất",
        ),
        (
            C(LAW, "45/2013/QH13", "2013-11-29", "Luật Đất đai", name="Luật Đất đai", series="luat-dat-dai"),
            C(LAW, "31/2024/QH15", "2024-01-18", "Luật Đất đai", name="Luật Đất đai", series="luat-dat-dai"),
            C(
                LAW,
                "43/2024/QH15",
                "2024-06-29",
                "Luật sửa đổi, bổ sung một số điều của Luật Đất đai số 31/2024/QH15, Luật Nhà ở số 27/2023/QH15, "
                "Luật Kinh doanh bất động sản số 29/2023/QH15 và Luật Các tổ chức tín dụng số 32/2024/QH15",
                topic="sửa đổi luật đất đai",
                guides="31/2024/QH15",
            ),
            C(
                ND,
                "69/2009/NĐ-CP",
                "2009-08-13",
                "Quy định bổ sung về quy hoạch sử dụng đất, giá đất, thu hồi đất, bồi thường, hỗ trợ và tái định cư",
                topic="quy định bổ sung về quy hoạch sử dụng đất, giá đất, thu hồi đất",
            ),
            C(
                ND,
                "105/2009/NĐ-CP",
                "2009-11-11",
                "Về xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                topic="xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                series="xp-dat-dai",
            ),
            C(
                ND,
                "43/2014/NĐ-CP",
                "2014-05-15",
                "Quy định chi tiết thi hành một số điều của Luật Đất đai",
                topic="quy định chi tiết thi hành luật đất đai",
                series="ct-dat-dai",
                guides="45/2013/QH13",
            ),
            C(ND, "44/2014/NĐ-CP", "2014-05-15", "Quy định về giá đất", topic="giá đất", series="gia-dat"),
            C(
                ND,
                "47/2014/NĐ-CP",
                "2014-05-15",
                "Quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
                topic="bồi thường, hỗ trợ, tái định cư khi nhà nước thu hồi đất",
                series="bt-tdc",
                guides="45/2013/QH13",
            ),
            C(
                ND,
                "102/2014/NĐ-CP",
                "2014-11-10",
                "Về xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                topic="xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                series="xp-dat-dai",
            ),
            C(
                ND,
                "01/2017/NĐ-CP",
                "2017-01-06",
                "Sửa đổi, bổ sung một số nghị định quy định chi tiết thi hành Luật Đất đai",
                guides="45/2013/QH13",
            ),
            C(
                ND,
                "91/2019/NĐ-CP",
                "2019-11-19",
                "Về xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                topic="xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                series="xp-dat-dai",
            ),
            C(
                ND,
                "148/2020/NĐ-CP",
                "2020-12-18",
                "Sửa đổi, bổ sung một số nghị định quy định chi tiết thi hành Luật Đất đai",
                guides="45/2013/QH13",
            ),
            C(ND, "71/2024/NĐ-CP", "2024-06-27", "Quy định về giá đất", topic="giá đất", series="gia-dat"),
            C(
                ND,
                "88/2024/NĐ-CP",
                "2024-07-15",
                "Quy định về bồi thường, hỗ trợ, tái định cư khi Nhà nước thu hồi đất",
                topic="bồi thường, hỗ trợ, tái định cư khi nhà nước thu hồi đất",
                series="bt-tdc",
                guides="31/2024/QH15",
            ),
            C(
                ND,
                "101/2024/NĐ-CP",
                "2024-07-29",
                "Quy định về điều tra cơ bản đất đai; đăng ký, cấp Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài "
                "sản gắn liền với đất và Hệ thống thông tin đất đai",
                topic="đăng ký, cấp giấy chứng nhận quyền sử dụng đất",
                guides="31/2024/QH15",
            ),
            C(
                ND,
                "102/2024/NĐ-CP",
                "2024-07-30",
                "Quy định chi tiết thi hành một số điều của Luật Đất đai",
                topic="quy định chi tiết thi hành luật đất đai",
                series="ct-dat-dai",
                guides="31/2024/QH15",
            ),
            C(
                ND,
                "123/2024/NĐ-CP",
                "2024-10-04",
                "Quy định về xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                topic="xử phạt vi phạm hành chính trong lĩnh vực đất đai",
                series="xp-dat-dai",
            ),
            C(
                TT,
                "23/2014/TT-BTNMT",
                "2014-05-19",
                "Quy định về Giấy chứng nhận quyền sử dụng đất, quyền sở hữu nhà ở và tài sản khác gắn liền với đất",
                topic="giấy chứng nhận quyền sử dụng đất",
                guides="45/2013/QH13",
            ),
            C(
                TT,
                "24/2014/TT-BTNMT",
                "2014-05-19",
                "Quy định về hồ sơ địa chính",
                topic="hồ sơ địa chính",
                series="hs-dia-chinh",
            ),
            C(
                TT,
                "10/2024/TT-BTNMT",
                "2024-07-31",
                "Quy định về hồ sơ địa chính, Giấy chứng nhận quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất",
                topic="hồ sơ địa chính",
                series="hs-dia-chinh",
            ),
        ),
        (
            S(
                QD,
                "tinh",
                "Ban hành Bảng giá đất giai đoạn {y1}–{y5} trên địa bàn tỉnh {prov}",
                [2009, 2014, 2019],
                True,
            ),
            S(
                QD,
                "tinh",
                "Ban hành Quy định về bồi thường, hỗ trợ và tái định cư khi Nhà nước thu hồi đất trên địa bàn tỉnh "
                "{prov}",
                [2007, 2010, 2014, 2024],
                True,
            ),
            S(
                QD,
                "tinh",
                "Quy định hạn mức giao đất ở, hạn mức công nhận đất ở trên địa bàn tỉnh {prov}",
                [2008, 2014, 2024],
                True,
            ),
            S(QD, "tinh", "Phê duyệt Kế hoạch sử dụng đất năm {y1} của {unit}", range(2010, 2025)),
            S(
                NQ,
                "hdnd",
                "Thông qua danh mục công trình, dự án cần thu hồi đất năm {y1} trên địa bàn tỉnh {prov}",
                range(2012, 2026),
            ),
            S(
                QD,
                "tinh",
                "Ban hành hệ số điều chỉnh giá đất năm {y} trên địa bàn tỉnh {prov}",
                range(2015, 2025),
                True,
            ),
        ),
    ),
    Family(
        "xay_dung",
        "xây dựng",
        "Xây dựng",
        9,
        "Sở Xây dựng",
        "kinh_te",
        (
            "quản lý trật tự xây dựng",
            "cấp giấy phép xây dựng",
            "quản lý dự án đầu tư xây dựng",
            "quản lý chất lượng công trình xây dựng",
            "quy hoạch xây dựng",
            "xử lý công trình vi phạm trật tự xây dựng",
        ),
        (
            C(LAW, "50/2014/QH13", "2014-06-18", "Luật Xây dựng", name="Luật Xây dựng", series="luat-xay-dung"),
            C(
                LAW,
                "62/2020/QH14",
                "2020-06-17",
                "Luật sửa đổi, bổ sung một số điều của Luật Xây dựng",
                topic="sửa đổi luật xây dựng",
                guides="50/2014/QH13",
            ),
            C(
                ND,
                "12/2009/NĐ-CP",
                "2009-02-10",
                "Về quản lý dự án đầu tư xây dựng công trình",
                topic="quản lý dự án đầu tư xây dựng",
                series="qlda",
            ),
            C(
                ND,
                "23/2009/NĐ-CP",
                "2009-02-27",
                "Về xử phạt vi phạm hành chính trong hoạt động xây dựng; kinh doanh bất động sản; khai thác, sản xuất, "
                "kinh doanh vật liệu xây dựng; quản lý công trình hạ tầng kỹ thuật; quản lý phát triển nhà và công sở",
                topic="xử phạt vi phạm hành chính trong hoạt động xây dựng",
                series="xp-xay-dung",
            ),
            C(ND, "64/2012/NĐ-CP", "2012-09-04", "Về cấp giấy phép xây dựng", topic="cấp giấy phép xây dựng"),
            C(
                ND,
                "121/2013/NĐ-CP",
                "2013-10-10",
                "Quy định xử phạt vi phạm hành chính trong hoạt động xây dựng; kinh doanh bất động sản; khai thác, sản "
                "xuất, kinh doanh vật liệu xây dựng; quản lý công trình hạ tầng kỹ thuật; quản lý phát triển nhà và "
                "công sở",
                topic="xử phạt vi phạm hành chính trong hoạt động xây dựng",
                series="xp-xay-dung",
            ),
            C(
                ND,
                "59/2015/NĐ-CP",
                "2015-06-18",
                "Về quản lý dự án đầu tư xây dựng",
                topic="quản lý dự án đầu tư xây dựng",
                series="qlda",
                guides="50/2014/QH13",
            ),
            C(
                ND,
                "139/2017/NĐ-CP",
                "2017-11-27",
                "Quy định xử phạt vi phạm hành chính trong hoạt động đầu tư xây dựng; khai thác, chế biến, kinh doanh "
                "khoáng sản làm vật liệu xây dựng; quản lý công trình hạ tầng kỹ thuật; kinh doanh bất động sản; phát "
                "triển nhà ở; quản lý sử dụng nhà và công sở",
                topic="xử phạt vi phạm hành chính trong hoạt động xây dựng",
                series="xp-xay-dung",
            ),
            C(
                ND,
                "15/2021/NĐ-CP",
                "2021-03-03",
                "Quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng",
                topic="quản lý dự án đầu tư xây dựng",
                series="qlda",
                guides="50/2014/QH13",
            ),
            C(
                ND,
                "16/2022/NĐ-CP",
                "2022-01-28",
                "Quy định xử phạt vi phạm hành chính về xây dựng",
                topic="xử phạt vi phạm hành chính trong hoạt động xây dựng",
                series="xp-xay-dung",
            ),
            C(
                ND,
                "175/2024/NĐ-CP",
                "2024-12-30",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Xây dựng về quản lý hoạt động xây dựng",
                topic="quản lý hoạt động xây dựng",
                guides="50/2014/QH13",
            ),
            C(
                TT,
                "15/2016/TT-BXD",
                "2016-06-30",
                "Hướng dẫn về cấp giấy phép xây dựng",
                topic="hướng dẫn cấp giấy phép xây dựng",
            ),
        ),
        (
            S(
                QD,
                "tinh",
                "Ban hành Quy định phân cấp cấp giấy phép xây dựng trên địa bàn tỉnh {prov}",
                [2008, 2013, 2021],
                True,
            ),
            S(
                QD,
                "tinh",
                "Ban hành Quy chế phối hợp quản lý trật tự xây dựng trên địa bàn tỉnh {prov}",
                [2011, 2017, 2023],
                True,
            ),
            S(CT, "huyen", "Về tăng cường công tác quản lý trật tự xây dựng trên địa bàn {unit}", [2009, 2016, 2022]),
        ),
    ),
    Family(
        "dau_tu_cong",
        "đầu tư công",
        "Kế hoạch và Đầu tư",
        8,
        "Sở Kế hoạch và Đầu tư",
        "kinh_te",
        (
            "giải ngân vốn đầu tư công",
            "kế hoạch đầu tư công trung hạn",
            "kế hoạch vốn đầu tư công",
            "chủ trương đầu tư dự án",
            "quyết toán dự án hoàn thành",
            "nợ đọng xây dựng cơ bản",
        ),
        (
            C(LAW, "49/2014/QH13", "2014-06-18", "Luật Đầu tư công", name="Luật Đầu tư công", series="luat-dtc"),
            C(LAW, "39/2019/QH14", "2019-06-13", "Luật Đầu tư công", name="Luật Đầu tư công", series="luat-dtc"),
            C(LAW, "58/2024/QH15", "2024-11-29", "Luật Đầu tư công", name="Luật Đầu tư công", series="luat-dtc"),
            C(
                ND,
                "77/2015/NĐ-CP",
                "2015-09-10",
                "Về kế hoạch đầu tư công trung hạn và hằng năm",
                topic="kế hoạch đầu tư công trung hạn và hằng năm",
                guides="49/2014/QH13",
            ),
            C(
                ND,
                "136/2015/NĐ-CP",
                "2015-10-31",
                "Hướng dẫn thi hành một số điều của Luật Đầu tư công",
                topic="hướng dẫn thi hành luật đầu tư công",
                series="ct-dtc",
                guides="49/2014/QH13",
            ),
            C(
                ND,
                "40/2020/NĐ-CP",
                "2020-04-06",
                "Quy định chi tiết thi hành một số điều của Luật Đầu tư công",
                topic="quy định chi tiết luật đầu tư công",
                series="ct-dtc",
                guides="39/2019/QH14",
            ),
            C(
                ND,
                "85/2025/NĐ-CP",
                "2025-04-08",
                "Quy định chi tiết một số điều của Luật Đầu tư công",
                topic="quy định chi tiết luật đầu tư công",
                series="ct-dtc",
                guides="58/2024/QH15",
            ),
            C(
                CT,
                "07/CT-TTg",
                "2019-03-14",
                "Về tăng cường các giải pháp đẩy mạnh giải ngân vốn đầu tư công",
                topic="đẩy mạnh giải ngân vốn đầu tư công",
            ),
        ),
        (
            S(
                NQ,
                "hdnd",
                "Về kế hoạch đầu tư công trung hạn giai đoạn {y1}–{y5} tỉnh {prov}",
                [2015, 2020],
            ),
            S(NQ, "hdnd", "Về kế hoạch đầu tư công năm {y1} tỉnh {prov}", range(2015, 2026)),
            S(QD, "tinh", "Về việc giao kế hoạch vốn đầu tư công năm {y1}", range(2012, 2026)),
            S(CT, "tinh", "Về đẩy mạnh giải ngân vốn đầu tư công năm {y}", [2017, 2020, 2023, 2025]),
        ),
    ),
    Family(
        "ngan_sach",
        "ngân sách nhà nước",
        "Tài chính",
        8,
        "Sở Tài chính",
        "kinh_te",
        (
            "dự toán ngân sách nhà nước",
            "quyết toán ngân sách địa phương",
            "thu ngân sách nhà nước",
            "chi thường xuyên",
            "phân cấp nguồn thu, nhiệm vụ chi",
            "thực hành tiết kiệm, chống lãng phí",
        ),
        (
            C(
                LAW,
                "83/2015/QH13",
                "2015-06-25",
                "Luật Ngân sách nhà nước",
                name="Luật Ngân sách nhà nước",
                series="luat-nsnn",
            ),
            C(
                LAW,
                "89/2025/QH15",
                "2025-06-25",
                "Luật Ngân sách nhà nước",
                name="Luật Ngân sách nhà nước",
                series="luat-nsnn",
            ),
            C(
                ND,
                "163/2016/NĐ-CP",
                "2016-12-21",
                "Quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước",
                topic="quy định chi tiết thi hành luật ngân sách nhà nước",
                guides="83/2015/QH13",
            ),
            C(
                ND,
                "31/2017/NĐ-CP",
                "2017-03-23",
                "Ban hành Quy chế lập, thẩm tra, quyết định kế hoạch tài chính 5 năm địa phương, kế hoạch đầu tư công "
                "trung hạn 5 năm địa phương, kế hoạch tài chính - ngân sách nhà nước 03 năm địa phương, dự toán và "
                "phân "
                "bổ ngân sách địa phương, phê chuẩn quyết toán ngân sách địa phương hằng năm",
                topic="lập, thẩm tra, quyết định dự toán ngân sách địa phương",
                guides="83/2015/QH13",
            ),
            C(
                TT,
                "342/2016/TT-BTC",
                "2016-12-30",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Nghị định số 163/2016/NĐ-CP ngày 21 tháng 12 "
                "năm 2016 của Chính phủ quy định chi tiết thi hành một số điều của Luật Ngân sách nhà nước",
                topic="hướng dẫn nghị định 163",
            ),
            C(
                TT,
                "108/2008/TT-BTC",
                "2008-11-18",
                "Hướng dẫn xử lý ngân sách cuối năm và lập, báo cáo quyết toán ngân sách nhà nước hằng năm",
                topic="xử lý ngân sách cuối năm và quyết toán ngân sách nhà nước",
            ),
        ),
        (
            S(NQ, "hdnd", "Về dự toán ngân sách địa phương và phân bổ ngân sách cấp tỉnh năm {y1}", range(2006, 2026)),
            S(NQ, "hdnd", "Phê chuẩn quyết toán ngân sách địa phương năm {y_1}", range(2007, 2026)),
            S(QD, "tinh", "Về việc giao dự toán thu, chi ngân sách nhà nước năm {y1}", range(2006, 2026)),
            S(
                NQ,
                "hdnd",
                "Quy định phân cấp nguồn thu, nhiệm vụ chi giữa các cấp ngân sách địa phương tỉnh {prov} giai đoạn "
                "{y1}–{y5}",
                [2010, 2016, 2021],
                True,
            ),
        ),
    ),
    Family(
        "giao_duc",
        "giáo dục",
        "Giáo dục và Đào tạo",
        8,
        "Sở Giáo dục và Đào tạo",
        "van_xa",
        (
            "phổ cập giáo dục",
            "tuyển sinh vào lớp 10",
            "học phí",
            "chương trình giáo dục phổ thông",
            "trường chuẩn quốc gia",
            "đánh giá học sinh",
        ),
        (
            C(LAW, "38/2005/QH11", "2005-06-14", "Luật Giáo dục", name="Luật Giáo dục", series="luat-giao-duc"),
            C(
                LAW,
                "44/2009/QH12",
                "2009-11-25",
                "Luật sửa đổi, bổ sung một số điều của Luật Giáo dục",
                topic="sửa đổi luật giáo dục",
                guides="38/2005/QH11",
            ),
            C(LAW, "43/2019/QH14", "2019-06-14", "Luật Giáo dục", name="Luật Giáo dục", series="luat-giao-duc"),
            C(
                ND,
                "75/2006/NĐ-CP",
                "2006-08-02",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Giáo dục",
                topic="quy định chi tiết luật giáo dục",
                series="ct-giao-duc",
                guides="38/2005/QH11",
            ),
            C(
                ND,
                "84/2020/NĐ-CP",
                "2020-07-17",
                "Quy định chi tiết một số điều của Luật Giáo dục",
                topic="quy định chi tiết luật giáo dục",
                series="ct-giao-duc",
                guides="43/2019/QH14",
            ),
            C(
                ND,
                "49/2010/NĐ-CP",
                "2010-05-14",
                "Quy định về miễn, giảm học phí, hỗ trợ chi phí học tập và cơ chế thu, sử dụng học phí đối với cơ sở "
                "giáo dục thuộc hệ thống giáo dục quốc dân từ năm học 2010 - 2011 đến năm học 2014 - 2015",
                topic="học phí",
                series="hoc-phi",
            ),
            C(
                ND,
                "86/2015/NĐ-CP",
                "2015-10-02",
                "Quy định về cơ chế thu, quản lý học phí đối với cơ sở giáo dục thuộc hệ thống giáo dục quốc dân và "
                "chính sách miễn, giảm học phí, hỗ trợ chi phí học tập từ năm học 2015 - 2016 đến năm học 2020 - 2021",
                topic="học phí",
                series="hoc-phi",
            ),
            C(
                ND,
                "81/2021/NĐ-CP",
                "2021-08-27",
                "Quy định về cơ chế thu, quản lý học phí đối với cơ sở giáo dục thuộc hệ thống giáo dục quốc dân và "
                "chính sách miễn, giảm học phí, hỗ trợ chi phí học tập; giá dịch vụ trong lĩnh vực giáo dục, đào tạo",
                topic="học phí",
                series="hoc-phi",
            ),
            C(
                TT,
                "58/2011/TT-BGDĐT",
                "2011-12-12",
                "Ban hành Quy chế đánh giá, xếp loại học sinh trung học cơ sở và học sinh trung học phổ thông",
                topic="đánh giá, xếp loại học sinh trung học",
                series="danh-gia-hs",
            ),
            C(
                TT,
                "32/2018/TT-BGDĐT",
                "2018-12-26",
                "Ban hành Chương trình giáo dục phổ thông",
                topic="chương trình giáo dục phổ thông",
            ),
            C(
                TT,
                "22/2021/TT-BGDĐT",
                "2021-07-20",
                "Quy định về đánh giá học sinh trung học cơ sở và học sinh trung học phổ thông",
                topic="đánh giá học sinh trung học",
                series="danh-gia-hs",
            ),
        ),
        (
            S(KH, "tinh", "Tuyển sinh vào lớp 10 trung học phổ thông năm học {y}–{y1} tỉnh {prov}", range(2008, 2027)),
            S(
                NQ,
                "hdnd",
                "Quy định mức thu học phí đối với cơ sở giáo dục công lập năm học {y}–{y1} trên địa bàn tỉnh {prov}",
                range(2011, 2026),
                True,
            ),
            S(KH, "huyen", "Phổ cập giáo dục, xóa mù chữ năm {y} của {unit}", range(2006, 2026)),
        ),
    ),
    Family(
        "bhxh",
        "bảo hiểm xã hội",
        "Lao động - Thương binh và Xã hội",
        6,
        "Sở Lao động - Thương binh và Xã hội",
        "van_xa",
        (
            "bảo hiểm xã hội bắt buộc",
            "bảo hiểm xã hội tự nguyện",
            "bảo hiểm thất nghiệp",
            "phát triển người tham gia bảo hiểm xã hội",
            "chậm đóng bảo hiểm xã hội",
        ),
        (
            C(
                LAW,
                "71/2006/QH11",
                "2006-06-29",
                "Luật Bảo hiểm xã hội",
                name="Luật Bảo hiểm xã hội",
                series="luat-bhxh",
            ),
            C(
                LAW,
                "58/2014/QH13",
                "2014-11-20",
                "Luật Bảo hiểm xã hội",
                name="Luật Bảo hiểm xã hội",
                series="luat-bhxh",
            ),
            C(
                LAW,
                "41/2024/QH15",
                "2024-06-29",
                "Luật Bảo hiểm xã hội",
                name="Luật Bảo hiểm xã hội",
                series="luat-bhxh",
            ),
            C(
                ND,
                "152/2006/NĐ-CP",
                "2006-12-22",
                "Hướng dẫn một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
                topic="bảo hiểm xã hội bắt buộc",
                series="bhxh-bb",
                guides="71/2006/QH11",
            ),
            C(
                ND,
                "190/2007/NĐ-CP",
                "2007-12-28",
                "Hướng dẫn một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội tự nguyện",
                topic="bảo hiểm xã hội tự nguyện",
                series="bhxh-tn",
                guides="71/2006/QH11",
            ),
            C(
                ND,
                "115/2015/NĐ-CP",
                "2015-11-11",
                "Quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc",
                topic="bảo hiểm xã hội bắt buộc",
                series="bhxh-bb",
                guides="58/2014/QH13",
            ),
            C(
                ND,
                "134/2015/NĐ-CP",
                "2015-11-29",
                "Quy định chi tiết một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội tự nguyện",
                topic="bảo hiểm xã hội tự nguyện",
                series="bhxh-tn",
                guides="58/2014/QH13",
            ),
            C(
                ND,
                "158/2025/NĐ-CP",
                "2025-06-25",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt "
                "buộc",
                topic="bảo hiểm xã hội bắt buộc",
                series="bhxh-bb",
                guides="41/2024/QH15",
            ),
            C(
                ND,
                "12/2022/NĐ-CP",
                "2022-01-17",
                "Quy định xử phạt vi phạm hành chính trong lĩnh vực lao động, bảo hiểm xã hội, người lao động Việt Nam "
                "đi làm việc ở nước ngoài theo hợp đồng",
                topic="xử phạt vi phạm hành chính trong lĩnh vực lao động, bảo hiểm xã hội",
            ),
            C(
                TT,
                "59/2015/TT-BLĐTBXH",
                "2015-12-29",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt "
                "buộc",
                topic="hướng dẫn bảo hiểm xã hội bắt buộc",
            ),
        ),
        (
            S(
                KH,
                "tinh",
                "Phát triển người tham gia bảo hiểm xã hội, bảo hiểm y tế năm {y} trên địa bàn tỉnh {prov}",
                range(2012, 2027),
            ),
            S(CT, "tinh", "Về tăng cường thực hiện chính sách bảo hiểm xã hội, bảo hiểm y tế", [2009, 2016, 2023]),
        ),
    ),
    Family(
        "pctn",
        "phòng, chống tham nhũng",
        "Thanh tra",
        6,
        "Thanh tra tỉnh",
        "noi_chinh",
        (
            "phòng, chống tham nhũng",
            "kê khai tài sản, thu nhập",
            "kiểm soát tài sản, thu nhập",
            "minh bạch tài sản, thu nhập",
            "phòng ngừa tham nhũng, tiêu cực",
        ),
        (
            C(
                LAW,
                "55/2005/QH11",
                "2005-11-29",
                "Luật Phòng, chống tham nhũng",
                name="Luật Phòng, chống tham nhũng",
                series="luat-pctn",
            ),
            C(
                LAW,
                "27/2012/QH13",
                "2012-11-23",
                "Luật sửa đổi, bổ sung một số điều của Luật Phòng, chống tham nhũng",
                topic="sửa đổi luật phòng chống tham nhũng",
                guides="55/2005/QH11",
            ),
            C(
                LAW,
                "36/2018/QH14",
                "2018-11-20",
                "Luật Phòng, chống tham nhũng",
                name="Luật Phòng, chống tham nhũng",
                series="luat-pctn",
            ),
            C(
                ND,
                "120/2006/NĐ-CP",
                "2006-10-20",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Phòng, chống tham nhũng",
                topic="quy định chi tiết luật phòng, chống tham nhũng",
                series="ct-pctn",
                guides="55/2005/QH11",
            ),
            C(
                ND,
                "59/2013/NĐ-CP",
                "2013-06-17",
                "Quy định chi tiết một số điều của Luật Phòng, chống tham nhũng",
                topic="quy định chi tiết luật phòng, chống tham nhũng",
                series="ct-pctn",
                guides="55/2005/QH11",
            ),
            C(
                ND,
                "78/2013/NĐ-CP",
                "2013-07-17",
                "Về minh bạch tài sản, thu nhập",
                topic="minh bạch tài sản, thu nhập",
                series="kskt",
            ),
            C(
                ND,
                "59/2019/NĐ-CP",
                "2019-07-01",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Phòng, chống tham nhũng",
                topic="quy định chi tiết luật phòng, chống tham nhũng",
                series="ct-pctn",
                guides="36/2018/QH14",
            ),
            C(
                ND,
                "130/2020/NĐ-CP",
                "2020-10-30",
                "Về kiểm soát tài sản, thu nhập của người có chức vụ, quyền hạn trong cơ quan, tổ chức, đơn vị",
                topic="kiểm soát tài sản, thu nhập",
                series="kskt",
                guides="36/2018/QH14",
            ),
            C(
                CT,
                "10/CT-TTg",
                "2019-04-22",
                "Về việc tăng cường xử lý, ngăn chặn có hiệu quả tình trạng nhũng nhiễu, gây phiền hà cho người dân, "
                "doanh nghiệp trong giải quyết công việc",
                topic="ngăn chặn tình trạng nhũng nhiễu, gây phiền hà cho người dân, doanh nghiệp",
            ),
        ),
        (
            S(KH, "tinh", "Công tác phòng, chống tham nhũng năm {y}", range(2007, 2027)),
            S(KH, "huyen", "Thực hiện công tác phòng, chống tham nhũng năm {y} của {unit}", range(2008, 2027)),
            S(
                QD,
                "tinh",
                "Phê duyệt danh sách người có nghĩa vụ kê khai tài sản, thu nhập năm {y}",
                range(2008, 2026),
            ),
        ),
    ),
    Family(
        "tthc",
        "thủ tục hành chính",
        "Cải cách hành chính",
        10,
        "Văn phòng UBND tỉnh",
        "noi_chinh",
        (
            "kiểm soát thủ tục hành chính",
            "cơ chế một cửa, một cửa liên thông",
            "giải quyết thủ tục hành chính",
            "cải cách hành chính",
            "đơn giản hóa thủ tục hành chính",
            "tiếp nhận và trả kết quả giải quyết thủ tục hành chính",
        ),
        (
            C(
                QD,
                "93/2007/QĐ-TTg",
                "2007-06-22",
                "Ban hành Quy chế thực hiện cơ chế một cửa, cơ chế một cửa liên thông tại cơ quan hành chính nhà nước "
                "ở "
                "địa phương",
                topic="quy chế thực hiện cơ chế một cửa, một cửa liên thông",
                series="mot-cua",
            ),
            C(
                QD,
                "30/QĐ-TTg",
                "2007-01-10",
                "Phê duyệt Đề án Đơn giản hóa thủ tục hành chính trên các lĩnh vực quản lý nhà nước giai đoạn 2007 - "
                "2010",
                topic="đề án 30 đơn giản hóa thủ tục hành chính",
            ),
            C(
                ND,
                "63/2010/NĐ-CP",
                "2010-06-08",
                "Về kiểm soát thủ tục hành chính",
                topic="kiểm soát thủ tục hành chính",
                series="ks-tthc",
            ),
            C(
                ND,
                "48/2013/NĐ-CP",
                "2013-05-14",
                "Sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính",
                topic="kiểm soát thủ tục hành chính",
                series="ks-tthc",
            ),
            C(
                QD,
                "09/2015/QĐ-TTg",
                "2015-03-25",
                "Ban hành Quy chế thực hiện cơ chế một cửa, cơ chế một cửa liên thông tại cơ quan hành chính nhà nước "
                "ở "
                "địa phương",
                topic="quy chế thực hiện cơ chế một cửa, một cửa liên thông",
                series="mot-cua",
            ),
            C(
                ND,
                "92/2017/NĐ-CP",
                "2017-08-07",
                "Sửa đổi, bổ sung một số điều của các nghị định liên quan đến kiểm soát thủ tục hành chính",
                topic="kiểm soát thủ tục hành chính",
                series="ks-tthc",
            ),
            C(
                ND,
                "61/2018/NĐ-CP",
                "2018-04-23",
                "Về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                topic="cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                series="mot-cua",
            ),
            C(
                ND,
                "45/2020/NĐ-CP",
                "2020-04-08",
                "Về thực hiện thủ tục hành chính trên môi trường điện tử",
                topic="thực hiện thủ tục hành chính trên môi trường điện tử",
            ),
            C(
                ND,
                "107/2021/NĐ-CP",
                "2021-12-06",
                "Sửa đổi, bổ sung một số điều của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ về "
                "thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                topic="sửa đổi nghị định 61 về cơ chế một cửa",
            ),
            C(
                TT,
                "02/2017/TT-VPCP",
                "2017-10-31",
                "Hướng dẫn về nghiệp vụ kiểm soát thủ tục hành chính",
                topic="nghiệp vụ kiểm soát thủ tục hành chính",
            ),
            C(
                TT,
                "01/2018/TT-VPCP",
                "2018-11-23",
                "Hướng dẫn thi hành một số quy định của Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính "
                "phủ "
                "về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết thủ tục hành chính",
                topic="hướng dẫn nghị định 61 về cơ chế một cửa",
            ),
        ),
        (
            S(KH, "tinh", "Kiểm soát thủ tục hành chính năm {y} trên địa bàn tỉnh {prov}", range(2011, 2027)),
            S(KH, "huyen", "Cải cách hành chính năm {y} của {unit}", range(2006, 2027)),
            S(
                QD,
                "tinh",
                "Ban hành Quy chế tổ chức và hoạt động của Trung tâm Phục vụ hành chính công tỉnh {prov}",
                [2019, 2023, 2025],
                True,
            ),
        ),
    ),
    Family(
        "cds",
        "chuyển đổi số",
        "Thông tin và Truyền thông",
        8,
        "Sở Thông tin và Truyền thông",
        "noi_chinh",
        (
            "chuyển đổi số",
            "ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
            "dịch vụ công trực tuyến",
            "chính quyền điện tử",
            "an toàn thông tin mạng",
            "cổng thông tin điện tử",
        ),
        (
            C(
                LAW,
                "51/2005/QH11",
                "2005-11-29",
                "Luật Giao dịch điện tử",
                name="Luật Giao dịch điện tử",
                series="luat-gddt",
            ),
            C(
                LAW,
                "67/2006/QH11",
                "2006-06-29",
                "Luật Công nghệ thông tin",
                name="Luật Công nghệ thông tin",
                series="luat-cntt",
            ),
            C(
                LAW,
                "20/2023/QH15",
                "2023-06-22",
                "Luật Giao dịch điện tử",
                name="Luật Giao dịch điện tử",
                series="luat-gddt",
            ),
            C(
                ND,
                "64/2007/NĐ-CP",
                "2007-04-10",
                "Về ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
                topic="ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước",
                guides="67/2006/QH11",
            ),
            C(
                ND,
                "43/2011/NĐ-CP",
                "2011-06-13",
                "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử hoặc cổng "
                "thông tin điện tử của cơ quan nhà nước",
                topic="cung cấp thông tin và dịch vụ công trực tuyến",
                series="dvc-tt",
                guides="67/2006/QH11",
            ),
            C(
                ND,
                "42/2022/NĐ-CP",
                "2022-06-24",
                "Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước trên môi trường "
                "mạng",
                topic="cung cấp thông tin và dịch vụ công trực tuyến",
                series="dvc-tt",
            ),
            C(
                NQ,
                "17/NQ-CP",
                "2019-03-07",
                "Về một số nhiệm vụ, giải pháp trọng tâm phát triển Chính phủ điện tử giai đoạn 2019 - 2020, định "
                "hướng "
                "đến 2025",
                topic="phát triển chính phủ điện tử",
            ),
            C(
                QD,
                "749/QĐ-TTg",
                "2020-06-03",
                "Phê duyệt Chương trình Chuyển đổi số quốc gia đến năm 2025, định hướng đến năm 2030",
                topic="chương trình chuyển đổi số quốc gia",
            ),
            C(
                QD,
                "06/QĐ-TTg",
                "2022-01-06",
                "Phê duyệt Đề án phát triển ứng dụng dữ liệu về dân cư, định danh và xác thực điện tử phục vụ chuyển "
                "đổi "
                "số quốc gia giai đoạn 2022 - 2025, tầm nhìn đến năm 2030",
                topic="đề án 06 dữ liệu dân cư, định danh và xác thực điện tử",
            ),
            C(
                TT,
                "26/2009/TT-BTTTT",
                "2009-07-31",
                "Quy định về việc cung cấp thông tin và bảo đảm khả năng truy cập thuận tiện đối với trang thông tin "
                "điện tử của cơ quan nhà nước",
                topic="trang thông tin điện tử của cơ quan nhà nước",
                series="tt-ttdt",
            ),
            C(
                TT,
                "22/2023/TT-BTTTT",
                "2023-12-31",
                "Quy định về các yêu cầu đối với chức năng, tính năng kỹ thuật của cổng thông tin điện tử và trang "
                "thông tin điện tử của cơ quan nhà nước",
                topic="yêu cầu kỹ thuật cổng thông tin điện tử",
                series="tt-ttdt",
            ),
        ),
        (
            S(
                KH,
                "tinh",
                "Ứng dụng công nghệ thông tin trong hoạt động của cơ quan nhà nước tỉnh {prov} năm {y}",
                range(2008, 2021),
            ),
            S(KH, "tinh", "Chuyển đổi số tỉnh {prov} năm {y}", range(2021, 2027)),
            S(
                NQ,
                "hdnd",
                "Về chuyển đổi số tỉnh {prov} đến năm 2025, định hướng đến năm 2030",
                [2021],
            ),
            S(
                QD,
                "tinh",
                "Ban hành Quy chế hoạt động của Cổng Thông tin điện tử tỉnh {prov}",
                [2009, 2014, 2019, 2023],
                True,
            ),
        ),
    ),
    Family(
        "xlvphc",
        "xử lý vi phạm hành chính",
        "Tư pháp",
        4,
        "Sở Tư pháp",
        "noi_chinh",
        (
            "xử lý vi phạm hành chính",
            "xử phạt vi phạm hành chính",
            "thẩm quyền xử phạt",
            "cưỡng chế thi hành quyết định xử phạt",
        ),
        (
            C(
                LAW,
                "15/2012/QH13",
                "2012-06-20",
                "Luật Xử lý vi phạm hành chính",
                name="Luật Xử lý vi phạm hành chính",
                series="luat-xlvphc",
            ),
            C(
                LAW,
                "67/2020/QH14",
                "2020-11-13",
                "Luật sửa đổi, bổ sung một số điều của Luật Xử lý vi phạm hành chính",
                topic="sửa đổi luật xử lý vi phạm hành chính",
                guides="15/2012/QH13",
            ),
            C(
                ND,
                "128/2008/NĐ-CP",
                "2008-12-16",
                "Quy định chi tiết thi hành một số điều của Pháp lệnh Xử lý vi phạm hành chính năm 2002 và Pháp lệnh "
                "sửa đổi, bổ sung một số điều của Pháp lệnh Xử lý vi phạm hành chính năm 2008",
                topic="quy định chi tiết pháp lệnh xử lý vi phạm hành chính",
                series="ct-xlvphc",
            ),
            C(
                ND,
                "81/2013/NĐ-CP",
                "2013-07-19",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Xử lý vi phạm hành chính",
                topic="quy định chi tiết luật xử lý vi phạm hành chính",
                series="ct-xlvphc",
                guides="15/2012/QH13",
            ),
            C(
                ND,
                "118/2021/NĐ-CP",
                "2021-12-23",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Xử lý vi phạm hành chính",
                topic="quy định chi tiết luật xử lý vi phạm hành chính",
                series="ct-xlvphc",
                guides="15/2012/QH13",
            ),
        ),
        (S(QD, "tinh", "Về việc giao quyền xử phạt vi phạm hành chính", [2013, 2018, 2022, 2025]),),
    ),
    Family(
        "moi_truong",
        "bảo vệ môi trường",
        "Tài nguyên và Môi trường",
        7,
        "Sở Tài nguyên và Môi trường",
        "kinh_te",
        (
            "bảo vệ môi trường",
            "quản lý chất thải rắn sinh hoạt",
            "đánh giá tác động môi trường",
            "ô nhiễm môi trường làng nghề",
            "thu gom, xử lý rác thải",
        ),
        (
            C(
                LAW,
                "52/2005/QH11",
                "2005-11-29",
                "Luật Bảo vệ môi trường",
                name="Luật Bảo vệ môi trường",
                series="luat-bvmt",
            ),
            C(
                LAW,
                "55/2014/QH13",
                "2014-06-23",
                "Luật Bảo vệ môi trường",
                name="Luật Bảo vệ môi trường",
                series="luat-bvmt",
            ),
            C(
                LAW,
                "72/2020/QH14",
                "2020-11-17",
                "Luật Bảo vệ môi trường",
                name="Luật Bảo vệ môi trường",
                series="luat-bvmt",
            ),
            C(
                ND,
                "80/2006/NĐ-CP",
                "2006-08-09",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo vệ môi trường",
                topic="quy định chi tiết luật bảo vệ môi trường",
                series="ct-bvmt",
                guides="52/2005/QH11",
            ),
            C(
                ND,
                "117/2009/NĐ-CP",
                "2009-12-31",
                "Về xử lý vi phạm pháp luật trong lĩnh vực bảo vệ môi trường",
                topic="xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
                series="xp-bvmt",
            ),
            C(
                ND,
                "179/2013/NĐ-CP",
                "2013-11-14",
                "Về xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
                topic="xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
                series="xp-bvmt",
            ),
            C(
                ND,
                "19/2015/NĐ-CP",
                "2015-02-14",
                "Quy định chi tiết thi hành một số điều của Luật Bảo vệ môi trường",
                topic="quy định chi tiết luật bảo vệ môi trường",
                series="ct-bvmt",
                guides="55/2014/QH13",
            ),
            C(
                ND,
                "38/2015/NĐ-CP",
                "2015-04-24",
                "Về quản lý chất thải và phế liệu",
                topic="quản lý chất thải và phế liệu",
            ),
            C(
                ND,
                "155/2016/NĐ-CP",
                "2016-11-18",
                "Quy định về xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
                topic="xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
                series="xp-bvmt",
            ),
            C(
                ND,
                "08/2022/NĐ-CP",
                "2022-01-10",
                "Quy định chi tiết một số điều của Luật Bảo vệ môi trường",
                topic="quy định chi tiết luật bảo vệ môi trường",
                series="ct-bvmt",
                guides="72/2020/QH14",
            ),
            C(
                ND,
                "45/2022/NĐ-CP",
                "2022-07-07",
                "Quy định về xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
                topic="xử phạt vi phạm hành chính trong lĩnh vực bảo vệ môi trường",
                series="xp-bvmt",
            ),
            C(
                TT,
                "02/2022/TT-BTNMT",
                "2022-01-10",
                "Quy định chi tiết thi hành một số điều của Luật Bảo vệ môi trường",
                topic="hướng dẫn luật bảo vệ môi trường",
            ),
        ),
        (
            S(
                QD,
                "tinh",
                "Ban hành Quy định quản lý chất thải rắn sinh hoạt trên địa bàn tỉnh {prov}",
                [2012, 2018, 2024],
                True,
            ),
            S(KH, "huyen", "Bảo vệ môi trường năm {y} trên địa bàn {unit}", range(2009, 2027)),
        ),
    ),
    Family(
        "giao_thong",
        "an toàn giao thông",
        "Giao thông vận tải",
        7,
        "Sở Giao thông vận tải",
        "kinh_te",
        (
            "bảo đảm trật tự, an toàn giao thông",
            "kiềm chế tai nạn giao thông",
            "xử phạt vi phạm giao thông đường bộ",
            "đội mũ bảo hiểm khi đi mô tô, xe máy",
            "nồng độ cồn khi điều khiển phương tiện",
        ),
        (
            C(
                LAW,
                "23/2008/QH12",
                "2008-11-13",
                "Luật Giao thông đường bộ",
                name="Luật Giao thông đường bộ",
                series="luat-gtdb",
            ),
            C(
                LAW,
                "36/2024/QH15",
                "2024-06-27",
                "Luật Trật tự, an toàn giao thông đường bộ",
                name="Luật Trật tự, an toàn giao thông đường bộ",
                series="luat-ttatgt",
            ),
            C(LAW, "35/2024/QH15", "2024-06-27", "Luật Đường bộ", name="Luật Đường bộ", series="luat-duong-bo"),
            C(
                NQ,
                "32/2007/NQ-CP",
                "2007-06-29",
                "Về một số giải pháp cấp bách nhằm kiềm chế tai nạn giao thông và ùn tắc giao thông",
                topic="giải pháp cấp bách kiềm chế tai nạn giao thông và ùn tắc giao thông",
            ),
            C(
                ND,
                "34/2010/NĐ-CP",
                "2010-04-02",
                "Quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ",
                topic="xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ",
                series="xp-gt",
            ),
            C(
                ND,
                "171/2013/NĐ-CP",
                "2013-11-13",
                "Quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt",
                topic="xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ",
                series="xp-gt",
            ),
            C(
                ND,
                "46/2016/NĐ-CP",
                "2016-05-26",
                "Quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt",
                topic="xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ",
                series="xp-gt",
            ),
            C(
                ND,
                "100/2019/NĐ-CP",
                "2019-12-30",
                "Quy định xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ và đường sắt",
                topic="xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ",
                series="xp-gt",
            ),
            C(
                ND,
                "168/2024/NĐ-CP",
                "2024-12-26",
                "Quy định xử phạt vi phạm hành chính về trật tự, an toàn giao thông trong lĩnh vực giao thông đường "
                "bộ; "
                "trừ điểm, phục hồi điểm giấy phép lái xe",
                topic="xử phạt vi phạm hành chính trong lĩnh vực giao thông đường bộ",
                series="xp-gt",
                guides="36/2024/QH15",
            ),
        ),
        (
            S(KH, "tinh", "Bảo đảm trật tự, an toàn giao thông năm {y} trên địa bàn tỉnh {prov}", range(2008, 2027)),
            S(
                CT,
                "tinh",
                "Về tăng cường bảo đảm trật tự, an toàn giao thông dịp Tết Nguyên đán",
                [2010, 2015, 2019, 2024],
            ),
        ),
    ),
    Family(
        "can_bo",
        "cán bộ, công chức",
        "Nội vụ",
        8,
        "Sở Nội vụ",
        "noi_chinh",
        (
            "tuyển dụng công chức",
            "đánh giá, xếp loại cán bộ, công chức, viên chức",
            "tinh giản biên chế",
            "mức lương cơ sở",
            "cán bộ, công chức cấp xã",
            "sắp xếp tổ chức bộ máy",
        ),
        (
            C(
                LAW,
                "22/2008/QH12",
                "2008-11-13",
                "Luật Cán bộ, công chức",
                name="Luật Cán bộ, công chức",
                series="luat-cbcc",
            ),
            C(LAW, "58/2010/QH12", "2010-11-15", "Luật Viên chức", name="Luật Viên chức", series="luat-vc"),
            C(
                LAW,
                "52/2019/QH14",
                "2019-11-25",
                "Luật sửa đổi, bổ sung một số điều của Luật Cán bộ, công chức và Luật Viên chức",
                topic="sửa đổi luật cán bộ, công chức và luật viên chức",
                guides="22/2008/QH12",
            ),
            C(
                LAW,
                "80/2025/QH15",
                "2025-06-24",
                "Luật Cán bộ, công chức",
                name="Luật Cán bộ, công chức",
                series="luat-cbcc",
            ),
            C(
                ND,
                "24/2010/NĐ-CP",
                "2010-03-15",
                "Quy định về tuyển dụng, sử dụng và quản lý công chức",
                topic="tuyển dụng, sử dụng và quản lý công chức",
                series="td-cc",
                guides="22/2008/QH12",
            ),
            C(
                ND,
                "112/2011/NĐ-CP",
                "2011-12-05",
                "Về công chức xã, phường, thị trấn",
                topic="công chức xã, phường, thị trấn",
                series="cc-xa",
            ),
            C(
                ND,
                "138/2020/NĐ-CP",
                "2020-11-27",
                "Quy định về tuyển dụng, sử dụng và quản lý công chức",
                topic="tuyển dụng, sử dụng và quản lý công chức",
                series="td-cc",
                guides="22/2008/QH12",
            ),
            C(
                ND,
                "33/2023/NĐ-CP",
                "2023-06-10",
                "Quy định về cán bộ, công chức cấp xã và người hoạt động không chuyên trách ở cấp xã, ở thôn, tổ dân "
                "phố",
                topic="cán bộ, công chức cấp xã",
                series="cc-xa",
            ),
            C(
                ND,
                "31/2012/NĐ-CP",
                "2012-04-12",
                "Quy định mức lương tối thiểu chung",
                topic="mức lương tối thiểu chung",
                series="luong",
            ),
            C(
                ND,
                "66/2013/NĐ-CP",
                "2013-06-27",
                "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
                topic="mức lương cơ sở",
                series="luong",
            ),
            C(
                ND,
                "47/2017/NĐ-CP",
                "2017-04-24",
                "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
                topic="mức lương cơ sở",
                series="luong",
            ),
            C(
                ND,
                "38/2019/NĐ-CP",
                "2019-05-09",
                "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
                topic="mức lương cơ sở",
                series="luong",
            ),
            C(
                ND,
                "24/2023/NĐ-CP",
                "2023-05-14",
                "Quy định mức lương cơ sở đối với cán bộ, công chức, viên chức và lực lượng vũ trang",
                topic="mức lương cơ sở",
                series="luong",
            ),
            C(
                ND,
                "73/2024/NĐ-CP",
                "2024-06-30",
                "Quy định mức lương cơ sở và chế độ tiền thưởng đối với cán bộ, công chức, viên chức và lực lượng vũ "
                "trang",
                topic="mức lương cơ sở",
                series="luong",
            ),
        ),
        (
            S(QD, "tinh", "Phê duyệt Kế hoạch tuyển dụng công chức năm {y}", range(2010, 2026)),
            S(
                QD,
                "tinh",
                "Ban hành Quy định phân cấp quản lý tổ chức bộ máy, biên chế, cán bộ, công chức, viên chức",
                [2006, 2012, 2017, 2022],
                True,
            ),
        ),
    ),
    Family(
        "khieu_nai",
        "khiếu nại, tố cáo",
        "Thanh tra",
        6,
        "Thanh tra tỉnh",
        "noi_chinh",
        (
            "tiếp công dân",
            "giải quyết khiếu nại, tố cáo",
            "xử lý đơn thư khiếu nại, tố cáo, kiến nghị, phản ánh",
            "khiếu kiện đông người",
        ),
        (
            C(
                LAW,
                "58/2005/QH11",
                "2005-11-29",
                "Luật sửa đổi, bổ sung một số điều của Luật Khiếu nại, tố cáo",
                topic="sửa đổi luật khiếu nại, tố cáo",
            ),
            C(LAW, "02/2011/QH13", "2011-11-11", "Luật Khiếu nại", name="Luật Khiếu nại", series="luat-kn"),
            C(LAW, "03/2011/QH13", "2011-11-11", "Luật Tố cáo", name="Luật Tố cáo", series="luat-tc"),
            C(LAW, "42/2013/QH13", "2013-11-25", "Luật Tiếp công dân", name="Luật Tiếp công dân", series="luat-tcd"),
            C(LAW, "25/2018/QH14", "2018-06-12", "Luật Tố cáo", name="Luật Tố cáo", series="luat-tc"),
            C(
                ND,
                "136/2006/NĐ-CP",
                "2006-11-14",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khiếu nại, tố cáo và các Luật sửa đổi, "
                "bổ sung một số điều của Luật Khiếu nại, tố cáo",
                topic="quy định chi tiết luật khiếu nại, tố cáo",
            ),
            C(
                ND,
                "75/2012/NĐ-CP",
                "2012-10-03",
                "Quy định chi tiết một số điều của Luật Khiếu nại",
                topic="quy định chi tiết luật khiếu nại",
                series="ct-kn",
                guides="02/2011/QH13",
            ),
            C(
                ND,
                "76/2012/NĐ-CP",
                "2012-10-03",
                "Quy định chi tiết thi hành một số điều của Luật Tố cáo",
                topic="quy định chi tiết luật tố cáo",
                series="ct-tc",
                guides="03/2011/QH13",
            ),
            C(
                ND,
                "64/2014/NĐ-CP",
                "2014-06-26",
                "Quy định chi tiết thi hành một số điều của Luật Tiếp công dân",
                topic="quy định chi tiết luật tiếp công dân",
                guides="42/2013/QH13",
            ),
            C(
                ND,
                "31/2019/NĐ-CP",
                "2019-04-10",
                "Quy định chi tiết một số điều và biện pháp tổ chức thi hành Luật Tố cáo",
                topic="quy định chi tiết luật tố cáo",
                series="ct-tc",
                guides="25/2018/QH14",
            ),
            C(
                ND,
                "124/2020/NĐ-CP",
                "2020-10-19",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Khiếu nại",
                topic="quy định chi tiết luật khiếu nại",
                series="ct-kn",
                guides="02/2011/QH13",
            ),
            C(
                TT,
                "07/2014/TT-TTCP",
                "2014-10-31",
                "Quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
                topic="quy trình xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh",
                series="xl-don",
            ),
            C(
                TT,
                "05/2021/TT-TTCP",
                "2021-10-01",
                "Quy định quy trình xử lý đơn khiếu nại, đơn tố cáo, đơn kiến nghị, phản ánh",
                topic="quy trình xử lý đơn khiếu nại, tố cáo, kiến nghị, phản ánh",
                series="xl-don",
            ),
        ),
        (
            S(TB, "tinh", "Lịch tiếp công dân định kỳ của Chủ tịch UBND tỉnh năm {y}", range(2014, 2027)),
            S(
                QD,
                "tinh",
                "Ban hành Quy chế tổ chức tiếp công dân tại Trụ sở tiếp công dân tỉnh {prov}",
                [2015, 2020, 2025],
                True,
            ),
        ),
    ),
    Family(
        "pccc",
        "phòng cháy, chữa cháy",
        "An ninh, trật tự",
        5,
        "Công an tỉnh",
        "noi_chinh",
        (
            "phòng cháy, chữa cháy",
            "cứu nạn, cứu hộ",
            "an toàn phòng cháy, chữa cháy đối với nhà ở kết hợp kinh doanh",
            "phòng cháy, chữa cháy rừng",
        ),
        (
            C(
                LAW,
                "40/2013/QH13",
                "2013-11-22",
                "Luật sửa đổi, bổ sung một số điều của Luật Phòng cháy và chữa cháy",
                topic="sửa đổi luật phòng cháy và chữa cháy",
            ),
            C(
                LAW,
                "55/2024/QH15",
                "2024-11-29",
                "Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                name="Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                series="luat-pccc",
            ),
            C(
                ND,
                "46/2012/NĐ-CP",
                "2012-05-22",
                "Sửa đổi, bổ sung một số điều của Nghị định số 35/2003/NĐ-CP ngày 04 tháng 4 năm 2003 quy định chi "
                "tiết "
                "thi hành một số điều Luật Phòng cháy và chữa cháy và Nghị định số 130/2006/NĐ-CP ngày 08 tháng 11 năm "
                "2006 quy định chế độ bảo hiểm cháy, nổ bắt buộc",
                topic="sửa đổi nghị định 35 về phòng cháy chữa cháy",
            ),
            C(
                ND,
                "79/2014/NĐ-CP",
                "2014-07-31",
                "Quy định chi tiết thi hành một số điều của Luật Phòng cháy và chữa cháy và Luật sửa đổi, bổ sung một "
                "số điều của Luật Phòng cháy và chữa cháy",
                topic="quy định chi tiết luật phòng cháy và chữa cháy",
                series="ct-pccc",
                guides="40/2013/QH13",
            ),
            C(
                ND,
                "136/2020/NĐ-CP",
                "2020-11-24",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Phòng cháy và chữa cháy và Luật sửa đổi, bổ "
                "sung một số điều của Luật Phòng cháy và chữa cháy",
                topic="quy định chi tiết luật phòng cháy và chữa cháy",
                series="ct-pccc",
                guides="40/2013/QH13",
            ),
            C(
                ND,
                "105/2025/NĐ-CP",
                "2025-05-15",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                topic="quy định chi tiết luật phòng cháy, chữa cháy và cứu nạn, cứu hộ",
                series="ct-pccc",
                guides="55/2024/QH15",
            ),
            C(
                ND,
                "144/2021/NĐ-CP",
                "2021-12-31",
                "Quy định xử phạt vi phạm hành chính trong lĩnh vực an ninh, trật tự, an toàn xã hội; phòng, chống tệ "
                "nạn xã hội; phòng cháy, chữa cháy; cứu nạn, cứu hộ; phòng, chống bạo lực gia đình",
                topic="xử phạt vi phạm hành chính trong lĩnh vực an ninh, trật tự, phòng cháy, chữa cháy",
            ),
            C(
                CT,
                "01/CT-TTg",
                "2020-01-03",
                "Về việc tăng cường công tác phòng cháy, chữa cháy trong tình hình mới",
                topic="tăng cường công tác phòng cháy, chữa cháy",
            ),
        ),
        (
            S(
                CT,
                "tinh",
                "Về tăng cường công tác phòng cháy, chữa cháy mùa hanh khô năm {y}",
                [2008, 2012, 2017, 2021, 2024],
            ),
            S(KH, "huyen", "Phòng cháy, chữa cháy rừng năm {y} của {unit}", range(2009, 2026)),
        ),
    ),
    Family(
        "dau_thau",
        "đấu thầu",
        "Kế hoạch và Đầu tư",
        5,
        "Sở Kế hoạch và Đầu tư",
        "kinh_te",
        (
            "lựa chọn nhà thầu",
            "đấu thầu qua mạng",
            "kế hoạch lựa chọn nhà thầu",
            "mua sắm tài sản công",
        ),
        (
            C(LAW, "61/2005/QH11", "2005-11-29", "Luật Đấu thầu", name="Luật Đấu thầu", series="luat-dau-thau"),
            C(LAW, "43/2013/QH13", "2013-11-26", "Luật Đấu thầu", name="Luật Đấu thầu", series="luat-dau-thau"),
            C(LAW, "22/2023/QH15", "2023-06-23", "Luật Đấu thầu", name="Luật Đấu thầu", series="luat-dau-thau"),
            C(
                ND,
                "111/2006/NĐ-CP",
                "2006-09-29",
                "Hướng dẫn thi hành Luật Đấu thầu và lựa chọn nhà thầu xây dựng theo Luật Xây dựng",
                topic="hướng dẫn thi hành luật đấu thầu",
                series="ct-dau-thau",
                guides="61/2005/QH11",
            ),
            C(
                ND,
                "85/2009/NĐ-CP",
                "2009-10-15",
                "Hướng dẫn thi hành Luật Đấu thầu và lựa chọn nhà thầu xây dựng theo Luật Xây dựng",
                topic="hướng dẫn thi hành luật đấu thầu",
                series="ct-dau-thau",
                guides="61/2005/QH11",
            ),
            C(
                ND,
                "63/2014/NĐ-CP",
                "2014-06-26",
                "Quy định chi tiết thi hành một số điều của Luật Đấu thầu về lựa chọn nhà thầu",
                topic="quy định chi tiết luật đấu thầu về lựa chọn nhà thầu",
                series="ct-dau-thau",
                guides="43/2013/QH13",
            ),
            C(
                ND,
                "24/2024/NĐ-CP",
                "2024-02-27",
                "Quy định chi tiết một số điều và biện pháp thi hành Luật Đấu thầu về lựa chọn nhà thầu",
                topic="quy định chi tiết luật đấu thầu về lựa chọn nhà thầu",
                series="ct-dau-thau",
                guides="22/2023/QH15",
            ),
            C(
                TT,
                "58/2016/TT-BTC",
                "2016-03-29",
                "Quy định chi tiết việc sử dụng vốn nhà nước để mua sắm nhằm duy trì hoạt động thường xuyên của cơ "
                "quan "
                "nhà nước, đơn vị thuộc lực lượng vũ trang nhân dân, đơn vị sự nghiệp công lập, tổ chức chính trị",
                topic="mua sắm bằng vốn nhà nước để duy trì hoạt động thường xuyên",
            ),
            C(
                TT,
                "08/2022/TT-BKHĐT",
                "2022-05-31",
                "Quy định chi tiết việc cung cấp, đăng tải thông tin về đấu thầu và lựa chọn nhà thầu trên Hệ thống "
                "mạng "
                "đấu thầu quốc gia",
                topic="đăng tải thông tin đấu thầu trên hệ thống mạng đấu thầu quốc gia",
            ),
        ),
        (
            S(
                QD,
                "tinh",
                "Ban hành Quy định phân cấp thẩm quyền quyết định mua sắm tài sản công trên địa bàn tỉnh {prov}",
                [2009, 2018, 2024],
                True,
            ),
        ),
    ),
    Family(
        "nha_o",
        "nhà ở",
        "Xây dựng",
        5,
        "Sở Xây dựng",
        "kinh_te",
        (
            "phát triển nhà ở",
            "nhà ở xã hội",
            "hỗ trợ nhà ở cho hộ nghèo",
            "xóa nhà tạm, nhà dột nát",
            "hỗ trợ người có công với cách mạng về nhà ở",
        ),
        (
            C(LAW, "56/2005/QH11", "2005-11-29", "Luật Nhà ở", name="Luật Nhà ở", series="luat-nha-o"),
            C(LAW, "65/2014/QH13", "2014-11-25", "Luật Nhà ở", name="Luật Nhà ở", series="luat-nha-o"),
            C(LAW, "27/2023/QH15", "2023-11-27", "Luật Nhà ở", name="Luật Nhà ở", series="luat-nha-o"),
            C(
                ND,
                "90/2006/NĐ-CP",
                "2006-09-06",
                "Quy định chi tiết và hướng dẫn thi hành Luật Nhà ở",
                topic="quy định chi tiết luật nhà ở",
                series="ct-nha-o",
                guides="56/2005/QH11",
            ),
            C(
                ND,
                "71/2010/NĐ-CP",
                "2010-06-23",
                "Quy định chi tiết và hướng dẫn thi hành Luật Nhà ở",
                topic="quy định chi tiết luật nhà ở",
                series="ct-nha-o",
                guides="56/2005/QH11",
            ),
            C(
                ND,
                "99/2015/NĐ-CP",
                "2015-10-20",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Nhà ở",
                topic="quy định chi tiết luật nhà ở",
                series="ct-nha-o",
                guides="65/2014/QH13",
            ),
            C(
                ND,
                "100/2015/NĐ-CP",
                "2015-10-20",
                "Về phát triển và quản lý nhà ở xã hội",
                topic="phát triển và quản lý nhà ở xã hội",
                series="nha-o-xh",
                guides="65/2014/QH13",
            ),
            C(
                ND,
                "95/2024/NĐ-CP",
                "2024-07-24",
                "Quy định chi tiết một số điều của Luật Nhà ở",
                topic="quy định chi tiết luật nhà ở",
                series="ct-nha-o",
                guides="27/2023/QH15",
            ),
            C(
                ND,
                "100/2024/NĐ-CP",
                "2024-07-26",
                "Quy định chi tiết một số điều của Luật Nhà ở về phát triển và quản lý nhà ở xã hội",
                topic="phát triển và quản lý nhà ở xã hội",
                series="nha-o-xh",
                guides="27/2023/QH15",
            ),
            C(
                QD,
                "167/2008/QĐ-TTg",
                "2008-10-12",
                "Về chính sách hỗ trợ hộ nghèo về nhà ở",
                topic="hỗ trợ hộ nghèo về nhà ở",
            ),
            C(
                QD,
                "22/2013/QĐ-TTg",
                "2013-04-26",
                "Về hỗ trợ người có công với cách mạng về nhà ở",
                topic="hỗ trợ người có công với cách mạng về nhà ở",
            ),
        ),
        (
            S(
                QD,
                "tinh",
                "Phê duyệt Chương trình phát triển nhà ở tỉnh {prov} giai đoạn {y1}–2030",
                [2015, 2021],
            ),
            S(KH, "tinh", "Phát triển nhà ở tỉnh {prov} năm {y1}", range(2016, 2026)),
            S(KH, "huyen", "Xóa nhà tạm, nhà dột nát trên địa bàn {unit} năm {y}", [2024, 2025]),
        ),
    ),
    Family(
        "van_thu",
        "văn thư, lưu trữ",
        "Nội vụ",
        4,
        "Sở Nội vụ",
        "noi_chinh",
        (
            "công tác văn thư",
            "công tác lưu trữ",
            "thể thức và kỹ thuật trình bày văn bản",
            "lập hồ sơ và nộp lưu hồ sơ, tài liệu",
            "quản lý văn bản đi, văn bản đến",
        ),
        (
            C(
                TTLT,
                "55/2005/TTLT-BNV-VPCP",
                "2005-05-06",
                "Hướng dẫn về thể thức và kỹ thuật trình bày văn bản",
                topic="thể thức và kỹ thuật trình bày văn bản",
                series="the-thuc",
            ),
            C(
                ND,
                "09/2010/NĐ-CP",
                "2010-02-08",
                "Sửa đổi, bổ sung một số điều của Nghị định số 110/2004/NĐ-CP ngày 08 tháng 4 năm 2004 của Chính phủ "
                "về "
                "công tác văn thư",
                topic="công tác văn thư",
                series="van-thu",
            ),
            C(
                TT,
                "01/2011/TT-BNV",
                "2011-01-19",
                "Hướng dẫn thể thức và kỹ thuật trình bày văn bản hành chính",
                topic="thể thức và kỹ thuật trình bày văn bản",
                series="the-thuc",
            ),
            C(LAW, "01/2011/QH13", "2011-11-11", "Luật Lưu trữ", name="Luật Lưu trữ", series="luat-luu-tru"),
            C(
                TT,
                "07/2012/TT-BNV",
                "2012-11-22",
                "Hướng dẫn quản lý văn bản, lập hồ sơ và nộp lưu hồ sơ, tài liệu vào Lưu trữ cơ quan",
                topic="lập hồ sơ và nộp lưu hồ sơ, tài liệu vào lưu trữ cơ quan",
            ),
            C(
                ND,
                "01/2013/NĐ-CP",
                "2013-01-03",
                "Quy định chi tiết thi hành một số điều của Luật Lưu trữ",
                topic="quy định chi tiết luật lưu trữ",
                guides="01/2011/QH13",
            ),
            C(ND, "30/2020/NĐ-CP", "2020-03-05", "Về công tác văn thư", topic="công tác văn thư", series="van-thu"),
            C(LAW, "33/2024/QH15", "2024-06-21", "Luật Lưu trữ", name="Luật Lưu trữ", series="luat-luu-tru"),
        ),
        (
            S(
                QD,
                "tinh",
                "Ban hành Quy chế công tác văn thư, lưu trữ của Ủy ban nhân dân tỉnh {prov}",
                [2007, 2013, 2021],
                True,
            ),
            S(KH, "huyen", "Công tác văn thư, lưu trữ năm {y} của {unit}", range(2010, 2026)),
        ),
    ),
    Family(
        "y_te",
        "khám bệnh, chữa bệnh",
        "Y tế",
        6,
        "Sở Y tế",
        "van_xa",
        (
            "khám bệnh, chữa bệnh",
            "bảo hiểm y tế",
            "giá dịch vụ khám bệnh, chữa bệnh",
            "y tế cơ sở",
            "phòng, chống dịch bệnh",
        ),
        (
            C(
                LAW,
                "25/2008/QH12",
                "2008-11-14",
                "Luật Bảo hiểm y tế",
                name="Luật Bảo hiểm y tế",
                series="luat-bhyt",
            ),
            C(
                LAW,
                "40/2009/QH12",
                "2009-11-23",
                "Luật Khám bệnh, chữa bệnh",
                name="Luật Khám bệnh, chữa bệnh",
                series="luat-kbcb",
            ),
            C(
                LAW,
                "46/2014/QH13",
                "2014-06-13",
                "Luật sửa đổi, bổ sung một số điều của Luật Bảo hiểm y tế",
                topic="sửa đổi luật bảo hiểm y tế",
                guides="25/2008/QH12",
            ),
            C(
                LAW,
                "15/2023/QH15",
                "2023-01-09",
                "Luật Khám bệnh, chữa bệnh",
                name="Luật Khám bệnh, chữa bệnh",
                series="luat-kbcb",
            ),
            C(
                ND,
                "62/2009/NĐ-CP",
                "2009-07-27",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế",
                topic="quy định chi tiết luật bảo hiểm y tế",
                series="ct-bhyt",
                guides="25/2008/QH12",
            ),
            C(
                ND,
                "87/2011/NĐ-CP",
                "2011-09-27",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Khám bệnh, chữa bệnh",
                topic="quy định chi tiết luật khám bệnh, chữa bệnh",
                series="ct-kbcb",
                guides="40/2009/QH12",
            ),
            C(
                ND,
                "105/2014/NĐ-CP",
                "2014-11-15",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Bảo hiểm y tế",
                topic="quy định chi tiết luật bảo hiểm y tế",
                series="ct-bhyt",
                guides="25/2008/QH12",
            ),
            C(
                ND,
                "146/2018/NĐ-CP",
                "2018-10-17",
                "Quy định chi tiết và hướng dẫn biện pháp thi hành một số điều của Luật Bảo hiểm y tế",
                topic="quy định chi tiết luật bảo hiểm y tế",
                series="ct-bhyt",
                guides="25/2008/QH12",
            ),
            C(
                ND,
                "96/2023/NĐ-CP",
                "2023-12-30",
                "Quy định chi tiết một số điều của Luật Khám bệnh, chữa bệnh",
                topic="quy định chi tiết luật khám bệnh, chữa bệnh",
                series="ct-kbcb",
                guides="15/2023/QH15",
            ),
        ),
        (
            S(
                NQ,
                "hdnd",
                "Quy định giá dịch vụ khám bệnh, chữa bệnh không thuộc phạm vi thanh toán của Quỹ bảo hiểm y tế trong "
                "các cơ sở khám bệnh, chữa bệnh của Nhà nước thuộc tỉnh {prov}",
                [2012, 2017, 2020, 2024],
                True,
            ),
            S(KH, "tinh", "Phòng, chống dịch bệnh truyền nhiễm năm {y} trên địa bàn tỉnh {prov}", range(2010, 2027)),
        ),
    ),
    Family(
        "thi_dua",
        "thi đua, khen thưởng",
        "Thi đua - Khen thưởng",
        5,
        "Ban Thi đua - Khen thưởng tỉnh",
        "van_xa",
        (
            "thi đua, khen thưởng",
            "tặng Bằng khen của Chủ tịch UBND tỉnh",
            "danh hiệu Chiến sĩ thi đua cơ sở",
            "phong trào thi đua yêu nước",
        ),
        (
            C(
                LAW,
                "47/2005/QH11",
                "2005-06-14",
                "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng",
                topic="sửa đổi luật thi đua, khen thưởng",
            ),
            C(
                LAW,
                "39/2013/QH13",
                "2013-11-16",
                "Luật sửa đổi, bổ sung một số điều của Luật Thi đua, Khen thưởng",
                topic="sửa đổi luật thi đua, khen thưởng",
            ),
            C(
                LAW,
                "06/2022/QH15",
                "2022-06-15",
                "Luật Thi đua, khen thưởng",
                name="Luật Thi đua, khen thưởng",
                series="luat-tdkt",
            ),
            C(
                ND,
                "121/2005/NĐ-CP",
                "2005-09-30",
                "Quy định chi tiết và hướng dẫn thi hành một số điều của Luật Thi đua, Khen thưởng và Luật sửa đổi, bổ "
                "sung một số điều của Luật Thi đua, Khen thưởng",
                topic="quy định chi tiết luật thi đua, khen thưởng",
                series="ct-tdkt",
            ),
            C(
                ND,
                "42/2010/NĐ-CP",
                "2010-04-15",
                "Quy định chi tiết thi hành một số điều của Luật Thi đua, Khen thưởng và Luật sửa đổi, bổ sung một số "
                "điều của Luật Thi đua, Khen thưởng",
                topic="quy định chi tiết luật thi đua, khen thưởng",
                series="ct-tdkt",
            ),
            C(
                ND,
                "91/2017/NĐ-CP",
                "2017-07-31",
                "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
                topic="quy định chi tiết luật thi đua, khen thưởng",
                series="ct-tdkt",
            ),
            C(
                ND,
                "98/2023/NĐ-CP",
                "2023-12-31",
                "Quy định chi tiết thi hành một số điều của Luật Thi đua, khen thưởng",
                topic="quy định chi tiết luật thi đua, khen thưởng",
                series="ct-tdkt",
                guides="06/2022/QH15",
            ),
        ),
        (
            S(
                QD,
                "tinh",
                "Ban hành Quy chế công tác thi đua, khen thưởng tỉnh {prov}",
                [2006, 2011, 2018, 2024],
                True,
            ),
            S(KH, "tinh", "Tổ chức phong trào thi đua yêu nước năm {y}", range(2008, 2027)),
        ),
    ),
)

# --- words of the generated text -----------------------------------------------------------------------

PROJECTS = [
    "đường giao thông liên xã",
    "cụm công nghiệp",
    "trường mầm non",
    "nhà văn hóa thôn",
    "trạm bơm tiêu",
    "khu tái định cư",
    "chợ trung tâm",
    "khu đô thị mới",
    "trụ sở Ủy ban nhân dân xã",
    "kè chống sạt lở bờ sông",
    "đường tỉnh 304",
    "cầu Vĩnh Phú",
]
UNITS = [  # who reports, proposes, coordinates
    "Văn phòng HĐND và UBND",
    "Phòng Tài chính - Kế hoạch",
    "Phòng Tài nguyên và Môi trường",
    "Phòng Nội vụ",
    "Phòng Tư pháp",
    "Phòng Kinh tế và Hạ tầng",
    "Phòng Giáo dục và Đào tạo",
    "Phòng Lao động - Thương binh và Xã hội",
    "Phòng Văn hóa và Thông tin",
    "Thanh tra huyện",
    "Công an huyện",
]
