"""The audit log section: who changed what and when."""
