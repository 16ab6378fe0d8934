from wagtail.snippets.models import register_snippet

from .viewsets import ScenarioViewSet

register_snippet(ScenarioViewSet)
