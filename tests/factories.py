"""Small builders for test content: plain functions, one per content type."""

import itertools
from datetime import date

from directives.models import (
    Agency,
    DirectiveIndexPage,
    DirectivePage,
    DocumentType,
    LegalDocumentIndexPage,
    LegalDocumentPage,
    Official,
    TaskIndexPage,
    TaskPage,
)
from directives.models import (
    Field as DocumentField,
)
from news.models import NewsIndexPage, NewsPage
from portal.importing import home_page

_seq = itertools.count(1)


def agency(name: str = "Ủy ban nhân dân huyện", short_code: str = "UBND") -> Agency:
    return Agency.objects.get_or_create(name=name, defaults={"short_code": short_code})[0]


def document_type(name: str = "Quyết định", abbreviation: str = "QĐ", is_normative: bool = False) -> DocumentType:
    return DocumentType.objects.get_or_create(
        name=name, defaults={"abbreviation": abbreviation, "is_normative": is_normative}
    )[0]


def section(model, title: str, slug: str):
    """The live index page of ``model`` under the home page (one per section), created if needed."""
    home = home_page()
    existing = model.objects.child_of(home).first()
    if existing:
        return existing
    page = model(title=title, slug=slug)
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def legal_index() -> LegalDocumentIndexPage:
    return section(LegalDocumentIndexPage, "Văn bản", "van-ban")


def news_index(title: str = "Tin tức - Sự kiện") -> NewsIndexPage:
    home = home_page()
    existing = NewsIndexPage.objects.child_of(home).filter(title=title).first()
    if existing:
        return existing
    page = NewsIndexPage(title=title, slug=f"chuyen-muc-{next(_seq)}")
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def legal_document(number: str | None = None, *, live: bool = True, **fields) -> LegalDocumentPage:
    n = next(_seq)
    fields.setdefault("summary", f"Về việc ban hành quy chế số {n}")
    fields.setdefault("issued_on", date(2023, 1, 1))
    fields.setdefault("document_type", document_type())
    fields.setdefault("issuing_body", agency())
    page = LegalDocumentPage(number=number or f"{n}/QĐ-UBND", slug=f"vb-{n}", live=live, **fields)
    return _add(legal_index(), page)


def news(title: str | None = None, *, category: NewsIndexPage | None = None, live: bool = True, **fields) -> NewsPage:
    n = next(_seq)
    fields.setdefault("published_on", date(2024, 1, 1))
    page = NewsPage(title=title or f"Tin số {n}", slug=f"tin-{n}", live=live, **fields)
    return _add(category or news_index(), page)


def task_index(title: str = "Theo dõi thực hiện nhiệm vụ") -> TaskIndexPage:
    return section(TaskIndexPage, title, "theo-doi-nhiem-vu")


def directive_index(title: str = "Chỉ đạo, điều hành") -> DirectiveIndexPage:
    return section(DirectiveIndexPage, title, "chi-dao-dieu-hanh")


def official(name: str = "Nguyễn Văn Chủ", position: str = "Chủ tịch UBND huyện", **fields) -> Official:
    return Official.objects.get_or_create(name=name, position=position, defaults=fields)[0]


def directive(number: str | None = None, *, live: bool = True, **fields) -> DirectivePage:
    n = next(_seq)
    fields.setdefault("kind", "conclusion_notice")
    fields.setdefault("issued_on", date(2024, 3, 1))
    fields.setdefault("summary", f"Kết luận của đồng chí Chủ tịch UBND huyện tại buổi làm việc số {n}")
    page = DirectivePage(number=number or f"{n}/TB-UBND", slug=f"cd-{n}", live=live, **fields)
    return _add(directive_index(), page)


def task(code: str | None = None, *, live: bool = True, lead_unit: Agency | None = None, **fields) -> TaskPage:
    """A task under the tracking page; ``assigned_on`` defaults to the earliest of its dates."""
    n = next(_seq)
    fields.setdefault("title", f"Nhiệm vụ số {n}")
    dates = [d for d in (fields.get("deadline"), fields.get("completed_on")) if d]
    fields.setdefault("assigned_on", min([*dates, date(2024, 1, 2)]))
    page = TaskPage(code=code or f"NV-{n}", slug=f"nv-{n}", live=live, lead_unit=lead_unit or agency(), **fields)
    return _add(task_index(), page)


def _add(parent, page):
    """Add ``page`` under ``parent``: published if ``page.live``, else a never-published draft."""
    live = page.live
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return page


def translate(page, *, publish: bool = True, **values):
    """The English translation of ``page`` (Wagtail's ``copy_for_translation``, as the demo's
    ``home/english.py`` makes them: its parent must have one), with ``values``; published unless
    ``publish`` is false (a draft)."""
    from wagtail.models import Locale

    copy = page.copy_for_translation(Locale.objects.get(language_code="en")).specific
    for name, value in values.items():
        setattr(copy, name, value)
    revision = copy.save_revision()
    if publish:
        revision.publish()
    copy.refresh_from_db()  # publishing saved another instance: the url path is the database's
    return copy


def image(title: str = "Ảnh minh họa", description: str = "", size: tuple[int, int] = (640, 400)):
    """A Wagtail image with a real (tiny) PNG file, stored under the test MEDIA_ROOT."""
    import io

    from django.core.files.images import ImageFile
    from PIL import Image as PILImage
    from wagtail.images.models import Image

    buffer = io.BytesIO()
    PILImage.new("RGB", size, (30, 80, 160)).save(buffer, "PNG")
    return Image.objects.create(
        title=title, description=description, file=ImageFile(buffer, name=f"anh-{next(_seq)}.png")
    )


def document_file(title: str = "Toàn văn", filename: str = "toan-van.pdf", size: int = 2048):
    """A Wagtail document whose file has ``size`` bytes."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    return Document.objects.create(title=title, file=ContentFile(b"%PDF-1.4\n".ljust(size, b"x"), name=filename))


def authority_profile(**fields):
    """The default site's AuthorityProfile setting, updated with ``fields``."""
    from wagtail.models import Site

    from home.models import AuthorityProfile

    profile = AuthorityProfile.for_site(Site.objects.get(is_default_site=True))
    for name, value in fields.items():
        setattr(profile, name, value)
    profile.save()
    return profile


def member(username: str, group_name: str, password: str = "x"):  # noqa: S107 (test users)
    """A user in one of the editorial groups (editorial/roles.py), with an e-mail address."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    user = get_user_model().objects.create_user(username=username, password=password, email=f"{username}@example.vn")
    user.groups.add(Group.objects.get(name=group_name))
    return user


def api_token(user) -> str:
    """A new API token of ``user``, made with Wagtail's own command (``api_tokens create``)."""
    import io
    import json

    from django.core.management import call_command

    out = io.StringIO()
    call_command("api_tokens", "create", "--user", user.get_username(), "--name", "CMS tích hợp", "--json", stdout=out)
    return json.loads(out.getvalue())["token"]


def news_form(title: str, **fields) -> dict:
    """The POST data of the admin's news editor (create or edit) for ``title``; ``fields`` replace
    or add values (``slug``, ``lead``, ``body``, ``action-submit``…)."""
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

    from portal.text import slug as ascii_slug

    return nested_form_data(
        {
            "title": title,
            "slug": ascii_slug(title),  # the admin's JavaScript fills it in
            "lead": "Sáng 28/11, UBND huyện tổ chức hội nghị triển khai nhiệm vụ năm 2027.",
            "body": streamfield([("paragraph", rich_text("<p>Nội dung bài viết.</p>"))]),
            "gallery_images": inline_formset([]),
            "published_on": "2026-11-28",
            "author": "Phóng viên",
            "tags": "",
            "comments": inline_formset([]),
            **fields,
        }
    )


def with_stock_search_backend(settings, alias: str) -> None:
    """Add modelsearch's stock database backend under ``alias`` beside the portal's ``default``
    (``search.backends.database``), over the same index and not updating it."""
    default = dict(settings.WAGTAILSEARCH_BACKENDS["default"])
    assert default["BACKEND"] == "search.backends.database"
    stock = {**default, "BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    settings.WAGTAILSEARCH_BACKENDS = {"default": default, alias: stock}


def search_corpus() -> dict:
    """The search tests' hand-built set: 4 legal documents (2 types, 2 issuers, 2 fields), 2 news,
    1 directive, 2 tasks; by name, with the types, agencies and fields."""
    nd = document_type("Nghị định", "NĐ", True)
    qd = document_type("Quyết định", "QĐ")
    gov = agency("Chính phủ", "CP")
    ubnd = agency("Ủy ban nhân dân huyện Vĩnh Tường", "UBND")
    tnmt = agency("Phòng Tài nguyên và Môi trường", "TNMT")
    it = DocumentField.objects.create(name="Công nghệ thông tin")
    land = DocumentField.objects.create(name="Đất đai")
    d43 = legal_document(
        "43/2011/NĐ-CP",
        document_type=nd,
        issuing_body=gov,
        issued_on=date(2011, 6, 13),
        status="het_hieu_luc_toan_bo",
        summary="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến trên trang thông tin điện tử",
    )
    d43.fields.add(it)
    d43.save()
    d42 = legal_document(
        "42/2022/NĐ-CP",
        document_type=nd,
        issuing_body=gov,
        issued_on=date(2022, 6, 24),
        status="con_hieu_luc",
        summary="Quy định về việc cung cấp thông tin và dịch vụ công trực tuyến của cơ quan nhà nước",
    )
    d42.fields.add(it)
    d42.save()
    d959 = legal_document(
        "959/QĐ-UBND",
        document_type=qd,
        issuing_body=ubnd,
        issued_on=date(2023, 4, 3),
        status="con_hieu_luc",
        summary="Phê duyệt quy hoạch sử dụng đất huyện Vĩnh Tường",
    )
    d959.fields.add(land)
    d959.save()
    d12 = legal_document(
        "12/QĐ-UBND",
        document_type=qd,
        issuing_body=ubnd,
        co_issuing_bodies=[],
        issued_on=date(2024, 1, 10),
        status="con_hieu_luc",
        effective_on=date(2027, 1, 1),
        summary="Ban hành quy chế phối hợp quản lý đất đai giữa các phòng",
    )
    d12.co_issuing_bodies.add(tnmt)
    d12.fields.add(land)
    d12.save()
    n1 = news(
        "Lễ hội đình làng Vĩnh Tường",
        published_on=date(2025, 2, 1),
        lead="Lễ hội truyền thống của nhân dân Vĩnh Tường được tổ chức long trọng.",
    )
    n2 = news(
        "Hội nghị về chuyển đổi số",
        published_on=date(2025, 3, 1),
        lead="Triển khai Nghị định 42/2022/NĐ-CP về cung cấp thông tin trực tuyến.",
    )
    c215 = directive(
        "215/TB-UBND",
        issued_on=date(2025, 5, 5),
        summary="Kết luận về công tác quản lý đất đai tại xã Tứ Trưng",
    )
    c215.fields.add(land)
    c215.save()
    t1 = task("NV-2025-001", title="Rà soát hồ sơ đất đai tồn đọng", lead_unit=tnmt, assigned_on=date(2025, 5, 6))
    t2 = task("NV-2025-002", title="Xây dựng kế hoạch chuyển đổi số", lead_unit=ubnd, assigned_on=date(2025, 5, 7))
    return {
        "d43": d43, "d42": d42, "d959": d959, "d12": d12, "n1": n1, "n2": n2, "c215": c215, "t1": t1, "t2": t2,
        "nd": nd, "qd": qd, "gov": gov, "ubnd": ubnd, "tnmt": tnmt, "it": it, "land": land,
    }  # fmt: skip


def question_page(title: str = "Thủ tục cấp đổi giấy chứng nhận", *, live: bool = True, **fields):
    """A published question and answer under the Q&A section."""
    from questions.models import QuestionIndexPage, QuestionPage

    parent = section(QuestionIndexPage, "Hỏi đáp", "hoi-dap")
    values = {"question": "Xin hỏi thủ tục thế nào?", "answer": "<p>Hồ sơ gồm đơn đề nghị.</p>", **fields}
    return _add(parent, QuestionPage(title=title, slug=f"hoi-dap-{next(_seq)}", live=live, **values))
