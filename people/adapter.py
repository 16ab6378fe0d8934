from allauth.account.adapter import DefaultAccountAdapter

from .selectors import organisation_for_email


class AccountAdapter(DefaultAccountAdapter):
    """Sign-up joins the organisation that owns the e-mail's domain."""

    def save_user(self, request, user, form, commit: bool = True):
        data = form.cleaned_data
        user.full_name = data.get("full_name", "").strip()
        user.preferred_name = data.get("preferred_name", "").strip()
        user.name_pronunciation = data.get("name_pronunciation", "").strip()
        user.organisation = organisation_for_email(email=data.get("email", ""))
        return super().save_user(request, user, form, commit=commit)
