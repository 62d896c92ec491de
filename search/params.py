"""GET parameters of the public search page → ``SearchQuery``, with the API's names and checks.

The page validates with the API's own schema (``search.api.SearchParams``), so a URL means the
same on ``/tim-kiem/`` and ``/api/v3/search/``; only the messages differ (sentences for readers,
in the page's language: Vietnamese, English under ``/en/``). Empty values (``?document_type=``)
count as absent, as a form without JavaScript may send them. The language of the pages searched
is the page's own (``/tim-kiem/`` Vietnamese, ``/en/search/`` English), never a parameter.
"""

from django.http import QueryDict
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from pydantic import ValidationError

from . import service
from .api import SearchParams
from .registry import registry

LIST_PARAMS = ("type",)
#: What the page reads from its URL: the API's parameters but the language (the page's own).
PARAM_NAMES = tuple(name for name in SearchParams.model_fields if name != "locale")


def translated(text) -> str:
    """``text`` in the active language: a lazy translation, or a Vietnamese string a content app
    registered (a type's label, a filter's hint) looked up in the catalogue (as it is when the
    catalogue has no English for it)."""
    return _(str(text))


def _one_of(labels: list[str]) -> str:
    if len(labels) > 1:
        return _("%(first)s hoặc %(last)s") % {"first": ", ".join(labels[:-1]), "last": labels[-1]}
    return "".join(labels)


def labels() -> dict[str, str]:
    """The parameters' names for readers, in the active language."""
    return {
        "q": pgettext("tìm kiếm", "Từ khóa"),
        "type": _("Loại nội dung"),
        **{name: translated(spec.label) for name, spec in registry.filters().items()},
        "year": _("Năm"),
        "date_from": _("Từ ngày"),
        "date_to": _("Đến ngày"),
        "sort": _("Sắp xếp"),
        "page": _("Trang"),
        "page_size": _("Số kết quả mỗi trang"),
    }


def hints() -> dict[str, str]:
    """What a bad value of each parameter should have been, in the active language."""
    types = _one_of([translated(t.label) for t in service.TYPES.values()])
    example = _("viết theo dạng năm-tháng-ngày, ví dụ 2024-09-05.")
    return {
        "type": _("Loại nội dung phải là %(types)s.") % {"types": types},
        **{name: translated(spec.hint) for name, spec in registry.filters().items()},
        "year": _("Năm phải là số từ 1900 đến 2100."),
        "date_from": _("Từ ngày: %(example)s") % {"example": example},
        "date_to": _("Đến ngày: %(example)s") % {"example": example},
        "sort": _("Cách sắp xếp phải là “phù hợp nhất” hoặc “mới nhất”."),
        "page": _("Số trang phải là số nguyên từ 1 trở lên."),
        "page_size": _("Số kết quả mỗi trang phải từ 1 đến %(most)s.") % {"most": service.MAX_PAGE_SIZE},
    }


class ParamError(ValueError):
    """Bad parameters; ``messages`` are sentences for the reader (one per parameter)."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


def parse(data: QueryDict, locale: str = service.DEFAULT_LOCALE) -> SearchParams:
    """The request's parameters as the API's schema, searching the pages of ``locale`` (the
    page's language); raises ``ParamError``. An empty ``q`` is valid here (the page then shows the
    form), the service rejects it."""
    values: dict = {"locale": locale}
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
        known, named = hints(), labels()
        message = _("%(name)s: giá trị không hợp lệ.")
        raise ParamError([known.get(n) or message % {"name": named.get(n, n)} for n in names]) from None


def service_message(error: service.SearchError) -> str:
    """A sentence for one of the service's own checks, in the active language."""
    text = str(error)
    name, _colon, detail = text.partition(":")
    if name == "q":
        if "at most" in detail:
            return _("Từ khóa dài quá %(most)s ký tự; hãy rút gọn.") % {"most": service.MAX_QUERY_LENGTH}
        if "no searchable word" in detail:
            return _("Từ khóa không có chữ hoặc số nào để tìm; hãy nhập từ cần tìm.")
        return _("Hãy nhập từ cần tìm.")
    if name == "date_from":
        return _("“Từ ngày” phải trước hoặc trùng “Đến ngày”.")
    return hints().get(name, _("Điều kiện tìm kiếm không hợp lệ."))
