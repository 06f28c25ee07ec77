"""Adopting the owner's own workbook (SPEC §6.1): recognising hand-made KPI sheets and
daily logs without a template (:func:`recognise_workbook`), and turning what was recognised
into interchange content (:func:`adopted_content`). No Qt, no store."""

from kpidesk.io.adopt.content import Adopted, SheetKpi, adopted_content
from kpidesk.io.adopt.model import (
    Corrections,
    Recognition,
    SheetCorrection,
    SheetKind,
    SheetRecognition,
)
from kpidesk.io.adopt.recognise import recognise_workbook

__all__ = [
    "Adopted",
    "Corrections",
    "Recognition",
    "SheetCorrection",
    "SheetKind",
    "SheetKpi",
    "SheetRecognition",
    "adopted_content",
    "recognise_workbook",
]
