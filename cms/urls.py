from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.views import branding_css, healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("branding.css", branding_css, name="branding_css"),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("people.urls")),
    path("learn/", include("courses.urls")),
    path("hr/attitudes/", include("assessments.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [path("", include(wagtail_urls))]
