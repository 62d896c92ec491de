"""Demo content of the procedures catalogue (``seed_demo`` calls ``seed_procedures``): 21 procedures
of the district of Vĩnh Tường (Vĩnh Phúc) and its communes as the national database published them
before 1 July 2025 (when the district tier ended) — civil status, certification, land, social
assistance, household businesses, construction permits — imported from ``demo_data.jsonl`` as
``import_content`` would (record type ``procedure``). Their legal bases link to the legal documents
the demo holds (the Land Law 31/2024/QH15) when those are seeded first.

The codes, fees and times were written from the national database's published catalogue of that
period; check them against dichvucong.gov.vn before using them as real data. The online-service
links point to the National Public Service Portal's home page: the deep link of each service is
the editor's to paste. Idempotent: a second run creates nothing.
"""

from collections import Counter
from datetime import date
from pathlib import Path

from portal.importing import RecordError, import_lines

from .importing import procedures_section

DATA_FILE = Path(__file__).with_name("demo_data.jsonl")
INTRO = (
    "<p>Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND huyện Vĩnh Tường và UBND các xã, "
    "thị trấn, theo Cơ sở dữ liệu quốc gia về thủ tục hành chính. Mỗi thủ tục nêu thành phần hồ sơ, trình "
    "tự, thời hạn giải quyết, phí, lệ phí và căn cứ pháp lý; thủ tục có dịch vụ công trực tuyến có nút nộp "
    "hồ sơ trên Cổng Dịch vụ công quốc gia.</p>"
    "<p>Hồ sơ nộp trực tiếp tại Bộ phận tiếp nhận và trả kết quả của UBND huyện, UBND xã, thị trấn, qua "
    "dịch vụ bưu chính công ích hoặc trực tuyến.</p>"
)


def seed_procedures(today: date) -> Counter:
    """Import the demo catalogue; ``today`` is not needed (the catalogue's dates are fixed, before
    1 July 2025) but taken like every seed function's."""
    counts = Counter()
    report = import_lines(DATA_FILE.read_text(encoding="utf-8").splitlines())
    if report.errors:
        raise RecordError("; ".join(f"{DATA_FILE.name}:{line}: {message}" for line, message in report.errors))
    counts.update(
        {
            key: n
            for key, n in (("created", report.created), ("updated", report.updated), ("unchanged", report.unchanged))
            if n
        }
    )
    section = procedures_section()
    if not section.intro:
        section.intro = INTRO
        section.save_revision().publish()
        counts["section introduction"] += 1
    return counts
