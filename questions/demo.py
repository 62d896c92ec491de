"""Demo content of the Q&A section (``seed_demo`` calls ``seed_questions``): answered questions
imported from ``demo_data.jsonl`` as ``import_content`` would, and sendings in each state of the
handling — waiting to be accepted, being answered past the deadline, refused — dated from the day
of the seed. Idempotent: fixed tracking codes; the contact data are made up (example.com)."""

from collections import Counter
from datetime import date, datetime, time, timedelta
from pathlib import Path

from django.utils import timezone

from directives.importing import get_or_create_named
from directives.models import Agency, Field
from portal.importing import RecordError, import_lines

from . import handling
from .importing import questions_section
from .models import Kind, Question, Status

DATA_FILE = Path(__file__).with_name("demo_data.jsonl")
INTRO = (
    "<p>Công dân, tổ chức, doanh nghiệp gửi câu hỏi, phản ánh, kiến nghị về các lĩnh vực thuộc thẩm quyền "
    "của UBND huyện. Câu trả lời được đăng công khai tại đây sau khi được duyệt; thông tin liên hệ của "
    "người gửi không được công bố.</p>"
)

SENDINGS = [
    # code, kind, field, title, body, name, days ago, state
    (
        "HD-DEMO-0001",
        Kind.QUESTION,
        "Đất đai",
        "Hồ sơ tách thửa đất ở cần những giấy tờ gì?",
        "Gia đình tôi muốn tách thửa đất ở 300 m² thành hai thửa để tặng cho con. Xin hỏi hồ sơ gồm những gì "
        "và diện tích tối thiểu được tách thửa tại huyện là bao nhiêu?",
        "Nguyễn Thị Hoa",
        2,
        "received",
    ),
    (
        "PA-DEMO-0002",
        Kind.FEEDBACK,
        "Môi trường",
        "Phản ánh rác thải đổ trộm ven kênh tưới tiêu",
        "Đoạn kênh tưới tiêu cạnh đường trục xã thường xuyên bị đổ trộm rác thải sinh hoạt và phế thải xây "
        "dựng vào ban đêm, gây ô nhiễm và tắc dòng chảy.",
        "Đỗ Văn Nam",
        1,
        "received",
    ),
    (
        "HD-DEMO-0003",
        Kind.QUESTION,
        "Bảo hiểm xã hội",
        "Thời hạn cấp lại thẻ bảo hiểm y tế bị mất",
        "Tôi bị mất thẻ bảo hiểm y tế hộ gia đình. Xin hỏi thủ tục cấp lại và trong thời gian chờ cấp lại có "
        "được khám chữa bệnh bảo hiểm không?",
        "Vũ Thị Mai",
        25,
        "overdue",
    ),
    (
        "KN-DEMO-0004",
        Kind.PETITION,
        "Giao thông vận tải",
        "Đề nghị sửa đường của gia đình hàng xóm",
        "Đề nghị xử lý tranh chấp lối đi chung giữa hai hộ gia đình.",
        "Hoàng Văn Tư",
        10,
        "refused",
    ),
]
REFUSAL = (
    "Nội dung là tranh chấp dân sự giữa các hộ gia đình, không thuộc phạm vi hỏi đáp trên Cổng thông tin. "
    "Đề nghị Ông liên hệ UBND xã nơi có đất để được hòa giải theo quy định."
)


def seed_questions(today: date) -> Counter:
    counts = Counter()
    report = import_lines(DATA_FILE.read_text(encoding="utf-8").splitlines())
    if report.errors:
        raise RecordError("; ".join(f"{DATA_FILE.name}:{line}: {message}" for line, message in report.errors))
    counts.update({key: n for key, n in (("created", report.created), ("unchanged", report.unchanged)) if n})
    section = questions_section()
    if not section.intro:
        section.intro = INTRO
        section.save_revision().publish()
    unit = get_or_create_named(Agency, "Phòng Lao động - Thương binh và Xã hội")
    for code, kind, field, title, body, name, days_ago, state in SENDINGS:
        if Question.objects.filter(code=code).exists():
            counts["unchanged"] += 1
            continue
        sent = timezone.make_aware(datetime.combine(today - timedelta(days=days_ago), time(9, 30)))
        question = Question.objects.create(
            code=code,
            kind=kind,
            field=get_or_create_named(Field, field),
            title=title,
            body=body,
            name=name,
            email=f"{code.lower()}@example.com",
            phone="0912 345 678",
            address="Xã Tân Tiến, huyện Vĩnh Tường",
            submitted_at=sent,
        )
        if state == "overdue":
            handling.accept(question, unit=unit, deadline=today, today=today)
            Question.objects.filter(pk=question.pk).update(deadline=today - timedelta(days=days_ago - 15))
        elif state == "refused":
            handling.refuse(question, reason=REFUSAL, notify=False)
        if state in ("overdue", "refused"):
            # Handled the next working morning, as the demo's day has it (not on the day of the seed).
            Question.objects.filter(pk=question.pk).update(handled_at=sent + timedelta(days=1))
        counts[f"sendings: {Status(Question.objects.get(pk=question.pk).status).label}"] += 1
    return counts
