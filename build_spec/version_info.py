"""The Windows version resource of the bundle's executables, made from ``pyproject.toml``'s
version (so Explorer's Properties → Details shows the kpidesk version that was built):
PyInstaller's version-file text, written next to the build and passed as ``EXE(version=…)``.
Used by ``kpidesk.spec``; ``tests/test_packaging.py`` checks the text."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def project_version(root: Path = ROOT) -> str:
    """``[project] version`` of ``pyproject.toml``."""
    data = tomllib.loads((root / "pyproject.toml").read_text(encoding="utf-8"))
    return str(data["project"]["version"])


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"0.1.0"`` → ``(0, 1, 0, 0)`` (a suffix such as ``rc1`` is dropped)."""
    numbers: list[int] = []
    for part in version.split(".")[:4]:
        leading = re.match(r"\d*", part)
        numbers.append(int(leading.group() or 0) if leading else 0)
    while len(numbers) < 4:
        numbers.append(0)
    return numbers[0], numbers[1], numbers[2], numbers[3]


def version_file_text(version: str, *, name: str, description: str) -> str:
    """PyInstaller's version-resource text for one executable."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": "kpidesk",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": name,
        "LegalCopyright": "kpidesk",
        "OriginalFilename": f"{name}.exe",
        "ProductName": "kpidesk",
        "ProductVersion": version,
    }
    string_structs = ",\n".join(
        f"          StringStruct({key!r}, {value!r})" for key, value in strings.items()
    )
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable('040904B0', [
{string_structs}
      ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""


def write_version_file(folder: Path, version: str, *, name: str, description: str) -> Path:
    """Write the version-resource text for ``name`` into ``folder``; its path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}-version.txt"
    path.write_text(version_file_text(version, name=name, description=description), "utf-8")
    return path
