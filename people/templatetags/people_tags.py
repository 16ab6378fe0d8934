from django import template

from people.languages import switcher_choices

register = template.Library()


@register.simple_tag
def language_choices() -> list[tuple[str, str]]:
    """(code, the language's name in itself) for the language switcher."""
    return switcher_choices()
