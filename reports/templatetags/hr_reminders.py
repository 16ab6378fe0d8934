"""The learner's view of reminders on /learn/: what we send, and what went out. Two queries."""

from __future__ import annotations

from django import template

from .. import selectors

register = template.Library()


@register.inclusion_tag("reports/reminder_note.html")
def reminder_note(user, cards) -> dict:
    has_due_dates = any(card.due_date and not card.completed for card in cards)
    sent = selectors.reminders_sent_to(user=user) if user.is_authenticated else []
    if not has_due_dates and not sent:
        return {"show": False}
    policy = selectors.reminder_policy(organisation_id=getattr(user, "organisation_id", None))
    return {"show": True, "policy": policy, "sent": sent}
