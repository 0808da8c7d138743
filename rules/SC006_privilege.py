"""Permissions raised or loosened.

## What it does
Reports `chmod` of setuid/setgid bits, world-writable modes (`777`, `o+w`), edits of sudo rules
(`/etc/sudoers`, `NOPASSWD`), and, in bundled scripts, `sudo` for anything but a package manager (info).

## Why it matters
World-writable files let any local user change what the skill runs next; setuid and sudoers edits turn a skill
into a privilege escalation.

## Example
```bash
chmod 777 ~/.local/bin/tool
```

## Fix
Grant only what is needed (`chmod 755`, `u+x`); never change who may become root.
"""

import re

from skvm_lint.diagnostics import Severity
from skvm_lint.security_rule import SecurityRule
from skvm_lint.vocabulary import PRIVILEGED_TOOLS


class Privilege(SecurityRule):
    id = "SC006"
    name = "privilege"
    family = "privilege"
    severity = Severity.WARNING

    def detect(self, skill, facts, out):

        for unit in facts.units:
            for command in unit.facts.commands:
                program = command.program.lower()
                text = command.text
                if program == "chmod":
                    mode = " ".join(command.argv[1:])
                    if re.search(r"(^|\s)([ugoa]*\+[rwx]*s|[24][0-7]{3})\b", mode):
                        out.add("setuid", 3 if unit.where == "script" else 2, unit.context, command.span,
                                "sets the setuid/setgid bit: the program then runs with its owner's rights",
                                "never set setuid on files a skill ships")
                    elif re.search(r"(^|\s)(0?777|0?666|a\+rwx|o\+w|a\+w)\b", mode):
                        out.add("world-writable", 2 if unit.where == "script" else 1, unit.context,
                                command.span, f"`chmod {mode}` lets every user on the machine change the files",
                                "grant only what is needed (e.g. `chmod 755` or `u+x`)")
                if command.via == "sudo" and program not in PRIVILEGED_TOOLS and unit.where == "script" and \
                        not re.search(r"/etc/sudoers|NOPASSWD", text):
                    out.add("sudo", 1, unit.context, command.span,
                            f"the script runs `{program}` as root", "say in SKILL.md why root is needed, or avoid it")
                if program in ("tee", "cp", "mv", "sed") and re.search(r"/etc/sudoers|NOPASSWD", text):
                    out.add("sudoers", 3, unit.context, command.span, "edits sudo rules",
                            "a skill must never change who may become root")
