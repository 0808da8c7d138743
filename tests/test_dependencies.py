"""Dependency analysis, `skvm-lint deps`, and env-setup.sh (checked with bash -n and shellcheck)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import skvm_lint
from skvm_lint.analyses import dependencies
from skvm_lint.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "corpus" / "examples"
SHELLCHECK = shutil.which("shellcheck") or str(Path(sys.executable).with_name("shellcheck"))


def by_key(skill_path) -> dict[tuple[str, str], dependencies.Dependency]:
    """Every dependency the analysis finds, by (type, name)."""
    return {(d.type, d.name): d for d in dependencies.analyze(skvm_lint.load(skill_path)).found}


def by_type(skill_path) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for dep in dependencies.analyze(skvm_lint.load(skill_path)).found:
        if dep.required:
            out.setdefault(dep.type, set()).add(dep.name)
    return out


def findings(skill_path, select: str) -> list[dict]:
    """The findings of `skvm-lint check --select SELECT --format json` on the skill."""
    result = CliRunner().invoke(main, ["check", str(skill_path), "--select", select, "--format", "json",
                                       "--exit-zero"])
    return json.loads(result.output)["diagnostics"]


def warnings(skill_path, select: str) -> list[dict]:
    """The findings of that check that are warnings or errors: a requirement stated in prose is an info finding."""
    return [d for d in findings(skill_path, select) if d["severity"] != "info"]


def test_sources_of_evidence(make_skill):
    root = make_skill({
        "SKILL.md": ("---\nname: case-skill\ndescription: x\nmetadata: {\"clawdbot\": {\"requires\": "
                     "{\"bins\": [\"python3\", \"gh\"], \"env\": [\"GH_TOKEN\"]}}}\n---\n"
                     "```bash\nuvx ruff check .\nnpx -y @scope/tool@1.2 run\nsudo apt-get install -y ffmpeg\n"
                     "export SERVICE_API_KEY=your-key\n```\n"
                     "```json\n{\"mcpServers\": {\"x\": {\"command\": \"npx\", \"args\": [\"-y\", \"mcp-remote\"]}}}\n```\n"),
        "scripts/a.py": ("# /// script\n# dependencies = [\"httpx>=0.27\"]\n# ///\nimport httpx, bs4\n"
                         "from google import genai\nimport os\nkey = os.getenv('API_TOKEN')\n"
                         "mode = os.getenv('MODE', 'fast')\nhttpx.get('https://api.example.org/v1')\n"
                         "httpx.get('https://api.github.com/repos')\n"),
        "scripts/b.mjs": "import fs from 'node:fs';\nimport chalk from 'chalk';\nconst t = process.env.SLACK_TOKEN;\n",
    })
    found = by_type(root)
    assert found["pip"] == {"httpx", "beautifulsoup4", "google-genai", "ruff"}
    assert found["npm"] == {"@scope/tool", "chalk", "mcp-remote"}
    assert found["system"] == {"gh", "uv", "node", "ffmpeg"}
    assert found["env"] == {"GH_TOKEN", "API_TOKEN", "SLACK_TOKEN", "SERVICE_API_KEY"}  # MODE has a default
    assert found["service"] == {"api.github.com"}  # example.org is a placeholder host
    httpx = next(d for d in dependencies.analyze(skvm_lint.load(root)).found if d.name == "httpx")
    assert httpx.declared and httpx.version == ">=0.27" and {s.file for s in httpx.evidence} == {"scripts/a.py"}



def test_modules_of_one_distribution_name_it(make_skill):
    """pywin32 installs win32crypt, win32con and win32gui as well as win32api: each import names pywin32."""
    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\nRun `python scripts/a.py`.\n",
                       "scripts/a.py": "import win32crypt\nimport win32con, win32gui\n"})
    assert by_type(root)["pip"] == {"pywin32"}

def test_only_host_names_are_services(make_skill):
    """An elided URL ("https://...file.csv") or a list the URL scanner read whole names no host."""
    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\n",
                       "scripts/a.py": ("import urllib.request\n"
                                        "urllib.request.urlretrieve('https://...store_sales.csv', 'a.csv')\n"
                                        "urllib.request.urlopen('https://a.com,https://b.com')\n"
                                        "urllib.request.urlopen('https://data.example-host.io:8080/x')\n")})
    assert by_type(root)["service"] == {"data.example-host.io"}


def test_a_host_name_with_the_users_own_part_names_the_service_behind_it(make_skill):
    """`your-org.atlassian.net` is Atlassian's service; `your-app.com`, `api.yourstore.com`, `planka.example` and a
    file's name after the scheme (`https://your-image.jpg`) name none. YOURLS is a real service."""
    urls = ["your-org.atlassian.net", "xxxxx.supabase.co", "your-app.com", "api.yourstore.com", "myapp.com",
            "example.com.br", "planka.example", "your-image.jpg", "yourls.org"]
    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\n",
                       "scripts/a.py": "import urllib.request\n" + "".join(
                           f"urllib.request.urlopen('https://{url}/v1')\n" for url in urls)})
    assert by_type(root)["service"] == {"atlassian.net", "supabase.co", "yourls.org"}


def test_programs_a_slim_debian_image_lacks_are_dependencies(make_skill):
    """bc, unzip and rsync ship with macOS but are optional Debian packages: a script that runs them needs them
    installed (env-setup.sh apt-installs them); sed, awk, curl and git are assumed."""
    root = make_skill({
        "SKILL.md": "---\nname: case-skill\ndescription: x\n---\nRun `bash scripts/fetch.sh`.\n",
        "scripts/fetch.sh": ("#!/bin/bash\ncurl -sL https://example.org/a.zip -o a.zip\nunzip -qo a.zip -d out\n"
                             "total=$(echo \"scale=2; $1 / 3\" | bc)\nsed -n 1p out/x | awk '{print $1}'\n"
                             "rsync -a out/ backup/\ngit status\n"),
    })
    assert by_type(root)["system"] == {"unzip", "bc", "rsync"}


def test_tools_a_requirements_section_lists_are_stated_and_npm_comes_with_a_declared_node(make_skill):
    """A `## Prerequisites` (or Chinese 环境要求, or "### Script Requirements") list names what must be present:
    stated, in prose. npm is Node.js's, so a hub install entry of kind node declares it too."""
    listed = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\n---\n## Prerequisites\n\n- Node.js 20+ (for the scripts)\n"
        "- `mcpc` CLI tool (for schemas)\n\n## 环境要求\n\n- `ffmpeg`\n\n## Steps\n\n```bash\nmcpc --json x tools-call y\n"
        "node scripts/run.mjs\nffmpeg -i a.mp4 b.mp3\njq -r .name out.json\n```\n")}, name="listed")
    assert {d["message"] for d in warnings(listed, "DP001")} == {
        "system dependency `jq` is used but declared nowhere"}
    # "### Script Requirements" is such a section; a program it calls optional is named there all the same
    script = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\n---\n### Script Requirements\n\n- Requires: `jq`, `curl`\n"
        "- Optional: `ffmpeg` (for local video)\n\n## Steps\n\n```bash\nffmpeg -i a.mp4 b.mp3\njq . out.json\n"
        "yq . a.yaml\n```\n")}, name="script")
    assert {d["message"] for d in warnings(script, "DP001")} == {
        "system dependency `yq` is used but declared nowhere"}
    # a requirements table's first column names them too; a cell of its purpose column names nothing
    table = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\n---\n## Requirements\n\n| Tool | Purpose |\n|---|---|\n"
        "| `jq` | JSON parsing (not sed) |\n\n## Steps\n\n```bash\njq . state.json\nsed -n 1p a.txt\nyq . a.yaml\n```\n"
        "\n## Tools\n\n| Tool | Use |\n|---|---|\n| `yq` | YAML |\n")}, name="table")
    assert {d["message"] for d in warnings(table, "DP001")} == {
        "system dependency `yq` is used but declared nowhere"}
    entry = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\nmetadata: {\"openclaw\": {\"install\": [{\"kind\": \"node\", "
        "\"package\": \"hubcli\", \"bins\": [\"hubcli\"]}]}}\n---\n```bash\nnpm cache clean --force\n"
        "npm i -g hubcli\nhubcli sync\n```\n")},
        name="entry")
    assert findings(entry, "DP001") == []
    # the lists of its subsections too ("## Prerequisites" / "### Required"); a subsection's paragraphs explain
    nested = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\n---\n## Prerequisites\n\n### Required\n\n- **yt-dlp** - "
        "downloader\n\n### Import a key\n\nKeep `~/.config/solana/` private.\n\n## Steps\n\n```bash\n"
        "yt-dlp URL\nsolana address\n```\n")}, name="nested")
    assert {d["message"] for d in warnings(nested, "DP001")} == {
        "system dependency `solana` is used but declared nowhere"}


def test_programs_an_installed_sdk_brings_are_not_reported_again(make_skill):
    """The Google Cloud SDK installer run before `gcloud init` installs gcloud, and with it gsutil and bq; where
    gcloud itself is reported, gsutil shares its root cause."""
    head = "---\nname: case-skill\ndescription: x\n---\n"
    installed = make_skill({"SKILL.md": head + "```bash\ncurl https://sdk.cloud.google.com | bash\ngcloud init\n```\n"
                                              "```bash\ngsutil ls\nbq ls\n```\n"}, name="installed")
    assert findings(installed, "DP001") == []
    reported = make_skill({"SKILL.md": head + "```bash\ngcloud projects list\ngsutil ls\n```\n"}, name="reported")
    assert [d["message"] for d in findings(reported, "DP001")] == [
        "system dependency `gcloud` is used but declared nowhere"]


def test_a_wrapper_run_from_a_folder_of_the_skill_and_a_prose_word_are_no_programs(make_skill):
    """`./scripts/omni <command>` then `omni repeat ...`: the skill's wrapper (the copy lacks it); `./llama-server` of a
    build and `~/bin/x` stay programs; a chat example that parses to `is irrational` runs no `is`."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: x\n---\n```bash\n./scripts/omni <command>\n```\n\n```bash\n"
                     "omni repeat abc123 fixed 1 weeks\nomni unrepeat abc123\n```\n\n```bash\n"
                     "./llama-server -m m.gguf\nllama-server -m m.gguf\n~/tools/bin/zz --help\nzz --list\n```\n"
                     "```bash\n# Input\nmulti llm reasoning Prove that sqrt(2) is irrational\n```\n"),
        "scripts/omnifocus.js": "ObjC.import('Foundation')\n",
    })
    deps = by_key(root)
    assert ("system", "omni") not in deps and ("system", "is") not in deps
    assert ("system", "llama-server") in deps and ("system", "zz") in deps


def test_a_suite_named_by_its_product_name_brings_its_programs(make_skill):
    """"Xcode Command Line Tools" in the requirements states xcodebuild and xcrun; an ffmpeg declared brings ffprobe;
    aircrack-ng reported brings airmon-ng into its one finding."""
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: x\nmetadata: {openclaw: {requires: {bins: [ffmpeg]}}}\n---\n## Requirements\n\n"
        "- Xcode Command Line Tools\n\n## Steps\n\n```bash\nxcrun simctl list\nxcodebuild -list\n"
        "ffprobe -i a.mp4\naircrack-ng cap.cap\nairmon-ng start wlan0\n```\n")})
    assert [d["message"] for d in findings(root, "DP001")] == [
        "system dependency `aircrack-ng` is used but declared nowhere"]
    # `brew install llama.cpp` installs llama.cpp's programs
    llama = make_skill({"SKILL.md": "---\nname: t\ndescription: x\n---\n```bash\nbrew install llama.cpp\n"
                                    "llama-server -hf org/model-GGUF:Q8_0\n```\n"}, name="t")
    assert findings(llama, "DP001") == []


def test_a_module_shipped_inside_a_declared_distribution_and_a_placeholder_synopsis(make_skill):
    """`spl` ships inside solana-py; `asset <id|code>` names a placeholder, it pipes nothing into VS Code."""
    root = make_skill({
        "SKILL.md": "---\nname: case-skill\ndescription: x\n---\n```bash\n/dex asset <id|code>   Token details\n```\n",
        "requirements.txt": "solana>=0.34.0\n",
        "scripts/launch.py": "from solana.rpc.api import Client\nfrom spl.token.instructions import get_associated_token_address\n",
    })
    found = by_key(root)
    assert ("pip", "spl") not in found and found[("pip", "solana")].declared
    assert ("system", "code") not in found


def test_a_placeholder_command_is_no_program(make_skill):
    """`caffeinate -i -- long-running-command` and `time your-script` stand for the user's command."""
    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\n```bash\n"
                                   "caffeinate -i -- long-running-command\ntime your-script --flag\ntask list\n```\n"})
    found = by_key(root)
    assert ("system", "long-running-command") not in found and ("system", "your-script") not in found
    assert ("system", "task") in found  # a real program (go-task, Taskwarrior)


def test_a_consoles_own_commands_and_a_toolchain_manager_its_installer_names(make_skill):
    """After `msfconsole`, `use exploit/...` and `sessions -i 1` are typed at its prompt; `foundryup` is what
    `curl -L https://foundry.paradigm.xyz | bash` installs (as rustup, juliaup)."""
    root = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\n---\n```bash\nmsfconsole\nuse exploit/unix/webapp/wp_admin_shell_upload\n"
        "set RHOSTS target.com\nexploit\n```\n\n```bash\nsessions -i 1\nsearch type:exploit platform:php wordpress\n```\n\n"
        "```bash\ncurl -L https://foundry.paradigm.xyz | bash\nfoundryup\ncast balance 0xabc\n```\n")})
    found = by_key(root)
    assert found["system", "msfconsole"].required and not found["system", "msfconsole"].declared
    assert not {("system", word) for word in ("use", "exploit", "sessions", "search")} & set(found)
    assert found["system", "foundryup"].declared


def test_a_program_the_intro_offers_as_one_choice_of_several_is_optional(make_skill):
    """"Split it with `ffmpeg` or `pydub`:" and "Use a CLI tool like `jq` or a Node.js one-liner:" before a block
    offer its program as one way: optional there. An intro that names one program ("Install `sox`, then:") does
    not."""
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: Splits. Use when asked.\n---\nFor long files, split them with `ffmpeg` or "
        "`pydub`:\n\n```bash\nffmpeg -i long.mp3 -f segment -segment_time 600 chunk_%03d.mp3\n```\n\n"
        "Use a CLI tool like `jq` or a Node.js one-liner:\n\n```bash\nnode -e \"console.log(1)\"\n```\n\n"
        "Install `sox`, then:\n\n```bash\nsox in.wav out.wav trim 0 10\n```\n")})
    deps = by_key(root)
    assert not deps[("system", "ffmpeg")].required and not deps[("system", "node")].required
    assert deps[("system", "sox")].required




def test_a_program_its_section_offers_for_nicer_output_is_optional_there(make_skill):
    """"Use `jq` for formatting:" over the skill's own JSON, or an option "(useful with `jq`)" listed above the
    examples: jq makes the output look better, the skill needs it not. In another section jq is still needed."""
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: Searches. Use when asked.\n---\n## Output\n\n- `json` - JSON format (useful "
        "with `jq`)\n\n**Examples:**\n\n```bash\nsearch.sh invoice --json | jq '.results[]'\n```\n")})
    assert not by_key(root)[("system", "jq")].required
    needed = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: Searches. Use when asked.\n---\n## Output\n\nUse `jq` for formatting.\n\n"
        "## Totals\n\n```bash\nsearch.sh invoice --json | jq '.total'\n```\n")}, name="needed")
    assert by_key(needed)[("system", "jq")].required
def test_a_first_install_way_beside_a_download_needs_no_toolchain(make_skill):
    """`go install .../weathercli@latest` then `# Or download binary from releases`: Go is one way to get the CLI,
    not a need. `npm install -g x` then `# Or install with pnpm` needs Node.js either way, and `# Or use API key`
    offers no other way to install."""
    go = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: Weather. Use when asked.\n---\n```bash\n# Via Go\n"
        "go install github.com/acme/weathercli/cmd/weathercli@latest\n\n# Or download binary from releases\n"
        "# https://github.com/acme/weathercli/releases\n```\n\n```bash\nweathercli now --city Berlin\n```\n")})
    assert not by_key(go)[("system", "go")].required
    for i, other in enumerate(("# Or install with pnpm\npnpm add -g @acme/cli", "# Or use API key\nacme auth --key K")):
        node = make_skill({"SKILL.md": (
            f"---\nname: s\ndescription: Acme. Use when asked.\n---\n```bash\nnpm install -g @acme/cli\n\n"
            f"{other}\n```\n\n```bash\nacme run\n```\n")}, name=f"node{i}")
        assert by_key(node)[("system", "node")].required, other


def test_an_or_comment_heads_every_line_up_to_a_blank_one(make_skill):
    """`# Or manual compilation` before four compile commands makes all four the second way, not only the first;
    a blank line ends what the comment heads."""
    root = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\n---\n```bash\n# Using latexmk (recommended)\nlatexmk -pdf main.tex\n\n"
        "# Or manual compilation\npdflatex main.tex\nbibtex main\npdflatex main.tex\n\nqpdf --check main.pdf\n```\n")})
    required = {name for (kind, name), dep in by_key(root).items() if kind == "system" and dep.required}
    assert required == {"latexmk", "qpdf"}
    # `# Option 2:` / `# Method B` heads another way, as `# Or` does; the first option stays the way
    options = make_skill({"SKILL.md": (
        "---\nname: case-skill\ndescription: x\n---\n```bash\n# Option 1: Copy an existing keypair\n"
        "rsync -a ~/.config/app/id.json ./id.json\n\n# Option 2: Generate a new keypair\nsolana-keygen new -o id.json\n"
        "\n# Method B: from source\nmake install\n```\n")}, name="options")
    required = {name for (kind, name), dep in by_key(options).items() if kind == "system" and dep.required}
    assert required == {"rsync"}


def test_a_program_a_declared_package_installs_is_declared_by_it(make_skill):
    """`pip install yt-dlp` declares the `yt-dlp` command (and `huggingface_hub` the `huggingface-cli` one, `pnpm`
    the npm package the `pnpm` one): no DP001, and env-setup.sh installs the package, not a system package too."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Downloads. Use when asked.\n---\n"
                                   "```bash\npip install yt-dlp huggingface_hub\nnpm install -g pnpm\n```\n"
                                   "```bash\nyt-dlp \"$URL\" -o out.mp4\nhuggingface-cli login\npnpm build\n"
                                   "ffmpeg -i out.mp4 out.mp3\n```\n"})
    found = by_key(root)
    assert found[("system", "yt-dlp")].provided_by == "pip yt-dlp"
    assert found[("system", "huggingface-cli")].provided_by == "pip huggingface_hub"
    assert found[("system", "pnpm")].provided_by == "npm pnpm"
    assert found[("system", "ffmpeg")].provided_by is None and not found[("system", "ffmpeg")].declared
    assert all(found[("system", p)].declared and dependencies.install_command(found[("system", p)]) is None
               for p in ("yt-dlp", "huggingface-cli", "pnpm"))
    reported = {d["message"].split("`")[1] for d in findings(root, "DP001")}
    assert "ffmpeg" in reported and not reported & {"yt-dlp", "huggingface-cli", "pnpm"}
    script = CliRunner().invoke(main, ["deps", str(root), "--format", "sh"]).output
    assert "pkg_install yt-dlp" not in script and "pip_install yt-dlp" in script
    assert "# left out: system yt-dlp (installed with the pip package yt-dlp below" in script

def test_a_console_script_of_an_installed_distribution_is_declared_by_it(make_skill):
    """`dx` is a console script of dxpy and `torchrun` of torch (data/pypi_programs.json): installing the
    distribution puts them on PATH, under names the distribution's own does not give."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Genomics. Use when asked.\n---\n"
                                   "```bash\nuv pip install dxpy torch\n```\n```bash\ndx login\n"
                                   "torchrun --nproc_per_node 2 train.py\nsamtools view x.bam\n```\n"})
    found = by_key(root)
    assert found[("system", "dx")].provided_by == "pip dxpy"
    assert found[("system", "torchrun")].provided_by == "pip torch"
    reported = {d["message"].split("`")[1] for d in findings(root, "DP001")}
    assert "samtools" in reported and not reported & {"dx", "torchrun"}


def test_an_x_cli_declares_the_x_command(make_skill):
    """compatibility's "Requires cochesnet-cli installed" and prose's "Requires `ph-cli`" declare the `cochesnet`
    and `ph` commands, as a `dependencies:` entry `railway-cli` declares `railway`."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Cars. Use when asked.\ncompatibility: Requires "
                                   "cochesnet-cli installed (Node.js 18+)\n---\nRequires `ph-cli`.\n\n"
                                   "```bash\ncochesnet search \"bmw\" --json\nph stats --slug x\ntea login add\n```\n"})
    assert by_key(root)[("system", "cochesnet")].declared
    assert {d["message"].split("`")[1] for d in warnings(root, "DP001")} == {"tea"}


def test_a_command_after_or_in_prose_is_the_second_way(make_skill):
    """"Use Xcode or `swift package init`", "`railway up` or `fly deploy`", "`npm run build` / `python -m build`":
    the command after "or" is the second way, not required, and the first still is; in a slash list none is."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Apps. Use when asked.\n---\n"
                                   "**Init:** Use Xcode or `swift package init --type executable`\n\n"
                                   "Deploy: `railway up` or `fly deploy`\n\n"
                                   "- [ ] Builds (`npm run build` / `python -m build`)\n"})
    found = by_key(root)
    assert not found[("system", "swift")].required and not found[("system", "fly")].required
    assert found[("system", "railway")].required and not found[("pip", "build")].required
    # a slash list is one command per kind of project: its first is one of several too
    assert not found[("system", "npm")].required
    # "A, B, or C": B is one of several ways as C is; A is the main way
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: UI. Use when asked.\n---\n"
                                   "Run it with `railway run x`, `pnpm dlx x`, or `bunx x`.\n\n"
                                   "Then `flyctl deploy`, `doctl apps create`.\n"})
    found = by_key(root)
    assert not found[("system", "pnpm")].required and not found[("system", "bun")].required
    assert found[("system", "railway")].required
    assert found[("system", "flyctl")].required and found[("system", "doctl")].required  # no "or": a sequence
    # "`op run` or similar": one example of a kind of tool
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Pays. Use when asked.\n---\n"
                                   "- Prefer `op run` or similar for secret injection\n"
                                   "- Then `gh release view` (or an equivalent)\n- Convert with `ffmpeg -i a.wav a.mp3`\n"})
    found = by_key(root)
    assert not found[("system", "op")].required and not found[("system", "gh")].required
    assert found[("system", "ffmpeg")].required


def test_prose_commands_under_sibling_language_headings_are_one_languages_way(make_skill):
    """`#### Node.js / TypeScript` beside `#### Python`: the list under each is that language's way, not required
    (as a block there already was); a command under a heading that names no language still is."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Lint. Use when asked.\n---\n## Procedures\n"
                                   "#### Node.js / TypeScript\n1. **Types:** `npx tsc --noEmit`\n"
                                   "#### Python\n1. **Security:** `bandit -r \"path\" -ll`\n"
                                   "## Reporting\n- Render: `pandoc report.md -o report.pdf`\n"})
    found = by_key(root)
    assert not found[("system", "bandit")].required and not found[("npm", "typescript")].required
    assert found[("system", "pandoc")].required


def test_a_tools_package_installed_before_provides_its_command(make_skill):
    """`brew install adr-tools` puts `adr` on PATH: the install line declares it."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Record. Use when asked.\n---\n"
                                   "```bash\nbrew install adr-tools\nadr init docs/adr\n```\n"})
    assert findings(root, "DP001") == []
    assert by_key(root)[("system", "adr")].provided_by == "system adr-tools"


def test_sibling_headings_naming_only_their_tool_are_one_way_each(make_skill):
    """`#### Using ffuf` beside `#### Using wfuzz`: two fuzzers for one test, either will do; a `### Using jq`
    without a sibling naming another tool is the skill's way."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Fuzz. Use when asked.\n---\n## Fuzzing\n"
                                   "#### Using ffuf\n```bash\nffuf -u http://t/FUZZ -w list.txt\n```\n"
                                   "#### Using wfuzz\n```bash\nwfuzz -z file,list.txt http://t/FUZZ\n```\n"
                                   "## Report\n### Using jq\n```bash\njq . out.json\n```\n"})
    found = by_key(root)
    assert not found[("system", "ffuf")].required and not found[("system", "wfuzz")].required
    assert found[("system", "jq")].required
    # "### Using cast (Foundry)" beside "### Using OpenSSL" is a way too; "(recommended)" keeps its way the main one
    root = make_skill({"SKILL.md": "---\nname: t\ndescription: Keys. Use when asked.\n---\n## Wallet\n"
                                   "### Using OpenSSL\n```bash\nopenssl rand -hex 32\n```\n"
                                   "### Using cast (Foundry)\n```bash\ncast wallet new\n```\n## Upgrade\n"
                                   "### Using dokku-update (recommended)\n```bash\nsudo dokku-update\n```\n"
                                   "### Using apt\n```bash\nsudo apt-get upgrade dokku\n```\n"}, name="t")
    found = by_key(root)
    assert not found[("system", "cast")].required and found[("system", "dokku-update")].required


def test_a_step_marked_if_needed_is_optional(make_skill):
    """"3) Convert to .ogg (if needed):" before a block makes what it runs optional, as "Optional:" does, and so
    does "If this is a PR workflow:"; the step before it, unmarked, is still required."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Sound. Use when asked.\n---\n"
                                   "2) Generate:\n```bash\nsox -n out.wav synth 1 sine 440\n```\n\n"
                                   "3) Convert to WhatsApp-friendly .ogg (if needed):\n```bash\n"
                                   "ffmpeg -y -i out.wav out.ogg\n```\n"})
    found = by_key(root)
    assert found[("system", "sox")].required and not found[("system", "ffmpeg")].required
    # "If present, run:" after a probe: the tool is used when it is there
    root = make_skill({"SKILL.md": "---\nname: t\ndescription: Crash. Use when asked.\n---\n1. Check for xcsym:\n\n"
                                   "```bash\ncommand -v xcsym\n```\n\nIf present, run:\n```bash\n"
                                   "xcsym crash report.ips --format=standard\n```\n"}, name="t")
    assert not by_key(root)[("system", "xcsym")].required
    # "If this is a PR workflow:": the block serves one way of working the user may not have
    root = make_skill({"SKILL.md": "---\nname: u\ndescription: Fix. Use when asked.\n---\n```bash\ngit push\n```\n\n"
                                   "If this is a PR workflow:\n```bash\ngh pr create --title Fix\n```\n"}, name="u")
    assert not by_key(root)[("system", "gh")].required


def test_a_sentence_that_does_without_what_came_before_makes_it_optional(make_skill):
    """"Live analysis needs the MCP server (`npx acme-mcp@latest install`). Without it, do the static analysis only":
    the server's package is optional; so is the CLI of the block a paragraph "Fallback when the CLI is unavailable"
    follows. A consequence ("Without this, the clock stays frozen") or an install when missing keeps it required."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Audit. Use when asked.\n---\n"
                                   "Live analysis needs the MCP server (`npx acme-mcp@latest install`). Without it, "
                                   "do the static analysis only.\n\n```bash\nimgdiff psnr -i1 a.png -i2 b.png\n```\n"
                                   "Fallback when the CLI is unavailable (save as psnr.py and run):\n\n"
                                   "```bash\npython3 psnr.py a.png b.png\n```\n\n```bash\nclockctl set-interval 1\n```\n\n"
                                   "Without this, the clock stays frozen and the tests break!\n\n"
                                   "Render with `mdrender page.md`. If it is not installed, install it with "
                                   "`brew install mdrender`.\n"})
    found = by_key(root)
    assert not found[("npm", "acme-mcp")].required and not found[("system", "imgdiff")].required
    assert found[("system", "clockctl")].required and found[("system", "mdrender")].required


def test_a_program_used_when_installed_with_a_fallback_otherwise_is_optional(make_skill):
    """"When `gws` is installed, the skill uses it ...; otherwise it falls back to the bundled Python client": the
    bridge script that runs gws does not make it required; "When `jq` is installed, pipe the output to it" gives no
    fallback and changes nothing."""
    bridge = "import subprocess, sys\n\ndef main():\n    subprocess.run([\"gws\"] + sys.argv[1:])\n"
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Mail. Use when asked.\n---\nWhen `gws` is installed, "
                                   "the skill uses it as the backend; otherwise it falls back to the bundled Python "
                                   "client.\n\nRun `python3 scripts/bridge.py gmail list`.\n",
                       "scripts/bridge.py": bridge})
    assert not by_key(root)[("system", "gws")].required
    root = make_skill({"SKILL.md": "---\nname: t\ndescription: Mail. Use when asked.\n---\nWhen `gws` is installed, "
                                   "pipe the output to it.\n\nRun `python3 scripts/bridge.py gmail list`.\n",
                       "scripts/bridge.py": bridge}, name="t")
    assert by_key(root)[("system", "gws")].required


def test_a_program_the_steps_copy_onto_the_path_is_installed_by_them(make_skill):
    """`sudo cp build/bin/coind build/bin/coin-cli /usr/local/bin/` after a build, `ln -sf $PWD/scripts/nest
    /usr/local/bin/nest`: the skill installs those programs itself (no DP001); a copy elsewhere installs nothing."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Mine. Use when asked.\n---\n```bash\n"
                                   "cmake --build build\nsudo cp build/bin/coind build/bin/coin-cli /usr/local/bin/\n"
                                   "ln -sf $PWD/scripts/nest ~/.local/bin/nest\ncp tool /tmp/tool\n```\n\n```bash\n"
                                   "coin-cli createwallet agent\ncoind -daemon\nnest status\ntool --run\n```\n"})
    found = by_key(root)
    assert all(found[("system", name)].declared for name in ("coin-cli", "coind", "nest"))
    assert not found[("system", "tool")].declared


def test_a_table_row_of_one_language_among_several_is_that_languages_way(make_skill):
    """A 'Supported Languages' table whose first cells name languages: each row's tools are one kind of project's,
    not required; a table whose rows name no languages still requires its commands."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Update. Use when asked.\n---\n## Supported\n"
                                   "| Language | Update | Audit |\n|---|---|---|\n"
                                   "| **Node.js** | `npx taze` | `npm audit` |\n"
                                   "| **Ruby** | `bundle update` | `bundle audit` |\n"
                                   "| **.NET** | `dotnet outdated` | `dotnet list package --vulnerable` |\n\n"
                                   "## Render\n| Step | Command |\n|---|---|\n"
                                   "| **Render** | `pandoc report.md -o report.pdf` |\n"})
    found = by_key(root)
    assert not found[("system", "bundle")].required and not found[("system", "dotnet")].required
    assert found[("system", "pandoc")].required


def test_a_table_column_of_one_tool_beside_anothers_is_that_tools_way(make_skill):
    """`| Action | gh | git + curl |` over `gh pr list` and `curl ...`: each row offers two ways, so gh is not
    required; a table of one tool's commands, or whose columns name no program their cells run, still requires it."""
    head = "---\nname: s\ndescription: PRs. Use when asked.\n---\n## Reference\n"
    ways = make_skill({"SKILL.md": head + "| Action | gh | git + curl |\n|---|---|---|\n"
                                          "| List PRs | `gh pr list` | `curl -s https://api.github.com/repos/o/r/pulls` |\n"
                                          "| View diff | `gh pr diff` | `git diff main...HEAD` |\n"}, name="s")
    assert not by_key(ways)[("system", "gh")].required
    one = make_skill({"SKILL.md": head + "| Action | Command | Notes |\n|---|---|---|\n"
                                         "| List PRs | `gh pr list` | `curl` works too |\n"
                                         "| View diff | `gh pr diff` | also `git diff` |\n"}, name="s2")
    assert by_key(one)[("system", "gh")].required
    # a column named for a program whose cells are its requests (`| curl endpoint |` over `GET /repos/...`)
    requests = make_skill({"SKILL.md": head + "| Action | gh | curl endpoint |\n|---|---|---|\n"
                                              "| List issues | `gh issue list` | `GET /repos/{o}/{r}/issues` |\n"
                                              "| Close | `gh issue close N` | `PATCH /repos/{o}/{r}/issues/N` |\n"}, name="s3")
    assert not by_key(requests)[("system", "gh")].required
    notes = make_skill({"SKILL.md": head + "| Action | gh | curl notes |\n|---|---|---|\n"
                                           "| List issues | `gh issue list` | paginate with Link headers |\n"}, name="s4")
    assert by_key(notes)[("system", "gh")].required
    # columns of languages: each cell is that language's toolchain
    languages = make_skill({"SKILL.md": head + "| Tool | Python | **Rust** | TypeScript |\n|---|---|---|---|\n"
                                               "| Tests | `pytest` | `cargo nextest run` | `bun test` |\n"}, name="s5")
    assert not any(dep.required for (kind, name), dep in by_key(languages).items()
                   if (kind, name) in {("system", "cargo"), ("system", "bun")})


def test_a_language_comment_in_a_block_heads_the_lines_after_it(make_skill):
    """`# Python` then `pip-audit` and `safety check`, `# Go` then `govulncheck`: every line a language comment
    heads is that language's way, not the first only."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Audit. Use when asked.\n---\n```bash\n# Node.js\n"
                                   "npm audit\nnpm audit --json | jq .metadata\n\n# Python\npip-audit\nsafety check\n\n"
                                   "# Go\ngovulncheck ./...\n```\n"})
    found = by_key(root)
    assert not any(found[("system", name)].required for name in ("jq", "safety", "govulncheck"))


def test_a_framework_comment_heads_one_kind_of_projects_way(make_skill):
    """`# Next.js`, `# FastAPI`, `# Vite-based`: a web framework names a kind of project as a language does, so each
    comment heads one way of several (uvicorn, serve optional); when every way runs on Node.js (`# React/Next.js`
    over `npm install motion`, `# Vue` over `npm install motion-v`), node is required whichever is taken."""
    head = "---\nname: s\ndescription: Deploys. Use when asked.\n---\n```bash\n"
    stacks = make_skill({"SKILL.md": head + "# Next.js\nnpm run dev\n\n# FastAPI\nuvicorn app.main:app --reload\n\n"
                                            "# Vite-based\nnpm run build && npx serve dist\n```\n"}, name="s")
    found = by_key(stacks)
    assert not found[("system", "uvicorn")].required and not found[("npm", "serve")].required
    motion = make_skill({"SKILL.md": head + "# React/Next.js/Svelte\nnpm install motion\n\n# Vue\n"
                                            "npm install motion-v\n```\n"}, name="s2")
    found = by_key(motion)
    assert found[("system", "node")].required and not found[("npm", "motion-v")].required


def test_a_comment_naming_the_tool_of_its_lines_beside_another_is_that_tools_way(make_skill):
    """`# With gh` over `gh issue list` beside `# With curl` over `curl ...`: two ways, gh not required. `# With
    options` names no program of its lines: a variant of the same command, which stays required."""
    head = "---\nname: s\ndescription: Issues. Use when asked.\n---\n```bash\n"
    ways = make_skill({"SKILL.md": head + "# With gh\ngh issue list --state open\n\n# With curl\n"
                                          "curl -s https://api.github.com/repos/o/r/issues\n```\n"}, name="s")
    assert not by_key(ways)[("system", "gh")].required
    variants = make_skill({"SKILL.md": head + "# Basic\nxcsym report.ips\n\n# With options\nxcsym report.ips -v\n\n"
                                              "# With metadata\nxcsym report.ips --meta\n```\n"}, name="s2")
    assert by_key(variants)[("system", "xcsym")].required


def test_a_cloud_comment_in_a_block_heads_one_providers_way(make_skill):
    """`# AWS VPN` then aws commands, `# OCI IPSec VPN` then oci: one cloud's commands each, of which the user's
    infrastructure needs its own; a block of one cloud only still requires its CLI."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Networks. Use when asked.\n---\n```bash\n# AWS VPN\n"
                                   "aws ec2 describe-vpn-connections\n\n# Azure VPN\naz network vpn-connection show\n\n"
                                   "# OCI IPSec VPN\noci network ip-sec-connection list\n```\n"})
    found = by_key(root)
    assert not any(found[("system", name)].required for name in ("aws", "az", "oci"))
    one = make_skill({"SKILL.md": "---\nname: t\ndescription: Networks. Use when asked.\n---\n```bash\n# AWS VPN\n"
                                  "aws ec2 describe-vpn-connections\n```\n"}, "one-cloud")
    assert by_key(one)[("system", "aws")].required


def test_a_shell_fence_that_holds_a_named_data_file_runs_nothing(make_skill):
    """`# .bazelrc` over a bash fence: `build --jobs=8` and `try-import` are that file's lines; `# .bashrc` holds
    commands."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Builds. Use when asked.\n---\n```bash\n# .bazelrc\n"
                                   "build --jobs=8\ntry-import %workspace%/user.bazelrc\n```\n\n```bash\n# .bashrc\n"
                                   "direnv hook bash\n```\n"})
    found = by_key(root)
    assert ("system", "build") not in found and ("system", "try-import") not in found
    assert found[("system", "direnv")].required


def test_sibling_headings_of_one_topic_and_different_languages_are_each_languages_way(make_skill):
    """`### Node.js Conflicts` beside `### Python Conflicts`: each section is one language's way; headings of one
    language and different topics (`### Python Setup`, `### Python Usage`) are not."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Fix. Use when asked.\n---\n## Conflicts\n"
                                   "### Node.js Conflicts\n```bash\nyarn why lodash\n```\n### Python Conflicts\n"
                                   "```bash\npipdeptree -p requests\n```\n## Python\n### Python Setup\n```bash\n"
                                   "pandoc a.md -o a.pdf\n```\n### Python Usage\n```bash\nqpdf --check a.pdf\n```\n"})
    found = by_key(root)
    assert not found[("system", "yarn")].required and not found[("system", "pipdeptree")].required
    assert found[("system", "pandoc")].required and found[("system", "qpdf")].required


def test_a_cli_package_a_script_installs_provides_its_command(make_skill):
    """`cargo install rue-cli` in a bundled setup function gives `rue`, which SKILL.md's build runs: declared by it,
    as npm's and pip's `X-cli` packages already were."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Build. Use when asked.\n---\n"
                                   "Set up with `scripts/check.sh install`.\n\n```bash\nrue build\n```\n",
                       "scripts/check.sh": "install() {\n  if ! command -v rue >/dev/null; then\n"
                                           "    cargo install rue-cli\n  fi\n}\n"})
    rue = by_key(root)[("system", "rue")]
    assert rue.declared and rue.provided_by == "system rue-cli"


def test_an_install_run_when_a_program_is_missing_provides_that_program(make_skill):
    """`if ! command -v brun; then cargo install clvm_tools_rs; fi`: the package the line installs provides brun,
    whatever its name; so does a pip install after `command -v x ||`."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Build. Use when asked.\n---\n"
                                   "Set up with `scripts/check.sh`.\n\n```bash\nbrun x.clvm\nmdformat a.md\n```\n",
                       "scripts/check.sh": "if ! command -v brun >/dev/null; then\n  cargo install clvm_tools_rs\nfi\n"
                                           "command -v mdformat || pip install mdformat-gfm\n"})
    found = by_key(root)
    assert found[("system", "brun")].declared and found[("system", "brun")].provided_by == "system clvm_tools_rs"
    assert found[("system", "mdformat")].provided_by == "pip mdformat-gfm"
    assert not [d for d in findings(root, "DP001") if "brun" in d["message"] or "mdformat" in d["message"]]


def test_a_language_package_managers_install_is_how_its_program_is_installed(make_skill):
    """`go install .../httpx@latest` sets httpx up (Debian's httpx is another program); a `cargo install` of one
    package keeps its options (`--git URL`), of several installs each alone."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Probe. Use when asked.\n---\n```bash\n"
                                   "go install github.com/projectdiscovery/httpx/cmd/httpx@latest\n"
                                   "cargo install --git https://github.com/astral-sh/uv uv\ncargo install bat fd-find\n"
                                   "httpx -u example.org\nuv run a.py\nbat a.txt\nfd x\n```\n"})
    found = {d["name"]: d["install_command"] for d in (dep.to_dict() for dep in by_key(root).values())}
    assert found["httpx"] == "go install github.com/projectdiscovery/httpx/cmd/httpx@latest"
    assert found["uv"] == "cargo install --git https://github.com/astral-sh/uv uv"
    assert found["bat"] == "cargo install bat"


def test_the_host_agents_cli_run_through_npx_is_a_host_dependency(make_skill):
    """`npx clawdbot configure` runs the agent's own CLI: kind host, with no npm package or Node.js to install."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Repair. Use when asked.\n---\n"
                                   "```bash\ncd ~/Clawdis && npx clawdbot configure\n```\n"})
    found = by_key(root)
    assert ("host", "clawdbot") in found and ("npm", "clawdbot") not in found and ("system", "node") not in found


def test_a_platform_comment_naming_distributions_marks_one_platforms_way(make_skill):
    """`# On BlackArch/Arch Linux` before `pacman -S` is one platform's way, as `# Windows` is."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Scan. Use when asked.\n---\n```bash\n"
                                   "pip install shodan\n\n# On BlackArch/Arch Linux\nsudo pacman -S python-shodan\n"
                                   "```\n"})
    assert not by_key(root)[("system", "pacman")].required


def test_a_comment_after_a_command_speaks_of_its_own_line(make_skill):
    """`pnpm add -g x   # or: npm install -g x` makes the pnpm line one way of two, not the line after it;
    `sudo dnf install -y ffmpeg  # Fedora` is that platform's way to install what every platform needs."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Shop. Use when asked.\n---\n```bash\n"
                                   "pnpm add --global @acme/shop-cli   # or: npm install --global @acme/shop-cli\n"
                                   "shop --help\nsudo dnf install -y ffmpeg  # Fedora\n```\n"})
    found = by_key(root)
    assert not found[("system", "pnpm")].required and found[("system", "shop")].required
    assert found[("system", "ffmpeg")].required and not found[("system", "dnf")].required


def test_ways_to_install_one_program_require_the_program_not_each_package_manager(make_skill):
    """Homebrew, npm and Go installing xurl are three ways: xurl is needed, Node.js and Go are not; the first way
    installs it (env-setup.sh needs one)."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Post. Use when asked.\n---\n```bash\n"
                                   "brew install --cask acme/tap/xurl\n\n# npm\nnpm install -g @acme/xurl\n\n"
                                   "# Go\ngo install github.com/acme/xurl@latest\n```\n"})
    found = by_key(root)
    assert found[("system", "xurl")].required
    assert not any(found[key].required for key in (("system", "node"), ("system", "go"), ("npm", "@acme/xurl")))


def test_an_install_options_value_is_no_second_package_of_a_way(make_skill):
    """`npm install -g --registry URL @acme/xurl` installs one package: the registry is the option's value, so the
    line is still one of the ways to install xurl and Node.js is not needed."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Post. Use when asked.\n---\n```bash\n"
                                   "brew install acme/tap/xurl\n\n# npm\n"
                                   "npm install -g --registry https://npm.acme.example @acme/xurl\n```\n"})
    found = by_key(root)
    assert found[("system", "xurl")].required
    assert not found[("system", "node")].required


def test_letta_codes_cli_is_the_host_and_marker_is_marker_pdf(make_skill):
    """`letta memory export` in a Letta Code skill is the host's own CLI; `from marker.models import ...` is the
    marker-pdf the skill installs, not PyPI's unrelated `marker`."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Move memory. Use when asked.\n---\n```bash\n"
                                   "letta memory export --agent a --out /tmp/m\npip install marker-pdf\n"
                                   "python scripts/x.py\n```\n",
                       "scripts/x.py": "from marker.models import create_model_dict\n"})
    found = by_key(root)
    assert ("host", "letta") in found and ("system", "letta") not in found
    assert found[("pip", "marker-pdf")].required and ("pip", "marker") not in found


def test_the_agent_a_metadata_block_names_is_the_host_and_a_platform_labelled_block_is_one_way(make_skill):
    """`metadata: {copaw: {...}}` says the skill is written for CoPaw, so `copaw agents list` is the host's own CLI
    (an agent no list knows); an intro that ends "(macOS):" labels its block as that platform's way."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Talk to agents. Use when asked.\nmetadata:\n"
                                   "  copaw:\n    emoji: x\n  version: '1'\n---\n```bash\ncopaw agents list\n"
                                   "curl -s https://example.com/x.zip -o /tmp/x.zip\n```\n\n"
                                   "用户选 A 时执行（macOS）：\n\n```bash\nunzip -o /tmp/x.zip -d /tmp/x\n```\n"})
    found = by_key(root)
    assert ("host", "copaw") in found and ("system", "copaw") not in found
    assert not found[("system", "unzip")].required
    # a module named for that agent is its own (`from hermes_constants import ...` under metadata.hermes); one named
    # for an agent the skill is not tied to is a package (`letta_client`, PyPI's letta-client)
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Home. Use when asked.\nmetadata:\n  hermes:\n"
                                   "    tags: [x]\n---\nRun `python3 scripts/a.py`.\n",
                       "scripts/a.py": "from hermes_constants import get_hermes_home\nfrom letta_client import Letta\n"},
                      "s2")
    found = by_key(root)
    assert ("host", "hermes") in found and ("pip", "hermes_constants") not in found
    assert found[("pip", "letta_client")].required


def test_option_b_a_conditional_section_an_or_intro_and_another_machine_are_other_ways(make_skill):
    """"### Option B: SSH" like "Option 2"; a section for users who already have something; "Use `git diff` or a
    pre-commit grep:"; and `# On instance` before commands run on a rented machine: nothing they run is required."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Auth. Use when asked.\n---\n"
                                   "### Option A: HTTPS\n\n```bash\ngh auth login\n```\n\n"
                                   "### Option B: SSH Key Authentication\n\n```bash\nssh-keygen -t ed25519\n```\n\n"
                                   "## If the user has the full GSD system installed\n\n```bash\nnpx gsd-tools --x\n```\n"
                                   "\n## Review\n\nUse `git diff` or a pre-commit grep:\n```bash\nrg -n 'breakpoint'\n```\n"
                                   "\n## Remote\n\n```bash\n# On instance\nnvidia-smi\njupyter lab --port=8888\n```\n"})
    found = by_key(root)
    assert found[("system", "gh")].required
    assert not any(found[key].required for key in (("system", "ssh-keygen"), ("npm", "gsd-tools"), ("system", "rg"),
                                                    ("system", "nvidia-smi"), ("system", "jupyter")))


def test_ways_by_tool_self_hosting_maintenance_and_only_if_steps_are_not_required(make_skill):
    """Blocks introduced "**With gh:**" and "**With git + curl:**" in one section are one way each, as is a
    "(shorthand)" way; a "## Self-Hosting" section, "To upgrade:"/"Uninstall:" commands and a step "(only if scope
    permits port scanning):" are optional. A single "Using Docker:" block is still the way."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: PRs. Use when asked.\n---\n## Create the PR\n\n"
                                   "**With gh:**\n\n```bash\ngh pr create --fill\n```\n\n**With git + curl:**\n\n"
                                   "```bash\ncurl -X POST https://api.github.com/repos/o/r/pulls -d @pr.json\n```\n\n"
                                   "## Clone\n\n**With hub (shorthand):**\n\n```bash\nhub clone o/r\n```\n\n"
                                   "## Self-Hosting\n\n```bash\nkubectl apply -f searxng.yaml\n```\n\n"
                                   "To upgrade: `cargo install wikitool --force`. Uninstall: `cargo uninstall wikitool`.\n\n"
                                   "## Scan\n\n1. **Network surface** (only if scope permits port scanning):\n"
                                   "   ```bash\n   nmap -sT --top-ports 100 $TARGET\n   ```\n\n"
                                   "## Serve\n\nUsing Docker:\n\n```bash\ndocker run -p 80:80 acme/app\n```\n"})
    found = by_key(root)
    assert not any(found[key].required for key in (("system", "gh"), ("system", "hub"), ("system", "kubectl"),
                                                    ("system", "cargo"), ("system", "nmap")))
    assert found[("system", "docker")].required


def test_a_section_to_skip_when_its_tool_is_missing_requires_nothing(make_skill):
    """"If unavailable, skip this investigator and note it in the report": what that section runs, in a block or in
    its prose, is optional; the next section's commands are not."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Investigate. Use when asked.\n---\n"
                                   "### Investigator 4: BigQuery\n\n> **Prerequisites**: Requires credentials "
                                   "(`gcloud auth application-default login`). If unavailable, skip this investigator "
                                   "and note it in the report.\n\n```bash\nbq query --dry_run 'SELECT 1'\n```\n\n"
                                   "### Investigator 5: Git\n\n```bash\njq . events.json\n```\n"})
    found = by_key(root)
    assert not found[("system", "gcloud")].required and not found[("system", "bq")].required
    assert found[("system", "jq")].required


def test_two_installs_of_one_program_in_a_line_of_prose_need_neither_package_manager(make_skill):
    """"Foo installed: `npm i -g foo-cli@latest` or `brew install acme/tap/foo`": either way installs foo, so
    neither Node.js nor the npm package is required; foo itself is, and is declared."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Foo. Use when asked.\n---\n## Prerequisites\n\n"
                                   "- Foo installed: `npm i -g foo-cli@latest` or `brew install acme/tap/foo`\n\n"
                                   "## Use\n\n```bash\nfoo run --all\n```\n"})
    found = by_key(root)
    assert found[("system", "foo")].required and found[("system", "foo")].declared
    assert not found[("system", "node")].required and not found[("npm", "foo-cli")].required


def test_an_alternative_heading_and_a_precache_the_script_goes_on_without_require_nothing(make_skill):
    """"### Alternative: rsync (preserves permissions)" heads another way; `if ! npx --yes puppeteer browsers install
    ...; then warn; fi` goes on without it, while `if ! jq ...; then echo "jq missing" >&2; exit 1; fi` stops."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Copy. Use when asked.\n---\n```bash\n"
                                   "cp -r /tmp/x ~/.skills/x\n```\n\n### Alternative: rsync (preserves permissions)\n\n"
                                   "```bash\nrsync -av /tmp/x/ ~/.skills/x/\n```\n\nRun `bash scripts/setup.sh` first.\n",
                       "scripts/setup.sh": "#!/bin/bash\nif ! npx --yes puppeteer browsers install chrome-headless-shell; "
                                           "then\n  echo 'could not pre-install; rendering still works'\nfi\n"
                                           "if ! ffprobe -hide_banner -i in.mp4; then\n  echo 'ffprobe failed' >&2\n"
                                           "  exit 1\nfi\n"})
    found = by_key(root)
    assert not found[("system", "rsync")].required and not found[("npm", "puppeteer")].required
    assert found[("system", "ffprobe")].required
    # a version probe alone asks what is installed; one whose failure stops the script checks a requirement
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Render. Use when asked.\n---\nRun `bash scripts/a.sh`.\n",
                       "scripts/a.sh": "#!/bin/bash\ndocker --version\nif ! node --version; then\n"
                                       "  echo 'install Node.js' >&2\n  exit 1\nfi\njq --version || exit 1\n"}, "probes")
    found = by_key(root)
    assert not found[("system", "docker")].required
    assert found[("system", "node")].required and found[("system", "jq")].required


def test_a_command_given_for_one_kind_of_project_is_not_required(make_skill):
    """"Use the project environment (`uv run` for uv-managed projects)": uv is that kind of project's tool."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Evaluate. Use when asked.\n---\n"
                                   "- Use the project environment (`uv run` for uv-managed projects). Then run "
                                   "`jq . results.json`.\n"})
    found = by_key(root)
    assert not found[("system", "uv")].required and found[("system", "jq")].required


def test_a_program_run_after_a_global_install_is_that_packages(make_skill):
    """`npm install -g obsidian-headless` then `ob login`: ob comes with the package (its name begins one of the
    package's words), so nothing is undeclared; `mcporter` after `npm i -g @presto-ai/google-workspace-mcp` is not
    that package's. A later block's program counts too, and `--with playwright` adds a package beside the tool, not
    the tool: `notebooklm` is notebooklm-py's, and no program `playwright` is installed."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Sync. Use when asked.\n---\n```bash\n"
                                   "npm install -g obsidian-headless\nob login --email x\n```\n\n```bash\n"
                                   "npm install -g @presto-ai/google-workspace-mcp\nmcporter config add gw\n```\n\n"
                                   "## Setup\n\n```bash\nuv tool install --with playwright --force notebooklm-py\n```\n\n"
                                   "## Use\n\n```bash\nnotebooklm auth check\n```\n"})
    found = by_key(root)
    assert found[("system", "ob")].provided_by == "npm obsidian-headless" and found[("system", "ob")].declared
    assert found[("system", "mcporter")].provided_by is None
    assert found[("system", "notebooklm")].provided_by == "pip notebooklm-py" and found[("system", "notebooklm")].declared
    assert ("system", "playwright") not in found and found[("pip", "playwright")].declared


def test_a_program_named_as_the_start_of_a_declared_pip_package_is_that_packages(make_skill):
    """`puffer train` with `uv pip install pufferlib` further down: installing a distribution puts its console
    scripts on PATH, often under a short form of its name. Not for a program that only shares a first word with a
    Python binding (`solana-keygen` is the Solana CLI's, not the `solana` package's), nor one the lexicon knows
    (`ffmpeg` is not ffmpeg-python's)."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Train. Use when asked.\n---\n```bash\n"
                                   "puffer train procgen --train.device cuda\nsolana-keygen grind --starts-with ab:1\n"
                                   "ffmpeg -i a.mp4 a.wav\n```\n\n## Install\n\n```bash\n"
                                   "uv pip install pufferlib solana ffmpeg-python\n```\n"})
    found = by_key(root)
    assert found[("system", "puffer")].provided_by == "pip pufferlib" and found[("system", "puffer")].declared
    assert found[("system", "solana-keygen")].provided_by is None and not found[("system", "solana-keygen")].declared
    assert found[("system", "ffmpeg")].provided_by is None


def test_imports_tried_under_any_exception_help_text_and_attribution_are_no_requirements(make_skill):
    """`try: import yaml / except Exception: return {}` runs without PyYAML (not an import under `except
    requests.RequestException`, the code's own error); `list-resources   List available resources` in a script's
    help text is no program; a command named under "## Attribution" says where the skill came from."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Call. Use when asked.\n---\nRun `scripts/a.py`.\n\n"
                                   "```bash\nnpx tsx scripts/b.ts <url> <command>\n\nCommands:\n"
                                   "  list-resources          List available resources\n```\n\n"
                                   "## Attribution\n\nAdapted from the GSD project (`npx gsd-cc --hermes`).\n",
                       "scripts/a.py": ("def config():\n    try:\n        import yaml\n        return yaml.safe_load('')\n"
                                        "    except Exception:\n        return {}\n\n\ndef fetch():\n    try:\n"
                                        "        import requests\n        return requests.get('https://x.io').text\n"
                                        "    except requests.RequestException:\n        return None\n"),
                       "scripts/b.ts": "console.log(1)\n"})
    found = by_key(root)
    assert ("pip", "PyYAML") not in found or not found[("pip", "PyYAML")].required
    assert found[("pip", "requests")].required
    assert ("system", "list-resources") not in found
    assert ("npm", "gsd-cc") not in found or not found[("npm", "gsd-cc")].required


def test_a_debuggers_prompt_is_no_command_and_cowthink_comes_with_cowsay(make_skill):
    """`(Pdb) b x.py:42` and `(lldb) po x` are input at a debugger's prompt; cowsay's package brings cowthink."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Debug. Use when asked.\n---\n```bash\n"
                                   "python -m pdb script.py\n(Pdb) b script.py:42\n(lldb) po value\n```\n\n"
                                   "```bash\nsudo apt install cowsay\ncowthink \"Hmm...\"\n```\n"})
    found = by_key(root)
    assert ("system", "b") not in found and ("system", "po") not in found
    assert found[("system", "cowthink")].provided_by == "system cowsay"


def test_a_field_compared_in_inline_code_and_a_per_project_comment_after_a_command(make_skill):
    """`code != 0` checks a response's field (no VS Code); `bun install  # Example - verify this is correct for YOUR
    project!` is the user's project's package manager, and only that line is: `gh pr create` after it stays."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Work. Use when asked.\n---\n"
                                   "Always check `code != 0` in responses.\n\n```bash\ngit worktree add ../x\n"
                                   "bun install  # Example - verify this is correct for YOUR project!\ngh pr create\n```\n"})
    found = by_key(root)
    assert ("system", "code") not in found
    assert not found[("system", "bun")].required and found[("system", "gh")].required


def test_a_condition_wrapped_onto_the_lines_above_a_command_is_read(make_skill):
    """"On a / machine without a display, run Blender under a virtual one: / `xvfb-run blender`." wraps one sentence
    over three lines: xvfb-run is that machine's way. A command after the sentence ends is not."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Render. Use when asked.\n---\n"
                                   "The addon refuses to start in background mode. On a\nmachine without a display, "
                                   "run Blender under a virtual one:\n`xvfb-run blender`. Then run `ffmpeg -i a.mp4 "
                                   "b.gif` to convert.\n"})
    found = by_key(root)
    assert not found[("system", "xvfb-run")].required and found[("system", "ffmpeg")].required


def test_a_command_whose_failure_yields_an_empty_default_is_optional(make_skill):
    """`KEY=$(op read ... 2>/dev/null || echo "")` copes without op; `gh pr view || echo "No PR"` reports the
    failure and still needs gh, and `|| true` silences an exit status (`npm outdated` exits 1 when it finds some)."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Pay. Use when asked.\n---\nRun `scripts/pay.sh`.\n",
                       "scripts/pay.sh": "#!/bin/bash\nif [ -z \"$KEY\" ]; then\n"
                                         "  KEY=$(op read \"op://Stripe/Key\" 2>/dev/null || echo \"\")\nfi\n"
                                         "gh pr view 1 || echo \"No PR\"\nnpm outdated --json || true\n"})
    found = by_key(root)
    assert not found[("system", "op")].required and found[("system", "gh")].required
    assert found[("system", "npm")].required


def test_a_command_whose_failure_yields_a_default_value_is_optional(make_skill):
    """`DEPTH=$(jq -r .depth conf.json 2>/dev/null || echo "$DEFAULT_DEPTH")`: without jq the value is its default, so
    jq is optional, and so is node before `|| echo "unknown"`; a literal in its place stands for a failed result
    (`RATE=$(... | bc || echo "0")`: the figures are wrong without bc), and `|| echo "gh failed"` is a message: both
    keep the program required."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Pack. Use when asked.\n---\nRun `scripts/pack.sh`.\n",
                       "scripts/pack.sh": "#!/bin/bash\nDEPTH=$(jq -r '.depth' conf.json 2>/dev/null || "
                                          "echo \"$DEFAULT_DEPTH\")\n"
                                          "LEVEL=$(yq '.level' c.yml || echo ${LEVEL_DEFAULT})\n"
                                          "RATE=$(echo \"scale=2; $a / $b\" | bc 2>/dev/null || echo \"0\")\n"
                                          "gh pr view 1 || echo \"gh failed\"\n"
                                          "LOCAL=$(node -p \"require('./package.json').version\" 2>/dev/null || "
                                          "echo \"unknown\")\nXCODE=$(xcode-select -p || echo \"not found\")\n"
                                          "ID=$(uuidgen 2>/dev/null || echo \"run-$(date +%s)\")\n"})
    found = by_key(root)
    assert not found[("system", "jq")].required and not found[("system", "yq")].required
    assert found[("system", "gh")].required and found[("system", "bc")].required
    # a word for no value ("unknown", "not found") is what the script shows instead: it goes on without the program
    assert not found[("system", "node")].required and not found[("system", "xcode-select")].required
    assert not found[("system", "uuidgen")].required  # the value computed another way


def test_a_global_install_through_bun_needs_bun_not_node(make_skill):
    """`bun install -g URL` puts a CLI on PATH that bun runs; `npm install -g x` one that Node.js runs."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Search. Use when asked.\n---\n```bash\n"
                                   "bun install -g https://github.com/acme/qsearch\nqsearch query notes\n```\n"})
    assert ("system", "node") not in by_key(root) and by_key(root)[("system", "bun")].required
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Search. Use when asked.\n---\n```bash\n"
                                   "npm install -g qsearch\nqsearch query notes\n```\n"})
    assert by_key(root)[("system", "node")].required


def test_a_numbered_prerequisites_heading_lists_requirements(make_skill):
    """"### 3.0 Prerequisites (dependencies and tools)" then "- Node.js 18+": Node.js is declared in prose."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Media. Use when asked.\n---\n"
                                   "### 3.0 Prerequisites (dependencies and tools)\n\n- Node.js 18+\n"
                                   "- Install SDK:\n```bash\nnpm install @google/genai\n```\n"})
    assert warnings(root, "DP001") == []


def test_a_prerequisites_heading_after_another_word_lists_requirements(make_skill):
    """"## Inputs / Prerequisites" then "- **SQLMap Installation**: Pre-installed on Kali Linux": sqlmap is declared."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Test. Use when asked.\n---\n"
                                   "## Inputs / Prerequisites\n\n- **SQLMap Installation**: Pre-installed on Kali\n\n"
                                   "## Use\n\n```bash\nsqlmap -u \"http://target.example/p?id=1\" --batch\n```\n"})
    assert warnings(root, "DP001") == []


def test_a_setup_verification_checklist_lists_requirements(make_skill):
    """"### Setup Verification" then "- [ ] GitHub CLI (`gh`) installed": gh is stated in prose, as under a
    "Prerequisites" heading; a "Verify Installation" step, which checks what the steps before it did, states
    nothing."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: CI. Use when asked.\n---\n"
                                   "## Use\n\n```bash\ngh run view 1 --json jobs | jq .jobs\n```\n\n"
                                   "### Setup Verification\n\n- [ ] GitHub CLI (`gh`) installed and authenticated\n\n"
                                   "### Verify Installation\n\nPipe the output to jq as above.\n"})
    assert [d["message"] for d in warnings(root, "DP001")] == [
        "system dependency `jq` is used but declared nowhere"]


def test_a_program_written_as_a_plain_word_where_prose_requires_it_is_stated(make_skill):
    """"Ensure you have node installed.", "Requires: ffmpeg" and the description's "Requires the pandoc CLI" state
    them, as `node` in backticks would; a name the sentence puts elsewhere ("Ensure the skill is installed and yq
    works") does not."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Share. Requires the pandoc CLI.\n---\n"
                                   "This is focused on linux. Ensure you have node installed.\nRequires: ffmpeg\n"
                                   "Ensure the skill is installed and yq works.\n\n```bash\nnpm install -g some-cli\n"
                                   "ffmpeg -i a.mp4 b.mp3\nyq . a.yaml\npandoc a.md -o a.pdf\n```\n"})
    assert [d["message"] for d in warnings(root, "DP001")] == [
        "system dependency `yq` is used but declared nowhere"]


def test_a_list_a_requirements_label_leads_in_states_its_programs(make_skill):
    """"**Requirements:**" over "- Node.js 18+" below an install block states what a requirements section would; a
    sentence that ends in a colon is no label, and a list with prose between is not led in."""
    body = ("## Installation\n\n```bash\nnpm install @acme/agent-sdk zod\n```\n\n{label}\n- Node.js 18+\n"
            "- A working `acmecli` executable in PATH\n\n## Use\n\n```bash\nnode run.js\nacmecli status\n```\n")

    def undeclared(label: str) -> list[str]:
        root = make_skill({"SKILL.md": "---\nname: s\ndescription: x\n---\n" + body.format(label=label)})
        return sorted(d["message"] for d in warnings(root, "DP001"))
    for label in ("**Requirements:**", "Prerequisites:", "You'll need:", "前提条件："):
        assert undeclared(label) == [], label
    for label in ("Install it, then check the requirements of your shell and run these checks:",
                  "**Requirements:**\n\nSome prose between.\n"):
        assert len(undeclared(label)) == 2, label  # node and acmecli


def test_a_program_said_to_be_always_there_is_stated(make_skill):
    """"Use Node (guaranteed available — the host requires it)" and "jq is always installed" say the program is
    present; a program the sentence does not name stays undeclared."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Find. Use when asked.\n---\n"
                                   "Use Node (guaranteed available — the host requires it) instead of yq.\n"
                                   "jq is always installed.\n\n```bash\nnode -e 'x'\njq . a.json\nyq . a.yaml\n```\n"})
    assert [d["message"] for d in warnings(root, "DP001")] == [
        "system dependency `yq` is used but declared nowhere"]


def test_the_runtime_of_the_skills_own_tool_named_in_prose_is_stated(make_skill):
    """"A small Node CLI", "Notion API CLI (Node)", "基于 Deno 的脚本" tell the reader what runs the skill's tool; the
    command `node scripts/x.js` alone, in prose or code, tells nothing."""
    def undeclared(text: str) -> list[str]:
        root = make_skill({"SKILL.md": f"---\nname: s\ndescription: {text}\n---\nRun `node scripts/x.js`, then "
                                       "`deno run scripts/y.ts`.\n"})
        return sorted(d["message"].split("`")[1] for d in warnings(root, "DP001"))
    assert undeclared("A small Node CLI to query Asana.") == ["deno"]
    assert undeclared("Generic Notion API CLI (Node) for search.") == ["deno"]
    assert undeclared("Node.js scripts and 基于 Deno 的脚本.") == []
    assert undeclared("Query the API. Use when asked.") == ["deno", "node"]


def test_the_agents_own_cli_and_the_hosts_own_modules_are_no_dependencies(make_skill):
    """Qwen Code's `qwen` in a skill is the agent it runs in; a TypeScript module that imports from outside the skill's
    folder is the host's own code, which the skill never runs under Node.js."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: Loop. Use when asked.\n---\n```bash\nqwen mcp add repl npx -y x-mcp\n"
                     "npm install --no-save x-sdk\n```\n"),
        "loop-file.ts": "import * as fs from 'node:fs/promises';\nimport { log } from '../../../utils/log.js';\n"
                        "export const read = async (p: string) => log(await fs.readFile(p, 'utf8'));\n",
    })
    deps = by_key(root)
    assert ("host", "qwen") in deps and ("system", "qwen") not in deps
    assert {s.file for s in deps[("system", "node")].evidence} == {"SKILL.md"}  # npm in SKILL.md, not the module
    # openclaw-py's `pyclaw`, and its own modules an inline probe imports
    py = make_skill({"SKILL.md": ("---\nname: s\ndescription: Summarise. Use when asked.\n---\n```bash\n"
                                  "pyclaw cron add --name daily\n"
                                  "python -c \"from pyclaw.memory import Summary; print('ok')\"\n```\n")}, name="py")
    deps = by_key(py)
    assert ("host", "pyclaw") in deps and ("system", "pyclaw") not in deps and ("pip", "pyclaw") not in deps


def test_what_a_skill_can_do_without_is_optional(make_skill):
    """A command substitution that swallows the failure (`$(jq ... 2>/dev/null || true)`: the value is empty without
    jq), a module a script loads on demand inside try/catch (`await import("playwright-core")`), a type-only import
    of a bundled script, one operating system's tools after "macOS:", and a tool run only "When Tailscale is
    involved" are optional; `|| true` outside a substitution silences an exit status and proves nothing, and an
    install line after "Linux:" still installs what every system needs."""
    head = "---\nname: s\ndescription: Check. Use when asked.\n---\n"
    root = make_skill({
        "SKILL.md": head + "```bash\nTOKEN=$(jq -r .key conf.json 2>/dev/null || true)\nyq . a.yaml || true\n```\n\n"
                           "macOS:\n\n```bash\nmas list\nblueutil --power\n```\n\nLinux:\n\n```bash\n"
                           "apt-get install -y rclone\n```\n\n```bash\nrclone ls remote:\n```\n\n"
                           "- When Tailscale is involved, inspect live state:\n\n```bash\n"
                           "tailscale status --json\n```\n",
        "scripts/render.mjs": "import { writeFile } from 'node:fs/promises';\nasync function png() {\n  try {\n"
                              "    const { chromium } = await import('playwright-core');\n    return chromium;\n"
                              "  } catch {\n    throw new Error('PNG output needs Chromium');\n  }\n}\n"
                              "await writeFile('a.svg', '<svg/>');\n",
        "scripts/types.ts": ("import type { Api } from 'host-api';\nimport { z } from 'zod';\n"
                             "console.log(z, {} as Api);\n"),
    })
    deps = by_key(root)
    for kind, name in [("system", "jq"), ("system", "mas"), ("system", "blueutil"), ("system", "tailscale"),
                       ("npm", "playwright-core"), ("npm", "host-api")]:
        assert not deps[(kind, name)].required, name
    assert deps[("system", "yq")].required and deps[("npm", "zod")].required
    assert deps[("system", "rclone")].required  # installed for every system, after "Linux:" as anywhere


def test_an_mcp_servers_package_gives_its_cli(make_skill):
    """`npm i -g chrome-devtools-mcp` in a reference puts `chrome-devtools` on PATH, as `X-cli` gives `X`."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Debug. Use when asked.\n---\nSetup: see references/install.md.\n\n"
                    "```bash\nchrome-devtools start\n```\n",
        "references/install.md": "# Install\n\n```sh\nnpm i chrome-devtools-mcp@latest -g\n```\n",
    })
    assert by_key(root)[("system", "chrome-devtools")].provided_by == "npm chrome-devtools-mcp"
    assert warnings(root, "DP001") == []


def test_a_block_of_bare_names_after_an_install_intro_is_the_skills_install_step(make_skill):
    """"Install as devDependencies:" then a block holding `husky lint-staged prettier` installs them: their later
    commands are stated (in prose only). A bare block after other words, or a block that is a command, states
    nothing of its own."""
    head = "---\nname: case-skill\ndescription: x\n---\n"
    uses = "\n\n```bash\nnpx lint-staged\nprettier --write .\nyq . a.yaml\n```\n"
    installed = make_skill({"SKILL.md": head + "Install as devDependencies:\n\n```\nlint-staged prettier\n```" + uses})
    assert [d["message"] for d in warnings(installed, "DP001")] == [
        "system dependency `node` is used but declared nowhere", "system dependency `yq` is used but declared nowhere"]
    shown = make_skill({"SKILL.md": head + "The hook runs these:\n\n```\nlint-staged prettier\n```" + uses},
                       name="shown")
    assert "system dependency `prettier` is used but declared nowhere" in [
        d["message"] for d in warnings(shown, "DP001")]
    command = make_skill({"SKILL.md": head + "Install twurl:\n\n```\ngem install twurl\n```\n"}, name="command")
    assert [d["message"] for d in warnings(command, "DP001")] == [
        "system dependency `gem` is used but declared nowhere"]
    zh = make_skill({"SKILL.md": head + "安装开发依赖：\n\n```\nlint-staged prettier\n```" + uses}, name="zh")
    assert "system dependency `prettier` is used but declared nowhere" not in [
        d["message"] for d in warnings(zh, "DP001")]


def test_requirements_prose_a_named_list_and_a_bare_required_state_programs(make_skill):
    """A requirements section's paragraph ("Just run with npx. Node.js 18+ recommended."), a list after
    "Python dependencies (...):" (each name of it, not only the first) and "(Go required)" right after a name
    state them; a program the same prose does not name stays undeclared."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Convert. Use when asked.\n---\n## Setup\n\n"
                    "Install rmapi (Go required):\n```bash\ngo build -o rmapi .\n```\n\n"
                    "Python dependencies (for conversion): `readability-lxml`, `ebooklib`, `requests` and "
                    "`beautifulsoup4`.\n\n## Use\n\n```bash\nnpx some-tool .\njq . out.json\n```\n\n"
                    "## Requirements\n\nNo install needed. Just run with npx. Node.js 18+ recommended.\n",
        "scripts/convert.py": "import requests\nfrom bs4 import BeautifulSoup\nfrom readability import Document\n"})
    assert sorted(d["message"] for d in warnings(root, "DP001")) == [
        "npm dependency `some-tool` is used but declared nowhere",
        "system dependency `jq` is used but declared nowhere"]


def test_installation_subsections_are_one_way_each_but_the_main_one(make_skill):
    """Under "## Installation", "### npm (recommended)" is the main way and "### From Source" another: pnpm of the
    second is not required, npm's Node.js is. Subsections that install two tools ("### gcloud CLI", "### Firebase
    CLI") or are steps of one way ("### 1. Install", "### 2. Verify") are not ways."""
    head = "---\nname: case-skill\ndescription: x\n---\n"
    ways = make_skill({"SKILL.md": head + "## Installation\n\n### npm (recommended)\n\n```bash\nnpm install -g "
                                          "some-cli\n```\n\n### From Source\n\n```bash\ngit clone https://x.io/r\n"
                                          "pnpm install\n```\n"}, name="ways")
    found = by_key(ways)
    assert not found[("system", "pnpm")].required and found[("system", "node")].required
    tools = make_skill({"SKILL.md": head + "## Installation\n\n### gcloud CLI\n\n```bash\ngcloud init\n```\n\n"
                                           "### Firebase CLI\n\n```bash\nfirebase login\n```\n"}, name="tools")
    assert by_key(tools)[("system", "firebase")].required
    steps = make_skill({"SKILL.md": head + "## Installation\n\n### 1. Install\n\n```bash\npip install x-cli\n```\n\n"
                                           "### 2. Verify\n\n```bash\njq . config.json\n```\n"}, name="steps")
    assert by_key(steps)[("system", "jq")].required
    # what is deployed may come first ("## Dashboard Deployment" over "### Docker" and "### Kubernetes"); a program
    # there names one way, whose subsections are its steps ("## Docker Deployment" over build, then run)
    deployed = make_skill({"SKILL.md": head + "## Dashboard Deployment\n\n### Docker\n\n```bash\ndocker run -d "
                                              "img\n```\n\n### Kubernetes\n\n```bash\nkubectl apply -k k8s/\n```\n"},
                          name="deployed")
    assert by_key(deployed)[("system", "docker")].required and not by_key(deployed)[("system", "kubectl")].required
    one_way = make_skill({"SKILL.md": head + "## Docker Deployment\n\n### Build Image\n\n```bash\ndocker build "
                                             "-t app .\n```\n\n### Push Image\n\n```bash\nskopeo copy a b\n```\n"},
                         name="one-way")
    assert by_key(one_way)[("system", "skopeo")].required


def test_a_commented_out_pip_install_in_skill_md_states_its_packages(make_skill):
    """`# Requires: pip install pytesseract pdf2image` above an example tells the reader what to install: a bundled
    script's import of pdf2image is declared by it; Pillow, named nowhere, is not."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: PDF. Use when asked.\n---\n```python\n# Requires: pip install "
                    "pytesseract pdf2image>=1.16\nimport pytesseract\n```\n",
        "scripts/convert.py": "from pdf2image import convert_from_path\nfrom PIL import Image\n"})
    assert [d["message"] for d in warnings(root, "DP001")] == ["pip dependency `Pillow` is used but declared nowhere"]


def test_prose_that_requires_a_programs_package_states_the_program(make_skill):
    """"Visualize dependencies (requires graphviz):" states `dot`, whose package graphviz is; "requires
    ImageMagick" states `magick`. `chage` comes with every Debian and is never asked for."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Plan. Use when asked.\n---\n"
                                   "Visualize dependencies (requires graphviz):\n```bash\ntodo dep dot 1 | dot -Tpng\n```\n"
                                   "An icon (requires ImageMagick):\n```bash\nmagick a.png a.ico\n```\n"
                                   "```bash\nchage -l \"$user\"\nfoo-tool --run\n```\n"})
    assert sorted(d["message"] for d in warnings(root, "DP001")) == [
        "system dependency `foo-tool` is used but declared nowhere",
        "system dependency `todo` is used but declared nowhere"]


def test_a_binding_of_another_language_in_a_shell_block_runs_no_known_program(make_skill):
    """`llm = Llama(` under '# Python with Metal' in a bash fence binds a name in Python: no `llm` CLI, although the
    lexicon knows one; `llm "Summarise this"` in another block runs it."""
    head = "---\nname: s\ndescription: Quantise. Use when asked.\n---\n"
    block = "```bash\n# Python with Metal\nllm = Llama(\n    model_path=\"model.gguf\",\n)\n```\n"
    assert ("system", "llm") not in by_key(make_skill({"SKILL.md": head + block}))
    found = by_key(make_skill({"SKILL.md": head + block + "```bash\nllm \"Summarise this\"\n```\n"}, name="runs"))
    assert found[("system", "llm")].required


def test_a_command_the_line_forbids_is_not_a_dependency(make_skill):
    """"never `pip install` or `conda install`" and "instead of `pip`" say what not to run, and "`x` does not work"
    what not to rely on; the command the same line asks for is still used."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: GPU code. Use when asked.\n---\n"
                                   "Always use `uv add cupy` for installs — never `pip install` or `conda install`.\n\n"
                                   "Run `pixi run build` instead of `poetry build`.\n\n"
                                   "Do not run `brew install ffmpeg`; use `apt-get install ffmpeg`.\n"})
    found = by_key(root)
    assert not {("system", "conda"), ("system", "poetry"), ("system", "brew")} & set(found)
    assert {("system", "uv"), ("system", "pixi")} <= set(found)
    # a command the line says does not work is not run either ("`gh auth login` tokens do NOT work", 不起作用)
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Models. Use when asked.\n---\n"
                                   "Note: `gh auth login` tokens do NOT work for the Copilot API.\n\n"
                                   "`yt-dlp --cookies x` 在这里不起作用。\n\nRun `glab auth login` first.\n"}, name="t")
    found = by_key(root)
    assert not {("system", "gh"), ("system", "yt-dlp")} & set(found) and ("system", "glab") in found


def test_a_cli_package_declares_its_command(make_skill):
    """`npm install -g firecrawl-cli` gives `firecrawl`, `pip install pltr-cli` gives `pltr`; a `node-fetch`
    dependency gives no `node`."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Crawls. Use when asked.\n---\n"
                                   "```bash\nnpm install -g firecrawl-cli node-fetch\npip install pltr-cli\n```\n"
                                   "```bash\nfirecrawl crawl https://docs.example.org\npltr ontology list\n"
                                   "node run.js\n```\n"})
    found = by_key(root)
    assert found[("system", "firecrawl")].provided_by == "npm firecrawl-cli"
    assert found[("system", "pltr")].provided_by == "pip pltr-cli"
    assert found[("system", "node")].provided_by is None


def test_a_program_declared_as_needed_is_still_installed_by_its_package(make_skill):
    """`requires.bins: [edge-tts]` with `pip install edge-tts`, and a hub install entry naming the package that
    gives a bin: the package sets the program up (no apt-get of it). A package.json dependency named like a system
    program (npm's `gpg`) puts no command on PATH."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: Speaks. Use when asked.\nmetadata: {\"openclaw\": {\"requires\": "
                     "{\"bins\": [\"edge-tts\", \"gpg\"]}, \"install\": [{\"kind\": \"node\", \"package\": "
                     "\"@netpad/cli\", \"bins\": [\"netpad\"]}]}}\n---\n"
                     "```bash\npip install edge-tts\nedge-tts --text hi --write-media a.mp3\nnetpad forms list\n"
                     "gpg --encrypt a.mp3\n```\n"),
        "package.json": '{"name": "s", "dependencies": {"gpg": "*"}}\n',
    })
    found = by_key(root)
    assert found[("system", "edge-tts")].provided_by == "pip edge-tts" and found[("pip", "edge-tts")].required
    assert found[("system", "netpad")].provided_by == "npm @netpad/cli" and found[("npm", "@netpad/cli")].required
    assert found[("system", "gpg")].provided_by is None
    assert dependencies.install_command(found[("system", "gpg")]) is not None


def test_a_hub_install_entry_declares_the_program_it_is_installed_with(make_skill):
    """An install entry of kind `node` is installed with npm on Node.js (`go`, `uv`, `cargo` with theirs): the hub's
    client needs that program, so the skill's own use of it is declared; no use, and it is not required."""
    metadata = ("metadata: {\"openclaw\": {\"install\": [{\"kind\": \"node\", \"package\": \"homey\", "
                "\"bins\": [\"homeycli\"]}, {\"kind\": \"go\", \"package\": \"example.com/x/cmd/tool\"}]}}\n")
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Homes. Use when asked.\n" + metadata + "---\n"
                                    "```bash\nhomeycli devices\nnode scripts/report.js\n```\n"),
                       "scripts/report.js": "console.log(1)\n"})
    found = by_key(root)
    assert found[("system", "node")].declared and found[("system", "node")].required
    assert found[("system", "go")].declared and not found[("system", "go")].required
    assert findings(root, "DP001") == []


def test_a_hub_install_entry_of_the_skills_own_folder_names_no_package(make_skill):
    """`"package": "."` installs the skill's own folder (`npm install -g .`): no npm package called `.`, and the
    bins its package.json gives are the skill's own programs; a program it also lists (`node`) is still declared."""
    metadata = ("metadata: {\"clawdbot\": {\"install\": [{\"kind\": \"node\", \"package\": \".\", "
                "\"bins\": [\"homeycli\", \"node\"]}]}}\n")
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Homes. Use when asked.\n" + metadata + "---\n"
                                    "```bash\nhomeycli devices\n```\n"),
                       "package.json": '{"name": "s", "bin": {"homeycli": "./bin/homeycli"}}\n',
                       "bin/homeycli": "#!/usr/bin/env node\nconsole.log(1)\n"})
    found = by_key(root)
    assert not any(kind == "npm" for kind, _name in found)
    assert ("system", "homeycli") not in found
    assert found[("system", "node")].declared and found[("system", "node")].provided_by is None


def test_code_a_shell_script_runs_inline_is_read_in_its_language(make_skill):
    """`python3 -c "..."`, `python3 - <<EOF`, `cat <<EOF | python3` and `node -e` run code whose imports are
    requirements; a module only tested for (`if python3 -c "import PIL"`) is optional (so is what runs when the test
    passed, but not the else branch, which runs when it failed, nor a loop's body), and a variable the script
    exports for the inline code is not a setting."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `scripts/run.sh`.\n",
        "scripts/run.sh": ("#!/bin/bash\nexport MODE=fast\nX=$(python3 - <<'PY'\nimport os, pandas\n"
                           "print(os.environ['MODE'])\nPY\n)\npython3 -u -c \"import sys\nimport tronpy\"\n"
                           "node -e 'require(\"lodash\")'\ncat <<EOF | python3\nimport requests\nEOF\n"
                           "python3 tool.py <<EOF\nimport notcode\nEOF\n"
                           "if python3 -c \"import PIL\" 2>/dev/null; then\n"
                           "  python3 -c \"from PIL import Image\"\nelse\n  python3 -c \"import numpy\"\nfi\n"
                           "while read -r f; do python3 -c \"import yaml\" < \"$f\"; done < list.txt\n"
                           "node - \"$1\" out.html <<'JS'\nconst hb = require('handlebars');\nJS\n"),
    })
    found = by_key(root)
    required = {name for (kind, name), d in found.items() if d.required and kind in ("pip", "npm", "env")}
    assert required == {"pandas", "tronpy", "requests", "lodash", "numpy", "PyYAML", "handlebars"}  # no Pillow, MODE
    assert ("pip", "notcode") not in found
    pandas = found[("pip", "pandas")].evidence[0]
    assert (pandas.file, pandas.line, pandas.column) == ("scripts/run.sh", 4, 12)
    script = next(f for f in skvm_lint.load(root).files if f.path == "scripts/run.sh")
    firsts = [inner.imports[0].span.line for inner in script.code.embedded]  # in source order, not query order
    assert firsts == sorted(firsts) and len(firsts) == 9


def test_shell_code_a_shell_runs_inline_is_read_as_commands(make_skill):
    """`bash <<'SCRIPT'`, `bash -c "..."`, `sudo sh -c '...'` and `xargs -I{} sh -c '...'` run shell code whose
    programs are the skill's; a body holding a substitution was read by the outer parse already (its curl is one
    command, not two). A variable the agent sets for what it runs (`${CLAUDE_PLUGIN_ROOT}`) is no setting."""
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: Deploys. Use when asked.\n---\n# S\n\n```bash\nbash <<'SCRIPT'\n"
        "${CLAUDE_PLUGIN_ROOT}/lib/api.sh status | jq '.services'\nSCRIPT\n```\n\n```bash\n"
        "bash -c \"gh pr list | wc -l\"\nsudo sh -c 'yq . /etc/app.yaml > /tmp/app.json'\n"
        "cat urls.txt | xargs -I {} sh -c 'pandoc \"{}\" -o out.md'\n"
        "sh -c \"$(curl -fsSL https://get.x.test)\"\n```\n")})
    found = by_key(root)
    assert {name for (kind, name), d in found.items() if kind == "system" and d.required} \
        >= {"jq", "gh", "yq", "pandoc"}
    assert ("env", "CLAUDE_PLUGIN_ROOT") not in found
    skill = skvm_lint.load(root)
    curls = [cmd for _file, facts, _block in skill.code_units() for cmd in facts.commands if cmd.program == "curl"]
    assert len(curls) == 1


def test_a_variable_the_skills_own_scripts_set_is_no_setting(make_skill):
    """`os.environ["TOOL_DEBUG"] = "1"` (from the script's own --debug flag) and `process.env.MODE = ...` set what
    another of the skill's modules reads: nothing for the user to set. A variable only read is still one."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `python3 scripts/main.py`.\n",
        "scripts/main.py": ("import os\nif '--debug' in os.sys.argv:\n    os.environ['TOOL_DEBUG'] = '1'\n"
                            "key = os.environ['TOOL_API_KEY']\n"),
        "scripts/http.py": "import os\nDEBUG = os.environ['TOOL_DEBUG'] == '1'\n",
        "scripts/run.js": "process.env.MODE = 'fast';\nconsole.log(process.env.MODE, process.env['TOKEN']);\n",
    })
    assert by_type(root).get("env") == {"TOOL_API_KEY", "TOKEN"}


def test_a_variable_the_skills_launcher_exports_is_no_setting(make_skill):
    """`export SERVER_TIMEOUT_MS=...` in the script that starts the server (or in common.sh, which the others
    source) sets what the server reads."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `scripts/start.sh`.\n",
        "scripts/start.sh": "#!/bin/bash\nexport SERVER_TIMEOUT_MS=$(( 5 * 60 * 1000 ))\nnode scripts/server.js\n",
        "scripts/server.js": "const ms = Number(process.env.SERVER_TIMEOUT_MS);\nconst key = process.env.SERVER_KEY;\n",
    })
    assert by_type(root).get("env") == {"SERVER_KEY"}


def test_a_setting_read_only_when_a_test_found_it_set_is_optional(make_skill):
    """`if (process.env.APP_TOKEN) { return process.env.APP_TOKEN }` and `if os.environ.get("APP_KEY"):
    key = os.environ["APP_KEY"]` use the setting only when it is set; a read outside such a test still needs it."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `node scripts/server.js`.\n",
        "scripts/server.js": ("function token() {\n  if (process.env.APP_TOKEN) {\n    return process.env.APP_TOKEN;\n"
                              "  }\n  return 'generated';\n}\nconst host = process.env.APP_HOST;\n"),
        "scripts/client.py": ("import os\nif os.environ.get('APP_KEY'):\n    key = os.environ['APP_KEY']\n"
                              "url = os.environ['APP_URL'] if os.getenv('APP_URL') else 'http://localhost'\n"
                              "region = os.environ['APP_REGION']\n"),
    })
    assert by_type(root).get("env") == {"APP_HOST", "APP_REGION"}


def test_a_function_that_tests_for_a_program_guards_it_as_command_v_does(make_skill):
    """`command_exists() { command -v "$1" >/dev/null 2>&1; }` in a sourced lib/utils.sh: `if ! command_exists rclone;
    then ...; return 0; fi` makes rclone optional. `need_bin jq`, whose function exits when jq is missing, does not."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Backs up. Use when asked.\n---\nRun `bin/backup.sh`.\n",
        "bin/lib/utils.sh": ("command_exists() {\n  command -v \"$1\" >/dev/null 2>&1\n}\n"
                             "need_bin() { command -v \"$1\" >/dev/null 2>&1 || { echo \"Missing: $1\"; exit 1; }; "
                             "}\n"),
        "bin/backup.sh": ("#!/bin/bash\nsource \"$(dirname \"$0\")/lib/utils.sh\"\nneed_bin jq\nupload() {\n"
                          "  if ! command_exists rclone; then\n    echo 'rclone not found, skipping upload'\n"
                          "    return 0\n  fi\n  rclone copy a remote:b\n}\njq . state.json\nupload\n"),
    })
    found = by_key(root)
    assert not found[("system", "rclone")].required and found[("system", "jq")].required


def test_switches_presence_tests_fallback_chains_sourced_libraries_and_proxies_are_no_settings(make_skill):
    """`[[ "$NOTIFY_ON_ERROR" != "true" ]]` is a switch; `[ -n "$EXTRA_ARGS" ] && use "$EXTRA_ARGS"` reads it only
    when set; `getenv('A') or getenv('B') or default` has a fallback for both; a variable lib.sh sets is set for
    the script that sources it; HTTPS_PROXY is the network's; `if [ -z "$APP_SILENT" ]; then echo ...; fi` only
    changes what the script says, and one that notes "APP_KEY not set. Using public access." goes on without it.
    `[ -z "$API_TOKEN" ] && exit 1` still needs it."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `scripts/run.sh`.\n",
        "scripts/lib.sh": "DB_PATH=\"${TASKS_DB:-$HOME/tasks.db}\"\n",
        "scripts/run.sh": ("#!/bin/bash\nsource \"$(dirname \"$0\")/lib.sh\"\n"
                           "[[ \"$NOTIFY_ON_ERROR\" != \"true\" ]] && exit 0\n"
                           "[ -n \"$EXTRA_ARGS\" ] && echo \"$EXTRA_ARGS\"\n"
                           "if [ -z \"$API_TOKEN\" ]; then echo 'set API_TOKEN'; exit 1; fi\n"
                           "if [ -z \"$APP_SILENT\" ]; then echo 'calling the API'; fi\n"
                           "if [[ -z \"$APP_KEY\" ]]; then echo 'APP_KEY not set. Using public access.'; fi\n"
                           "if [[ -z \"$APP_SECRET\" ]]; then echo 'APP_SECRET not set. Using none.'; exit 1; fi\n"
                           "sqlite3 \"$DB_PATH\" 'select 1'\n"),
        "scripts/base.py": ("import os\nbase = os.environ.get('OPENAI_BASE_URL') or os.environ.get('OPENAI_API_BASE') "
                            "or 'https://api.openai.com'\nproxy = os.environ.get('https_proxy') or "
                            "os.environ.get('HTTPS_PROXY')\n"
                            # Windows sets it, as the shell sets $HOME
                            "local = os.environ.get('LOCALAPPDATA')\nbackups = os.path.join(local, 'app')\n"
                            # both sides of an `or` that is a branch's test are only tested
                            "if os.environ.get('APP_CONTAINER') or os.environ.get('APP_DOCKER'):\n    backups = None\n"),
    })
    assert by_type(root).get("env") == {"API_TOKEN", "APP_SECRET"}


def test_a_sourced_system_file_sets_the_operating_systems_facts(make_skill):
    """`. /etc/os-release` sets $ID and $VERSION_ID: the system's facts, no setting; $APP_MIRROR still is."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Sets up. Use when asked.\n---\nRun `scripts/setup.sh`.\n",
        "scripts/setup.sh": ("#!/bin/bash\n. /etc/os-release\necho \"$PRETTY_NAME $VERSION_ID\"\n"
                             "curl -fsSL \"$APP_MIRROR/$ID.tar\" -o pkg.tar\n"),
    })
    assert by_type(root).get("env") == {"APP_MIRROR"}


def test_variables_of_a_list_of_candidates_are_each_optional(make_skill):
    """`[process.env.KEY, process.env.KEY_BACKUP].filter(Boolean)` and `filter(None, [os.getenv("A"), ...])` try
    each variable in turn: none of them is required. A list kept whole (`[process.env.HOST]`) still reads it."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `node scripts/run.js`.\n",
        "scripts/run.js": ("const keys = [process.env.GEMINI_KEY, process.env.GEMINI_KEY_BACKUP].filter(Boolean);\n"
                           "const dir = [process.env.APP_HOME, '/opt/app'].find(Boolean);\n"
                           "const hosts = [process.env.APP_HOST];\nconsole.log(keys, dir, hosts);\n"),
        "scripts/pick.py": "import os\ntoken = next(filter(None, [os.getenv('GH_TOKEN'), os.getenv('GITHUB_TOKEN')]))\n",
    })
    assert by_type(root).get("env") == {"APP_HOST"}


def test_shell_libraries_of_one_folder_read_what_each_other_set(make_skill):
    """lib/config.sh's `load_config` sets BACKUP_DIR and lib/backup.sh's function reads it: both are libraries (only
    functions and settings at the top, one of them past the parser), sourced together by an entry point the skill
    does not bundle. A script that runs on its own (scripts/run.sh) and a library of another folder still read the
    user's settings. A library may pick a setting by a test (`if [[ -f ... ]]; then CONFIG_FILE=...`)."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Backs up. Use when asked.\n---\nRun `scripts/run.sh`.\n",
        "bin/lib/config.sh": ("#!/usr/bin/env bash\nLOG_FILE=\"$HOME/.app/update.log\"\n"
                              # a setting picked by a test is a setting still
                              "if [[ -f \"$HOME/.app/c.json\" ]]; then\n  CONFIG_FILE=\"$HOME/.app/c.json\"\n"
                              "elif command -v app >/dev/null 2>&1; then\n  CONFIG_FILE=/etc/app.json\nfi\n"
                              "load_config() {\n  BACKUP_DIR=$(jq -r .backup_dir \"$HOME/.app/c.json\")\n}\n"),
        "bin/lib/backup.sh": ("#!/usr/bin/env bash\nset -euo pipefail\ncreate_backup() {\n"
                              "  tar czf \"${BACKUP_DIR}/b.tgz\" \"$APP_HOME\" \"$CONFIG_FILE\"\n  echo done >> \"$LOG_FILE\"\n}\n"
                              # tree-sitter-bash cannot parse this function: a library all the same
                              "trim() {\n  s=\"${1%[\\])]}\"\n  echo \"$s\"\n}\n"),
        "scripts/run.sh": "#!/bin/bash\nBACKUP_DIR=/tmp\necho \"$APP_TOKEN\" \"$LOG_FILE\"\n",
        "other/lib.sh": "notify() {\n  echo \"$BACKUP_DIR\"\n}\n",
    })
    assert by_type(root).get("env") == {"APP_HOME", "APP_TOKEN", "LOG_FILE", "BACKUP_DIR"}
    read_in = {d.name: {s.file for s in d.evidence} for d in dependencies.analyze(skvm_lint.load(root)).found
               if d.type == "env"}
    assert read_in["LOG_FILE"] == {"scripts/run.sh"} and read_in["BACKUP_DIR"] == {"other/lib.sh"}
    assert read_in["APP_HOME"] == {"bin/lib/backup.sh"}


def test_a_setting_kept_in_a_name_then_used_only_when_set_is_optional(make_skill):
    """`tok = os.getenv("T")` then `if tok:`, `if not host: host = "localhost"`, `[Path(c) / "envs"] if c else []`,
    `const ms = Number(process.env.MS)` then `ms > 0 ? ms : 60000`: each has a default. `if not key: sys.exit(...)` and `throw` make a requirement."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `python3 scripts/a.py`.\n",
        "scripts/a.py": ("import os, sys\ntok = os.getenv('APP_TOKEN')\nif tok:\n    print(tok)\n"
                         "host = os.getenv('APP_HOST')\nif not host:\n    host = 'localhost'\n"
                         "key = os.getenv('APP_KEY')\nif not key:\n    sys.exit('set APP_KEY')\n"
                         "conda_exe = os.environ.get('APP_CONDA_EXE')\nenvs = [conda_exe + '/envs'] if conda_exe else []\n"),
        "scripts/b.js": ("const ms = Number(process.env.APP_CHECK_MS);\nconst every = ms > 0 ? ms : 60000;\n"
                         "const secret = process.env.APP_SECRET;\nif (!secret) { throw new Error('set APP_SECRET'); }\n"
                         "const hours = parseInt(process.env.APP_HOURS, 10) || 24;\n"
                         "const port = parseInt(process.env.APP_PORT);\nlisten(port);\n"),
    })
    # `parseInt(process.env.APP_HOURS, 10) || 24`: converted, then defaulted; APP_PORT has no default
    assert by_type(root).get("env") == {"APP_KEY", "APP_SECRET", "APP_PORT"}


def test_commands_under_a_label_of_one_language_beside_another_are_that_languages_way(make_skill):
    """`**TypeScript:**` then a list with `npx @modelcontextprotocol/inspector`, and `**Python:**` then another
    list; `JavaScript/TypeScript:` then `npm install`, `Python:` then `pip install`: one way per language. A
    label with no other language beside it is no choice."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Builds. Use when asked.\n---\n## Test\n\n"
                                    "**TypeScript:**\n- Test with the inspector: `npx @modelcontextprotocol/inspector`\n\n"
                                    "**Python:**\n- Verify syntax: `python -m py_compile server.py`\n\n"
                                    "## Install\n\nJavaScript/TypeScript:\n```bash\nnpm install @acme/sdk\n```\n\n"
                                    "Python:\n```bash\npip install acme\n```\n\n## Deploy\n\n**Rust:**\n"
                                    "```bash\ncargo install acme-cli\n```\n")})
    reported = " ".join(d["message"] for d in findings(root, "DP001"))
    assert "inspector" not in reported and "`node`" not in reported and "cargo" in reported


def test_commands_under_a_label_of_one_cloud_beside_another_are_that_clouds_way(make_skill):
    """`**EKS:**` then `aws eks update-cluster-version`, `**AKS:**` then `az aks upgrade`, `**GKE:**` then `gcloud
    container clusters upgrade`: the user's cluster runs on one of them. kubectl, run for every cluster, stays."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Upgrades. Use when asked.\n---\n## Upgrade\n\n"
                                    "```bash\nkubectl get nodes\n```\n\n**EKS:**\n```bash\naws eks "
                                    "update-cluster-version --name c\n```\n\n**AKS:**\n```bash\naz aks upgrade -n c\n"
                                    "```\n\n**GKE:**\n```bash\ngcloud container clusters upgrade c\n```\n")})
    reported = " ".join(d["message"] for d in findings(root, "DP001"))
    assert "kubectl" in reported and "`aws`" not in reported and "`az`" not in reported and "gcloud" not in reported


def test_a_language_then_its_tool_heading_beside_another_languages_is_one_way(make_skill):
    """`### Python: Bandit` beside `### JavaScript/TypeScript: ESLint Security`, or `### Web App (Next.js)` beside
    `### API / Backend (FastAPI)`: each block is one language's way. A `Language: tool` heading with no other
    language beside it is no choice."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Scans. Use when asked.\n---\n## Tools\n\n"
                                    "### Python: Bandit\n\n```bash\npip install bandit\nbandit -r .\n```\n\n"
                                    "### JavaScript/TypeScript: ESLint Security\n\n```bash\nnpm install --save-dev "
                                    "eslint\nnpx eslint .\n```\n\n### Multi-Language: Semgrep\n\n```bash\n"
                                    "semgrep --config=auto .\n```\n\n## Deploy\n\n### Rust: cargo\n\n```bash\n"
                                    "cargo install acme-cli\n```\n")})
    reported = " ".join(d["message"] for d in findings(root, "DP001"))
    assert "`node`" not in reported and "`npm`" not in reported and "semgrep" in reported and "cargo" in reported
    # "Web App (Next.js)" beside "API / Backend (FastAPI)": the parenthesis names the kind of project
    stacks = make_skill({"SKILL.md": ("---\nname: t\ndescription: Scaffolds. Use when asked.\n---\n## Stacks\n\n"
                                      "### Web App (Next.js)\n\n```bash\nnpx create-next-app@latest my-app\n```\n\n"
                                      "### API / Backend (FastAPI)\n\n```bash\nuv init my-api\n```\n")}, name="t")
    assert findings(stacks, "DP001") == []


def test_an_import_its_comment_calls_made_up_is_no_dependency(make_skill):
    """`require('music-api'); // hypothetical` in an example: a stand-in, not a package. Without the comment, or
    with a comment that says something else, it is one."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `node intents.js`.\n",
        "intents.js": ("const musicAPI = require('music-api'); // hypothetical\n"
                       "const player = require('player-lib'); // the player\nimport x from 'made-up-sdk'; /* placeholder */\n"),
        "scripts/run.py": "import weather_sdk  # placeholder for your provider's SDK\nimport requests  # HTTP\n",
    })
    deps = by_key(root)
    assert ("npm", "music-api") not in deps and ("npm", "made-up-sdk") not in deps and ("npm", "player-lib") in deps
    assert ("pip", "weather_sdk") not in deps and ("pip", "weather-sdk") not in deps and ("pip", "requests") in deps


def test_an_excerpt_of_another_project_is_not_node_code(make_skill):
    """A TypeScript file that imports through a project's path alias (`~/threads/manager`, `@/lib/db`) is an excerpt
    to read: only that project's bundler resolves it, so the skill does not run it under Node.js."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Debugs. Use when asked.\n---\nSee `waiting-example.ts`.\n",
        "waiting-example.ts": "import type { Manager } from '~/threads/manager';\nimport { db } from '@/lib/db';\n",
        "scripts/run.ts": "import fs from 'node:fs';\nconsole.log(fs.existsSync('x'));\n",
    })
    node = by_key(root)[("system", "node")]
    assert {s.file for s in node.evidence} == {"scripts/run.ts"}


def test_a_file_lifted_out_of_a_larger_tree_is_that_trees_code(make_skill):
    """`patch/tts.js` importing `../globals.js`, which the skill does not ship, is a copy of the host's source: its
    imports are the host's to install. A script whose own `./lib.js` is missing is still meant to run."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Patch. Use when asked.\n---\nCopy `patch/tts.js` over the host's.\n",
        "patch/tts.js": "import { cfg } from '../globals.js';\nimport { EdgeTTS } from 'node-edge-tts';\n"
                        "export const speak = (t) => new EdgeTTS(cfg).speak(t);\n",
        "scripts/run.js": "import { go } from './lib.js';\nimport chalk from 'chalk';\ngo(chalk);\n",
    })
    deps = by_key(root)
    assert not deps[("npm", "node-edge-tts")].required
    assert deps[("npm", "chalk")].required
    assert {s.file for s in deps[("system", "node")].evidence} == {"scripts/run.js"}


def test_a_pytest_marker_a_plugin_provides_needs_the_plugin(make_skill):
    """`@pytest.mark.asyncio` needs pytest-asyncio, in a reference's example as in a script; `parametrize` is pytest's
    own, a marker in a comment or in code that does not import pytest names nothing, and the skill's own tests need
    their plugins only for development."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Tests. Use when asked.\n---\nSee references/testing.md.\n",
        "references/testing.md": ("# Testing\n\n```python\nimport pytest\n\n"
                                  "# @pytest.mark.trio would need pytest-trio\n"
                                  "@pytest.mark.asyncio\n@pytest.mark.parametrize('n', [1])\nasync def test_x(n):\n"
                                  "    assert n\n```\n\n```python\n@pytest.mark.django_db\ndef test_y(): ...\n```\n"),
        "tests/test_app.py": "import pytest\n\n@pytest.mark.timeout(5)\ndef test_z():\n    pass\n",
    })
    deps = by_key(root)
    asyncio = deps[("pip", "pytest-asyncio")]
    assert asyncio.required and {(s.file, s.line) for s in asyncio.evidence} == {("references/testing.md", 7)}
    assert ("pip", "pytest-trio") not in deps and ("pip", "pytest-django") not in deps
    assert not deps[("pip", "pytest-timeout")].required and deps[("pip", "pytest-timeout")].dev


def test_a_type_declaration_file_runs_under_nothing(make_skill):
    """A build copies the script's shebang into `dist/cli.d.ts`; the runtime is the script's, seen at the script."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `bun dist/cli.js`.\n",
        "dist/cli.js": "#!/usr/bin/env bun\nimport fs from 'node:fs';\n",
        "dist/cli.d.ts": "#!/usr/bin/env bun\nexport {};\n",
    })
    bun = by_key(root)[("system", "bun")]
    assert {s.file for s in bun.evidence} == {"SKILL.md", "dist/cli.js"}


def test_a_program_is_declared_by_installing_the_package_named_otherwise(make_skill):
    """`brew install borkdude/brew/babashka` installs `bb` (skvm_lint/data/system_packages.json), as
    `brew install ripgrep` installs `rg`."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Runs. Use when asked.\n---\n```bash\n"
                                    "brew install borkdude/brew/babashka\nbrew install ripgrep\n```\n"
                                    "Run `bb scripts/x.clj` and `rg TODO`.\n")})
    deps = by_key(root)
    assert deps[("system", "bb")].declared and deps[("system", "rg")].declared


def test_programs_every_macos_ships_are_no_dependencies(make_skill):
    """iconutil, spctl, softwareupdate and shortcuts come with macOS, as codesign and plutil do: a macOS skill that
    runs them needs nothing installed; xcodebuild (Xcode) and a Debian-optional program (xxd) still count."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Packs. Use when asked.\n---\n```bash\n"
                                    "iconutil -c icns App.iconset -o Icon.icns\nspctl --assess -vv App.app\n"
                                    "softwareupdate --list\nshortcuts run 'Resize'\ncodesign -dv App.app\n"
                                    "xcodebuild -version\nxxd -p key.bin\n```\n")})
    assert {name for (kind, name) in by_key(root) if kind == "system"} == {"xcodebuild", "xxd"}


def test_javascript_for_automation_runs_under_osascript_not_node(make_skill):
    """macOS's JXA scripts are JavaScript that osascript runs (`#!/usr/bin/env osascript -l JavaScript`): no Node.js;
    a script with a node shebang still needs it."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `osascript -l JavaScript scripts/a.js`.\n",
        "scripts/a.js": "#!/usr/bin/env osascript -l JavaScript\nfunction run(args) { Application('OmniFocus'); }\n",
    })
    assert ("system", "node") not in by_key(root)
    node = make_skill({"SKILL.md": "---\nname: t\ndescription: Runs. Use when asked.\n---\nRun `scripts/add.js`.\n",
                       "scripts/add.js": "#!/usr/bin/env node\nconsole.log(1);\n"}, "t")
    assert ("system", "node") in by_key(node)


def test_what_a_declared_package_requires_comes_with_it(make_skill):
    """`pip install transformers pandas` brings huggingface-hub (and its `huggingface-cli`) and numpy: PyPI's
    requirements, read from data/pypi_requires.json. A package nothing declared requires stays undeclared."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: Runs. Use when asked.\n---\n```bash\npip install transformers pandas\n"
                     "huggingface-cli login\n```\nRun `python3 scripts/run.py`.\n"),
        "scripts/run.py": "import numpy, pandas, transformers, yaml, pytesseract\n",
    })
    deps = by_key(root)
    assert deps[("pip", "numpy")].provided_by in ("pip pandas", "pip transformers")
    assert deps[("system", "huggingface-cli")].provided_by == "pip transformers"
    assert deps[("pip", "PyYAML")].declared  # transformers requires pyyaml
    assert not deps[("pip", "pytesseract")].declared


def test_what_a_declared_npm_package_depends_on_comes_with_it(make_skill):
    """`npm install x402` brings viem and `npm i -D @playwright/test` brings playwright (the registry's
    `dependencies`, read from data/npm_requires.json): code importing them asks nothing more; pdfkit, which neither
    depends on, stays undeclared."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: Pays. Use when asked.\n---\n```bash\nnpm install x402\n"
                     "npm i -D @playwright/test\n```\nRun `node scripts/pay.mjs`.\n"),
        "scripts/pay.mjs": "import { createWalletClient } from 'viem';\nimport { chromium } from 'playwright';\n"
                           "import PDFDocument from 'pdfkit';\n",
    })
    deps = by_key(root)
    assert deps[("npm", "viem")].provided_by == "npm x402"
    assert deps[("npm", "playwright")].provided_by == "npm @playwright/test"
    assert not deps[("npm", "pdfkit")].declared


def test_what_an_extra_named_on_an_install_line_adds_comes_with_it(make_skill):
    """`pip install "google-assistant-sdk[samples]"` brings google-assistant-grpc, which only the samples extra
    requires (data/pypi_extras.json); the same package installed without the extra does not."""
    code = {"scripts/control.py": "from google.assistant.embedded.v1alpha2 import embedded_assistant_pb2\n"}
    head = ("---\nname: s\ndescription: Talks. Use when asked.\n---\n```bash\npip install {0}\n```\n"
            "Run `python3 scripts/control.py`.\n")
    with_extra = by_key(make_skill({"SKILL.md": head.format('"google-assistant-sdk[samples]"'), **code}))
    assert with_extra[("pip", "google-assistant-grpc")].provided_by == "pip google-assistant-sdk"
    without = by_key(make_skill({"SKILL.md": head.format("google-assistant-sdk"), **code}, name="t"))
    assert not without[("pip", "google-assistant-grpc")].declared


def test_what_an_extra_named_in_a_manifest_adds_comes_with_it(make_skill):
    """`uvicorn[standard]` in requirements.txt or pyproject.toml brings uvloop, which only that extra requires."""
    head = "---\nname: s\ndescription: Serves. Use when asked.\n---\nRun `python3 scripts/serve.py`.\n"
    code = {"SKILL.md": head, "scripts/serve.py": "import uvicorn, uvloop\n"}
    for manifest in ({"scripts/requirements.txt": "uvicorn[standard]==0.34.0  # the server\n"},
                     {"pyproject.toml": '[project]\nname = "s"\ndependencies = ["uvicorn[standard]>=0.30"]\n'}):
        deps = by_key(make_skill({**code, **manifest}))
        assert deps[("pip", "uvloop")].provided_by == "pip uvicorn", manifest
    without = by_key(make_skill({**code, "scripts/requirements.txt": "uvicorn==0.34.0\n"}, name="t"))
    assert not without[("pip", "uvloop")].declared


def test_a_template_the_skill_hands_out_asks_nothing_of_the_skill(make_skill):
    """`assets/rest-api-template.py` is copied into the user's project: its imports are that project's (example
    code, required for the environment, not for the skill to declare); a script the skill runs is its own."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `python3 scripts/run.py`.\n",
        "assets/rest-api-template.py": "from fastapi import FastAPI\n",
        "examples/app.js": "const express = require('express');\n",
        "benchmarks/run.py": "import pandas\n",
        "demo/record-demo.sh": "#!/bin/bash\nasciinema rec demo.cast\n",
        "scripts/run.py": "import requests\n",
    })
    deps = by_key(root)
    assert deps[("pip", "fastapi")].sources == {"example-code"} and deps[("pip", "requests")].sources == {"import"}
    assert deps[("npm", "express")].sources == {"example-code"}
    assert not deps[("pip", "pandas")].required  # the authors' benchmark, as their tests
    assert not deps[("system", "asciinema")].required  # and the demo they record
    rules = {d.message for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"}
    assert any("requests" in m for m in rules) and not any("fastapi" in m for m in rules)


def test_a_host_plugins_code_asks_for_no_node(make_skill):
    """`openclaw-plugin/index.ts` beside `openclaw.plugin.json` (or a hook's handler beside its HOOK.md) is a plugin
    the host loads into its own runtime: no Node.js for the skill to declare; the same file without the manifest is
    a script the skill runs."""
    files = {"SKILL.md": "---\nname: s\ndescription: Memory. Use when asked.\n---\nRecall things.\n",
             "openclaw-plugin/index.ts": 'import { spawn } from "child_process";\n'
                                         "export default function register(api) {}\n"}
    plugin = make_skill({**files, "openclaw-plugin/openclaw.plugin.json": '{"id": "memory-s", "kind": "memory"}\n'},
                        name="s")
    assert ("system", "node") not in by_key(plugin)
    script = make_skill(files, name="s2")
    assert by_key(script)[("system", "node")].required
    # an OpenClaw hook: hooks/<name>/HOOK.md beside the handler the gateway runs on its events
    handler = "import fs from 'node:fs';\nexport default async function h(event) {}\n"
    hook = make_skill({"SKILL.md": files["SKILL.md"], "hooks/thinking/handler.ts": handler,
                       "hooks/thinking/HOOK.md": "---\nname: thinking\ndescription: On each turn.\n---\n"},
                      name="s3")
    assert ("system", "node") not in by_key(hook)
    # nor a runner to state (DP006), though its top level does more than declare; without HOOK.md it needs one
    busy = ("import fs from 'node:fs';\nfs.appendFileSync('/tmp/h.log', 'loaded');\n"
            "export default async function h() {}\n")
    hook = make_skill({"SKILL.md": files["SKILL.md"], "hooks/thinking/handler.ts": busy,
                       "hooks/thinking/HOOK.md": "---\nname: thinking\ndescription: On each turn.\n---\n"}, name="s4")
    assert findings(hook, "DP006") == []
    assert len(findings(make_skill({"SKILL.md": files["SKILL.md"], "hooks/thinking/handler.ts": busy}, name="s5"),
                        "DP006")) == 1


def test_pyproject_declares_its_dependencies_extras_and_groups(make_skill):
    """`project.dependencies`, an extra (`project.optional-dependencies`), a PEP 735 group and Poetry's tables all
    declare what the code imports; a dev group's packages are dev ones; an extra's package that nothing imports is
    no DP002 (a plugin, or a platform's companion of what is imported), a main dependency's is."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `python3 scripts/run.py`.\n",
        "pyproject.toml": ('[project]\nname = "s"\ndependencies = ["requests>=2", "unused-main"]\n'
                           '[project.optional-dependencies]\nllm = ["anthropic>=0.40", "mlx"]\n'
                           '[dependency-groups]\ntest = ["pytest>=8"]\n'
                           '[tool.poetry.dependencies]\npython = "^3.11"\nrich = "^13"\n'
                           '[tool.poetry.group.docs.dependencies]\nmkdocs = "*"\n'),
        "scripts/run.py": "import requests\nimport rich\ntry:\n    import anthropic\nexcept ImportError:\n"
                          "    anthropic = None\n",
        "tests/test_run.py": "import pytest\n",
    })
    deps = by_key(root)
    assert all(deps[("pip", name)].declared for name in ("requests", "anthropic", "rich", "pytest", "mkdocs"))
    assert deps[("pip", "pytest")].dev and deps[("pip", "mkdocs")].dev and not deps[("pip", "anthropic")].dev
    assert ("pip", "python") not in deps
    findings = {d.message.split("`")[1] for d in skvm_lint.lint([root]).diagnostics if d.rule in ("DP001", "DP002")}
    assert findings == {"unused-main"}


def test_an_optional_import_uses_a_declared_package_without_requiring_it(make_skill):
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Runs. Use when asked.\n---\nRun `python3 scripts/run.py`.\n",
        "requirements.txt": "fast-engine\nunused-thing\n",
        "scripts/run.py": ("try:\n    from fast_engine import Engine\nexcept ImportError:\n"
                           "    print('fast-engine not available')\n"),
    })
    deps = by_key(root)
    assert "optional-import" in deps[("pip", "fast-engine")].sources  # required as a manifest entry, not by the code
    unused = {d.message for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP002"}
    assert any("unused-thing" in m for m in unused) and not any("fast-engine" in m for m in unused)


def test_an_import_whose_handler_gives_up_is_optional_and_toolkits_are_their_distributions(make_skill):
    """`except ImportError: return False  # not installed`: the comment does not hide the give-up. And
    `mpl_toolkits` (mplot3d) ships inside matplotlib: no distribution of its own."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Plots. Use when asked.\n---\nRun `python3 scripts/plot.py`.\n",
        "scripts/plot.py": ("def load_env():\n    try:\n        from dotenv import load_dotenv\n"
                            "    except ImportError:\n        return False  # python-dotenv not installed\n"
                            "    return load_dotenv()\n\nfrom mpl_toolkits.mplot3d import Axes3D\n"),
    })
    assert by_type(root).get("pip") == {"matplotlib"}


def test_an_import_whose_handler_returns_a_fixed_value_is_optional(make_skill):
    """`except ImportError: return b"peanuts"` falls back on a default (Chrome's key where no keyring module is):
    optional. A handler that returns what to install reports a requirement."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Cookies. Use when asked.\n---\nRun `python3 scripts/c.py`.\n",
        "scripts/c.py": ("def key():\n    try:\n        import secretstorage\n    except ImportError:\n"
                         "        return b\"peanuts\"\n    return secretstorage.dbus_init()\n\n"
                         "def table():\n    try:\n        import tabulate\n    except ImportError:\n"
                         "        return \"pip install tabulate first\"\n    return tabulate.tabulate([])\n"),
    })
    assert by_type(root).get("pip") == {"tabulate"}


def test_an_install_line_with_a_version_range_installs_that_package(make_skill):
    """`pip install "pandas>=2"`, `"requests[socks]~=2.31"`, `"x!=1.0"`: a version comparison, not a `KEY=VALUE`
    argument; the package is declared with its specifier."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Reads. Use when asked.\n---\n```bash\n"
                                    "pip install \"pandas>=2\" \"requests[socks]~=2.31\" \"tqdm!=4.0\" "
                                    "FOO=bar\n```\n")})
    found = by_key(root)
    assert found[("pip", "pandas")].version == ">=2" and found[("pip", "requests")].version == "~=2.31"
    assert found[("pip", "tqdm")].declared
    assert not any(name.lower().startswith("foo") for _kind, name in found)


def test_the_extras_of_a_packages_first_requirement_are_installed_with_it(make_skill):
    """`pip install "httpx[socks]>=0.28"` and `"docling[vlm] @ git+https://..."`: env-setup.sh installs the extras
    too. Of `pip install scvi-tools` then "# For GPU support" `pip install scvi-tools[cuda]`, the first way's."""
    from skvm_lint.analyses.dependencies import install_command
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: Reads. Use when asked.\n---\n```bash\npip install \"httpx[socks]>=0.28\"\n"
        "pip install \"docling[vlm] @ git+https://github.com/docling-project/docling.git\"\npip install scvi-tools\n"
        "# For GPU support\npip install scvi-tools[cuda]\n```\n")})
    found = by_key(root)
    assert install_command(found[("pip", "httpx")]) == "python3 -m pip install 'httpx[socks]>=0.28'"
    assert install_command(found[("pip", "docling")]) == \
        "python3 -m pip install 'docling[vlm] @ git+https://github.com/docling-project/docling.git'"
    assert install_command(found[("pip", "scvi-tools")]) == "python3 -m pip install 'scvi-tools'"


def test_install_lines_anywhere_in_the_skill_declare(make_skill):
    """`pip install` and `apt-get install` lines in README.md or a reference declare what the scripts use (no DP001),
    but make nothing required and pin nothing; a program comes with the system package an install line names
    (`apt-get install poppler-utils` gives pdftoppm)."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: Converts. Use when asked.\n---\n"
                     "```bash\npip install requests\nsudo apt-get install -y poppler-utils\n"
                     "pdftoppm -png a.pdf out\n```\n"),
        "README.md": "```bash\npip install 'lifelines==0.27' 'requests==2.32.3' unusedpkg\nbrew install potrace\n```\n",
        "scripts/a.py": ("import lifelines\nimport requests\nimport subprocess\n"
                         "subprocess.run(['potrace', '-s', 'x'])\n"),
    })
    found = by_key(root)
    assert found[("pip", "lifelines")].declared and found[("pip", "lifelines")].required  # the script imports it
    assert found[("pip", "unusedpkg")].declared and not found[("pip", "unusedpkg")].required
    assert found[("pip", "requests")].version is None  # SKILL.md's own line is unpinned: DP003 still says so
    assert found[("system", "potrace")].declared
    assert found[("system", "pdftoppm")].provided_by == "system poppler-utils"
    messages = [d["message"] for d in findings(root, "DP001,DP003")]
    assert messages == ["`requests` is installed without a version"]


def test_a_block_offered_as_another_way_requires_nothing(make_skill):
    """A block under a "Fallback" or "(Optional)" heading, or after "Alternatively," / "Or from source:", shows
    another way: its programs are not required, and a package it runs is used (no DP002), not unused."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: Deploys. Use when asked.\n---\n"
                     "```bash\nvercel deploy | jq .url\n```\n\n"
                     "### Vercel CLI Fallback\n\n```bash\nnpm i -g vercel\n```\n\n"
                     "Or from source:\n```bash\ncd x && uv sync\n```\n\n## Calendar Sync (Optional)\n\n"
                     "```bash\ngog auth add me@example.com\n```\n\n"
                     "Or run it with tsx:\n\n```bash\nnpx tsx src/a.ts\n```\n"),
        "package.json": '{"name": "s", "devDependencies": {}, "dependencies": {"tsx": "^4"}}\n',
    })
    found = by_key(root)
    assert found[("system", "vercel")].required and found[("system", "vercel")].provided_by == "npm vercel"
    assert not any(found[("system", name)].required for name in ("node", "uv", "gog"))
    assert [d["message"] for d in findings(root, "DP001,DP002")] == [
        "system dependency `jq` is used but declared nowhere"]


def test_a_block_after_an_or_clause_or_for_ci_is_another_way(make_skill):
    """"Download from releases, or build:" introduces the second way; "Secret Scanning (CI):" the user's CI's: what
    such blocks run is not required. A block after "With the server running, call:" still is, and so is one under
    "### With fd" (the labels count a tool the skill combines itself with)."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Finds. Use when asked.\n---\n"
                                    "Download from [releases](https://example.com/r), or build:\n\n"
                                    "```bash\ngo install example.com/tool@latest\n```\n\n"
                                    "**Secret Scanning (CI):**\n```bash\ndetect-secrets scan --baseline .b\n```\n\n"
                                    "## Usage\n\nWith the server running, call:\n\n"
                                    "```bash\nffmpeg -i a.mp4 a.gif\n```\n\n"
                                    "### With fd\n\n```bash\nfd --type f | fzf\n```\n")})
    found = by_key(root)
    assert not any(found[("system", name)].required for name in ("go", "detect-secrets"))
    assert [d["message"] for d in findings(root, "DP001")] == [
        "system dependency `ffmpeg` is used but declared nowhere",
        "system dependency `fd` is used but declared nowhere",
        "system dependency `fzf` is used but declared nowhere"]


def test_one_root_cause_a_tool_stated_in_prose_and_a_reference_mcp_config_are_no_undeclared_findings(make_skill):
    """`npx netlify status` and `netlify login` are one missing declaration (netlify-cli gives `netlify`): one
    finding; so are `npm` and `node`. A tool SKILL.md says must be present ("Ensure `playwright` is available") is
    stated in prose (not one a sentence names after another's "required"): the agent is told, a client installing
    the skill is not, so it is an info finding, not a warning. An MCP server config in a reference
    (for the user's assistant) is that page's, not SKILL.md's: no finding; the same config in SKILL.md states the
    package, and a bundled one declares it."""
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: Deploys. Use when asked.\n---\n"
                     "Ensure `playwright` is available (local dependency or global install).\n\n"
                     "No API key required. Builds everything via `uv`.\n\n"
                     "If not logged in, run `netlify login`.\n\n```bash\nnpx netlify status\nuv run build.py\n```\n"),
        "scripts/shot.js": 'import { chromium } from "playwright";\n',
    })
    assert [(d["severity"], d["message"]) for d in findings(root, "DP001")] == [
        ("warning", "npm dependency `netlify-cli` is used but declared nowhere"),
        ("warning", "system dependency `node` is used but declared nowhere"),
        ("warning", "system dependency `uv` is used but declared nowhere"),
        ("info", ("npm dependency `playwright` is stated only in SKILL.md's prose, not where a client installing "
                  "the skill reads it"))]
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Says. Use when asked.\n---\n```bash\n"
                                    "npm --version\nnpm install -g @acme/cli@latest\nacme --help\n"
                                    "npx cowsay hi\n```\n"),
                       "scripts/say.js": "1\n"}, name="with-node")
    assert sorted(d["message"] for d in findings(root, "DP001")) == [  # npm comes with Node.js: one root cause
        "npm dependency `cowsay` is used but declared nowhere",  # (acme comes with @acme/cli, installed before it)
        "system dependency `node` is used but declared nowhere"]
    mcp = '```json\n{"mcpServers": {"neon": {"command": "npx", "args": ["-y", "@neon/mcp"]}}}\n```\n'
    head = "---\nname: s\ndescription: Queries. Use when asked.\n---\nSee [tools](references/devtools.md).\n\n"
    root = make_skill({"SKILL.md": head,
                       "references/devtools.md": "# Tools\n\nAdd to your MCP configuration:\n\n" + mcp},
                      name="in-a-reference")
    assert findings(root, "DP001") == []
    # in SKILL.md it tells the user what to add: the package is stated (info), as a prose requirement is; npx's
    # Node.js is named nowhere
    root = make_skill({"SKILL.md": head + mcp}, name="in-skill-md")
    assert [(d["severity"], d["message"]) for d in findings(root, "DP001")] == [
        ("warning", "system dependency `node` is used but declared nowhere"),
        ("info", ("npm dependency `@neon/mcp` is stated only in SKILL.md's prose, not where a client installing "
                  "the skill reads it"))]
    # a bundled config (`.mcp.json`) is read by the client, which fetches the server: declared; uvx's `@latest`
    # is no part of the distribution's name
    bundled = ('{"mcpServers": {"neon": {"command": "npx", "args": ["-y", "@neon/mcp"]}, '
               '"f": {"command": "uvx", "args": ["fulcra-context-mcp@latest"]}}}\n')
    root = make_skill({"SKILL.md": head, ".mcp.json": bundled}, name="bundled")
    deps = by_key(root)
    assert deps[("npm", "@neon/mcp")].declared and deps[("pip", "fulcra-context-mcp")].declared


def test_a_drawn_folder_tree_in_a_shell_block_runs_nothing(make_skill):
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Lays out. Use when asked.\n---\n```bash\ninput/\n"
                                    "└── paper/\n    ├── main.tex (or paper.pdf)\n    │   └── fig (see docs)\n"
                                    "    └── refs.bib\n```\n")})
    found = {(d.type, d.name) for d in dependencies.analyze(skvm_lint.load(root)).found}
    assert not {name for kind, name in found if kind == "system"} & {"or", "see"}


def test_lines_of_python_or_javascript_in_a_shell_block_run_nothing(make_skill):
    """`import gget` after `# In Python` in a bash block is Python, `import { C } from 'pkg'` JavaScript; ImageMagick's
    `import -window root shot.png` is a command."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Installs. Use when asked.\n---\n```bash\n"
                                    "uv pip install gget\n# In Python\nimport gget\nimport sentencepiece as spm\n"
                                    "from PIL import Image\nimport { C } from 'pkg'\nconst v = new C()\n```\n\n"
                                    "```bash\nimport -window root shot.png\npython3 -c \"\nfrom holo import Cube\n"
                                    "Cube().clear()\n\"\n```\n")})
    blocks = skvm_lint.load(root).body.code_blocks
    assert [c.program for c in blocks[0].code.commands] == ["uv"]
    assert [c.program for c in blocks[1].code.commands] == ["import", "python3"]
    assert [i.module for i in blocks[1].code.embedded[0].imports] == ["holo"]  # a string's lines are kept


def test_commit_messages_and_labels_in_a_shell_block_run_nothing(make_skill):
    """`feat(auth): add login` and `rev: v1.45` lines of a bash block name no program, nor an arithmetic expansion
    in a here-document (`$(( (tokens * 100) / 9 ))`, which the parser reads as a substitution of a subshell); a
    here-document body and a line that closes a string (`sig: $SIG"`) are kept as written."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Commits. Use when asked.\n---\n```bash\n"
                                    "feat(auth): add OAuth2 support\nfix(checkout): resolve race\nrev: v1.45.0\n"
                                    "cat > notes.md <<EOF\n- keep: this\n($(( (tokens * 100) / 9 ))%)\nEOF\n"
                                    "MSG=\"body\nsig: $SIG\"\n"
                                    "echo \"$MSG\" | jq -R .\n```\n")})
    skill = skvm_lint.load(root)
    programs = {name for kind, name in ((d.type, d.name) for d in dependencies.analyze(skill).found)
                if kind == "system"}
    assert programs == {"jq"}
    block = skill.body.code_blocks[0]
    assert [b.name for b in block.code.assignments] == ["MSG"] and not block.code.syntax_errors


def test_bats_functions_are_no_programs_and_its_run_runs_the_command(make_skill):
    """A Bats test file (`#!/usr/bin/env bats`) calls `load`, `skip` and `run` of Bats: `run -127 ffmpeg -i x` runs
    ffmpeg; in a plain shell block, `load` is still a program."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Tests. Use when asked.\n---\n```bash\n"
                                    "#!/usr/bin/env bats\nload test_helper\nsetup() {\n  skip 'no jq'\n}\n"
                                    "@test \"converts\" {\n  run -127 ffmpeg -i x.mp4 y.mp3\n"
                                    "  [ \"$status\" -eq 0 ]\n}\n```\n```bash\nload x\n```\n")})
    skill = skvm_lint.load(root)
    bats, plain = (block.code for block in skill.body.code_blocks)
    assert [c.program for c in bats.commands] == ["ffmpeg"]
    assert [c.program for c in plain.commands] == ["load"]


def test_prose_lines_in_a_shell_block_name_no_program(make_skill):
    """A commit message body (`without retry. This change ...`), a word ending a clause (`latency analysis.`) and a
    camelCase identifier alone (`userId` in backticks) are prose; a camelCase program given flags is a program."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Writes. Use when asked.\n---\n```bash\n"
                                    "Previously, timeouts failed the request\nwithout retry. This change adds backoff\n"
                                    "latency analysis.\nNow returns `userId` instead of `id`.\n"
                                    "bamCoverage -b sample.bam -o sample.bw\n```\n")})
    programs = {d.name for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "system"}
    assert programs == {"bamCoverage"}


def test_numbered_steps_and_parentheses_of_prose_in_a_shell_block_run_nothing(make_skill):
    """`3. Load the list (matched pairs)`, `username=Admin (vs admin)` and `cron add ... (with all flags)` put
    words in parentheses, which no shell runs there; a subshell that starts a statement does run."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Tests. Use when asked.\n---\n```bash\n"
                                    "# Using Burp Intruder\n1. Set username and password as positions\n"
                                    "3. Load password list as payload 2 (matched pairs)\nusername=Admin (vs admin)\n"
                                    "clawdbot cron add ... (with all recommended flags)\n"
                                    "(cd build && cmake ..)\nmeson setup out && (ninja -C out)\n```\n")})
    programs = {d.name for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "system"}
    assert programs == {"cmake", "meson", "ninja"}


def test_a_bare_unknown_word_in_a_shell_block_is_no_program(make_skill):
    """A word list (`qwerty`, `admin123`) or a value alone on a line names no program; a known tool run bare
    (`nvidia-smi`) and an unknown one whose output is used (`$(mkid)`) do."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Audits. Use when asked.\n---\n```bash\n"
                                    "# Common passwords\nqwerty\nadmin123\nnvidia-smi\nID=$(mkid)\n```\n")})
    programs = {d.name for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "system"}
    assert programs == {"nvidia-smi", "mkid"}


def test_namespace_packages_are_named_after_their_module_path(make_skill):
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Cloud. Use when asked.\n---\nRun `scripts/a.py`.\n",
        "scripts/a.py": ("from azure.identity.aio import DefaultAzureCredential\nfrom azure.ai.agents.models import X\n"
                         "from google.cloud import pubsub_v1\nimport google.analytics.data_v1beta\n"
                         "from dask.distributed import Client\nfrom opentelemetry import trace\n"
                         "from opentelemetry.sdk.trace import TracerProvider\n"
                         "from opentelemetry.exporter.otlp.proto.grpc.trace_exporter import OTLPSpanExporter\n"
                         "from opentelemetry.instrumentation.flask import FlaskInstrumentor\n"),
    })
    found = {d.name: d for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "pip"}
    assert set(found) == {"azure-identity", "azure-ai-agents", "google-cloud-pubsub", "google-analytics-data",
                          "distributed", "opentelemetry-api", "opentelemetry-sdk", "opentelemetry-exporter-otlp",
                          "opentelemetry-instrumentation-flask"}
    assert dependencies.check_command(found["azure-ai-agents"]) == 'python3 -c "import azure.ai.agents"'
    assert dependencies.check_command(found["google-cloud-pubsub"]) == 'python3 -c "import google.cloud.pubsub_v1"'


def test_analyze_contract_has_dependency_objects():
    obj = skvm_lint.analyze(EXAMPLES / "weather-report")
    deps = {(d["type"], d["name"]): d for d in obj["dependencies"]}
    requests = deps[("pip", "requests")]
    assert requests["declared"] and requests["required"] and requests["version"] == "==2.32.3"
    assert {"file": "scripts/fetch_weather.py", "line": 8} in requests["evidence"]
    assert requests["check_command"] == 'python3 -c "import requests"'
    assert deps[("system", "jq")]["install_command"].startswith("apt-get install -y jq")


def test_deps_command_formats(tmp_path: Path):
    runner = CliRunner()
    text = runner.invoke(main, ["deps", str(EXAMPLES / "weather-report")])
    assert text.exit_code == 0 and "WEATHER_API_KEY" in text.output
    line = runner.invoke(main, ["deps", str(EXAMPLES / "weather-report"), "--format", "json"]).output
    assert json.loads(line)["name"] == "weather-report"
    many = runner.invoke(main, ["deps", str(EXAMPLES), "--format", "sh"])
    assert many.exit_code == 2 and "one script for one skill" in many.output


def shell_checked(skill: Path, tmp_path: Path) -> str:
    out = tmp_path / f"{skill.name}-env-setup.sh"
    result = CliRunner().invoke(main, ["deps", str(skill), "--format", "sh", "-o", str(out)])
    assert result.exit_code == 0, result.output
    subprocess.run(["bash", "-n", str(out)], check=True)
    checked = subprocess.run([SHELLCHECK, "--severity=style", str(out)], capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
    return out.read_text()


def test_env_setup_checks_before_installing(tmp_path: Path):
    script = shell_checked(EXAMPLES / "weather-report", tmp_path)
    assert "step pip requests '\"$PY\" -c \"import requests\"' 'pip_install requests==2.32.3'" in script
    assert "step system jq 'command -v jq'" in script
    # Idempotent by construction: step() evaluates the check first and installs only when it fails.
    assert 'if eval "$3" >/dev/null 2>&1; then ok+=' in script


@pytest.mark.corpus
@pytest.mark.parametrize("skill, expected", [
    ("openclaw-skills/skills/leonardsellem/plaud-unofficial", "pip_install"),  # Python with requirements
    ("openclaw-skills/skills/lxgicstudios/form-gen", "npm_install"),  # Node with package.json
    ("openclaw-skills/skills/arnarsson/fzf-fuzzy-finder", "pkg_install"),  # shell with CLI tools
])
def test_env_setup_for_corpus_skills_passes_shellcheck(corpus, tmp_path, skill, expected):
    assert expected in shell_checked(corpus / skill, tmp_path)


def test_host_clis_alternatives_and_install_entries(make_skill):
    root = make_skill({
        "SKILL.md": ("---\nname: host-skill\ndescription: x\nmetadata: {\"openclaw\": {\"requires\": {\"bins\": "
                     "[\"jq\"], \"anyBins\": [\"oathtool\", \"node\"]}, \"install\": [{\"kind\": \"brew\", "
                     "\"formula\": \"oath-toolkit\", \"bins\": [\"oathtool\"]}, {\"kind\": \"brew\", "
                     "\"formula\": \"python3\", \"bins\": [\"python3\"]}]}}\n---\n"
                     "```bash\nopenclaw gateway restart\nnpm install -g some-cli\nsource ./lib.sh\n"
                     "verify_otp \"$USER_ID\"\n```\n"),
    })
    deps = by_key(root)
    assert deps[("host", "openclaw")].required  # the agent's own CLI: its own kind
    assert ("system", "openclaw") not in deps
    assert deps[("system", "node")].required  # npm -g installs a CLI that Node.js runs
    assert ("system", "npm") not in deps  # which comes with Node.js
    assert deps[("system", "oathtool")].declared and ("system", "oath-toolkit") not in deps  # bins name it
    assert ("system", "python3") not in deps  # assumed on every machine
    assert ("system", "verify_otp") not in deps  # a shell function from a sourced file


def test_any_bins_alone_are_optional(make_skill):
    root = make_skill({"SKILL.md": ("---\nname: any-skill\ndescription: x\nmetadata: {\"openclaw\": {\"requires\": "
                                    "{\"anyBins\": [\"ffmpeg\", \"avconv\"]}}}\n---\nbody\n")})
    deps = {d.name: d for d in dependencies.analyze(skvm_lint.load(root)).found}
    assert deps["ffmpeg"].declared and not deps["ffmpeg"].required and not deps["avconv"].required


def test_reference_python_and_directory_trees(make_skill):
    root = make_skill({
        "SKILL.md": ("---\nname: ref-skill\ndescription: x\n---\nSee references/api.md.\n\n```\nref-skill/\n"
                     "├── SKILL.md\n└── uploader/      # upload modules\n```\n\n"
                     "```python\nfrom uploader.main import upload\nimport dask.dataframe as dd\n```\n"),
        "references/api.md": "```python\nimport xarray as xr\nimport numpy as np\n```\n",
        "README.md": "```python\nimport flask\n```\n",
    })
    found = by_type(root)
    assert found["pip"] == {"dask", "xarray", "numpy"}  # not uploader (the tree draws it), not the README's flask


def test_the_authors_notes_are_not_the_skills_instructions(make_skill):
    """A capitals-named file at the root SKILL.md never names (DEPLOYMENT.md, PUBLISH.md) records how the author
    built or shipped the skill; one SKILL.md names (FORMS.md) is the agent's reference."""
    root = make_skill({
        "SKILL.md": "---\nname: notes-skill\ndescription: x\n---\nFill forms as FORMS.md says.\n",
        "FORMS.md": "```bash\njq . form.json\n```\n",
        "PUBLISH.md": "```bash\ngh release create v1\n```\n",
        "references/notes.md": "```bash\nrg TODO\n```\n",
    })
    found = by_key(root)
    assert ("system", "jq") in found and ("system", "rg") in found
    assert ("system", "gh") not in found


def test_what_a_references_commands_run_is_required_but_not_the_skills_to_declare(make_skill):
    root = make_skill({
        "SKILL.md": ("---\nname: ref-runs\ndescription: x\n---\nFollow resources/playbook.md.\n\n"
                     "```bash\nnpm install -g @scope/cli\n```\n"),
        "resources/playbook.md": ("# Audit\n\n```bash\nkubectl get events\nnpx pa11y https://example.com\n"
                                  "npm test\nmadeupthing --flag\npython -m SimpleHTTPServer 8000\n\n"
                                  "# Or download manually\nhuggingface-cli download org/model\n```\n"),
        "README.md": "```bash\nterraform apply\n```\n",
    })
    found = by_key(root)
    assert found[("system", "kubectl")].required and found[("system", "kubectl")].sources == {"reference"}
    assert found[("npm", "pa11y")].required
    assert ("system", "madeupthing") not in found  # read as strictly as prose: only programs a lexicon knows
    assert not any(name == "SimpleHTTPServer" for _kind, name in found)  # Python 2's standard library
    assert not found[("system", "huggingface-cli")].required  # the `# Or` way
    assert ("system", "terraform") not in found  # a README is for people
    # npm is Node.js's: the reference's `npm test` does not turn SKILL.md's global install into an npm program
    assert ("system", "npm") not in found and found[("system", "node")].required_at.file == "SKILL.md"
    undeclared = {d.message for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"}
    assert undeclared == {"system dependency `node` is used but declared nowhere"}  # SKILL.md's, not the playbook's


def test_the_users_projects_build_is_required_but_not_the_skills_to_declare(make_skill):
    card = ("---\nname: qa-card\ndescription: x\n---\n## Common Commands\n\n```bash\nnpm run build\nnpm test\n"
            "cargo test\npython -m pytest tests/\ndocker compose up -d\n```\n")
    root = make_skill({"SKILL.md": card})
    found = by_key(root)
    for key in (("system", "npm"), ("system", "cargo"), ("pip", "pytest"), ("system", "docker")):
        assert found[key].required and found[key].sources == {"project-command"}, key
    assert not [d for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"]
    # The skill's own project (it bundles the manifest) or one it clones: its build is the skill's
    own = make_skill({"SKILL.md": card.replace("qa-card", "own-build"), "Cargo.toml": "[package]\nname = 'x'\n"})
    assert by_key(own)[("system", "cargo")].required_by_skill
    assert not by_key(own)[("system", "npm")].required_by_skill
    cloned = make_skill({"SKILL.md": card.replace("qa-card", "cloned").replace(
        "npm run build", "git clone https://github.com/org/tool.git\ncd tool\nnpm run build")})
    assert by_key(cloned)[("system", "npm")].required_by_skill
    # the project's own type checker and test runner, run through npx; a browser template needs no Node.js
    tools = make_skill({"SKILL.md": "---\nname: ts-card\ndescription: x\n---\n```bash\nnpx tsc --noEmit\n"
                        "npx playwright@1.49 test\n```\n", "templates/widget.js": "import * as THREE from 'three';\n"})
    assert by_key(tools)[("npm", "typescript")].sources == {"project-command"}
    assert not [d for d in skvm_lint.lint([tools]).diagnostics if d.rule == "DP001"]
    # the monorepo's build system and Poetry's environment, an option's URL notwithstanding
    mono = make_skill({"SKILL.md": "---\nname: mono-card\ndescription: x\n---\n```bash\nnpx turbo login\n"
                       "turbo build --api=\"http://localhost:3000\"\nnx affected -t test\npoetry run pytest\n"
                       "npx cypress run\n```\n"}, "mono")
    found = by_key(mono)
    for key in (("npm", "turbo"), ("system", "turbo"), ("system", "nx"), ("system", "poetry"), ("npm", "cypress")):
        assert found[key].required and not found[key].required_by_skill, key


def test_the_users_infrastructure_from_its_own_manifests_is_the_projects(make_skill):
    """`kubectl apply -f k8s/` and `terraform plan` in a deployment card act on the user's manifests: required to
    follow the skill, not the skill's to declare. A manifest from a URL or piped in is the skill's own."""
    card = ("---\nname: ops-card\ndescription: x\n---\n# Deployment\n\n```bash\nkubectl apply -f k8s/\n"
            "terraform plan\n```\n")
    root = make_skill({"SKILL.md": card})
    found = by_key(root)
    assert found[("system", "kubectl")].required and found[("system", "kubectl")].sources == {"project-command"}
    assert found[("system", "terraform")].sources == {"project-command"}
    assert not [d for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"]
    setup = make_skill({"SKILL.md": "---\nname: argo\ndescription: x\n---\n```bash\nkubectl apply -n argocd -f "
                                    "https://raw.githubusercontent.com/argoproj/argo-cd/stable/manifests/install.yaml\n"
                                    "cat <<EOF | kubectl apply -f -\nkind: Namespace\nEOF\n```\n"}, "argo")
    assert by_key(setup)[("system", "kubectl")].required_by_skill
    bundled = make_skill({"SKILL.md": card.replace("ops-card", "own-manifests"), "k8s/deploy.yaml": "kind: Pod\n"})
    assert by_key(bundled)[("system", "kubectl")].required_by_skill


def test_switches_build_backends_and_base_programs_are_not_requirements(make_skill):
    root = make_skill({
        "SKILL.md": "---\nname: switches\ndescription: x\n---\nRun `node lib/run.js` or `bash overview.sh`.\n"
                    "Then `source completion.zsh`.\n",
        "lib/run.js": ("const headless = process.env.HEADLESS !== 'false';\n"
                       "const key = process.env.SERVICE_KEY;\n"),
        "scripts/check.py": "import os\nverbose = os.getenv('TOOL_VERBOSE') == '1'\nstrict = os.environ['STRICT'] == '1'\n",
        "overview.sh": ("#!/bin/bash\necho \"Users: $(who | wc -l)\"\n"
                        "echo \"${TICKET_ID:+Related: ${TICKET_ID}}\"\n"),
        "completion.zsh": "autoload -U compinit; compinit\ncompdef _switch switch\n",  # zsh's own functions
        "scripts/shot.py": ("import shutil, subprocess\nxdotool = shutil.which('xdotool')\nif xdotool:\n"
                            "    subprocess.run(['xdotool', 'getactivewindow'])\n"),
        "setup.py": "from setuptools import setup\nsetup(name='x')\n",
    })
    required = by_type(root)
    assert required["env"] == {"SERVICE_KEY", "STRICT"}  # os.environ["STRICT"] raises before any comparison
    assert "pip" not in required and required["system"] == {"node"}  # not setup.py's setuptools, not who


def test_one_platforms_programs_are_not_required(make_skill):
    root = make_skill({
        "SKILL.md": "---\nname: per-os\ndescription: x\n---\nRun `bash scripts/mac.sh` or `python3 scripts/enc.py`.\n",
        "scripts/mac.sh": ("#!/bin/bash\nif [[ \"$(uname)\" != \"Darwin\" ]]; then\n  echo 'macOS only' >&2\n"
                           "  exit 1\nfi\nif ! command -v swift >/dev/null; then exit 1; fi\nswift check.swift\n"
                           "case \"$(uname -s)\" in\n  Linux) xclip -o ;;\nesac\n"),
        "scripts/enc.py": ("import os, sys, subprocess\nif sys.platform == 'win32':\n    os.system('chcp 65001')\n"
                           "subprocess.run(['ffmpeg', '-y', 'out.mp4'])\n"),
    })
    found = by_key(root)
    for program in ("swift", "xclip", "chcp"):
        assert not found[("system", program)].required, program
    assert found[("system", "ffmpeg")].required
    ways = make_skill({"SKILL.md": ("---\nname: shots\ndescription: x\n---\n### Linux\n\n```bash\nscrot out.png\n```\n\n"
                                    "```bash\ngnome-screenshot -f out.png\n```\n\n```bash\nffmpeg -i a.mp4 out.gif\n```\n")})
    found = by_key(ways)
    assert not found[("system", "scrot")].required and not found[("system", "gnome-screenshot")].required
    assert found[("system", "ffmpeg")].required  # another argument: a step of its own


def test_what_is_not_a_program_to_install(make_skill):
    root = make_skill({"SKILL.md": (
        "---\nname: not-programs\ndescription: x\n---\n"
        "```bash\nmeterpreter> run persistence -X -i 30\nmysql> SELECT 1;\n/usr/local/bin/suid-binary --go\n"
        "tool posts [--status draft|published|all] [--json]\n"
        "tool add --lens area|ownership|perspective --deliverable x\ncat a.log|grep -c ERROR\n```\n\n"
        "| command | what |\n|---|---|\n| `init <id> -o out` | subcommand of this skill's CLI |\n\n"
        "| ask | plan |\n|---|---|\n| \"Set up project\" | \"Run `npx create-next-app`\" |\n")})
    deps = {(d.type, d.name) for d in dependencies.analyze(skvm_lint.load(root)).found}
    for name in ("meterpreter", "mysql", "suid-binary", "published", "all]", "init", "create-next-app", "ownership",
                 "perspective"):
        assert not any(n == name for _kind, n in deps), name
    assert ("system", "tool") in deps  # the synopsis' own program is still run


def test_dp001_skips_example_code_and_groups_one_missing_declaration(make_skill):
    root = make_skill({
        "SKILL.md": "---\nname: dp-case\ndescription: x\n---\n```python\nfrom flask import Flask\n```\n",
        "scripts/run.py": "import requests, numpy, pandas, yaml, rich\n",
    })
    found = [d for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"]
    assert len(found) == 1 and found[0].message.startswith("5 pip dependencies used in scripts/run.py")
    assert "flask" not in found[0].message.lower()  # the user's project code, not the skill's


def test_every_metadata_dialect_declares(make_skill):
    root = make_skill({
        "SKILL.md": ("---\nname: dialects\ndescription: x\ncompatibility: Requires Python 3.10+, ffmpeg and Docker\n"
                     "requires: {bins: [yt-dlp], env: [ELEVENLABS_API_KEY]}\n"
                     "dependencies: ['peft>=0.13.0']\n"
                     "metadata: {clawdbot: {primaryEnv: PVE_TOKEN, requires: {commands: [mcporter], "
                     "optionalEnv: [JIRA_BOARD], python: [pandas], bins: [clawdbot]}, "
                     "config: {requiredEnv: [CASINO_API_KEY], optionalEnv: [SEARXNG_URL]}}}\n---\nbody\n"),
        ".mcp.json": '{"mcpServers": {"x": {"command": "npx", "args": ["-y", "@acme/mcp-server"]}}}\n',
    })
    deps = by_key(root)
    for key in [("system", "ffmpeg"), ("system", "docker"), ("system", "yt-dlp"), ("env", "ELEVENLABS_API_KEY"),
                ("pip", "peft"), ("env", "PVE_TOKEN"), ("system", "mcporter"), ("env", "JIRA_BOARD"),
                ("pip", "pandas"), ("host", "clawdbot"), ("env", "CASINO_API_KEY"), ("env", "SEARXNG_URL")]:
        assert deps[key].declared, key
    assert not deps[("env", "JIRA_BOARD")].required and not deps[("env", "SEARXNG_URL")].required
    # the registry's own key (`metadata.clawdhub`) and nanobot's read the same shape
    for key in ("clawdhub", "nanobot"):
        other = make_skill({"SKILL.md": (f"---\nname: {key}-case\ndescription: x\nmetadata:\n  {key}:\n    requires:\n"
                                         "      bins: [jq]\n---\n```bash\ncurl -s https://x.io | jq .\n```\n")},
                           name=f"{key}-case")
        assert by_key(other)[("system", "jq")].declared, key
    assert deps[("npm", "@acme/mcp-server")].required  # run by the bundled MCP config
    assert ("system", "python") not in deps  # assumed on every machine


def test_a_program_named_as_code_in_compatibility_is_declared(make_skill):
    # a CLI the program lexicon does not know, named as code: the author's statement of what must be there
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: x\ncompatibility: Requires the SonarQube CLI executable `sonar`; "
                     "verified against v1.7.0.\n---\n```bash\nsonar auth status\nsonar list projects\n```\n"),
    })
    assert by_key(root)[("system", "sonar")].declared
    assert not [d for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"]
    # a word the lexicon does not know, not written as code, names no program
    plain = make_skill({"SKILL.md": ("---\nname: t\ndescription: x\ncompatibility: Requires sonar\n---\n"
                                     "```bash\nsonar auth status\n```\n")}, name="t")
    assert not by_key(plain)[("system", "sonar")].declared


def test_a_bundled_skill_json_declares_what_its_requires_blocks_name(make_skill):
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: x\n---\n```bash\nnode index.js | jq .\nffmpeg -i a.mp4 a.mp3\n```\n",
        "skill.json": ('{"name": "s", "clawdbot": {"requires": {"bins": ["node"], "env": ["ZOOM_ID"], '
                       '"optionalEnv": ["ZOOM_EMAIL"], "npm": true}},\n "s": {"requires": {"bins": ["jq"]}},\n'
                       ' "requires": {"ffmpeg": true, "verbose": true}}\n'),
    })
    deps = by_key(root)
    for key in [("system", "node"), ("system", "jq"), ("system", "ffmpeg"), ("system", "npm"), ("env", "ZOOM_ID"),
                ("env", "ZOOM_EMAIL")]:
        assert deps[key].declared, key
    assert not deps[("env", "ZOOM_EMAIL")].required
    assert not [d for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"]
    # only the skill's own manifest: a skill.json in a subfolder is some project's
    nested = make_skill({"SKILL.md": "---\nname: t\ndescription: x\n---\n```bash\nnode a.js\n```\n",
                         "examples/skill.json": '{"requires": {"bins": ["node"]}}'}, name="t")
    assert not by_key(nested)[("system", "node")].declared
    # `"runtime": "node18"` names the runtime the skill's code runs on
    runtime = make_skill({"SKILL.md": "---\nname: u\ndescription: x\n---\nLoads src/api.ts.\n",
                          "skill.json": '{"name": "u", "runtime": "node18", "entry": "src/api.ts"}',
                          "src/api.ts": "export const x = 1\n"}, name="u")
    assert by_key(runtime)[("system", "node")].declared


def test_uv_run_with_puts_the_packages_in_the_runs_environment(make_skill):
    root = make_skill({
        "SKILL.md": ("---\nname: s\ndescription: x\nmetadata: {clawdbot: {requires: {bins: [uv]}}}\n---\n```bash\n"
                     "uv run --with requests --with=rich,httpx scripts/cli.py add URL\n```\n"),
        "scripts/cli.py": "import requests, rich, httpx, yaml\n",
    })
    deps = by_key(root)
    assert all(deps[("pip", name)].declared for name in ("requests", "rich", "httpx"))
    assert [d["message"] for d in warnings(root, "DP001")] == ["pip dependency `PyYAML` is used but declared nowhere"]
    assert ("pip", "add") not in deps and ("pip", "scripts/cli.py") not in deps


def test_a_block_labelled_as_the_wrong_way_needs_nothing(make_skill):
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: x\n---\nWrong:\n\n```bash\nnpx create-old-app --list\n```\n\n"
        "**❌ BAD (Direct Read):**\n\n```bash\nyq . big.yaml\n```\n\n错误示例：\n\n```bash\nhttpie GET x\n```\n\n"
        "Correct:\n\n```bash\nnpx @acme/cli create --list\n```\n\n"
        "Don't guess the ID, first run:\n\n```bash\ngh api user\n```\n")})
    deps = by_key(root)
    assert ("npm", "@acme/cli") in deps and ("system", "gh") in deps
    assert ("npm", "create-old-app") not in deps and ("system", "yq") not in deps and ("system", "httpie") not in deps


def test_a_hub_blocks_requirements_sentences_declare_the_programs_they_name(make_skill):
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: x\nmetadata:\n  openclaw:\n    requirements:\n"
        "      - \"Docker and Docker Compose\"\n      - \"The healthsync CLI, running locally\"\n---\n"
        "```bash\ndocker-compose up -d\ndocker exec -it api ls\nhealthsync scan\n```\n")})
    deps = by_key(root)
    for key in [("system", "docker"), ("system", "docker-compose"), ("system", "healthsync")]:
        assert deps[key].declared, key
    assert not [d for d in skvm_lint.lint([root]).diagnostics if d.rule == "DP001"]


def test_alternatives_self_installs_and_host_modules(make_skill):
    root = make_skill({"SKILL.md": (
        "---\nname: mermaid-skill\ndescription: x\n---\n```bash\nnpm install beautiful-mermaid\n# or\n"
        "bun add beautiful-mermaid\nclawdhub install mermaid-skill\nclawdhub sync mermaid-skill\n"
        "brew install frappecli\n```\n```python\nfrom clawdbot import AgentSkill\n```\n")})
    deps = by_key(root)
    assert deps[("system", "node")].required and not deps[("system", "bun")].required  # one of two ways
    assert ("system", "clawdhub") not in deps  # installing (and syncing) the skill itself
    assert deps[("system", "frappecli")].declared  # another tool's install is still a declaration
    assert ("host", "clawdbot") in deps and ("pip", "clawdbot") not in deps


def test_a_hub_cli_installing_the_skill_with_options_is_no_dependency_and_another_skill_is(make_skill):
    """`clawdhub install clawarena --site URL` installs the skill itself, the values of its options aside, as does an
    install of its title's slug when it has no name; a hub CLI that installs another skill (`clawdhub install
    git-notes-memory`) is one the skill needs."""
    itself = make_skill({"SKILL.md": "---\nname: clawarena\ndescription: x\n---\n```bash\n"
                                     "clawdhub install clawarena --site https://www.clawhub.ai --registry "
                                     "https://www.clawhub.ai/api\n```\n"}, name="clawarena")
    assert ("system", "clawdhub") not in by_key(itself)
    untitled = make_skill({"SKILL.md": "# OpenClaw Multi-Agent System\n\n```bash\n"  # no frontmatter, no name
                                       "clawhub install openclaw-multi-agent-system\n```\n"}, name="a-copy")
    assert ("system", "clawhub") not in by_key(untitled)  # the hub's slug of its title
    other = make_skill({"SKILL.md": "---\nname: triple-memory\ndescription: x\n---\n```bash\n"
                                    "clawdhub install git-notes-memory\n```\n"}, name="triple-memory")
    assert by_key(other)[("system", "clawdhub")].required


def test_commands_for_the_users_ci_or_another_way_are_not_required(make_skill):
    """A command the text puts in the user's CI (a list item's "in CI", a table row's "in pipeline", a section
    "CI/CD Integration", in any language of the cues) or offers as another way, a suggestion or a step "if needed"
    on its own line is not required."""
    root = make_skill({"SKILL.md": (
        "---\nname: ci-skill\ndescription: x\n---\n## Steps\n\n- Run `jq . report.json` to read the report.\n"
        "- Install: `uv add torch_geometric` (or `uv pip install x`). Optional: `pyg-lib` for speed.\n"
        "- `pnpm audit` / `npm audit` in CI, fail on `high`.\n- Alternatively, `yq . report.yaml`.\n"
        "- For deeper audits, consider SkillLens (`npx skilllens scan .`).\n"
        "- If the build fails on an old Node, suggest `nvm use 20`.\n"
        "- If needed, regenerate the models: `flutter pub get`.\n- 必要ならモデル更新 → `dart run build_runner build`\n\n"
        "| need | how |\n|---|---|\n| CI integration | `playwright install --with-deps` in pipeline |\n\n"
        "- 在 CI 中运行 `trivy fs .`\n\n## CI/CD Integration\n\n```bash\nshellcheck *.sh && bats test/\n```\n")})
    deps = by_key(root)
    assert deps[("system", "jq")].required and deps[("system", "uv")].required  # "Optional" after it is not
    not_required = {("system", name)
                    for name in ("pnpm", "npm", "yq", "playwright", "trivy", "shellcheck", "bats", "nvm")}
    not_required |= {("npm", "skilllens"), ("system", "flutter"), ("system", "dart")}  # suggested, if needed
    assert not_required <= deps.keys()
    assert not any(deps[key].required for key in not_required)


def test_commands_for_whichever_project_the_user_has_are_not_required(make_skill):
    """A list of commands headed "use the project-appropriate command", or a block introduced "depending on your
    package manager" (in any language of the cues), offers one per kind of project, and a block under "Option 2"
    another way than option 1 (like `# or`): none is required. Commands before such a comment are, and option 1."""
    root = make_skill({
        "SKILL.md": (
            "---\nname: p\ndescription: x\n---\n## Verify\n\n```bash\njq . state.json\n"
            "# Examples - use project-appropriate command\nnpm test\ncargo test\npytest\n```\n\n"
            "Install the SDK depending on your package manager:\n\n```bash\npnpm add sdk\nyarn add sdk\n```\n\n"
            "根据你的项目选择:\n\n```bash\nbun install\n```\n\n"
            "### Option 1: From Go (recommended)\n\n```bash\ngo install x\n```\n\n"
            "### Option 2: Docker\n\n```bash\ndocker run x\n```\n"),
        # in a bundled script, such a comment says nothing of what follows it
        "scripts/run.sh": "#!/bin/bash\n# load the project-specific settings\nyq . settings.yaml\n"})
    deps = by_key(root)
    assert deps[("system", "jq")].required and deps[("system", "go")].required  # option 1 is the main way
    assert deps[("system", "yq")].required
    optional = {("system", name) for name in ("npm", "cargo", "pytest", "pnpm", "yarn", "bun", "docker")}
    assert optional <= deps.keys() and not any(deps[key].required for key in optional)


def test_what_the_skills_tests_and_examples_need_is_not_required(make_skill):
    """Commands of scripts under tests/ (the skill's own suite) and the Node runtime of JavaScript under examples/
    are for its developers and readers; a script named test_* elsewhere is one its users run, and keeps its needs."""
    root = make_skill({
        "SKILL.md": "---\nname: t\ndescription: x\n---\nRun `bash scripts/test_connection.sh`.\n",
        "scripts/test_connection.sh": "#!/bin/bash\ncurl -s https://api.example.org/ping | jq .ok\n",
        "tests/test-run.sh": "#!/bin/bash\nperl -e 'print 1'\n",
        "examples/demo.js": "const fs = require('fs');\nconsole.log(process.argv);\n",
    })
    deps = by_key(root)
    assert deps[("system", "jq")].required
    assert not deps[("system", "perl")].required
    assert ("system", "node") not in deps


def test_an_undeclared_dependency_is_reported_where_it_becomes_required(make_skill):
    """`docker --version` first probes (optional); `docker info` below needs it: DP001 points at the need, not at
    the probe."""
    root = make_skill({"SKILL.md": "---\nname: d\ndescription: x\n---\n```bash\ndocker --version\n"
                                   "docker info | grep Server\n```\n"})
    docker = next(d for d in dependencies.analyze(skvm_lint.load(root)).found if d.name == "docker")
    assert [s.line for s in docker.evidence] == [6, 7] and docker.required_at.line == 7
    assert [d["line"] for d in findings(root, "DP001")] == [7]


def test_cli_entries_if_applicable_and_platform_variables(make_skill):
    """`dependencies: [railway-cli]` declares the program railway; a command after `# ... (if applicable)` is
    optional; NODE_ENV is set by Node's tooling, not a setting to ask for."""
    root = make_skill({
        "SKILL.md": ("---\nname: r\ndescription: x\ndependencies: [railway-cli, requests>=2.31]\n---\n"
                     "```bash\nrailway list --json\n# Type checking (if applicable)\nmypy src/\n```\n"),
        "scripts/a.js": "const mode = process.env.NODE_ENV;\nconst key = process.env.RAILWAY_TOKEN;\n",
    })
    deps = by_key(root)
    assert deps[("system", "railway")].declared and ("pip", "railway-cli") not in deps
    assert deps[("pip", "requests")].declared and deps[("pip", "requests")].version == ">=2.31"
    assert not deps[("system", "mypy")].required
    assert ("env", "NODE_ENV") not in deps and ("env", "RAILWAY_TOKEN") in deps


def test_guarded_and_platform_specific_programs_are_optional(make_skill):
    root = make_skill({
        "SKILL.md": ("---\nname: g-skill\ndescription: x\n---\n```bash\n# macOS\nbrew install pandoc\n"
                     "# Windows\nchoco install pandoc\nnpx skills add acme/skills@x\n"
                     "npx add-skill acme/agent-kit\n```\n"),
        "scripts/a.sh": ("#!/bin/bash\nif command -v jq &> /dev/null; then\n  jq . f.json\nfi\n"
                         "command -v ffmpeg >/dev/null || { echo 'need ffmpeg'; exit 1; }\nffmpeg -i a b\n"
                         "if ! command -v pnpm &> /dev/null; then npm install -g pnpm; fi\npnpm install left-pad\n"),
    })
    deps = by_key(root)
    assert not deps[("system", "jq")].required  # it copes without jq
    assert deps[("system", "ffmpeg")].required  # the check exits without it
    assert not deps[("system", "choco")].required  # one platform's way
    assert deps[("npm", "left-pad")].required  # what a guarded program installs is still needed
    assert ("npm", "skills") not in deps and ("npm", "add-skill") not in deps  # hub CLIs installing a skill


def test_a_check_in_javascript_or_python_that_exits_without_the_program_requires_it(make_skill):
    """`try { execSync('which dot') } catch { console.error('Install with: brew install graphviz'); process.exit(1) }`
    requires dot; a check whose handler only warns (or exits with 0) leaves the program optional."""
    root = make_skill({
        "SKILL.md": "---\nname: j-skill\ndescription: x\n---\nRun `node render.js` and `python3 s.py`.\n",
        "render.js": ("const { execSync } = require('child_process');\ntry {\n  execSync('which dot');\n} catch {\n"
                      "  console.error('graphviz (dot) not found. Install with:');\n"
                      "  console.error('  brew install graphviz');\n  process.exit(1);\n}\n"
                      "try {\n  execSync('which rsvg-convert');\n} catch {\n  console.warn('no PNG export');\n}\n"
                      "execSync('dot -Tsvg');\nexecSync('rsvg-convert -o a.png a.svg');\nprocess.exit(0);\n"),
        "s.py": ("import subprocess, sys\ntry:\n    subprocess.run(['which', 'pandoc'], check=True)\nexcept Exception:\n"
                 "    print('pandoc is required')\n    sys.exit('install pandoc first')\n"
                 "subprocess.run(['pandoc', '-o', 'a.pdf', 'a.md'])\n"),
    })
    deps = by_key(root)
    assert deps[("system", "dot")].required and not deps[("system", "rsvg-convert")].required
    assert deps[("system", "pandoc")].required


def test_programs_listed_as_missing_and_recommended_alternatives_are_required(make_skill):
    """`command -v jq || missing+=(jq)` in a script that exits later checks a requirement; `# Or use uv
    (recommended)` is the way the author expects, not one of several."""
    root = make_skill({
        "SKILL.md": ("---\nname: m-skill\ndescription: x\n---\n```bash\npip install openpyxl\n\n"
                     "# Or use uv (recommended)\nuv run --with openpyxl python3 x.py\n# or\npipx run y\n```\n"),
        "scripts/a.sh": ("#!/bin/bash\nmissing=()\ncommand -v jq >/dev/null || missing+=(\"jq\")\n"
                         "command -v fzf >/dev/null || echo 'fzf makes it nicer'\n"
                         "if [ ${#missing[@]} -gt 0 ]; then\n  echo \"missing: ${missing[*]}\"\n  exit 1\nfi\n"),
    })
    deps = by_key(root)
    assert deps[("system", "jq")].required and not deps[("system", "fzf")].required
    assert deps[("system", "uv")].required and not deps[("pip", "y")].required


def test_programs_the_code_does_without_or_another_project_runs_are_not_required(make_skill):
    """A Python call in `try/except FileNotFoundError: return []` copes without its program; `# With jq (if
    installed)` offers it; one language's section of several (`### Node.js` beside `### Python`) is one way. A card
    of commands for the user's project (scripts the skill does not have) is still what the agent runs: required, as
    the labels count it."""
    root = make_skill({
        "SKILL.md": ("---\nname: w-skill\ndescription: x\n---\n```bash\n# Option 1: With jq (if installed)\n"
                     "jq . a.json\n```\n\n## Common Commands\n\n```bash\npython scripts/train.py --config p.yaml\n"
                     "python scripts/evaluate.py\nhelm upgrade service ./charts/\n```\n\n"
                     "```bash\npython scripts/detect.py\npython scripts/other.py\nffmpeg -i a b\n```\n\n"
                     "```bash\npip install anthropic  # Python\nnpm install -g @anthropic-ai/sdk  # TypeScript\n```\n\n"
                     "## Debug\n\n### Node.js\n\n```bash\nnpm ls --depth=0\n```\n\n### Python (pip)\n\n"
                     "```bash\npip list\n```\n"),
        "scripts/detect.py": ("import subprocess\n\ndef amd():\n    try:\n        out = subprocess.run(['rocm-smi', "
                              "'--showid'], capture_output=True)\n    except (FileNotFoundError, OSError):\n"
                              "        return []\n    return out\n\nsubprocess.run(['nvidia-smi', '-L'])\n\n"
                              "def hip():\n    try:\n        os.system('hipconfig --platform')\n"
                              "    except OSError:\n        pass\n\n"
                              "def audit():\n"
                              "    try:\n        return subprocess.run(['lighthouse', '--quiet'])\n"
                              "    except FileNotFoundError:\n        return {'error': 'lighthouse not found'}\n"
                              "def fonts():\n    try:\n        return subprocess.run(['pdffonts', 'a.pdf'])\n"
                              "    except FileNotFoundError:\n"
                              "        return {'status': 'skip', 'message': 'pdffonts not available'}\n"
                              "def pdf():\n    try:\n        subprocess.run(['cupsfilter', 'a.html'])\n"
                              "    except Exception:\n        pass\n    return 'a.html'\n"
                              "def cast():\n    try:\n        subprocess.Popen(['catt', 'cast', url])\n"
                              "    except Exception as e:\n        print(f'Error: {e}')\n        return False\n"
                              "def init():\n    try:\n        subprocess.run(['go', 'mod', 'init', 'm'], check=True)\n"
                              "    except (subprocess.CalledProcessError, FileNotFoundError) as e:\n"
                              "        print(f'warn: go mod init failed ({e}); writing fallback go.mod')\n"
                              "        open('go.mod', 'w').write('module m')\n"),
    })
    deps = by_key(root)
    assert not deps[("system", "pdffonts")].required  # the check is skipped without it
    assert not deps[("system", "rocm-smi")].required and deps[("system", "nvidia-smi")].required
    assert not deps[("system", "hipconfig")].required  # a shell command in the try, as a list's
    assert deps[("system", "lighthouse")].required  # its handler reports the missing program: a requirement
    assert not deps[("system", "cupsfilter")].required  # any failure passed over: one fallback of several
    assert deps[("system", "catt")].required  # a failure reported: what the script is for
    assert not deps[("system", "go")].required  # the handler says it falls back on writing go.mod itself
    assert not deps[("system", "jq")].required and deps[("system", "helm")].required
    assert deps[("system", "ffmpeg")].required
    assert not deps[("system", "npm")].required and not deps[("system", "node")].required


def test_modules_of_a_folder_put_on_sys_path_are_not_distributions(make_skill):
    """`sys.path.insert(0, str(SKILL_DIR / "social-auto-upload"))`, a folder the skill does not ship: `from conf
    import X` is that folder's module; a known distribution imported beside it is still one."""
    root = make_skill({
        "SKILL.md": "---\nname: p-skill\ndescription: x\n---\nRun `python3 workflow.py`.\n",
        "workflow.py": ("import sys\nfrom pathlib import Path\nSKILL_DIR = Path(__file__).parent\n"
                        "sys.path.insert(0, str(SKILL_DIR / \"social-auto-upload\"))\nfrom conf import CHROME\n"
                        "import requests\n"),
        "other.py": "import conf2\n",
    })
    deps = by_key(root)
    assert ("pip", "conf") not in deps and deps[("pip", "requests")].required
    assert deps[("pip", "conf2")].required  # no folder put on the path there


def test_a_program_the_text_offers_a_way_without_is_optional(make_skill):
    """"Prefer uv ... If `uv` is unavailable: python3 -m pip install ..." (or 如果 `uv` 不可用, "Or with pip if uv
    unavailable:"): uv is optional;
    a program the sentence does not name stays required, and so does one the text has no way without."""
    for sentence in ("If `uv` is unavailable:", "如果 `uv` 不可用：", "Or with pip if uv unavailable:",
                     "如果没有 `uv`，用 pip 安装：", "`uv` がない場合は pip で:"):
        root = make_skill({"SKILL.md": ("---\nname: u-skill\ndescription: x\n---\nPrefer `uv`.\n\n```bash\n"
                                        "uv pip install openai\njq . a.json\n```\n\n" + sentence + "\n\n```bash\n"
                                        "python3 -m pip install openai\n```\n")}, name="u-skill")
        deps = by_key(root)
        assert not deps[("system", "uv")].required and deps[("system", "jq")].required, sentence
    root = make_skill({"SKILL.md": ("---\nname: t-skill\ndescription: x\n---\n```bash\ntmux new -d\ntd list\n```\n\n"
                                    "Stop and ask if tmux is unavailable.\n\nIf `td` is not installed:\n\n```bash\n"
                                    "brew install td\n```\n")}, name="t-skill")
    deps = by_key(root)
    assert deps[("system", "tmux")].required and deps[("system", "td")].required  # no way without them


def test_a_program_an_installer_script_names_is_declared_by_it(make_skill):
    """`curl -sSfL https://run.linkerd.io/install | sh` installs linkerd: the line declares it (DP001 stays quiet);
    a URL that is not piped to a shell declares nothing."""
    root = make_skill({"SKILL.md": ("---\nname: i-skill\ndescription: x\n---\n```bash\n"
                                    "curl --proto '=https' -sSfL https://run.linkerd.io/install | sh\n"
                                    "linkerd check --pre\ncurl -sSfL https://get.k3s.io -o k3s.sh\n"
                                    "k3s kubectl get nodes\n```\n")})
    deps = by_key(root)
    assert deps[("system", "linkerd")].declared and deps[("system", "linkerd")].required
    assert not deps[("system", "k3s")].declared
    # a name made of the URL's words' starts: `infsh` from cli.inference.sh; not one they do not make
    root = make_skill({"SKILL.md": ("---\nname: a-skill\ndescription: x\n---\n```bash\n"
                                    "curl -fsSL https://cli.inference.sh | sh\ninfsh login\nhelmfile apply\n```\n")},
                      "a-skill")
    deps = by_key(root)
    assert deps[("system", "infsh")].declared and not deps[("system", "helmfile")].declared


def test_an_installer_downloaded_then_run_declares_the_programs_its_name_gives(make_skill):
    """`curl URL > msfinstall`, `chmod 755 msfinstall`, `./msfinstall` installs Metasploit: msfconsole, msfvenom and
    msfdb start with its product, `msf`; `get-docker.sh` run with sh gives docker. An installer downloaded and not
    run, or named only for what it does (`install.sh`), declares nothing."""
    root = make_skill({"SKILL.md": ("---\nname: m-skill\ndescription: x\n---\n```bash\n"
                                    "curl https://example.org/templates/msfupdate.erb > msfinstall\n"
                                    "chmod 755 msfinstall\n./msfinstall\n\nmsfdb init\nmsfvenom -l payloads\n"
                                    "curl -fsSL https://get.docker.com -o get-docker.sh\nsh get-docker.sh\n"
                                    "docker ps\ncurl -fsSL https://example.org/k.sh -o install.sh\nbash install.sh\n"
                                    "kubectl get pods\ncurl -sSfL https://get.k3s.io -o k3s.sh\nk3s kubectl get nodes\n"
                                    "```\n")}, "m-skill")
    deps = by_key(root)
    assert deps[("system", "msfdb")].declared and deps[("system", "msfvenom")].declared
    assert deps[("system", "docker")].declared
    assert not deps[("system", "kubectl")].declared and not deps[("system", "k3s")].declared
    assert dependencies._installed_product("rustup-init") == "rustup"
    assert dependencies._installed_product("widget-setup.sh") == "widget"  # only whole words go, not `get` in it


def test_a_hub_install_entrys_installer_script_declares_the_suite_its_url_names(make_skill):
    """An install entry `sh -c "$(curl -sSfL https://release.solana.com/stable/install)"` with bins [solana]: the
    Solana installer also gives `solana-keygen`, a program of the suite its URL names; `spl-token`, which it does
    not name, is still undeclared."""
    meta = ('{"openclaw":{"requires":{"bins":["solana"]},"install":[{"id":"solana","kind":"shell",'
            '"command":"sh -c \\"$(curl -sSfL https://release.solana.com/stable/install)\\"","bins":["solana"]}]}}')
    root = make_skill({"SKILL.md": f"---\nname: s\ndescription: Pay. Use when asked.\nmetadata: {meta}\n---\n"
                                   "```bash\nsolana balance ADDR\nsolana-keygen recover ASK\nspl-token accounts\n```\n"})
    deps = by_key(root)
    assert deps[("system", "solana")].declared and deps[("system", "solana-keygen")].declared
    assert not deps[("system", "spl-token")].declared


def test_the_program_run_right_after_an_installer_script_is_declared_by_it(make_skill):
    """`curl https://sdk.cloud.google.com | bash` then `gcloud init`: the code runs what it has just installed, though
    the URL does not spell its name; only the first program after it, not one further down, and not one after a
    comment or a blank line, often another way ("# Option B: From Nix")."""
    root = make_skill({"SKILL.md": ("---\nname: g-skill\ndescription: x\n---\n```bash\n# GCP CLI\n"
                                    "curl https://sdk.cloud.google.com | bash\nexec -l $SHELL\ngcloud init\n"
                                    "gsutil ls\n\n\n\nhelmfile apply\n```\n"
                                    "```bash\ncurl -s https://get.example.org/install | bash\n\n"
                                    "# Option B: From Nix\nnix-shell -p babashka\n```\n")})
    deps = by_key(root)
    assert deps[("system", "gcloud")].declared
    assert not deps[("system", "gsutil")].declared and not deps[("system", "helmfile")].declared
    assert not deps[("system", "nix-shell")].declared


def test_a_package_installed_from_a_cloned_repository_is_declared(make_skill):
    """`git clone .../labarchives-py; cd labarchives-py; uv pip install .` installs what `import labarchivespy`
    needs; another import stays undeclared."""
    root = make_skill({"SKILL.md": ("---\nname: c-skill\ndescription: x\n---\n```bash\n"
                                    "git clone https://github.com/someone/labarchives-py\ncd labarchives-py\n"
                                    "uv pip install .\n```\n```python\nfrom labarchivespy.client import Client\n"
                                    "import requests\n```\n")})
    deps = by_key(root)
    assert deps[("pip", "labarchivespy")].declared and 8 in [s.line for s in deps[("pip", "labarchivespy")].evidence]
    assert not deps[("pip", "requests")].declared


def test_a_program_a_cloned_repositorys_installer_installs_is_declared(make_skill):
    """`git clone .../ai-maestro-plugins.git; cd ai-maestro-plugins && ./install-agent-cli.sh` installs the
    `aimaestro-agent.sh` command and the `memory-search.sh` script: declared; a program named otherwise, or a clone
    nobody installs, declares nothing."""
    root = make_skill({"SKILL.md": ("---\nname: a-skill\ndescription: x\n---\n```bash\n# Install the CLI\n"
                                    "git clone https://github.com/someone/ai-maestro-plugins.git\n"
                                    "cd ai-maestro-plugins && ./install-agent-cli.sh\n```\n\n```bash\n"
                                    "aimaestro-agent.sh create api --dir ~/p\nmaestroctl list --all\n"
                                    "memory-search.sh 'auth' --mode term\n```\n\n```bash\n"
                                    "git clone https://github.com/someone/k3s-tools\nk3stool apply --all\n```\n")})
    deps = by_key(root)
    assert deps[("system", "aimaestro-agent.sh")].declared and deps[("system", "aimaestro-agent.sh")].required
    assert deps[("system", "memory-search.sh")].declared
    assert not deps[("system", "maestroctl")].declared and not deps[("system", "k3stool")].declared


def test_placeholders_option_values_and_checkout_modules_are_no_packages(make_skill):
    """`pip install package-name`, `from myapp.models import User` (or bare `from models import ...`, the user's
    project), `uv pip install --jobs 4 package1`, `uv add
    --optional docs sphinx`, `uv add git+https://github.com/user/repo.git@v1.0.0`, and `python -m recipes.grpo.main`
    where a command names `recipes/sft/x.yaml` (a folder of the checkout the commands run in), or a module run with
    `PYTHONPATH=python`: no package but sphinx and the real ones. A program after `# Using cargo (if you have Rust)` is one way of several."""
    root = make_skill({"SKILL.md": ("---\nname: p-skill\ndescription: x\n---\n```bash\npip install package-name\n"
                                    "uv pip install --jobs 4 package1 package2\nuv add --optional docs sphinx\n"
                                    "uv add git+https://github.com/user/repo.git@v1.0.0\n"
                                    "python -m recipes.sft.main --config recipes/sft/llama.yaml\n"
                                    "python -m recipes.grpo.main\npython -m vllm.entrypoints.openai.api_server\n"
                                    "PYTHONPATH=python python3 -m sglang.tools.convert --out x\n"
                                    "# Using cargo (if you have Rust)\ncargo install --git https://x/uv uv\n```\n"
                                    "```python\nfrom myapp.models import User\nimport pandas\n"
                                    "from models import Order\nfrom serializers import order_serializer\n```\n")})
    deps = by_key(root)
    pip = {name for kind, name in deps if kind == "pip"}
    assert pip == {"sphinx", "vllm", "pandas"}, pip
    assert not deps[("system", "cargo")].required


def test_placeholders_in_brackets_or_capitals_and_files_as_bins_are_no_dependencies(make_skill):
    """`npm install [package]`, `pnpm add @iconify-json/[collection-name]`, `brew install FORMULA`, an install
    entry whose bins name a file (`SKILL.md`): nothing to install; `R` in capitals is still R."""
    metadata = ("metadata: {\"clawdbot\": {\"install\": [{\"kind\": \"skill\", \"name\": \"s\", "
                "\"bins\": [\"SKILL.md\"]}]}}\n")
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Finds. Use when asked.\n" + metadata + "---\n"
                                    "```bash\nnpm install [package]\npnpm add @iconify-json/[collection-name]\n"
                                    "brew install FORMULA\nbrew install --cask CASK\nR -e 'print(1)'\n```\n")})
    deps = by_key(root)
    assert {name for kind, name in deps if kind in ("npm", "system")} == {"R", "node", "pnpm"}


def test_a_runtime_version_in_requires_names_no_package(make_skill):
    """`requires: {python: ">=3.10", pip: ["requests>=2.31"]}`: the first is the interpreter's version, the second a
    package with its version."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Scans. Use when asked.\nrequires:\n"
                                    "  python: \">=3.10\"\n  pip:\n    - requests>=2.31\n---\n"
                                    "```python\nimport requests\n```\n")})
    deps = by_key(root)
    assert {name for kind, name in deps if kind == "pip"} == {"requests"}
    assert deps[("pip", "requests")].version == ">=2.31"


def test_a_package_installed_from_a_repository_is_installed_from_it(make_skill):
    """`pip install git+https://github.com/openai/CLIP.git` is openai's CLIP, not PyPI's unrelated `clip`, and a hub
    install entry's `https://github.com/tobi/qmd` is npm's package of that repository: each is named by its
    repository and installed from its URL. `bun add github:user/repo` names a placeholder, and `keep[local]` is
    keep with an extra."""
    metadata = ("metadata: {\"clawdbot\": {\"install\": [{\"kind\": \"node\", \"package\": "
                "\"https://github.com/tobi/qmd\", \"bins\": [\"qmd\"]}, {\"kind\": \"uv\", \"package\": "
                "\"keep[local]\"}]}}\n")
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: Finds. Use when asked.\n" + metadata + "---\n"
                                    "```bash\npip install git+https://github.com/openai/CLIP.git\n"
                                    "pip install 'xf[gpu] @ git+https://github.com/o/xformers.git@main'\n"
                                    "bun add github:user/repo\nqmd search notes\nkeep find x\n```\n"
                                    "```python\nimport clip\nimport xf\n```\n")})
    deps = by_key(root)
    assert {name for kind, name in deps if kind in ("pip", "npm")} == {"CLIP", "xf", "qmd", "keep"}
    assert dependencies.install_command(deps[("pip", "CLIP")]) \
        == "python3 -m pip install 'CLIP @ git+https://github.com/openai/CLIP.git'"
    assert dependencies.install_command(deps[("pip", "xf")]) \
        == "python3 -m pip install 'xf[gpu] @ git+https://github.com/o/xformers.git@main'"
    assert dependencies.install_command(deps[("pip", "keep")]) == "python3 -m pip install 'keep[local]'"
    assert dependencies.install_command(deps[("npm", "qmd")]) == "npm install -g 'https://github.com/tobi/qmd'"
    assert deps[("system", "qmd")].provided_by == "npm qmd"
    # a quoted argument that no package name can be (`'x';touch /tmp/p;'`) names none
    hostile = make_skill({"SKILL.md": ("---\nname: t\ndescription: x\n---\n```bash\n"
                                       "npm install \"github:o/x';touch /tmp/p;'\"\nnpm install \"left pad\"\n```\n")},
                         name="t")
    assert not [name for kind, name in by_key(hostile) if kind == "npm"]


def test_a_clusters_way_beside_one_machines_requires_nothing(make_skill):
    """"### Launch with SLURM" beside "### Launch Locally", or `# Multi-node with SLURM` before a line: the cluster's
    scheduler comes with the cluster; a scheduler run with no such words stays required."""
    root = make_skill({"SKILL.md": ("---\nname: s-skill\ndescription: x\n---\n### Launch Locally\n\n```bash\n"
                                    "torchrun --nproc 8 train.py\n# Multi-node with SLURM\n"
                                    "sbatch --nodes=8 a.sh\n```\n\n"
                                    "### Launch with SLURM\n\n```bash\nsalloc --nodes=2 --gpus 8\n```\n\n"
                                    "### Queue\n\n```bash\nsqueue --me\n```\n")})
    deps = by_key(root)
    assert not deps[("system", "sbatch")].required and not deps[("system", "salloc")].required
    assert deps[("system", "squeue")].required


def test_examples_per_project_commands_and_app_components_are_not_required(make_skill):
    """"Build command: e.g., `next build`" names an example (to the end of its clause); `# For npm projects` and
    `npm audit` beside `yarn audit` are one way per kind of project; a bundled UI component (`templates/Button.tsx`)
    is the user's app's code unless the skill builds a JS project. A command after "Run" stays required, and so
    does a bundled script's import."""
    root = make_skill({"SKILL.md": ("---\nname: e-skill\ndescription: x\n---\n- Build command: e.g., `next build`\n"
                                    "- Run `gatsby build --prefix-paths` first\n"
                                    "- Log in (for example, run `az login` once), then run `glab auth status`\n\n"
                                    "```bash\n# For npm projects\n"
                                    "npm ci\n```\n\n```bash\nnpm audit\nyarn audit\nnpx eslint .\n```\n")})
    deps = by_key(root)
    assert not any(deps[("system", name)].required for name in ("next", "npm", "yarn"))
    assert deps[("system", "gatsby")].required and deps[("npm", "eslint")].required
    assert not deps[("system", "az")].required and deps[("system", "glab")].required  # the example's clause ends
    root = make_skill({"SKILL.md": "---\nname: c-skill\ndescription: x\n---\nRun `node scripts/run.js`.\n",
                       "templates/Button.tsx": "import React from 'react';\nimport clsx from 'clsx';\n",
                       "scripts/run.js": "const chalk = require('chalk');\n"}, name="c-skill")
    deps = by_key(root)
    assert not deps[("npm", "react")].required and not deps[("npm", "clsx")].required
    assert deps[("npm", "chalk")].required
    root = make_skill({"SKILL.md": ("---\nname: b-skill\ndescription: x\n---\n```bash\n# npm\nnpm install bulma\n"
                                    "# yarn\nyarn add bulma\n```\n")}, name="b-skill")
    deps = by_key(root)
    assert deps[("system", "node")].required and not deps[("system", "yarn")].required  # Node.js either way


def test_a_fallback_after_or_requires_nothing_of_its_own(make_skill):
    """`npm run -s typecheck || npx tsc --noEmit` runs tsc only when the project's own script fails, and `docker
    compose up || docker-compose up` the old CLI only when the plugin is missing: neither is required; the first way
    is, and `|| { echo failed; exit 1; }` changes nothing."""
    root = make_skill({"SKILL.md": ("---\nname: o-skill\ndescription: x\n---\n```bash\n"
                                    "npm run -s typecheck || npx tsc --noEmit\n"
                                    "docker compose up -d || docker-compose up -d\n"
                                    "ffmpeg -i a.mp4 b.gif || { echo failed; exit 1; }\n```\n")})
    deps = by_key(root)
    assert not deps[("npm", "typescript")].required and not deps[("system", "docker-compose")].required
    assert deps[("system", "npm")].required and deps[("system", "docker")].required
    assert deps[("system", "ffmpeg")].required


def test_a_program_with_a_fallback_every_machine_has_is_optional(make_skill):
    """`gh repo clone R D || git clone URL D`, `uuidgen || cat /proc/...`, `rsync ... || cp -r ...`: the script
    copes without the first program, since git, cat and cp are always there; what runs in a group after `||`
    (`python3 -m http.server || { echo ...; npx serve ...; }`) is a fallback too. A fallback that must be installed
    itself (`... || docker-compose up`) leaves the first way required."""
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Serve. Use when asked.\n---\nRun `scripts/a.sh`.\n",
                       "scripts/a.sh": ("#!/bin/bash\ngh repo clone \"$R\" \"$D\" -- --depth=1 \\\n"
                                        "  || git clone --depth=1 \"https://github.com/$R\" \"$D\"\n"
                                        "id=$(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)\n"
                                        "rsync -a src/ out/ 2>/dev/null || cp -r src/* out/\n"
                                        "python3 -m http.server 8000 || {\n  echo 'Trying Node.js...'\n"
                                        "  npx serve -l 8000 . || exit 1\n}\n"
                                        "docker compose up -d || docker-compose up -d\n")})
    deps = by_key(root)
    assert not any(deps[key].required for key in [("system", "gh"), ("system", "uuidgen"), ("system", "rsync"),
                                                  ("npm", "serve")])
    assert deps[("system", "docker")].required


def test_the_agents_own_tools_written_as_commands_are_the_hosts(make_skill):
    """`message action=send channel=discord ...` and `browser snapshot --profile chrome` are the agent's tools (kind
    `host`): nothing installs them and DP001 does not ask for them; a real program beside them still counts."""
    root = make_skill({"SKILL.md": ("---\nname: t-skill\ndescription: x\n---\n```bash\n"
                                    "message action=send channel=discord target=\"#c\" message=\"hi\"\n"
                                    "browser snapshot --profile chrome\nffmpeg -i a.mp4 b.gif\n```\n")})
    deps = by_key(root)
    assert ("host", "browser") in deps and ("system", "browser") not in deps and ("system", "message") not in deps
    assert deps[("system", "ffmpeg")].required


def test_npm_install_lines_ask_for_node_unless_the_skill_runs_npm(make_skill):
    """npm comes with Node.js: `npm install -g x` needs node, not a program called npm; a skill that also runs
    `npm test` needs npm, which stands for Node.js too."""
    only_installs = make_skill({"SKILL.md": ("---\nname: n-skill\ndescription: x\n---\n```bash\n"
                                              "npm install -g paprika-cli\nnpm i left-pad\n```\n")})
    deps = {(d.type, d.name): d for d in dependencies.analyze(skvm_lint.load(only_installs)).found}
    assert deps[("system", "node")].required and ("system", "npm") not in deps
    assert deps[("npm", "paprika-cli")].declared and deps[("npm", "left-pad")].declared
    runs_npm = make_skill({"SKILL.md": ("---\nname: r-skill\ndescription: x\n---\n```bash\n"
                                         "npm install\nnpm test\n```\n")}, name="r-skill")
    deps = {(d.type, d.name): d for d in dependencies.analyze(skvm_lint.load(runs_npm)).found}
    assert deps[("system", "npm")].required and ("system", "node") not in deps
    assert sorted(s.line for s in deps[("system", "npm")].evidence) == [6, 7]


def test_version_probes_and_imports_with_a_fallback_make_nothing_required(make_skill):
    """`docker --version` asks what the user has; `try: import pandas / except ImportError: return None` is a
    function that does without pandas. A real use elsewhere still makes the program required."""
    root = make_skill({
        "SKILL.md": "---\nname: v-skill\ndescription: x\n---\n```bash\ndocker --version\npsql -v\nnode -v\nnode app.js\n```\n",
        "scripts/export.py": ("import json\n\ndef frame(rows):\n    try:\n        import pandas as pd\n"
                              "    except ImportError:\n        print('pip install pandas')\n        return None\n"
                              "    return pd.DataFrame(rows)\n\ndef load():\n    try:\n        import yaml\n"
                              "    except ImportError:\n        print('need PyYAML')\n        return 1\n"
                              "    return yaml.safe_load('a: 1')\n"),
    })
    deps = by_key(root)
    assert not deps[("system", "docker")].required and not deps[("system", "psql")].required
    assert deps[("system", "node")].required  # `node app.js` uses it
    assert ("pip", "pandas") not in deps  # the function gives up without it
    assert deps[("pip", "PyYAML")].required  # returning an error code is failing, not doing without


def test_unknown_programs_need_more_than_a_look_of_shell(make_skill):
    """An unlabelled block taken for shell (a capture filter) gives no unknown program unless a command carries a
    long option; a settings line pasted into a bash fence (`target-version = "py312"`) is no command."""
    root = make_skill({"SKILL.md": "---\nname: f\ndescription: x\n---\n```\nhost 192.168.1.100\n"
                                   "net 192.168.1.0/24\nnot arp\n```\n```\nsoulseek --help\n```\n"
                                   "```bash\npip install ruff\n[tool.ruff]\nline-length = 120\n"
                                   "target-version = \"py312\"\n```\n"})
    system = {d.name for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "system"}
    assert "soulseek" in system and not system & {"net", "not", "line-length", "target-version"}


def test_a_program_run_only_for_a_kind_of_project_is_optional(make_skill):
    """`if [ -f Cargo.toml ]; then cargo build; fi` runs cargo only in a Rust project; a test of the skill's own file
    in a variable (`[ -f "$CONFIG" ]`) and the `else` branch do not make a program optional."""
    root = make_skill({"SKILL.md": "---\nname: d\ndescription: x\n---\n```bash\n"
                                   "if [ -f Cargo.toml ]; then cargo build; fi\n[ -f go.mod ] && go mod download\n"
                                   "if [[ -d .venv ]]; then\n  poetry install\nelse\n  pipenv install\nfi\n"
                                   "if [ -f \"$CONFIG\" ]; then jq . \"$CONFIG\"; fi\n"
                                   "if [ -n \"$CI\" ]; then\n  yarn install\nelif [ -f Gemfile ]; then\n"
                                   "  for g in a b; do bundle exec rake \"$g\" | tee log; done\nfi\n```\n"})
    required = {d.name: d.required for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "system"}
    assert required == {"cargo": False, "go": False, "poetry": False, "pipenv": True, "jq": True, "yarn": True,
                        "bundle": False}  # nested in a loop and a pipeline under a file test's elif


def test_a_version_probe_through_npx_needs_neither_the_package_nor_node(make_skill):
    root = make_skill({"SKILL.md": "---\nname: p\ndescription: x\n---\n```bash\nnpx tsc --version\n```\n"})
    deps = by_key(root)
    assert not deps[("npm", "typescript")].required and not deps[("system", "node")].required


def test_npx_names_the_package_of_a_well_known_program_and_a_probe_is_not_a_program(make_skill):
    """`npx tsc` needs TypeScript (npm's `tsc` is an abandoned stub); `command -v tsx && npx tsx` runs tsx when it is
    there: the npm package is optional, and the probe is no system program of its own."""
    root = make_skill({"SKILL.md": ("---\nname: ts-skill\ndescription: x\n---\n```bash\nnpx tsc --noEmit\n"
                                    "command -v tsx >/dev/null 2>&1 && npx tsx src/main.ts\n```\n")})
    deps = by_key(root)
    assert deps[("npm", "typescript")].required and ("npm", "tsc") not in deps
    assert not deps[("npm", "tsx")].required
    assert ("system", "tsx") not in deps and deps[("system", "node")].required


def test_prose_and_synopses_in_fences_are_not_programs(make_skill):
    root = make_skill({"SKILL.md": (
        "---\nname: p-skill\ndescription: x\n---\n```bash\nagent-browser back | forward | reload | close\n"
        "# npm (if needed)\nnpm install -g bun\n```\n```bash\ndroid exec --auto\nImplement authentication flow\n```\n")})
    deps = by_key(root)
    for name in ("forward", "reload", "close", "Implement"):
        assert ("system", name) not in deps, name
    assert not deps[("system", "node")].required  # an install for those who need it


def test_allowed_tools_as_a_list_of_anything_is_read_without_crashing(make_skill):
    root = make_skill({"SKILL.md": "---\nname: t-skill\ndescription: x\nallowed-tools: [1, Bash(jq:*)]\n---\nbody\n"})
    assert "jq" in by_type(root)["system"]


def test_allowed_tools_through_a_package_runner_name_the_package_and_its_runtime(make_skill):
    """`Bash(npx agent-browser:*)` names the npm package and Node.js, as the command `npx agent-browser` would;
    `Bash(uvx ruff:*)` the PyPI package and uv; `Bash(npx:*)` alone Node.js. npx is no system program of its own."""
    root = make_skill({"SKILL.md": "---\nname: t-skill\ndescription: x\nallowed-tools: Bash(npx agent-browser:*), "
                                   "Bash(uvx ruff:*), Bash(bunx:*)\n---\nbody\n"})
    deps = by_key(root)
    for key in [("npm", "agent-browser"), ("system", "node"), ("pip", "ruff"), ("system", "uv"), ("system", "bun")]:
        assert deps[key].required, key
    assert ("system", "npx") not in deps and ("system", "uvx") not in deps and ("system", "bunx") not in deps
    # every package runner the vocabulary knows has its runtime in the one table the readers share
    from skvm_lint.analyses.dependencies import _RUNNER_RUNTIMES
    from skvm_lint.vocabulary import ALL_PACKAGE_RUNNERS
    assert set(ALL_PACKAGE_RUNNERS) <= set(_RUNNER_RUNTIMES)


def test_runtime_entries_of_the_skills_own_manifests_are_required(make_skill):
    """requirements.txt's imageio-ffmpeg (a plugin imageio loads: no import shows it) is required, and DP002 still
    says no code uses it; a development tool, a standard module's backport, the hub's CLI, a devDependency or
    peerDependency, and the manifests of a template project are not required."""
    root = make_skill({"SKILL.md": "---\nname: m-skill\ndescription: x\n---\nRun `python3 scripts/gif.py`.\n",
                       "requirements.txt": "imageio>=2\nimageio-ffmpeg\npytest\npathlib\n",
                       "scripts/gif.py": "import imageio\n",
                       "scripts/list.mjs": "import { glob } from 'glob';\n",
                       "package.json": ('{"dependencies": {"undici": "^7", "glob": "^10", "clawdhub": "^0.3"}, '
                                        '"devDependencies": {"tsx": "^4"}, "peerDependencies": {"react": "^19"}}'),
                       "templates/app/package.json": '{"dependencies": {"vite": "^6"}}',
                       "assets/service/requirements.txt": "psutil\n"})
    found = by_key(root)
    assert found[("pip", "imageio-ffmpeg")].required and found[("npm", "undici")].required
    assert found[("npm", "glob")].required  # an npm package, though Python's standard library has a glob
    not_required = [("pip", "pytest"), ("pip", "pathlib"), ("npm", "clawdhub"), ("npm", "tsx"), ("npm", "react"),
                    ("npm", "vite"), ("pip", "psutil")]
    assert not any(found[key].required for key in not_required)
    unused = {d["message"].split("`")[1] for d in findings(root, "DP002")}
    assert "imageio-ffmpeg" in unused and "undici" in unused and "imageio" not in unused, unused


def test_manifest_entries_beside_code_that_loads_no_package_are_not_required(make_skill):
    """A package.json beside JavaScript that imports only Node's own modules, or beside no JavaScript at all (a
    skill of shell scripts), describes code that is not there: its entries are declared, not required, and DP002
    says so. A requirements.txt beside Python that imports only the standard library, likewise."""
    root = make_skill({"SKILL.md": "---\nname: m-skill\ndescription: x\n---\nRun `node scripts/cli.mjs`.\n",
                       "scripts/cli.mjs": "import fs from 'node:fs';\nconst r = await fetch('https://x.test');\n",
                       "scripts/run.py": "import json, sys\n",
                       "requirements.txt": "colorama\n",
                       "package.json": '{"dependencies": {"@solana/web3.js": "^1.98"}}'})
    found = by_key(root)
    assert not found[("npm", "@solana/web3.js")].required and not found[("pip", "colorama")].required
    unused = {d["message"].split("`")[1] for d in findings(root, "DP002")}
    assert unused == {"@solana/web3.js", "colorama"}
    shell_only = make_skill({"SKILL.md": "---\nname: s\ndescription: x\n---\nRun `scripts/linear.sh`.\n",
                             "scripts/linear.sh": "#!/bin/bash\ncurl -s https://api.linear.app/graphql\n",
                             "package.json": '{"dependencies": {"undici": "^7"}}'}, name="shell-only")
    assert not by_key(shell_only)[("npm", "undici")].required


def test_an_import_names_the_declared_distribution_and_tests_are_not_requirements(make_skill):
    """`import unifai` with `unifai-sdk` declared is unifai-sdk (one dependency, used), not a second, undeclared
    `unifai`; two declared names that could fit leave the import as it is. Imports of the skill's tests (tests/,
    test_*.py, conftest.py, *.test.ts) are for its developers: not requirements."""
    root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\nRun `python3 scripts/run.py`.\n",
                       "requirements.txt": "unifai-sdk>=0.3\ntavily-python\npytest\nzorkle-api\nzorkle-sdk\n",
                       "scripts/run.py": "import unifai\nimport tavily\nimport zorkle\nimport httpx\n",
                       "tests/test_run.py": "import pytest\nimport respx\n",
                       "scripts/conftest.py": "import hypothesis\n"})
    found = {d.name: d for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "pip"}
    assert found["unifai-sdk"].required and found["tavily-python"].required and "unifai" not in found
    assert found["zorkle"].required and "import" not in found["zorkle-api"].sources  # ambiguous: not attributed
    assert found["httpx"].required
    assert not found["pytest"].required and not found["respx"].required and not found["hypothesis"].required
    # `pip3 install firecrawl` declares the distribution named as the module, though the table maps the module to
    # firecrawl-py, which provides it too
    named = make_skill({"SKILL.md": "---\nname: s\ndescription: x\n---\n```bash\npip3 install firecrawl\n```\n",
                        "fc.py": "from firecrawl import Firecrawl\n"}, name="named")
    found = {d.name: d for d in dependencies.analyze(skvm_lint.load(named)).found if d.type == "pip"}
    assert set(found) == {"firecrawl"} and found["firecrawl"].required
    # a JS/TS test beside the script it tests (`check.test.ts`) is the developers' too: no node from it alone
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Checks. Use when asked.\n---\nRead the rules.\n",
                       "scripts/check.test.ts": "import { check } from './check';\nimport { test } from 'vitest';\n",
                       "scripts/check.ts": "export function check(s: string) { return s.length; }\n"}, name="t")
    assert ("system", "node") not in by_key(root)


def test_another_systems_package_manager_is_that_systems_way(make_skill):
    """`winget install GitHub.cli` (Windows), `sudo yum install jq` (RHEL) and `snap install yq` beside a brew
    line install what the skill needs on one system: winget, yum and snap are no requirement, and a winget
    identifier names no program; what they install still is required."""
    root = make_skill({"SKILL.md": (
        "---\nname: s\ndescription: Sync. Use when asked.\n---\n## Install\n\n- **macOS:** `brew install gh jq`\n"
        "- **Windows:** `winget install GitHub.cli`\n- **RHEL:** `sudo yum install jq`\n- **Ubuntu:** `snap install yq`\n"
        "\n```bash\ngh repo list\njq . a.json\nyq . a.yaml\n```\n")})
    found = {d.name: d.required for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "system"}
    assert found == {"gh": True, "jq": True, "yq": True, "winget": False, "yum": False, "snap": False}
    assert not warnings(root, "DP001")


def test_package_json_engines_declare_the_runtime(make_skill):
    """`"engines": {"node": ">=18"}` is the runtime npm checks before it installs the package: node is declared, with
    its version, and DP001 says at info that a client does not read it there; without engines, or with a
    template's, the bundled CLI's Node.js is undeclared."""
    files = {"SKILL.md": "---\nname: s\ndescription: Query. Use when asked.\n---\nRun `hevy status`.\n",
             "src/cli.ts": "import { Command } from 'commander';\nnew Command().parse();\n"}
    engines = make_skill({**files, "package.json": '{"dependencies": {"commander": "^12"}, "engines": {"node": ">=18"}}'},
                         name="engines")
    assert not warnings(engines, "DP001")
    assert [d["message"] for d in findings(engines, "DP001")] == [
        ("system dependency `node` is declared only in package.json's `engines`, not where a client installing the "
         "skill reads it")]
    node = next(d for d in dependencies.analyze(skvm_lint.load(engines)).found if d.name == "node")
    assert node.declared and node.version == ">=18"
    bare = make_skill({**files, "package.json": '{"dependencies": {"commander": "^12"}}'}, name="bare")
    assert [d["message"] for d in warnings(bare, "DP001")] == ["system dependency `node` is used but declared nowhere"]
    # a template's package.json is the user's app's: its engines declare nothing for the skill
    template = make_skill({**files, "package.json": '{"dependencies": {"commander": "^12"}}',
                           "templates/package.json": '{"engines": {"node": ">=18"}}'}, name="template")
    assert [d["message"] for d in warnings(template, "DP001")] == [
        "system dependency `node` is used but declared nowhere"]


def test_the_configuration_of_a_test_or_lint_tool_is_for_developers(make_skill):
    """`eslint.config.mjs`, `vitest.config.ts` and `.eslintrc.cjs` configure the tools the skill's developers run:
    their imports are no requirements and they ask for no Node.js; `playwright.config.ts` is not a developer's
    tool's, and a bundled script's imports stay requirements."""
    def found(files: dict[str, str]) -> dict[tuple[str, str], bool]:
        root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\nLists recipes.\n", **files},
                          name=f"case-{len(files)}")
        return {(d.type, d.name): d.required for d in dependencies.analyze(skvm_lint.load(root)).found}
    assert found({"eslint.config.mjs": "import js from '@eslint/js';\nexport default [js.configs.recommended];\n",
                  "vitest.config.ts": "import { defineConfig } from 'vitest/config';\nexport default defineConfig({});\n",
                  ".eslintrc.cjs": "require('eslint-plugin-react');\nmodule.exports = {};\n"}) == {
        ("npm", "@eslint/js"): False, ("npm", "vitest"): False, ("npm", "eslint-plugin-react"): False}
    assert found({"playwright.config.ts": "import { defineConfig } from '@playwright/test';\nexport default 1;\n",
                  "scripts/run.mjs": "import chalk from 'chalk';\nconsole.log(chalk.red('x'));\n"}) == {
        ("npm", "@playwright/test"): True, ("npm", "chalk"): True, ("system", "node"): True}


def test_a_sub_skill_has_what_its_bundle_declares(tmp_path):
    """A skill bundled in another (`bundle/skills/sub`) is installed with it: the bundle's requires.bins, the
    requirements at its root and the modules there are the sub-skill's, and its findings point at the bundle."""
    from .conftest import write_skill

    bundle = write_skill(tmp_path / "bundle", {
        "SKILL.md": ("---\nname: bundle\ndescription: x\nmetadata: {\"openclaw\": {\"requires\": "
                     "{\"bins\": [\"stagehand\"]}}}\n---\nRoutes to the sub-skills.\n"),
        "requirements.txt": "python-dotenv>=1.0\n",
        "src/__init__.py": "",
        "src/markets.py": "X = 1\n",
    })
    sub = write_skill(bundle / "skills" / "sub", {
        "SKILL.md": "---\nname: sub\ndescription: x\n---\n```bash\nstagehand fn dev\ngh repo view\n```\n",
        "scripts/run.py": "from dotenv import load_dotenv\nfrom src.markets import X\n",
    })
    found = by_key(sub)
    assert found[("system", "stagehand")].declared
    assert "../../SKILL.md" in {span.file for span in found[("system", "stagehand")].evidence}
    assert found[("pip", "python-dotenv")].declared
    assert ("pip", "src") not in found
    undeclared = {d["message"].split("`")[1] for d in findings(sub, "DP001")}
    assert undeclared == {"gh"}  # what the bundle does not declare is still reported


def test_a_skill_three_levels_below_another_is_not_bundled(tmp_path):
    from .conftest import write_skill

    write_skill(tmp_path / "top", {"SKILL.md": ("---\nname: top\ndescription: x\nmetadata: {\"openclaw\": "
                                                "{\"requires\": {\"bins\": [\"stagehand\"]}}}\n---\nx\n")})
    far = write_skill(tmp_path / "top" / "a" / "b" / "far", {
        "SKILL.md": "---\nname: far\ndescription: x\n---\n```bash\nstagehand fn dev\n```\n"})
    assert not by_key(far)[("system", "stagehand")].declared


@pytest.mark.parametrize("fallback", [
    "If xcsym is NOT present (older install): fall back to parsing the report by hand.",
    "Check the report first. If `xcsym` isn't installed, read the JSON manually instead.",
    "如果没有 xcsym，改用手动解析报告。",
    "xcsym がない場合は、代わりに手動でレポートを読みます。",
    "3. If `xcsym` is not installed → use the \"manual\" method below.",
    "- If `xcsym` is not installed → the symbol step is silently skipped.",
    "如果没有 xcsym，跳过符号化这一步。",
    "xcsym がない場合は、この手順をスキップします。",
])
def test_a_program_the_skill_does_without_is_optional(make_skill, fallback):
    root = make_skill({"SKILL.md": ("---\nname: case-skill\ndescription: x\n---\nRun `xcsym crash report.ips`.\n\n"
                                    f"```bash\nxcsym verify report.ips\n```\n\n{fallback}\n")})
    assert "xcsym" not in by_type(root).get("system", set())
    assert by_key(root)[("system", "xcsym")].required is False


def test_a_dotted_name_does_not_end_the_fallback_sentence(make_skill):
    """"Node.js" is one word of the sentence, not its end."""
    root = make_skill({"SKILL.md": ("---\nname: case-skill\ndescription: x\n---\n```bash\nnode report.js\n```\n\n"
                                    "If Node.js isn't installed, read the JSON manually instead.\n")})
    assert by_key(root)[("system", "node")].required is False


def test_a_program_the_skill_installs_when_missing_stays_required(make_skill):
    root = make_skill({"SKILL.md": ("---\nname: case-skill\ndescription: x\n---\n```bash\nxcsym verify r.ips\n```\n\n"
                                    "If xcsym is not installed, install it with the installer, then run it. "
                                    "If xcsym is available, use it instead of reading the JSON.\n")})
    assert "xcsym" in by_type(root)["system"]
    # "use the following command" is the way to install it, not a way without it
    following = make_skill({"SKILL.md": ("---\nname: case-skill\ndescription: x\n---\n```bash\nxcsym verify r.ips\n"
                                         "```\n\nIf xcsym is not installed, use the following command:\n\n```bash\n"
                                         "brew install xcsym\n```\n")})
    assert by_key(following)[("system", "xcsym")].required


def test_a_pipe_that_means_or_in_a_synopsis_runs_no_program(make_skill):
    """`agent-browser check @e5 | uncheck @e5` lists two verbs of one CLI; `agent-browser cookies | jq` and `jq
    '.a = 1' c.json | sponge c.json` are pipelines."""
    root = make_skill({"SKILL.md": ("---\nname: s\ndescription: x\n---\n```bash\nagent-browser check @e5 | "
                                    "uncheck @e5\nagent-browser cookies | jq '.[0]'\n"
                                    "jq '.a = 1' c.json | sponge c.json\n```\n")})
    system = {d.name for d in dependencies.analyze(skvm_lint.load(root)).found if d.type == "system"}
    assert "uncheck" not in system and {"agent-browser", "jq", "sponge"} <= system


@pytest.mark.parametrize("heading", ["## Integration with Other Tools\n\n### Ollama", "## Third-Party Integrations",
                                     "## 与其他工具集成\n\n### Ollama"])
def test_a_tool_under_integrations_with_other_tools_is_optional(make_skill, heading):
    root = make_skill({"SKILL.md": ("---\nname: g\ndescription: x\n---\n## Quantize\n\n```bash\n"
                                    "llama-quantize model.gguf out.gguf Q4_K_M\n```\n\n"
                                    f"{heading}\n\n```bash\nollama create mymodel -f Modelfile\n```\n")})
    required = by_type(root)["system"]
    assert "llama-quantize" in required and "ollama" not in required


def test_a_bundle_is_read_as_hostile_input(tmp_path):
    """A bundle whose SKILL.md is a symlink out of the tree, whose requirements.txt is a FIFO and whose frontmatter
    is a YAML alias bomb gives its sub-skill nothing and costs no hang or crash."""
    import os

    from .conftest import write_skill

    bundle = tmp_path / "bundle"
    sub = write_skill(bundle / "skills" / "sub", {
        "SKILL.md": "---\nname: sub\ndescription: x\n---\n```bash\nstagehand fn dev\n```\n"})
    os.symlink("/etc/hostname", bundle / "SKILL.md")
    os.mkfifo(bundle / "requirements.txt")
    assert not by_key(sub)[("system", "stagehand")].declared
    (bundle / "SKILL.md").unlink()
    bomb = "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [*{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}, *{chr(97 + i)}]\n"
        for i in range(9))
    (bundle / "SKILL.md").write_text(f"---\n{bomb}---\nx\n", encoding="utf-8")
    assert not by_key(sub)[("system", "stagehand")].declared


def _runs_a_script(make_skill, path: str, code: str, description: str, name: str = "s"):
    """A skill whose SKILL.md runs one bundled Python script (`python3 PATH`)."""
    return make_skill({"SKILL.md": f"---\nname: {name}\ndescription: {description}. Use when asked.\n---\nRun "
                                   f"`python3 {path}`.\n", path: code}, name=name)


def test_a_script_that_pip_installs_a_list_declares_its_packages(make_skill):
    """`subprocess.check_call([sys.executable, "-m", "pip", "install", "-q"] + REQUIRED_PACKAGES)` with the list
    bound at the module's top level installs those packages: they are declared there (DP004 says the install happens
    at run time). A list the caller passes is not read."""
    setup = ("import subprocess, sys\nREQUIRED_PACKAGES = [\"google-auth-oauthlib\", \"httpx\"]\n\n"
             "def install_deps():\n    subprocess.check_call([sys.executable, \"-m\", \"pip\", \"install\", \"-q\"]"
             " + REQUIRED_PACKAGES)\n\ntry:\n    import google_auth_oauthlib\n    import httpx\nexcept ImportError:\n"
             "    install_deps()\n")
    found = by_key(_runs_a_script(make_skill, "scripts/setup.py", setup, "Calendar"))
    assert found[("pip", "google-auth-oauthlib")].declared and found[("pip", "httpx")].declared
    passed = setup.replace("+ REQUIRED_PACKAGES)", "+ packages)") \
        .replace("def install_deps():", "def install_deps(packages):")
    assert not by_key(_runs_a_script(make_skill, "scripts/setup.py", passed, "Calendar", name="t"))[
        ("pip", "httpx")].declared


def test_the_literal_words_of_a_python_argv_are_read(make_skill):
    """`subprocess.run(["python3", "-m", "pytest", ...])` runs pytest; a check in a `try` whose handler says the
    program is missing and leaves (`return False`, `sys.exit`) checks a requirement, as shell's `if ! potrace
    --version; then ...; exit 1; fi` does; a probe whose handler goes on quietly is optional."""
    script = ("import subprocess\n\ndef tests():\n    subprocess.run([\"python3\", \"-m\", \"pytest\", \"-q\"])\n\n"
              "def trace():\n    try:\n        subprocess.run([\"potrace\", \"--version\"], check=True)\n"
              "    except FileNotFoundError:\n        print(\"potrace is not installed\")\n        return False\n"
              "    subprocess.run([\"potrace\", \"a.bmp\"])\n\n"
              "def copy():\n    try:\n        subprocess.run([\"which\", \"xclip\"], check=True)\n"
              "    except subprocess.CalledProcessError:\n        print(\"xclip not found. Install with apt\")\n"
              "        return False\n    subprocess.run(\"xclip -selection clipboard\", shell=True)\n\n"
              "def probe():\n    try:\n        subprocess.run([\"docker\", \"--version\"])\n"
              "    except FileNotFoundError:\n        pass\n\n"
              "def tap(x):\n    cmd = [\"idb\", \"ui\", \"tap\", str(x)]\n    subprocess.run(cmd, check=True)\n\n"
              "def words(x):\n    cmd = [\"hello\", \"world\"]\n    print(cmd)\n")
    found = by_key(_runs_a_script(make_skill, "scripts/a.py", script, "Trace"))
    assert found[("pip", "pytest")].required
    assert found[("system", "potrace")].required and found[("system", "xclip")].required
    assert not found[("system", "docker")].required
    # a list bound to the name a subprocess call of the same function runs; not any list of two words
    assert found[("system", "idb")].required and ("system", "hello") not in found


def test_the_packages_a_skill_bundles_are_its_own_code(make_skill):
    """A workspace's `packages/client` imports `aap-agent-core`, which `packages/core/package.json` names: the
    skill's own package, as is the skill's own root package imported in its docs."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Attest. Use when asked.\n---\n```js\nimport { pay } from "
                    "'s-pay/lib/client.js';\n```\n",
        "package.json": '{"name": "s-pay", "dependencies": {"ws": "^8"}}',
        "packages/core/package.json": '{"name": "aap-agent-core", "dependencies": {"ws": "^8"}}',
        "packages/client/package.json": '{"name": "aap-client", "dependencies": {"aap-agent-core": "^2"}}',
        "packages/client/index.js": "import { Identity } from 'aap-agent-core';\nimport { v4 } from 'uuid';\n"})
    found = by_key(root)
    assert ("npm", "aap-agent-core") not in found and ("npm", "s-pay") not in found
    assert found[("npm", "uuid")].required


def test_variables_the_skills_own_tests_read_are_its_developers(make_skill):
    """`test/llm-batch-test.mjs` reading OPENROUTER_API_KEY: the skill's test suite, which its developers run and
    set up; the same read in a script the skill runs is a requirement."""
    read = "const key = process.env.OPENROUTER_API_KEY;\nif (!key) process.exit(1);\n"
    root = make_skill({"SKILL.md": "---\nname: s\ndescription: Attest. Use when asked.\n---\nRun `node run.mjs`.\n",
                       "test/batch-test.mjs": read, "tests/unit.mjs": read.replace("OPENROUTER", "UNIT"),
                       "scripts/run.mjs": read.replace("OPENROUTER", "SERVICE")})
    found = by_key(root)
    assert ("env", "OPENROUTER_API_KEY") not in found and ("env", "UNIT_API_KEY") not in found
    assert found[("env", "SERVICE_API_KEY")].required


def test_a_skills_scripts_run_under_its_name_are_its_own_commands(make_skill):
    """Skill r2 runs scripts/upload.sh as `r2-upload` and scripts/list.sh as `r2-ls`: its own command family once
    one of them matches a script; a prefixed command with no such match stays a program to declare."""
    head = "---\nname: {0}\ndescription: Store. Use when asked.\n---\n```bash\n"
    root = make_skill({"SKILL.md": head.format("r2") + "r2-upload a.txt\nr2-ls\n```\n",
                       "scripts/upload.sh": "#!/bin/sh\nrclone copy \"$1\" r2:\n",
                       "scripts/list.sh": "#!/bin/sh\nrclone ls r2:\n"}, name="r2")
    found = by_key(root)
    assert ("system", "r2-upload") not in found and ("system", "r2-ls") not in found
    other = make_skill({"SKILL.md": head.format("kv") + "kv-tool get a\n```\n",
                        "scripts/store.sh": "#!/bin/sh\necho\n"}, name="kv")
    assert by_key(other)[("system", "kv-tool")].required


def test_a_js_call_whose_catch_goes_on_quietly_runs_an_optional_program(make_skill):
    """`try { execSync("gh pr list ...") } catch { return null; }` degrades without gh, as Python's `except
    FileNotFoundError: return []` does; so does an empty `catch (e) {}`. A catch that reports the failure and
    exits, or a call outside any try, needs the program."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Report. Use when asked.\n---\nRun `node scripts/report.mjs`.\n",
        "scripts/report.mjs": ("import { execSync } from 'node:child_process';\n"
                               "function prs() {\n  try {\n"
                               "    return execSync('gh pr list --json number').toString();\n"
                               "  } catch {\n    return null;\n  }\n}\n"
                               "function net() {\n  try {\n    execSync('tailscale status --json');\n"
                               "  } catch (e) {}\n}\n"
                               "function video() {\n  try {\n    execSync('ffmpeg -version');\n  } catch (e) {\n"
                               "    console.error('ffmpeg missing');\n    process.exit(1);\n  }\n}\n"
                               "execSync('jq -r .name package.json');\n"),
    })
    deps = by_key(root)
    assert not deps[("system", "gh")].required and not deps[("system", "tailscale")].required
    assert deps[("system", "ffmpeg")].required and deps[("system", "jq")].required


def test_an_exec_method_of_a_database_or_a_pattern_runs_no_program(make_skill):
    """`this.db.exec('SELECT COUNT(*) as count FROM memories')` (sql.js) and `pattern.exec(text)` run no program in
    code that never loads child_process, nor does a class's own `this.exec(['click', ref])` where it does; `cp.spawn('ffmpeg', ...)` where it does, and a bare `execSync`, still do."""
    root = make_skill({
        "SKILL.md": "---\nname: s\ndescription: Stores. Use when asked.\n---\nRun `node scripts/run.mjs`.\n",
        "scripts/store.mjs": ("import initSqlJs from 'sql.js';\nexport class Store {\n  stats() {\n"
                              "    return this.db.exec('SELECT COUNT(*) as count FROM memories');\n  }\n}\n"
                              "const m = /id=(\\d+)/.exec('id=4');\n"),
        "scripts/run.mjs": ("import * as cp from 'node:child_process';\ncp.spawn('ffmpeg', ['-version']);\n"
                            "execSync('yq --version');\nclass Browser {\n  exec(args) {\n"
                            "    return cp.execSync(['agent-browser', ...args].join(' '));\n  }\n"
                            "  click(ref) {\n    return this.exec(['click', ref]);\n  }\n}\n"),
    })
    system = {name for (kind, name) in by_key(root) if kind == "system"}
    assert {"ffmpeg", "yq"} <= system and not system & {"as", "select", "click"}


def test_a_skill_named_after_a_well_known_cli_still_needs_it(make_skill):
    """Skill `gcloud` runs Google's gcloud, and skill `matlab` MATLAB: a name that a well-known program has is that
    program, unless the skill bundles a file of that name. Its `## Installation` > `### gcloud CLI (one-time setup)`,
    which runs a downloaded SDK's install.sh, declares it (and gsutil, which comes with it)."""
    head = "---\nname: {0}\ndescription: Cloud. Use when asked.\n---\n"
    setup = ("## Installation\n\n### gcloud CLI (one-time setup)\n\n```bash\n"
             "curl -O https://dl.google.com/dl/cloudsdk/google-cloud-cli-linux-x86_64.tar.gz\n"
             "tar -xzf google-cloud-cli-linux-x86_64.tar.gz\n./google-cloud-sdk/install.sh --quiet\n```\n\n")
    use = "## Use\n\n```bash\ngcloud auth login\ngsutil ls\n```\n"
    installed = make_skill({"SKILL.md": head.format("gcloud") + setup + use}, name="gcloud")
    assert by_key(installed)[("system", "gcloud")].declared and findings(installed, "DP001") == []
    bare = make_skill({"SKILL.md": head.format("gcloud") + use}, name="gcloud")
    assert [d["message"] for d in findings(bare, "DP001")] == [
        "system dependency `gcloud` is used but declared nowhere"]
    own = make_skill({"SKILL.md": head.format("gcloud") + use, "gcloud": "#!/bin/sh\necho wrapped\n"}, name="gcloud")
    assert ("system", "gcloud") not in by_key(own)


def test_what_macos_ships_is_present_for_a_skill_on_macos_alone(make_skill):
    """`"os": ["darwin"]`: sqlite3 and the CUPS commands come with macOS, so using them asks nothing, though a
    declared one stays declared; the same skill for every system needs them (a slim Debian image lacks them)."""
    body = "```bash\nsqlite3 \"$DB\" 'SELECT 1'\nlpstat -p\nlp -d printer file.pdf\n```\n"
    head = "---\nname: {0}\ndescription: Prints. Use when asked.\nmetadata: {{\"clawdbot\": {{{1}}}}}\n---\n"
    mac = make_skill({"SKILL.md": head.format("s", '"os": ["darwin"], "requires": {"bins": ["lp"]}') + body}, name="s")
    found = by_key(mac)
    assert ("system", "sqlite3") not in found and ("system", "lpstat") not in found and found[("system", "lp")].declared
    assert findings(mac, "DP001") == []
    anywhere = make_skill({"SKILL.md": head.format("t", '"requires": {"bins": ["lp"]}') + body}, name="t")
    assert {name for kind, name in by_key(anywhere) if kind == "system"} >= {"sqlite3", "lpstat"}


def test_a_slash_command_ported_under_a_category_runs_as_its_own_name(make_skill):
    """Skill code-refactoring-context-restore's usage examples run `context-restore project:x --mode full`: the
    command it was ported from, no program; a one-word tail (kubectl of kubernetes-kubectl) is still a program."""
    head = "---\nname: {0}\ndescription: Restore. Use when asked.\n---\n```bash\n"
    name = "code-refactoring-context-restore"
    root = make_skill({"SKILL.md": head.format(name) + "context-restore project:web --mode full\n```\n"}, name=name)
    assert ("system", "context-restore") not in by_key(root)
    other = make_skill({"SKILL.md": head.format("kubernetes-kubectl") + "kubectl get pods\n```\n"},
                       name="kubernetes-kubectl")
    assert by_key(other)[("system", "kubectl")].required


def test_install_lines_in_a_references_prose_and_tables_declare(make_skill):
    """"- `jq` — `sudo apt install jq`" in a reference, an "Optional Dependencies" table's `pip install flax`, a
    template's `npm install prisma zod`: each declares its package (DP001 no longer asks for jq) and makes none
    required."""
    root = make_skill({
        "SKILL.md": "---\nname: case-skill\ndescription: x\n---\nSee `references/setup.md`.\n\n```bash\n"
                    "curl -s https://api.example.com/x | jq .\n```\n",
        "references/setup.md": ("# Setup\n\n- `jq` — `sudo apt install jq`\n\n## Optional Dependencies\n\n"
                                "| Package | Install |\n| --- | --- |\n| flax | `pip install flax` |\n\n"
                                "Key packages: `npm install prisma zod`\n"),
    })
    found = {(d.type, d.name): d for d in dependencies.analyze(skvm_lint.load(root)).found}
    assert found[("system", "jq")].declared and found[("system", "jq")].required
    for key in (("pip", "flax"), ("npm", "prisma"), ("npm", "zod")):
        assert found[key].declared and not found[key].required, key
    assert not [d for d in warnings(root, "DP001") if "jq" in d["message"]]
