"""The directories section: stores, departments, positions, employees, indicators and payout
schedules, each an editable grid."""
