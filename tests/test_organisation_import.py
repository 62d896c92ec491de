"""The ``unit`` and ``leader`` record types of ``import_content`` (docs/import-format.md): a portal
moving in loads its organisation; bad lines are reported as FILE:LINE: reason."""

import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from directives.models import Agency, Official
from portal.importing import import_lines
from tests import factories as f

pytestmark = pytest.mark.django_db

TOP = {
    "type": "unit",
    "name": "Ủy ban nhân dân huyện Vĩnh Tường",
    "kind": "authority",
    "short_code": "UBND",
    "order": 0,
}
OFFICE = {
    "type": "unit",
    "name": "Văn phòng HĐND và UBND",
    "kind": "specialised_agency",
    "parent": "Ủy ban nhân dân huyện Vĩnh Tường",
    "order": 1,
    "address": "Khu hành chính huyện, thị trấn Vĩnh Tường",
    "phone": "0211 3838 250",
    "email": "vanphong@vinhtuong.vinhphuc.gov.vn",
    "website": "https://vinhtuong.vinhphuc.gov.vn",
    "functions": "Tham mưu tổng hợp cho HĐND và UBND huyện.\n\nKiểm soát thủ tục hành chính.",
}
CHAIRMAN = {
    "type": "leader",
    "name": "Nguyễn Quang Huy",
    "position": "Chủ tịch UBND huyện",
    "unit": "Ủy ban nhân dân huyện Vĩnh Tường",
    "authority_leader": True,
    "order": 1,
    "phone": "0211 3838 201",
    "email": "nqhuy@vinhtuong.vinhphuc.gov.vn",
    "biography": "Phụ trách chung.",
}


def lines(*records) -> list[str]:
    return [json.dumps(r, ensure_ascii=False) for r in records]


def test_units_and_leaders_are_created_then_left_unchanged():
    report = import_lines(lines(TOP, OFFICE, CHAIRMAN))
    assert (report.created, report.errors) == (3, [])
    office = Agency.objects.get(name="Văn phòng HĐND và UBND")
    assert (office.kind, office.parent.name, office.display_order) == ("specialised_agency", TOP["name"], 1)
    assert (office.phone, office.email, office.website) == (OFFICE["phone"], OFFICE["email"], OFFICE["website"])
    assert office.functions.startswith("Tham mưu tổng hợp") and "\n\nKiểm soát" in office.functions
    chairman = Official.objects.get()
    assert (chairman.agency.name, chairman.is_authority_leader, chairman.display_order) == (TOP["name"], True, 1)
    assert chairman.biography == "Phụ trách chung."
    again = import_lines(lines(TOP, OFFICE, CHAIRMAN))
    assert (again.created, again.updated, again.unchanged) == (0, 0, 3)


def test_a_record_updates_the_row_other_imports_created_and_keeps_what_it_does_not_name():
    """An issuing body or a directing leader created by name becomes a unit or a leader with contacts."""
    bare = f.agency("Phòng Nội vụ", "NV")
    leader = f.official("Nguyễn Quang Huy", "Chủ tịch UBND huyện")  # as a directive's import creates it
    report = import_lines(
        lines(
            {"type": "unit", "name": "PHÒNG NỘI VỤ", "kind": "specialised_agency", "phone": "0211 3838 270"},
            {"type": "leader", "name": "nguyễn quang huy", "position": "chủ tịch UBND huyện", "order": 1},
        )
    )
    assert (report.updated, report.created, report.errors) == (2, 0, [])
    bare.refresh_from_db()
    leader.refresh_from_db()
    assert (bare.name, bare.short_code, bare.kind, bare.phone) == (
        "Phòng Nội vụ",
        "NV",
        "specialised_agency",
        "0211 3838 270",
    )
    assert (leader.display_order, leader.name) == (1, "Nguyễn Quang Huy")
    assert (
        import_lines(lines({"type": "unit", "name": "Phòng Nội vụ", "kind": "specialised_agency", "phone": ""})).updated
        == 1
    )
    bare.refresh_from_db()
    assert (bare.phone, bare.short_code) == ("", "NV")  # a key given empty clears, an absent key keeps


def test_a_parent_named_before_its_own_line_is_created_then_completed():
    report = import_lines(lines(OFFICE, TOP))
    # the office is created (and its parent, by name, without a kind); the parent's own line updates it
    assert (report.created, report.updated, report.errors) == (1, 1, [])
    assert Agency.objects.get(name=TOP["name"]).kind == "authority"


def test_the_import_command_names_each_bad_line(tmp_path):
    bad = [
        {**OFFICE, "kind": "phong"},
        {**OFFICE, "email": "vanphong at vinhtuong"},
        {**OFFICE, "phone": "gọi tổng đài"},
        {**OFFICE, "website": "ftp://vinhtuong.gov.vn"},
        {**OFFICE, "order": -1},
        {**OFFICE, "order": "1"},
        {**OFFICE, "parent": OFFICE["name"]},
        {**CHAIRMAN, "authority_leader": "có"},
        {k: v for k, v in CHAIRMAN.items() if k != "position"},
        {**CHAIRMAN, "photo": "chu-tich.jpg"},
        {**CHAIRMAN, "name": "x" * 151},
    ]
    path = tmp_path / "to-chuc.jsonl"
    path.write_text("\n".join(lines(TOP, *bad)) + "\n", encoding="utf-8")
    out, err = StringIO(), StringIO()
    with pytest.raises(CommandError):
        call_command("import_content", str(path), "--no-progress", stdout=out, stderr=err)
    err = err.getvalue()
    expected = [
        "'kind' \"phong\" is not one of authority",
        "'email' \"vanphong at vinhtuong\" is not an e-mail address",
        "'phone' \"gọi tổng đài\" is not a phone number",
        "'website' \"ftp://vinhtuong.gov.vn\" is not an http(s) address",
        "'order' must be a whole number from 0, got -1",
        "'order' must be an integer",
        "'parent' is the unit itself",
        "'authority_leader' must be true or false",
        "missing required key(s): position",
        "unknown key(s): photo",
        "'name' is longer than 150 characters",
    ]
    for lineno, reason in enumerate(expected, start=2):
        assert f"{path}:{lineno}: " in err and reason in err, (lineno, reason, err)
    assert Agency.objects.filter(name=TOP["name"]).exists()  # the good line was imported
    assert not Official.objects.exists() and not Agency.objects.filter(name=OFFICE["name"]).exists()


def test_a_unit_cannot_be_put_under_its_own_sub_unit():
    import_lines(lines(TOP, OFFICE))
    report = import_lines(lines({**TOP, "parent": OFFICE["name"]}))
    assert report.errors and "cannot be under its own sub-unit" in report.errors[0][1]
    assert Agency.objects.get(name=TOP["name"]).parent is None


def test_a_dry_run_writes_nothing():
    report = import_lines(lines(TOP, OFFICE, CHAIRMAN), dry_run=True)
    assert report.created == 3 and not Agency.objects.exists() and not Official.objects.exists()
