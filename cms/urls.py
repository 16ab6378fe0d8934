from django.conf import settings
from django.urls import include, path, re_path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from cms.security import admin_login
from cms.views import branding_css, healthz, serve, session_ping
from people import views as people_views

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("healthz/session", session_ping, name="session_ping"),
    path("branding.css", branding_css, name="branding_css"),
    path("language/", people_views.language_set, name="set_language"),
    # allauth's two-factor set-up and recovery codes, going on to where the person was going.
    path("accounts/2fa/totp/activate/", people_views.activate_totp, name="mfa_activate_totp"),
    path(
        "accounts/2fa/recovery-codes/",
        people_views.view_recovery_codes,
        name="mfa_view_recovery_codes",
    ),
    path("accounts/", include("allauth.urls")),
    path("profile/", include("people.urls")),
    path("learn/", include("courses.urls")),
    path("hr/attitudes/", include("assessments.urls")),
    path("hr/", include("reports.urls")),
    path("coach/", include("coaching.urls")),
    path("certificates/", include("certificates.urls")),
    # One sign-in form for everyone: Wagtail's own is replaced by allauth's (cms/security.py).
    path("admin/login/", admin_login, name="wagtailadmin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    # Wagtail's page serving, always through the original tree (cms.views.serve), then the rest
    # of Wagtail's URLs.
    re_path(r"^((?:[\w\-]+/)*)$", serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
]

# A database away for a moment answers 503 "try again" (cms.views.server_error), not a crash.
handler500 = "cms.views.server_error"
