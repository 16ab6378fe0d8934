"""Coach-written Markdown can never run script in the learner's browser."""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup
from coaching_helpers import page, review_data, write_reply
from helpers import signed_in
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coaching.markdown import markdown_to_html

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '<img src=x onerror="alert(1)">',
    "<svg onload=alert(1)>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="https://example.com" onclick="alert(1)">click</a>',
    '<div style="background:url(javascript:alert(1))">x</div>',
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](java\tscript:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "[click](&#x6A;avascript&#x3A;alert(1))",
    "[click](vbscript:msgbox(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click][ref]\n\n[ref]: javascript:alert(1)",
    "<javascript:alert(1)>",
    '![x](x" onerror="alert(1))',
    '[x](https://example.com "title" onmouseover="alert(1)")',
    "<details open ontoggle=alert(1)>",
    "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "[x](//evil.example/steal)",
    "[x](/\\evil.example/steal)",
    "<style>body{display:none}</style>",
    "<!-- <script>alert(1)</script> -->",
    "`<script>alert(1)</script>`",
]
SAFE_SCHEMES = ("http://", "https://", "mailto:")


def assert_harmless(html: str) -> None:
    soup = BeautifulSoup(html, "html.parser")
    for element in soup.find_all(True):
        assert element.name not in {"script", "style", "iframe", "svg", "math", "img", "details"}
        for attribute, value in element.attrs.items():
            assert not attribute.lower().startswith("on"), (element, attribute)
            assert attribute in {"href", "title", "rel"}, (element, attribute)
            if attribute == "href":
                assert value.startswith((*SAFE_SCHEMES, "#")) or (
                    value.startswith("/") and not value.startswith(("//", "/\\"))
                ), value
    for link in soup.find_all("a"):
        assert link.get("rel") == ["noopener", "noreferrer", "nofollow"]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_each_payload_renders_harmless(payload):
    html = markdown_to_html(payload)

    assert_harmless(html)
    assert not re.search(r"<(script|img|svg|iframe|style)", html, re.IGNORECASE)
    assert not re.search(r'<a [^>]*href="[^"]*script:', html, re.IGNORECASE)


def test_markdown_still_formats_and_keeps_safe_links():
    html = markdown_to_html(
        "**Well done.** Try *this*:\n\n- greet by name\n- ask how they are\n\n"
        "[Read more](https://example.com/guide) or [mail me](mailto:zoe@coach.example) "
        "or see [your course](/learn/)."
    )

    assert "<strong>Well done.</strong>" in html
    assert "<em>this</em>" in html
    assert "<li>greet by name</li>" in html
    soup = BeautifulSoup(html, "html.parser")
    assert [a["href"] for a in soup.find_all("a")] == [
        "https://example.com/guide",
        "mailto:zoe@coach.example",
        "/learn/",
    ]
    assert_harmless(html)


def test_html_typed_by_the_coach_shows_as_text_not_markup():
    html = markdown_to_html("Greet them with <name> first & smile.")

    assert "&lt;name&gt;" in html
    assert "&amp; smile" in html


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.sampled_from(
            [
                "<",
                ">",
                "a",
                " ",
                "\n",
                "[",
                "]",
                "(",
                ")",
                "javascript:",
                "on",
                "=",
                '"',
                "'",
                "href",
                "script",
                "img",
                "src",
                "&#",
                "x",
                ";",
                ":",
                "/",
                "*",
                "`",
                "!",
                "svg",
            ]
        ),
        max_size=40,
    ).map("".join)
)
def test_any_mix_of_markup_fragments_renders_harmless(source):
    assert_harmless(markdown_to_html(source))


@pytest.mark.parametrize("payload", PAYLOADS[:8])
def test_payloads_in_feedback_are_harmless_on_the_learners_attempt_page(
    payload, cohort, coach_client, learner, module, scenario
):
    step = write_reply(learner, module, scenario)
    coach_client.post(f"/coach/reviews/{step.pk}/", review_data(f"Note: {payload}", empathy=3))

    response = signed_in(learner).get(f"/learn/attempts/{step.attempt_id}/")

    feedback = page(response).select_one(".coach-feedback .markdown")
    assert feedback is not None
    assert_harmless(feedback.decode_contents())
    assert page(response).find("script", string=re.compile("alert")) is None


def test_payloads_in_an_answer_to_a_question_are_harmless(cohort, coach_client, learner, module):
    from coaching.models import Question

    question = Question.objects.create(learner=learner, cohort=cohort, module=module, text="Why?")
    coach_client.post(
        f"/coach/questions/{question.pk}/",
        {"answer": "Because <img src=x onerror=alert(1)> [x](javascript:alert(1))", "send": "1"},
    )

    response = signed_in(learner).get("/coach/me/")

    answer = page(response).select_one(f"#question-{question.pk} .markdown")
    assert "Because" in answer.get_text()
    assert_harmless(answer.decode_contents())
