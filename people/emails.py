"""Every e-mail the site sends: rendered as text and HTML in the site's look, sent multipart.

An e-mail `x/email/thing` is three templates: `thing_subject.txt`, `thing_message.txt` (a plain
text version written for reading, not HTML with the tags stripped) and `thing_message.html`
(extends `email/base.html`: inline styles, no remote images or fonts, which mail clients block).
allauth's account e-mails go through here too (people.adapter).
"""

from __future__ import annotations

from dataclasses import dataclass

from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation


@dataclass(frozen=True)
class Email:
    subject: str
    text: str
    html: str


def email_render(
    *,
    template: str,
    context: dict,
    subject: str | None = None,
    request=None,
    language: str | None = None,
) -> Email:
    """Render `template`'s subject (unless given), text and HTML with `context`.

    Links start with the site's base URL (people.links.absolute_url; the layout's own links
    too). An e-mail without an HTML template (allauth's security notices, say) shows its text in the
    layout, escaped, so nothing goes out unbranded or text-only. `language`: the recipient's
    (people.languages.language_for), else the current one.
    """
    if language:
        with translation.override(language):
            return email_render(
                template=template, context=context, subject=subject, request=request
            )
    if subject is None:
        subject = render_to_string(f"{template}_subject.txt", context, request)
    text = render_to_string(f"{template}_message.txt", context, request).strip() + "\n"
    try:
        html = render_to_string(f"{template}_message.html", context, request)
    except TemplateDoesNotExist:
        html = render_to_string("email/text_message.html", {**context, "text": text}, request)
    return Email(subject=" ".join(subject.split()), text=text, html=html)


def email_message(
    *,
    to: list[str],
    email: Email,
    from_email: str | None = None,
    headers: dict[str, str] | None = None,
    connection=None,
) -> EmailMultiAlternatives:
    """The message: the text as its body, the HTML as the alternative mail clients prefer."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.text,
        from_email=from_email,
        to=to,
        headers=headers,
        connection=connection,
    )
    message.attach_alternative(email.html, "text/html")
    return message


def email_send(*, to: list[str], email: Email, connection=None) -> None:
    email_message(to=to, email=email, connection=connection).send()
