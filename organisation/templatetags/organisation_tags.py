"""``{{ unit|name_in:language }}``: a unit's (``directives.Agency``'s) name in a page's language
(``organisation.structure.text_in``: its English name on an English page when it has one)."""

from django import template

from ..structure import text_in

register = template.Library()


@register.filter
def name_in(agency, language: str | None) -> str:
    return text_in(agency, "name", language) if agency is not None else ""
