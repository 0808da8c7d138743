"""A bundled script or reference that nothing in the skill leads to.

## What it does
Follows the skill from SKILL.md: a file is reached when a reached file mentions its path (relative to the skill or
to the mentioning file), its file name, or a folder that holds it (`see assets/templates/`), and for scripts when a
reached script imports it (`import helpers`, `require("./lib/x")`, `source common.sh`). Reports scripts and Markdown
files that are never reached. READMEs, licences, changelogs and logs, tests (`tests/`, `test-*`), `__init__.py` and files in hidden folders are
not reported; nor are assets and data, which scripts often load by pattern.

## Why it matters
The agent only reads what SKILL.md leads it to. An unreachable reference is knowledge the skill paid for and never
uses; an unreachable script is code nobody reviews against the instructions, and it ships to every user.

## Example
```text
pdf-tools/
  SKILL.md             (mentions scripts/merge.py)
  scripts/merge.py
  scripts/old_merge.py  <- nothing mentions or imports it
```

## Fix
Link the file from SKILL.md (or from a reference SKILL.md links) where the agent needs it, or delete it.
"""

import posixpath
import re
from collections import defaultdict

from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import for_people
from skvm_lint.rule import Rule

# Besides files written for people (model.for_people): notes, logs, test scenarios, package markers, hidden folders.
NOT_REPORTED = lazy(r"(^|/)(notice|authors)[^/]*$|(^|/)[^/]*[-_]?log\.md$|(^|/)test[-_][^/]*$|"
                    r"(^|/)(tests?|__tests__|\.[^/]+)/|(^|/)__init__\.py$|(^|/)conftest\.py$", re.IGNORECASE)


# A path-like word: what a Markdown link, a command argument or an import names. Splitting the text into these once per
# file (instead of searching it once per bundled file) keeps the walk linear in the size of the skill.
PATH_WORD = lazy(r"[\w.\-/~+@]+")
PATH_CHARS = lazy(r"[\w.\-/~+@]*")  # the path word's characters from a position on
# Up to this many names, the path words that can point at a file are found from where the names occur (str.find),
# not by listing every word of the text: a text has hundreds of words, a skill a few dozen names.
FEW_NAMES = 64
# `import x`, `from '../lib/x'`, `require("./x")`, `source ./x.sh`, `. ./x.sh`. The quotes, dots and slashes before
# the name are bounded: unbounded, a file of dots took one backtracking scan per position.
IMPORTED = lazy(r"(?:import|from|require\(|source|\.)\s*['\"./]{0,16}((?:[\w-]+[./])*[\w-]+)")
MODULE_SEPARATOR = lazy(r"[./]")


class OrphanFile(Rule):
    id = "ST007"
    name = "orphan-file"
    groups = ("structure", "references")
    severity = Severity.INFO

    def check(self, skill, ctx):
        if skill.skill_md_path is None or not skill.skill_md_text:
            return
        candidates = [f for f in skill.files if f.kind in ("script", "markdown") and f.path != skill.skill_md_path
                      and not for_people(f.path) and not NOT_REPORTED.search(f.path)]
        if not candidates:
            return
        index = _FileIndex([f.path for f in skill.files])
        texts = {f.path: f.text for f in skill.files if f.text is not None}
        reached = {skill.skill_md_path}
        frontier = [skill.skill_md_path]
        unreached = {f.path for f in candidates}
        while frontier and unreached:  # once every candidate is reached, reading further texts finds nothing new
            source = frontier.pop()
            for path in index.mentioned_by(source, texts.get(source) or ""):
                if path not in reached:
                    reached.add(path)
                    unreached.discard(path)
                    if path in texts:
                        frontier.append(path)
        for f in candidates:
            if f.path not in reached:
                yield self.report(skill, f.path, f"`{f.path}` is not reached from SKILL.md: no link, mention, "
                                  "command or import leads to it",
                                  hint="link it where the agent needs it, or delete it")


class _FileIndex:
    """The skill's files by the ways a text can point at them: path, file name, containing folder, import stem."""

    def __init__(self, paths: list[str]):
        self.by_path = set(paths)
        self.by_name: dict[str, list[str]] = defaultdict(list)
        self.by_folder: dict[str, list[str]] = defaultdict(list)
        self.by_stem: dict[str, list[str]] = defaultdict(list)
        self.odd_names: list[str] = []  # names a path word cannot spell (spaces, brackets): matched as substrings
        for path in paths:
            name = path.rsplit("/", 1)[-1]
            self.by_name[name].append(path)
            if PATH_WORD.fullmatch(name) is None:
                self.odd_names.append(path)
            folder = posixpath.dirname(path)
            while folder:
                self.by_folder[folder].append(path)
                folder = posixpath.dirname(folder)
            stem = name.rsplit(".", 1)[0]
            if len(stem) >= 3:
                self.by_stem[stem].append(path)
        # A word can only name a file or folder whose last component it ends with: the rest are skipped unlooked.
        self.last_parts = set(self.by_name) | {folder.rsplit("/", 1)[-1] for folder in self.by_folder}
        self.spellable = [name for name in self.last_parts if PATH_WORD.fullmatch(name)]

    def words_naming_parts(self, text: str) -> set[str]:
        """The path words of ``text`` that hold one of the last components (a superset of those ending with one)."""
        if len(self.spellable) > FEW_NAMES:
            return set(PATH_WORD.findall(text))
        words: set[str] = set()
        reverse = ""
        for name in self.spellable:
            at = text.find(name)
            while at != -1:  # the whole word around the name: its characters to the right, then to the left
                end = PATH_CHARS.match(text, at).end()
                reverse = reverse or text[::-1]
                words.add(text[len(text) - PATH_CHARS.match(reverse, len(text) - at).end():end])
                at = text.find(name, end)  # the name holds no separator: its next occurrence is in a later word
        return words

    def mentioned_by(self, source: str, text: str) -> set[str]:
        """Paths that ``text`` (the content of ``source``) points at by path, file name, folder or import."""
        found: set[str] = set()
        here = posixpath.dirname(source)
        for word in self.words_naming_parts(text):
            word = word.rstrip(".")
            if not word:
                continue
            parts = word.strip("/").split("/")
            if parts[-1] not in self.last_parts:
                continue
            found.update(self.by_name.get(parts[-1], ()))
            for i in range(len(parts)):  # every tail: `skill/scripts/x.py` also names `scripts/x.py`
                tail = "/".join(parts[i:])
                found.update(self.by_folder.get(tail, ()))  # `see assets/templates/`
                resolved = posixpath.normpath(posixpath.join(here, tail))
                if resolved in self.by_path:
                    found.add(resolved)
                if any(c.isalnum() for c in tail):  # not a bare `./` or `../`
                    found.update(self.by_folder.get(resolved, ()))
        for imported in set(IMPORTED.findall(text)) if self.by_stem else ():
            for part in MODULE_SEPARATOR.split(imported):
                found.update(self.by_stem.get(part, ()))
                if "-" in part:  # `\bstem\b` inside `stem-extra`
                    found.update(self.by_stem.get(part.split("-", 1)[0], ()))
        found.update(p for p in self.odd_names if p.rsplit("/", 1)[-1] in text)
        return found
