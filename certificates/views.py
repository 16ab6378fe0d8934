"""Certificate pages: public verification, the learner's list and downloads, HR issue and revoke."""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from courses.services import enrolment_restart

from . import selectors, services
from .forms import IssueForm, RevokeForm
from .models import Certificate

PAGE_SIZE = 50


def verify(request: HttpRequest, code: str) -> HttpResponse:
    """Public: anyone with the code sees name, course, date and status; nothing else."""
    certificate = selectors.certificate_by_code(code=code)
    response = TemplateResponse(
        request,
        "certificates/verify.html",
        {"certificate": certificate, "code": code},
        status=200 if certificate else 404,
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    response["Referrer-Policy"] = "no-referrer"
    return response


@never_cache
@login_required
def mine(request: HttpRequest) -> HttpResponse:
    certificates = selectors.certificates_for_learner(learner=request.user)
    return TemplateResponse(
        request,
        "certificates/mine.html",
        {
            "certificates": certificates,
            "current_name": request.user.get_full_name(),
            "nav_section": "certificates",
        },
    )


def certificate_pdf_response(request: HttpRequest, certificate: Certificate) -> HttpResponse:
    """The stored PDF as a download. The caller has already checked who may have it.

    Rendered now, once, if the worker has not stored it yet (e.g. a download right after
    completing the course); later downloads serve the stored file.
    """
    if not certificate.pdf:
        services.certificate_render(certificate_id=certificate.pk)
        certificate.refresh_from_db()
    if not certificate.pdf:
        return TemplateResponse(
            request, "certificates/not_ready.html", {"certificate": certificate}, status=503
        )
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.code}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def download(request: HttpRequest, code: str) -> HttpResponse:
    certificate = selectors.certificate_for_download(user=request.user, code=code)
    if certificate is None:
        raise Http404
    return certificate_pdf_response(request, certificate)


@require_POST
@login_required
def reprint(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _own_certificate(request, code)
    services.certificate_reprint(certificate=certificate)
    messages.success(
        request,
        _("Your certificate now shows the name “%(name)s”.") % {"name": certificate.learner_name},
    )
    return redirect("certificates:mine")


@require_POST
@login_required
def retake(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _own_certificate(request, code)
    if certificate.status != "expired" or certificate.course is None:
        messages.error(request, _("Only an expired certificate's course can be retaken."))
        return redirect("certificates:mine")
    enrolment_restart(user=request.user, course=certificate.course)
    messages.success(
        request,
        _("Welcome back. Complete the course again and your new certificate replaces the old one."),
    )
    return redirect(certificate.course.get_url(request))


def _own_certificate(request: HttpRequest, code: str) -> Certificate:
    certificate = selectors.certificate_by_code(code=code)
    if certificate is None or certificate.user_id != request.user.pk:
        raise Http404
    return certificate


# --- HR -----------------------------------------------------------------------------------------


def _require_hr(request: HttpRequest) -> None:
    if not (request.user.is_superuser or request.user.sees_hr_pages):
        raise Http404


@never_cache
@login_required
def manage(request: HttpRequest) -> HttpResponse:
    _require_hr(request)
    query = request.GET.get("q", "")[:200]
    status = request.GET.get("status", "")
    certificates = selectors.certificates_for_hr(user=request.user, query=query, status=status)
    page = Paginator(certificates, PAGE_SIZE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "certificates/manage.html",
        {
            "page": page,
            "page_query": urlencode({"q": query, "status": status}),
            "query": query,
            "status": status,
            "nav_section": "hr",
        },
    )


@never_cache
@login_required
def issue(request: HttpRequest) -> HttpResponse:
    _require_hr(request)
    form = IssueForm(request.POST or None, hr=request.user)
    if request.method == "POST" and form.is_valid():
        certificate = services.certificate_issue(
            user=form.learner,
            course=form.cleaned_data["course"],
            completed_on=form.cleaned_data["completed_on"],
            issued_by=request.user,
        )
        if certificate.issued_by_id == request.user.pk:
            messages.success(
                request,
                _("Certificate %(code)s issued to %(name)s.")
                % {"code": certificate.code, "name": certificate.learner_name},
            )
        else:
            messages.info(
                request,
                _("%(name)s already holds a valid certificate for this course (%(code)s).")
                % {"code": certificate.code, "name": certificate.learner_name},
            )
        return redirect("certificates:manage")
    return TemplateResponse(request, "certificates/issue.html", {"form": form, "nav_section": "hr"})


@never_cache
@login_required
def revoke(request: HttpRequest, code: str) -> HttpResponse:
    _require_hr(request)
    certificate = (
        selectors.certificates_for_hr(user=request.user)
        .filter(code=selectors.normalise_code(code))
        .first()
    )
    if certificate is None:
        raise Http404
    form = RevokeForm(request.POST or None)
    if certificate.is_revoked:
        form = None
    elif request.method == "POST" and form.is_valid():
        services.certificate_revoke(
            certificate=certificate, by=request.user, reason=form.cleaned_data["reason"]
        )
        messages.success(
            request, _("Certificate %(code)s is revoked.") % {"code": certificate.code}
        )
        return redirect("certificates:manage")
    return TemplateResponse(
        request,
        "certificates/revoke.html",
        {"certificate": certificate, "form": form, "nav_section": "hr"},
    )
