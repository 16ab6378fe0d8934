"""The snippet editor when publishing is refused: the draft is saved all the same.

Shared by questionnaires (here) and role-play scenarios (scenarios, which imports this app): their
forms accept an incomplete draft but refuse to publish one. Wagtail would then answer "could not
be saved due to errors" and keep nothing, although the editor's autosave may well have saved the
draft already. Here a refused publish saves the edits as a draft (as "Save draft" does), says so,
and lists each problem on its own line.
"""

from __future__ import annotations

import json

from django.contrib import messages as django_messages
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy
from wagtail.admin import messages

# What differs between two revisions saved from the same edits.
REVISION_BOOKKEEPING = {"latest_revision", "has_unpublished_changes"}


class _Unchanged(Exception):
    """The draft equals the latest revision: roll the new revision back."""


def _content(value):
    """A revision's content without bookkeeping and StreamField block ids (new on each post)."""
    if isinstance(value, str) and value[:1] in "[{":
        try:
            value = json.loads(value)
        except ValueError:
            return value
    if isinstance(value, dict):
        return {
            key: _content(item)
            for key, item in value.items()
            if key not in REVISION_BOOKKEEPING and key != "id"
        }
    if isinstance(value, list):
        return [_content(item) for item in value]
    return value


def form_problems(form) -> list[str]:
    """Every error of the form once: its own (the publish checks), then each field's, labelled,
    unless it repeats one already listed (a graph problem is also shown at its field)."""
    problems = [str(error) for error in form.non_field_errors()]
    for name, errors in form.errors.items():
        if name == NON_FIELD_ERRORS:
            continue
        label = form.fields[name].label if name in form.fields else name
        problems += [f"{label}: {error}" for error in errors if str(error) not in problems]
    return problems


class DraftSavedWhenPublishRefusedMixin:
    """For a snippet's EditView and CreateView (DraftStateMixin): publishing refused by the
    publish checks lists each problem on its own line; the editor also saves the draft.

    Set `publish_refused_message` (edit: the draft was saved) and
    `publish_refused_unsaved_message` (create: nothing is saved until the author saves a draft,
    as the "add" form never creates an object it cannot publish). Edits that would not even
    save as a draft (a key with spaces, a lock) get Wagtail's own "could not be saved" answer.
    """

    publish_refused_message = gettext_lazy(
        "The draft was saved. This %(model_name)s cannot be published yet:"
    )
    publish_refused_unsaved_message = gettext_lazy(
        "This %(model_name)s cannot be published yet, so it was not saved "
        "(“Save draft” keeps an unfinished one):"
    )

    def form_invalid(self, form):
        if (
            self.action == "publish"
            and not self.expects_json_response
            and getattr(self, "produced_error_code", None) == "validation_error"
            and (draft := self._valid_as_draft()) is not None
        ):
            if self.view_name == "create":
                heading = self.publish_refused_unsaved_message
            else:
                self._draft_save(draft, refused_form=form)
                heading = self.publish_refused_message
            self.produced_error_message = None  # replaced by the message below
            heading = capfirst(heading % {"model_name": self.model._meta.verbose_name})
            items = format_html_join("", "<li>{}</li>", ((p,) for p in form_problems(form)))
            detail = format_html('<ul class="errorlist">{}</ul>', items)
            django_messages.error(self.request, messages.render(heading, None, detail=detail))
        return super().form_invalid(form)

    def _valid_as_draft(self):
        """The posted edits as a draft form if they pass as a draft (the publish checks off)."""
        draft = self.get_form()
        draft.defer_required_fields()
        valid = draft.is_valid()
        draft.restore_required_fields()
        return draft if valid else None

    def _draft_save(self, draft, *, refused_form) -> None:
        """Save the draft form's edits as a new revision, unless the latest one holds them."""
        previous = self.object.latest_revision
        self.form, self.saving_as_draft = draft, True
        try:
            with transaction.atomic():
                self.object = self.save_instance()
                unchanged = previous is not None and _content(previous.content) == _content(
                    self.new_revision.content
                )
                if unchanged:
                    raise _Unchanged
        except _Unchanged:
            self.object = self.get_object()  # the same draft is saved already
        else:
            # As after "Save draft": e.g. a search index or a notifier hooked on edits hears of
            # it. The refused publish answers with the form, so a hook's own response is unused.
            self.run_after_hook()
        finally:
            self.form, self.saving_as_draft = refused_form, False
        # The revision the editor has loaded is now this one (autosave compares against it).
        for name in ("latest_revision", "latest_revision_created_at"):
            self.__dict__.pop(name, None)
