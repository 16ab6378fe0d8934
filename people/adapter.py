from dataclasses import replace
from urllib.parse import quote

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from .emails import email_message, email_render
from .links import absolute_url
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

    def get_reset_password_from_key_url(self, key: str) -> str:
        # allauth's own URL pattern takes the "<uidb36>-<key>" token as one piece.
        path = reverse("account_reset_password_from_key", kwargs={"uidb36": "UID", "key": "KEY"})
        return absolute_url(path.replace("UID-KEY", quote(key)))

    def get_email_confirmation_url(self, request, emailconfirmation) -> str:
        return absolute_url(reverse("account_confirm_email", args=[emailconfirmation.key]))

    def send_account_already_exists_mail(self, email: str) -> None:
        self.send_mail(
            "account/email/account_already_exists",
            email,
            {
                "signup_url": absolute_url(reverse("account_signup")),
                "password_reset_url": absolute_url(reverse("account_reset_password")),
            },
        )

    def render_mail(self, template_prefix, email, context, headers=None):
        """allauth's e-mails, text and HTML in the site's look, like every other (people.emails)."""
        rendered = email_render(
            template=template_prefix, context=context, request=context.get("request")
        )
        return email_message(
            to=[email] if isinstance(email, str) else list(email),
            email=replace(rendered, subject=self.format_email_subject(rendered.subject)),
            from_email=self.get_from_email(),
            headers=headers,
        )

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # allauth builds the "unknown account" e-mail's sign-up link from the request's host.
        if "signup_url" in context:
            context = {**context, "signup_url": absolute_url(reverse("account_signup"))}
        super().send_mail(template_prefix, email, context)
