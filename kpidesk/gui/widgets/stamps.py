"""When something was signed or changed, as the window shows it: the stored UTC time
(``2026-10-27T09:15:02+00:00``) in local time, ``27.10.2026 12:15``.

Must not: parse anything but the stored ISO text.
"""

from __future__ import annotations

from datetime import datetime


def local_time(stored: str | None) -> str:
    """A stored ISO time in local time (``dd.mm.yyyy HH:MM``); "" when none, the text
    itself when it is not a time."""
    if not stored:
        return ""
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored
    if moment.tzinfo is not None:
        moment = moment.astimezone()
    return moment.strftime("%d.%m.%Y %H:%M")
