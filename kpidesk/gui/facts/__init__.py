"""The facts section: the period's manual facts, employees × indicators."""
