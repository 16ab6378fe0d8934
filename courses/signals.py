"""What courses announce to the apps above them (certificates, reports, coaching).

courses may not import those apps (DESIGN: imports point down the chain), so a course's
completion is announced here, once, and the apps that act on it listen.
"""

from django.dispatch import Signal

# Sent once per completion, inside the transaction that recorded it, by the request whose
# update completed the course (never by a racing request that found it already done).
# Arguments: enrolment, user, course, completed_on (the local date).
course_completed = Signal()
