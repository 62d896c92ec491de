"""Demo content of the work schedule (``seed_demo`` calls ``seed_schedule``): the weeks of
19/05/2025 – 29/06/2025 of the Chairman and Vice-Chairmen of the People's Committee of Vĩnh Tường
district, imported from ``demo_data.jsonl`` as ``import_content`` would, with entries changed (a time,
a place) and one cancelled.

The dates are fixed, not relative to the day of the seed: district-level authorities ended on
01/07/2025, so the demo authority has no schedule after June 2025. The demo's authority profile
carries its closing day (30/06/2025), so the section's page opens on that week (an archive portal,
``schedule.views.week_context``); the current week is one link away. Idempotent: each line
has a ``key``; a second run changes nothing.
"""

from collections import Counter
from datetime import date
from pathlib import Path

from portal.importing import RecordError, import_lines

from .importing import schedule_section

DATA_FILE = Path(__file__).with_name("demo_data.jsonl")
INTRO = (
    "<p>Lịch công tác tuần của Chủ tịch, các Phó Chủ tịch Ủy ban nhân dân huyện Vĩnh Tường. Lịch có thể "
    "được điều chỉnh; nội dung điều chỉnh, lịch hủy hoặc hoãn được ghi rõ tại từng mục.</p>"
    "<p>Chính quyền cấp huyện kết thúc hoạt động từ ngày 01/7/2025; lịch công tác được lưu đến hết tháng "
    "6/2025.</p>"
)


def seed_schedule(today: date) -> Counter:
    """Import the demo entries and give the section its introduction; ``today`` is not used (the
    dates are fixed, see above) but taken like every seed stage's."""
    counts = Counter()
    report = import_lines(DATA_FILE.read_text(encoding="utf-8").splitlines())
    if report.errors:
        raise RecordError("; ".join(f"{DATA_FILE.name}:{line}: {message}" for line, message in report.errors))
    counts.update({k: n for k, n in (("created", report.created), ("updated", report.updated)) if n})
    counts.update({"unchanged": report.unchanged} if report.unchanged else {})
    section = schedule_section()
    if not section.intro:
        section.intro = INTRO
        section.save_revision().publish()
        counts["section introduced"] += 1
    return counts
