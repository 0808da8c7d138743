"""Rebuild ``skvm_lint/data/pypi_programs.json``: the programs installing a Python distribution puts on PATH.

A skill that runs ``uv pip install dxpy`` and then ``dx login``, or declares mergekit and runs ``mergekit-yaml``,
has declared the program through its package: DP001 should not ask for it again, and env-setup.sh installs it with
the package. The programs are the distribution's ``console_scripts`` entry points, read from the latest release
as pip would install it: the ``entry_points.txt`` of a wheel (only its zip directory and that member are fetched,
with HTTP range requests), else of the ``*.egg-info`` a setuptools sdist carries, else ``[project.scripts]`` or
``[tool.poetry.scripts]`` of the sdist's ``pyproject.toml``. Nothing is built or run. The distributions are the
ones ``data/pypi_requires.json`` knows (``corpus/build_pypi_requires.py``), so the two files describe one set.

Usage: python corpus/build_pypi_programs.py [--jobs 8] [--max-sdist-mib 20]

Needs network access to pypi.org; the analysis itself never does.
"""

from __future__ import annotations

import argparse
import configparser
import io
import json
import sys
import tarfile
import tomllib
import urllib.request
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin

DATA = Path(__file__).resolve().parent.parent / "skvm_lint" / "data"
TIMEOUT = 30


class RangeFile(io.RawIOBase):
    """A remote file read by HTTP range requests, in blocks, so that zipfile reads a wheel's directory and one
    member without fetching the whole wheel (torch's is 800 MB)."""

    BLOCK = 1 << 16

    def __init__(self, url: str, size: int) -> None:
        self.url, self.size, self.position = url, size, 0
        self.blocks: dict[int, bytes] = {}

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.position

    def seek(self, offset: int, whence: int = 0) -> int:
        base = {0: 0, 1: self.position, 2: self.size}[whence]
        self.position = max(0, base + offset)
        return self.position

    def _block(self, index: int) -> bytes:
        if index not in self.blocks:
            start = index * self.BLOCK
            end = min(start + self.BLOCK, self.size) - 1
            request = urllib.request.Request(self.url, headers={"Range": f"bytes={start}-{end}"})
            with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
                data = response.read()
            if response.status != 206 and len(data) != end - start + 1:  # a server without ranges sent it all
                data = data[start:end + 1]
            self.blocks[index] = data
        return self.blocks[index]

    def read(self, size: int = -1) -> bytes:
        end = self.size if size is None or size < 0 else min(self.size, self.position + size)
        out = bytearray()
        while self.position < end:
            block = self._block(self.position // self.BLOCK)
            at = self.position % self.BLOCK
            piece = block[at:at + end - self.position]
            if not piece:
                break
            out += piece
            self.position += len(piece)
        return bytes(out)

    def readinto(self, buffer: bytearray) -> int:  # type: ignore[override]
        data = self.read(len(buffer))
        buffer[:len(data)] = data
        return len(data)


def console_scripts(entry_points: str) -> list[str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # program names keep their case
    try:
        parser.read_string(entry_points)
    except configparser.Error:
        return []
    return sorted(parser["console_scripts"]) if parser.has_section("console_scripts") else []


def from_wheel(url: str, size: int) -> list[str] | None:
    with zipfile.ZipFile(RangeFile(url, size)) as wheel:
        for name in wheel.namelist():
            path = PurePosixPath(name)
            if len(path.parts) == 2 and path.parts[0].endswith(".dist-info") and path.name == "entry_points.txt":
                return console_scripts(wheel.read(name).decode("utf-8", "replace"))
    return []


def from_sdist(url: str) -> list[str] | None:
    with urllib.request.urlopen(url, timeout=TIMEOUT) as response:
        data = response.read()
    try:
        with tarfile.open(fileobj=io.BytesIO(data)) as archive:
            return _sdist_scripts(archive)
    except tarfile.TarError:
        return None


def _sdist_scripts(archive: tarfile.TarFile) -> list[str] | None:
    """The console scripts a setuptools sdist's egg-info or its pyproject.toml names; None if neither."""
    members = {PurePosixPath(m.name): m for m in archive.getmembers() if m.isfile()}

    def text(member: tarfile.TarInfo) -> str:
        handle = archive.extractfile(member)
        return handle.read().decode("utf-8", "replace") if handle else ""

    # the top folder's own metadata, not a vendored package's
    for path, member in sorted(members.items(), key=lambda item: len(item[0].parts)):
        if path.name == "entry_points.txt" and path.parent.name.endswith(".egg-info") and len(path.parts) <= 4:
            return console_scripts(text(member))
    for path, member in members.items():
        if len(path.parts) == 2 and path.name == "pyproject.toml":
            try:
                project = tomllib.loads(text(member))
            except tomllib.TOMLDecodeError:
                return None
            scripts = project.get("project", {}).get("scripts") or \
                project.get("tool", {}).get("poetry", {}).get("scripts") or {}
            return sorted(scripts) if isinstance(scripts, dict) else None
    return None


def programs(name: str, max_sdist_bytes: int) -> tuple[str, list[str] | None]:
    """``name``'s console scripts in its latest release; None when they could not be read."""
    index = f"https://pypi.org/pypi/{name}/json"
    try:
        with urllib.request.urlopen(index, timeout=TIMEOUT) as response:
            files = json.load(response)["urls"]
        wheels = [f for f in files if f["packagetype"] == "bdist_wheel"]
        # a pure-Python wheel, else a 64-bit Linux one: the machine the requirements file is read for
        wheels.sort(key=lambda f: (not f["filename"].endswith("-none-any.whl"), "manylinux" not in f["filename"]
                                   or "x86_64" not in f["filename"]))
        if wheels:
            return name, from_wheel(urljoin(index, wheels[0]["url"]), wheels[0]["size"])
        sdists = [f for f in files if f["packagetype"] == "sdist" and f["filename"].endswith((".tar.gz", ".tgz"))
                  and f["size"] <= max_sdist_bytes]
        return name, from_sdist(urljoin(index, sdists[0]["url"])) if sdists else None
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as error:
        print(f"{name}: {error}", file=sys.stderr)
        return name, None


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=8, help="distributions asked about at once")
    parser.add_argument("--max-sdist-mib", type=float, default=20, help="skip larger sdists (no wheel to read)")
    args = parser.parse_args()
    names = sorted(json.loads((DATA / "pypi_requires.json").read_text(encoding="utf-8")))
    table: dict[str, list[str]] = {}
    unread = 0
    with ThreadPoolExecutor(args.jobs) as pool:
        for done, (name, found) in enumerate(pool.map(lambda n: programs(n, int(args.max_sdist_mib * 2**20)),
                                                      names), 1):
            if found is None:
                unread += 1
            elif found:
                table[name] = found
            if done % 200 == 0:
                print(f"{done}/{len(names)} read, {len(table)} with programs", file=sys.stderr)
    out = DATA / "pypi_programs.json"
    tmp = out.with_suffix(".tmp")
    tmp.write_text(json.dumps(table, indent=0, sort_keys=True) + "\n", encoding="utf-8")
    tmp.replace(out)
    print(f"wrote {out}: {len(table)} of {len(names)} distributions put programs on PATH; {unread} unread",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
