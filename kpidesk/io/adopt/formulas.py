"""Computing the formulas a workbook carries without their values (see :mod:`.grid`).

A small evaluator for what KPI sheets use: numbers, cell references (``C5``, ``$C$5``,
``Лист!C5`` on the same sheet only), ranges in ``SUM``/``SUMPRODUCT``/``MIN``/``MAX``,
``ROUND``, ``ABS``, ``+ − × ÷ ^`` and parentheses, in exact decimals. Anything else (another
sheet, text functions, a division by zero, a cycle) leaves the cell empty: the sheet's own
value is then unknown, never invented.

Must not: be used for cells that have a saved value (the owner's value is what counts).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path

_TOKEN = re.compile(
    r"\s*(?:(?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)|(?P<ref>\$?[A-Z]{1,3}\$?\d+(?::\$?[A-Z]{1,3}\$?\d+)?)"
    r"|(?P<fn>[A-Z][A-Z0-9.]*)\(|(?P<op>[-+*/^(),;%]))"
)
_FUNCTIONS = ("SUM", "SUMPRODUCT", "ROUND", "MIN", "MAX", "ABS")


class _UnknownError(Exception):
    pass


def _column_index(letters: str) -> int:
    index = 0
    for letter in letters:
        index = index * 26 + ord(letter) - 64
    return index - 1


def _address(ref: str) -> tuple[int, int]:
    match = re.fullmatch(r"\$?([A-Z]{1,3})\$?(\d+)", ref)
    assert match is not None
    return int(match[2]) - 1, _column_index(match[1])


def evaluate_formulas(
    path: Path, names: list[str], grids: list[list[list[object]]]
) -> dict[str, set[tuple[int, int]]]:
    """Fill, in ``grids``, the empty cells that hold a formula with its computed value.

    Returns:
        sheet name → the (row, column) cells filled.
    """
    import openpyxl

    workbook = openpyxl.load_workbook(path, read_only=True, data_only=False)
    filled: dict[str, set[tuple[int, int]]] = {}
    try:
        for name, grid in zip(names, grids, strict=True):
            formulas: dict[tuple[int, int], str] = {}
            sheet = workbook[name]
            for r, row in enumerate(sheet.iter_rows(max_row=len(grid) + 200)):
                for cell in row:
                    value = getattr(cell, "value", None)
                    column = getattr(cell, "column", None)
                    if isinstance(value, str) and value.startswith("=") and column is not None:
                        formulas[(r, column - 1)] = value[1:]
            if formulas:
                filled[name] = _Sheet(grid, formulas).fill()
    finally:
        workbook.close()
    return filled


class _Sheet:
    def __init__(self, grid: list[list[object]], formulas: dict[tuple[int, int], str]) -> None:
        self.grid = grid
        self.formulas = formulas
        self.values: dict[tuple[int, int], Decimal | None] = {}
        self.busy: set[tuple[int, int]] = set()

    def fill(self) -> set[tuple[int, int]]:
        done: set[tuple[int, int]] = set()
        for r, c in sorted(self.formulas):
            if self._saved(r, c) is not None:
                continue
            value = self.value(r, c)
            if value is None:
                continue
            while len(self.grid) <= r:
                self.grid.append([])
            row = self.grid[r]
            while len(row) <= c:
                row.append("")
            row[c] = value
            done.add((r, c))
        return done

    def _saved(self, r: int, c: int) -> object | None:
        if r < len(self.grid) and c < len(self.grid[r]):
            value = self.grid[r][c]
            return None if value == "" else value
        return None

    def value(self, r: int, c: int) -> Decimal | None:
        saved = self._saved(r, c)
        if saved is not None:
            if isinstance(saved, bool) or not isinstance(saved, int | float | Decimal):
                return None
            return Decimal(repr(saved)) if isinstance(saved, float) else Decimal(saved)
        if (r, c) not in self.formulas:
            return Decimal(0)  # an empty cell counts as 0, as in Excel
        if (r, c) in self.values:
            return self.values[(r, c)]
        if (r, c) in self.busy:
            return None
        self.busy.add((r, c))
        try:
            result: Decimal | None = _Parser(self.formulas[(r, c)], self._ref).parse()
        except (_UnknownError, InvalidOperation, ZeroDivisionError, ValueError, OverflowError):
            result = None
        self.busy.discard((r, c))
        self.values[(r, c)] = result
        return result

    def _ref(self, ref: str) -> list[Decimal]:
        first, _, last = ref.partition(":")
        r1, c1 = _address(first)
        r2, c2 = _address(last) if last else (r1, c1)
        if (r2 - r1 + 1) * (c2 - c1 + 1) > 10_000:
            raise _UnknownError
        out = []
        for r in range(min(r1, r2), max(r1, r2) + 1):
            for c in range(min(c1, c2), max(c1, c2) + 1):
                value = self.value(r, c)
                if value is None:
                    raise _UnknownError
                out.append(value)
        return out


class _Parser:
    """Recursive descent over the formula's tokens."""

    def __init__(self, text: str, ref: Callable[[str], list[Decimal]]) -> None:
        self.tokens: list[tuple[str, str]] = []
        position = 0
        text = text.strip()
        while position < len(text):
            match = _TOKEN.match(text, position)
            if match is None or match.end() == position:
                raise _UnknownError
            kind = match.lastgroup or ""
            self.tokens.append((kind, match[kind]))
            position = match.end()
        self.at = 0
        self.ref = ref

    def parse(self) -> Decimal:
        value = self._sum()
        if self.at != len(self.tokens):
            raise _UnknownError
        return value

    def _peek(self) -> tuple[str, str] | None:
        return self.tokens[self.at] if self.at < len(self.tokens) else None

    def _take(self, op: str) -> bool:
        token = self._peek()
        if token == ("op", op):
            self.at += 1
            return True
        return False

    def _sum(self) -> Decimal:
        value = self._product()
        while True:
            if self._take("+"):
                value += self._product()
            elif self._take("-"):
                value -= self._product()
            else:
                return value

    def _product(self) -> Decimal:
        value = self._power()
        while True:
            if self._take("*"):
                value *= self._power()
            elif self._take("/"):
                value /= self._power()
            else:
                return value

    def _power(self) -> Decimal:
        value = self._unary()
        while self._take("^"):
            value = value ** self._unary()
        return value

    def _unary(self) -> Decimal:
        if self._take("-"):
            return -self._unary()
        if self._take("+"):
            return self._unary()
        value = self._atom()
        if self._take("%"):
            value /= 100
        return value

    def _atom(self) -> Decimal:
        token = self._peek()
        if token is None:
            raise _UnknownError
        self.at += 1
        kind, text = token
        if kind == "num":
            return Decimal(text)
        if kind == "ref":
            values = self.ref(text)
            if len(values) != 1:
                raise _UnknownError
            return values[0]
        if kind == "op" and text == "(":
            value = self._sum()
            if not self._take(")"):
                raise _UnknownError
            return value
        if kind == "fn" and text in _FUNCTIONS:
            return self._call(text)
        raise _UnknownError

    def _arguments(self) -> list[list[Decimal]]:
        arguments: list[list[Decimal]] = []
        if self._take(")"):
            return arguments
        while True:
            token = self._peek()
            following = self.tokens[self.at + 1] if self.at + 1 < len(self.tokens) else None
            if (
                token
                and token[0] == "ref"
                and ":" in token[1]
                and following in (("op", ","), ("op", ";"), ("op", ")"))
            ):
                self.at += 1
                arguments.append(self.ref(token[1]))
            else:
                arguments.append([self._sum()])
            if self._take(")"):
                return arguments
            if not (self._take(",") or self._take(";")):
                raise _UnknownError

    def _call(self, name: str) -> Decimal:
        arguments = self._arguments()
        flat = [value for argument in arguments for value in argument]
        if name == "SUM":
            return sum(flat, Decimal(0))
        if name in ("MIN", "MAX") and flat:
            return min(flat) if name == "MIN" else max(flat)
        if name == "ABS" and len(flat) == 1:
            return abs(flat[0])
        if name == "ROUND" and len(arguments) == 2 and len(arguments[1]) == 1:
            places = int(arguments[1][0])
            return (arguments[0][0]).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
        if (
            name == "SUMPRODUCT"
            and arguments
            and all(len(a) == len(arguments[0]) for a in arguments)
        ):
            total = Decimal(0)
            for values in zip(*arguments, strict=True):
                product = Decimal(1)
                for value in values:
                    product *= value
                total += product
            return total
        raise _UnknownError
