"""Sorting the company server's errors (psycopg's) into the store's user-facing errors and
bugs, as ``sqlite_dialect.sort_error`` does for the company file: a lock trigger's refusal,
a retry the server asks for, a busy company, a refused right or write, a lost connection.
``postgres_dialect`` sorts every statement through :func:`sorting`.

psycopg is imported only when an error is sorted.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import NoReturn

from kpidesk.store.errors import (
    BusyError,
    ConnectionLostError,
    LockedPeriodError,
    ReadOnlyError,
    RetryError,
    ServerRefusedError,
)

LOCKED_ABORT = "kpidesk_locked"  # how a lock trigger's refusal starts


def sort_error(exc: BaseException) -> BaseException:
    """The store error a server error means, or ``exc`` itself when it is a bug."""
    import psycopg
    from psycopg import errors as pg_errors

    if not isinstance(exc, psycopg.Error):
        return exc
    if isinstance(exc, pg_errors.RaiseException) and str(exc).startswith(LOCKED_ABORT):
        return LockedPeriodError(str(exc)[len(LOCKED_ABORT) :].strip().split("\n")[0], "")
    if isinstance(exc, (pg_errors.SerializationFailure, pg_errors.DeadlockDetected)):
        return RetryError(f"the server asks to try again ({exc.sqlstate})")
    if isinstance(exc, pg_errors.LockNotAvailable):
        return BusyError(f"the company is busy, try again ({exc})")
    if isinstance(exc, pg_errors.InsufficientPrivilege):
        return ServerRefusedError(f"the server refused: no right ({exc})")
    if isinstance(exc, pg_errors.ReadOnlySqlTransaction):
        return ReadOnlyError(f"the server refused the write ({exc})", None)
    if isinstance(exc, (psycopg.OperationalError, psycopg.InterfaceError)):
        return ConnectionLostError(f"no connection to the server ({exc})")
    return exc


def raise_sorted(exc: BaseException) -> NoReturn:
    """Raise the store error ``exc`` means (:func:`sort_error`), or ``exc`` itself."""
    found = sort_error(exc)
    if found is exc:
        raise exc
    raise found from exc


@contextmanager
def sorting() -> Iterator[None]:
    """Turn the server errors raised inside into store errors."""
    import psycopg

    try:
        yield
    except psycopg.Error as exc:
        raise_sorted(exc)
