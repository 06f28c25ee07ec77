"""The tasks section: the personal period report, the count tables by assignee, controller
and debtors, and the task list."""
