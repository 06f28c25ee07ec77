"""The PySide6 user interface: the main window, its sections, models, delegates and
dialogs. Talks to the company only through ``kpidesk.services``; never imports the store."""
