"""``locations.share_risk``: a company file on a network share, a mapped drive, a network
mount (nfs, smb, sshfs, FUSE) or in a cloud-sync folder is flagged (SPEC §3.1: SQLite's WAL
is unsafe there); a local file is not — with fake mount tables and paths, on any OS."""

from __future__ import annotations

from pathlib import Path

import pytest

from kpidesk.services import locations
from kpidesk.services.locations import (
    CLOUD_FOLDER,
    NETWORK_DRIVE,
    NETWORK_MOUNT,
    UNC_PATH,
    parse_mount_output,
    parse_proc_mounts,
    share_risk,
)

PROC_MOUNTS = r"""sysfs /sys sysfs rw,nosuid 0 0
/dev/nvme0n1p2 / ext4 rw,relatime 0 0
/dev/nvme0n1p1 /boot/efi vfat rw 0 0
tmpfs /tmp tmpfs rw 0 0
nas:/export/office /mnt/office nfs4 rw,vers=4.2 0 0
//nas/Общая\040папка /mnt/общая\040папка cifs rw,vers=3.0 0 0
anna@vps:/srv /home/anna/vps fuse.sshfs rw,nosuid 0 0
/dev/sdb1 /media/anna/USB fuseblk rw 0 0
/dev/sdc1 /mnt/local-nfs-name ext4 rw 0 0
"""

MAC_MOUNT = """/dev/disk3s1s1 on / (apfs, sealed, local, read-only, journaled)
//anna@nas._smb._tcp.local/Office on /Volumes/Office (smbfs, nodev, nosuid, mounted by anna)
nas:/export on /Volumes/nfs (nfs, asynchronous)
"""


def test_the_proc_mounts_table_is_read_with_its_escapes() -> None:
    mounts = parse_proc_mounts(PROC_MOUNTS)
    assert ("/mnt/общая папка", "cifs") in mounts
    assert ("/home/anna/vps", "fuse.sshfs") in mounts


@pytest.mark.parametrize(
    ("path", "reason"),
    [
        ("/mnt/office/company.kpidesk", NETWORK_MOUNT),  # nfs4
        ("/mnt/office/2026/deep/company.kpidesk", NETWORK_MOUNT),
        ("/mnt/общая папка/company.kpidesk", NETWORK_MOUNT),  # cifs, a space in the name
        ("/home/anna/vps/company.kpidesk", NETWORK_MOUNT),  # sshfs over FUSE
        ("/media/anna/USB/company.kpidesk", None),  # ntfs-3g (fuseblk) is a local disk
        ("/mnt/local-nfs-name/company.kpidesk", None),  # a name is not a file system
        ("/home/anna/company.kpidesk", None),
        ("/tmp/company.kpidesk", None),
        ("/mnt/officeX/company.kpidesk", None),  # not under /mnt/office
    ],
)
def test_a_file_on_a_network_mount_is_flagged(path: str, reason: str | None) -> None:
    mounts = parse_proc_mounts(PROC_MOUNTS)
    assert share_risk(path, mounts=mounts, windows=False) == reason


def test_macos_mounts_are_read_from_the_mount_command_output() -> None:
    mounts = parse_mount_output(MAC_MOUNT)
    assert ("/Volumes/Office", "smbfs") in mounts
    assert share_risk("/Volumes/Office/a.kpidesk", mounts=mounts, windows=False) == NETWORK_MOUNT
    assert share_risk("/Volumes/nfs/a.kpidesk", mounts=mounts, windows=False) == NETWORK_MOUNT
    assert share_risk("/Users/anna/a.kpidesk", mounts=mounts, windows=False) is None


@pytest.mark.parametrize(
    "path",
    [
        "/home/anna/Dropbox/shop/company.kpidesk",
        "/home/anna/Dropbox (Personal)/company.kpidesk",
        "/home/anna/Yandex.Disk/company.kpidesk",
        "/home/anna/YandexDisk/company.kpidesk",
        "/home/anna/Яндекс.Диск/учёт/company.kpidesk",
        "/home/anna/OneDrive - ООО Ромашка/company.kpidesk",
        "/Users/anna/Google Drive/company.kpidesk",
        "/Users/anna/Library/CloudStorage/GoogleDrive-anna@mail.ru/My Drive/c.kpidesk",
        "/Users/anna/Library/Mobile Documents/com~apple~CloudDocs/company.kpidesk",
        "/Users/anna/iCloud Drive/company.kpidesk",
    ],
)
def test_a_file_in_a_cloud_sync_folder_is_flagged(path: str) -> None:
    assert share_risk(path, mounts=[("/", "ext4")], windows=False) == CLOUD_FOLDER


def test_a_file_named_like_a_cloud_folder_is_not_flagged() -> None:
    assert share_risk("/home/anna/dropbox.kpidesk", mounts=[], windows=False) is None


@pytest.mark.parametrize(
    "path",
    [
        r"\\nas\office\company.kpidesk",
        r"\\?\UNC\nas\office\company.kpidesk",
        "//nas/office/c.kpidesk",
    ],
)
def test_a_unc_path_is_a_network_share(path: str) -> None:
    assert share_risk(path, windows=True, remote_drive=lambda drive: False) == UNC_PATH
    assert share_risk(path, mounts=[], windows=False) == UNC_PATH


def test_a_mapped_network_drive_on_windows() -> None:
    remote = {"Z:"}
    asked: list[str] = []

    def remote_drive(drive: str) -> bool:
        asked.append(drive)
        return drive in remote

    assert share_risk(r"z:\учёт\company.kpidesk", windows=True, remote_drive=remote_drive) == (
        NETWORK_DRIVE
    )
    assert asked == ["Z:"]
    assert (
        share_risk(r"C:\Users\anna\company.kpidesk", windows=True, remote_drive=remote_drive)
        is None
    )
    assert (
        share_risk(
            r"C:\Users\anna\OneDrive\company.kpidesk", windows=True, remote_drive=remote_drive
        )
        == CLOUD_FOLDER
    )


def test_this_machine_s_mounts_are_read(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(locations, "system_mounts", lambda: [(str(tmp_path), "nfs")])
    assert share_risk(tmp_path / "company.kpidesk", windows=False) == NETWORK_MOUNT
    monkeypatch.setattr(locations, "system_mounts", lambda: [("/", "ext4")])
    assert share_risk(tmp_path / "company.kpidesk", windows=False) is None
