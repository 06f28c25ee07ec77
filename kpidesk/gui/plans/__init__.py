"""The store plans section (issue 14 item 3)."""
