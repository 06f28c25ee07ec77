"""Render the application icon ``kpidesk.svg`` into the raster files that need it: PNGs of
the sizes a desktop asks for (the window and Linux menus use ``kpidesk-256.png`` and the
SVG) and ``kpidesk.ico`` for the Windows executable (PNG-compressed entries of 16…256 px,
which Windows Vista and later read). Drawn for this project, free to use with it.

    python resources/icons/render.py

A developer tool (like ``i18n/build.py``); the files it writes are committed and shipped.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE / "kpidesk.svg"
PNG_SIZES = (16, 32, 48, 64, 128, 256)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    """The icon as PNG bytes of ``size`` × ``size`` pixels."""
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico file holding one PNG-compressed image per size."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an icon directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    for size in PNG_SIZES:
        (HERE / f"kpidesk-{size}.png").write_bytes(render_png(renderer, size))
    (HERE / "kpidesk.ico").write_bytes(
        ico_bytes({size: render_png(renderer, size) for size in ICO_SIZES})
    )
    print(f"wrote {len(PNG_SIZES)} PNGs and kpidesk.ico into {HERE}")
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
