"""TLS verification turned off, or a server open to every network.

## What it does
Reports `verify=False`, `ssl._create_unverified_context`, `CERT_NONE`, `curl -k`, `wget
--no-check-certificate`, `NODE_TLS_REJECT_UNAUTHORIZED=0`, `rejectUnauthorized: false`, and servers bound to
`0.0.0.0` (a warning in a script that shows no sign of authentication, info otherwise).

## Why it matters
Without certificate checks anyone on the network path can read and change the traffic, API keys included. A
server on 0.0.0.0 is reachable from the café's Wi-Fi.

## Example
```python
requests.get(url, verify=False)
```

## Fix
Remove the switch; pass a CA bundle for private CAs. Bind to 127.0.0.1 unless remote access is the point, and
then require authentication.
"""

import re

from skvm_lint.analyses import security as sec
from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import Span
from skvm_lint.security_rule import SecurityRule

VERIFY_OFF = lazy(r"verify\s*=\s*False")
TLS_OFF_TEXT = lazy(r"NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['\"]?0|PYTHONHTTPSVERIFY\s*=\s*['\"]?0|"
                    r"rejectUnauthorized\s*:\s*false|sslVerify\s*[= ]\s*false|strict-ssl\s+false|"
                    r"_create_unverified_context|CERT_NONE|check_hostname\s*=\s*False|InsecureSkipVerify:\s*true",
                    needs=("NODE_TLS_REJECT_UNAUTHORIZED", "PYTHONHTTPSVERIFY", "rejectUnauthorized", "sslVerify",
                           "strict-ssl", "_create_unverified_context", "CERT_NONE", "check_hostname",
                           "InsecureSkipVerify"))
ALL_INTERFACES = lazy(r"(?:host\s*=\s*|--host[= ]|--bind[= ]|-H\s+|listen\([^)]*)['\"]?0\.0\.0\.0\b",
                      needs=("0.0.0.0",))
AUTH_HINT = lazy(r"auth|token|password|api[_-]?key", re.IGNORECASE)


class InsecureTransport(SecurityRule):
    id = "SC007"
    name = "insecure-transport"
    family = "insecure-transport"
    severity = Severity.WARNING

    def detect(self, skill, facts, out):

        for unit in facts.units:
            for command in unit.facts.commands:
                program = command.program.lower()
                text = command.text
                if program == "curl" and re.search(r"\s(-k|--insecure)\b", text) or \
                        program == "wget" and "--no-check-certificate" in text:
                    out.add("tls-disabled", 2 if unit.where == "script" else 1, unit.context,
                            command.span, f"`{program}` with certificate checks turned off: anyone on the path can "
                            "change the response", "remove the flag; fix the certificate or pin it")
            for call in sec.calls(unit.facts):
                name, args = call.name, call.arguments
                if "verify" in args and VERIFY_OFF.search(args):
                    out.add("tls-disabled", 2 if unit.where == "script" else 1, unit.context,
                            call.span, f"`{name}` with verify=False: anyone on the path can change the response",
                            "remove verify=False; pass the CA bundle if the server uses a private CA")
            text = unit.text
            lowered = unit.where == "script"
            for number, line in sec.code_lines_with(text, TLS_OFF_TEXT):
                if not sec.prints(line):
                    setting = TLS_OFF_TEXT.search(line).group(0)
                    out.add("tls-disabled", 2 if lowered else 1, unit.context,
                            Span(unit.file, unit.first_line + number - 1),
                            f"`{setting}` turns certificate checks off: anyone on the path can change responses",
                            "remove it; fix or pin the certificate instead")
            for number, line in sec.code_lines_with(text, ALL_INTERFACES):
                if not sec.prints(line):
                    guarded = AUTH_HINT.search(text)
                    out.add("all-interfaces", 1 if guarded or not lowered else 2, unit.context,
                            Span(unit.file, unit.first_line + number - 1),
                            "serves on 0.0.0.0, reachable from every network the machine is on",
                            "bind to 127.0.0.1 unless remote access is the point, and then require authentication")
