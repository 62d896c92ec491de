"""``import_content`` type ``statistics`` (docs/import-format.md): a statistics page of /thong-ke/
with its period, unit and data tables; every cell checked, nothing padded, cut or dropped."""

import io
import json
from decimal import Decimal

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Revision

from portal.importing import import_lines
from projects.demo import STATISTICS, statistics_record
from projects.models import StatisticsIndexPage, StatisticsPage

pytestmark = pytest.mark.django_db


def record(**overrides) -> dict:
    data = {
        "type": "statistics",
        "slug": "lao-dong-viec-lam-quy-2-2025",
        "title": "Lao động, việc làm quý II năm 2025",
        "period_kind": "quy",
        "year": 2025,
        "quarter": 2,
        "publishing_unit": "Phòng Lao động - Thương binh và Xã hội",
        "published_on": "2025-06-25",
        "intro": "Số lao động được tạo việc làm mới trong quý.\n\nSố liệu sơ bộ.",
        "note": "Số liệu sơ bộ.",
        "tables": [
            {
                "caption": "Lao động được tạo việc làm mới",
                "columns": [
                    {"heading": "Xã, thị trấn", "type": "text"},
                    {"heading": "Kế hoạch (người)", "type": "number"},
                    {"heading": "Thực hiện (người)", "type": "number"},
                    {"heading": "Tỷ lệ (%)", "type": "number"},
                ],
                "rows": [
                    ["Thị trấn Vĩnh Tường", 120, 131, "109.2"],
                    ["Xã Tân Tiến", 80, 74, 92.5],
                    ["Xã Vĩnh Sơn", 60, None, None],
                ],
                "unit": "người",
                "source": "Phòng Lao động - Thương binh và Xã hội",
            }
        ],
    }
    data.update(overrides)
    return data


def lines(*records) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def test_a_record_creates_the_page_under_thong_ke_with_its_tables_and_again_changes_nothing(client):
    report = import_lines(lines(record()))
    assert report.errors == [] and report.created == 1
    page = StatisticsPage.objects.get(slug="lao-dong-viec-lam-quy-2-2025")
    assert isinstance(page.get_parent().specific, StatisticsIndexPage) and page.get_parent().slug == "thong-ke"
    assert page.live and page.period_label == "Quý II/2025" and page.publishing_unit.name.startswith("Phòng Lao")
    assert page.intro == "<p>Số lao động được tạo việc làm mới trong quý.</p><p>Số liệu sơ bộ.</p>"
    (table,) = page.data_tables
    assert table.caption == "Lao động được tạo việc làm mới" and table.unit == "người"
    assert [c.heading for c in table.columns] == ["Xã, thị trấn", "Kế hoạch (người)", "Thực hiện (người)", "Tỷ lệ (%)"]
    assert len(table.rows) == 3
    # The page and its CSV show every cell.
    html = client.get(page.url).content.decode()
    assert "109,2" in html or "109.2" in html
    csv_text = client.get(page.url + "bang-1.csv").content.decode("utf-8-sig")
    assert "Xã Tân Tiến" in csv_text and "92" in csv_text and "Xã Vĩnh Sơn" in csv_text

    revisions = Revision.page_revisions.filter(object_id=str(page.pk)).count()
    again = import_lines(lines(record()))
    assert (again.created, again.updated, again.unchanged, again.errors) == (0, 0, 1, [])
    assert Revision.page_revisions.filter(object_id=str(page.pk)).count() == revisions
    # The same numbers spelt another way change nothing either.
    same = record()
    same["tables"][0]["rows"][1][3] = "92.50"
    assert import_lines(lines(same)).unchanged == 1


def test_a_changed_cell_or_table_list_updates_the_page_with_a_new_revision():
    import_lines(lines(record()))
    changed = record()
    changed["tables"][0]["rows"][2][2] = 58
    changed["tables"].append(
        {
            "caption": "Lao động đi làm việc ở nước ngoài",
            "columns": [{"heading": "Thị trường", "type": "text"}, {"heading": "Số người", "type": "number"}],
            "rows": [["Nhật Bản", 42], ["Hàn Quốc", 17]],
        }
    )
    report = import_lines(lines(changed))
    assert report.updated == 1 and report.errors == []
    page = StatisticsPage.objects.get(slug="lao-dong-viec-lam-quy-2-2025")
    first, second = page.data_tables
    assert first.rows[2][2] == Decimal("58") and second.caption == "Lao động đi làm việc ở nước ngoài"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"period_kind": "nua-nam"}, "'period_kind' must be one of nam (Năm), quy (Quý), thang (Tháng)"),
        ({"quarter": None}, "quarter: Số liệu theo quý: hãy chọn quý."),
        ({"year": 1890}, "'year' must be between 1975 and 2100"),
        ({"tables": []}, "missing required key(s): tables"),
        ({"slug": "Lao Động"}, "is not a valid slug"),
        ({"colour": "red"}, "unknown key(s): colour"),
    ],
)
def test_a_bad_record_names_its_key_and_stores_nothing(change, message):
    report = import_lines(lines(record(**change)))
    assert report.created == 0 and len(report.errors) == 1
    assert message in report.errors[0][1], report.errors
    assert not StatisticsPage.objects.exists()


@pytest.mark.parametrize(
    ("path", "value", "message"),
    [
        (("rows", 1, 1), "12,5", "tables[1].rows[2][2] must be a number written as 12.5"),
        (("rows", 1, 1), "1.250.000", "tables[1].rows[2][2] must be a number written as 12.5"),
        (("rows", 1, 1), True, "tables[1].rows[2][2] must be a number"),
        (("rows", 1), ["Xã Tân Tiến", 80, 74], "tables[1].rows[2] has 3 cells for 4 columns"),
        (("rows", 1), ["Xã Tân Tiến", 80, 74, 92.5, 1], "tables[1].rows[2] has 5 cells for 4 columns"),
        (("columns", 1, "type"), "date", "tables[1].columns[2].type must be 'text' or 'number'"),
        (("columns", 0, "heading"), " ", "tables[1].columns[1].heading is required"),
        (("caption",), "", "tables[1].caption is required"),
    ],
)
def test_a_bad_cell_column_or_row_is_refused_with_its_position(path, value, message):
    bad = record()
    target = bad["tables"][0]
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    report = import_lines(lines(bad))
    assert len(report.errors) == 1 and message in report.errors[0][1], report.errors
    assert not StatisticsPage.objects.exists()


def test_a_bad_update_leaves_the_stored_page_as_it_was():
    import_lines(lines(record()))
    page = StatisticsPage.objects.get()
    before = json.dumps(list(page.body.raw_data), default=str)
    bad = record(title="Tiêu đề mới")
    bad["tables"][0]["rows"][0][1] = "một trăm"
    assert import_lines(lines(bad)).errors
    page.refresh_from_db()
    assert page.title == "Lao động, việc làm quý II năm 2025"
    assert json.dumps(list(page.body.raw_data), default=str) == before


def test_the_command_reads_a_file_and_names_the_line_of_a_bad_record(tmp_path):
    path = tmp_path / "thong-ke.jsonl"
    bad = record(slug="khac")
    bad["tables"][0]["rows"][0] = ["Thị trấn Vĩnh Tường"]
    path.write_text("\n".join(lines(record(), bad)) + "\n", encoding="utf-8")
    err = io.StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), "--no-progress", stdout=io.StringIO(), stderr=err)
    assert f"{path}:2: tables[1].rows[1] has 1 cells for 4 columns" in err.getvalue()
    assert StatisticsPage.objects.filter(slug="lao-dong-viec-lam-quy-2-2025").exists()
    assert not StatisticsPage.objects.filter(slug="khac").exists()


def test_the_demo_statistics_are_statistics_records():
    """The demo builds its pages through this record type: each imports cleanly, twice."""
    records = [statistics_record(spec) for spec in STATISTICS]
    first = import_lines(lines(*records))
    assert first.errors == [] and first.created == len(STATISTICS)
    again = import_lines(lines(*records))
    assert again.unchanged == len(STATISTICS) and again.updated == 0
