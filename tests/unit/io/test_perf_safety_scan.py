"""The safety scan's one-search quick test of a sheet piece (issue 17) decides exactly as
the seven searches it replaced: the same pieces take the quick count, the same go to the
exact measure, so every extent and every refusal stays the same."""

from __future__ import annotations

import random
import re

from kpidesk.io import sheet_extent as extent_module

# the quick test as it was: two regexes, a lowered copy and four counts
_OLD_NEAR_CELL = re.compile(rb'<c(?! r="[A-Ta-t][0-9]{1,5}")[\s/>]')
_OLD_NEAR_ROW = re.compile(rb'<row(?! r="[0-9]{1,5}")[\s/>]')


def _old_odd_case(piece: bytes) -> bool:
    lowered = piece.lower()
    return any(lowered.count(name) != piece.count(name) for name in (b"<c", b"<row"))


def _old_near(piece: bytes) -> bool:
    lowered = piece.lower()
    return not (
        _old_odd_case(piece)
        or _OLD_NEAR_CELL.search(piece)
        or _OLD_NEAR_ROW.search(piece)
        or b"<dimension" in lowered
        or extent_module._PREFIXED.search(lowered)
    )


def _new_near(piece: bytes) -> bool:
    return not (extent_module._NOT_NEAR.search(piece) or extent_module._PREFIXED.search(piece))


_FRAGMENTS = [
    b'<c r="A1">',
    b'<c r="T99999" t="s">',
    b'<c r="U1">',
    b'<c r="a100000">',
    b"<c>",
    b"<c/>",
    b"<c\tr='B2'>",
    b'<C r="A1">',
    b'<row r="1">',
    b'<row r="100000">',
    b"<row>",
    b'<Row r="2">',
    b"<ROW>",
    b"<rOw>",
    b"<roW>",
    b"<rows>",
    b'<col min="1"/>',
    b"<cols>",
    b"<Cols>",
    b"<Relationship/>",
    b'<dimension ref="A1:H9"/>',
    b'<DIMENSION ref="A1"/>',
    b"<dImEnSiOn/>",
    b"<dimensions/>",
    b"<drawing/>",
    b'<x:c r="A1">',
    b"<X:ROW>",
    b"<v>1</v>",
    b"</c></row>",
    b"<is><t>text: c r</t></is>",
    b"<sheetData>",
    b"<",
    b"c",
    b"row",
    b"R",
    b":",
    b" ",
]


def test_one_search_decides_as_the_seven() -> None:
    rng = random.Random(17)
    differing_kinds = set()
    for _ in range(20_000):
        piece = b"".join(rng.choice(_FRAGMENTS) for _ in range(rng.randint(1, 8)))
        old, new = _old_near(piece), _new_near(piece)
        assert old == new, piece
        assert _old_odd_case(piece) == bool(extent_module._ODD_CASE.search(piece)), piece
        differing_kinds.add(old)
    assert differing_kinds == {True, False}  # both ways taken: the test can tell


def test_the_reference_sheets_take_the_quick_count() -> None:
    piece = b'<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData>' * 50
    assert _new_near(piece) and _old_near(piece)
