"""The public comment form of a draft: what a commenter writes, and the trap field
(``portal.submissions.HoneypotForm``)."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from portal.submissions import HoneypotForm

CONTENT_MAX = 10000
_PHONE = re.compile(r"^\+?[0-9 .\-()]{8,20}$")

#: Decree 13/2023/NĐ-CP: say on the form why the personal data is collected, and for how long.
PURPOSE = _(
    "Họ tên, thư điện tử và số điện thoại chỉ được dùng để cơ quan soạn thảo liên hệ, trao đổi thêm về "
    "nội dung góp ý của bạn (Nghị định số 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân). Thư điện tử và số "
    "điện thoại không được công khai và được xoá sau thời hạn lưu giữ; chỉ họ tên, cơ quan, tổ chức và "
    "nội dung góp ý được đăng sau khi kiểm duyệt."
)


class CommentForm(HoneypotForm):
    name = forms.CharField(label=_("Họ và tên"), max_length=200)
    organisation = forms.CharField(label=_("Cơ quan, tổ chức"), max_length=255, required=False)
    email = forms.EmailField(label=_("Thư điện tử"), max_length=254)
    phone = forms.CharField(label=_("Điện thoại"), max_length=30, required=False)
    content = forms.CharField(
        label=_("Nội dung góp ý"),
        max_length=CONTENT_MAX,
        widget=forms.Textarea(attrs={"rows": 8}),
    )

    field_order = ["name", "organisation", "email", "phone", "content", "website"]

    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        if phone and (not _PHONE.match(phone) or sum(c.isdigit() for c in phone) < 8):
            raise ValidationError(_("Số điện thoại không hợp lệ."), code="phone")
        return phone

    def clean_content(self):
        content = self.cleaned_data["content"].strip()
        if not content:
            raise ValidationError(_("Vui lòng nhập nội dung góp ý."), code="required")
        return content
