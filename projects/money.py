"""Amounts and figures written the Vietnamese way: a dot between thousands, a comma before the
decimals ("12.500.000.000 đ", "12,5 tỷ đồng", "1.234,5"). Plain functions of the value alone,
whatever the request's locale; ``None`` (no figure) is written as an empty string."""

from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

BILLION = Decimal(1_000_000_000)


def _as_decimal(value) -> Decimal | None:
    if value is None or value == "":
        return None
    try:
        return value if isinstance(value, Decimal) else Decimal(str(value))
    except InvalidOperation:
        return None


def _group(digits: str) -> str:
    """``"12500000"`` → ``"12.500.000"``."""
    head = len(digits) % 3 or 3
    groups = [digits[:head], *(digits[i : i + 3] for i in range(head, len(digits), 3))]
    return ".".join(groups)


def format_number(value, places: int | None = None) -> str:
    """A figure as Vietnamese write it: ``1234567.5`` → ``"1.234.567,5"``; ``-2.5`` → ``"-2,5"``.

    ``places``: round to that many decimals (half up); by default the decimals written are kept
    (``Decimal("3.50")`` → ``"3,50"``). Not a number: ``""``."""
    number = _as_decimal(value)
    if number is None or not number.is_finite():
        return ""
    if places is not None:
        number = number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    sign = "-" if number < 0 else ""
    text = format(abs(number), "f")
    whole, _dot, decimals = text.partition(".")
    out = sign + _group(whole)
    return f"{out},{decimals}" if decimals else out


def vnd(amount) -> str:
    """An amount in đồng, whole: ``12500000000`` → ``"12.500.000.000 đ"``."""
    number = _as_decimal(amount)
    if number is None or not number.is_finite():
        return ""
    return f"{format_number(number, places=0)} đ"


def billions(amount) -> str:
    """An amount in tỷ đồng (10⁹ đồng), to the million, trailing zeros dropped:
    ``12500000000`` → ``"12,5 tỷ đồng"``, ``41873000000`` → ``"41,873 tỷ đồng"``,
    ``850000000`` → ``"0,85 tỷ đồng"``, ``1250000000000`` → ``"1.250 tỷ đồng"``."""
    number = _as_decimal(amount)
    if number is None or not number.is_finite():
        return ""
    return f"{format_number(billions_value(number))} tỷ đồng"


def billions_value(amount) -> Decimal:
    """The amount in tỷ đồng as a number, to the million (3 decimals), trailing zeros dropped."""
    number = (_as_decimal(amount) or Decimal(0)) / BILLION
    rounded = number.quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    return rounded.to_integral_value() if rounded == rounded.to_integral_value() else rounded.normalize()
