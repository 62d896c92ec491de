from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .royalties import check_shares


class RoyaltyForm(WagtailAdminModelForm):
    """The royalty record in the admin: only a proposed record can be edited; the shares of the
    contributors must sum to at most 100 %. (The model's ``clean`` checks genre and coefficient.)"""

    def clean(self):
        data = super().clean()
        if self.instance.stored_frozen():
            raise ValidationError(_("Nhuận bút đã duyệt không thể sửa; hãy lập bản ghi hủy rồi đề xuất lại."))
        shares = [
            form.cleaned_data.get("share")
            for form in self.formsets["shares"].forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        try:
            check_shares(shares)
        except ValidationError as error:
            self.add_error(None, error)
        return data

    def save(self, commit=True):
        if not self.instance.pk and getattr(self, "for_user", None) is not None:
            self.instance.created_by = self.for_user
        return super().save(commit=commit)


class ReverseForm(forms.Form):
    reason = forms.CharField(label=_("Lý do hủy"), widget=forms.Textarea(attrs={"rows": 3}), max_length=2000)


class LoginForm(WagtailLoginForm):
    """Wagtail's login form gives the password field no label, so the page showed "Password" in
    English (Django's fallback from the field name): WAGTAILADMIN_USER_LOGIN_FORM."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Mật khẩu")
