"""Streaming one XML part of a workbook through a real XML parser, for the safety scan of
:mod:`kpidesk.io.safety` (SPEC §8).

A part is read straight from its zip member in bounded chunks (:func:`chunks`, at most
:data:`CHUNK` at a time, never a whole member in memory) and each chunk is fed to expat
(:class:`XmlStream`, :func:`feeding`): the part must be well-formed UTF-8, declare no DTD
(that is where entity-expansion attacks live — a workbook never needs one) and decompress
to exactly its declared size (zipfile stops at the size the zip directory declares and
checks the CRC). A part in UTF-16 or UTF-32, or declaring any encoding but UTF-8 or ASCII,
is refused with its own code. The parser runs without element handlers unless the caller
sets one: it still checks every byte, and no Python is called per element.

For callers that count tags by byte patterns on the same chunks, :func:`markup_aligned`
cuts the stream just before a ``<`` so that no tag is split; a single tag longer than
:data:`MAX_MARKUP` is refused. Every refusal is an :class:`UnsafeFileError` with a stable
code, the message for the user and the part concerned.

Must not: know about sheets, limits on rows, cells or shared strings, or the workbook's
structure (which parts it has, what its relations say) — those are
:mod:`kpidesk.io.sheet_extent`'s and :mod:`kpidesk.io.safety`'s.
"""

from __future__ import annotations

import re
import struct
import zipfile
import zlib
from collections.abc import Iterator
from xml.parsers import expat

MiB = 1024 * 1024
MAX_MARKUP = 1 * MiB  # the longest tag carried from one chunk to the next
CHUNK = 1 * MiB

# What can go wrong while unpacking or parsing a damaged or hostile member.
READ_ERRORS = (
    zipfile.BadZipFile,
    zipfile.LargeZipFile,
    zlib.error,
    OSError,
    EOFError,
    RuntimeError,  # an encrypted member
    NotImplementedError,  # zipfile's error for a compression method it lacks (caught here)
    ValueError,
    OverflowError,
    struct.error,
    expat.ExpatError,
)

UTF16_32 = (
    (b"\x00\x00\xfe\xff", "UTF-32"),
    (b"\xff\xfe\x00\x00", "UTF-32"),
    (b"\x00\x00\x00<", "UTF-32"),
    (b"<\x00\x00\x00", "UTF-32"),
    (b"\xfe\xff", "UTF-16"),
    (b"\xff\xfe", "UTF-16"),
    (b"\x00<", "UTF-16"),
    (b"<\x00", "UTF-16"),
)

# a complete start or end tag at the start of a carried tail (attribute values hold no "<")
TAG = re.compile(rb"</?[^\s<>/]+(?:\s+[^\s<>=/]+\s*=\s*(?:\"[^\"<]*\"|'[^'<]*'))*\s*/?>")


class UnsafeFileError(Exception):
    """The file is refused; ``str(error)`` is the message for the user.

    Attributes:
        code: a stable identifier (``zip_bomb``, ``sheet_too_large``, ``damaged``, …).
        part: the zip member concerned, when there is one.
    """

    def __init__(self, code: str, message: str, part: str | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.part = part


def why(error: BaseException) -> str:
    text = str(error).strip()
    name = type(error).__name__
    return f"{name}: {text}" if text else name


def damaged(part: str, error: BaseException) -> UnsafeFileError:
    return UnsafeFileError(
        "damaged", f"the workbook is damaged: the part {part} cannot be read ({why(error)})", part
    )


def chunks(archive: zipfile.ZipFile, part: str) -> Iterator[bytes]:
    """The member's bytes in chunks of at most :data:`CHUNK`. zipfile stops at the size
    the zip directory declares and checks the CRC; a stream holding more than declared is
    refused by python-calamine's own zip reader ("larger than its declared size").

    Raises:
        UnsafeFileError: the member is missing or damaged.
    """
    try:
        member = archive.open(part)
    except KeyError:
        raise UnsafeFileError(
            "damaged", f"the workbook is damaged: the part {part} is missing", part
        ) from None
    except READ_ERRORS as error:
        raise damaged(part, error) from None
    with member:
        while True:
            try:
                chunk = member.read(CHUNK)
            except READ_ERRORS as error:
                raise damaged(part, error) from None
            if not chunk:
                break
            yield chunk


class XmlStream:
    """An expat parser fed chunk by chunk that refuses DTDs, entities and non-UTF-8 text."""

    def __init__(self, part: str) -> None:
        self.part = part
        self.parser = expat.ParserCreate()
        self.parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
        self.parser.StartDoctypeDeclHandler = self._refuse_dtd
        self.parser.EntityDeclHandler = self._refuse_dtd
        self.parser.XmlDeclHandler = self._declaration
        self.parser.ExternalEntityRefHandler = self._refuse_external
        self.started = False

    def _refuse_dtd(self, *_: object) -> None:
        raise UnsafeFileError(
            "xml_dtd",
            f"refused: the part {self.part} declares XML entities (a possible XML attack)",
            self.part,
        )

    def _refuse_external(self, *_: object) -> int:
        self._refuse_dtd()
        return 0

    def _declaration(self, version: str | None, encoding: str | None, standalone: int) -> None:
        if encoding is not None and encoding.replace("_", "-").lower() not in (
            "utf-8",
            "utf8",
            "us-ascii",
            "ascii",
        ):
            raise encoding_refusal(self.part, encoding)

    def feed(self, chunk: bytes) -> None:
        if not self.started:
            self.started = True
            for mark, name in UTF16_32:
                if chunk.startswith(mark):
                    raise encoding_refusal(self.part, name)
        try:
            self.parser.Parse(chunk, False)
        except expat.ExpatError as error:
            raise malformed(self.part, error) from None

    def close(self) -> None:
        try:
            self.parser.Parse(b"", True)
        except expat.ExpatError as error:
            raise malformed(self.part, error) from None


def encoding_refusal(part: str, encoding: str) -> UnsafeFileError:
    return UnsafeFileError(
        "xml_encoding",
        f"the part {part} is written in the {encoding} encoding, which kpidesk does not "
        "read; open the file in Excel or LibreOffice and save it again as an Excel "
        "workbook (.xlsx)",
        part,
    )


def malformed(part: str, error: expat.ExpatError) -> UnsafeFileError:
    return UnsafeFileError(
        "damaged",
        f"the workbook is damaged: the part {part} is not valid XML "
        f"({expat.ErrorString(error.code)}, line {error.lineno})",
        part,
    )


def markup_aligned(chunks: Iterator[bytes], part: str) -> Iterator[bytes]:
    """Pieces of the stream that each end just before a ``<``, so no tag is split; text
    after the last tag of a long run is dropped (it holds no tag), a single tag longer
    than :data:`MAX_MARKUP` is refused."""
    tail = b""
    for chunk in chunks:
        data = tail + chunk if tail else chunk
        cut = data.rfind(b"<")
        if cut < 0:
            tail = b""
            continue
        if cut:
            yield data[:cut]
        tail = data[cut:]
        if len(tail) > MAX_MARKUP:
            complete = TAG.match(tail)
            if complete is None:
                raise UnsafeFileError(
                    "damaged",
                    f"refused: the part {part} holds an XML tag longer than "
                    f"{MAX_MARKUP // MiB} MiB",
                    part,
                )
            yield tail[: complete.end()]
            tail = b""
    if tail:
        yield tail


def feeding(archive: zipfile.ZipFile, part: str, xml: XmlStream) -> Iterator[bytes]:
    """The member's chunks, each fed to ``xml`` before it is handed on."""
    for chunk in chunks(archive, part):
        xml.feed(chunk)
        yield chunk
