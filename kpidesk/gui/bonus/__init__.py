"""The bonus sheets section: the period's pay list and its print, PDF and xlsx export."""
