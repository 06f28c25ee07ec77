"""Fact sources in words (issue 14 item 4): every known source has a family, a name and a
one-line description, listed by family in display order."""

from __future__ import annotations

from kpidesk.core.indicators import KNOWN_METRICS, Source, SourceKind
from kpidesk.core.source_names import CATALOGUE, FAMILIES, family_name, source_name, uncovered


def test_every_known_source_has_words() -> None:
    assert uncovered() == []
    known = {"manual"} | {
        f"{kind.value}:{metric}" for kind, metrics in KNOWN_METRICS.items() for metric in metrics
    }
    assert {entry.code for entry in CATALOGUE} == known
    for entry in CATALOGUE:
        assert entry.name and entry.description.endswith(".")
        assert Source.parse(entry.code).kind is entry.kind


def test_the_catalogue_is_grouped_by_family_in_display_order() -> None:
    order = [kind for kind, _name in FAMILIES]
    assert set(order) == set(SourceKind)
    kinds = [entry.kind for entry in CATALOGUE]
    assert kinds == sorted(kinds, key=order.index)  # each family's sources together
    assert family_name(SourceKind.STORE) == "Store (daily data)"


def test_a_source_reads_as_its_name() -> None:
    words = source_name(Source.parse("store:conversion"))
    assert words.name == "Store conversion" and words.code == "store:conversion"
    assert "visitors" in words.description
    assert source_name(Source.parse("manual")).name == "Typed in by hand"
