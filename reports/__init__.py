"""HR: assignments with due dates, reminders, the completion dashboard, report and exports."""
