from allauth.account.utils import get_next_redirect_url
from allauth.mfa.recovery_codes import views as recovery_codes_views
from allauth.mfa.totp import views as totp_views
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST
from django.views.i18n import set_language

from .forms import ActivateTOTPForm, ProfileForm
from .languages import supported
from .services import user_language_set


@require_POST
def language_set(request: HttpRequest) -> HttpResponse:
    """Django's set_language (the cookie, then back to ?next= if safe), and for a signed-in
    person their profile too, so e-mails and certificates follow."""
    response = set_language(request)
    language = supported(request.POST.get("language"))
    if language and request.user.is_authenticated:
        user_language_set(user=request.user, language=language)
    return response


@never_cache
@login_required
def profile(request: HttpRequest) -> HttpResponse:
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Your profile is saved."))
        return redirect("people:profile")
    return TemplateResponse(
        request, "people/profile.html", {"form": form, "nav_section": "profile"}
    )


class ActivateTOTPView(totp_views.ActivateTOTPView):
    """allauth's set-up of an authenticator app, then on to where the person was going.

    Staff are sent here on their way to their pages (cms.security.MfaRequiredMiddleware adds
    ?next=); allauth's own view always ends on its two-factor overview. The destination rides
    in the form and on to the recovery codes, checked by allauth's is_safe_url at each step.
    """

    form_class = ActivateTOTPForm

    def get_initial(self) -> dict:
        return {**super().get_initial(), "next": get_next_redirect_url(self.request) or ""}

    def get_success_url(self) -> str:
        next_url = get_next_redirect_url(self.request)
        if not next_url:
            return super().get_success_url()
        if self.did_generate_recovery_codes:  # they see their codes first, then continue
            return f"{reverse('mfa_view_recovery_codes')}?{urlencode({'next': next_url})}"
        return next_url


class ViewRecoveryCodesView(recovery_codes_views.ViewRecoveryCodesView):
    """allauth's recovery codes, with a way on to where the person was going."""

    def get_context_data(self, **kwargs) -> dict:
        return {
            **super().get_context_data(**kwargs),
            "next_url": get_next_redirect_url(self.request),
        }


activate_totp = ActivateTOTPView.as_view()
view_recovery_codes = ViewRecoveryCodesView.as_view()
