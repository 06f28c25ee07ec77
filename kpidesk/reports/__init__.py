"""Rendering bonus sheets and tables to HTML, then to PDF or a printer (QtGui only)."""
