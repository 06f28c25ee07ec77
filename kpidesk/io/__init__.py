"""Files in and out: the interchange workbook (read with python-calamine, written with
openpyxl) and CSV/JSON tables.

Nothing here imports Qt or ``kpidesk.store``. The package ``__init__`` imports nothing so
that reading a workbook never pays for openpyxl or pandas: import ``kpidesk.io.reader``,
``kpidesk.io.writer`` or ``kpidesk.io.tables`` directly.
"""
