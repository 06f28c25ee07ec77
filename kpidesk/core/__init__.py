"""The calculation core: the single source of every number kpidesk shows, prints or exports.

Pure Python, standard library only (decimal, dataclasses, datetime, enum). No Qt, no SQL,
no file or network I/O. Money and ratios are ``decimal.Decimal``; a division by zero gives
``None`` ("no data"), never 0 and never an exception.
"""
