from django.templatetags.static import static
from django.utils.html import format_html
from wagtail import hooks


@hooks.register("insert_global_admin_css")
def admin_fonts() -> str:
    """Devanagari in the admin from the bundled fonts (names, Hindi and Marathi text)."""
    return format_html('<link rel="stylesheet" href="{}">', static("cms/css/admin-fonts.css"))
