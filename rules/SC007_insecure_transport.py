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

from skvm_lint.analyses.security import report_family
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class InsecureTransport(Rule):
    id = "SC007"
    name = "insecure-transport"
    groups = ("security",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        return report_family(self, skill, ctx, "insecure-transport")
