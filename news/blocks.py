"""Blocks of a news article body."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("ảnh"))
    caption = blocks.CharBlock(label=_("chú thích"), required=False)
    alt = blocks.CharBlock(
        label=_("mô tả thay thế"), required=False, help_text=_("Cho người đọc bằng trình đọc màn hình.")
    )

    class Meta:
        icon = "image"
        label = _("Ảnh có chú thích")
        template = "news/blocks/captioned_image.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("trích dẫn"))
    attribution = blocks.CharBlock(label=_("người nói / nguồn"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Trích dẫn")
        template = "news/blocks/quote.html"


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("tài liệu"))
    title = blocks.CharBlock(label=_("tiêu đề hiển thị"), required=False)

    class Meta:
        icon = "doc-full"
        label = _("Liên kết tài liệu")
        template = "news/blocks/document_link.html"


class NewsBodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(label=_("Đoạn văn"), features=["bold", "italic", "link", "ol", "ul", "h2", "h3"])
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    embed = EmbedBlock(label=_("Nhúng (video, bản đồ…)"), icon="media")
    document = DocumentLinkBlock()
