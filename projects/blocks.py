"""The data table of a statistics page: Wagtail's typed table (a caption, typed columns — text or
number — and rows), the unit of measure and the source of the figures."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.contrib.typed_table_block.blocks import TypedTableBlock, TypedTableBlockValidationError


class StatisticsTableBlock(blocks.StructBlock):
    table = TypedTableBlock(
        [
            ("text", blocks.CharBlock(required=False, label=_("Chữ"))),
            ("number", blocks.DecimalBlock(required=False, label=_("Số"))),
        ],
        label=_("Bảng số liệu"),
        help_text=_(
            "Ghi tiêu đề bảng (chú thích). Cột đầu là tên dòng (xã, chỉ tiêu…); cột số liệu chọn loại “Số”, "
            "ghi dấu chấm thập phân kiểu máy tính: 12.5."
        ),
    )
    unit = blocks.CharBlock(
        required=False, label=_("Đơn vị tính"), help_text=_("Ví dụ: người, tỷ đồng, %. Để trống nếu ghi ở cột.")
    )
    source = blocks.CharBlock(
        required=False,
        label=_("Nguồn số liệu"),
        help_text=_("Ví dụ: Chi cục Thống kê khu vực Vĩnh Tường – Yên Lạc."),
    )

    class Meta:
        icon = "table"
        label = _("Bảng số liệu")

    def clean(self, value):
        value = super().clean(value)
        table = value.get("table")
        problems = []
        if table is None or not (table.caption or "").strip():
            problems.append(_("Hãy ghi tiêu đề (chú thích) của bảng: trình đọc màn hình đọc nó trước tiên."))
        if table is None or not table.columns:
            problems.append(_("Bảng chưa có cột nào."))
        elif any(not (column["heading"] or "").strip() for column in table.columns):
            problems.append(_("Mỗi cột cần có tiêu đề."))
        if problems:
            error = TypedTableBlockValidationError(non_block_errors=problems)
            raise StructBlockValidationError(block_errors={"table": error})
        return value


class StatisticsTablesBlock(blocks.StreamBlock):
    table = StatisticsTableBlock()
