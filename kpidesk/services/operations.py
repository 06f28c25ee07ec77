"""Operations: every write the GUI and the CLI can make, as a small object with a name, the
right it needs (SPEC §8.1) and ``apply(session) -> Change`` (STYLE.md: one road for every
change; modelled on Anki's ``CollectionOp``).

An operation validates what it is given (services defend themselves: coded problems, never
sentences), then writes through the store's repositories. It never opens a transaction,
takes a backup, clears a cache, checks a right or a lock itself: the runner
(``services.runner``) does all of that around ``apply``, the same way for every operation.
The use-case modules (``directories``, ``facts``, ``daily_entry``, …) define their
operations next to the checks they share.

Must not: import Qt, open transactions, or be applied by anything but the runner.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from kpidesk.core.company import Company
from kpidesk.core.rights import Actor, Right
from kpidesk.services.changes import Change

if TYPE_CHECKING:
    from kpidesk.services.company import CompanyService
    from kpidesk.store.database import Database


@dataclass(frozen=True)
class Session:
    """What an operation works with: the open company inside the runner's transaction.

    Attributes:
        service: the company service (its cached directories are those before the write).
        actor: who is working.
    """

    service: CompanyService
    actor: Actor

    @property
    def db(self) -> Database:
        """The database, inside the runner's transaction."""
        return self.service.database

    def company(self) -> Company:
        """The whole directories, matrices and schedules as they were when the operation
        began (money included: an operation may need it whoever runs it)."""
        return self.service.full_company()


@dataclass(frozen=True)
class Target:
    """Whose data an operation writes, for rights scoped to a store or a person."""

    store: str | None = None
    employee: str | None = None


class Operation(ABC):
    """One write. Subclasses set ``name`` and ``right`` and implement :meth:`apply`.

    Attributes:
        name: a stable name for logs and the audit trail (``"save_daily"``).
        right: the right the actor needs.
        backup: take a rotating backup with this reason before the transaction (imports,
            period locks), ``None`` for none.
        transactional: whether the runner wraps ``apply`` in one transaction (a restore
            replaces the whole file instead).
    """

    name: ClassVar[str]
    right: ClassVar[Right]
    backup: ClassVar[str | None] = None
    transactional: ClassVar[bool] = True

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if ABC not in cls.__bases__ and not getattr(cls, "__abstractmethods__", None):
            for required in ("name", "right"):
                if not hasattr(cls, required):
                    raise TypeError(f"operation {cls.__name__} has no {required}")

    def backup_reason(self) -> str | None:
        """The reason of the backup to take before the transaction (default: ``backup``)."""
        return self.backup

    def target(self, session: Session) -> Target:
        """Whose data this writes (default: not limited to one store or person)."""
        return Target()

    def allowed(self, actor: Actor, target: Target) -> bool:
        """Whether ``actor`` may apply this to ``target`` (default: the actor holds
        ``right`` for the target's store or person)."""
        return actor.may(self.right, store=target.store, employee=target.employee)

    @abstractmethod
    def apply(self, session: Session) -> Change:
        """Validate and write; return what changed.

        Raises:
            UserError: a coded refusal (nothing is written: the runner rolls back).
        """
