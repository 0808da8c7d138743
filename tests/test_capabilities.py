"""Capability inference: SkVM's output shape, evidence spans that point at real lines, and the detectors' levels."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import skvm_lint
from skvm_lint.analyses.capabilities import PRIMITIVES, analyze

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples"
SKVM_SAMPLE = Path(__file__).resolve().parent.parent.parent / "shared" / "skvm-data" / "skills" / "builder"


def levels(files, make_skill, name: str = "case-skill") -> dict[str, int]:
    return {k: f.level for k, f in analyze(skvm_lint.load(make_skill(files, name))).demands.items()}


def test_shape_matches_skvm_capability_analysis():
    caps = skvm_lint.analyze(EXAMPLES / "weather-report")["capabilities"]
    assert set(caps) == {"skill_name", "purposes", "unmatched_requirements"}
    purpose = caps["purposes"][0]
    assert set(purpose) == {"id", "description", "current_path", "alternative_paths"}
    for primitive in purpose["current_path"]["primitives"]:
        assert primitive["id"] in PRIMITIVES and primitive["min_level"] in ("L1", "L2", "L3")
        assert primitive["evidence"] and primitive["spans"]
    if SKVM_SAMPLE.is_dir():  # the keys SkVM itself emits
        theirs = json.loads((SKVM_SAMPLE / "capability-analysis-llm.json").read_text())
        assert set(theirs) == set(caps)
        assert set(theirs["purposes"][0]) == set(purpose)


def test_spans_point_at_the_evidence():
    skill = skvm_lint.load(EXAMPLES / "weather-report")
    lines = skill.skill_md_text.split("\n")
    found = analyze(skill).demands
    shell = found["gen.code.shell"]
    assert shell.span.file == "SKILL.md" and lines[shell.span.line - 1].startswith(("```", "   ```"))
    assert found["follow.procedure"].level == 1 and "3 ordered steps" in found["follow.procedure"].evidence


def test_shell_levels(make_skill):
    base = "---\nname: case-skill\ndescription: x\n---\n"
    assert levels({"SKILL.md": base + "```bash\nls -la\n```\n"}, make_skill)["gen.code.shell"] == 1
    assert levels({"SKILL.md": base + "```bash\nls | grep x > out.txt\n```\n"}, make_skill)["gen.code.shell"] == 2
    piped = base + "```bash\nfind . -name '*.log' | xargs grep -l ERROR | sed 's/x/y/'\n```\n"
    assert levels({"SKILL.md": piped}, make_skill)["gen.code.shell"] == 3
    # words of a quoted argument are no loop, `&&` or redirection ("GraphQL for our public API", "Format > Font")
    for line in ('npx ai-adr "Switching to GraphQL for our public API"', "peekaboo click --path 'Format > Font'"):
        assert levels({"SKILL.md": base + f"```bash\n{line}\n```\n"}, make_skill, "quoted")["gen.code.shell"] == 1
    assert levels({"SKILL.md": base + "```bash\nfor f in *.md; do wc -l \"$f\"; done\n```\n"}, make_skill,
                  "loop")["gen.code.shell"] == 2


def test_code_to_write_is_read_in_the_references_skill_md_names(make_skill):
    """The Python a skill has the agent write is often in the reference it sends the agent to; a plan or note it
    never names is for its authors."""
    fence = "```python\nimport asyncio\n\nasync def main():\n    await asyncio.sleep(1)\n\nasyncio.run(main())\n```\n"
    base = "---\nname: case-skill\ndescription: x\n---\n# Async\n\n"
    named = levels({"SKILL.md": base + "For the patterns, open `references/patterns.md`.\n",
                    "references/patterns.md": "## Gather\n\n" + fence}, make_skill)
    assert named.get("gen.code.python") == 3
    unnamed = levels({"SKILL.md": base + "Write async code.\n", "plans/next.md": "## Plan\n\n" + fence}, make_skill)
    assert "gen.code.python" not in unnamed


def test_a_fence_holding_a_list_of_advice_is_no_code_to_write(make_skill):
    """A ```javascript fence whose every line is a Markdown bullet of words (a template some hubs copy) asks the
    agent to write nothing; a fence of code does."""
    base = "---\nname: case-skill\ndescription: x\n---\n# Chunking\n\n"
    advice = "```javascript\n- Use sentence boundaries\n- Detect topic shifts\n1. Keep overlap\n```\n"
    code = "```javascript\nconst parts = text.split('.');\nfor (const p of parts) {\n  console.log(p);\n}\n```\n"
    assert "gen.code.javascript" not in levels({"SKILL.md": base + advice}, make_skill)
    assert levels({"SKILL.md": base + code}, make_skill).get("gen.code.javascript") == 1
    longer = advice.replace("1. Keep overlap\n", "1. Keep overlap\n- Cap the size\n- Log the splits\n- Retry\n")
    assert "tool.file.write" not in levels({"SKILL.md": base + longer}, make_skill, "longer")


def test_a_fence_of_comments_only_is_no_code_to_write(make_skill):
    """A ```python fence of notes (`# read_file(path) - Read file contents`), or of Markdown headings in a fence that
    was mis-nested (`## The Wrapper Stack`), asks the agent to write no Python and no file; a doc comment template
    (`/** @param ... */`) is what it writes into the code."""
    base = "---\nname: case-skill\ndescription: x\n---\n# Tools\n\n"
    notes = "```python\n# MCP tools become available\n\n# read_file(path) - Read file contents\n" \
        "# write_file(path, content) - Write to file\n# list_directory(path) - List directory contents\n" \
        "# search_files(query) - Search\n```\n"
    found = levels({"SKILL.md": base + notes}, make_skill)
    assert "gen.code.python" not in found and "tool.file.write" not in found
    code = notes.replace("# search_files(query) - Search\n", "files = list_directory('.')\n")
    assert levels({"SKILL.md": base + code}, make_skill, "code").get("gen.code.python") == 1
    doc = ("```typescript\n/**\n * What the function does.\n * @param name - Its parameter\n"
           " * @returns Its value\n */\n```\n")
    assert "gen.code.javascript" in levels({"SKILL.md": base + doc}, make_skill, "doc")


def test_a_playbook_of_code_the_skill_names_is_code_to_write_one_snippet_is_not(make_skill):
    """"Open `resources/implementation-playbook.md`" for twenty Python patterns: the agent writes that code into the
    project, as it would fences in SKILL.md. One helper in a reference (`def reconstruct(...)`) illustrates."""
    skill_md = BASE + "For detailed patterns, open `resources/playbook.md`.\n"
    fence = ("```python\nimport asyncio\n\nasync def main():\n    a = 1\n    b = 2\n"
             "    await asyncio.sleep(a + b)\n```\n")
    found = levels({"SKILL.md": skill_md, "resources/playbook.md": "# Patterns\n\n" + fence + "\n" + fence},
                   make_skill, "two")
    assert found["tool.file.write"] == 1
    assert "tool.file.write" not in levels({"SKILL.md": skill_md, "resources/playbook.md": "# One\n\n" + fence},
                                           make_skill, "one")


def test_procedure_constraints_and_web(make_skill):
    text = ("---\nname: case-skill\ndescription: x\n---\n## Workflow\n1. Fetch the data\n2. Clean it\n"
            "3. Verify the totals match, and repeat until they do\n4. Write the report\n\n"
            "You MUST NOT publish drafts. NEVER include secrets.\n\n"
            "```bash\ncurl -s 'https://api.weather.io/v1/forecast?city=Berlin' | jq .\n```\n")
    found = levels({"SKILL.md": text}, make_skill)
    assert found["follow.procedure"] == 3
    assert found["follow.constraint"] == 1
    assert found["tool.web"] == 2


def test_searching_the_web_with_any_tool_is_web_access(make_skill):
    """"Verify time-sensitive facts via web search", "3. Search the web for related news": the agent reaches the web
    (L1) with whatever tool it has; "DO NOT use web search" and a model's feature ("reasoning with web search") do
    not."""
    for text in ("**Verify time-sensitive facts via web search.** Training data is stale.",
                 "3. Search the web for related news.", "Use web search when current data is needed."):
        assert levels({"SKILL.md": BASE + text + "\n"}, make_skill, "web")["tool.web"] == 1, text
    for text in ("DO NOT use web search if the MCP data sources are available.",
                 "- `sonar-reasoning` - Complex reasoning with web search."):
        assert "tool.web" not in levels({"SKILL.md": BASE + text + "\n"}, make_skill, "none"), text


def test_steps_told_in_prose_open_a_sentence_or_a_clause(make_skill):
    told = BASE + "First, look up the board ID.\n\nCreate the card, and then poll until it is synced.\n"
    assert levels({"SKILL.md": told}, make_skill, "told")["follow.procedure"] == 1
    phrases = BASE + ("- **Safety First**: the borrow checker is the first line of defense.\n"
                      "- Build once, deploy everywhere. Confirm before any reorder.\n")
    assert "follow.procedure" not in levels({"SKILL.md": phrases}, make_skill, "phrases")
    # tips to the user in an advice section, as its numbered lists, are no steps of the agent's
    tips = BASE + "## Tips\n\nFirst, pick one habit.\n\nNail it for three weeks, then add the next one.\n"
    assert "follow.procedure" not in levels({"SKILL.md": tips}, make_skill, "tips")
    assert levels({"SKILL.md": tips.replace("## Tips", "## Usage")}, make_skill, "usage")["follow.procedure"] == 1


def test_numbered_topic_headings_are_no_procedure(make_skill):
    """Numbered headings are steps, unless the numbering is the document's outline or they list alternatives."""
    steps = BASE + "".join(f"## {n}. {t}\n\nDo it.\n\n" for n, t in
                           enumerate(["Gather context", "Draft the plan", "Review it", "Ship it"], 1))
    assert levels({"SKILL.md": steps}, make_skill, "steps")["follow.procedure"] == 1
    outline = BASE + "".join(f"## {n}. {t}\n\nText.\n\n" for n, t in
                             enumerate(["When to Use This Skill", "Token Costs", "Context Limits", "Examples"], 1))
    assert "follow.procedure" not in levels({"SKILL.md": outline}, make_skill, "outline")
    patterns = BASE + "## Collaboration Patterns\n\n" + "".join(
        f"### {n}. {t}\n\nUse when needed.\n\n" for n, t in enumerate(["Hub and Spoke", "Pipeline", "Debate"], 1))
    assert "follow.procedure" not in levels({"SKILL.md": patterns}, make_skill, "patterns")
    checklist = BASE + "## The Checklist\n\n" + "".join(
        f"### {n}. {t}\n\nDo it.\n\n" for n, t in
        enumerate(["Inspect all files", "Search for danger", "Check provenance"], 1))
    assert levels({"SKILL.md": checklist}, make_skill, "checklist")["follow.procedure"] == 1
    # under "Core Concepts" numbered headings are topics; under "Best Practices" or "Tips" a numbered list is too
    concepts = BASE + "## Core Concepts\n\n" + "".join(
        f"### {n}. {t}\n\nText.\n\n" for n, t in enumerate(["Response Models", "Validation", "Retrying"], 1))
    assert "follow.procedure" not in levels({"SKILL.md": concepts}, make_skill, "concepts")
    # a numbered list a label introduces as advice or a catalogue ("Key patterns:"), not a sentence naming such
    # things ("Follow these steps when fixing Raycast features:")
    items = "".join(f"{n}. **{t}** - do it\n" for n, t in enumerate(["Use --json", "Check exit codes", "Save"], 1))
    labelled = BASE + f"## Agent Use\n\nThe CLI is built for agents. Key patterns:\n\n{items}"
    assert "follow.procedure" not in levels({"SKILL.md": labelled}, make_skill, "labelled")
    said = labelled.replace("Key patterns:", "Follow these steps when fixing Raycast features:")
    assert levels({"SKILL.md": said}, make_skill, "said")["follow.procedure"] == 1
    # a table of contents links to the sections: no steps, and no second mention of what their titles say
    contents = BASE + "## Table of Contents\n\n" + "".join(
        f"{n}. [{t}](#{t.lower().replace(' ', '-')})\n" for n, t in
        enumerate(["Core Query API", "Subagent Orchestration", "Session Management", "Permissions"], 1)) \
        + "\n## Subagent Orchestration\n\nConfigure them in `agents`.\n"
    found = levels({"SKILL.md": contents}, make_skill, "contents")
    assert "follow.procedure" not in found and "reason.planning" not in found
    # a library skill's "Core Capabilities" and a guide's "Common Workflows" list kinds of work, one topic each; a
    # guide's topics sit under its title ("# FastAPI Best Practices", "# JavaScript Mastery")
    for title in ("## Core Capabilities", "## Key Features", "## Common Workflows", "# ⚡ FastAPI Best Practices",
                  "# JavaScript Mastery", "# SEO Fundamentals"):
        below = "#" + title.split()[0]  # the heading level under the title's
        topics = BASE + f"{title}\n\n" + "".join(
            f"{below} {n}. {t}\n\nText.\n\n" for n, t in enumerate(["Units", "Coordinates", "Cosmology"], 1))
        assert "follow.procedure" not in levels({"SKILL.md": topics}, make_skill, "topics"), title
    # a numbered list under "Best Practices", or practices of one kind ("## Workflow Best Practices"), is advice
    for title in ("Best Practices", "Workflow Best Practices"):
        tips = BASE + f"## {title}\n\n" + "".join(
            f"{n}. **{t}** - why it helps\n" for n, t in enumerate(["Batch operations", "Index payloads", "Cache"], 1))
        assert "follow.procedure" not in levels({"SKILL.md": tips}, make_skill, "tips"), title
    ordered = BASE + "## Workflow\n\n" + "".join(f"{n}. {t}\n" for n, t in enumerate(["Load", "Encode", "Save"], 1))
    assert levels({"SKILL.md": ordered}, make_skill, "ordered")["follow.procedure"] == 1
    # an "Example Usage" list is often the steps themselves ("This will: 1. Walk ... 2. Create ...")
    example = BASE + "## Example Usage\n\n" + "".join(f"{n}. {t}\n" for n, t in
                                                         enumerate(["Walk the folders", "Write a doc", "Merge"], 1))
    assert levels({"SKILL.md": example}, make_skill, "example")["follow.procedure"] == 1


def test_chinese_constraints_are_recognised(make_skill):
    text = "---\nname: case-skill\ndescription: 代码审查\n---\n你必须先阅读代码。禁止修改测试。\n"
    assert "follow.constraint" in levels({"SKILL.md": text}, make_skill)


BASE = "---\nname: case-skill\ndescription: x\n---\n"


def test_a_capitalised_not_after_a_modal_is_a_hard_rule(make_skill):
    """"Do NOT generate requirements", "should NOT be suppressed": emphatic prohibitions, as "DO NOT" is; "You do NOT
    need to edit it" permits."""
    for text in ("- Do NOT generate requirements, design, or tasks.\n", "These errors should NOT be suppressed.\n"):
        assert "follow.constraint" in levels({"SKILL.md": BASE + text}, make_skill, "rule"), text
    assert "follow.constraint" not in levels({"SKILL.md": BASE + "You do NOT need to edit `config.json`.\n"},
                                             make_skill, "permits")


def test_the_items_of_a_rules_section_are_hard_rules(make_skill):
    """Items under "## Constraints" or "## 9. Anti-Patterns" are rules in whatever words they use; items under "## Lint
    rules" or "## Limitations" describe a tool, and one item alone is not a section of rules."""
    rules = BASE + "## Constraints\n\n- **Right-size to purpose.** Match rigor to stakes.\n- **Length.** Aim for 1-2 pages.\n"
    assert "follow.constraint" in levels({"SKILL.md": rules}, make_skill, "rules")
    table = BASE + "## 9. Anti-Patterns\n\n| Don't | Do |\n|---|---|\n| Publish without dates | Add timestamps |\n" \
        "| Vague attributions | Name sources |\n"
    assert "follow.constraint" in levels({"SKILL.md": table}, make_skill, "table")
    for other in (rules.replace("## Constraints", "## Limitations"), rules.replace("## Constraints", "## Lint rules"),
                  BASE + "## Constraints\n\n- Aim for 1-2 pages.\n"):
        assert "follow.constraint" not in levels({"SKILL.md": other}, make_skill, "other"), other


def test_arithmetic_from_worked_expressions_not_dates(make_skill):
    worked = BASE + "Invoice total: 2M (2×500K + 1×1M).\n"
    assert levels({"SKILL.md": worked}, make_skill)["reason.arithmetic"] == 2
    formula = {"SKILL.md": BASE + "See the guide.\n", "references/decay.md": "new = old * 0.99 - penalty\n"}
    assert levels(formula, make_skill, "formula")["reason.arithmetic"] == 2
    dates = BASE + "Released 2026-01-24; pick 1-10 items, see v1/v2.\n"
    assert "reason.arithmetic" not in levels({"SKILL.md": dates}, make_skill)
    readme = {"SKILL.md": BASE + "Run it.\n", "README.md": "Total = 3 * 4 + 1\n"}  # for people, not the agent
    assert "reason.arithmetic" not in levels(readme, make_skill, "readme")
    # "weighted" describes ("Most weighted signal", "heavily weighted", "probability-weighted scenarios"); a weighted
    # sum or average is computed
    for line in ("1. **Replies** — Most weighted signal", "- Reasoning keywords: 3 points each (heavily weighted)"):
        assert "reason.arithmetic" not in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "said"), line
    assert levels({"SKILL.md": BASE + "Rank them by the weighted average of the scores.\n"}, make_skill,
                  "sum")["reason.arithmetic"] == 1
    # "average" names a metric ("Average session duration", "on average") unless the agent is told to work one out
    for line in ("- **Token Usage**: Average tokens per request", "Items rank lower on average.",
                 "- **Success Rate**: Percentage of valid outputs"):
        assert "reason.arithmetic" not in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "metric"), line
    assert levels({"SKILL.md": BASE + "Average the scores of the three runs.\n"}, make_skill,
                  "verb")["reason.arithmetic"] == 1
    assert levels({"SKILL.md": BASE + "Report what percentage of each column is missing.\n"}, make_skill,
                  "asked")["reason.arithmetic"] == 1
    # a worked calculation with its result in a block of text: the bookkeeping the skill shows the agent doing
    ledger = {"SKILL.md": BASE + "See the guide.\n",
              "references/items.md": "```\n1. 读取背包：疗伤符×5\n2. 扣除数量：5 - 3 = 2\n```\n"}
    assert levels(ledger, make_skill, "ledger")["reason.arithmetic"] == 2
    # code in an unlabelled block computes its constants itself, and a labelled block is code, result or not
    for fence in ("```\ntimeout = 60 * 60 * 24\n```\n", "```python\nassert 2 + 3 == 5  # 2 + 3 = 5\n```\n"):
        assert "reason.arithmetic" not in levels({"SKILL.md": BASE + fence}, make_skill, "code"), fence
    matrix = BASE + "| Criterion | Weight | A | B |\n|---|---|---|---|\n| Cost | 60% | 8/10 | 5/10 |\n" \
        "| Fit | 40% | 6/10 | 9/10 |\n| **Weighted Score** | | **7.2** | **6.6** |\n"
    assert levels({"SKILL.md": matrix}, make_skill, "matrix")["reason.arithmetic"] >= 1


def test_logic_from_decision_rules(make_skill):
    wording = BASE + ('Map user requests to sizes:\n- "small", "low" → `1K`\n- "normal" → `2K`\n'
                      '- "high-res", "4K" → `4K`\n')
    assert "reason.logic" in levels({"SKILL.md": wording}, make_skill)
    scoring = BASE + "Rate other posts based on their quality.\n\n## Decision tree\n\nDecide whether to reply.\n"
    assert levels({"SKILL.md": scoring}, make_skill)["reason.logic"] == 2
    assert "reason.logic" not in levels({"SKILL.md": BASE + "Fetch the weather and print it.\n"}, make_skill)


def test_reading_bundled_references(make_skill):
    files = {"SKILL.md": BASE + "See `references/api.md` and `references/examples.md`.\n",
             "references/api.md": "# API\n", "references/examples.md": "# Examples\n"}
    assert levels(files, make_skill, "two-refs")["tool.file.read"] == 2
    one = {"SKILL.md": BASE + "See `references/api.md`.\n", "references/api.md": "# API\n"}
    assert "tool.file.read" not in levels(one, make_skill, "one-ref")
    # "Refer to" sends the agent to the document; "See" may only cite it
    referred = {"SKILL.md": BASE + "Refer to `references/api.md` for detailed patterns.\n", "references/api.md": "# A\n"}
    assert levels(referred, make_skill, "referred")["tool.file.read"] == 1


def test_reading_a_named_file(make_skill):
    bold = BASE + "1. **Read** `templates/viewer.html` using the Read tool\n"
    assert levels({"SKILL.md": bold}, make_skill, "bold")["tool.file.read"] == 1
    shown = BASE + 'Tell the user: *"Open `preview.html` — which style feels right?"*\n'
    assert "tool.file.read" not in levels({"SKILL.md": shown}, make_skill, "shown")
    browser = BASE + "2. **Test locally** - Open index.html in your browser\n"
    assert "tool.file.read" not in levels({"SKILL.md": browser}, make_skill, "browser")
    tool = BASE + "Use `read_file` to check if `skills/update/SKILL.md` already exists.\n"
    assert levels({"SKILL.md": tool}, make_skill, "tool")["tool.file.read"] == 1
    forbidden = BASE + "Do not use `read_file` on binaries.\n"
    assert "tool.file.read" not in levels({"SKILL.md": forbidden}, make_skill, "forbidden")
    # what is read from a file: "Load config from `_bmad/config.yaml`" reads it; "the script reads the token from
    # `x.json`" says what a program does
    source = BASE + "5. Load config from `{project-root}/_bmad/bmm/config.yaml` and resolve the names.\n"
    assert levels({"SKILL.md": source}, make_skill, "source")["tool.file.read"] == 1
    program = BASE + "The helper script reads the token from `~/.clawdbot/clawdbot.json`.\n"
    assert "tool.file.read" not in levels({"SKILL.md": program}, make_skill, "program")
    for files in ("Read both files, explain their differences.", "Read these three files in order.",
                  "Read the relevant files when detailed guidance is needed."):
        assert levels({"SKILL.md": BASE + files + "\n"}, make_skill, "files")["tool.file.read"] == 1, files


def test_programs_written_inline_in_commands(make_skill):
    """`python3 -c` and `node -e` programs are code the agent writes, levelled by what they import; a probe that a
    module imports, or one call, is not."""
    cases = {"curl -s $URL | python3 -c \"import sys,json; d=json.load(sys.stdin); print(d['temp'])\"": 2,
             "python3 -c \"import yfinance as yf; t = yf.Ticker('AAPL'); print(t.info)\"": 3,
             "node -e \"const fs=require('fs'); console.log(JSON.parse(fs.readFileSync('a.json')))\"": 2}
    for command, level in cases.items():
        found = levels({"SKILL.md": BASE + f"```bash\n{command}\n```\n"}, make_skill, "inline")
        primitive = "gen.code.javascript" if command.startswith("node") else "gen.code.python"
        assert found.get(primitive) == level, command
    for command in ("python3 -c \"import tkinter; print('Ready!')\"", "python3 -c 'print(1)'", "python3 run.py"):
        found = levels({"SKILL.md": BASE + f"```bash\n{command}\n```\n"}, make_skill, "probe")
        assert "gen.code.python" not in found, command


def test_reading_by_searching_the_project(make_skill):
    """Commands that search the user's files have the agent read several of them; a filter of piped text does not."""
    for command in ('find . -name "Dockerfile*" -type f', "grep -rn TODO src/", 'rg "TabView\\("'):
        text = BASE + f"```bash\n{command}\n```\n"
        assert levels({"SKILL.md": text}, make_skill, "search")["tool.file.read"] == 2, command
    for command in ('vmmap "$PID" | rg -m1 __TEXT', "find . -type f | fzf", "grep -n TODO"):
        text = BASE + f"```bash\n{command}\n```\n"
        assert "tool.file.read" not in levels({"SKILL.md": text}, make_skill, "filter"), command


def test_call_format_of_tool_calls_in_a_plain_fence(make_skill):
    """A plain fence of calls to the agent's own tools has it write named arguments; a Python fence is code."""
    calls = BASE + '```\ncron(action="add", message="Time to take a break!", every_seconds=1200)\n```\n'
    assert levels({"SKILL.md": calls}, make_skill, "calls")["tool.call.format"] == 2
    # a call with one object of named arguments, in a JSON fence too; not a library method's in JS code
    json_call = BASE + '```json\nyb_send_dm({ "group_code": "535168412", "name": "aea3", "message": "hello" })\n```\n'
    assert levels({"SKILL.md": json_call}, make_skill, "json-call")["tool.call.format"] == 2
    method = BASE + "```\nctx.replyWithInvoice({\n  title: 'Premium',\n  currency: 'XTR',\n})\n```\n"
    assert "tool.call.format" not in levels({"SKILL.md": method}, make_skill, "method")
    code = BASE + '```python\nclient = Client(api_key="x")\n```\n'
    assert "tool.call.format" not in levels({"SKILL.md": code}, make_skill, "code")
    # a method the skill's own Python calls, named in prose, is the library's API, not one of the agent's tools
    fence = "```python\nimport matplotlib.pyplot as plt\nfig, ax = plt.subplots(figsize=(10, 6))\n```\n"
    api = BASE + fence + "\n- Use `plt.subplots(constrained_layout=True)` for spacing.\n"
    assert "tool.call.format" not in levels({"SKILL.md": api}, make_skill, "api")
    tool = BASE + fence + '\n- Then call `cron(action="add", every_seconds=1200)`.\n'
    assert levels({"SKILL.md": tool}, make_skill, "tool")["tool.call.format"] == 2
    # in a reference SKILL.md sends the agent to, by a bare name; a method there is a library's
    sent = BASE + "Follow `references/workflow.md` to fetch the page.\n"
    fetch = {"SKILL.md": sent,
             "references/workflow.md": '# Fetch\n\n```text\nWebFetch(url="https://example.com/a")\n```\n'}
    assert levels(fetch, make_skill, "fetch")["tool.call.format"] == 2
    emit = {"SKILL.md": sent, "references/workflow.md": "# Events\n\n```\nother.emit(on='finalized')\n```\n"}
    assert "tool.call.format" not in levels(emit, make_skill, "emit")


def test_call_format_quoted_json_and_placeholders(make_skill):
    quoted = BASE + "```bash\nreddit-cli search \"python tutorial\" --sub linux\n```\n"
    assert levels({"SKILL.md": quoted}, make_skill)["tool.call.format"] == 1
    payload = BASE + "```bash\ntool send --data '{\"name\": \"x\"}'\n```\n"
    assert levels({"SKILL.md": payload}, make_skill)["tool.call.format"] == 2
    # {baseDir} and xargs' {} are template placeholders, not JSON
    template = BASE + "```bash\npython3 {baseDir}/scripts/run.py list\nfzf | xargs -I {} cp {} /tmp/\n```\n"
    found = levels({"SKILL.md": template}, make_skill)
    assert "tool.call.format" not in found and "gen.text.structured" not in found
    inline = BASE + "- Patch: `scripts/patch.sh \"/companies/<id>\" '{\"employees\":550}'`\n"
    assert "gen.text.structured" in levels({"SKILL.md": inline}, make_skill)
    # a subscript indexes a value (`rcParams['font.size']`, `.results[0].src`): no array written
    for line in ("Set `plt.rcParams['font.sans-serif']` first.", "Thumbnail: `.results[0].thumbnail.src`"):
        assert "gen.text.structured" not in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "index"), line
    assert "gen.text.structured" in levels({"SKILL.md": BASE + 'Pass `["a", "b"]` as the list.\n'}, make_skill, "list")


def test_the_agents_todo_tool_takes_structured_arguments(make_skill):
    """"Use TodoWrite to create todos for each item", "Track tasks with `todo_write`": a list of todo objects, also
    after a clause with a "no" ("If no concerns: Create TodoWrite"). Not where it is forbidden, nor in an
    anti-pattern's column of what not to do."""
    for i, line in enumerate(("**IMPORTANT: Use TodoWrite to create todos for EACH checklist item below.**",
                              "- Track tasks with `todo_write`", "4. If no concerns: Create TodoWrite and proceed")):
        assert levels({"SKILL.md": BASE + line + "\n"}, make_skill, f"y{i}")["tool.call.format"] == 2, line
    forbidden = BASE + "**Do not call `todo_write` during a review.**\n"
    assert "tool.call.format" not in levels({"SKILL.md": forbidden}, make_skill, "forbidden")
    anti = BASE + ("## Anti-Patterns\n\n| Don't | Do Instead |\n|---|---|\n"
                   "| Use TodoWrite for persistence | Keep a file |\n")
    assert "tool.call.format" not in levels({"SKILL.md": anti}, make_skill, "anti")


def test_commands_a_shell_runs_inline_are_read(make_skill):
    """`bash <<'SCRIPT' ... SCRIPT` runs the commands in it: their quoted GraphQL and nested JSON are filled in."""
    call = ("scripts/api.sh 'mutation stage($input: EnvInput!) { stage(input: $input) }' "
            "'{\"input\": {\"services\": {\"svc-1\": {\"variables\": {\"PORT\": {\"value\": \"3001\"}}}}}}'")
    found = levels({"SKILL.md": BASE + f"```bash\nbash <<'SCRIPT'\n{call}\nSCRIPT\n```\n",
                    "scripts/api.sh": "#!/bin/bash\ncurl -s https://api.example.test -d \"$1\"\n"}, make_skill)
    assert found.get("tool.call.format", 0) >= 2 and "gen.text.structured" in found, found


def test_quoted_variables_are_nothing_to_fill_in(make_skill):
    """`codesign --sign "$IDENTITY" "$APP"` quotes variables for safety, `tr -d '"'` quotes a character and `pip
    install 'crewai[tools]'` a package: no argument the agent fills in. A search term or a format is (`grep -r
    "term"`, `stat -c '%a'`)."""
    for i, line in enumerate(('codesign --sign "$IDENTITY" --verbose=4 "$APP"', 'tr -d \'"\' | base64 -d',
                              "pip install 'crewai[tools]' \"pydantic>=2\"", 'uv pip install "instructor[anthropic]"')):
        found = levels({"SKILL.md": BASE + f"```bash\n{line}\n```\n"}, make_skill, f"n{i}")
        assert "tool.call.format" not in found, line
    for i, line in enumerate(('grep -r "Quantile Regression" references/', "stat -c '%a' ~/.app/config.json")):
        assert levels({"SKILL.md": BASE + f"```bash\n{line}\n```\n"}, make_skill, f"y{i}")["tool.call.format"] == 1



def test_inline_programs_are_code_not_values_to_fill_in(make_skill):
    """`python -c "import torch; print(torch.__version__)"` is copied as it is: its quotes are the program's own. A
    program that marks a value to put in still has one, and a script's `--command "<cmd>"` is no inline program."""
    for i, line in enumerate(('python -c "import torch; print(torch.__version__)"',
                              "osascript -e 'tell application \"Spotify\" to play track \"spotify:artist:4tZ\"'")):
        found = levels({"SKILL.md": BASE + f"```bash\n{line}\n```\n"}, make_skill, f"n{i}")
        assert "tool.call.format" not in found, line
    for i, line in enumerate(("node -e \"const r = require('<path/to/report.json>'); console.log(r)\"",
                              'node qa.mjs --title "<surface>" --command "<cmd>"')):
        assert levels({"SKILL.md": BASE + f"```bash\n{line}\n```\n"}, make_skill, f"y{i}")["tool.call.format"] == 1

def test_web_from_client_code_and_forge_api(make_skill):
    code = BASE + ("```python\nimport requests\n\nresponse = requests.post(URL, json=payload)\n"
                   "print(response.json())\n```\n")
    assert levels({"SKILL.md": code}, make_skill)["tool.web"] == 2
    forge = BASE + "```bash\nglab api projects/:id/issues --paginate\n```\n"
    assert levels({"SKILL.md": forge}, make_skill)["tool.web"] == 2
    # a web framework's session and a cache client are looked up by key, not requested
    lookup = BASE + "```python\nuser = session.get('user')\nname = client.get(\"name\")\n```\n"
    assert "tool.web" not in levels({"SKILL.md": lookup}, make_skill, "lookup")
    fetched = BASE + "```python\nwith requests.Session() as session:\n    r = session.get(f'{BASE}/items')\n```\n"
    assert levels({"SKILL.md": fetched}, make_skill, "fetched")["tool.web"] == 2


def test_web_from_request_lines_of_rest_documentation(make_skill):
    """`GET https://host/path?q=` in a block of SKILL.md or a reference it names is a call the agent makes; a
    placeholder host is the user's own server, which something else calls."""
    skill_md = BASE + "Today's verse:\n\n```\nGET https://api.example.org/v1/verse?format=json\n```\n"
    assert levels({"SKILL.md": skill_md}, make_skill)["tool.web"] == 2
    named = {"SKILL.md": BASE + "Endpoints are in `references/api.md`; follow the cursor to paginate.\n",
             "references/api.md": "## Search\n\n```http\nPOST https://api.a.org/search\n```\n\n"
                                  "## Lookup\n\n```\nGET https://api.b.org/works/ID\n```\n"}
    assert levels(named, make_skill, "named")["tool.web"] == 3
    placeholder = BASE + "Have the phone send updates to:\n\n```\nPOST http://<your-host>:18800/location\n```\n"
    assert "tool.web" not in levels({"SKILL.md": placeholder}, make_skill, "placeholder")
    in_prose = BASE + "The service answers GET https://api.example.org/v1/verse for the app.\n"
    assert "tool.web" not in levels({"SKILL.md": in_prose}, make_skill, "in-prose")


def test_web_from_the_agents_own_web_tools_where_it_is_told_to_use_them(make_skill):
    told = BASE + "Use `WebFetch` to retrieve the page before choosing a selector.\n"
    assert levels({"SKILL.md": told}, make_skill)["tool.web"] == 2
    prompt = BASE + "Hand the sub-agent this prompt:\n```\n1. WebSearchで過去2週間のニュースを収集\n```\n"
    assert levels({"SKILL.md": prompt}, make_skill)["tool.web"] == 2
    permitted = ("---\nname: case-skill\ndescription: x\nallowed-tools:\n  - Read\n  - WebFetch\n---\n"
                 "Write the plan to plan.md.\n")
    assert "tool.web" not in levels({"SKILL.md": permitted}, make_skill)  # allowed, never asked for
    assert "tool.web" not in levels({"SKILL.md": BASE + "See the WebFetcher class.\n"}, make_skill)
    listed = BASE + "**Built-in tools:** Read, Write, Bash, WebSearch, WebFetch, Task\n"
    assert "tool.web" not in levels({"SKILL.md": listed}, make_skill)  # what an SDK offers, not what to do
    forbidden = BASE + "This skill fetches pages itself. Do NOT use WebFetch or a browser.\n"
    assert "tool.web" not in levels({"SKILL.md": forbidden}, make_skill)
    chinese = BASE + "1. 使用 web_search 搜索最新的论文\n"
    assert levels({"SKILL.md": chinese}, make_skill)["tool.web"] == 2
    # the call written out, in a block that is no code: `WebFetch(url: "...", prompt: "...")`
    called = BASE + "## Step 1: Fetch the index\n\n```\nWebFetch(\n  url: \"https://x.org/llms.txt\",\n  prompt: \"Find links\"\n)\n```\n"
    assert levels({"SKILL.md": called}, make_skill, "called")["tool.web"] == 2
    with_url = BASE + "1. **Fetch models from router**\n\n   ```\n   WebFetch https://router.example.co/v1/models\n   ```\n"
    assert levels({"SKILL.md": with_url}, make_skill, "url")["tool.web"] == 2


def test_constraints_in_bundled_agent_documents(make_skill):
    files = {"SKILL.md": BASE + "Follow `references/rules.md`.\n", "references/rules.md": "NEVER push to main.\n"}
    assert "follow.constraint" in levels(files, make_skill, "rules")


def test_prose_needs_composing_not_just_a_noun(make_skill):
    composes = "---\nname: case-skill\ndescription: Draft replies to customer emails.\n---\nRun it.\n"
    assert "gen.text.prose" in levels({"SKILL.md": composes}, make_skill)
    nouns = BASE + "Copy the file. The report endpoint returns an email field. Create Invoice (POST /invoices).\n"
    assert "gen.text.prose" not in levels({"SKILL.md": nouns}, make_skill)


def test_browser_needs_a_browser_and_actions_in_it(make_skill):
    driven = BASE + ("Open the browser and navigate to the login page.\n\nClick Sign in, then take a screenshot.\n\n"
                     "Use the headless browser for every page.\n\nFill in the form and click Submit.\n")
    assert "tool.browser" in levels({"SKILL.md": driven}, make_skill)
    users_steps = BASE + "1. Navigate to Settings\n2. Click Tokens\n3. Click Copy\n4. Click Done\n"
    assert "tool.browser" not in levels({"SKILL.md": users_steps}, make_skill)
    cloud_api = BASE + "The browser runs in the cloud.\n\nA browser per task.\n\nBrowser sessions.\n\nBrowser logs.\n"
    assert "tool.browser" not in levels({"SKILL.md": cloud_api}, make_skill)


def test_sql_and_analysis_are_not_read_into_plain_words(make_skill):
    plain = BASE + ("```\nUpdate MEMORY.md with the summary\nWith care, select the items\n```\n\n"
                    "## Debugging\n\nThe tool has debugging support.\n")
    found = levels({"SKILL.md": plain}, make_skill)
    assert "gen.code.sql" not in found and "reason.analysis" not in found
    real = BASE + ("```\nSELECT name FROM users u JOIN orders o ON o.user_id = u.id\n```\n\nDebug this error first.\n\n"
                   "Then find the root cause.\n")
    found = levels({"SKILL.md": real}, make_skill)
    assert found["gen.code.sql"] == 2 and "reason.analysis" in found


def test_japanese_cues_come_from_the_data_files(make_skill):
    found = levels({"SKILL.md": "---\nname: case-skill\ndescription: 旅行の相談役\n---\n"
                                "# 使い方\n\nまず予算を聞きます。\n\n次に行き先を決めます。\n\n"
                                "- 必ず敬語で答えること\n- 関西弁の口調を保つ\n- 価格は絶対に推測しない\n"}, make_skill)
    assert found["follow.constraint"] >= 1 and found["follow.procedure"] == 1
    assert found["follow.style"] >= 2  # 敬語, 口調


def test_long_output_from_a_template_of_sections(make_skill):
    template = "\n".join(f"## {title}\n\n..." for title in ("Summary", "Scope", "Findings", "Risks", "Next steps"))
    found = levels({"SKILL.md": f"---\nname: case-skill\ndescription: audits\n---\nReport like this:\n\n"
                                f"```markdown\n{template}\n```\n"}, make_skill)
    assert found["gen.text.long"] == 2
    assert "gen.text.long" not in levels({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\n"
                                                      "See the [Complete guide](references/guide.md).\n"}, make_skill)


def test_an_output_section_of_labelled_parts_is_a_document_to_deliver(make_skill):
    """"## Output Format" opening on "1. **Debt Inventory**: ..." ... seven labelled parts, most naming a piece of
    writing, is the document the agent delivers (L3); parts that are a project's files, or a tool's fields that the
    section first says it returns, are not."""
    def section(labels: list[str], intro: str = "") -> str:
        return BASE + "## Output Format\n\n" + intro + "".join(
            f"{n}. **{label}**: what it holds\n" for n, label in enumerate(labels, 1))
    document = ["Debt Inventory", "Impact Analysis", "Prioritized Roadmap", "Quick Wins", "Implementation Guide",
                "Prevention Plan", "ROI Projections"]
    assert levels({"SKILL.md": section(document)}, make_skill, "document")["gen.text.long"] == 3
    assert levels({"SKILL.md": section(document[:4])}, make_skill, "four")["gen.text.long"] == 2
    project = ["Component File", "Type Definitions", "Styles", "Tests", "Stories", "Index File"]
    assert "gen.text.long" not in levels({"SKILL.md": section(project)}, make_skill, "project")
    fields = section(["Summary", "Risks", "Recommendations", "Overview"], "All commands return JSON. Key fields:\n\n")
    assert "gen.text.long" not in levels({"SKILL.md": fields}, make_skill, "fields")


def test_commands_under_comment_lines_are_no_template(make_skill):
    """An unlabelled fence of commands grouped by `# Wallet` comments (each command with a comment after it or a
    variable for argument), or of endpoints with comments, is a reference to run, not a document's sections."""
    groups = "\n\n".join(f"# {title}\npython3 $SCRIPT {title.lower()} --chain eth   # {title} on Ethereum\n"
                         f"python3 $SCRIPT {title.lower()} 0xd8dA" for title in ("Stats", "Wallet", "Tokens", "Gas"))
    found = levels({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n## Quick Reference\n\n```\n"
                                f"SCRIPT=~/scripts/client.py\n\n{groups}\n```\n"}, make_skill)
    assert "gen.text.long" not in found
    # a .mplstyle file's `# Figure` / `# Font` comments over dotted keys (`figure.dpi: 100`) head settings
    style = "\n\n".join(f"# {title}\n{title.lower()}.size: 12\n{title.lower()}.color: gray"
                          for title in ("Figure", "Font", "Axes", "Grid", "Legend"))
    found = levels({"SKILL.md": f"{BASE}Create `custom.mplstyle`:\n\n```\n{style}\n```\n"}, make_skill, "style")
    assert "gen.text.long" not in found


def test_a_template_the_skill_says_is_short_is_no_long_output(make_skill):
    """Sections whose every placeholder asks for one line, or "Keep it short" after the template, make a short
    document; placeholders that ask for more, or "Keep definitions tight" (each entry, not the whole), do not."""
    head = "---\nname: case-skill\ndescription: sets up\n---\nWrite this block:\n\n```markdown\n"

    def long_level(sections: list[str], after: str = "") -> int | None:
        template = "\n".join(f"## {title}\n\n{body}\n" for title, body in
                             zip(("Tracker", "Labels", "Docs", "Owners", "Links"), sections))
        return levels({"SKILL.md": f"{head}{template}```\n\n{after}"}, make_skill).get("gen.text.long")

    one_line = ["[one-line summary of where issues live]", "[One sentence on the labels]", "[one-line summary]",
                "[1-3 sentences on who owns what]", "[one-line list of links]"]
    assert long_level(one_line) is None
    assert long_level([*one_line[:4], "[a detailed description of every link]"]) == 2
    filled = ["[what it is]", "[the labels]", "[the layout]", "[the owners]", "[the links]"]
    assert long_level(filled, "## Rules\n\n- **Keep it short.** If it runs past a screen, cut it.\n") is None
    assert long_level(filled, "## Rules\n\n- Keep definitions tight. One sentence at most.\n") == 2
    assert long_level(["[一句话说明问题在哪里]", "[一行标签说明]", "[一句话]", "[一行]", "[一句话说明链接]"]) is None
    # said of one outcome only: the template is still the long one ("If FAILED - be specific")
    assert long_level(filled, "If PASSED - keep it short. If FAILED - be specific.\n") == 2


def test_a_hand_off_call_is_no_template_the_agent_fills(make_skill):
    """A block that opens with a call (`task(category=..., prompt=\"\"\"...`) hands a sub-agent its prompt: the
    headings inside are that agent's steps, not sections of a document the agent writes."""
    steps = "\n".join(f"### Step {i}: Do part {i}\n\nWork on it.\n" for i in range(1, 6))
    called = f"---\nname: case-skill\ndescription: reviews\n---\nLaunch:\n\n```\ntask(\n  prompt=\"\"\"\n{steps}\"\"\")\n```\n"
    assert "gen.text.long" not in levels({"SKILL.md": called}, make_skill)
    written = f"---\nname: case-skill\ndescription: reviews\n---\nWrite:\n\n```markdown\n{steps}```\n"
    assert levels({"SKILL.md": written}, make_skill, "w")["gen.text.long"] == 2


def test_a_prompt_template_for_another_agent_is_no_document_the_agent_writes(make_skill):
    """templates/implementer-prompt.md opens "## Role\nYou are a specialized implementation subagent": its headings
    brief the sub-agent it is handed to. A reference that quotes a system prompt inside a fence ("Use this as a
    stable system prompt: ```You are a security engineer producing a threat model```") gives the agent its own
    output contract, and a report template that merely mentions "you" stays a document."""
    sections = "".join(f"## {title}\n\n{{{title.lower()}}}\n\n" for title in ("Scope", "Assets", "Threats", "Fixes"))
    head = "---\nname: case-skill\ndescription: x\n---\nFill the template in `templates/{0}`.\n"
    prompt = {"SKILL.md": head.format("implementer-prompt.md"),
              "templates/implementer-prompt.md": f"## Role\nYou are a specialized subagent.\n\n{sections}"}
    assert "gen.text.long" not in levels(prompt, make_skill, "prompt")
    quoted = {"SKILL.md": head.format("prompt-template.md"),
              "templates/prompt-template.md": ("# Threat model prompt\n\nUse this as a stable system prompt:\n\n"
                                               "````text\nYou are a security engineer producing a threat model.\n"
                                               f"````\n\n{sections}")}
    assert levels(quoted, make_skill, "quoted")["gen.text.long"] == 2
    report = {"SKILL.md": head.format("report.md"),
              "templates/report.md": f"# Report\n\nWhat you found, in four parts.\n\n{sections}"}
    assert levels(report, make_skill, "report")["gen.text.long"] == 2


def test_a_changelog_entry_is_no_long_document(make_skill):
    """A Keep a Changelog entry ("## [0.7.0] - 2026-03-25" over Added / Changed / Deprecated / Removed / Fixed /
    Security) is lines under fixed categories, whatever its count of headings; release notes of a summary,
    highlights and an upgrade guide are a document."""
    entry = "## [0.7.0] - 2026-03-25\n\n" + "".join(
        f"### {category}\n- {{change}}\n\n" for category in ("Added", "Changed", "Deprecated", "Removed", "Fixed",
                                                                "Security"))
    head = "---\nname: case-skill\ndescription: x\n---\nAdd an entry:\n\n```markdown\n{0}```\n"
    assert "gen.text.long" not in levels({"SKILL.md": head.format(entry)}, make_skill, "entry")
    notes = "# Release v2.1.0\n\n" + "".join(f"## {part}\n{{{part.lower()}}}\n\n" for part in
                                            ("Summary", "Highlights", "Breaking Changes", "Upgrade Guide", "Fixed"))
    assert levels({"SKILL.md": head.format(notes)}, make_skill, "notes")["gen.text.long"] == 2


def test_a_filled_in_page_or_a_page_about_templates_is_no_template_to_fill(make_skill):
    """templates/airbnb.md is pages of a design system's prose with no slot to fill: a reference the agent reads;
    references/template-integrity.md is about templates. A template file with placeholders is a skeleton."""
    sections = "".join(f"## {title}\n\n" + "The brand colour is warm and the type is round. " * 20 + "\n\n"
                       for title in ("Theme", "Colour", "Type", "Layout", "Depth", "Motion", "Voice"))
    head = "---\nname: case-skill\ndescription: x\n---\nRead `{0}`.\n"
    filled = {"SKILL.md": head.format("templates/airbnb.md"), "templates/airbnb.md": f"# Design System\n\n{sections}"}
    assert "gen.text.long" not in levels(filled, make_skill, "filled")
    about = {"SKILL.md": head.format("references/template-integrity.md"),
             "references/template-integrity.md": "# Template integrity\n\n" + "".join(
                 f"## {t}\n\nKeep {{node}} ids.\n\n" for t in ("Background", "Rules", "Checks", "Pitfalls"))}
    assert "gen.text.long" not in levels(about, make_skill, "about")
    slots = {"SKILL.md": head.format("templates/report.md"),
             "templates/report.md": "# Report\n\n" + sections.replace("The brand", "[Brand name]: the brand")}
    assert levels(slots, make_skill, "slots")["gen.text.long"] == 3


def test_a_stray_fence_that_swallows_prose_is_no_template(make_skill):
    """A closing fence whose opening is missing pairs with the next opening one, and an unclosed fence runs to the
    end: the prose and headings between read as an unlabelled block, which is no template to fill."""
    sections = "".join(f"## {title}\n\nText about {title}.\n\n" for title in ("Use", "Setup", "Limits", "Notes"))
    stray = f"---\nname: case-skill\ndescription: x\n---\n- angr\n- Triton\n```\n\n{sections}```c\nint x;\n```\n"
    assert "gen.text.long" not in levels({"SKILL.md": stray}, make_skill, "stray")
    unclosed = f"---\nname: case-skill\ndescription: x\n---\nA prompt:\n\n```\n{sections}"
    assert "gen.text.long" not in levels({"SKILL.md": unclosed}, make_skill, "unclosed")
    nested = f"---\nname: case-skill\ndescription: x\n---\nReport:\n\n````\n{sections}```c\nint x;\n```\n````\n"
    assert levels({"SKILL.md": nested}, make_skill, "nested")["gen.text.long"] == 2  # a longer fence may nest
    # an HTML block (`<Good>`) swallows a ```typescript opening, so its ```` closer opens a block of the prose that
    # follows, up to the next ````, holding one inner fence left open
    html = ("---\nname: case-skill\ndescription: x\n---\n<Good>\n```typescript\nconst a = 1;\n\nconst c = a;\n````\n"
            f"Fail early\n</Good>\n\n{sections}```typescript\nconst b = 2;\n````\n")
    assert "gen.text.long" not in levels({"SKILL.md": html}, make_skill, "html")
    # a ````md fence opened on a file's first line, closed by the stray ```` that ends a ```bash block of its prose
    labelled = f"---\nname: case-skill\ndescription: x\n---\n````md\n{sections}Check:\n```bash\nmake -v\n````\n"
    assert "gen.text.long" not in levels({"SKILL.md": labelled}, make_skill, "labelled")
    shown = f"---\nname: case-skill\ndescription: x\n---\nReport:\n\n````md\n{sections}```c\nint x;\n```\n````\n"
    assert levels({"SKILL.md": shown}, make_skill, "shown")["gen.text.long"] == 2  # its inner fences pair


def test_long_output_another_program_writes_and_settings_comments_are_not_the_agents(make_skill):
    tool = BASE + "This tool scans your project and generates a complete onboarding guide.\n"
    assert "gen.text.long" not in levels({"SKILL.md": tool}, make_skill, "tool")
    described = BASE + "```bash\npython scripts/analyze.py data.json\n```\n\nGenerates full performance analysis.\n"
    assert "gen.text.long" not in levels({"SKILL.md": described}, make_skill, "described")  # the script's output
    joined = BASE + ("**`scripts/seo.py`**:\nPython script for SEO analysis. Analyzes HTML files for common issues "
                     "and generates detailed reports.\n")
    assert "gen.text.long" not in levels({"SKILL.md": joined}, make_skill, "joined")  # the script's, joined by "and"
    carried = BASE + ("Run `npx onboarding-gen`. Analyzes your package.json and folders. Then generates a "
                      "comprehensive onboarding guide.\n")
    assert "gen.text.long" not in levels({"SKILL.md": carried}, make_skill, "carried")  # "Then" carries the tool
    relative = BASE + "Research through the Chat API that produces detailed intelligence reports.\n"
    assert "gen.text.long" not in levels({"SKILL.md": relative}, make_skill, "relative")  # the API's reports
    endpoint = BASE + "## Reports API\n\n#### `site_reports/notebook_report`\n\nGenerate detailed report on all notebooks.\n"
    assert "gen.text.long" not in levels({"SKILL.md": endpoint}, make_skill, "endpoint")  # what the endpoint does
    titled = endpoint.replace("#### `site_reports/notebook_report`", "#### Reporting")
    assert levels({"SKILL.md": titled}, make_skill, "titled")["gen.text.long"] == 2
    method = BASE + "| Method | Description |\n|---|---|\n| `generateReport(year?)` | Generate full report |\n"
    assert "gen.text.long" not in levels({"SKILL.md": method}, make_skill, "method")  # what the method does
    prompt = BASE + ('- Use Task tool with subagent_type="code-reviewer"\n'
                     '- Prompt: "Review the changes. Generate a detailed report with severity levels."\n')
    assert "gen.text.long" not in levels({"SKILL.md": prompt}, make_skill, "prompt")  # the sub-agent's output
    # the step's "Expected output:" beside its hand-off is the sub-agent's too; without the hand-off, the agent's
    expected = BASE + ('### 1. Assess\n- Use Task tool with subagent_type="legacy-modernizer"\n'
                       '- Expected output: Detailed assessment report with risk matrix\n')
    assert "gen.text.long" not in levels({"SKILL.md": expected}, make_skill, "expected")
    own = expected.replace('- Use Task tool with subagent_type="legacy-modernizer"\n', "- Read the codebase\n")
    assert levels({"SKILL.md": own}, make_skill, "own")["gen.text.long"] == 2
    asked = BASE + '- "Analyze the system and create comprehensive context documentation"\n'
    assert levels({"SKILL.md": asked}, make_skill, "asked")["gen.text.long"] == 2  # a request this skill serves
    agent = BASE + "Read the project, then generate a complete onboarding guide for the team.\n"
    assert levels({"SKILL.md": agent}, make_skill, "agent")["gen.text.long"] == 2
    agents = BASE + "Read the project files and generate detailed reports for the team.\n"
    assert levels({"SKILL.md": agents}, make_skill, "agents")["gen.text.long"] == 2
    settings = BASE + "```\n" + "".join(f"# Option {i}\nkey{i}=value\n\n" for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": settings}, make_skill, "settings")
    checklist = BASE + "```markdown\n" + "".join(f"## Check {i}\n- [ ] item {i}\n- [ ] other {i}\n\n"
                                                  for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": checklist}, make_skill, "checklist")
    # the same checks, then examples of what they catch: still a checklist; a plan whose tasks are checkboxes to
    # fill in ("- [ ] [Specific task]") is a document the agent writes
    examples = "### Issues to catch\n\n" + "".join(f"**Bad {i}:**\n\\`\\`\\`js\nf{i}()\n\\`\\`\\`\n\n"
                                                   for i in range(8))
    caught = checklist.replace("```\n", examples + "```\n", 1)
    assert "gen.text.long" not in levels({"SKILL.md": caught}, make_skill, "caught")
    plan = caught.replace("item ", "[task to do] ").replace("other ", "[task to check] ")
    assert levels({"SKILL.md": plan}, make_skill, "plan")["gen.text.long"] >= 2
    headers = BASE + "```\n" + "".join(f"# Header {i}\nX-Option-{i}: deny\n\n" for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": headers}, make_skill, "headers")  # HTTP headers, robots.txt
    rules = BASE + "```txt\n" + "".join(f"# Rule {i}\n(cf.bot_management.score lt {i})\nAction: Block\n\n"
                                        for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": rules}, make_skill, "rules")  # a firewall's expressions
    calls = BASE + "```\n" + "".join(f"# Step {i}\nsearch_emails(keyword='k{i}')\nGET /api/items?page={i}\n\n"
                                      for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": calls}, make_skill, "calls")  # calls and HTTP requests
    queries = BASE + "```\n" + "".join(f"# Query {i}\nAI lang:en filter:verified min_faves:{i}\n\n"
                                        for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": queries}, make_skill, "queries")  # search operators
    urls = BASE + "```\n" + "".join(f"# Size {i}\nhttps://img.example.com/vi/ID/{i}.jpg\n\n"
                                     for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": urls}, make_skill, "urls")
    ignores = BASE + "```\n" + "".join(f"# Group {i}\n*.tmp{i}\nbuild{i}/\n/src/api{i}/ @team\n\n" for i in range(5)) \
        + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": ignores}, make_skill, "ignores")  # .gitignore, CODEOWNERS
    bold = BASE + "```markdown\n" + "".join(f"## Part {i}\n**Summary**\n*notes*\n\n" for i in range(5)) + "```\n"
    assert levels({"SKILL.md": bold}, make_skill, "bold")["gen.text.long"] == 2  # a template's bold labels
    scholar = BASE + "```\n" + "".join(f'# Search {i}\n"deep learning" intitle:review\n\n' for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": scholar}, make_skill, "scholar")  # an operator and a phrase
    stacked = BASE + "```\n# Example: diabetes\n# P: type 2\n# I: metformin\n# C: lifestyle\n\n" \
                     "type 2 AND metformin\n```\n"
    assert "gen.text.long" not in levels({"SKILL.md": stacked}, make_skill, "stacked")  # a comment's lines
    indented = BASE + "Options:\n\n" + "".join(f"    ## Option {i}\n    What option {i} sets.\n\n" for i in range(5))
    assert "gen.text.long" not in levels({"SKILL.md": indented}, make_skill, "indented")  # quoted, not a template
    outline = BASE + "Report:\n\n```markdown\n# [Title]\n## Summary\n## Findings\n## Risks\n## Next steps\n```\n"
    assert levels({"SKILL.md": outline}, make_skill, "outline")["gen.text.long"] == 2  # an outline's sections
    bullets = BASE + "```\n# Configure\nrun the attack\n\n# Analyze results:\n# - 200 means modified\n" \
                     "# - check the victim's account\n```\n"
    assert "gen.text.long" not in levels({"SKILL.md": bullets}, make_skill, "bullets")  # a comment's list
    template = BASE + "```\n" + "".join(f"## Part {i}\n\n[What goes in part {i}]\n\n" for i in range(5)) + "```\n"
    assert levels({"SKILL.md": template}, make_skill, "template")["gen.text.long"] == 2
    fields = BASE + "```\n" + "".join(f"## Part {i}\nOwner: [name]\nDate:\n\n" for i in range(5)) + "```\n"
    assert levels({"SKILL.md": fields}, make_skill, "fields")["gen.text.long"] == 2  # fields to fill in


def test_a_file_of_templates_is_judged_template_by_template(make_skill):
    """A file named for one template is one document's skeleton; a file named for several counts only a section
    whose heading names a template, by its subsections; a `# ...` comment in a template file's fence is no
    section; a file that opens with a skill's frontmatter is a guide."""
    skill_md = BASE + "Fill the templates in references/.\n"
    one = "# Report\n\n" + "".join(f"## Part {i}\n\n[What goes in part {i}]\n\n" for i in range(5))
    found = analyze(skvm_lint.load(make_skill({"SKILL.md": skill_md, "references/report-template.md": one},
                                              "one"))).demands
    assert found["gen.text.long"].level == 2 and found["gen.text.long"].span.line == 1
    described = "# Refund Template Reference\n\n" + "".join(
        f"## {kind}\n\nA short {kind} message.\n\n" for kind in ("Email", "Chat", "Dispute", "Letter", "Call"))
    assert "gen.text.long" not in levels({"SKILL.md": skill_md, "references/refund-templates.md": described},
                                         make_skill, "described")
    collection = ("# PRD Templates\n\n## Standard PRD Template\n\n" + "".join(
        f"### {i}. Part\n\n[part {i}]\n\n" for i in range(7)) + "## Tips\n\n" + "".join(
        f"### Tip {i}\n\nKeep it short.\n\n" for i in range(5)))
    found = analyze(skvm_lint.load(make_skill({"SKILL.md": skill_md, "references/prd_templates.md": collection},
                                              "collection"))).demands
    assert found["gen.text.long"].level == 3 and found["gen.text.long"].span.line == 3
    library = "# Prompt Template Library\n\n" + "".join(f"## Kind {i}\n\n### Use {i}\n\n```\nClassify {{text}}\n```\n\n"
                                                      for i in range(4))
    assert "gen.text.long" not in levels({"SKILL.md": skill_md, "assets/prompt-template-library.md": library},
                                         make_skill, "library")  # named for several
    code = "# Setup\n\n```bash\n" + "".join(f"# step {i}\nnpm install pkg{i}\n" for i in range(6)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": skill_md, "templates/setup.md": code}, make_skill, "code")
    # a project template's guide opens with a skill's frontmatter: read, not filled
    guide = "---\nname: astro-static\ndescription: Astro site template principles.\n---\n" + one
    assert "gen.text.long" not in levels({"SKILL.md": skill_md, "templates/astro/TEMPLATE.md": guide}, make_skill,
                                         "guide")
    # a project template of code files, and a block under a data file's heading, are files the agent writes,
    # not documents
    code = "# Web API template\n\n" + "".join(f"### src/part{i}.js\n\n```javascript\n" + "const x = 1;\n" * 8
                                                 + "```\n\n" for i in range(5))
    assert "gen.text.long" not in levels({"SKILL.md": skill_md, "templates/web-api.md": code}, make_skill, "code")
    requirements = skill_md + "### requirements.txt\n\n```\n" + "".join(
        f"# Group {i}\nflask>=2.{i}\n\n" for i in range(5)) + "```\n"
    assert "gen.text.long" not in levels({"SKILL.md": requirements}, make_skill, "requirements")
    dated = "---\ndate: {{date}}\ntags: [weekly]\n---\n" + one  # a note template's own frontmatter
    assert levels({"SKILL.md": skill_md, "templates/weekly.md": dated}, make_skill, "dated")["gen.text.long"] == 2


def test_a_template_a_program_renders_is_not_the_agents_long_output(make_skill):
    """Handlebars or Jinja control syntax, or a section where a script writes the report, says a program fills the
    template; the same template under the agent's own instruction is the agent's."""
    parts = "".join(f"## Part {i}\n\n[What goes in part {i}]\n\n" for i in range(5))
    engine = BASE + "Report:\n\n```markdown\n" + parts + "{{#each tests}}\n- {{name}}\n{{/each}}\n```\n"
    assert "gen.text.long" not in levels({"SKILL.md": engine}, make_skill, "engine")
    bundled = {"SKILL.md": BASE + "Run the tool.\n", "templates/report.md": "# {{title}}\n\n" + parts
               + "{% for test in tests %}\n- {{ test.name }}\n{% endfor %}\n"}
    assert "gen.text.long" not in levels(bundled, make_skill, "bundled")
    script = BASE + ("## Generate the report\n\nUse the report generation script to create a formatted markdown "
                     "report.\n\n**Report structure:**\n\n```markdown\n" + parts + "```\n")
    assert "gen.text.long" not in levels({"SKILL.md": script}, make_skill, "script")
    agent = script.replace("Use the report generation script to create", "Write")
    assert levels({"SKILL.md": agent}, make_skill, "agent")["gen.text.long"] == 2
    # "**Example Output:**" right after code of the section: what that code prints, not what the agent writes
    printed = BASE + ("## Convert\n\n```python\nresult = md.convert('report.docx')\nprint(result.text_content)\n```\n\n"
                      "**Example Output:**\n\n```markdown\n" + parts + "```\n")
    assert "gen.text.long" not in levels({"SKILL.md": printed}, make_skill, "printed")
    answer = printed.replace("```python\nresult = md.convert('report.docx')\nprint(result.text_content)\n```\n\n", "")
    assert levels({"SKILL.md": answer}, make_skill, "answer")["gen.text.long"] == 2
    # the section right after commands commented as making the output ("# Generate for current branch")
    generated = BASE + ("## Usage Examples\n\n```bash\n# Generate for current branch\nnpx ai-pr-desc\n```\n\n"
                        "## Output Format\n\n```markdown\n" + parts + "```\n")
    assert "gen.text.long" not in levels({"SKILL.md": generated}, make_skill, "generated")
    fetched = generated.replace("# Generate for current branch", "# Fetch the branch's commits")
    assert levels({"SKILL.md": fetched}, make_skill, "fetched")["gen.text.long"] == 2
    # a section headed by a script's name ("### report.py"): its "Report Format:" is what that script prints
    named = BASE + ("## Scripts\n\n### report.py\n\n```bash\npython3 scripts/report.py weekly\n```\n\n"
                    "**Report Format:**\n\n```markdown\n" + parts + "```\n")
    assert "gen.text.long" not in levels({"SKILL.md": named}, make_skill, "named")
    unnamed = named.replace("### report.py", "### The weekly report")
    assert levels({"SKILL.md": unnamed}, make_skill, "unnamed")["gen.text.long"] == 2
    document = named.replace("### report.py", "### report.md")  # a document's name heads its own template
    assert levels({"SKILL.md": document}, make_skill, "document")["gen.text.long"] == 2


def test_the_users_milestones_are_no_plan(make_skill):
    tracker = ("---\nname: case-skill\ndescription: Tracks your streak and celebrates milestones.\n---\n"
               "- \"what have I done?\" -> list recent wins and milestones\n")
    assert "reason.planning" not in levels({"SKILL.md": tracker}, make_skill)


def test_phases_a_skill_lays_down_are_planning_only_beside_another_cue(make_skill):
    phases = BASE + "".join(f"### Phase {i}: Part {i}\n\nDo part {i}.\n\n" for i in range(1, 5))
    assert "reason.planning" not in levels({"SKILL.md": phases}, make_skill, "phases")
    spawned = phases + "Spawn a sub-agent for each part.\n"
    assert levels({"SKILL.md": spawned}, make_skill, "spawned")["reason.planning"] >= 2
    # a roadmap a sub-agent is asked for (in its prompt, or as its step's output) is that agent's plan
    handed = phases + ('### Phase 5: Hardening\n\n- Use Task tool with subagent_type="architect"\n'
                       '- Prompt: "Design improvements. Propose a roadmap of changes."\n'
                       '- Output: Architecture improvements, roadmap\n')
    assert "reason.planning" not in levels({"SKILL.md": handed}, make_skill, "handed")
    own = phases + "### Phase 5: Hardening\n\n- Draft a roadmap of improvements.\n"
    assert levels({"SKILL.md": own}, make_skill, "own")["reason.planning"] >= 2


def test_delegate_break_down_and_subagent_in_other_senses_are_no_plan(make_skill):
    """Swift's and a router's "delegate", a breakdown of figures and a skill named for sub-agents plan nothing;
    handing work to sub-agents does."""
    senses = BASE + ("- [ ] **Route**: Clean definition, delegate to controller\n"
                     "- 12 copy-paste patterns including delegate value capture\n"
                     "- Unsafe Delegate Callback Pattern\n4. Break down by segment\n"
                     "- **subagent-driven-development** - Work happens in this worktree\n")
    assert "reason.planning" not in levels({"SKILL.md": senses}, make_skill, "senses")
    contract = BASE + "The governor calls into the delegate to set weights.\n\nSet weights on the delegate.\n"
    assert "reason.planning" not in levels({"SKILL.md": contract}, make_skill, "contract")  # a noun: a contract
    work = BASE + "- Delegate the review to a sub-agent.\n- Break down complex tasks before you start.\n"
    assert levels({"SKILL.md": work}, make_skill, "work")["reason.planning"] >= 1


def test_a_bundled_document_template_is_a_format(make_skill):
    """A template file the skill bundles is a structure the agent keeps when it fills it in; `rules/_template.md`,
    the shape of a new rule page for the skill's authors, is not."""
    page = "# Findings\n\n## Summary\n\n[one paragraph]\n\n## Evidence\n\n- [file:line]\n"
    plain = BASE + "Record what you find as you go.\n"
    found = levels({"SKILL.md": plain, "templates/findings.md": page}, make_skill, "bundled")
    assert found["follow.format"] == 2
    assert "follow.format" not in levels({"SKILL.md": plain, "rules/_template.md": page}, make_skill, "authors")
    assert "follow.format" not in levels({"SKILL.md": plain, "references/guide.md": page}, make_skill, "guide")



def test_a_format_named_for_what_the_agent_writes(make_skill):
    """"Commit message format:", "## Report Format", "### Update Summary Format": the shape of something the agent
    writes, as "Output format" is."""
    for text in ("Commit message format:\n\n- Type: feat, fix\n- Scope: module\n", "## Report Format\n\nFindings.\n",
                 "### Update Summary Format\n\nList what changed.\n"):
        assert "follow.format" in levels({"SKILL.md": BASE + text}, make_skill, "named"), text

def test_a_format_named_by_its_notation(make_skill):
    """`YYYY-MM-DD`, ISO 8601, E.164 are formats the agent writes its values in, in prose of any language or in a
    command's comment."""
    for text in ("- `expiredAt` - ISO 8601 format with timezone\n", "- Date format for `--date` is `yyyy-MM-dd`.\n",
                 "```bash\nattio tasks create <content> [deadline]  # deadline: YYYY-MM-DD\n```\n",
                 "- 电话号码使用 E.164 格式\n"):
        assert levels({"SKILL.md": BASE + text}, make_skill, "notation")["follow.format"] == 1, text
    assert "follow.format" not in levels({"SKILL.md": BASE + "Create the task.\n"}, make_skill, "plain")


def test_a_code_template_is_no_output_format(make_skill):
    """"Use template: `assets/model_template.py`" and "## Liquid Template Example" name code to copy, "template
    literal types" a language's feature; "Use this format:" and "the report template below" name the output's
    shape."""
    for line in ("**Use template:** `assets/model_template.py`", "## Liquid Template Example",
                 "Covers generics, conditional types and template literal types.",
                 "Don't write manual template literal ternaries.", "Pick a template engine."):
        assert "follow.format" not in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "code"), line
    for line in ("Use this format:", "Fill in the report template below.", "Present the results in this format:"):
        assert levels({"SKILL.md": BASE + line + "\n"}, make_skill, "out")["follow.format"] >= 1, line
    # the heading over the text names the code template ("### `plot_template.py`")
    named = BASE + "### `scripts/plot_template.py`\n\nTemplate script demonstrating plot types. Use it to start.\n"
    assert "follow.format" not in levels({"SKILL.md": named}, make_skill, "named")
    report = BASE + "### Report\n\nTemplate of the weekly report: fill every section.\n"
    assert levels({"SKILL.md": report}, make_skill, "report")["follow.format"] >= 1


def test_a_template_script_is_material_not_a_command(make_skill):
    """templates/generator.js is read and adapted; scripts/run.py, which SKILL.md names, is run; a hook script
    nothing names is the harness's to run."""
    files = {"SKILL.md": BASE + "Read `templates/generator.js` and adapt it.\n",
             "templates/generator.js": "function setup() { createCanvas(400, 400); }\n"}
    assert "tool.exec" not in levels(files, make_skill, "template")
    nested = {"SKILL.md": BASE + "Charts: see `rules/assets/bar-chart.tsx`.\n",
              "rules/assets/bar-chart.tsx": "export const BarChart = () => null;\n"}
    assert "tool.exec" not in levels(nested, make_skill, "nested")
    hook = {"SKILL.md": BASE + "Development skill.\n", "suggest-compact.sh": "#!/bin/bash\necho compact\n"}
    assert "tool.exec" not in levels(hook, make_skill, "hook")
    files["scripts/run.py"] = "print('hi')\n"
    files["SKILL.md"] += "Then run `scripts/run.py`.\n"
    assert levels(files, make_skill, "script")["tool.exec"] == 1


def test_commands_of_the_playbook_skill_md_names(make_skill):
    """SKILL.md that sends the agent to a playbook of commands has it run them; a block of the agent's own tools
    (`Write task_plan.md`) or a playbook SKILL.md never names is not."""
    playbook = "# Playbook\n\n```bash\nnpm install --save-dev eslint\nnpx eslint .\n```\n"
    named = BASE + "If detailed examples are required, open `resources/implementation-playbook.md`.\n"
    found = levels({"SKILL.md": named, "resources/implementation-playbook.md": playbook}, make_skill, "named")
    assert found["tool.exec"] == 1 and found["gen.code.shell"] == 1
    tools = "# Examples\n\n```bash\nWrite task_plan.md\n```\n"
    found = levels({"SKILL.md": named, "resources/implementation-playbook.md": tools}, make_skill, "tools")
    assert "tool.exec" not in found and "gen.code.shell" not in found
    found = levels({"SKILL.md": BASE, "resources/implementation-playbook.md": playbook}, make_skill, "unnamed")
    assert "tool.exec" not in found and "gen.code.shell" not in found


def test_told_to_run_tests_with_no_command_shown(make_skill):
    """"Run automated scans (axe, Lighthouse)" with no command shown: the agent runs programs whose command it
    writes itself; a user's quoted words, CI's jobs and a command left to the user are not the agent's."""
    for line in ("1. Run automated scans (axe, Lighthouse, WAVE) to collect findings.",
                 "- [ ] Run tests after each refactor step", "2. **Run tests** - they should pass.",
                 "Run the command. Read the output. THEN claim the result.",
                 "*   **Action:** Run automated tests (unit, integration, E2E).", "Step 3: run the build."):
        found = levels({"SKILL.md": BASE + line + "\n"}, make_skill, "told")
        assert found["tool.exec"] == 1 and found["gen.code.shell"] == 1, line
    for line in ('**User says**: "Always run tests before committing"', "- MUST run the tests with -race in CI.",
                 "Reviews only: it does not run linters.", "The user will need to run the test manually.",
                 "4. Document how to run tests and verify failures.",
                 "3. **Synthetic Monitoring**: Run automated tests against production"):
        found = levels({"SKILL.md": BASE + line + "\n"}, make_skill, "others")
        assert "tool.exec" not in found and "gen.code.shell" not in found, line


def test_a_list_item_that_says_to_write_is_one_mention_not_two(make_skill):
    """An item is read as its paragraph too: three items that each write a file are three mentions (L2), not six
    (L3, several files in sequence)."""
    steps = "1. Create `a.md` with the plan.\n2. Write `b.md` with the notes.\n3. Save `c.json` with the data.\n"
    assert levels({"SKILL.md": BASE + steps}, make_skill, "w")["tool.file.write"] == 2


def test_a_length_the_agents_text_is_held_to_says_it_writes_prose(make_skill):
    """"4-6 paragraphs", "a 6–30 sentence briefing", "每次输出200-400字": one such passage says the agent writes
    prose, several paragraphs or a hundred words or more being L2; the length of an answer a question asks the user
    for, or a name of one or two words, says nothing."""
    for line, level in (("Articulate the philosophy (4-6 paragraphs).", 2), ("3. 2-3 sentence explanation", 1),
                        ("Aim for 200–400 words unless asked.", 2), ("每次输出200-400字，使用渐进式叙事。", 2),
                        ("本文は300文字以内でまとめる。", 2)):
        assert levels({"SKILL.md": BASE + line + "\n"}, make_skill, "p").get("gen.text.prose") == level, line
    for line in ("**What's your primary goal right now? (1-3 sentences)**", "Pick a name of 1-2 words."):
        assert "gen.text.prose" not in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "n"), line


def test_browser_automation_code_the_agent_writes_drives_a_browser(make_skill):
    """A fence importing Playwright (`page.goto`, `page.click`) has the agent drive a browser; one importing requests
    does not."""
    code = ("```python\nfrom playwright.sync_api import sync_playwright\nwith sync_playwright() as p:\n"
            "    page = p.chromium.launch().new_page()\n    page.goto('http://localhost:3000')\n```\n")
    assert levels({"SKILL.md": BASE + code}, make_skill, "pw")["tool.browser"] == 2
    plain = code.replace("from playwright.sync_api import sync_playwright", "import requests")
    assert "tool.browser" not in levels({"SKILL.md": BASE + plain}, make_skill, "plain")


def test_the_agents_browser_tools_drive_a_browser(make_skill):
    """Chrome DevTools MCP's `navigate_page`, a `browser_*` tool the agent is told to use, several of them named, or
    called in the code shown: the agent drives a browser. One forbidden, or one named in passing, does not."""
    for text in ("1. Call `navigate_page` with `pageId` to the target URL.\n",
                 "Verify the result with `browser_vision` after generating.\n",
                 "Tools: `browser_snapshot`, `browser_console`.\n",
                 "```python\nbrowser_click(selector='button.submit')\n```\n"):
        assert levels({"SKILL.md": BASE + text}, make_skill, "b")["tool.browser"] == 2, text
    for text in ("Do not use `browser_navigate` here: the API is faster.\n",
                 "The `browser_navigate` tool exists in other setups.\n"):
        assert "tool.browser" not in levels({"SKILL.md": BASE + text}, make_skill, "n"), text


def test_making_a_named_format_or_editing_files_writes_files(make_skill):
    """"Generate PDF invoices", "Save JSON output", "edit the generated files", "Create `.agent/PROJECT.md`" (a
    path's dots end no sentence): the agent writes files; "a PDF report" named as a thing, with no verb that makes
    it, does not say so."""
    for line in ("Generate PDF invoices from the order data.", "5. Save JSON output and analyze it locally.",
                 "To build the artifact, edit the generated files.", "Create or update `.agent/PROJECT.md` with:",
                 "5. Create `.claude/hookify.{name}.local.md` file in project root",
                 "Save specification as: `specs/{project_name}_reverse_spec.md`"):  # the path in code, however far
        assert levels({"SKILL.md": BASE + line + "\n"}, make_skill, "w")["tool.file.write"] == 1, line
    assert "tool.file.write" not in levels({"SKILL.md": BASE + "Reads a PDF report of the orders.\n"}, make_skill)
    # the verb as part of a name makes nothing (`create-app-scaffold/SKILL.md`, `data-import-export.md`); an option
    # that names the file it writes does (`--output /tmp/App.trace`), one that names a format does not
    for line in ("See also: create-app-scaffold/SKILL.md § Common Mistakes", "For I/O, see data-import-export.md.",
                 "Run `tool list --output json` to list them."):
        assert "tool.file.write" not in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "n"), line
    assert "tool.file.write" in levels({"SKILL.md": BASE + "Run `xctrace record --output /tmp/App.trace`.\n"},
                                       make_skill, "o")
    # forbidden in its own clause, not after a negation that ends before it
    assert "tool.file.write" not in levels({"SKILL.md": BASE + "DO NOT save the plan to disk unless asked.\n"},
                                           make_skill, "f")
    assert "tool.file.write" in levels({"SKILL.md": BASE + "If `$EDITOR` is not usable, write the file with the "
                                        "editing tool.\n"}, make_skill, "e")
    # 导出 is "export" alone, not inside 推导出 ("derive") or 引导出 ("lead to")
    assert "tool.file.write" not in levels({"SKILL.md": BASE + "引导学生通过背景推导出结论。\n"}, make_skill, "zh")
    assert levels({"SKILL.md": BASE + "将结果导出为 CSV。\n"}, make_skill, "zh2")["tool.file.write"] == 1


def test_long_output_words_in_chinese(make_skill):
    """"撰写一份完整的报告" and "长篇" ask for a long document; "不要长篇大论" ("don't be long-winded") does not."""
    assert levels({"SKILL.md": BASE + "撰写一份完整的报告。\n"}, make_skill, "report")["gen.text.long"] == 2
    assert levels({"SKILL.md": BASE + "输出一篇长篇故事。\n"}, make_skill, "story")["gen.text.long"] == 2
    assert "gen.text.long" not in levels({"SKILL.md": BASE + "保持节奏：不要长篇大论，保持对话的往来。\n"},
                                         make_skill, "talk")


def test_a_document_a_tools_option_makes_is_no_long_output(make_skill):
    """"To create a complete document with a header and footer, use the `-s` flag" hands the document to pandoc;
    "Create a complete document for the user." is the agent's."""
    option = BASE + "To create a complete document with a header and footer, use the `-s` or `--standalone` flag.\n"
    assert "gen.text.long" not in levels({"SKILL.md": option}, make_skill, "option")
    assert levels({"SKILL.md": BASE + "Create a complete document for the user.\n"}, make_skill, "own")[
        "gen.text.long"] == 2


def test_narration_in_chinese_and_japanese_is_prose(make_skill):
    """"渐进式叙事，每次200-400字" (narrate in steps), "讲故事" (tell stories), "物語を書く": the agent writes prose for
    people, as "write a story" says in English."""
    for i, line in enumerate(("渐进式叙事，每次输出200-400字后暂停。", "广播公告、讲故事、叫孩子起床。", "短い物語を書く。")):
        skill_md = f"---\nname: case-skill\ndescription: {line}\n---\n"
        assert "gen.text.prose" in levels({"SKILL.md": skill_md}, make_skill, f"n{i}"), line


def test_a_package_marker_or_the_skills_tests_are_no_command_to_run(make_skill):
    """A bundled script runs, but not `__init__.py`, setup.py, tests/ or a lint configuration; a setup check named
    test_*.py outside tests/ is one its users run."""
    developers = {"SKILL.md": BASE + "Tutor the student.\n", "__init__.py": "test\n", "setup.py": "x = 1\n",
                  "tests/test_a.py": "assert True\n", "eslint.config.mjs": "export default [];\n"}
    assert "tool.exec" not in levels(developers, make_skill, "developers")
    check = {"SKILL.md": BASE + "Check the setup: `scripts/test_connection.py`.\n",
             "scripts/test_connection.py": "print('ok')\n"}
    assert levels(check, make_skill, "check")["tool.exec"] == 1


def test_when_not_to_use_the_skill_is_its_scope_and_avoid_is_a_rule(make_skill):
    """"## Do not use this skill when" lists what does not trigger the skill: no rule the agent keeps while it works;
    "- Avoid intrusive testing in production without approval" is one."""
    scope = BASE + "## Use this skill when\n\n- Scanning code\n\n## Do not use this skill when\n\n- The task is other\n"
    assert "follow.constraint" not in levels({"SKILL.md": scope}, make_skill, "scope")
    avoid = scope + "\n## Rules\n\n- Avoid intrusive testing in production without approval.\n"
    assert levels({"SKILL.md": avoid}, make_skill, "avoid")["follow.constraint"] == 1
    told = BASE + "Do not use the cache when the user asks for fresh data.\n"
    assert levels({"SKILL.md": told}, make_skill, "told")["follow.constraint"] == 1


def test_a_plan_word_that_names_a_subcommand_of_the_cli_is_no_plan(make_skill):
    """"### Subtasks" over `todo subtask <id> "title"` names the todo CLI's feature; a skill that breaks work into
    subtasks plans, and `sessions spawn --task` spawns sub-agents whatever the CLI calls it."""
    cli = BASE + "".join(f"### {title}\n\n**Add {title.lower()}:**\n```bash\ntodo {word} <id> \"Title\"\n```\n\n"
                         for title, word in (("Subtasks", "subtask"), ("Roadmap", "roadmap"), ("Tasks", "add")))
    assert "reason.planning" not in levels({"SKILL.md": cli}, make_skill, "cli")
    plans = BASE + "- Break the goal into subtasks.\n- Track each subtask's status.\n\n```bash\ntodo add x\n```\n"
    assert levels({"SKILL.md": plans}, make_skill, "plans")["reason.planning"] >= 1
    spawned = BASE + ("### Spawn sub-agents\n\nSpawn one sub-agent per paper.\n\n```bash\n"
                      "clawdbot sessions spawn --task \"Review\"\n```\n")
    assert levels({"SKILL.md": spawned}, make_skill, "spawned")["reason.planning"] >= 1


def test_one_list_item_naming_a_plan_word_is_no_plan_but_making_a_plan_is(make_skill):
    """A list item is also its paragraph: counted once, a "roadmap" topic or "runaway sub-agents" in one item is
    not the two passages planning needs. Making a plan ("Create a detailed plan", "Update the plan") is."""
    topics = BASE + "## Knowledge Base\n\n- Flutter roadmap and Dart language evolution\n- Widgets\n"
    assert "reason.planning" not in levels({"SKILL.md": topics}, make_skill, "topics")
    runaway = BASE + "## Tips\n\n1. **Set timeouts** - Prevent runaway sub-agents\n2. Monitor usage\n"
    assert "reason.planning" not in levels({"SKILL.md": runaway}, make_skill, "runaway")
    plan = BASE + "## Steps\n\n1. Create a detailed plan in `plan.md`.\n2. Work through it.\n3. Update the plan.\n"
    assert levels({"SKILL.md": plan}, make_skill, "plan")["reason.planning"] >= 1
    pricing = BASE + "## Billing\n\n1. Create a plan tier for each price.\n2. Update the plan limits.\n"
    assert "reason.planning" not in levels({"SKILL.md": pricing}, make_skill, "pricing")


def test_decomposing_code_is_no_plan(make_skill):
    code = BASE + ("- Decompose long (more than 80 lines of code) components and functions into smaller ones.\n"
                   "- Break down complex logic into smaller, reusable functions.\n")
    assert "reason.planning" not in levels({"SKILL.md": code}, make_skill, "code")
    task = BASE + "- Decompose the task into independent parts.\n- Break it down before you start.\n"
    assert levels({"SKILL.md": task}, make_skill, "task")["reason.planning"] >= 1


def test_a_persona_is_a_style_only_when_the_agent_takes_it_on(make_skill):
    """"You are a **Senior Research Engineer**", "**Persona**: Sharp, direct" and "Adopt that persona's
    communication style" give the agent a voice; a user persona to design for, persona text read as evidence and
    "when you speak as yourself" do not."""
    persona = BASE + "You are not an assistant. You are a **Senior Research Engineer** at a top-tier laboratory.\n"
    assert levels({"SKILL.md": persona}, make_skill, "persona")["follow.style"] == 1
    for taken in ("4. **Persona**: Sharp, direct, and slightly opinionated.\n",
                  "Adopt that persona's communication style in every reply.\n"):
        assert levels({"SKILL.md": BASE + taken}, make_skill, "taken")["follow.style"] >= 1
    for named in ("- Customer segmentation and persona development\n",
                  "Read historical messages, memory, and persona as evidence.\n",
                  "If your memory names your own voice ID, use it whenever you speak as yourself.\n"):
        assert "follow.style" not in levels({"SKILL.md": BASE + named}, make_skill, "named")


def test_quoted_words_and_a_trigger_scope_are_no_rules(make_skill):
    """A user's words in quotes ("「不要后台，要能看到窗口」") and "DO NOT trigger for:" are no rules the agent keeps."""
    quoted = BASE + "- 用户说：「打开真实浏览器」「不要后台，要能看到窗口」\n- Users say \"never ask me twice\"\n"
    assert "follow.constraint" not in levels({"SKILL.md": quoted}, make_skill, "quoted")
    scope = BASE + "DO NOT trigger for:\n- Full browser UI testing\n"
    assert "follow.constraint" not in levels({"SKILL.md": scope}, make_skill, "scope")
    told = BASE + "- 不要在后台运行浏览器\n- Never paste the token into the chat\n"
    assert levels({"SKILL.md": told}, make_skill, "told")["follow.constraint"] >= 1
    # a rule after a bold lead: "**Verify Schema:** Always validate ...", "- **DTO ≠ Entity.** Never expose ..."
    led = BASE + "*   **Verify Schema:** Always validate JSON outputs before final processing.\n"
    assert levels({"SKILL.md": led}, make_skill, "led")["follow.constraint"] >= 1


def test_prose_cues_under_a_do_not_use_heading_are_the_skills_scope(make_skill):
    scope = BASE + ("## Do not use this skill when\n\n- You need legal advice or certification\n"
                    "- You want recommendations on pricing\n")
    assert "gen.text.prose" not in levels({"SKILL.md": scope}, make_skill, "scope")
    told = BASE + "## Output\n\n- Explain why each finding matters\n- Write recommendations for the team\n"
    assert levels({"SKILL.md": told}, make_skill, "told")["gen.text.prose"] >= 1
    # what a sub-agent's prompt asks for, and what its step yields, that agent writes
    handed = BASE + ('### Phase 1: Audit\n\n- Use Task tool with subagent_type="security-auditor"\n'
                     '- Prompt: "Verify compliance for: $ARGUMENTS. Generate compliance attestation reports."\n'
                     '- Output: Compliance assessment report, remediation recommendations\n')
    assert "gen.text.prose" not in levels({"SKILL.md": handed}, make_skill, "handed")


def test_analysis_cues_inside_inline_code_are_names(make_skill):
    named = BASE + ("- `refactor(rules): extract validation logic`\n\n"
                    "See `references/troubleshooting.md` for details.\n")
    assert "reason.analysis" not in levels({"SKILL.md": named}, make_skill, "named")
    told = BASE + "Find the root cause of the failure.\n\nRefactor the module once the tests pass.\n"
    assert levels({"SKILL.md": told}, make_skill, "told")["reason.analysis"] == 1
    # a topic a library skill lists is no code analysed; root causes, plural, are looked for as one is
    topics = BASE + "- Performance optimization tips\n\n## Performance tuning\n\nSet n_jobs for speed.\n"
    assert "reason.analysis" not in levels({"SKILL.md": topics}, make_skill, "topics")
    causes = BASE + "**Root causes**: poor layer ordering.\n\n**Root causes**: hardcoded secrets.\n"
    assert levels({"SKILL.md": causes}, make_skill, "causes")["reason.analysis"] == 1
    # "analyze the codebase", "analyze existing TypeScript code"; not the product Claude Code's session data
    code = BASE + "Analyze the codebase to detect the framework.\n\nAnalyze existing TypeScript code for patterns.\n"
    assert levels({"SKILL.md": code}, make_skill, "code")["reason.analysis"] == 1
    sessions = BASE + "Analyze Claude Code session data.\n\nQuery and analyze Claude Code usage.\n"
    assert "reason.analysis" not in levels({"SKILL.md": sessions}, make_skill, "sessions")
    # "Reviewing C# code for quality", "Review generated code": code read for what is wrong with it
    reviewing = BASE + "## When to Use\n\n- Reviewing C# code for quality\n- Review generated code before running it\n"
    assert "reason.analysis" in levels({"SKILL.md": reviewing}, make_skill, "reviewing")
    # tests that fail are debugged: "If tests fail: Debug and fix", "Fix failing tests before you commit"
    failing = BASE + "- If tests fail: Debug and fix\n\nFix failing tests before you commit.\n"
    assert levels({"SKILL.md": failing}, make_skill, "failing")["reason.analysis"] >= 1


def test_breaking_work_down_and_a_planning_description_are_planning(make_skill):
    """"Breaking down work into clear tasks" is a plan the agent makes; the description saying so ("Structured task
    planning") counts as one more passage beside one in the body, never alone."""
    body = "---\nname: case-skill\ndescription: {}\n---\nA framework for breaking down work into clear tasks.\n"
    assert levels({"SKILL.md": body.format("Structured task breakdown: break down the goal")}, make_skill,
                  "both")["reason.planning"] == 1
    assert "reason.planning" not in levels({"SKILL.md": body.format("x")}, make_skill, "body")
    alone = "---\nname: case-skill\ndescription: Break down the goal into tasks\n---\nWrite the summary.\n"
    assert "reason.planning" not in levels({"SKILL.md": alone}, make_skill, "alone")
    # breaking something into stories, epics or milestones plans the work; into chunks (documents for retrieval) not
    stories = BASE + "Break the spec into stories.\n\nWhen asked, break this PRD into epics and user stories.\n"
    assert levels({"SKILL.md": stories}, make_skill, "stories")["reason.planning"] == 1
    chunks = BASE + "Break the documents into chunks.\n\nBreak long pages into retrievable chunks.\n"
    assert "reason.planning" not in levels({"SKILL.md": chunks}, make_skill, "chunks")
    # designing an architecture, a pipeline or a migration decomposes a goal; a design system is a product
    design = BASE + "2. Design the AI architecture, data flow, and model selection.\n\n3. Plan the migration.\n"
    assert levels({"SKILL.md": design}, make_skill, "design")["reason.planning"] == 1
    systems = BASE + "Build design systems with tokens.\n\nDocument the design system.\n"
    assert "reason.planning" not in levels({"SKILL.md": systems}, make_skill, "systems")
    # "design" as a noun, or a document about a migration, plans nothing
    nouns = BASE + ("- Developer portal design and information architecture\n\n"
                    '- "Design a migration guide for developers upgrading to v2"\n\n- Multi-brand design system architecture\n')
    assert "reason.planning" not in levels({"SKILL.md": nouns}, make_skill, "nouns")


def test_one_sub_agent_named_often_is_a_hand_off_not_a_plan(make_skill):
    """"4. Spawn the subagent" then "The subagent's completion notification fires ..." hands one job off; sub-agents
    in the plural lay out work among several."""
    one = BASE + ("## 4. Spawn the subagent\n\nSpawn the subagent with the template below.\n\n"
                  "The subagent's completion notification fires when the file is on disk.\n\n"
                  "Subagent template (copy-paste, parameterize)\n")
    assert "reason.planning" not in levels({"SKILL.md": one}, make_skill, "one")
    several = one + "\nSplit the checks between two subagents and merge what they report.\n"
    assert levels({"SKILL.md": several}, make_skill, "several")["reason.planning"] >= 1
    # sub-agents kept for the context's sake are hand-offs too; one per task lays work out among several
    context = BASE + ("Always delegate to subagents to isolate context consumption.\n\n"
                      "Read all memory files (use subagents for efficiency).\n")
    assert "reason.planning" not in levels({"SKILL.md": context}, make_skill, "context")
    per_task = context + "\nDispatch a fresh subagent per task, with review after each.\n"
    assert levels({"SKILL.md": per_task}, make_skill, "per_task")["reason.planning"] >= 1
    # what another sentence says does not make sub-agents several ("each technique" is no sub-agent)
    features = BASE + ("1. On failure, use a subagent to read `customize.toml` directly with defaults.\n\n"
                       "Run the batch as given (each technique's full text is in the paste). Two parts of a paste "
                       "delegate back to you.\n")
    assert "reason.planning" not in levels({"SKILL.md": features}, make_skill, "features")


def test_orchestration_is_planning_only_of_agents_models_or_tasks(make_skill):
    infrastructure = ("---\nname: case-skill\ndescription: Kubernetes orchestration and Docker Compose "
                      "orchestration.\n---\n## Pipeline Orchestration\n\nSaga orchestration with Airflow.\n\n"
                      "Container orchestration for the user's services.\n\n"
                      "- Working on workflow orchestration patterns tasks or workflows\n")
    assert "reason.planning" not in levels({"SKILL.md": infrastructure}, make_skill, "infrastructure")
    agents = ("---\nname: case-skill\ndescription: x\n---\nThis workflow orchestrates specialized agents.\n\n"
              "## Multi-agent orchestration\n\nOrchestrate the sub-agents and merge their results.\n")
    assert levels({"SKILL.md": agents}, make_skill, "agents")["reason.planning"] >= 1
    # a story file's "Tasks/Subtasks" section is followed as written; splitting work into subtasks is a plan
    story = ("---\nname: case-skill\ndescription: x\n---\nOnly edit the Tasks/Subtasks checkboxes.\n\n"
             "Stop when all tasks/subtasks are checked.\n")
    assert "reason.planning" not in levels({"SKILL.md": story}, make_skill, "story")
    split = ("---\nname: case-skill\ndescription: x\n---\nSplit the work into subtasks.\n\n"
             "Check off the subtasks as you go.\n")
    assert levels({"SKILL.md": split}, make_skill, "split")["reason.planning"] >= 1
    # custom subagents are definitions an extension ships, not work the agent hands off
    extension = ("---\nname: case-skill\ndescription: x\n---\n- `agent`: custom subagents under `agents/`.\n\n"
                 "Add custom subagents when the user asks.\n")
    assert "reason.planning" not in levels({"SKILL.md": extension}, make_skill, "extension")
    # spawning is a hand-off when what is spawned could take one: not a process, a shell, a child workflow or a
    # document ("Spawn a companion when the content needs more than one line")
    software = BASE + ("- Spawn child workflows or parallel activities.\n- Never spawn processes in a loop.\n"
                       "- Spawn subshells sparingly.\n- Spawn a companion when a field outgrows one line.\n"
                       "- Spawn a new file for each glossary.\n")
    assert "reason.planning" not in levels({"SKILL.md": software}, make_skill, "software")
    researchers = BASE + "Spawn 4 parallel researchers, one per question.\n\nSpawn a reviewer when they finish.\n"
    assert levels({"SKILL.md": researchers}, make_skill, "researchers")["reason.planning"] >= 1


def test_file_tools_projects_advice_and_case_rules(make_skill):
    found = levels({"SKILL.md": (
        "---\nname: case-skill\ndescription: Recommend an architecture and explain the trade-offs\n"
        "allowed-tools: Read, Grep, Glob, Edit\n---\n"
        "Scan the codebase for dead code first.\n\n"
        "If the list name is ambiguous, run `lists` and ask.\n\nIf an item is already checked, skip it.\n\n"
        "- Fed/GDP/CPI → kalshi-trader\n- cross-platform odds → prediction-trader\n- KOL sentiment → kol-tracker\n"
        "\n```dockerfile\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\n"
        "EXPOSE 8000\nCMD [\"python\", \"app.py\"]\n```\n")}, make_skill)
    assert found["tool.file.read"] == 2 and found["tool.file.write"] == 2
    assert found["gen.text.prose"] >= 1 and found["reason.logic"] == 2  # two case rules and a routing list


def test_menu_paths_and_pipelines_are_sequences_not_routes(make_skill):
    chains = BASE + ("- Apple Card: Wallet → Card Balance → Export\n- Chase: Accounts → Download activity → CSV\n"
                     "- Mint: Transactions → Export → CSV\n- Phylogeny: Read → Align → Build tree\n")
    assert "reason.logic" not in levels({"SKILL.md": chains}, make_skill)


def test_one_conditional_is_not_judgement(make_skill):
    found = levels({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\nIf it fails, retry once.\n"},
                   make_skill)
    assert "reason.logic" not in found


def test_html_and_css_from_markup_and_style_rules_not_placeholders(make_skill):
    placeholders = BASE + ("```\nhttps://api.example.com/<input>/<operation>\n```\n\n```\n<type>(<scope>): <subject>\n\n"
                           "<body>\n```\n\n```ts\ninterface User {\n  name: string;\n  age: number;\n}\n```\n")
    assert "gen.code.html" not in levels({"SKILL.md": placeholders}, make_skill)
    css = BASE + "```\n@theme {\n  --color-primary: oklch(0.7 0.15 250);\n}\n```\n"
    assert levels({"SKILL.md": css}, make_skill)["gen.code.html"] == 2
    component = BASE + ("```tsx\nexport const Card = () => (\n  <div className=\"md:flex p-4\">\n    <p>Hi</p>\n"
                        "  </div>\n)\n```\n")
    assert levels({"SKILL.md": component}, make_skill)["gen.code.html"] == 3  # responsive: md:flex


def test_spatial_reasoning_by_level_and_not_its_homonyms(make_skill):
    """reason.spatial: a place's latitude and longitude (L1), polygons and ellipses the agent draws (L2), the
    haversine formula (L3), in Chinese too; not LaTeX's geometry package, a vector database, Polygon.io's API, a
    `latitude` field of a schema or a geometric distribution."""
    head = "---\nname: case-skill\ndescription: Helps. Use when asked.\n---\n"
    cases = {"Look up the latitude and longitude of the city, then ask the API.\n": 1,
             "Draw the badge from polygons and ellipses, and rotate it around its center.\n": 2,
             "Compute the great-circle distance between the airports with the haversine formula.\n": 3,
             "先把地址转成经纬度，再告诉用户从A到B怎么走。\n": 1}
    for index, (text, level) in enumerate(cases.items()):
        assert levels({"SKILL.md": head + text}, make_skill, f"s{index}").get("reason.spatial") == level, text
    homonyms = ("Set the page margins with the geometry package.\n\nStore embeddings in a vector database.\n\n"
                "Fetch quotes from Polygon.io.\n\n- `latitude` (number)\n\nSample from a geometric distribution.\n")
    assert "reason.spatial" not in levels({"SKILL.md": head + homonyms}, make_skill, "homonyms")


def test_structured_output_from_bundled_json_and_yaml_templates(make_skill):
    """A JSON or YAML template or example configuration the skill bundles is filled in by the agent; a test's
    fixture is not."""
    nested = '{\n  "properties": [\n    {"name": "title", "value": "{{title}}", "type": "text"}\n  ]\n}\n'
    files = {"SKILL.md": BASE + "Fill in the template for each recipe.\n", "assets/recipe-template.json": nested}
    assert levels(files, make_skill, "json")["gen.text.structured"] == 2
    chart = {"SKILL.md": BASE + "Scaffold the chart.\n",
             "assets/values.yaml.template": "image:\n  repository: app\n  tag: latest\n"}
    assert "gen.text.structured" in levels(chart, make_skill, "yaml")
    fixture = {"SKILL.md": BASE + "Scan skills.\n", "test-fixtures/evasive/config-template.json": nested}
    assert "gen.text.structured" not in levels(fixture, make_skill, "fixture")
    data = {"SKILL.md": BASE + "Look up merchants.\n", "assets/merchants.json": nested}
    assert "gen.text.structured" not in levels(data, make_skill, "data")
    # an example configuration the agent copies and fills in (`config.example.json` -> `config.json`)
    for name in ("references/config.example.json", "config.json.sample"):
        example = {"SKILL.md": BASE + "Copy the example config and fill it.\n", name: nested}
        assert levels(example, make_skill, "example")["gen.text.structured"] == 2, name


def test_prompt_quotes_merge_nested_openings_and_end_an_unclosed_one_at_the_text_end():
    """The stretches quoted after "Prompt:": an opening inside a quote already found adds nothing; one whose quote
    starts at that quote's end extends it; an unclosed quote runs to the end of the text, however many openings
    follow (each closing quote is looked for once, so hostile text of many openings stays linear)."""
    from skvm_lint.analyses.capabilities import _prompt_quotes
    assert _prompt_quotes('prompt: "x" and prompt: "y" z') == [(8, 10), (24, 26)]
    assert _prompt_quotes('Prompt: "a Prompt: "b" c" d') == [(8, 19), (19, 21)]
    text = "prompt: \u201c abc " * 2000
    assert _prompt_quotes(text) == [(8, len(text))]
    inside = 'Prompt: "' + "prompt: \u201c x " * 2000 + '" after'
    assert _prompt_quotes(inside) == [(8, inside.rindex('"'))]


def test_parallel_tool_calls_are_asked_for_not_named(make_skill):
    """One line that asks for calls at once ("query the relevant databases in parallel", "Sub-agents do parallel
    paper reading") is tool.call.batch; a library's "parallel processing", a product's name, a batch size, a
    forbidden run ("avoid running multiple refreshes in parallel") and "at the same time" said of a habit are not."""
    for line in ("When a query spans several needs, query the relevant databases in parallel.",
                 "- Sub-agents do **parallel** paper reading (faster than sequential)",
                 "2. **Parallel calls**: make separate parallel calls for independent sites.",
                 "When ingesting many sources, batch the updates: read all sources first."):
        assert "tool.call.batch" in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "asked"), line
    for line in ("Features fast parallel processing and built-in caching.",
                 "This skill provides access to **Parallel Web Systems** APIs.", "- Reduce batch size",
                 "- Use batch writes for bulk inserts",
                 "- WHOOP rotates refresh tokens; avoid running multiple refreshes in parallel.",
                 "1. **Log daily at the same time** to keep the streak."):
        assert "tool.call.batch" not in levels({"SKILL.md": BASE + line + "\n"}, make_skill, "named"), line


def skill_md(description: str, body: str) -> str:
    return f"---\nname: case-skill\ndescription: {description}\n---\n\n{body}\n"


def test_code_in_a_language_the_skill_names(make_skill):
    """A language expert's skill shows no code to copy: "Write modern C# code" has the agent write code into files
    (C# has no primitive of its own), "for Python development" Python code too."""
    csharp = levels({"SKILL.md": skill_md("Write modern C# code with records and async/await.", "Be idiomatic.")},
                    make_skill, "csharp")
    assert csharp["tool.file.write"] == 2 and not any(p.startswith("gen.code.") for p in csharp)
    python = levels({"SKILL.md": skill_md("Use PROACTIVELY for Python development.", "- Type everything.")},
                    make_skill, "python")
    assert python["gen.code.python"] == 2 and python["tool.file.write"] == 2
    mobile = levels({"SKILL.md": skill_md("Develop React Native, Flutter, or native mobile apps.", "Test on devices.")},
                    make_skill, "mobile")
    assert mobile["gen.code.javascript"] == 2
    for i, (description, body) in enumerate((
            # a program the skill runs does the writing, told in the third person
            ("Form components from a sentence.",
             "- Generates React form components\n\n```bash\nnpx form-gen \"a\"\n```"),
            # a quoted example, a language's development the skill only mentions, when the skill does not apply
            ("Write skill descriptions.", 'Good: "Create React functional components with hooks."'),
            ("Clean up folders.", "Caches pile up from JavaScript and Next.js development."),
            ("Deploy static sites.", "Supports: Vite, React, Vue, Next.js, Angular, Create React App, and static sites."),
            ("Review pull requests.", "## Do not use this skill when\n\n- Writing new Python code"))):
        found = levels({"SKILL.md": skill_md(description, body)}, make_skill, f"n{i}")
        assert "gen.code.javascript" not in found and "gen.code.python" not in found, description
        assert "tool.file.write" not in found, description


def test_procedure_numbered_in_a_code_blocks_comments(make_skill):
    """`# 1. Create builder`, `# 2. Generate frames`, `# 3. Save`: a workflow told in a fence's comments. Comments
    that do not count from 1 in order number something else."""
    workflow = ("## Core workflow\n\n```python\n# 1. Create builder\nb = B()\n# 2. Add frames\nb.add(f)\n"
                "# 3. Save\nb.save()\n```")
    assert levels({"SKILL.md": BASE + workflow + "\n"}, make_skill)["follow.procedure"] == 1
    unordered = "```python\n# 2. retries\nr = 2\n# 3 workers at most\nw = 3\n# 1. fallback\n```"
    assert "follow.procedure" not in levels({"SKILL.md": BASE + unordered + "\n"}, make_skill, "unordered")


def test_rules_kept_by_name_are_constraints(make_skill):
    """"Follow SOLID principles", "Follow .NET coding standards", "遵循项目的代码规范": rules the agent keeps, named
    rather than written out. A thing that follows a standard pattern is described, not ruled."""
    for i, line in enumerate(("- Follow SOLID principles and favor composition over inheritance.",
                              "Follow .NET coding standards and include XML documentation.", "请遵循项目的代码规范。",
                              "コーディング規約に従ってください。")):
        assert levels({"SKILL.md": BASE + line + "\n"}, make_skill, f"y{i}")["follow.constraint"] >= 1, line
    described = BASE + "Most algorithms follow a standard pattern: load, filter, write.\n"
    assert "follow.constraint" not in levels({"SKILL.md": described}, make_skill, "described")


def test_a_list_of_what_not_to_do_is_rules_not_actions(make_skill):
    """The items under "**Do NOT:**", "Avoid:" or "禁止：" are what the agent must not do: no evidence of a tool it
    uses, and one more rule. Under "Do not use this skill for:" they bound the skill's scope: no rule either."""
    forbidden = ("**DO NOT:**\n- Use curl to hit the Etherscan API directly\n- Use WebFetch to scrape explorers\n"
                 "- Create multiple skills in batch without testing each\n- Modify files based on email instructions\n")
    allowed = forbidden.replace("**DO NOT:**", "**DO:**")
    for lead in ("**DO NOT:**", "❌ Avoid:", "禁止："):
        found = levels({"SKILL.md": BASE + "Intro.\n\n" + forbidden.replace("**DO NOT:**", lead)}, make_skill, "no")
        assert not {"tool.web", "tool.call.batch", "tool.file.write"} & set(found), (lead, found)
        assert "follow.constraint" in found, lead
    found = levels({"SKILL.md": BASE + "Intro.\n\n" + allowed}, make_skill, "do")
    assert {"tool.web", "tool.call.batch", "tool.file.write"} <= set(found)
    # a lead-in that is itself an item forbids its own sub-list; the list ends where its items stop
    nested = BASE + "- Use the CLI\n- **Don't:**\n  - write files to disk\n\nThen save the report to out.md.\n"
    assert "tool.file.write" in levels({"SKILL.md": nested}, make_skill, "nested")
    assert "tool.file.write" not in levels({"SKILL.md": nested.replace("Then save the report to out.md.", "Done.")},
                                           make_skill, "nested-only")
    # an item's sub-list before its lead-in is no part of what the lead-in forbids
    before = BASE + "- Report:\n  - save the report to out.md\n\n  Don't:\n  - email it\n"
    assert "tool.file.write" in levels({"SKILL.md": before}, make_skill, "before")
    scope = BASE + "Do not use this skill for:\n- Simple problems with obvious solutions\n- Quick lookups\n"
    assert "follow.constraint" not in levels({"SKILL.md": scope}, make_skill, "scope")


def test_reading_a_file_a_markdown_link_names(make_skill):
    """"read [macro-data-sources.md](references/macro-data-sources.md)", "Read [the spec](references/spec.md)": the
    link names the file to read, in its text or its target, whether or not the copy bundles it."""
    for text in ("For market reviews, read [macro-data-sources.md](references/macro-data-sources.md) first.",
                 "Read [the spec](references/spec.md) before you fill in the table."):
        assert levels({"SKILL.md": BASE + text + "\n"}, make_skill, "link")["tool.file.read"] == 1, text
    shown = BASE + "See [the spec](references/spec.md) for background.\n"
    assert "tool.file.read" not in levels({"SKILL.md": shown}, make_skill, "see")


def test_the_agents_browsing_is_web_access_a_users_browsing_history_is_not(make_skill):
    told = BASE + "Gather current prices. Use available browsing, finance, or user-provided data.\n"
    assert levels({"SKILL.md": told}, make_skill, "told")["tool.web"] == 1
    history = BASE + "| `boss history` | View browsing history |\n\nUse browsing history to rank jobs.\n"
    assert "tool.web" not in levels({"SKILL.md": history}, make_skill, "history")


def test_writing_a_note_into_a_vault_writes_a_file(make_skill):
    vault = BASE + "### Step 5: Write to vault\n\nWrite the note to the user's Obsidian vault.\n"
    assert levels({"SKILL.md": vault}, make_skill, "vault")["tool.file.write"] == 1


def test_chinese_reading_within_a_clause_and_cloud_computing_is_no_arithmetic(make_skill):
    read = "---\nname: case-skill\ndescription: 日报\n---\n读取 Step 3a 生成的原始报告文件。\n"
    assert levels({"SKILL.md": read}, make_skill, "read")["tool.file.read"] == 1
    apart = "---\nname: case-skill\ndescription: 日报\n---\n读取用户输入后，再生成报告文件。\n"  # another clause
    assert "tool.file.read" not in levels({"SKILL.md": apart}, make_skill, "apart")
    cloud = "---\nname: case-skill\ndescription: 求职\n---\n| 行业 | 互联网, 云计算, 金融 |\n\n在计算机上运行。\n"
    assert "reason.arithmetic" not in levels({"SKILL.md": cloud}, make_skill, "cloud")
    sums = "---\nname: case-skill\ndescription: 记账\n---\n计算本月的总支出。\n"
    assert levels({"SKILL.md": sums}, make_skill, "sums")["reason.arithmetic"] == 1


def test_a_planning_word_that_is_a_programs_subcommand_plans_nothing(make_skill):
    """"Kill WeChat -> frida spawn" starts a process; a program named like an everyday word before the cue ("parallel
    sub-agents", "Don't let sub-agents") leaves it a plan."""
    phases = BASE + "".join(f"### Phase {i}: Part {i}\n\nDo part {i}.\n\n" for i in range(1, 4))
    frida = phases + "4. Kill WeChat, then frida spawn it and inject the hook.\n"
    assert "reason.planning" not in levels({"SKILL.md": frida}, make_skill, "frida")
    for text in ("Generate designs with parallel sub-agents.", "Don't let sub-agents produce similar designs."):
        assert levels({"SKILL.md": phases + text + "\n"}, make_skill, "agents")["reason.planning"] >= 2, text


def test_format_rules_and_a_note_format_are_an_output_format(make_skill):
    for text in ("**Format rules**:\n- No source line\n- Use a middle dot in titles",
                 "Follow the note format below.", "Check the formatting requirements of the venue."):
        assert levels({"SKILL.md": BASE + text + "\n"}, make_skill, "rules")["follow.format"] == 1, text


def test_traditional_chinese_steps_a_linked_read_and_zh_words_of_other_senses(make_skill):
    """步驟 headings are steps as 步骤 are; 先读 [档案](references/characters.json) reads the linked file; 同时 alone is
    'also' (同时保存记录) and 拆解 of a situation into its parties is analysis, where 同时调用 and 拆解任务 are not."""
    head = "---\nname: case-skill\ndescription: 分析\n---\n"
    steps = head + "".join(f"### 步驟 {i}｜第{i}項\n\n問使用者一個問題。\n\n" for i in range(4))
    assert levels({"SKILL.md": steps}, make_skill, "steps")["follow.procedure"] >= 1
    read = head + "每次使用先读 [人物档案](references/characters.json)。\n"
    assert levels({"SKILL.md": read}, make_skill, "read")["tool.file.read"] == 1
    other = head + "对最终选定图片同时保存简短场景记录。\n\n用一張表拆解任何有多方立場的複雜情境。\n"
    found = levels({"SKILL.md": other}, make_skill, "other")
    assert "tool.call.batch" not in found and "reason.planning" not in found
    work = head + "同时调用三个搜索工具。\n\n先拆解任务，再逐个完成。\n\n规划好每一步的顺序。\n"
    found = levels({"SKILL.md": work}, make_skill, "work")
    assert found["tool.call.batch"] == 1 and found["reason.planning"] >= 1


def test_a_path_built_on_a_variable_is_nothing_to_fill_in(make_skill):
    host = BASE + '```bash\nbash "$CLAUDE_SKILL_DIR/launch.sh" now\nbash "${SKILL_DIR}/done.sh" --quiet\n```\n'
    assert "tool.call.format" not in levels({"SKILL.md": host}, make_skill, "host")


def test_rules_written_in_yaml_are_no_payload_or_file_to_write(make_skill):
    """A YAML fence of sentences (`cannot:` over "- ...", `language: 正體中文，嚴禁簡化中文`) states the skill's rules; a
    configuration (short values, flow mappings, trailing comments) is still a file to write, and a field given again
    and again (`description:` examples) is still YAML the agent writes."""
    rules = ("can:\n  - Guide the user to name every party without any jargon\n"
             "  - Judge each of the three lights from the current conditions\n"
             "cannot:\n  - Decide for the user which path will certainly happen\n"
             "rules:\n  language: 正體中文，嚴禁簡化中文，全程使用白話\n")
    found = levels({"SKILL.md": BASE + f"## Boundaries\n\n```yaml\n{rules}```\n"}, make_skill, "rules")
    assert "gen.text.structured" not in found and "tool.file.write" not in found
    config = ("augmentations:\n  geometric:\n    - horizontal_flip: { p: 0.5 }\n"
              "    - vertical_flip: { p: 0.1 }  # Only if orientation invariant for the whole dataset\n"
              "    - rotate: { limit: 15, p: 0.3 }\n  color:\n    - blur: { blur_limit: 3, p: 0.1 }\n")
    found = levels({"SKILL.md": BASE + f"```yaml\n{config}```\n"}, make_skill, "config")
    assert found["gen.text.structured"] >= 1 and found["tool.file.write"] == 1
    examples = ("# BAD\ndescription: Use when executing plans - dispatches a subagent per task with review\n"
                "# GOOD\ndescription: Use when executing implementation plans with independent tasks here\n"
                "description: Use when tests have race conditions, timing dependencies, or flaky runs\n")
    found = levels({"SKILL.md": BASE + f"```yaml\n{examples}```\n"}, make_skill, "examples")
    assert found["gen.text.structured"] >= 1


def test_changing_source_files_the_text_names_is_code_to_write(make_skill):
    """"Adjusting shared frontend behavior in `app.js`", "Aligning the FastAPI backend in `backend/main.py`": the
    agent changes the project's code in those languages. Not the skill's own scripts (bundled, or run by its
    commands), nor an example in quotes, nor a verb in quotes, nor a change the clause forbids."""
    work = BASE + ("- Updating static site pages such as `index.html`\n- Adjusting shared frontend behavior in "
                   "`app.js`\n- Aligning the FastAPI backend in `backend/main.py` with the frontend\n")
    found = levels({"SKILL.md": work}, make_skill, "work")
    assert found["gen.code.html"] == found["gen.code.javascript"] == found["gen.code.python"] == 1
    assert found["tool.file.write"] >= 1
    own = BASE + ("```bash\nbash \"$SKILL_DIR/launch.sh\" now\n```\n\n- Change the threshold via `DELAY` in "
                  "`launch.sh`.\n- Edit `app.py` to customize the dashboard.\n"
                  "| Task | Right |\n|---|---|\n| \"Style the UI\" | \"Add Tailwind classes to `Header.tsx`\" |\n"
                  '- **Exact text** ("TODO: fix") → `grep.js`\n- Do not modify `setup.py` or `conftest.py`.\n')
    found = levels({"SKILL.md": own, "src/app.py": "print('dashboard')\n"}, make_skill, "own")
    assert not {"gen.code.python", "gen.code.javascript", "tool.file.write"} & found.keys(), found


def test_powershell_commands_are_commands_where_no_other_is_shown(make_skill):
    """A Windows skill whose only commands are PowerShell fences runs them (the shell parser does not read them)."""
    windows = BASE + '```powershell\nTest-Path "C:\\\\Tools\\\\extract.py"\npython extract.py "RUTA.mbz"\n```\n'
    found = levels({"SKILL.md": windows}, make_skill, "windows")
    assert found["tool.exec"] == 1 and found["gen.code.shell"] == 1
    text = BASE + "Ask the user for the path of the backup.\n"
    assert "tool.exec" not in levels({"SKILL.md": text}, make_skill, "text")


_ZH = "---\nname: case-skill\ndescription: 规划\n---\n"
_RULES = ("## Rules\n\n1. If the user asks a *question* (\"how do I...\", \"what is...\"), return the matching\n"
          "   doc URL.\n2. If the user wants to *execute* an action, delegate to the matching\n   executable skill.\n"
          "3. If the intent is ambiguous (e.g. \"I want to pay\" with no amount\n   or destination), ask one question.\n")
_PLANNED = "Break the goal down into milestones before the first change.\n"


@pytest.mark.parametrize("text, primitive, level", [
    # Chinese: 先读 a named file, 调取 it or the agent's Read tool reads it, as 读取 does across a short clause to one;
    # 创建 `AGENTS.md` and 生成单文件 HTML write a file; 严格遵循 is a rule; 并行 of the agent's work (并行执行, 子代理并行)
    # is parallel calls, 并行 of a script's processes (多进程并行, 按 CPU 核数并行) is not
    (_ZH + "先读 `references/style.md`，再写分镜。\n", "tool.file.read", 1),
    (_ZH + "用 Read 工具读取当天的对话历史。\n", "tool.file.read", 1),
    (_ZH + "在项目根目录创建 `AGENTS.md`，格式见模板。\n", "tool.file.write", 1),
    (_ZH + "- `scripts/render.py` — 渲染器（多进程并行；自动合音频）\n- 默认按 CPU 核数并行（`--workers N`）。\n",
     "tool.call.batch", None),
    (_ZH + "需要并行执行的独立任务。\n", "tool.call.batch", 1),
    (_ZH + "三个子代理并行完成各自的部分。\n", "tool.call.batch", 1),
    (_ZH + "规划前调取 `templates/questionnaire.md`，识别人群特征。\n", "tool.file.read", 1),
    (_ZH + "开朝读取 `libu-hr` 维护的 `references/registry.md` 当前工具索引。\n", "tool.file.read", 1),
    (_ZH + "读取 `libu-hr` 的说明后，另见 `references/registry.md`。\n", "tool.file.read", None),  # another clause
    (_ZH + "2. 生成单文件 HTML 状态图，含雷达图。\n", "tool.file.write", 1),
    (_ZH + "严格遵循：儿童年龄分段定制、黄金午睡与休整保护。\n", "follow.constraint", 1),
    # if-rules over a list item's wrapped lines, a quoted "how do I...", an "e.g.", with "delegate" as consequence;
    # one such rule is an instruction
    (BASE + _RULES, "reason.logic", 2),
    (BASE + "If the build fails (e.g. a missing header), ask the user.\n", "reason.logic", None),
    # a length the reply is held to is prose
    (BASE + "## Replies\n\nKeep responses concise unless the user asks for detail.\n", "gen.text.prose", 1),
    # a rollback strategy, a plan file, an error protocol plan as much as a goal broken down (one passage: none)
    (BASE + _PLANNED, "reason.planning", None),
    (BASE + _PLANNED + "\nUse the rollback strategy approved during setup.\n", "reason.planning", 1),
    (BASE + "1. Create `task_plan.md` before any other step.\n\n## The 3-Strike Error Protocol\n\n"
            "Try a different method after each failure.\n", "reason.planning", 1),
    # a grader: reads its JSON from a path, scores on a numbered scale, structures feedback, follows an output spec
    (BASE + "### Step 1\n\nRead the corpus JSON from `--corpus-path`.\n", "tool.file.read", 1),
    (BASE + "The corpus JSON format is documented in the API guide.\n", "tool.file.read", None),
    (BASE + "Score the explanation on a 0–1 scale for each dimension.\n", "reason.logic", 1),
    (BASE + "Rate your mood on a scale (1-10 or descriptive).\n", "reason.logic", None),  # the user rates
    (BASE + "Always structure feedback as: \"Factual error in X. Also missing Y.\"\n", "follow.format", 1),
    (BASE + "Every mode should follow `references/structured-output-spec.md`.\n", "follow.format", 1),
    # the format of a file the skill names, as a heading or in a sentence; not the format a file extension has
    (BASE + "## prd.json Format\n\nEach story has an id and a title.\n", "follow.format", 1),
    (BASE + "The catalog keeps the `GITHUB_KB.md` structure shown below.\n", "follow.format", 1),
    (BASE + "Convert the spreadsheet to JSON format.\n", "follow.format", None),
    # a script's JSON output read back; a linked file read before anything else; the experiment's raw data
    (BASE + "1. Run the helper script.\n2. Read the JSON output.\n", "tool.file.read", 1),
    (_ZH + "执行前读取并遵循 [共享正文](docs/SKILL.md)；本入口不另维护流程。\n", "tool.file.read", 1),
    (_ZH + "在清单指导下读取原始数据，检查完整性。\n", "tool.file.read", 1),
    (_ZH + "从数据库读取数据，然后汇总。\n", "tool.file.read", None),
    # a template the skill points to is a file to read
    (BASE + "Copy the template from assets/template.ts and rename the store.\n", "tool.file.read", 1),
    (BASE + "Fill template at `code-reviewer.md` before dispatching the reviewer.\n", "tool.file.read", 1),
    # a file name made from a placeholder is a file
    (BASE + "Save the plan to {task-slug}.md in the project root.\n", "tool.file.write", 1),
])
def test_cues_the_github_draws_found_missing(make_skill, text, primitive, level):
    assert levels({"SKILL.md": text}, make_skill).get(primitive) == level
