"""Solidification: the analysis in `analyze`, and the extraction fix leaving a skill that lints no worse."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

import skvm_lint
from skvm_lint.analyses import solidification
from skvm_lint.cli import main
from skvm_lint.config import Config
from skvm_lint.pipeline import process_skill
from skvm_lint.fix_engine import fix_skill
from skvm_lint.parsing.code import extract_facts
from skvm_lint.selection import select_rules

from .conftest import write_skill

SKILL = """---
name: case-skill
description: Converts and searches data. Use when asked to convert a CSV file or search the catalogue.
---
# Data

## Convert CSV

Save this as convert.py and run it, replacing <INPUT> with the file:

```python
import sys, csv, json
rows = list(csv.DictReader(open("<INPUT>")))
json.dump(rows, sys.stdout, indent=2)
```

## Search

```bash
curl -s "https://api.example.org/search?q={query}" | jq '.items[] | select(.name == "<NAME>")'
```

## Report

```bash
python3 {baseDir}/scripts/report.py data.json
```
"""


def _skill(tmp_path: Path) -> Path:
    return write_skill(tmp_path / "case-skill", {"SKILL.md": SKILL, "scripts/report.py": "print('report')\n"})


def _one_candidate(make_skill, code: str, section: str = "Step") -> tuple[Path, solidification.Candidate]:
    """A skill whose one shell fence, introduced as code to run each time, is its one candidate."""
    root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## {section}\n\n"
                                   f"Run this each time:\n\n```bash\n{code.rstrip()}\n```\n"})
    (candidate,) = solidification.analyze(skvm_lint.load(root)).candidates
    return root, candidate


def test_analyze_lists_candidates_and_tokens(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", "--format", "json", str(_skill(tmp_path))])
    assert result.exit_code == 0, result.output
    output = json.loads(result.output)
    record = output[0] if isinstance(output, list) else output
    solid = record["solidification"]
    assert [(c["line"], c["language"]) for c in solid["candidates"]] == [(11, "python"), (19, "shell")]
    assert [p["placeholder"] for p in solid["candidates"][1]["parameters"]] == ["{query}", "<NAME>"]
    assert solid["tokens_per_run"] > solid["tokens_per_run_after_extraction"] > 0


def test_extraction_parses_and_lints_no_worse(tmp_path: Path) -> None:
    root = _skill(tmp_path)
    everything = tuple(rule.id for rule in select_rules(["ALL"]))
    before = process_skill(str(root), False, everything, Config()).diagnostics
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    assert len(report.applied) == 2, report
    created = sorted(p.relative_to(root).as_posix() for p in (root / "scripts").iterdir())
    assert created == ["scripts/convert-csv.py", "scripts/report.py", "scripts/search.sh"]
    for rel, language in (("scripts/convert-csv.py", "python"), ("scripts/search.sh", "shell")):
        source = (root / rel).read_text(encoding="utf-8")
        assert not extract_facts(source, language, rel).syntax_errors
        assert (root / rel).stat().st_mode & 0o100, "extracted scripts are executable"
    compile((root / "scripts/convert-csv.py").read_text(encoding="utf-8"), "convert-csv.py", "exec")  # parses only
    after = process_skill(str(root), False, everything, Config()).diagnostics
    errors = lambda diags: [d for d in diags if d.severity.name == "ERROR"]  # noqa: E731
    assert len(errors(after)) <= len(errors(before)), [d.message for d in errors(after)]
    assert not [d for d in after if d.rule in ("ST004", "ST007", "SO001")], [d.message for d in after]


def test_diff_shows_the_new_file_and_writes_nothing(tmp_path: Path) -> None:
    root = _skill(tmp_path)
    original = (root / "SKILL.md").read_text(encoding="utf-8")
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True, diff_only=True)
    assert any("/dev/null" in d and "convert-csv.py" in d for d in report.diffs)
    assert (root / "SKILL.md").read_text(encoding="utf-8") == original
    assert not (root / "scripts/convert-csv.py").exists()


def test_a_script_that_cannot_be_written_drops_its_whole_fix(tmp_path: Path, monkeypatch) -> None:
    import skvm_lint.fix_engine as apply

    root = _skill(tmp_path)
    real_write = apply.atomic_write

    def failing_write(path: Path, text: str) -> None:
        if path.name == "convert-csv.py":
            raise OSError(28, "No space left on device")
        real_write(path, text)

    monkeypatch.setattr(apply, "atomic_write", failing_write)
    report = fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    skill_md = (root / "SKILL.md").read_text(encoding="utf-8")
    assert "convert-csv.py" not in skill_md and 'open("<INPUT>")' in skill_md  # that fence is untouched
    assert "scripts/search.sh" in skill_md  # the other extraction went through
    assert any("not created" in line for line in report.skipped), report.skipped


def test_what_is_not_code_the_agent_composes(make_skill):
    """Issue 22's false patterns: none of these fences is a candidate."""
    fences = {
        "awk and jq programs": "```bash\nawk '{print $3}' access.log | sort | uniq -c\n"
                               "jq '.items[] | {name: .n}' data.json | head\n```",
        "a Python heredoc": "```bash\npython3 << 'EOF'\nname = 'x'\nprint(f\"{name}\")\nEOF\n```",
        "a shell function's arguments": "```bash\nlog() {\n  echo \"$1\" | tee -a run.log\n}\n```",
        "one long command": "```bash\ncurl -X POST https://api.example.org/items \\\n  -H \"Authorization: Bearer "
                            "YOUR_TOKEN\" \\\n  -d '{\"name\": \"<NAME>\"}'\n```",
        "alternatives": "```bash\nnpm install -g <PACKAGE_NAME>\n# or\nyarn global add <PACKAGE_NAME>\n```",
        "a bundled script through the client's folder variable":
            "```bash\npython3 ${CLAUDE_SKILL_DIR}/scripts/run.py --city <CITY> | jq .temp\n```",
        "a hub install path": "```bash\npython3 ~/.openclaw/skills/case-skill/scripts/run.py <CITY> | jq .\n```",
        "TypeScript generics": "```typescript\nfunction first<T>(items: T[]): T {\n  const [head] = items;\n"
                               "  console.log(head);\n  return head;\n}\nfirst([1, 2]);\n```",
        "an example section": "## Examples\n\n```bash\ncurl -s \"https://api.example.org/?q=<QUERY>\" | jq .\n```",
        "a shown program": "Here is how the library reads a file:\n\n```python\n" + "x = load('a.csv')\n" * 16 + "```",
        "one request with a here-document body": "Run this each time:\n\n```bash\ncurl -sS -X POST "
                                                 "\"https://api.example.org/v2/filter\" \\\n  -H \"X-Api-Key: $KEY\" "
                                                 "\\\n  --data-binary @- <<'JSON'\n{\"parentId\": \"PARENT_UUID\", "
                                                 "\"limit\": 50}\nJSON\n```",
        "text echoed into one command": "Run this each time:\n\n```bash\necho \"Additional content\" | notes "
                                        "add-text --id \"<NOTE_ID>\" --mode append --token-file ~/.notes/token\n```",
        "bundled scripts through a placeholder folder": "```bash\nbash <path-to-skill>/scripts/check.sh && \\\n"
                                                         "python3 <path-to-skill>/scripts/shot.py --app \"<App>\" "
                                                         "--mode temp\n```",
        "the noun run": "The model can call these tools during a run:\n\n```python\n"
                        + "x = load('a.csv')\n" * 16 + "```",
        "a script's own argument with a default": "```bash\n# script/test\n#!/bin/bash\ncase \"${1:-unit}\" in\n"
                                                  "  unit) cd core && swift test | tee unit.log ;;\n"
                                                  "  ui) xcodebuild test -scheme App | tee ui.log ;;\nesac\n```",
        "a run word only in inline code": "The `execute()` function runs the agent:\n\n```python\n"
                                          + "x = load('a.csv')\n" * 16 + "```",
    }
    for what, fence in fences.items():
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Step\n\n{fence}\n",
                           "scripts/run.py": "print(1)\n"})
        assert solidification.analyze(skvm_lint.load(root)).candidates == (), what


def test_code_in_a_reference_counts_only_when_skill_md_runs_it(make_skill):
    fence = "```bash\ncurl -s \"https://api.example.org/search?q=<QUERY>&limit=20\" | jq -r '.items[] | .title'\n```\n"
    for line, expected in (("See references/api.md for details.", 0), ("Run the steps in references/api.md.", 1)):
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n{line}\n",
                           "references/api.md": f"## Search\n\n{fence}"})
        assert len(solidification.analyze(skvm_lint.load(root)).candidates) == expected, line


def test_cards_crontab_lines_examples_and_shipped_scripts_are_not_candidates(make_skill):
    fences = {
        "a card with end-of-line comments": "```bash\nhandler.sh sync <peer> $WS   # Bi-directional sync\n"
                                            "handler.sh push <peer> $WS   # Push to peer\n"
                                            "handler.sh diff <peer> $WS | less -R   # Show differences\n```",
        "a crontab entry": "```bash\n*/5 * * * * cd ~/clawd && python3 monitor.py watch --callsign <CALLSIGN> | tee a\n```",
        "an Examples: intro": "**Examples:**\n\n```bash\nvercel logs <deployment-id> --json | jq 'select(.level == "
                              "\"error\")'\n```",
        "a shipped script": "The script is at `scripts/tool`:\n\n```bash\n#!/bin/bash\nfile=\"$1\"\n"
                            "grep -c x \"$file\" | tee count.txt\nwc -l \"$file\" | tee -a count.txt\n```",
    }
    for what, fence in fences.items():
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Step\n\n{fence}\n",
                           "scripts/tool": "#!/bin/bash\nfile=\"$1\"\ngrep -c x \"$file\" | tee count.txt\n"
                                           "wc -l \"$file\" | tee -a count.txt\n"})
        assert solidification.analyze(skvm_lint.load(root)).candidates == (), what


def test_the_extracted_command_names_the_folder_as_the_skill_does(make_skill):
    fence = "```bash\ncurl -s \"https://api.example.org/search?q=<QUERY>&limit=20\" | jq -r '.items[] | .title'\n```\n"
    for convention in ("${CLAUDE_SKILL_DIR}", "$SKILL_DIR", "~/.openclaw/skills/case-skill"):
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\nRun `bash {convention}/run.sh`."
                                       f"\n\n## Search\n\n{fence}"})
        (candidate,) = solidification.analyze(skvm_lint.load(root)).candidates
        assert solidification.invocation(candidate).startswith(f"bash {convention}/scripts/search.sh"), convention


def test_a_fence_that_needs_another_fence_is_not_extracted(make_skill):
    """A script cut out of SKILL.md must run alone: a function or a variable set in another fence stays behind, so
    the finding says to extract by hand and offers no fix. An exported variable is inherited, so it does not count."""
    helpers = "```bash\nsign() {\n  echo -n \"$1\" | openssl dgst -sha256 -hmac \"$SECRET\"\n}\n" \
              "TIMESTAMP=$(date +%s)\nexport API_HOST=api.example.org\n```\n"
    uses = {"a function": ("sign \"<ORDER_ID>\" | tee sig.txt", ["`sign`"]),
            "a variable": ("echo \"<ORDER_ID> $TIMESTAMP\" | tee sig.txt", ["`TIMESTAMP`"]),
            "an exported variable": ("echo \"<ORDER_ID> $API_HOST\" | tee sig.txt", [])}
    for what, (line, missing) in uses.items():
        fence = f"```bash\n{line}\ncurl -s \"https://$API_HOST/orders/<ORDER_ID>\" | jq .status\n```\n"
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Setup\n\n{helpers}\n"
                                       f"## Check an order\n\n{fence}"})
        (candidate,) = solidification.analyze(skvm_lint.load(root)).candidates
        assert candidate.safe is not bool(missing), what
        assert all(name in " ".join(candidate.unsafe_reasons) for name in missing), (what, candidate.unsafe_reasons)


def test_slots_the_script_cannot_fill_are_not_extracted(make_skill):
    """A fence whose slots are text the agent writes (a note appended to memory), or whose placeholder sits in a
    quoted here-document, would become a script that writes the slot as it is: by hand, no fix."""
    fences = {
        "a slot for prose": "cat >> \"$HOME/memory/today.md\" << EOF\n## Channel #<channel-name>\n"
                            "- <bullet points of critical context>\nEOF\n"
                            "grep -c '##' \"$HOME/memory/today.md\" | tee n",
        "a prompt for the user": "echo -n 'Paste the code: '\nread CODE\ncurl -s -d \"code=$CODE&id=<CLIENT_ID>\" "
                                 "https://api.example.org/token | jq .access_token",
        "an agent tool call": "bash command:\"\ncurl -s \\\"https://api.example.org/search?q=<QUERY>\\\" | jq .items\n\"",
        "a quoted here-document": "cat << 'EOF' > req.json\n{\"file\": \"<INPUT_FILE>\"}\nEOF\n"
                                  "curl -s -d @req.json https://api.example.org/v1/jobs | jq .id",
        "loading a .env for what follows": "for f in .env \"$HOME/.env\"; do\n  [ -f \"$f\" ] && eval \"$(grep -E "
                                           "'^API_(ID|TOKEN)=' \"$f\" | sed 's/^/export /')\"\ndone\n"
                                           "curl -s \"https://api.example.org/<ACCOUNT_ID>/jobs\" | jq .total",
        "code left out": "curl -s -X POST \"https://api.example.org/trips?from=<FROM>\" -d '{ ... }' | jq .trips",
    }
    for what, code in fences.items():
        _root, candidate = _one_candidate(make_skill, code)
        assert not candidate.safe and candidate.unsafe_reasons, what


def test_a_placeholder_in_an_unquoted_here_document_is_expanded_bare(make_skill, tmp_path):
    """In a here-document's body quotes are literal text: the parameter is ${1}, not "${1}"; and YOUR_WALLET inside
    <YOUR_WALLET> is one slot, one argument."""
    code = ("cat > request.json << EOF\n{\"wallet\": \"<YOUR_WALLET>\", \"note\": \"don't retry\"}\nEOF\n"
            "curl -s -d @request.json https://api.example.org/v1/routes | jq '.routes[0]'")
    root, candidate = _one_candidate(make_skill, code, "Routes")
    assert [p.placeholder for p in candidate.parameters] == ["<YOUR_WALLET>"]
    fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    script = (root / candidate.script_path).read_text(encoding="utf-8")
    assert '{"wallet": "${1}", "note": "don\'t retry"}' in script and '"$#" -lt 1' in script
    assert not extract_facts(script, "shell", candidate.script_path).syntax_errors


def test_a_script_file_keeps_its_own_arguments_and_a_template_needs_a_placeholder(make_skill):
    """A fence that starts with #! is a script file: its $1 is its own argument (no usage guard, no "<ARG1>" in
    SKILL.md), so the script is a candidate only as a program the agent is told to run. A fence introduced as a
    template to adapt, with nothing marked as varying, is not extracted as is."""
    script = ("#!/bin/bash\n# sync.sh - keep the notes folder and the cloud copy alike\nDIR=\"$HOME/sync\"\n"
              "LOG=\"$HOME/.sync.log\"\nmkdir -p \"$DIR\"\ndate >> \"$LOG\"\ncase \"$1\" in\n"
              "  push) rsync -a ./ \"$DIR/\" | tail -1 ;;\n  pull) rsync -a \"$DIR/\" ./ | tail -1 ;;\n"
              "  *) echo \"usage: $0 push|pull\" ;;\nesac\necho done >> \"$LOG\"")
    root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Sync\n\n```bash\n{script}\n```\n"})
    assert solidification.analyze(skvm_lint.load(root)).candidates == ()
    root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Sync\n\nRun this script:\n\n"
                                   f"```bash\n{script}\n```\n"}, name="sync-skill")
    (candidate,) = solidification.analyze(skvm_lint.load(root)).candidates
    assert "program" in candidate.reasons and candidate.parameters == [] and candidate.safe
    assert solidification.invocation(candidate) == "bash {baseDir}/scripts/sync.sh"
    template = ("queries=(\n  'CRISPR 2024'\n  'mRNA advances'\n)\nfor q in \"${queries[@]}\"; do\n"
                "  curl -s \"https://api.example.org/search?q=$q\" | jq '.items[0]' > \"out-$q.json\"\n"
                "  sleep 2\ndone")
    root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Batch\n\nUse this template and "
                                   f"adapt it:\n\n```bash\n{template}\n```\n"}, name="other-skill")
    (candidate,) = solidification.analyze(skvm_lint.load(root)).candidates
    assert "template" in candidate.reasons and not candidate.safe
    assert "no placeholder" in " ".join(candidate.unsafe_reasons)


def test_the_script_takes_the_name_the_intro_gives_it_and_its_usage_text_is_no_parameter(make_skill):
    """"Save this as `scripts/fetch.sh`" names the script: the fix writes it there. `<file>` in the script's own
    usage message is documentation, not a stand-in to fill."""
    script = ("#!/bin/bash\nFILE=\"$1\"\nif [ -z \"$FILE\" ]; then\n  echo \"Usage: $0 <file>\"\n  exit 1\nfi\n"
              "curl -s -X POST https://api.example.org/v2/extract --data-binary \"@$FILE\" | jq -r .text\n"
              "date >> ~/.extract.log\necho done\nwc -c \"$FILE\"\n")
    root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Extract\n\nSave this as "
                                   f"`scripts/fetch.sh` and run it:\n\n```bash\n{script}```\n"})
    (candidate,) = solidification.analyze(skvm_lint.load(root)).candidates
    assert candidate.script_path == "scripts/fetch.sh" and candidate.parameters == []
    fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    assert (root / "scripts/fetch.sh").read_text(encoding="utf-8").count('"Usage: $0 <file>"') == 1


def test_a_here_document_fed_by_values_set_in_the_fence_is_composed(make_skill):
    """A here-document is a command's input, except when values the fence sets flow into it: then the fence is a
    small program with those values as its parameters."""
    code = ("TARGET=\"<agent-id-to-find>\"\nDIR=~/.agents\ncat > \"$DIR/contacts/${TARGET}.json\" <<EOF\n"
            "{\"agent_id\": \"$TARGET\", \"key\": \"<hex-pubkey>\", \"trusted\": false}\nEOF\n")
    _root, candidate = _one_candidate(make_skill, code, "Save a contact")
    assert [p.placeholder for p in candidate.parameters] == ["<hex-pubkey>"]


def test_a_word_in_angle_brackets_inside_a_file_name_is_a_parameter(make_skill, tmp_path):
    """`bing_<slot>.html` would be two redirections as shell: the word is the skill's stand-in, so the script takes
    it as an argument and no `<slot>` is left in it."""
    code = ("curl -sSL \"https://www.example.org/images/search?q=<QUERY>\" -o .search/bing_<slot>.html\n"
            "grep -oE 'murl:https?://[^&]+' .search/bing_<slot>.html | sed 's/murl://' | sort -u | head -20")
    root, candidate = _one_candidate(make_skill, code, "Search")
    assert [p.placeholder for p in candidate.parameters] == ["<QUERY>", "<slot>"]
    fix_skill(str(root), ("SO001",), Config(), unsafe=True)
    script = (root / candidate.script_path).read_text(encoding="utf-8")
    assert "<slot>" not in script and not extract_facts(script, "shell", candidate.script_path).syntax_errors


def test_a_fence_that_exports_for_the_fences_after_it_is_not_extracted(make_skill):
    """`export TOKEN=$(...)` read by the next fence sets the agent's environment: a script run with bash could not."""
    first = ("curl -s -d \"user=<USER_NAME>\" https://api.example.org/login | jq -r .token > token.txt\n"
             "export TOKEN=$(cat token.txt)")
    root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Log in\n\nRun this each time:\n\n"
                                   f"```bash\n{first}\n```\n\n## List\n\n```bash\ncurl -s -H \"Authorization: $TOKEN\" "
                                   f"https://api.example.org/items\n```\n"})
    (candidate,) = solidification.analyze(skvm_lint.load(root)).candidates
    assert not candidate.safe and any("source" in r for r in candidate.unsafe_reasons)
