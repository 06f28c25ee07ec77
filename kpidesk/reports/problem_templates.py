"""The sentence of every problem code, in English (the source) and through
``QCoreApplication.translate("ProblemText", …)`` in the user's language: one template per
code that ``core`` validation, the io reader, the services, the runner and the command line
can produce, with ``{param}`` placeholders that :func:`problem_text.problem_text` fills.

Kept apart from ``problem_text`` only for size, as are the workbook files' codes
(``problem_templates_files``: reading a workbook, the command line's options, adopting the
owner's own workbook); a test renders every code found in the
sources, so a new code without a template fails.

Must not: decide whether something is a problem, or format values (``problem_text`` does).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kpidesk.reports.problem_templates_files import file_templates


def templates() -> dict[str, str]:
    """Code → translated sentence with ``{param}`` placeholders (built per call so that a
    language switch takes effect at once)."""
    translate = QCoreApplication.translate
    return {
        # matrices
        "weights_sum": translate("ProblemText", "The weights add up to {sum}, not 100%."),
        "base_equals_norm": translate(
            "ProblemText",
            "The base of '{indicator}' equals its norm: the index cannot be computed.",
        ),
        "zero_norm": translate(
            "ProblemText", "The norm of '{indicator}' is 0: a fact/norm index cannot be computed."
        ),
        "ratio_needs_target": translate(
            "ProblemText",
            "'{indicator}' is lower-is-better with the fact/norm method and needs a target "
            "above 0: at a fact of 0 its index would be unbounded.",
        ),
        "negative_weight": translate(
            "ProblemText", "The weight of '{indicator}' cannot be negative ({value})."
        ),
        "unknown_indicator": translate("ProblemText", "Unknown indicator '{indicator}'."),
        "duplicate_row": translate(
            "ProblemText", "Indicator '{indicator}' appears more than once in the matrix."
        ),
        "matrix_owner": translate(
            "ProblemText", "A matrix must belong to either a position or an employee."
        ),
        "target_wrong_side": translate(
            "ProblemText",
            "The target of '{indicator}' ({value}) is on the wrong side of its norm ({norm}).",
        ),
        "weight_too_large": translate("ProblemText", "A weight is at most 100% (typed: {value})."),
        "norm_required": translate("ProblemText", "Row {row}: enter the norm."),
        "indicator_required": translate("ProblemText", "Row {row}: choose an indicator."),
        "no_previous_matrix": translate(
            "ProblemText", "No matrix applied to '{owner}' in {period}."
        ),
        "no_own_matrix": translate(
            "ProblemText", "'{name}' has no own matrix in {period}: the template applies already."
        ),
        "fact_computed": translate(
            "ProblemText",
            "The fact of '{indicator}' is computed from {source}; it cannot be typed in.",
        ),
        "period_locked": translate(
            "ProblemText",
            "Period {period} is locked: its data cannot be changed (reopen the period first).",
        ),
        "not_a_number": translate("ProblemText", "'{value}' is not a number."),
        "paste_outside": translate("ProblemText", "The pasted block does not fit: {reason}"),
        # numbers and daily data
        "number_too_large": translate(
            "ProblemText", "The number {value} is too large: at most {limit} is accepted."
        ),
        "negative_value": translate("ProblemText", "{field} cannot be negative ({value})."),
        "revenue_without_receipts": translate(
            "ProblemText", "Revenue {revenue} with 0 receipts: enter the number of receipts."
        ),
        "receipts_over_visitors": translate(
            "ProblemText",
            "{receipts} receipts but only {visitors} visitors: conversion is above 100%.",
        ),
        "unusual_value": translate(
            "ProblemText", "{field} {value} is more than 3 times away from the usual {usual}."
        ),
        "future_day": translate(
            "ProblemText",
            "{day} is after today ({today}): a day that has not come yet cannot have data.",
        ),
        "required": translate("ProblemText", "Enter: {fields}."),
        "not_whole": translate("ProblemText", "{field} must be a whole number ({value})."),
        "no_store_day": translate(
            "ProblemText",
            "The store has no data for this day: the sellers' sales cannot be checked.",
        ),
        "sellers_differ": translate(
            "ProblemText", "The sellers' {field} add up to {sellers}, the store's day has {store}."
        ),
        "misplaced_row": translate(
            "ProblemText", "A row of another store, day or seller was given in this block."
        ),
        "nothing_to_change": translate("ProblemText", "There is nothing to save."),
        "uplift_out_of_range": translate(
            "ProblemText", "The uplift must be from 0% to 1000% (given {uplift}%)."
        ),
        "day_incomplete": translate(
            "ProblemText",
            "The day of {store} on {day} is incomplete: enter revenue, receipts and visitors.",
        ),
        # directories
        "end_before_start": translate(
            "ProblemText", "The end date {value} is before the start date {start}."
        ),
        "name_empty": translate("ProblemText", "The name cannot be empty."),
        "name_taken": translate("ProblemText", "'{name}' already exists."),
        "unknown_item": translate("ProblemText", "'{name}' no longer exists."),
        "code_spaces": translate(
            "ProblemText", "The code '{name}' contains spaces; use letters, digits and '_'."
        ),
        "position_required": translate("ProblemText", "'{name}' needs a position."),
        "unknown_position": translate("ProblemText", "Unknown position '{name}'."),
        "unknown_store": translate("ProblemText", "Unknown store '{name}'."),
        "unknown_department": translate("ProblemText", "Unknown department '{name}'."),
        "unknown_employee": translate("ProblemText", "Unknown employee '{name}'."),
        "unknown_input": translate("ProblemText", "Unknown raw input '{name}'."),
        "unknown_measure": translate("ProblemText", "Unknown indicator '{name}' (known: {known})."),
        "not_a_date": translate("ProblemText", "'{value}' is not a date (expected dd.mm.yyyy)."),
        "duplicate_key": translate(
            "ProblemText", "The same entry appears twice in {kind} (first at {first})."
        ),
        "payroll_incomplete": translate(
            "ProblemText",
            "{count} incomplete sheet(s) in {period}: {names}. Nothing was written: complete "
            "them first, or export only the complete sheets (--allow-incomplete).",
        ),
        "duplicate_personnel_number": translate(
            "ProblemText", "Personnel number {number} of '{name}' is already {holder}'s."
        ),
        # payout schedules
        "steps_not_increasing": translate(
            "ProblemText",
            "The coefficient from {threshold} is lower than a lower step's: a higher KPI "
            "must not pay less.",
        ),
        "duplicate_threshold": translate(
            "ProblemText", "Threshold {threshold} appears more than once."
        ),
        "no_steps": translate("ProblemText", "A steps schedule needs at least one step."),
        "cap_below_threshold": translate(
            "ProblemText", "The cap {value} is below the threshold {threshold}."
        ),
        "payout_kind": translate(
            "ProblemText",
            "A schedule is either linear (one row: the threshold and the cap) or steps, not both.",
        ),
        # tasks and duties
        "not_open": translate("ProblemText", "'{task}' is not open: it is already marked done."),
        "not_assignee": translate(
            "ProblemText",
            "Only the assignee ({assignee}) or the controller can mark '{task}' done, not {actor}.",
        ),
        "not_done": translate(
            "ProblemText", "'{task}' is not done: only a done task can be accepted or returned."
        ),
        "own_task": translate("ProblemText", "{actor} cannot accept their own task '{task}'."),
        "not_controller": translate(
            "ProblemText", "Only the controller can accept or return '{task}', not {actor}."
        ),
        "comment_required": translate("ProblemText", "Say why '{task}' is returned (a comment)."),
        "no_controller": translate(
            "ProblemText", "No controller '{value}' for the duty '{duty}' of {employee}."
        ),
        "choose_person": translate("ProblemText", "Choose who you are first (an employee)."),
        "task_title_empty": translate("ProblemText", "A task needs a title."),
        "task_exists": translate("ProblemText", "{assignee} already has '{task}' in {period}."),
        "task_not_open": translate(
            "ProblemText", "'{task}' is not open: only an open task can be edited."
        ),
        "task_accepted": translate(
            "ProblemText",
            "'{task}' is accepted already: it counts in the period's results and cannot be "
            "deleted.",
        ),
        "controller_is_assignee": translate(
            "ProblemText", "{assignee} cannot control their own task: choose another controller."
        ),
        "task_due_before_period": translate(
            "ProblemText", "The due date {due} is before the period starts ({start})."
        ),
        "task_missing": translate(
            "ProblemText", "'{task}' of {assignee} no longer exists (deleted meanwhile?)."
        ),
        # periods
        "period_already_locked": translate("ProblemText", "Period {period} is already locked."),
        "period_not_locked": translate("ProblemText", "Period {period} is not locked."),
        "reopen_reason_required": translate(
            "ProblemText", "Give a reason to reopen period {period}."
        ),
        "snapshot_damaged": translate(
            "ProblemText", "The saved results of the locked period {period} are damaged."
        ),
        "not_a_pay_period": translate(
            "ProblemText",
            "{period} is not a pay period: the company pays in half-months ({first} and {second}).",
        ),
        "nothing_to_print": translate(
            "ProblemText", "There are no employees to print for {period}."
        ),
        "nothing_to_print_in_store": translate(
            "ProblemText", "There are no employees of {store} to print for {period}."
        ),
        # rights and the company file
        "right_denied": translate(
            "ProblemText", "{user}: your role gives you no right to {right}."
        ),
        "server_unreachable": translate(
            "ProblemText",
            "No connection to the company server {server}: nothing was saved; try again.",
        ),
        "server_empty": translate(
            "ProblemText",
            "The company server {server} holds no company yet: run 'kpidesk --db URL "
            "server init' or 'server upload'.",
        ),
        "server_login_refused": translate(
            "ProblemText",
            "The company server {server} refused the login: a wrong user name or password, "
            "or no access to this database.",
        ),
        "server_no_right": translate(
            "ProblemText",
            "The company server refused: your login has no right to this; nothing was saved.",
        ),
        "server_needs_grant": translate(
            "ProblemText",
            "{server}: 'server init' needs a login with {grants} to create the company's "
            "roles; ask the server's administrator (ALTER ROLE … CREATEROLE).",
        ),
        "server_not_kpidesk": translate(
            "ProblemText", "The database {server} holds another program's tables."
        ),
        "server_refused": translate(
            "ProblemText", "The company server {server} refused: nothing was changed."
        ),
        "server_not_empty": translate(
            "ProblemText",
            "The database {server} is not empty: it must be empty for this; nothing was changed.",
        ),
        "server_url_required": translate(
            "ProblemText",
            "Give the company server with --db postgresql://USER@HOST:PORT/DATABASE.",
        ),
        "not_for_server": translate(
            "ProblemText",
            "'{command}' works on a company file; for a company server use 'server init' "
            "or 'server upload'.",
        ),
        "login_required": translate("ProblemText", "This company has users: log in first."),
        "user_required": translate(
            "ProblemText",
            "This company has users: give --user NAME (the password is taken from "
            "KPIDESK_PASSWORD or asked for).",
        ),
        "login_failed": translate("ProblemText", "Wrong user name or password."),
        "password_required": translate(
            "ProblemText", "No password: set {variable} or run the command in a terminal."
        ),
        "passwords_differ": translate("ProblemText", "The two passwords differ."),
        "password_too_short": translate(
            "ProblemText", "A password needs at least {limit} characters."
        ),
        "bad_password": translate(
            "ProblemText", "A password has at most {limit} printable characters."
        ),
        "unknown_role": translate("ProblemText", "Unknown role '{value}': choose one of {roles}."),
        "bad_user_name": translate(
            "ProblemText", "A user name needs 1 to {limit} printable characters."
        ),
        "manager_needs_store": translate("ProblemText", "Choose the store of the manager."),
        "employee_user_needs_employee": translate(
            "ProblemText", "Choose the employee this user is."
        ),
        "last_owner": translate(
            "ProblemText",
            "{name} is the last active owner: the company needs one, so this is not possible.",
        ),
        "first_user_owner": translate(
            "ProblemText", "The first user must be an owner (the first user turns logins on)."
        ),
        "user_exists": translate("ProblemText", "A user named '{name}' exists already."),
        "unknown_user": translate("ProblemText", "There is no user named '{name}'."),
        "paylist_closed": translate(
            "ProblemText", "The pay list of {period} is closed: the period is locked."
        ),
        "paylist_already": translate("ProblemText", "The pay list of {period} is {step} already."),
        "paylist_not_checked": translate(
            "ProblemText", "The pay list of {period} must be checked by the accountant first."
        ),
        "paylist_not_approved": translate(
            "ProblemText", "The pay list of {period} must be approved by the owner first."
        ),
        "paylist_changed": translate(
            "ProblemText",
            "The results of {period} changed after the pay list was signed: it is a draft "
            "again and must be checked anew.",
        ),
        "paylist_out_of_order": translate(
            "ProblemText", "The pay list of {period} cannot move to this step now."
        ),
        "paylist_reason_required": translate(
            "ProblemText", "Give a reason to take the pay list of {period} back."
        ),
        "paylist_draft": translate(
            "ProblemText", "The pay list of {period} is a draft: there is no step to undo."
        ),
        "unknown_reference": translate(
            "ProblemText", "The data refers to a name that is not in the directories."
        ),
        "database_busy": translate(
            "ProblemText", "The company file is busy (another program is writing to it); try again."
        ),
        "database_readonly": translate(
            "ProblemText", "The company file is read-only: nothing was saved."
        ),
        "disk_full": translate("ProblemText", "The disk is full: nothing was saved."),
        "database_damaged": translate(
            "ProblemText", "The company file is damaged; restore it from a backup."
        ),
        "not_a_database": translate("ProblemText", "This is not a company file."),
        "newer_schema": translate(
            "ProblemText",
            "The company file was made by a newer version of the program; update the program.",
        ),
        "store_error": translate(
            "ProblemText", "The database refused the change; nothing was saved."
        ),
        "not_a_company_file": translate("ProblemText", "{file} is not a company file."),
        "newer_company_file": translate(
            "ProblemText", "{file} was made by a newer version of the program; update the program."
        ),
        "no_company_file": translate(
            "ProblemText",
            "There is no company file {file} (create a company or import a workbook).",
        ),
        "cannot_open": translate("ProblemText", "Cannot open the company file {file}."),
        "file_exists": translate(
            "ProblemText", "{file} already exists; choose another file or open it."
        ),
        "backup_failed": translate("ProblemText", "The backup could not be made."),
        "no_backup_file": translate("ProblemText", "There is no backup file {file}."),
        "restore_failed": translate(
            "ProblemText",
            "Cannot restore from {file}: the backup is damaged or not a company file.",
        ),
        "company_file_empty": translate(
            "ProblemText", "{file} is empty: it holds no company; nothing was changed."
        ),
        "company_file_readonly": translate(
            "ProblemText",
            "The company file {file} is read-only: it can be read but not changed (check "
            "the file's permissions); nothing was changed.",
        ),
        "company_folder_readonly": translate(
            "ProblemText",
            "The folder {folder} cannot be written, and the program keeps its working files "
            "beside the company file {file} (check the folder's permissions or copy the "
            "file to another folder); nothing was changed.",
        ),
        "company_file_damaged": translate(
            "ProblemText", "The company file {file} is damaged; the integrity check found:"
        ),
        "integrity_problem": translate("ProblemText", "Integrity check: {detail}"),
        "integrity_more": translate(
            "ProblemText", "… and {count} more problem(s) found by the integrity check."
        ),
        "restore_good_backup": translate("ProblemText", "Restore the newest good backup: {backup}"),
        "no_good_backup": translate(
            "ProblemText", "There is no good backup of {file} in {folder}."
        ),
        "restore_empty_file": translate(
            "ProblemText",
            "{file} is empty: it holds no company, so there is nothing to restore; the "
            "company file was not changed.",
        ),
        "restore_not_a_company_file": translate(
            "ProblemText",
            "{file} is not a company file, so it cannot be restored; the company file was "
            "not changed.",
        ),
        "restore_newer_file": translate(
            "ProblemText",
            "{file} was made by a newer version of the program: update the program to "
            "restore it; the company file was not changed.",
        ),
        "restore_damaged_file": translate(
            "ProblemText",
            "{file} is damaged, so it cannot be restored; the company file was not changed. "
            "The integrity check found:",
        ),
        "restore_same_file": translate(
            "ProblemText", "{file} is the company file itself; choose a backup to restore."
        ),
        "backup_folder_readonly": translate(
            "ProblemText", "The backup folder {folder} cannot be written: no backup was made."
        ),
        "demo_would_overwrite": translate(
            "ProblemText",
            "{file} holds a real company, not the demo; refusing to overwrite it (give the "
            "demo another file).",
        ),
        "cannot_write": translate("ProblemText", "Cannot write {file}."),
        "folder_missing": translate(
            "ProblemText", "Cannot write {file}: the folder {folder} does not exist."
        ),
        "file_busy": translate(
            "ProblemText", "Cannot write {file} (is it open in another program?)."
        ),
        "print_failed": translate("ProblemText", "Cannot start printing (is the file writable?)."),
        **file_templates(),
    }
