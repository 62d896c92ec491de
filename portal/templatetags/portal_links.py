"""``{% public_url obj as url %}``: the public page of an object that an upper app publishes
(``portal.links``), or None."""

from django import template

from ..links import public_url as _public_url

register = template.Library()


@register.simple_tag(takes_context=True)
def public_url(context, obj) -> str | None:
    return _public_url(obj, context.get("request"))
