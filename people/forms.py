from allauth.mfa.totp.forms import ActivateTOTPForm as AllauthActivateTOTPForm
from django import forms
from django.utils.translation import gettext_lazy as _

from .models import User
from .roles import Role
from .selectors import organisation_for_email
from .services import user_add_role

NAME_WIDGET_ATTRS = {"autocomplete": "name", "spellcheck": "false"}


class SignupProfileForm(forms.Form):
    """Extra sign-up fields; allauth mixes this into its sign-up form."""

    full_name = forms.CharField(
        label=_("Full name"),
        max_length=200,
        help_text=_("As you write it, in any script. This is how it appears on certificates."),
        widget=forms.TextInput(attrs=NAME_WIDGET_ATTRS),
    )
    preferred_name = forms.CharField(
        label=_("What should we call you?"),
        max_length=100,
        required=False,
        help_text=_("Optional. Used in greetings."),
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    name_pronunciation = forms.CharField(
        label=_("How to say your name"),
        max_length=200,
        required=False,
        help_text=_("Optional, e.g. “ZOH-ee oh-BRY-en NYOO-nyez”."),
    )

    field_order = ["email", "full_name", "preferred_name", "name_pronunciation"]

    def clean_full_name(self) -> str:
        value = self.cleaned_data["full_name"].strip()
        if not value:
            raise forms.ValidationError(_("Please enter your name."))
        return value

    def clean(self):
        cleaned = super().clean()
        email = cleaned.get("email")
        if email and organisation_for_email(email=email) is None:
            self.add_error(
                "email",
                _(
                    "This e-mail address does not belong to an organisation that uses Touchpoint. "
                    "Sign up with your work e-mail address, or ask your HR team for an invitation."
                ),
            )
        return cleaned

    def signup(self, request, user: User) -> None:
        # Self sign-up always makes a learner; other roles are given by an administrator.
        user_add_role(user=user, role=Role.LEARNER)


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = ["full_name", "preferred_name", "name_pronunciation", "language"]
        widgets = {"full_name": forms.TextInput(attrs=NAME_WIDGET_ATTRS)}


class ActivateTOTPForm(AllauthActivateTOTPForm):
    """allauth's, with where the person was going (?next=) carried through the POST."""

    next = forms.CharField(widget=forms.HiddenInput, required=False)
