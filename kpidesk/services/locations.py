"""Where kpidesk keeps its files and finds its companies: the default company database,
backups, the small state file that remembers the companies opened (files, and company
servers by their URL without a password), the libpq URL of a company server built from its
parts, and whether a company file sits where SQLite is unsafe (:func:`share_risk`: a
network share or a cloud-sync folder, SPEC §3.1).

Folders come from ``platformdirs``; the environment variable ``KPIDESK_HOME`` moves all of
them under one folder (tests and portable installs use it, so no test touches the user's
real folders).

Must not: store a password (``services.server_passwords`` asks the OS keyring).
"""

from __future__ import annotations

import json
import os
import re
import sys
from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path, PurePath
from urllib.parse import quote, unquote, urlsplit

APP_NAME = "kpidesk"
DATABASE_SUFFIX = ".kpidesk"


def data_dir() -> Path:
    """The folder for company databases: the one chosen in the settings, else the user data
    folder (under ``KPIDESK_HOME`` when that is set)."""
    chosen = get_setting("data_dir")
    if isinstance(chosen, str) and chosen:
        return Path(chosen)
    home = os.environ.get("KPIDESK_HOME")
    if home:
        return Path(home) / "data"
    import platformdirs  # (here: ≈ 8 ms to import, and a command given --db never needs it)

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The folder for settings and state."""
    home = os.environ.get("KPIDESK_HOME")
    if home:
        return Path(home) / "config"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def default_database() -> Path:
    """The company database used when none was chosen yet."""
    return data_dir() / f"company{DATABASE_SUFFIX}"


def demo_database() -> Path:
    """Where ``kpidesk demo`` puts the demo company by default."""
    return data_dir() / f"demo{DATABASE_SUFFIX}"


def _state_file() -> Path:
    return config_dir() / "state.json"


def _read_state() -> dict[str, object]:
    try:
        state = json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return state if isinstance(state, dict) else {}


def _write_state(state: dict[str, object]) -> None:
    path = _state_file()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        temporary.replace(path)
    except OSError:
        pass  # remembering the last file is a convenience; never fail a user action on it


def recent_databases() -> list[Path]:
    """Databases opened before, the most recent first (only those that still exist)."""
    recent = _read_state().get("recent", [])
    if not isinstance(recent, list):
        return []
    return [Path(str(item)) for item in recent if Path(str(item)).exists()]


def last_database() -> Path | None:
    """The database opened last, if it still exists."""
    recent = recent_databases()
    return recent[0] if recent else None


def remember_database(path: Path) -> None:
    """Put the company file ``path`` at the top of the recent list."""
    remember_location(path)


SERVER_PREFIXES = ("postgresql://", "postgres://")
Location = Path | str  # a company file, or a company server's libpq URL
RECENT_KEPT = 10


def location_of(text: str) -> Location:
    """``--db``'s text as a company file or a server URL (kept as text: a path would fold
    its ``//``)."""
    return text if text.startswith(SERVER_PREFIXES) else Path(text)


def is_server(location: Location) -> bool:
    """Whether ``location`` is a company server's URL."""
    return isinstance(location, str) and location.startswith(SERVER_PREFIXES)


def without_password(url: str) -> str:
    """A server URL without its password (what titles, messages and the recent list
    show)."""
    from kpidesk.store.server import display_location

    return display_location(url)


def _stored(location: Location) -> str:
    if is_server(location):
        return without_password(str(location))
    return str(Path(location).resolve())


def recent_locations() -> list[Location]:
    """Companies opened before, the most recent first: company files that still exist and
    company servers (their URLs, never a password)."""
    recent = _read_state().get("recent", [])
    if not isinstance(recent, list):
        return []
    found: list[Location] = []
    for item in recent:
        location = location_of(str(item))
        if is_server(location) or Path(location).exists():
            found.append(location)
    return found


def last_location() -> Location | None:
    """The company opened last in the window: a file that still exists, or a server."""
    recent = recent_locations()
    return recent[0] if recent else None


def remember_location(location: Location) -> None:
    """Put a company file or a company server at the top of the recent list (at most
    :data:`RECENT_KEPT` kept; a server without its password)."""
    state = _read_state()
    stored = _stored(location)
    recent = [stored] + [str(item) for item in recent_locations() if str(item) != stored]
    state["recent"] = recent[:RECENT_KEPT]
    _write_state(state)


# --- a company server's address -------------------------------------------------------------
DEFAULT_PORT = 5432


@dataclass(frozen=True)
class ServerAddress:
    """The parts of a company server's URL that the connect dialog asks for."""

    host: str
    port: int = DEFAULT_PORT
    database: str = ""
    user: str = ""

    def url(self) -> str:
        """``postgresql://USER@HOST:PORT/DATABASE`` (never with a password)."""
        host = self.host.strip()
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"  # an IPv6 address
        user = quote(self.user.strip(), safe="")
        who = f"{user}@" if user else ""
        database = quote(self.database.strip(), safe="")
        return f"postgresql://{who}{host}:{int(self.port)}/{database}"

    @classmethod
    def of(cls, url: str) -> ServerAddress:
        """The parts of a server URL (a password in it is dropped)."""
        parts = urlsplit(url)
        try:
            port = parts.port or DEFAULT_PORT
        except ValueError:
            port = DEFAULT_PORT
        return cls(
            host=parts.hostname or "",
            port=port,
            database=unquote(parts.path.lstrip("/")),
            user=unquote(parts.username or ""),
        )


def database_for_command(explicit: Location | None) -> Location:
    """The company a command works on: ``--db``, else the last one opened, else the
    default company file."""
    if explicit is not None:
        return explicit
    return last_database() or default_database()


def get_setting(key: str) -> object:
    """A saved setting (``language``, ``data_dir``, …) or ``None``."""
    settings = _read_state().get("settings")
    return settings.get(key) if isinstance(settings, dict) else None


def set_setting(key: str, value: object) -> None:
    """Save a setting (``None`` removes it)."""
    state = _read_state()
    settings = state.get("settings")
    if not isinstance(settings, dict):
        settings = {}
    if value is None:
        settings.pop(key, None)
    else:
        settings[key] = value
    state["settings"] = settings
    _write_state(state)


# --- a company file where SQLite is unsafe (SPEC §3.1) --------------------------------------
# Reason codes of :func:`share_risk`.
UNC_PATH = "unc_path"  # \\server\share\… (or //server/share/…)
NETWORK_DRIVE = "network_drive"  # a Windows drive letter mapped to a share
NETWORK_MOUNT = "network_mount"  # a Linux / macOS mount of nfs, smb, sshfs, FUSE …
CLOUD_FOLDER = "cloud_folder"  # inside a Dropbox, Яндекс.Диск, OneDrive … folder

# file systems whose locking SQLite's WAL cannot rely on (sqlite.org/wal.html)
_NETWORK_FILE_SYSTEMS = frozenset(
    {
        "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "sshfs", "fuse", "9p",
        "afs", "afpfs", "ncpfs", "coda", "ceph", "glusterfs", "lustre", "gpfs", "davfs",
        "webdav",
    }
)  # fmt: skip
# FUSE file systems that are local disks (ntfs-3g, the flatpak portal, mergerfs …)
_LOCAL_FUSE = frozenset({"fuseblk", "fuse.portal", "fuse.lxcfs", "fuse.mergerfs", "fusectl"})
# folder names of cloud-sync clients, matched at the start of a folder's name, ignoring case
# ("Dropbox (Personal)", "OneDrive - Company", "GoogleDrive-name@mail", "Yandex.Disk.localized")
_CLOUD_FOLDERS = (
    "dropbox",
    "yandex.disk",
    "yandexdisk",
    "яндекс.диск",
    "яндекс диск",
    "onedrive",
    "google drive",
    "googledrive",
    "icloud drive",
    "icloud~",
    "mobile documents",  # ~/Library/Mobile Documents: iCloud Drive on macOS
)

Mount = tuple[str, str]  # (mount point, file-system type)


def _unescaped(field: str) -> str:
    r"""A /proc/mounts field with its octal escapes (``\040`` for a space) undone."""
    return re.sub(r"\\([0-7]{3})", lambda found: chr(int(found.group(1), 8)), field)


def parse_proc_mounts(text: str) -> list[Mount]:
    """The (mount point, type) pairs of a Linux ``/proc/mounts`` text."""
    mounts = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            mounts.append((_unescaped(fields[1]), fields[2]))
    return mounts


def parse_mount_output(text: str) -> list[Mount]:
    """The (mount point, type) pairs of macOS / BSD ``mount`` output:
    ``//user@server/share on /Volumes/share (smbfs, nodev, nosuid)``."""
    mounts = []
    for line in text.splitlines():
        head, _, rest = line.rpartition(" (")
        if not head or " on " not in head:
            continue
        point = head.split(" on ", 1)[1]
        kind = rest.split(",", 1)[0].rstrip(")").strip()
        mounts.append((point, kind))
    return mounts


def system_mounts() -> list[Mount]:
    """This machine's mounts (Linux: ``/proc/mounts``; macOS: ``mount``); empty where
    they cannot be read."""
    if sys.platform.startswith("linux"):
        try:
            return parse_proc_mounts(Path("/proc/mounts").read_text(encoding="utf-8"))
        except OSError:
            return []
    if sys.platform == "darwin":
        import subprocess  # (here: the window's first paint reads this module, SPEC §9)

        try:
            done = subprocess.run(
                ["/sbin/mount"], capture_output=True, text=True, timeout=2, check=False
            )
        except (OSError, subprocess.SubprocessError):
            return []
        return parse_mount_output(done.stdout)
    return []


def _is_network_type(kind: str) -> bool:
    kind = kind.lower()
    if kind in _LOCAL_FUSE:
        return False
    return kind in _NETWORK_FILE_SYSTEMS or kind.startswith("fuse.")


def _mount_of(path: PurePath, mounts: Iterable[Mount]) -> Mount | None:
    """The mount that holds ``path``: the longest mount point it lies under."""
    best: Mount | None = None
    for point, kind in mounts:
        mount_point = PurePath(point)
        if (path == mount_point or mount_point in path.parents) and (
            best is None or len(point) > len(best[0])
        ):
            best = (point, kind)
    return best


def _windows_drive_is_remote(drive: str) -> bool:
    """Whether a drive letter (``"Z:"``) is mapped to a network share (Windows only)."""
    import ctypes

    windll = getattr(ctypes, "windll", None)
    if windll is None:
        return False
    drive_remote = 4  # GetDriveTypeW's DRIVE_REMOTE
    return int(windll.kernel32.GetDriveTypeW(drive + "\\")) == drive_remote


def share_risk(
    path: Path | str,
    *,
    mounts: Iterable[Mount] | None = None,
    windows: bool | None = None,
    remote_drive: Callable[[str], bool] | None = None,
) -> str | None:
    """Why SQLite is unsafe for a company file at ``path`` — a reason code
    (:data:`UNC_PATH`, :data:`NETWORK_DRIVE`, :data:`NETWORK_MOUNT`, :data:`CLOUD_FOLDER`)
    — or ``None`` where it is a local file. SQLite's WAL needs shared memory and file
    locks that network file systems do not give (sqlite.org/wal.html), and a sync client
    copies the file and its ``-wal`` apart.

    Args:
        path: the company file.
        mounts: the mount table, (mount point, type) pairs (default: this machine's).
        windows: judge the path as a Windows one (default: on Windows).
        remote_drive: whether a drive letter (``"Z:"``) is a mapped share (default: ask
            Windows).
    """
    text = str(path)
    on_windows = sys.platform == "win32" if windows is None else windows
    if text.startswith(("\\\\", "//")) and not text.startswith(("\\\\?\\", "\\\\.\\")):
        return UNC_PATH
    if text.startswith("\\\\?\\UNC\\"):
        return UNC_PATH
    if on_windows:
        from pathlib import PureWindowsPath

        pure: PurePath = PureWindowsPath(text)
        drive = pure.drive
        if len(drive) == 2 and drive[1] == ":":
            ask = remote_drive or _windows_drive_is_remote
            if ask(drive.upper()):
                return NETWORK_DRIVE
    else:
        resolved = Path(text).expanduser()
        with suppress(OSError, RuntimeError):  # a dangling link, a loop: judge it as typed
            resolved = resolved.resolve()
        pure = PurePath(resolved)
        found = _mount_of(pure, system_mounts() if mounts is None else mounts)
        if found is not None and _is_network_type(found[1]):
            return NETWORK_MOUNT
    folders = [part.lower() for part in pure.parts[:-1]]
    if any(folder.startswith(_CLOUD_FOLDERS) for folder in folders):
        return CLOUD_FOLDER
    return None
