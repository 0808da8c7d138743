r"""Content that cannot be reviewed.

## What it does
Reports files whose bytes contradict their extension (an executable or archive named `.png` or `.txt`: error),
compiled Python without its source, executables and shared libraries (warning), and archives (info; office
documents are not archives here). File types are recognised from their first bytes, never by running them.

## Why it matters
Reviewers and linters read source. A binary or an archive is a black box, and a file named for something it is
not is hiding.

## Example
```text
assets/logo.png   (bytes start with \x7fELF)
```

## Fix
Ship source and plain files; install tools from package managers and document them in SKILL.md.
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.model import Span
from skvm_lint.security_rule import SecurityRule

EXECUTABLE_MAGIC = frozenset({"elf", "pe", "mach-o", "wasm", "pyc"})
ARCHIVE_MAGIC = frozenset({"zip", "gzip", "7z", "rar", "bzip2", "xz"})
OFFICE_EXTENSIONS = (".docx", ".xlsx", ".pptx", ".odt", ".ods", ".odp", ".epub", ".key", ".numbers", ".pages")
MEDIA_MAGIC = {".png": "png", ".jpg": "jpeg", ".jpeg": "jpeg", ".gif": "gif", ".pdf": "pdf", ".webp": "riff",
               ".wav": "riff"}
EXECUTABLE_EXTENSIONS = (".exe", ".dll", ".so", ".dylib", ".bin", ".com", ".scr", ".msi", ".jar", ".apk", ".dmg")


class OpaquePayload(SecurityRule):
    id = "SC011"
    name = "opaque-payload"
    family = "opaque-payload"
    severity = Severity.WARNING

    def detect(self, skill, facts, out):
        sources = {f.path.rsplit(".", 1)[0] for f in skill.files if f.path.endswith(".py")}
        for f in skill.files:
            lower = f.path.lower()
            ext = "." + lower.rsplit(".", 1)[-1] if "." in lower.rsplit("/", 1)[-1] else ""
            magic = f.magic
            expected = MEDIA_MAGIC.get(ext)
            span = Span(f.path, 1)
            if magic in EXECUTABLE_MAGIC | ARCHIVE_MAGIC and (expected is not None or ext in (
                    ".txt", ".md", ".json", ".yaml", ".yml", ".csv", ".py", ".sh", ".js", ".ts", ".html", ".css", ".svg")):
                out.add("disguised-file", 3, "file", span,
                        f"a {ext} file whose bytes are a {magic} file: the name hides what it is",
                        "remove it, or ship it under its real extension with a note saying what it is")
            elif lower.endswith((".pyc", ".pyo")) or magic == "pyc":
                stem = re.sub(r"(__pycache__/)?([^/]+?)(\.cpython-\d+)?\.py[co]$", r"\2", f.path)
                folder = f.path.rsplit("/", 2)[0] if "__pycache__/" in f.path else f.path.rsplit("/", 1)[0]
                candidates = {stem, f"{folder}/{stem.rsplit('/', 1)[-1]}" if "/" in f.path else stem}
                if not candidates & sources:
                    out.add("bytecode-without-source", 2, "file", span,
                            "compiled Python without its source: what it does cannot be reviewed",
                            "ship the .py source instead")
            elif magic in EXECUTABLE_MAGIC or lower.endswith(EXECUTABLE_EXTENSIONS):
                out.add("executable", 2, "file", span,
                        f"a compiled {magic or ext} program inside the skill: it cannot be reviewed",
                        "ship source, or install the tool from a package manager and document it")
            elif (magic in ARCHIVE_MAGIC or f.kind == "binary" and lower.endswith(
                    (".zip", ".tar", ".tgz", ".gz", ".7z", ".rar", ".xz", ".bz2", ".skill"))) and \
                    not lower.endswith(OFFICE_EXTENSIONS):
                out.add("archive", 1, "file", span,
                        "an archive inside the skill: its contents are not visible to a reviewer or to this linter's "
                        "other rules", "ship the files unpacked")
