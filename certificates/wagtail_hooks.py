from wagtail.snippets.models import register_snippet

from .viewsets import CertificateTemplateViewSet

register_snippet(CertificateTemplateViewSet)
