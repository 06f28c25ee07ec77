"""The rights of SPEC §8.1 enforced by the company server itself (SPEC §3.2): each kpidesk
user is a PostgreSQL login role in the company's group role of their kpidesk role, and
GRANTs, row-level security and one masking view decide what each may read and write, so
that a store manager's PC cannot read other stores' data or other people's pay even with
``psql``.

- **Roles.** ``server init`` creates, per company database ``db``, the group roles
  ``kd_<db>_owner``, ``…_accountant``, ``…_manager``, ``…_employee``, ``…_viewer`` (it
  needs a login with ``CREATEROLE``, and says so when it lacks it). The login that ran
  ``server init`` owns the tables and holds every right (the owner's own account); a user
  added on the server gets a login role of their name in their group role.
- **Who is who.** ``users`` rows name the login roles; the SQL functions
  ``kpidesk_my_store()``, ``kpidesk_my_employee()``, ``kpidesk_my_role()`` (security
  definer: a user can ask who they are without reading the users table) give the current
  login's store, linked employee and role.
- **Rows.** Row-level security on the per-store and per-person tables: a manager reads and
  writes only their store's days, sellers, plans and tasks, and the facts, inputs and
  people of their store; an employee only their own rows (and their store's days, which
  their store indicators are computed from); pay changes only their own; the audit log a
  manager's store's rows without anyone else's pay; the frozen snapshots (everyone's pay)
  only the owner and the accountant.
- **Money.** For the manager, employee and viewer roles, ``employees`` resolves (their
  ``search_path``) to a view in the schema ``kpidesk_masked`` whose ``fixed_pay`` and
  ``target_bonus`` are 0 except on the reader's own row — the repositories' SQL is the same
  for every role.
- The trigger functions (lock checks, the revision) run as the tables' owner (``SECURITY
  DEFINER``), so that a user's save can bump the revision without a right to the table.

Must not: know the domain dataclasses, or decide a right the ``core.rights`` table does not
hold.
"""

from __future__ import annotations

import re
from typing import Any

from kpidesk.store.postgres_ddl import MASKED_EMPLOYEES_VIEW
from kpidesk.store.postgres_ddl import MASKED_SCHEMA as MASKED_SCHEMA

ROLES = ("owner", "accountant", "manager", "employee", "viewer")
RESTRICTED = ("manager", "employee", "viewer")  # whose money is masked

# tables everyone who may log in reads whole
_DIRECTORY_TABLES = (
    "meta",
    "kpidesk_schema",
    "stores",
    "departments",
    "positions",
    "indicators",
    "matrices",
    "matrix_rows",
    "payout_schedules",
    "payout_steps",
    "period_locks",
    "duty_templates",
    "store_plans",
    "paylist_steps",
)
_ALL_TABLES = (
    *_DIRECTORY_TABLES,
    "employees",
    "daily",
    "facts",
    "audit",
    "seller_days",
    "period_inputs",
    "tasks",
    "period_snapshots",
    "pay_rates",
    "users",
)
# what each role may change (SPEC §8.1), beyond inserting its own audit rows
_WRITES: dict[str, tuple[str, ...]] = {
    "accountant": ("paylist_steps", "period_locks", "period_snapshots", "tasks"),
    "manager": ("daily", "seller_days", "facts", "period_inputs", "tasks"),
    "employee": ("tasks",),
    "viewer": (),
}
_MONEY_FIELDS = "('fixed_pay', 'target_bonus')"


def group_role(database: str, role: str) -> str:
    """The group role of ``role`` in the company database ``database``."""
    clean = re.sub(r"[^a-z0-9_]", "_", database.lower())[:40]
    return f"kd_{clean}_{role}"


def quoted(name: str) -> str:
    """An SQL identifier, quoted."""
    return '"' + name.replace('"', '""') + '"'


def _policies(groups: dict[str, str]) -> list[str]:
    """Row-level security: what each role sees (and may write) of each per-store table."""
    in_my_store = "kpidesk_store_of(employee_id) = kpidesk_my_store()"
    mine = "employee_id = kpidesk_my_employee()"
    my_store_of_employee = "store_id = kpidesk_store_of(kpidesk_my_employee())"
    own_store = "store_id = kpidesk_my_store()"
    no_money = f"field IS NULL OR field NOT IN {_MONEY_FIELDS}"
    tasks_of_store = (
        "kpidesk_store_of(assignee_id) = kpidesk_my_store()"
        " OR controller_id = kpidesk_my_employee()"
    )
    own_tasks = "assignee_id = kpidesk_my_employee() OR controller_id = kpidesk_my_employee()"
    rules: dict[str, dict[str, tuple[str, str | None]]] = {
        # table → role → (rows it reads, rows it may write; None: none)
        "employees": {
            "viewer": ("true", None),
            "manager": (f"{own_store} OR id = kpidesk_my_employee()", None),
            "employee": ("id = kpidesk_my_employee()", None),
        },
        "daily": {
            "viewer": ("true", None),
            "manager": (own_store, own_store),
            "employee": (my_store_of_employee, None),
        },
        "seller_days": {
            "viewer": ("true", None),
            "manager": (own_store, own_store),
            "employee": (mine, None),
        },
        "store_plans": {
            "viewer": ("true", None),
            "manager": (own_store, None),
            "employee": (my_store_of_employee, None),
        },
        "facts": {
            "viewer": ("true", None),
            "manager": (in_my_store, in_my_store),
            "employee": (mine, None),
        },
        "period_inputs": {
            "viewer": ("true", None),
            "manager": (in_my_store, in_my_store),
            "employee": (mine, None),
        },
        "tasks": {
            "viewer": ("true", None),
            "manager": (tasks_of_store, tasks_of_store),
            "employee": (own_tasks, own_tasks),
        },
        "pay_rates": {"manager": (mine, None), "employee": (mine, None)},
        "period_snapshots": {},
        "audit": {
            "viewer": (no_money, "true"),
            "manager": (
                f"store = kpidesk_my_store_name() AND ({no_money}"
                " OR employee = kpidesk_my_employee_name())",
                "true",
            ),
            "employee": ("false", "true"),
        },
    }
    full = f"{quoted(groups['owner'])}, {quoted(groups['accountant'])}"
    statements: list[str] = []
    for table, by_role in rules.items():
        statements.append(f"ALTER TABLE public.{table} ENABLE ROW LEVEL SECURITY")
        statements.append(
            f"CREATE POLICY {table}_full ON public.{table} TO {full} USING (true) WITH CHECK (true)"
        )
        for role, (reads, writes) in by_role.items():
            target = quoted(groups[role])
            statements.append(
                f"CREATE POLICY {table}_{role}_reads ON public.{table} FOR SELECT TO {target}"
                f" USING ({reads})"
            )
            if writes is None:
                continue
            for command, clause in (
                ("INSERT", f"WITH CHECK ({writes})"),
                ("UPDATE", f"USING ({reads}) WITH CHECK ({writes})"),
                ("DELETE", f"USING ({reads})"),
            ):
                statements.append(
                    f"CREATE POLICY {table}_{role}_{command.lower()} ON public.{table}"
                    f" FOR {command} TO {target} {clause}"
                )
    return statements


def install(conn: Any, database: str, owner: str) -> list[str]:
    """Create the group roles, the who-am-I functions, the grants, the row-level security
    and the masking view (inside the caller's transaction); returns the group roles."""
    groups = {role: group_role(database, role) for role in ROLES}
    statements: list[str] = []
    for role in ROLES:
        name = groups[role]
        statements.append(
            "DO $do$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = "
            f"'{name}') THEN CREATE ROLE {quoted(name)} NOLOGIN; END IF; END $do$"
        )
    statements += [
        "CREATE FUNCTION kpidesk_my_user() RETURNS public.users LANGUAGE sql STABLE"
        " SECURITY DEFINER SET search_path = public AS"
        " $f$ SELECT * FROM public.users WHERE name = session_user AND disabled = 0 $f$",
        "CREATE FUNCTION kpidesk_my_store() RETURNS integer LANGUAGE sql STABLE"
        " SECURITY DEFINER SET search_path = public AS"
        " $f$ SELECT store_id FROM public.users WHERE name = session_user AND disabled = 0 $f$",
        "CREATE FUNCTION kpidesk_my_employee() RETURNS integer LANGUAGE sql STABLE"
        " SECURITY DEFINER SET search_path = public AS"
        " $f$ SELECT employee_id FROM public.users WHERE name = session_user"
        " AND disabled = 0 $f$",
        # the policies ask these without a right to the tables they read
        "CREATE FUNCTION kpidesk_store_of(employee integer) RETURNS integer LANGUAGE sql"
        " STABLE SECURITY DEFINER SET search_path = public AS"
        " $f$ SELECT store_id FROM public.employees WHERE id = employee $f$",
        "CREATE FUNCTION kpidesk_my_store_name() RETURNS text LANGUAGE sql STABLE"
        " SECURITY DEFINER SET search_path = public AS"
        " $f$ SELECT s.name FROM public.users u JOIN public.stores s ON s.id = u.store_id"
        " WHERE u.name = session_user AND u.disabled = 0 $f$",
        "CREATE FUNCTION kpidesk_my_employee_name() RETURNS text LANGUAGE sql STABLE"
        " SECURITY DEFINER SET search_path = public AS"
        " $f$ SELECT e.name FROM public.users u JOIN public.employees e"
        " ON e.id = u.employee_id WHERE u.name = session_user AND u.disabled = 0 $f$",
        "CREATE FUNCTION kpidesk_my_role() RETURNS text LANGUAGE sql STABLE"
        " SECURITY DEFINER SET search_path = public AS"
        " $f$ SELECT role FROM public.users WHERE name = session_user AND disabled = 0 $f$",
    ]
    everyone = ", ".join(quoted(groups[role]) for role in ROLES)
    statements += [
        f"GRANT USAGE ON SCHEMA public TO {everyone}",
        f"GRANT EXECUTE ON FUNCTION kpidesk_my_store(), kpidesk_my_employee(),"
        f" kpidesk_my_role(), kpidesk_my_user(), kpidesk_store_of(integer),"
        f" kpidesk_my_store_name(), kpidesk_my_employee_name() TO {everyone}",
        f"GRANT SELECT ON {', '.join('public.' + t for t in _DIRECTORY_TABLES)} TO {everyone}",
        f"GRANT SELECT, INSERT ON public.audit TO {everyone}",
        f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {everyone}",
        # the users table holds no password on a server (the server does): names and roles
        f"GRANT SELECT ON public.users TO {everyone}",
    ]
    owner_group = quoted(groups["owner"])
    statements.append(
        f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join('public.' + t for t in _ALL_TABLES)}"
        f" TO {owner_group}"
    )
    accountant = quoted(groups["accountant"])
    statements.append(
        f"GRANT SELECT ON {', '.join('public.' + t for t in _ALL_TABLES if t != 'users')}"
        f" TO {accountant}"
    )
    for role, tables in _WRITES.items():
        if tables:
            names = ", ".join(f"public.{table}" for table in tables)
            statements.append(f"GRANT INSERT, UPDATE, DELETE ON {names} TO {quoted(groups[role])}")
    for role in RESTRICTED:
        # (snapshots hold everyone's pay: readable, but row-level security gives none)
        readable = (
            "daily",
            "facts",
            "seller_days",
            "period_inputs",
            "tasks",
            "pay_rates",
            "period_snapshots",
        )
        names = ", ".join(f"public.{table}" for table in readable)
        statements.append(f"GRANT SELECT ON {names} TO {quoted(groups[role])}")
    # the masking view: every column of employees, money only on the reader's own row
    statements += [
        f"CREATE SCHEMA {MASKED_SCHEMA}",
        f"CREATE VIEW {MASKED_EMPLOYEES_VIEW}",
        f"GRANT USAGE ON SCHEMA {MASKED_SCHEMA} TO {everyone}",
        f"GRANT SELECT ON {MASKED_SCHEMA}.employees TO "
        + ", ".join(quoted(groups[role]) for role in RESTRICTED),
    ]
    statements += _policies(groups)
    statements += _definer_triggers(conn)
    for statement in statements:
        conn.execute(statement)
    return list(groups.values())


def _definer_triggers(conn: Any) -> list[str]:
    """Make the trigger functions (lock checks, the revision) run as the tables' owner."""
    rows = conn.execute(
        "SELECT p.proname FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace"
        " WHERE n.nspname = 'public' AND p.proname LIKE '%\\_fn' ESCAPE '\\'"
    ).fetchall()
    return [
        f"ALTER FUNCTION {quoted(str(name))}() SECURITY DEFINER SET search_path = public"
        for (name,) in rows
    ]


def create_login(conn: Any, database: str, name: str, role: str, password: str | None) -> None:
    """The login role of a new user, in their group role, reading the masked view first
    when their money is masked (inside the caller's transaction); without a password it
    cannot log in until one is set."""
    login = quoted(name)
    secret = f" PASSWORD {_literal(password)}" if password is not None else ""
    exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = ?", (name,)).fetchone()
    if exists:
        conn.execute(f"ALTER ROLE {login} LOGIN{secret}")
        conn.execute(f"GRANT {quoted(group_role(database, role))} TO {login}")
    else:
        conn.execute(
            f"CREATE ROLE {login} LOGIN{secret} IN ROLE {quoted(group_role(database, role))}"
        )
    if role in RESTRICTED:
        conn.execute(f"ALTER ROLE {login} SET search_path = {MASKED_SCHEMA}, public")
    if role == "owner":
        _owner_powers(conn, database, login)


def _owner_powers(conn: Any, database: str, login: str) -> None:
    """An owner manages users: creating login roles and putting them in the groups."""
    conn.execute(f"ALTER ROLE {login} CREATEROLE")
    for group in ROLES:
        conn.execute(f"GRANT {quoted(group_role(database, group))} TO {login} WITH ADMIN OPTION")


def change_login(
    conn: Any,
    database: str,
    name: str,
    *,
    old_role: str,
    role: str,
    disabled: bool,
    password: str | None = None,
) -> None:
    """Follow a user's change: their group role, whether they may log in, a new
    password."""
    login = quoted(name)
    if role != old_role:
        conn.execute(f"REVOKE {quoted(group_role(database, old_role))} FROM {login}")
        conn.execute(f"GRANT {quoted(group_role(database, role))} TO {login}")
        if role in RESTRICTED:
            conn.execute(f"ALTER ROLE {login} SET search_path = {MASKED_SCHEMA}, public")
        else:
            conn.execute(f"ALTER ROLE {login} RESET search_path")
        if role == "owner":
            _owner_powers(conn, database, login)
        elif old_role == "owner":
            conn.execute(f"ALTER ROLE {login} NOCREATEROLE")
    conn.execute(f"ALTER ROLE {login} {'NOLOGIN' if disabled else 'LOGIN'}")
    if password is not None:
        conn.execute(f"ALTER ROLE {login} PASSWORD {_literal(password)}")


def set_password(conn: Any, name: str, password: str) -> None:
    """A login's new password (a user may set their own; an owner anyone's)."""
    conn.execute(f"ALTER ROLE {quoted(name)} PASSWORD {_literal(password)}")


def _literal(text: str) -> str:
    """A string literal (role DDL takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def missing_grants(conn: Any) -> list[str]:
    """What the connected login lacks to create the kpidesk roles (empty when nothing)."""
    row = conn.execute(
        "SELECT rolcreaterole OR rolsuper FROM pg_roles WHERE rolname = current_user"
    ).fetchone()
    return [] if row and row[0] else ["CREATEROLE"]
