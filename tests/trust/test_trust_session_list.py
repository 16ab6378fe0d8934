"""The signed-in sessions page (allauth.usersessions): in our account layout, signs others out."""

from __future__ import annotations

from django.urls import reverse
from trust_helpers import password_sign_in


def test_the_sessions_page_lists_each_sign_in_in_the_account_layout(learner):
    laptop, _ = password_sign_in(learner.email)
    password_sign_in(learner.email)  # the phone

    page = laptop.get(reverse("usersessions_list"))

    assert page.status_code == 200
    html = page.content.decode()
    assert 'class="site-nav account-nav"' in html  # our account navigation, not allauth's bare one
    assert 'aria-current="page">Sessions<' in html
    assert '<table class="scores">' in html
    assert len(page.context["sessions"]) == 2


def test_signing_out_the_other_sessions_keeps_this_one(learner):
    laptop, _ = password_sign_in(learner.email)
    phone, _ = password_sign_in(learner.email)

    response = laptop.post(reverse("usersessions_list"))

    assert response.status_code == 302
    assert laptop.get("/learn/").status_code == 200
    assert phone.get("/learn/").url.startswith("/accounts/login/")
