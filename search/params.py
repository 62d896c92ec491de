"""GET parameters of the public search page → ``SearchQuery``, with the API's names and checks.

The page validates with the API's own schema (``search.api.SearchParams``), so a URL means the
same on ``/tim-kiem/`` and ``/api/v3/search/``; only the messages differ (Vietnamese, for readers).
Empty values (``?document_type=``) count as absent, as a form without JavaScript may send them.
"""

from django.http import QueryDict
from pydantic import ValidationError

from . import service
from .api import SearchParams
from .registry import registry

LIST_PARAMS = ("type",)
PARAM_NAMES = tuple(SearchParams.model_fields)


def _one_of(labels: list[str]) -> str:
    return f"{', '.join(labels[:-1])} hoặc {labels[-1]}" if len(labels) > 1 else "".join(labels)


LABELS = {
    "q": "Từ khóa",
    "type": "Loại nội dung",
    **{name: spec.label for name, spec in registry.filters().items()},
    "year": "Năm",
    "date_from": "Từ ngày",
    "date_to": "Đến ngày",
    "sort": "Sắp xếp",
    "page": "Trang",
    "page_size": "Số kết quả mỗi trang",
}

HINTS = {
    "type": f"Loại nội dung phải là {_one_of([t.label for t in service.TYPES.values()])}.",
    **{name: spec.hint for name, spec in registry.filters().items()},
    "year": "Năm phải là số từ 1900 đến 2100.",
    "date_from": "Từ ngày: viết theo dạng năm-tháng-ngày, ví dụ 2024-09-05.",
    "date_to": "Đến ngày: viết theo dạng năm-tháng-ngày, ví dụ 2024-09-05.",
    "sort": "Cách sắp xếp phải là “phù hợp nhất” hoặc “mới nhất”.",
    "page": "Số trang phải là số nguyên từ 1 trở lên.",
    "page_size": f"Số kết quả mỗi trang phải từ 1 đến {service.MAX_PAGE_SIZE}.",
}


class ParamError(ValueError):
    """Bad parameters; ``messages`` are Vietnamese sentences for the reader (one per parameter)."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def parse(data: QueryDict) -> SearchParams:
    """The request's parameters as the API's schema; raises ``ParamError``. An empty ``q`` is valid
    here (the page then shows the form), the service rejects it."""
    values: dict = {}
    for name in PARAM_NAMES:
        if name in LIST_PARAMS:
            items = [v for v in data.getlist(name) if v.strip()]
            if items:
                values[name] = items
        else:
            value = data.get(name)
            if value is not None and (value.strip() or name == "q"):
                values[name] = value
    try:
        return SearchParams.model_validate(values)
    except ValidationError as error:
        names = list(dict.fromkeys(str(e["loc"][0]) for e in error.errors() if e.get("loc")))
        raise ParamError([HINTS.get(n, f"{LABELS.get(n, n)}: giá trị không hợp lệ.") for n in names]) from None


def service_message(error: service.SearchError) -> str:
    """A Vietnamese sentence for one of the service's own checks."""
    text = str(error)
    name, _, detail = text.partition(":")
    if name == "q":
        if "at most" in detail:
            return f"Từ khóa dài quá {service.MAX_QUERY_LENGTH} ký tự; hãy rút gọn."
        if "no searchable word" in detail:
            return "Từ khóa không có chữ hoặc số nào để tìm; hãy nhập từ cần tìm."
        return "Hãy nhập từ cần tìm."
    if name == "date_from":
        return "“Từ ngày” phải trước hoặc trùng “Đến ngày”."
    return HINTS.get(name, "Điều kiện tìm kiếm không hợp lệ.")
