"""The protections every citizens' form shares (portal/submissions.py)."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory, override_settings

from portal import submissions


class Trap(submissions.HoneypotForm):
    pass


def test_the_trap_field_left_empty_passes_and_filled_is_refused():
    assert Trap({"website": ""}).is_valid()
    form = Trap({"website": "http://spam.example"})
    assert not form.is_valid()
    assert "website" in form.errors


@pytest.mark.parametrize(
    ("name", "content", "code"),
    [
        ("hoso.pdf", b"%PDF-1.4 ...", None),
        ("anh.PNG", b"\x89PNG\r\n\x1a\n....", None),
        ("don.docx", b"PK\x03\x04....", None),
        ("virus.exe", b"MZ....", "file_type"),
        ("noext", b"%PDF", "file_type"),
        ("gia.pdf", b"<html><script>", "file_content"),
        ("anh.jpg", b"%PDF-1.4", "file_content"),
    ],
)
def test_attachments_are_checked_by_name_and_content(name, content, code):
    upload = SimpleUploadedFile(name, content)
    if code is None:
        submissions.validate_attachment(upload)
        assert upload.read(4) == content[:4]  # left at its start
    else:
        with pytest.raises(ValidationError) as caught:
            submissions.validate_attachment(upload)
        assert caught.value.code == code


@override_settings(CITIZEN_UPLOAD_MAX_BYTES=1024)
def test_an_attachment_over_the_limit_is_refused_with_its_size():
    with pytest.raises(ValidationError) as caught:
        submissions.validate_attachment(SimpleUploadedFile("a.pdf", b"%PDF" + b"0" * 2048))
    assert caught.value.code == "file_size"


def test_tracking_codes_avoid_characters_read_alike_and_taken_codes():
    taken = set()
    for _ in range(50):
        code = submissions.new_tracking_code("HD", taken.__contains__)
        assert code not in taken
        taken.add(code)
        prefix, first, second = code.split("-")
        assert prefix == "HD" and len(first) == len(second) == 4
        assert not set(first + second) & set("01OIL")
    assert submissions.normalise_tracking_code(" hd-abcd-efgh \n") == "HD-ABCD-EFGH"


@pytest.mark.django_db
@override_settings(CITIZEN_FORM_RATES={"default": "3/m"})
def test_rate_limit_counts_per_address_and_form():
    from django.core.cache import caches

    caches["ratelimit"].clear()
    factory = RequestFactory()

    def send(address, form="x"):
        return submissions.rate_limited(factory.post("/", REMOTE_ADDR=address), form)

    assert [send("10.0.0.1") for _ in range(4)] == [False, False, False, True]
    assert send("10.0.0.2") is False  # another address
    assert send("10.0.0.1", form="y") is False  # another form
    response = submissions.too_many_requests(factory.post("/"), "x")
    assert response.status_code == 429
    assert response["Retry-After"] == "60"
    assert "thử lại sau 1 phút" in response.rendered_content
