from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Dimension


class DimensionViewSet(SnippetViewSet):
    model = Dimension
    icon = "pick"
    menu_label = _("Attitude dimensions")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "sort_order"]
    ordering = ["sort_order", "name"]


register_snippet(DimensionViewSet)
