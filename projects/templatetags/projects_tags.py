"""Figures written the Vietnamese way in templates (``projects.money``)."""

from django import template

from ..money import billions, format_number, vnd

register = template.Library()


@register.filter
def dong(amount) -> str:
    """``12500000000`` → ``12.500.000.000 đ``."""
    return vnd(amount)


@register.filter
def ty_dong(amount) -> str:
    """``12500000000`` → ``12,5 tỷ đồng``."""
    return billions(amount)


@register.filter
def so(value) -> str:
    """A figure of a table: ``1234567.5`` → ``1.234.567,5``."""
    return format_number(value)
