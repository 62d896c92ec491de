"""Search speed: our search service against stock Wagtail database search and ``icontains``.

Usage: python bench/search_speed.py [N] [--queries Q] [--baseline-queries B] (defaults 10000, 240, 40)

Generates N pages with Vietnamese text (60 % legal documents, 40 % news; fixed seed), written
directly as page rows under the sections (treebeard paths computed here: the import path runs at
~10 records/s, far too slow for 100,000), indexes them with the search backend's bulk path
(``backend.add_bulk``, timed as the indexing throughput), then runs Q mixed queries (no
diacritics, with diacritics, document numbers in messy forms, common phrases, rare words, person
names) and prints p50/p95 latency of

- ``search.service.search`` (our backend ``search.backends.database``; count, first page, snippets, facets);
- stock Wagtail database search (``wagtail.search.backends.database`` over the same index): per
  type, the first 10 results by relevance and the count — less than the service does;
- a plain ``icontains`` query (every word in the title, summary/lead or body), newest first:
  per type, the first 10 results and the count.

The baselines run on an evenly spread subset of B queries (stock SQLite takes seconds per common
query at 100k); the service's figures on that subset are printed beside them for the ratio.

``--engine``: also on the Elasticsearch/OpenSearch node named by ``SEARCH_URL`` and
``SEARCH_ENGINE`` (``make es``), in indexes of their own (prefix ``portal_bench_``): the same
pages indexed there by ``update_index`` (timed: its bulk throughput), the same queries through
the service on the engine, p50/p95 printed beside the database backend's, and for each query
whether both backends count the same matches and agree on the first result.

Runs on a throw-away SQLite file, or on ``DATABASE_URL`` if set: that SQLite file is removed, that
PostgreSQL database is dropped and created again (give it a database of its own, e.g.
``postgres://postgres@127.0.0.1:5432/bench_search``). ``--reuse`` keeps it when it already holds
generated pages and only runs the queries again.
"""

import argparse
import contextlib
import cProfile
import gc
import io
import os
import pstats
import random
import sys
import tempfile
import time
import uuid
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

SEED = 20261201

# --- Vietnamese text -----------------------------------------------------------------------------

DOC_TYPES = [  # name, abbreviation, symbol, issuer, share
    ("Nghị định", "NĐ", "NĐ-CP", "Chính phủ", 8),
    ("Thông tư", "TT", "TT-BTC", "Bộ Tài chính", 6),
    ("Thông tư", "TT", "TT-BNV", "Bộ Nội vụ", 4),
    ("Quyết định", "QĐ", "QĐ-UBND", "UBND tỉnh Vĩnh Phúc", 30),
    ("Quyết định", "QĐ", "QĐ-UBND", "UBND huyện Vĩnh Tường", 20),
    ("Kế hoạch", "KH", "KH-UBND", "UBND huyện Vĩnh Tường", 14),
    ("Chỉ thị", "CT", "CT-UBND", "UBND tỉnh Vĩnh Phúc", 6),
    ("Nghị quyết", "NQ", "NQ-HĐND", "HĐND tỉnh Vĩnh Phúc", 6),
    ("Thông báo", "TB", "TB-UBND", "UBND huyện Vĩnh Tường", 6),
]
FIELDS = [
    "Tài chính",
    "Đất đai",
    "Giáo dục",
    "Y tế",
    "Công nghệ thông tin",
    "Xây dựng",
    "Nội vụ",
    "Nông nghiệp",
    "Tài nguyên và môi trường",
    "Văn hóa - Xã hội",
    "Giao thông vận tải",
    "Tư pháp",
]
# Subjects, most common first (drawn with Zipf-like weights).
SUBJECTS = [
    "thủ tục hành chính",
    "cải cách hành chính",
    "chuyển đổi số",
    "xây dựng nông thôn mới",
    "bảo vệ môi trường",
    "quản lý đất đai",
    "ngân sách nhà nước",
    "đầu tư công",
    "phòng, chống thiên tai",
    "an toàn giao thông",
    "dịch vụ công trực tuyến",
    "giải phóng mặt bằng",
    "bồi thường, hỗ trợ, tái định cư",
    "giáo dục phổ thông",
    "bảo hiểm y tế",
    "an sinh xã hội",
    "phòng cháy, chữa cháy",
    "quy hoạch sử dụng đất",
    "giảm nghèo bền vững",
    "vệ sinh an toàn thực phẩm",
    "phát triển du lịch",
    "kinh tế tập thể, hợp tác xã",
    "trật tự xây dựng",
    "khám bệnh, chữa bệnh",
    "tiêm chủng mở rộng",
    "chương trình mục tiêu quốc gia",
    "xây dựng đời sống văn hóa cơ sở",
    "cấp giấy chứng nhận quyền sử dụng đất",
    "đăng ký kinh doanh",
    "thi đua, khen thưởng",
    "công tác dân vận",
    "phổ biến, giáo dục pháp luật",
    "quản lý chất thải rắn",
    "nước sạch nông thôn",
    "chăn nuôi an toàn sinh học",
    "phòng, chống tham nhũng",
    "tiếp công dân",
    "giải quyết khiếu nại, tố cáo",
    "đào tạo nghề cho lao động nông thôn",
    "quốc phòng toàn dân",
]
SUBJECT_WEIGHTS = [1 / (i + 1) ** 0.9 for i in range(len(SUBJECTS))]
PLACES = [
    "Vĩnh Tường",
    "Thổ Tang",
    "Tứ Trưng",
    "Đại Đồng",
    "Tân Tiến",
    "Kim Xá",
    "Yên Bình",
    "Chấn Hưng",
    "Nghĩa Hưng",
    "Vĩnh Sơn",
    "Bình Dương",
    "Lũng Hòa",
    "Phú Đa",
    "Ngũ Kiên",
    "Tuân Chính",
    "Vũ Di",
    "Thượng Trưng",
    "An Tường",
    "Vĩnh Thịnh",
    "Cao Đại",
    "Tân Phú",
    "Lý Nhân",
    "Bồ Sao",
    "Yên Lập",
    "Phú Thịnh",
    "Vĩnh Ninh",
    "Tam Phúc",
    "Việt Xuân",
    "Tam Dương",
    "Yên Lạc",
    "Lập Thạch",
    "Tam Đảo",
    "Bình Xuyên",
    "Sông Lô",
    "Phúc Yên",
    "Vĩnh Yên",
]
# Each rare term is written in about one document in a thousand.
RARE = [
    "gốm Hương Canh",
    "mộc Thanh Lãng",
    "đầm Vạc",
    "rươi Tam Đảo",
    "su su Tam Đảo",
    "trống đồng Lũng Hòa",
    "chè Đạo Trù",
    "đình Thổ Tang",
    "tháp Bình Sơn",
    "lễ hội Tứ Trưng",
    "bí đỏ Bồ Sao",
    "cây ăn quả đặc sản",
    "hợp tác xã rau an toàn Yên Lập",
    "khu di tích Tây Thiên",
    "bảo tồn voọc",
    "hệ thống kênh Liễn Sơn",
]
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Phan"]
MIDDLE = ["Văn", "Thị", "Đức", "Minh", "Quang", "Thanh", "Hữu", "Ngọc", "Xuân", "Thu"]
GIVEN = [
    "Hùng",
    "Lan",
    "Dũng",
    "Hương",
    "Tuấn",
    "Hà",
    "Sơn",
    "Thủy",
    "Long",
    "Mai",
    "Cường",
    "Nga",
    "Thắng",
    "Hằng",
    "Phong",
    "Yến",
    "Quyết",
    "Khải",
    "Trường",
    "Hạnh",
]
SENTENCES = [
    "Tăng cường công tác {s} trên địa bàn xã {p}, bảo đảm đúng quy định của pháp luật.",
    "Ủy ban nhân dân xã {p} chủ trì, phối hợp với các phòng, ban chuyên môn triển khai {s}.",
    "Rà soát, đánh giá kết quả thực hiện {s} giai đoạn {y1}–{y2} và đề xuất giải pháp.",
    "Kinh phí thực hiện {s} được bố trí từ nguồn ngân sách nhà nước và các nguồn hợp pháp khác.",
    "Các cơ quan, đơn vị báo cáo kết quả {s} về Văn phòng trước ngày {d} tháng {m} năm {y2}.",
    "Đẩy mạnh ứng dụng công nghệ thông tin trong {s}, giảm thời gian giải quyết hồ sơ cho người dân.",
    "Tổ chức tuyên truyền, phổ biến nội dung {s} đến cán bộ, công chức và Nhân dân xã {p}.",
    "Kiểm tra, giám sát việc thực hiện {s}; xử lý nghiêm các trường hợp vi phạm.",
    "Đồng chí {n}, Phó Chủ tịch UBND huyện, trực tiếp chỉ đạo {s}.",
    "Phấn đấu đến năm {y2}, 100% hồ sơ {s} được tiếp nhận và trả kết quả đúng hạn.",
    "Huy động sự tham gia của Mặt trận Tổ quốc và các đoàn thể trong {s} tại xã {p}.",
    "Sở, ngành liên quan hướng dẫn chuyên môn, nghiệp vụ về {s} cho cấp xã.",
]
NEWS_TITLES = [
    "{P}: đẩy mạnh {s}",
    "Hội nghị tổng kết công tác {s} năm {y}",
    "Xã {p} về đích {s}",
    "Tập huấn nghiệp vụ {s} cho cán bộ cấp xã",
    "Kiểm tra tiến độ {s} tại xã {p}",
    "Khánh thành công trình phục vụ {s} ở {p}",
    "Lãnh đạo huyện làm việc với xã {p} về {s}",
    "Nhiều kết quả nổi bật trong {s} tại {p}",
]
REFS = [
    "Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015",
    "Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015",
    "Nghị định số 61/2018/NĐ-CP ngày 23 tháng 4 năm 2018 của Chính phủ",
    "Nghị định số 63/2010/NĐ-CP ngày 08 tháng 6 năm 2010 của Chính phủ",
    "Nghị định số 43/2014/NĐ-CP ngày 15 tháng 5 năm 2014 của Chính phủ",
    "Thông tư số 01/2018/TT-VPCP ngày 23 tháng 11 năm 2018",
    "Luật Đất đai ngày 18 tháng 01 năm 2024",
]


def person(rng) -> str:
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def subject(rng) -> str:
    return rng.choices(SUBJECTS, SUBJECT_WEIGHTS)[0]


def sentence(rng, year: int, main: str) -> str:
    return rng.choice(SENTENCES).format(
        s=main if rng.random() < 0.85 else subject(rng),
        p=rng.choice(PLACES),
        n=person(rng),
        y1=year - 5,
        y2=year + rng.randrange(1, 5),
        d=rng.randrange(1, 29),
        m=rng.randrange(1, 13),
    )


def paragraphs(rng, year: int, count: int, main: str) -> list[str]:
    """``count`` paragraphs about ``main`` (a document has one subject, and mentions a few others)."""
    out = []
    for _ in range(count):
        text = " ".join(sentence(rng, year, main) for _ in range(rng.randrange(2, 4)))
        if rng.random() < 0.015:
            text += f" Chú trọng phát triển {rng.choice(RARE)}."
        out.append(text)
    return out


# --- generation ------------------------------------------------------------------------------------


def build_pages(n: int, seed: int = SEED):
    """(legal document kwargs, news kwargs) lists: plain dicts, ready to become model instances."""
    rng = random.Random(seed)
    docs, news = [], []
    counters: dict[tuple[str, int], int] = {}
    weights = [t[4] for t in DOC_TYPES]
    for i in range(n):
        year = 2008 + rng.randrange(18)
        day = date(year, 1, 1) + timedelta(days=rng.randrange(365))
        if i % 5 < 3:  # 60 % legal documents
            kind, _abbr, symbol, issuer, _w = rng.choices(DOC_TYPES, weights)[0]
            key = (symbol, year)
            counters[key] = counters.get(key, 0) + 1 + rng.randrange(3)
            number = (
                f"{counters[key]}/{year}/{symbol}"
                if symbol.endswith(("CP", "BTC", "BNV"))
                else f"{counters[key]}/{symbol}"
            )
            subj = subject(rng)
            place = rng.choice(PLACES)
            summary = rng.choice(
                [
                    f"Về việc ban hành Quy chế {subj} trên địa bàn huyện {place}",
                    f"Quy định chi tiết một số điều về {subj}",
                    f"Về việc triển khai {subj} năm {year}",
                    f"Phê duyệt kế hoạch {subj} giai đoạn {year}–{year + 5}",
                    f"Về việc công bố danh mục {subj} thuộc thẩm quyền giải quyết của UBND cấp xã",
                ]
            )
            signer = person(rng)
            body = [f"Căn cứ {ref};" for ref in rng.sample(REFS, 2)]
            body.append(f"Xét đề nghị của Trưởng phòng {rng.choice(FIELDS)} huyện {place}.")
            body += [f"Điều {k + 1}. {p}" for k, p in enumerate(paragraphs(rng, year, rng.randrange(3, 6), subj))]
            body.append("Chánh Văn phòng, Thủ trưởng các cơ quan, đơn vị liên quan chịu trách nhiệm thi hành.")
            docs.append(
                {
                    "kind": kind,
                    "issuer": issuer,
                    "symbol": symbol,
                    "number": number,
                    "summary": summary,
                    "signer": signer,
                    "issued_on": day,
                    "status": rng.choice(["", "con_hieu_luc", "con_hieu_luc", "het_hieu_luc_mot_phan"]),
                    "field": rng.choice(FIELDS),
                    "body": "".join(f"<p>{p}</p>" for p in body),
                }
            )
        else:
            subj = subject(rng)
            place = rng.choice(PLACES)
            title = rng.choice(NEWS_TITLES).format(s=subj, p=place, P=place, y=year)
            paras = paragraphs(rng, year, rng.randrange(3, 7), subj)
            news.append(
                {
                    "title": title[0].upper() + title[1:],
                    "lead": f"Ngày {day.day}/{day.month}/{year}, tại xã {place}, {person(rng)} chủ trì buổi làm việc"
                    f" về {subj}.",
                    "published_on": day,
                    "author": person(rng),
                    "body": [
                        {"type": "paragraph", "value": f"<p>{p}</p>", "id": str(uuid.UUID(int=rng.getrandbits(128)))}
                        for p in paras
                    ],
                }
            )
    return docs, news


def child_paths(parent, count: int) -> list[str]:
    """Treebeard paths for ``count`` new children of ``parent`` after its existing ones."""
    from wagtail.models import Page

    last = Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1).order_by("-path").first()
    start = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
    return [parent.path + Page._int2str(start + i).rjust(Page.steplen, "0") for i in range(count)]


def bulk_insert_pages(model, parent, objs: list, batch: int = 500) -> None:
    """Page rows and specific rows of ``objs`` (unsaved, MTI ``model``), children of ``parent``."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from wagtail.models import Page

    content_type = ContentType.objects.get_for_model(model)
    paths = child_paths(parent, len(objs))
    now = datetime.now().astimezone()
    page_fields = [f for f in Page._meta.concrete_fields if not f.primary_key]
    own_fields = list(model._meta.local_concrete_fields)
    with transaction.atomic():
        for start in range(0, len(objs), batch):
            chunk = objs[start : start + batch]
            rows = []
            for obj, path in zip(chunk, paths[start : start + batch]):
                obj.path, obj.depth, obj.numchild = path, parent.depth + 1, 0
                obj.url_path = f"{parent.url_path}{obj.slug}/"
                obj.content_type = content_type
                obj.locale_id = parent.locale_id
                obj.live, obj.has_unpublished_changes = True, False
                obj.first_published_at = obj.last_published_at = now
                obj.draft_title = obj.title
                rows.append(Page(**{f.attname: getattr(obj, f.attname) for f in page_fields}))
            Page.objects.bulk_create(rows)
            for obj, row in zip(chunk, rows):
                obj.page_ptr_id = obj.id = row.id
            model._base_manager._insert(chunk, fields=own_fields, using=connection.alias, raw=True)
        Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(objs))


def generate(n: int) -> dict:
    """Create the pages; returns {model: [pages]}."""
    from directives.importing import get_or_create_named, legal_document_index
    from directives.models import Agency, DocumentType, Field, LegalDocumentPage
    from news.importing import news_category
    from news.models import NewsPage

    docs, news = build_pages(n)
    doc_types = {
        name: DocumentType.objects.get_or_create(name=name, defaults={"abbreviation": abbr})[0]
        for name, abbr, *_ in DOC_TYPES
    }
    agencies = {issuer: get_or_create_named(Agency, issuer) for *_, issuer, _w in DOC_TYPES}
    fields = {name: Field.objects.get_or_create(name=name)[0] for name in FIELDS}

    legal_pages = []
    for i, d in enumerate(docs):
        page = LegalDocumentPage(
            title=f"{d['kind']} {d['number']}",
            slug=f"vb-bench-{i + 1}",
            number=d["number"],
            summary=d["summary"],
            document_type=doc_types[d["kind"]],
            issuing_body=agencies[d["issuer"]],
            signer=d["signer"],
            signer_title="Chủ tịch",
            issued_on=d["issued_on"],
            status=d["status"],
            body=d["body"],
        )
        page.derive_number_keys()
        legal_pages.append(page)
    bulk_insert_pages(LegalDocumentPage, legal_document_index(), legal_pages)
    through = LegalDocumentPage.fields.through
    through.objects.bulk_create(
        [through(legaldocumentpage_id=p.pk, field_id=fields[d["field"]].pk) for p, d in zip(legal_pages, docs)],
        batch_size=1000,
    )

    category = news_category("Tin tức - Sự kiện")
    news_pages = [
        NewsPage(
            title=d["title"],
            slug=f"tin-bench-{i + 1}",
            lead=d["lead"],
            published_on=d["published_on"],
            author=d["author"],
            body=d["body"],
        )
        for i, d in enumerate(news)
    ]
    bulk_insert_pages(NewsPage, category, news_pages)
    return {LegalDocumentPage: legal_pages, NewsPage: news_pages}


def index(backend_name: str, pages: dict, batch: int = 1000) -> tuple[int, float]:
    """Index every page with the backend's bulk path; (count, seconds)."""
    from django.db import transaction
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend(backend_name)
    started = time.perf_counter()
    total = 0
    for model, objs in pages.items():
        ids = [o.pk for o in objs]
        for start in range(0, len(ids), batch):
            with transaction.atomic():
                chunk = list(model.objects.filter(pk__in=ids[start : start + batch]).order_by("pk"))
                backend.add_bulk(model, chunk)
            total += len(chunk)
    index_obj = backend.get_index_for_model(next(iter(pages)))
    if hasattr(index_obj, "_refresh_title_norms"):
        index_obj._refresh_title_norms(full=True)  # what update_index does when it finishes
    if hasattr(backend, "optimize_index"):
        backend.optimize_index()  # what update_index and import_content do when they finish
    return total, time.perf_counter() - started


# --- queries -----------------------------------------------------------------------------------------


def strip_marks(text: str) -> str:
    from portal.text import fold

    return fold(text)


def build_queries(pages: dict, count: int, seed: int = SEED) -> list[tuple[str, str]]:
    """(kind, query) pairs, mixed and shuffled."""
    from directives.models import LegalDocumentPage

    rng = random.Random(seed + 1)
    docs = pages[LegalDocumentPage]
    out = []
    per_kind = max(1, count // 8)
    for _ in range(per_kind):
        doc = rng.choice(docs)
        number = doc.number
        parts = number.split("/")
        kind = doc.title.split(" ")[0:2]
        form = rng.randrange(5)
        if form == 0:
            q = number
        elif form == 1:
            q = strip_marks(number).upper()
        elif form == 2:
            q = "/".join(parts[:2]) if len(parts) == 3 else number.replace("-", "")
        elif form == 3:
            q = f"{strip_marks(' '.join(kind))} {'/'.join(parts[:2])}"
        else:
            q = f"{' '.join(kind)} số {number}"
        out.append(("number", q))
    for _ in range(per_kind):
        out.append(("phrase, marks", rng.choices(SUBJECTS[:12], SUBJECT_WEIGHTS[:12])[0]))
    for _ in range(per_kind):
        out.append(("phrase, no marks", strip_marks(rng.choices(SUBJECTS[:12], SUBJECT_WEIGHTS[:12])[0])))
    for _ in range(per_kind):
        out.append(("less common phrase", rng.choice([strip_marks, str])(rng.choice(SUBJECTS[12:]))))
    for _ in range(per_kind):
        out.append(("rare words", rng.choice([strip_marks, str])(rng.choice(RARE))))
    for _ in range(per_kind):
        out.append(("name", rng.choice([strip_marks, str])(person(rng))))
    for _ in range(per_kind):
        place = rng.choice(PLACES)
        out.append(("place + subject", f"{strip_marks(subject(rng))} {rng.choice([strip_marks, str])(place)}"))
    while len(out) < count:
        out.append(
            (
                "short word(s)",
                rng.choice(["quyết định", "ke hoach", "UBND", "nghi dinh", "Thông tư", "hội nghị", "ngân sách"]),
            )
        )
    rng.shuffle(out)
    return out[:count]


def percentile(values: list[float], p: float) -> float:
    values = sorted(values)
    k = (len(values) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(values) - 1)
    return values[lo] + (values[hi] - values[lo]) * (k - lo)


def timed(fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    result = fn(*args)
    return (time.perf_counter() - started) * 1000, result


def run_service(q: str, today: date, backend: str = "default") -> int:
    return run_service_detail(q, today, backend)[0]


def run_service_detail(q: str, today: date, backend: str = "default") -> tuple[int, int | None]:
    """(count, the first result's page id) of the service's answer on ``backend``."""
    from search.service import SearchQuery, search

    result = search(SearchQuery(q=q), today=today, backend=backend)
    [hit.as_dict() for hit in result.results]
    return result.count, (result.results[0].page.pk if result.results else None)


ENGINE_PREFIX = "portal_bench_"


def configure_engine(settings) -> str:
    """The engine of SEARCH_URL/SEARCH_ENGINE as the backend ``engine`` (indexes ``portal_bench_…``)."""
    from search.backends.config import search_backends

    url, kind = os.environ.get("BENCH_SEARCH_URL", ""), os.environ.get("BENCH_SEARCH_ENGINE", "")
    if not url:
        sys.exit("--engine needs SEARCH_URL (and SEARCH_ENGINE): start one with `make es`")
    env = {"SEARCH_URL": url, "SEARCH_ENGINE": kind, "INDEX_PREFIX": ENGINE_PREFIX, "SEARCH_TIMEOUT": "60"}
    settings.WAGTAILSEARCH_BACKENDS["engine"] = {
        **search_backends(env)["default"],
        "AUTO_UPDATE": False,
    }
    return f"{kind or 'elasticsearch9'} at {url}"


def index_on_engine(pages_total: int, reuse: bool) -> tuple[int, float] | None:
    """``update_index`` on the engine, timed; None when ``reuse`` and it already holds the pages."""
    from django.core.management import call_command
    from wagtail.models import Page
    from wagtail.search.backends import get_search_backend

    backend = get_search_backend("engine")
    name = backend.get_index_for_model(Page).name
    if reuse and backend.es.indices.exists(index=name):
        backend.es.indices.refresh(index=name)
        held = backend.es.count(index=name)["count"]
        if held >= pages_total:
            return None
    started = time.perf_counter()
    call_command("update_index", backend_name="engine", verbosity=0)
    backend.es.indices.refresh(index=name)
    seconds = time.perf_counter() - started
    return Page.objects.count(), seconds


class TimedOut(Exception):
    pass


def with_timeout(seconds: float, fn, *args):
    """``fn(*args)``, or ``TimedOut`` once the database has worked ``seconds`` on it."""
    from django.db import OperationalError, connection, transaction

    connection.ensure_connection()
    if connection.vendor == "postgresql":
        try:
            with transaction.atomic():
                with connection.cursor() as cursor:
                    cursor.execute(f"SET LOCAL statement_timeout = {int(seconds * 1000)}")
                return fn(*args)
        except OperationalError as error:
            if "statement timeout" in str(error):
                raise TimedOut from error
            raise
    deadline = time.perf_counter() + seconds
    raw = connection.connection
    raw.set_progress_handler(lambda: int(time.perf_counter() > deadline), 10000)
    try:
        return fn(*args)
    except OperationalError as error:
        if "interrupted" in str(error):
            raise TimedOut from error
        raise
    finally:
        raw.set_progress_handler(None, 0)


def run_stock(q: str, models: list):
    """Stock Wagtail database search, per type: first 10 by relevance and the count."""
    from search.service import backend_text

    total = 0
    text = backend_text(q)
    for model in models:
        results = model.objects.live().search(text, operator="and", backend="stock")
        list(results[:10])
        total += results.count()
    return total


def run_icontains(q: str, models: dict):
    """Every word in the title, summary/lead or body, newest first; per type: 10 results and the count."""
    from django.db.models import Q

    total = 0
    words = q.split()
    for model, (text_field, date_field) in models.items():
        qs = model.objects.live()
        for word in words:
            qs = qs.filter(Q(title__icontains=word) | Q(**{f"{text_field}__icontains": word}) | Q(body__icontains=word))
        list(qs.order_by(f"-{date_field}")[:10])
        total += qs.count()
    return total


class SqlTimes:
    """A ``connection.execute_wrapper``: time spent in the database, per statement kind (its first
    words), for ``--sql``. On SQLite part of a statement's work happens while its rows are fetched,
    which counts as Python here."""

    def __init__(self):
        self.total = 0.0
        self.by_kind: dict[str, float] = {}

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            ms = (time.perf_counter() - started) * 1000
            self.total += ms
            kind = " ".join(sql.split()[:6])[:72]
            self.by_kind[kind] = self.by_kind.get(kind, 0.0) + ms


def summarise(times: list[float]) -> str:
    return f"p50 {percentile(times, 0.5):8.1f} ms   p95 {percentile(times, 0.95):8.1f} ms   max {max(times):8.1f} ms"


def prepare_database(url: str, reuse: bool) -> None:
    """A fresh database (unless ``reuse``): the SQLite file removed, the PostgreSQL database re-created."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    if parts.scheme.startswith("sqlite"):
        path = Path(parts.path[1:] if parts.path.startswith("//") else parts.path)
        if not reuse and path.exists():
            path.unlink()
        return
    import psycopg2
    from psycopg2 import sql

    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        exists = cursor.fetchone() is not None
        if exists and not reuse:
            cursor.execute(sql.SQL("DROP DATABASE {}").format(sql.Identifier(name)))
        if not exists or not reuse:
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    admin.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("n", nargs="?", type=int, default=10000, help="pages to generate (default 10000)")
    parser.add_argument("--queries", type=int, default=240, help="mixed queries for the service (default 240)")
    parser.add_argument(
        "--baseline-queries", type=int, default=40, help="queries (a spread subset) for the baselines (default 40)"
    )
    parser.add_argument(
        "--timeout", type=float, default=30.0, help="seconds after which a stock query is stopped (default 30)"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="keep the database named by DATABASE_URL if it already holds generated pages (no new data)",
    )
    parser.add_argument(
        "--engine",
        action="store_true",
        help="also index and query the Elasticsearch/OpenSearch node of SEARCH_URL and SEARCH_ENGINE",
    )
    parser.add_argument(
        "--sql",
        action="store_true",
        help="also time the service's SQL statements: database vs Python per search, the costliest kinds",
    )
    parser.add_argument(
        "--profile",
        type=int,
        default=0,
        metavar="K",
        help="also run the queries once more under cProfile and print the K functions with the most own time",
    )
    args = parser.parse_args()

    tmp = tempfile.mkdtemp(prefix="bench-search-")
    os.environ.setdefault("DATABASE_URL", f"sqlite:///{tmp}/bench.sqlite3")
    prepare_database(os.environ["DATABASE_URL"], reuse=args.reuse)
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.dev"
    os.environ["DEBUG"] = "0"  # no query log: measure what production does
    os.environ["MEDIA_ROOT"] = tmp
    os.environ["BENCH_SEARCH_URL"] = os.environ.pop("SEARCH_URL", "")
    os.environ["BENCH_SEARCH_ENGINE"] = os.environ.pop("SEARCH_ENGINE", "")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db import connection

    call_command("migrate", verbosity=0)
    default = settings.WAGTAILSEARCH_BACKENDS["default"]
    stock = {k: v for k, v in default.items() if k != "BACKEND"}
    settings.WAGTAILSEARCH_BACKENDS["stock"] = {
        **stock,
        "BACKEND": "wagtail.search.backends.database",
        "AUTO_UPDATE": False,
    }

    engine_name = configure_engine(settings) if args.engine else None

    from directives.models import LegalDocumentPage
    from news.models import NewsPage

    reused = args.reuse and LegalDocumentPage.objects.filter(slug="vb-bench-1").exists()
    if reused:  # a kept database (DATABASE_URL given): measure the queries again
        pages = {model: list(model.objects.filter(slug__contains="-bench-")) for model in (LegalDocumentPage, NewsPage)}
        generated = count = seconds = 0.0
    else:
        started = time.perf_counter()
        pages = generate(args.n)
        generated = time.perf_counter() - started
        count, seconds = index("default", pages)
    if connection.vendor == "postgresql":
        # What autovacuum does on a running site: statistics for the planner, and the dead rows
        # the bulk indexing leaves (each entry is written, then its title norm updated) removed.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")

    engine_indexed = index_on_engine(sum(len(o) for o in pages.values()), reused) if args.engine else None

    today = date(2026, 6, 1)
    queries = build_queries(pages, args.queries)
    # The 100,000 page objects are not kept while timing: no server process holds them, and every
    # full collection of the garbage collector would walk them (5–10 ms more per search measured).
    counts = {model: len(objs) for model, objs in pages.items()}
    del pages
    gc.collect()
    step = max(1, len(queries) // max(1, args.baseline_queries))
    subset = set(range(0, len(queries), step)[: args.baseline_queries])

    # Warm, like a running site: the database file in the page cache (this machine's cache does
    # not keep a 1.5 GB file between runs, and reading it cold made single queries take seconds),
    # then every query once, untimed (SQLite's and PostgreSQL's own caches, Python's imports).
    started = time.perf_counter()
    if connection.vendor == "sqlite":
        with open(connection.settings_dict["NAME"], "rb") as handle:
            while handle.read(1 << 24):
                pass
    for _kind, q in queries:
        run_service(q, today)
    print(f"warm-up (database file read, each query once): {time.perf_counter() - started:.1f} s")
    ours, ours_subset, per_kind = [], [], {}
    sql_times = SqlTimes()
    with connection.execute_wrapper(sql_times) if args.sql else contextlib.nullcontext():
        for i, (kind, q) in enumerate(queries):
            ms, _ = timed(run_service, q, today)
            ours.append(ms)
            per_kind.setdefault(kind, []).append(ms)
            if i in subset:
                ours_subset.append(ms)
    engine_times, engine_kinds, disagree_count, disagree_first = [], {}, [], []
    if args.engine:
        for _kind, q in queries:  # warm, as for the database backend
            run_service(q, today, "engine")
        for kind, q in queries:
            ms, (found, first) = timed(run_service_detail, q, today, "engine")
            engine_times.append(ms)
            engine_kinds.setdefault(kind, []).append(ms)
            db_count, db_first = run_service_detail(q, today)
            if found != db_count:
                disagree_count.append((q, db_count, found))
            if first != db_first:
                disagree_first.append(q)
    if args.profile:
        profiler = cProfile.Profile()
        profiler.enable()
        for _kind, q in queries:
            run_service(q, today)
        profiler.disable()
        profiled = io.StringIO()
        pstats.Stats(profiler, stream=profiled).sort_stats("tottime").print_stats(args.profile)
    stock_times, icontains_times = [], []
    fields = {LegalDocumentPage: ("summary", "issued_on"), NewsPage: ("lead", "published_on")}
    timeouts = 0
    for i in sorted(subset):
        q = queries[i][1]
        try:
            stock_times.append(timed(with_timeout, args.timeout, run_stock, q, list(fields))[0])
        except TimedOut:
            stock_times.append(args.timeout * 1000)  # counted as the limit: a lower bound
            timeouts += 1
        icontains_times.append(timed(run_icontains, q, fields)[0])

    db = "SQLite" if connection.vendor == "sqlite" else "PostgreSQL"
    print(
        f"database: {db}; pages: {counts[LegalDocumentPage] + counts[NewsPage]} "
        f"({counts[LegalDocumentPage]} legal documents, {counts[NewsPage]} news)"
    )
    if reused:
        print("generation and indexing: skipped (the database already holds the generated pages)")
    else:
        print(f"generation (bulk page rows): {generated:.1f} s")
        print(f"indexing ({default['BACKEND']}, add_bulk): {count / seconds:8.1f} pages/s ({seconds:.1f} s)")
    print(f"search.service.search, {len(queries)} mixed queries: {summarise(ours)}")
    for kind, times in sorted(per_kind.items()):
        print(f"    {kind:<20} {len(times):4d} queries  {summarise(times)}")
    if args.engine:
        print(f"engine: {engine_name}")
        if engine_indexed is None:
            print("    indexing: skipped (its indexes already hold the generated pages)")
        else:
            done, secs = engine_indexed
            print(f"    indexing (update_index, every page): {done / secs:8.1f} pages/s ({secs:.1f} s)")
        print(f"    search.service.search on the engine, same {len(queries)} queries: {summarise(engine_times)}")
        for kind, times in sorted(engine_kinds.items()):
            print(f"    {kind:<20} {len(times):4d} queries  {summarise(times)}")
        print(
            f"    engine vs {'SQLite' if connection.vendor == 'sqlite' else 'PostgreSQL'} at p50/p95: "
            f"{percentile(engine_times, 0.5) / percentile(ours, 0.5):.2f}x / "
            f"{percentile(engine_times, 0.95) / percentile(ours, 0.95):.2f}x the time"
        )
        print(
            f"    same count on both backends: {len(queries) - len(disagree_count)}/{len(queries)} queries; "
            f"same first result: {len(queries) - len(disagree_first)}/{len(queries)}"
        )
        for q, db_count, found in disagree_count[:10]:
            print(f"        count differs: {q!r}: database {db_count}, engine {found}")
    if args.sql:
        n = len(queries)
        print(
            f"    mean per search: {sum(ours) / n:.1f} ms, of which SQL {sql_times.total / n:.1f} ms "
            f"(executing statements), the rest Python; costliest statement kinds (mean ms per search):"
        )
        for kind, ms in sorted(sql_times.by_kind.items(), key=lambda item: -item[1])[:8]:
            print(f"        {ms / n:6.2f}  {kind}")
    if args.profile:
        print(f"cProfile, {len(queries)} queries once more (own time; cProfile slows Python down):")
        print(profiled.getvalue())
    print(f"baselines on a spread subset of {len(subset)} of those queries (the same subset for all three):")
    print(f"    search.service.search        {summarise(ours_subset)}")
    print(f"    stock Wagtail database search {summarise(stock_times)}   (10 results + count per type)")
    if timeouts:
        print(f"        {timeouts} stock queries stopped at the limit ({args.timeout:.0f} s) and counted as that")
    print(f"    icontains                    {summarise(icontains_times)}   (10 results + count per type)")
    print(
        "speed-up at p95: "
        f"{percentile(stock_times, 0.95) / percentile(ours_subset, 0.95):.1f}x vs stock, "
        f"{percentile(icontains_times, 0.95) / percentile(ours_subset, 0.95):.1f}x vs icontains; at p50: "
        f"{percentile(stock_times, 0.5) / percentile(ours_subset, 0.5):.1f}x vs stock, "
        f"{percentile(icontains_times, 0.5) / percentile(ours_subset, 0.5):.1f}x vs icontains"
    )


if __name__ == "__main__":
    main()
