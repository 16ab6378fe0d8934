"""Coaching: cohorts, the review queue, feedback, private notes and action plans."""
