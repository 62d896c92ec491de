"""The public form a citizen sends a question, feedback or petition with."""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.submissions import HoneypotForm, allowed_extensions, max_upload_bytes, validate_attachment
from portal.text import nfc

from .models import Kind, Question


def _field_choices():
    from directives.models import Field

    return Field.objects.order_by("name")


class SendForm(HoneypotForm, forms.ModelForm):
    """Name, e-mail, optional phone and address, kind, field, title, question, attachment."""

    agree = forms.BooleanField(
        label=_("Tôi đã đọc và đồng ý với mục đích thu thập thông tin nêu trên."),
        required=True,
        error_messages={"required": _("Hãy đánh dấu đồng ý để gửi.")},
    )

    class Meta:
        model = Question
        fields = ["kind", "field", "title", "body", "name", "email", "phone", "address", "attachment", "publish_name"]
        labels = {
            "body": _("Nội dung câu hỏi, phản ánh, kiến nghị"),
            "publish_name": _("Đồng ý công bố họ tên cùng câu trả lời"),
        }
        help_texts = {"publish_name": _("Nếu không đánh dấu, câu trả lời ghi người hỏi là “Công dân”.")}
        widgets = {
            "body": forms.Textarea(attrs={"rows": 8, "maxlength": 8000}),
            "title": forms.TextInput(attrs={"maxlength": 255}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "address": forms.TextInput(attrs={"autocomplete": "street-address"}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["field"].queryset = _field_choices()
        self.fields["field"].empty_label = _("— Chọn lĩnh vực —")
        self.fields["field"].required = True
        self.fields["email"].required = True
        self.fields["kind"].choices = Kind.choices
        types = ", ".join(allowed_extensions())
        self.fields["attachment"].help_text = _("Không bắt buộc. Định dạng: %(types)s; tối đa %(mb)s MB.") % {
            "types": types,
            "mb": f"{max_upload_bytes() / 1048576:g}",
        }
        self.fields["attachment"].widget.attrs["accept"] = ",".join(f".{ext}" for ext in allowed_extensions())
        self.fields["body"].max_length = 8000
        self.order_fields(["kind", "field", "title", "body", "attachment", "name", "email", "phone", "address"])

    def clean_attachment(self):
        upload = self.cleaned_data.get("attachment")
        if upload and hasattr(upload, "size"):
            validate_attachment(upload)
        return upload

    def clean(self):
        data = super().clean()
        for name in ("title", "body", "name", "address", "phone"):
            if isinstance(data.get(name), str):
                data[name] = nfc(data[name]).strip()
        if data.get("body") is not None and len(data.get("body") or "") > 8000:
            self.add_error("body", _("Nội dung dài quá 8.000 ký tự."))
        return data


class TrackForm(forms.Form):
    ma = forms.CharField(label=_("Mã tra cứu"), max_length=40)
