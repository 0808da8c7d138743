"""A bundled TypeScript script has no stated way to run it.

## What it does
Reports a skill with TypeScript scripts (`.ts`, `.mts`, `.tsx`; not an excerpt of another project, which imports
through that project's path aliases such as `~/lib/db` or from outside the skill's folder; not a module another of
the skill's files imports, nor one whose top level only imports, declares and exports, which its host or importer
loads, nor a host plugin's code, such as an OpenClaw hook's `handler.ts` beside its `HOOK.md`; not a script whose
shebang names its runner, such as `#!/usr/bin/env -S npx tsx`) whose SKILL.md, hub
metadata and `package.json` never name a runner that executes TypeScript: `tsx`, `ts-node`, `bun`, `deno`, or a
build step (`tsc`, `npm run build`).

## Why it matters
`node script.ts` fails on most installed Node versions; the agent then guesses between runners, installs one, or
gives up. The runner is a dependency like any other.

## Example
```
scripts/fetch.ts   and SKILL.md says: run `node scripts/fetch.ts`
```

## Fix
Say how to run it (`npx tsx scripts/fetch.ts`, `bun scripts/fetch.ts`) and declare the runner, or ship the
compiled JavaScript.
"""


from skvm_lint.analyses.dependencies import host_plugin_code, imported_by_another, project_excerpts
from skvm_lint.diagnostics import Severity
from skvm_lint.lazy_re import lazy
from skvm_lint.model import is_type_declaration
from skvm_lint.rule import Rule

RUNNERS = lazy(r"\b(tsx|ts-node|bun|bunx|deno|tsc|esbuild|npm run build|pnpm build|yarn build)\b")


class InterpreterUnstated(Rule):
    id = "DP006"
    name = "interpreter-unstated"
    groups = ("dependencies",)
    severity = Severity.WARNING

    def check(self, skill, ctx):
        # Only entry points: a module another file imports runs through it, and one whose top level only imports,
        # declares and exports (`export default function (api) {...}`, a docs site's `_meta.ts`) runs when its host
        # or importer loads it (``CodeFacts.library``), as a host plugin's does (a hook's handler.ts beside its
        # HOOK.md). A script whose shebang names its runner (`#!/usr/bin/env npx ts-node`) states it where it is run.
        not_run_alone = imported_by_another(skill) | project_excerpts(skill) | host_plugin_code(skill)
        scripts = [f for f in skill.files if f.kind == "script" and f.language == "typescript"
                   and not is_type_declaration(f.path) and f.path not in not_run_alone
                   and not (f.shebang and RUNNERS.search(f.shebang))
                   and not (f.code is not None and f.code.library)]
        if not scripts:
            return
        manifests = " ".join(f.text or "" for f in skill.files if f.path.rsplit("/", 1)[-1] == "package.json")
        if RUNNERS.search(skill.skill_md_text) or RUNNERS.search(manifests):
            return
        yield self.report(skill, scripts[0].path, f"{len(scripts)} TypeScript script(s) and no stated runner "
                          "(tsx, bun, deno, ts-node or a build step)",
                          hint="say how to run it, e.g. `npx tsx " + scripts[0].path + "`, and declare the runner")
