"""The Linux bundle's ELF files: the glibc they need, and the build paths baked into them.

``build.py`` calls, on the finished bundle folder:

- ``remove_build_paths``: drops every RPATH/RUNPATH that names a folder of the build machine
  (the Python build's ``lib`` folder); ``$ORIGIN`` paths inside the bundle stay.
- ``relax_symbol_versions``: a bundled file that asks for a symbol version newer than the oldest
  supported glibc, where that glibc has the same function under an older version (``hypot`` in
  ``libm``: the 2.35 version only changed how errors are reported under the long-gone SVID
  mode), is pointed at the older version.
- ``check_glibc``: the highest ``GLIBC_x.y`` every ELF file requires (read
  with ``objdump -p``, binutils), and the files needing more than ``MAX_GLIBC``.

Pure Python for the edits (no patchelf), 64-bit little-endian ELF only (x86_64, arm64).
"""

from __future__ import annotations

import re
import shutil
import struct
import subprocess
from dataclasses import dataclass
from pathlib import Path

# Qt 6.12's own libraries need 2.34: the floor of the systems the bundle supports (Ubuntu
# 22.04 and what is built on it have 2.35, RHEL 9 and its rebuilds 2.34).
MAX_GLIBC = (2, 34)

# Symbols whose newer version may be swapped for the architecture's first one: the function
# exists there under that version with the same behaviour for programs in POSIX mode.
COMPAT_SYMBOLS = {"libm.so.6": frozenset({"hypot", "hypotf"})}
BASE_VERSIONS = ("GLIBC_2.2.5", "GLIBC_2.17")  # x86_64, aarch64

ELF_MAGIC = b"\x7fELF"
SHT_DYNSYM = 11
SHT_DYNAMIC = 6
SHT_GNU_VERNEED = 0x6FFFFFFE
SHT_GNU_VERSYM = 0x6FFFFFFF
DT_NULL, DT_RPATH, DT_RUNPATH = 0, 15, 29


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split("."))


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == ELF_MAGIC


def elf_files(folder: Path) -> list[Path]:
    return [path for path in sorted(folder.rglob("*")) if is_elf(path)]


# ---------------------------------------------------------------- reading an ELF file


@dataclass
class Section:
    type: int
    offset: int
    size: int
    link: int
    entsize: int


class Elf:
    def __init__(self, data: bytearray) -> None:
        if data[:4] != ELF_MAGIC or data[4] != 2 or data[5] != 1:
            raise ValueError("not a 64-bit little-endian ELF file")
        self.data = data
        header = struct.unpack_from("<16sHHIQQQIHHHHHH", data, 0)
        shoff, shentsize, shnum = header[6], header[11], header[12]
        self.sections = []
        for index in range(shnum):
            fields = struct.unpack_from("<IIQQQQIIQQ", data, shoff + index * shentsize)
            self.sections.append(Section(fields[1], fields[4], fields[5], fields[6], fields[9]))

    def first(self, kind: int) -> Section | None:
        return next((s for s in self.sections if s.type == kind), None)

    def string(self, table: Section, offset: int) -> str:
        start = table.offset + offset
        end = self.data.index(b"\0", start)
        return self.data[start:end].decode("latin-1")

    def verneed(self) -> list[tuple[str, list[tuple[int, str, int]]]]:
        """(library, [(file offset of the vernaux entry, version name, index)]) per library."""
        section = self.first(SHT_GNU_VERNEED)
        if section is None:
            return []
        strings = self.sections[section.link]
        found = []
        offset = section.offset
        while True:
            _version, count, file_name, aux, next_need = struct.unpack_from(
                "<HHIII", self.data, offset
            )
            entries = []
            aux_offset = offset + aux
            for _ in range(count):
                _hash, _flags, other, name, next_aux = struct.unpack_from(
                    "<IHHII", self.data, aux_offset
                )
                entries.append((aux_offset, self.string(strings, name), other))
                if not next_aux:
                    break
                aux_offset += next_aux
            found.append((self.string(strings, file_name), entries))
            if not next_need:
                return found
            offset += next_need

    def undefined_symbols_by_version(self) -> dict[int, set[str]]:
        """Version index -> names of the undefined dynamic symbols that carry it."""
        dynsym, versym = self.first(SHT_DYNSYM), self.first(SHT_GNU_VERSYM)
        if dynsym is None or versym is None:
            return {}
        strings = self.sections[dynsym.link]
        by_index: dict[int, set[str]] = {}
        for number in range(dynsym.size // 24):
            name, _info, _other, shndx, _value, _size = struct.unpack_from(
                "<IBBHQQ", self.data, dynsym.offset + number * 24
            )
            (index,) = struct.unpack_from("<H", self.data, versym.offset + number * 2)
            if shndx == 0 and name:
                by_index.setdefault(index & 0x7FFF, set()).add(self.string(strings, name))
        return by_index


# ---------------------------------------------------------------- edits


def remove_build_paths(path: Path) -> list[str]:
    """Drop RPATH/RUNPATH entries naming absolute folders; returns what was removed.

    The entries after them move up (the dynamic table ends in DT_NULL entries), and the path
    text itself is blanked, so the build machine's folder names are not in the file.
    """
    data = bytearray(path.read_bytes())
    elf = Elf(data)
    dynamic = elf.first(SHT_DYNAMIC)
    if dynamic is None:
        return []
    strings = elf.sections[dynamic.link]
    entries = [
        struct.unpack_from("<qQ", data, dynamic.offset + n * 16) for n in range(dynamic.size // 16)
    ]
    kept, removed = [], []
    for tag, value in entries:
        if tag in (DT_RPATH, DT_RUNPATH):
            text = elf.string(strings, value)
            parts = [part for part in text.split(":") if part.startswith("$ORIGIN")]
            if len(parts) != len(text.split(":")):
                removed.append(text)
                start = strings.offset + value
                if parts:  # keep the $ORIGIN parts, in place
                    new = ":".join(parts).encode()
                    data[start : start + len(text)] = new + b"\0" * (len(text) - len(new))
                    kept.append((tag, value))
                else:
                    # Blank up to the last "/": a shared string tail ("lib") stays readable.
                    cut = text.rfind("/") + 1
                    data[start : start + cut] = b"\0" * cut
                continue
        kept.append((tag, value))
    if not removed:
        return []
    kept += [(DT_NULL, 0)] * (len(entries) - len(kept))
    for number, (tag, value) in enumerate(kept):
        struct.pack_into("<qQ", data, dynamic.offset + number * 16, tag, value)
    path.write_bytes(bytes(data))
    return removed


def relax_symbol_versions(path: Path, limit: tuple[int, ...] = MAX_GLIBC) -> list[str]:
    """Point references to a too-new version at the base version, where ``COMPAT_SYMBOLS``
    says that is safe (every symbol under that version must be listed). Returns what changed.
    """
    data = bytearray(path.read_bytes())
    elf = Elf(data)
    symbols = elf.undefined_symbols_by_version()
    changed = []
    for library, entries in elf.verneed():
        allowed = COMPAT_SYMBOLS.get(library)
        if allowed is None:
            continue
        base = next((e for e in entries if e[1] in BASE_VERSIONS), None)
        for aux_offset, name, index in entries:
            if not name.startswith("GLIBC_") or version_tuple(name[6:]) <= limit:
                continue
            users = symbols.get(index, set())
            if base is None or not users or not users <= allowed:
                continue
            base_hash, _flags, _other, base_name, _next = struct.unpack_from(
                "<IHHII", data, base[0]
            )
            struct.pack_into("<I", data, aux_offset, base_hash)
            struct.pack_into("<I", data, aux_offset + 8, base_name)
            changed.append(f"{', '.join(sorted(users))}: {name} -> {base[1]} ({library})")
    if changed:
        path.write_bytes(bytes(data))
    return changed


# ---------------------------------------------------------------- the check


# Version names without a number: the glibc release that introduced them.
NAMED_VERSIONS = {"GLIBC_ABI_DT_RELR": (2, 36)}
# Marks a file as part of glibc itself (libmvec, libm, ...): it must come from the system.
PRIVATE_VERSION = "GLIBC_PRIVATE"


def required_glibc_versions(objdump_private: str) -> list[tuple[int, ...]]:
    """The GLIBC_x.y versions an ``objdump -p`` listing's "Version References" require."""
    references = objdump_private.partition("Version References:")[2]
    found = [version_tuple(v) for v in re.findall(r"\sGLIBC_(\d+(?:\.\d+)+)\b", references)]
    found += [v for name, v in NAMED_VERSIONS.items() if re.search(rf"\s{name}\b", references)]
    return found


def needs_private_glibc(objdump_private: str) -> bool:
    references = objdump_private.partition("Version References:")[2]
    return re.search(rf"\s{PRIVATE_VERSION}\b", references) is not None


def _objdump_private(path: Path) -> str:
    objdump = shutil.which("objdump")
    if objdump is None:
        raise RuntimeError("objdump not found: install binutils to check the bundle's glibc needs")
    result = subprocess.run([objdump, "-p", str(path)], capture_output=True, text=True, check=True)
    return result.stdout


def highest_glibc(path: Path) -> tuple[int, ...] | None:
    versions = required_glibc_versions(_objdump_private(path))
    return max(versions) if versions else None


def symbols_needing(path: Path, version: tuple[int, ...]) -> list[str]:
    """The undefined symbols a file takes at exactly ``version`` (for the failure message)."""
    result = subprocess.run(
        ["objdump", "-T", str(path)], capture_output=True, text=True, check=False
    )
    wanted = "GLIBC_" + ".".join(str(n) for n in version)
    return sorted(
        line.split()[-1]
        for line in result.stdout.splitlines()
        if "*UND*" in line and f"({wanted})" in line
    )


def format_version(version: tuple[int, ...] | None) -> str:
    return "GLIBC_" + ".".join(str(n) for n in version) if version else "-"


def check_glibc(folder: Path, limit: tuple[int, ...] = MAX_GLIBC) -> tuple[str, list[str]]:
    """The listing (one line per ELF file) and the problems (files needing more than limit)."""
    lines, problems = [], []
    for path in elf_files(folder):
        name = str(path.relative_to(folder))
        listing = _objdump_private(path)
        versions = required_glibc_versions(listing)
        version = max(versions) if versions else None
        lines.append(f"{format_version(version):<14} {name}")
        if version is not None and version > limit:
            needing = ", ".join(symbols_needing(path, version)) or "a version reference"
            problems.append(f"{name} needs {format_version(version)} ({needing})")
        if needs_private_glibc(listing):
            problems.append(f"{name} is part of glibc ({PRIVATE_VERSION}): take it from the system")
    return "\n".join(lines) + "\n", problems
