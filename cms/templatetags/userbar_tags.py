"""Wagtail's userbar where it has work to do."""

from django import template
from wagtail.admin.templatetags.wagtailuserbar import get_page_instance, wagtailuserbar

register = template.Library()


@register.simple_tag(takes_context=True)
def page_userbar(context, position: str = "bottom-right") -> str:
    """Wagtail's userbar (edit this page, check its content) on views of a Wagtail page only.

    Elsewhere (coach, HR and account pages) it could only lead to the admin, which the
    header's Admin link already does, and its floating button would cover the page's content
    on a phone. Where it is shown, the footer leaves room for it (site.css).
    """
    if get_page_instance(context) is None:
        return ""
    return wagtailuserbar(context, position)
