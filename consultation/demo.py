"""Demo drafts opened for comment: ``seed_drafts(today)``, called by the demo seed (``home.demo``).

Idempotent: a second run with the same ``today`` creates and changes nothing (drafts by slug,
through the ``draft`` import handler, the same code path as ``import_content``; the PDF by its
title; comments by draft, name and content). Dates are relative to ``today``, so one draft is
open on ``today`` (its last day for comments) and one closed; the demo portal passes the district's
last day, 30 June 2025, so both are closed when the portal is visited later. The PDF is generated here, without network.
"""

import hashlib
from collections import Counter
from datetime import date, datetime, time, timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model

from portal.demo_files import pdf_bytes, wrap
from portal.text import strip_marks

from .importing import draft_index, import_draft
from .models import CommentStatus, DraftComment, DraftFile, DraftPage

# The tag of the demo's generated documents (home.demo.DEMO_TAG): editors find and remove them by it.
DEMO_TAG = "dữ liệu mẫu"

ROAD_SLUG = "du-thao-quy-dinh-ho-tro-bao-tri-duong-giao-thong-nong-thon"
PORTAL_RULES_SLUG = "du-thao-quy-che-quan-ly-cong-thong-tin-dien-tu-huyen"


def _records(today: date) -> list[dict]:
    return [
        {
            "type": "draft",
            "slug": ROAD_SLUG,
            "title": "Lấy ý kiến dự thảo Quyết định quy định mức hỗ trợ bảo trì đường giao thông nông thôn",
            "summary": "Dự thảo Quyết định của UBND huyện Vĩnh Tường ban hành Quy định mức hỗ trợ kinh phí "
            "duy tu, bảo trì đường giao thông nông thôn trên địa bàn huyện",
            "drafting_unit": "Phòng Kinh tế và Hạ tầng",
            # Open until ``today`` included: on the demo's day, the district's last, comments still came in.
            "opens_on": (today - timedelta(days=30)).isoformat(),
            "closes_on": today.isoformat(),
            "body": "Thực hiện Luật Ban hành văn bản quy phạm pháp luật và Nghị định số 42/2022/NĐ-CP, "
            "UBND huyện Vĩnh Tường đăng tải toàn văn dự thảo Quyết định để lấy ý kiến của cơ quan, tổ chức "
            "và Nhân dân.\n\n"
            "Nội dung đề nghị góp ý: (1) đối tượng được hỗ trợ: đường trục xã, đường liên thôn, đường ngõ "
            "xóm đã cứng hóa; (2) mức hỗ trợ: 50 triệu đồng/km/năm đối với đường trục xã, 30 triệu "
            "đồng/km/năm đối với đường liên thôn, 10 triệu đồng/km/năm đối với đường ngõ xóm; (3) trách "
            "nhiệm của UBND các xã, thị trấn và cộng đồng dân cư trong việc tổ chức bảo trì.\n\n"
            "Cách thức góp ý: gửi ý kiến qua biểu mẫu dưới đây, hoặc bằng văn bản về Phòng Kinh tế và Hạ "
            "tầng huyện trước ngày kết thúc lấy ý kiến.",
            "contact": "Phòng Kinh tế và Hạ tầng huyện Vĩnh Tường, Khu hành chính huyện, thị trấn Vĩnh Tường.\n"
            "Điện thoại: 0211 3838 345",
        },
        {
            "type": "draft",
            "slug": PORTAL_RULES_SLUG,
            "title": "Lấy ý kiến dự thảo Quy chế quản lý, vận hành Cổng Thông tin – Giao tiếp điện tử huyện",
            "summary": "Dự thảo Quyết định ban hành Quy chế quản lý, vận hành và cung cấp thông tin trên Cổng "
            "Thông tin – Giao tiếp điện tử huyện Vĩnh Tường",
            "drafting_unit": "Phòng Văn hóa và Thông tin",
            "opens_on": (today - timedelta(days=75)).isoformat(),
            "closes_on": (today - timedelta(days=45)).isoformat(),
            "body": "Dự thảo quy định trách nhiệm cung cấp thông tin của các cơ quan, đơn vị, thời hạn cập "
            "nhật thông tin, việc tiếp nhận và trả lời câu hỏi của người dân, doanh nghiệp trên Cổng.\n\n"
            "Đã hết thời gian lấy ý kiến; Phòng Văn hóa và Thông tin đang tổng hợp, tiếp thu, giải trình "
            "các ý kiến góp ý.",
            "contact": "Phòng Văn hóa và Thông tin huyện Vĩnh Tường. Điện thoại: 0211 3838 216",
        },
    ]


# (name, organisation, email, phone, content, status, days before ``today``)
_COMMENTS = {
    ROAD_SLUG: [
        (
            "Nguyễn Văn Hùng",
            "UBND xã Tân Tiến",
            "hung.nv@tantien.example.vn",
            "0912 345 678",
            "Đề nghị bổ sung đối tượng hỗ trợ là các tuyến đường nội đồng đã cứng hóa phục vụ sản xuất, "
            "vì các tuyến này xuống cấp nhanh do xe chở nông sản.",
            CommentStatus.APPROVED,
            7,
        ),
        (
            "Trần Thị Lan",
            "",
            "lan.tran@example.vn",
            "",
            "Mức 10 triệu đồng/km/năm cho đường ngõ xóm là thấp so với chi phí vá ổ gà, nạo vét rãnh thoát "
            "nước hiện nay; đề nghị nâng lên 15 triệu đồng/km/năm.",
            CommentStatus.APPROVED,
            5,
        ),
        (
            "Lê Minh Tuấn",
            "Hợp tác xã Nông nghiệp Vĩnh Sơn",
            "tuan.le@example.vn",
            "0988 111 222",
            "Đề nghị quy định rõ việc công khai kinh phí bảo trì từng tuyến đường tại nhà văn hóa thôn để "
            "Nhân dân cùng giám sát.",
            CommentStatus.APPROVED,
            3,
        ),
        (
            "Phạm Quốc Bảo",
            "",
            "bao.pq@example.vn",
            "0904 555 666",
            "Đề nghị cho phép cộng đồng dân cư tự tổ chức bảo trì và được thanh toán theo khối lượng thực tế.",
            CommentStatus.PENDING,
            1,
        ),
    ],
    PORTAL_RULES_SLUG: [
        (
            "Đỗ Thị Hương",
            "Trường THCS Vĩnh Tường",
            "huong.dt@example.vn",
            "",
            "Đề nghị quy định thời hạn trả lời câu hỏi của người dân trên Cổng không quá 10 ngày làm việc.",
            CommentStatus.APPROVED,
            60,
        ),
        (
            "Vũ Đức Thắng",
            "UBND thị trấn Thổ Tang",
            "thang.vd@thotang.example.vn",
            "0977 333 444",
            "Đề nghị giao mỗi xã, thị trấn một tài khoản cập nhật tin bài và có quy trình duyệt tin của Ban "
            "Biên tập huyện.",
            CommentStatus.APPROVED,
            52,
        ),
    ],
}


def seed_drafts(today: date) -> Counter:
    """Create what is missing of the demo drafts, their PDF files and comments; returns what it did."""
    counts = Counter()
    draft_index()
    for record in _records(today):
        counts[f"drafts {import_draft(dict(record))}"] += 1
        page = DraftPage.objects.get(slug=record["slug"])
        if not page.files.exists():
            page.files.add(DraftFile(document=_demo_pdf(page, counts), label="Dự thảo văn bản"))
            page.save_revision().publish()
            counts["files attached"] += 1
        for name, organisation, email, phone, content, status, days_ago in _COMMENTS[record["slug"]]:
            if DraftComment.objects.filter(draft=page, name=name, content=content).exists():
                counts["comments unchanged"] += 1
                continue
            sent = datetime.combine(today - timedelta(days=days_ago), time(9, 30))
            DraftComment.objects.create(
                draft=page,
                name=name,
                organisation=organisation,
                email=email,
                phone=phone,
                content=content,
                status=status,
                submitted_at=timezone.make_aware(sent),
                moderated_at=None if status == CommentStatus.PENDING else timezone.make_aware(sent) + timedelta(days=1),
            )
            counts["comments created"] += 1
    return counts


def _demo_pdf(page: DraftPage, counts: Counter):
    Document = get_document_model()  # noqa: N806
    title = f"Dự thảo – {page.summary}"[:255]
    document = Document.objects.filter(title=title).first()
    if document is not None:
        return document
    content = pdf_bytes(
        [
            "UY BAN NHAN DAN HUYEN VINH TUONG",
            "",
            "DU THAO",
            *wrap(strip_marks(page.summary).replace("–", "-"), 80),
            "",
            "Ban du thao dang tai de lay y kien (ban demo, tao tu dong).",
        ]
    )
    document = Document(
        title=title,
        file=ContentFile(content, name=f"{page.slug}.pdf"),
        file_size=len(content),
        file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
    )
    document.save()
    document.tags.add(DEMO_TAG)
    counts["PDF files created"] += 1
    return document
