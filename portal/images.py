"""Image uploads: the limits of ``WAGTAILIMAGES_MAX_UPLOAD_SIZE`` and ``WAGTAILIMAGES_MAX_IMAGE_PIXELS``
said plainly in Vietnamese, for every way an image is uploaded.

Wagtail refuses an image with more pixels than the limit, and a decompression bomb (a small file
declaring, say, 30000 × 30000 pixels, which Pillow will not open), but says so with raw numbers
("Số điểm ảnh tối đa là 60000000", "(không xác định)"). ``ImageForm`` is the base of every image
form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): the admin's upload, its multiple upload and the v3 API's
``POST /api/v3/images/`` all build their form on it, so all of them get ``PortalImageField``, which
writes the size in the image's own terms (width × height, millions of pixels) and tells the editor
what to do. SVG is not among ``WAGTAILIMAGES_EXTENSIONS`` (a script inside it would run on the
portal's origin): refused by Wagtail's own extension and format checks.
"""

from django.core.exceptions import ValidationError
from django.utils import formats
from django.utils.translation import gettext as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


def millions(pixels: int) -> str:
    """``pixels`` in millions, written the Vietnamese way: "60", "52,4"."""
    return formats.number_format(pixels / 1_000_000, decimal_pos=0 if pixels % 1_000_000 == 0 else 1)


def grouped(number: int) -> str:
    """``number`` with thousands grouped the Vietnamese way: "30.000"."""
    return formats.number_format(number, force_grouping=True)


class PortalImageField(WagtailImageField):
    """Wagtail's image field, with its pixel limit stated in the help text and its refusals."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.max_image_pixels:
            limit = _("Kích thước tối đa: %(max)s triệu điểm ảnh.") % {"max": millions(self.max_image_pixels)}
            self.help_text = f"{self.help_text} {limit}"

    def check_image_pixel_size(self, f):
        try:
            width, height = f.image.get_size()
        except (PILImage.DecompressionBombWarning, PILImage.DecompressionBombError):
            # Pillow will not open it: its header declares far more pixels than any photo.
            limit = min(self.max_image_pixels or PILImage.MAX_IMAGE_PIXELS, PILImage.MAX_IMAGE_PIXELS)
            raise ValidationError(
                _(
                    "Tệp ảnh khai báo kích thước quá lớn để mở an toàn (hơn %(max)s triệu điểm ảnh); tệp có "
                    "thể bị hỏng hoặc được tạo để làm quá tải máy chủ. Hãy kiểm tra lại tệp, thu nhỏ ảnh rồi "
                    "tải lên lại."
                )
                % {"max": millions(limit)},
                code="file_too_many_pixels",
            ) from None
        except (PILImage.UnidentifiedImageError, OSError, SyntaxError, ValueError):
            # The header looks like an image's (a JPEG's first bytes) but Pillow cannot read it: not
            # an image — a 422 naming the file, not a 500 (found by the API fuzz run, issue 22).
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image") from None
        if self.max_image_pixels is None:
            return
        frames = f.image.get_frame_count()
        pixels = width * height * frames
        if pixels <= self.max_image_pixels:
            return
        values = {
            "width": grouped(width),
            "height": grouped(height),
            "frames": grouped(frames),
            "pixels": millions(pixels),
            "max": millions(self.max_image_pixels),
        }
        if frames > 1:
            message = _(
                "Ảnh động có %(frames)s khung hình %(width)s × %(height)s điểm ảnh (%(pixels)s triệu điểm ảnh), "
                "vượt quá mức tối đa %(max)s triệu điểm ảnh. Hãy bớt khung hình hoặc thu nhỏ ảnh rồi tải lên lại."
            )
        else:
            message = _(
                "Ảnh có kích thước %(width)s × %(height)s điểm ảnh (%(pixels)s triệu điểm ảnh), vượt quá mức "
                "tối đa %(max)s triệu điểm ảnh. Hãy thu nhỏ ảnh rồi tải lên lại."
            )
        raise ValidationError(message % values, code="file_too_many_pixels")


class ImageForm(BaseImageForm):
    """The base of every image form (``WAGTAILIMAGES_IMAGE_FORM_BASE``): its file field is a
    ``PortalImageField`` (Wagtail builds a ``WagtailImageField``; it is replaced here, keeping its
    label, widget and whether it is required)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        if isinstance(field, WagtailImageField) and not isinstance(field, PortalImageField):
            self.fields["file"] = PortalImageField(
                label=field.label, required=field.required, widget=field.widget, initial=field.initial
            )
