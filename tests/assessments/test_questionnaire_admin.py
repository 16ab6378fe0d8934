"""Creating a questionnaire in the Wagtail snippet admin: drafts may be incomplete, publishing
needs a valid scale and at least two statements per dimension."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from factories import UserFactory
from helpers import signed_in
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from assessments.models import Dimension, Questionnaire
from people.roles import Role

ADD_URL = "wagtailsnippets_assessments_questionnaire:add"
TITLE = "How I treat customers"
FIVE_LABELS = "Strongly disagree\nDisagree\nNeither\nAgree\nStrongly agree"


@pytest.fixture
def dims():
    return [
        Dimension.objects.create(name="Empathy", slug="empathy", sort_order=1),
        Dimension.objects.create(name="Ownership", slug="ownership", sort_order=2),
    ]


@pytest.fixture
def root_client():
    return signed_in(
        UserFactory(
            roles=[Role.PLATFORM_ADMIN],
            is_superuser=True,
            organisation=None,
            email="root@example.org",
        )
    )


def item(statement: str, dimension: Dimension, *, reverse: bool = False) -> dict:
    data = {"statement": statement, "dimension": str(dimension.pk)}
    if reverse:
        data["reverse_scored"] = "on"
    return data


def form_data(items, *, points=5, labels=FIVE_LABELS, publish=False) -> dict:
    data = nested_form_data(
        {
            "title": TITLE,
            "introduction": "Be honest.",
            "scale_points": str(points),
            "scale_labels": labels,
            "items": inline_formset(items),
        }
    )
    if publish:
        data["action-publish"] = "action-publish"
    return data


def text(response) -> str:
    return " ".join(BeautifulSoup(response.content.decode(), "html.parser").get_text().split())


def test_the_add_form_offers_the_questionnaire_fields(root_client, dims):
    response = root_client.get(reverse(ADD_URL))

    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    names = {tag.get("name") for tag in page.find_all(["input", "textarea", "select"])}
    assert {"title", "scale_points", "scale_labels", "items-TOTAL_FORMS"} <= names


def test_a_draft_with_one_statement_per_dimension_is_saved_but_not_live(root_client, dims):
    empathy, ownership = dims
    data = form_data([item("I listen first.", empathy), item("I fix it myself.", ownership)])

    response = root_client.post(reverse(ADD_URL), data)

    assert response.status_code == 302, text(response)
    questionnaire = Questionnaire.objects.get(title=TITLE)
    assert not questionnaire.live
    assert questionnaire.live_revision_id is None
    assert questionnaire.latest_revision_id is not None
    draft = questionnaire.latest_revision.as_object()
    assert [(i.statement, i.dimension_id) for i in draft.items.all()] == [
        ("I listen first.", empathy.pk),
        ("I fix it myself.", ownership.pk),
    ]


def test_publishing_with_one_statement_for_a_dimension_is_refused_naming_it(root_client, dims):
    empathy, ownership = dims
    data = form_data(
        [
            item("I listen first.", empathy),
            item("I let them finish.", empathy, reverse=True),
            item("I fix it myself.", ownership),
        ],
        publish=True,
    )

    response = root_client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    assert "Each dimension needs at least two statements; add more for: Ownership." in text(
        response
    )
    assert not Questionnaire.objects.filter(title=TITLE).exists()


def test_publishing_with_5_points_but_4_labels_is_refused(root_client, dims):
    empathy, _ = dims
    data = form_data(
        [item("I listen first.", empathy), item("I let them finish.", empathy)],
        labels="Strongly disagree\nDisagree\nAgree\nStrongly agree",
        publish=True,
    )

    response = root_client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    assert "Give exactly 5 labels, one per line (there are 4)." in text(response)
    assert not Questionnaire.objects.filter(title=TITLE).exists()


def test_publishing_with_7_points_but_5_labels_is_refused(root_client, dims):
    empathy, _ = dims
    data = form_data(
        [item("I listen first.", empathy), item("I let them finish.", empathy)],
        points=7,
        publish=True,
    )

    response = root_client.post(reverse(ADD_URL), data)

    assert response.status_code == 200
    assert "Give exactly 7 labels, one per line (there are 5)." in text(response)
    assert not Questionnaire.objects.filter(title=TITLE).exists()


def test_a_valid_questionnaire_is_published(root_client, dims):
    empathy, ownership = dims
    data = form_data(
        [
            item("I listen first.", empathy),
            item("Their mood is not my problem.", empathy, reverse=True),
            item("I fix it myself.", ownership),
            item("I pass problems on.", ownership, reverse=True),
        ],
        publish=True,
    )

    response = root_client.post(reverse(ADD_URL), data)

    assert response.status_code == 302, text(response)
    questionnaire = Questionnaire.objects.get(title=TITLE)
    assert questionnaire.live
    assert questionnaire.live_revision_id == questionnaire.latest_revision_id is not None
    assert questionnaire.scale_points == 5
    assert questionnaire.labels == FIVE_LABELS.splitlines()
    items = list(questionnaire.items.order_by("sort_order"))
    assert [(i.statement, i.dimension_id, i.reverse_scored) for i in items] == [
        ("I listen first.", empathy.pk, False),
        ("Their mood is not my problem.", empathy.pk, True),
        ("I fix it myself.", ownership.pk, False),
        ("I pass problems on.", ownership.pk, True),
    ]
    live = questionnaire.live_revision.as_object()
    assert [i.pk for i in live.items.all()] == [i.pk for i in items]


def test_publishing_a_draft_through_the_edit_view_checks_it_too(root_client, dims):
    empathy, ownership = dims
    draft = form_data([item("I listen first.", empathy), item("I fix it myself.", ownership)])
    assert root_client.post(reverse(ADD_URL), draft).status_code == 302
    questionnaire = Questionnaire.objects.get(title=TITLE)
    edit_url = reverse("wagtailsnippets_assessments_questionnaire:edit", args=[questionnaire.pk])

    refused = root_client.post(
        edit_url,
        form_data(
            [item("I listen first.", empathy), item("I fix it myself.", ownership)],
            publish=True,
        ),
    )

    assert refused.status_code == 200
    assert "add more for: Empathy, Ownership." in text(refused)
    questionnaire.refresh_from_db()
    assert not questionnaire.live


def test_a_refused_publish_in_the_editor_saves_the_draft_and_lists_each_problem(root_client, dims):
    empathy, ownership = dims
    draft = form_data([item("I listen first.", empathy), item("I fix it myself.", ownership)])
    assert root_client.post(reverse(ADD_URL), draft).status_code == 302
    questionnaire = Questionnaire.objects.get(title=TITLE)
    first_draft = questionnaire.latest_revision_id
    edit_url = reverse("wagtailsnippets_assessments_questionnaire:edit", args=[questionnaire.pk])
    four_labels = "Strongly disagree\nDisagree\nAgree\nStrongly agree"

    refused = root_client.post(
        edit_url,
        form_data(
            [item("I listen first.", empathy), item("I fix it myself.", ownership)],
            labels=four_labels,
            publish=True,
        ),
    )

    assert refused.status_code == 200
    page = BeautifulSoup(refused.content.decode(), "html.parser")
    [message] = page.select(".messages li.error")
    assert " ".join(message.get_text(" ").split()).startswith(
        "The draft was saved. This questionnaire cannot be published yet:"
    )
    assert [" ".join(li.get_text().split()) for li in message.select("ul.errorlist li")] == [
        "Each dimension needs at least two statements; add more for: Empathy, Ownership.",
        "Scale labels: Give exactly 5 labels, one per line (there are 4).",
    ]
    assert "could not be saved" not in text(refused)
    questionnaire.refresh_from_db()
    assert not questionnaire.live
    assert questionnaire.latest_revision_id != first_draft
    assert questionnaire.latest_revision.as_object().scale_labels == four_labels


def test_a_statement_added_in_the_edit_view_is_asked_with_an_id(root_client, dims):
    empathy, ownership = dims
    four = [
        item("I listen first.", empathy),
        item("Their mood is not my problem.", empathy, reverse=True),
        item("I fix it myself.", ownership),
        item("I pass problems on.", ownership, reverse=True),
    ]
    assert root_client.post(reverse(ADD_URL), form_data(four, publish=True)).status_code == 302
    questionnaire = Questionnaire.objects.get(title=TITLE)
    existing = list(questionnaire.items.order_by("sort_order"))
    rows = [{**row, "id": str(obj.pk)} for row, obj in zip(four, existing, strict=True)]
    rows.append(item("I call back when I promised.", ownership))
    data = nested_form_data(
        {
            "title": TITLE,
            "introduction": "",
            "scale_points": "5",
            "scale_labels": FIVE_LABELS,
            "items": inline_formset(rows, initial=4),
        }
    )
    data["action-publish"] = "action-publish"
    edit_url = reverse("wagtailsnippets_assessments_questionnaire:edit", args=[questionnaire.pk])

    response = root_client.post(edit_url, data)

    assert response.status_code == 302, text(response)
    questionnaire.refresh_from_db()
    assert questionnaire.items.count() == 5
    # What learners are asked: every published statement, each with an id to answer by.
    from assessments.services import published_items

    _live, items = published_items(questionnaire)
    assert len(items) == 5
    assert all(statement.pk for statement in items)


def test_the_editor_previews_the_questionnaire_as_learners_will_see_it(root_client, dims):
    empathy, ownership = dims
    data = form_data(
        [
            item("I listen first.", empathy),
            item("Their mood is not my problem.", empathy, reverse=True),
            item("I fix it myself.", ownership),
        ]
    )  # unsaved, and not yet publishable: a preview shows it as it stands
    url = reverse("wagtailsnippets_assessments_questionnaire:preview_on_add")

    checked = root_client.post(url, data)
    shown = root_client.get(url)

    assert checked.json()["is_valid"] is True
    page = BeautifulSoup(shown.content.decode(), "html.parser")
    assert page.h1.get_text() == TITLE
    statements = [legend.get_text(strip=True) for legend in page.select("fieldset legend")]
    assert statements == [
        "1. I listen first.",
        "2. Their mood is not my problem.",
        "3. I fix it myself.",
    ]
    assert "reverse-scored" in page.select("fieldset")[1].get_text()
    labels = [span.get_text() for span in page.select("fieldset")[0].select("label span")]
    assert labels == FIVE_LABELS.splitlines()
    assert not Questionnaire.objects.exists()  # previewing saves nothing
