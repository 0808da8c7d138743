"""The command recogniser: commands wherever a skill writes them, and prose words never taken for programs."""

from __future__ import annotations

import pytest

import skvm_lint
from skvm_lint.analyses import dependencies
from skvm_lint.limits import Limits
from skvm_lint.parsing.commands import CODE, PROMPT, PROSE, recognise
from skvm_lint.parsing.markdown import parse_markdown


def commands(markdown: str) -> list[tuple[str, str, int]]:
    doc, _front = parse_markdown(markdown, "SKILL.md", Limits())
    return [(c.where, c.text, c.span.line) for c in doc.command_lines]


@pytest.mark.parametrize("line", [
    "npx @playwright/mcp@latest --config path/to/config.json",
    "docker run -d -i --rm -e KEY=value mcp/server",
    "pip install requests",
    "go install github.com/acme/tool@latest",
    "find . -name '*.md'",
])
def test_commands_in_plain_list_items_are_recognised(line):
    assert commands(f"# Setup\n\n- {line}\n") == [("prose", line, 3)]


@pytest.mark.parametrize("line", [
    "docker is required for the sandbox",  # a sentence
    "make sure the token is set",  # a program spelled like an everyday word
    "go to the settings page",
    "pdftk (PDF manipulation)",  # a note, not arguments
    "vite react animation",  # no argument looks like code
    "pytest Best Practices: docs.pytest.org/en/stable",
    "make / create / do",
    "type OrderStatus = 'pending' | 'shipped'",  # TypeScript: shell syntax is not a program in prose
    "docker 安装后运行",  # Chinese prose after a program name
    "Docker Desktop running",
])
def test_prose_is_never_a_command(line):
    assert commands(f"- {line}\n\n{line}\n") == []


def test_inline_code_tables_prompts_and_headings():
    text = ("# `npm install x`\n\n"
            "运行 `python3 scripts/fetch.py --city 北京` 获取数据。\n\n"
            "| query | meaning |\n|---|---|\n| `T | getschema` | KQL, not shell |\n| `jq -r .name f.json` | x |\n\n"
            "Start it: $ docker compose up -d\n\n"
            "Costs $ 5 per month.\n")
    assert commands(text) == [
        ("code", "python3 scripts/fetch.py --city 北京", 3),  # inline code inside Chinese prose
        ("code", "jq -r .name f.json", 8),  # a table cell; the KQL operator in the other cell is not a program
        ("prompt", "docker compose up -d", 10),  # after a `$ ` prompt in a paragraph
    ]  # the heading and the price are not commands


def test_a_placeholder_in_angle_brackets_is_no_redirection():
    """`python scripts/check.py <project_path>` in a table cell is a command whose argument the user fills in; a
    synopsis whose first argument is a placeholder (`whisper <name> <msg>` among a game's commands) is not read."""
    found = recognise("python scripts/check.py <project_path>", CODE, "SKILL.md", 1)
    assert found is not None and found.text == "python scripts/check.py <project_path>"
    assert [c.program for c in found.facts.commands] == ["python"]
    assert recognise("az keyvault secret list --vault-name <name>", CODE, "SKILL.md", 1) is not None
    assert recognise("whisper <name> <msg>", CODE, "SKILL.md", 1) is None
    assert recognise("go <direction>", CODE, "SKILL.md", 1) is None


def test_unknown_programs_need_to_look_like_commands():
    assert recognise("mcporter call mayar.list --json", CODE, "SKILL.md", 1) is not None
    assert recognise("mcporter list mayar", CODE, "SKILL.md", 1) is None  # unknown, no flag: maybe prose
    assert recognise("mcporter call x --json", PROSE, "SKILL.md", 1) is None  # plain text needs a known program
    assert recognise("$ in orderbook", PROSE, "SKILL.md", 1) is None  # a keyword after a dollar sign
    assert recognise("ls -la", PROMPT, "SKILL.md", 1) is not None
    assert recognise("about = About { -brand-name }.", CODE, "SKILL.md", 1) is None  # a binding of another language
    # arrows of a flow written in inline code are no option: `->` is not `-v`
    assert recognise("Simple task -> Direct dispatch | Complex task -> Supervisor", CODE, "SKILL.md", 1) is None
    assert recognise("wrong spelling -> correct spelling", CODE, "SKILL.md", 1) is None


def test_indented_and_unlabelled_blocks_are_shell_when_they_start_with_a_command():
    doc, _ = parse_markdown("Run:\n\n    kubectl get pods -n prod\n\n```\nuv run app.py\n```\n\n```\nplain words\n```\n",
                            "SKILL.md", Limits())
    assert [b.language for b in doc.code_blocks] == ["shell", "shell", None]
    assert [c.program for b in doc.code_blocks if b.code for c in b.code.commands] == ["kubectl", "uv"]


def test_a_block_of_everyday_words_is_no_shell():
    """`host 10.0.0.1` then `port 80` (a capture filter) is two everyday words, not shell; `find . -name x` then
    `grep -rn y` is."""
    doc, _ = parse_markdown("```\n# one host\nhost 192.168.1.100\n\n# one port\nport 80\n```\n\n"
                            "```\nfind . -name '*.md'\ngrep -rn TODO .\n```\n", "SKILL.md", Limits())
    assert [b.language for b in doc.code_blocks] == [None, "shell"]


def test_commands_in_list_items_are_dependencies(make_skill):
    root = make_skill({"SKILL.md": "---\nname: catalog\ndescription: x\n---\n# Install\n\n"
                                   "- npx @playwright/mcp@latest --config path/to/config.json\n"
                                   "- docker run -d --rm mcp/grafana\n- Make sure Docker is running.\n"})
    found = {(d.type, d.name) for d in dependencies.analyze(skvm_lint.load(root)).found if d.required}
    assert {("npm", "@playwright/mcp"), ("system", "docker"), ("system", "node")} <= found
    assert not any(name in ("make", "Make") for _kind, name in found)
