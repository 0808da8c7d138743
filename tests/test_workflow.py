"""Workflow extraction: steps with spans and I/O, conservative dependencies, groups, and the output formats."""

from __future__ import annotations

from click.testing import CliRunner

import skvm_lint
from skvm_lint.analyses import workflow
from skvm_lint.cli import main
from skvm_lint.config import Config
from skvm_lint.views.workflow import mermaid

# WF003, which reads "for each" from words alone, is opt-in: selecting the family by prefix runs it too
EVERY_WF_RULE = Config(select=("WF",))


def extract(skill):
    facts = workflow.analyze(skill)
    return list(facts.steps), list(facts.groups)


HEAD = "---\nname: case-skill\ndescription: x\n---\n"


def test_data_flow_makes_a_dependency(make_skill):
    text = HEAD + ("## Workflow\n1. Export the issues\n   ```bash\n   tool export > issues.json\n   ```\n"
                   "2. Count them\n   ```bash\n   jq length issues.json\n   ```\n"
                   "3. List the teams\n   ```bash\n   tool teams list\n   ```\n")
    steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert [(s.id, s.depends_on) for s in steps] == [("s1", []), ("s2", ["s1"]), ("s3", ["s2"])]
    assert steps[0].writes == {"issues.json"} and "issues.json" in steps[1].reads
    assert steps[0].span.line == 6
    assert groups == []  # s2 and s3 are not both provably independent read-only single commands


def test_a_command_continued_on_lines_below_is_read_whole(make_skill):
    """`curl URL \\` then `-d '{...}'` posts: the continuation lines count, and `api` of a host name is no read
    verb. Two such steps (price a job, submit it) are not independent read-only queries."""
    call = "   ```bash\n   curl https://api.example.com/v1/{0} \\\n     -H 'Content-Type: application/json' \\\n" \
           "     -d '{{\"model\": \"m\"}}'\n   ```\n"
    text = HEAD + "## Lifecycle\n1. Price the job\n" + call.format("quote") + "2. Submit it\n" + call.format("queue")
    steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert steps[0].commands[0].endswith("""-d '{"model": "m"}'""")
    assert groups == []
    assert not workflow.read_only_command("curl https://api.example.com/v1/queue")  # the host's `api` is no verb
    assert workflow.read_only_command("gh api repos/o/r/pulls")


def test_chinese_and_concurrent_items_are_dlp(make_skill):
    text = HEAD + "## 步骤\n1. 读取列表\n2. 并行处理每个文件\n"
    _steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert [g.type for g in groups] == ["dlp"]


def test_subagents_are_tlp(make_skill):
    text = HEAD + ("## Workflow\n1. Split the research into independent questions\n"
                   "2. Spawn a sub-agent for each question; they run concurrently\n3. Merge the answers\n")
    _steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert "tlp" in {g.type for g in groups}


def test_a_count_of_other_things_says_no_sub_agents_are_several(make_skill):
    """"USE SUBAGENTS — even for 2-3 slides" counts slides, not agents; "spawn 3 subagents" counts agents, and the
    group stands at that hand-off, not at an earlier mention of one sub-agent."""
    one = HEAD + "## Review\n\nA sub-agent may help.\n\n## QA\n\n**USE SUBAGENTS** — even for 2-3 slides.\n"
    assert "tlp" not in {g.type for g in extract(skvm_lint.load(make_skill({"SKILL.md": one})))[1]}
    several = HEAD + ("## Draft\n\n1. The agent (or a delegated sub-agent) drafts.\n\n## Review\n\n"
                      "1. Spawn 3 subagents, one per reviewer.\n")
    tlp = [g for g in extract(skvm_lint.load(make_skill({"SKILL.md": several})))[1] if g.type == "tlp"]
    assert len(tlp) == 1 and tlp[0].span.line == 11


def test_a_best_practices_list_is_no_workflow(make_skill):
    """A numbered list under "## Best Practices" holds advice, not the steps of the skill's workflow: its "Test each
    layer - isolated tests for each concern" is no loop over items."""
    text = HEAD + "## Best Practices\n\n" + "".join(
        f"{n}. **{t}** - {why}\n" for n, (t, why) in enumerate([("Keep it simple", "the simplest solution"),
                                                               ("Test each layer", "isolated tests for each concern"),
                                                               ("Delete first", "remove dead code")], 1))
    steps, groups = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
    assert steps == [] and groups == []


def test_formats():
    runner = CliRunner()
    root = "corpus/examples/weather-report"
    assert "steps" in runner.invoke(main, ["workflow", root, "--format", "json"]).output
    diagram = runner.invoke(main, ["workflow", root, "--format", "mermaid"]).output
    assert diagram.startswith("flowchart TD") and "s1 --> s2" in diagram
    assert mermaid(*extract(skvm_lint.load(root))) == diagram
    assert "3 steps" in runner.invoke(main, ["workflow", root]).output


def _groups(make_skill, files, name="case-skill"):
    return extract(skvm_lint.load(make_skill(files, name)))[1]


def test_one_operation_run_on_several_items_is_dlp(make_skill):
    text = HEAD + ("## Multiple timers\n```bash\nnode timer.js 5m 'Tea is ready'\nnode timer.js 10m 'Eggs'\n"
                   "node timer.js 30m 'Meeting'\n```\n")
    groups = _groups(make_skill, {"SKILL.md": text})
    assert [g.type for g in groups] == ["dlp"] and "node timer.js" in groups[0].reason


def test_commented_variants_of_one_command_are_not_parallel(make_skill):
    # a gallery of examples, each with its own comment: alternatives, not a batch
    variants = HEAD + ("## Multiple sequence alignment\n```bash\n# Align from a file\ngget muscle seqs.fasta -o a.afa\n"
                       "# Large dataset\ngget muscle big.fasta -o b.afa\n```\n")
    assert _groups(make_skill, {"SKILL.md": variants}) == []
    same_item = HEAD + "## Batch\n```bash\nrss mark-read --all\nrss mark-read --all --feed 3\n```\n"
    assert _groups(make_skill, {"SKILL.md": same_item}) == []
    # a subcommand's uses with no item (`tab` lists the tabs) beside one with an item: one item, no batch
    menu = HEAD + ("## Handle multiple pages via tabs\n```bash\nbrowse tab                  # list open tabs\n"
                   "browse tab new https://x.io  # open a tab\nbrowse tab 2                # switch to tab 2\n"
                   "browse tab close 2          # close it\n```\n")
    assert _groups(make_skill, {"SKILL.md": menu}) == []


def test_read_only_sublist_in_a_reference_is_ilp(make_skill):
    files = {"SKILL.md": HEAD + "Follow `references/review.md`.\n",
             "references/review.md": ("# Review\n\n- Always check both:\n  - `gh pr view <id> --comments`\n"
                                      "  - `gh api /repos/o/r/pulls/<id>/comments --paginate`\n")}
    assert [g.type for g in _groups(make_skill, files, "with-reference")] == ["ilp"]
    either = {"SKILL.md": HEAD + "- Use either:\n  - `gh pr view 1`\n  - `gh pr list`\n"}
    assert _groups(make_skill, either) == []
    writes = {"SKILL.md": HEAD + "- Then:\n  - `gh pr view 1`\n  - `gh pr merge 1`\n"}
    assert _groups(make_skill, writes) == []


def test_sections_of_a_command_reference_are_no_steps_to_batch(make_skill):
    """`### List threads` and `### Show a thread`, each over one read-only command, serve different needs; the same
    commands under `### Step 1:` and `### Step 2:` are one task's independent steps."""
    def kinds(titles: tuple[str, str]) -> list[str]:
        text = HEAD + "".join(f"### {title}\n```bash\nbeeper {verb}\n```\n"
                              for title, verb in zip(titles, ("threads list", "messages list")))
        return [g.type for g in _groups(make_skill, {"SKILL.md": text}, titles[0].split()[0].lower())]

    assert kinds(("List threads", "List messages")) == []
    assert kinds(("Step 1: List threads", "Step 2: List messages")) == ["ilp"]


def test_read_only_queries_about_one_placeholder_are_ilp(make_skill):
    text = HEAD + ("## Quick start\n```bash\nccsinfo sessions list\n```\n```bash\nccsinfo sessions show <session-id>\n"
                   "```\n```bash\nccsinfo sessions messages <session-id>\n```\n")
    groups = _groups(make_skill, {"SKILL.md": text})
    assert [g.type for g in groups] == ["ilp"] and "<session-id>" in groups[0].reason
    mutations = HEAD + "```bash\ntodo show <task-id>\ntodo complete <task-id>\ntodo reopen <task-id>\n```\n"
    assert _groups(make_skill, {"SKILL.md": mutations}) == []
    polling = HEAD + "```bash\ncurl https://x.io/jobs/JOB_ID\ncurl https://x.io/jobs/JOB_ID/result\n```\n"
    assert _groups(make_skill, {"SKILL.md": polling}) == []
    copies = HEAD + ("```bash\nstore secret get <store-id>\nstore secret duplicate <store-id> --new-name B\n```\n")
    assert _groups(make_skill, {"SKILL.md": copies}) == []  # `duplicate` creates a secret: no read-only pair
    # `call` acts through the tool it names, `watch` streams until stopped and `poll` waits for the end: none is a
    # query to batch
    for verb in ("call", "watch", "poll"):
        acting = HEAD + f"```bash\nmcp info <tool-name>\nmcp {verb} <tool-name> --args x\n```\n"
        assert _groups(make_skill, {"SKILL.md": acting}) == []
    # beside commands that change the same subject: a reference of its operations
    crud = HEAD + ("```bash\nneonctl branches list --project-id <project-id>\nneonctl branches create --project-id "
                   "<project-id> --name dev\nneonctl branches schema-diff --project-id <project-id>\n```\n")
    assert _groups(make_skill, {"SKILL.md": crud}) == []
    # one heading per command: a command reference's entries, each for another need
    reference = HEAD + "".join(f"## {title}\n\n```bash\nconfluence {verb} <page-id>\n```\n\n"
                               for title, verb in (("Read Page", "read"), ("Get Page Info", "info")))
    assert _groups(make_skill, {"SKILL.md": reference}) == []


def test_a_block_of_read_only_checks_is_ilp_but_not_one_that_writes_assigns_or_repeats(make_skill):
    def kinds(block: str) -> list[str]:
        text = HEAD + f"## Inspect the environment\n```bash\n{block}```\n"
        return [g.type for g in _groups(make_skill, {"SKILL.md": text})]

    checks = ("# tools\ndocker --version 2>/dev/null || echo none\ndocker info | grep -E 'Server Version'\n"
              "# project\nfind . -name 'Dockerfile*' -type f | head -10\nkubectl get pods -n web\n")
    assert kinds(checks) == ["ilp"]
    assert kinds(checks + "find . -name '*.tmp' -delete\n") == []  # an option that writes
    assert kinds(checks + "docker ps > containers.txt\n") == []  # a file written
    assert kinds("VERSION=$(docker --version)\n" + checks) == []  # a result kept for later
    assert kinds(checks + "docker rm -f web\n") == []  # a command that changes things
    assert kinds("ls src\nls tests\nls docs\n") == []  # one program: the same operation on items, not ILP
    assert kinds("docker --version || podman --version\nls\n") == []  # a fallback is part of its line: two lines
    scans = "npx @axe-core/cli https://example.com\nnpx pa11y@6 https://example.com\nlighthouse https://example.com\n"
    assert kinds(scans) == ["ilp"]  # scanners that read one site and report, run directly or through npx
    assert kinds(scans + "semgrep --config auto --autofix --fix .\n") == []  # a fix writes
    lint = ("# SC2009: Consider using pgrep instead of grep|grep\nps aux | grep -v grep | grep app\n"
            "# SC2016: Better: double quotes\necho '$VAR'\ndocker info\n")
    assert kinds(lint) == []  # a linter's examples of code to fix


def test_get_is_read_only_as_a_word_not_inside_one():
    assert workflow.read_only_command("curl -X GET https://x.io/items")
    assert not workflow.read_only_command("nmap --script=vuln TARGET")  # not the method: a scan
    assert workflow.read_only_command("lms ps --json") and workflow.read_only_command("docker images")


def test_a_loop_is_read_in_code_not_in_its_comments(make_skill):
    def loops(code: str) -> list[bool]:
        text = HEAD + f"## Steps\n### 1. Load\nRead it.\n### 2. Convert\n```python\n{code}```\n"
        steps, _ = extract(skvm_lint.load(make_skill({"SKILL.md": text})))
        return [s.loops for s in steps]

    assert loops("# Convert to a DataFrame for analysis\nframe = bag.to_dataframe()\n") == [False, False]
    assert loops("for row in rows:\n    convert(row)\n") == [False, True]


def test_work_serial_on_purpose_accepting_exporting_and_reference_pointers_are_not_parallel(make_skill):
    def kinds(body: str) -> list[str]:
        return [g.type for g in _groups(make_skill, {"SKILL.md": HEAD + body})]

    steps = "## Steps\n### 1. Capture\nTake the screenshots.\n### 2. Review\n{}\n### 3. Report\nWrite it up.\n"
    assert kinds(steps.format("For each screenshot, check its text.")) == ["dlp"]
    assert kinds(steps.format("For each screenshot, one at a time, check its text.")) == []
    assert kinds(steps.format("For each screenshot, in order: check its text.")) == []
    assert kinds(steps.format("For each screenshot, in order to find typos, check its text.")) == ["dlp"]
    # each item refers to the ones made before it
    assert kinds(steps.format("For each screenshot, file an issue. File them in dependency order (blockers first)."
                              )) == []
    assert kinds(steps.format("对每个截图，检查其文字。")) == ["dlp"]
    assert kinds(steps.format("对每个截图，按依赖顺序提交问题。")) == []
    assert kinds(steps.format("それぞれの課題を依存関係の順に登録する。")) == []
    assert not workflow.read_only_command("vault review accept <approval-id>")
    assert not workflow.read_only_command("tool runs export <run-id>")
    pointers = ("### References\n\nLoad these files for comprehensive information on specific topics:\n\n"
                "- `references/types.md` - the catalog\n- `references/practices.md` - the standards\n")
    assert kinds(pointers) == []


def test_a_skill_about_spawning_agents_is_tlp(make_skill):
    text = ("---\nname: case-skill\ndescription: Spawn and manage sub-agents and track them.\n---\n"
            "Every spawned agent gets tracked in the table.\n")
    assert [g.type for g in _groups(make_skill, {"SKILL.md": text})] == ["tlp"]


def test_sub_agents_named_twice_are_not_yet_several_at_work(make_skill):
    """Delegating to sub-agents to keep the main context small, said twice, hands out no independent sub-tasks;
    a hand-off that counts its sub-agents does."""
    def kinds(body: str) -> list[str]:
        return [g.type for g in _groups(make_skill, {"SKILL.md": HEAD + body})]

    isolation = ("## Overview\n\nAlways delegate to subagents to isolate context consumption.\n\n"
                 "## Reading\n\nLaunch subagents to read the diagrams and return a summary.\n")
    assert kinds(isolation) == []
    assert kinds("## Overview\n\nSpawn three isolated sub-agents with conflicting worldviews to debate it.\n") == ["tlp"]


def test_wording_that_is_already_parallel_or_a_format_is_not_reported(make_skill):
    def wf_rules(body: str) -> list[str]:
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n{body}"})
        return [d.rule for d in skvm_lint.lint([root], EVERY_WF_RULE).diagnostics if d.rule.startswith("WF")]

    assert wf_rules("## Steps\n\n1. Fan out the work to multiple agents working simultaneously, one per repo.\n"
                    "2. Merge their reports.\n") == []  # it says so already
    assert wf_rules("## Steps\n\n1. Collect the logs.\n2. For each hypothesis include:\n   - a probability\n"
                    "3. Write the report.\n") == []  # a format for every item, not an operation over items
    assert wf_rules("## Steps\n\n1. Package it: the archive includes all files of the folder.\n"
                    "2. Upload it.\n") == []


def test_parallel_wording_counts_as_work_only_when_it_says_work(make_skill):
    """A library's feature or a use case that names parallelism ("**Parallel processing** for speed across multiple
    cores", "Processing multiple independent tasks simultaneously") is no parallel work of the skill; an
    instruction ("When a query spans multiple needs, query the databases in parallel") and a statement that the
    work can run at once ("Each investigation is independent and can happen in parallel") are."""
    def kinds(line: str) -> list[str]:
        return [g.type for g in _groups(make_skill, {"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n"
                                                                 f"## Overview\n\n- {line}\n- Fast.\n"})]

    assert kinds("**Parallel processing** for speed across multiple cores") == []
    assert kinds("Processing multiple independent tasks simultaneously") == []
    assert kinds("When a query spans multiple needs, query the databases in parallel.") == ["dlp"]
    assert kinds("Multiple failures: each investigation is independent and can happen in parallel.") == ["dlp"]
    assert kinds("**Use parallel ingestion** for multiple files") == ["dlp"]


def test_a_references_own_parallel_wording_is_read_like_skill_mds(make_skill):
    """A group read from a reference is looked up in that reference's prose: "Why parallel? ... they all read from
    the same source files" says the work runs at once already."""
    text = ("# Splitting\n\n## Write the sections\n\nLaunch one Task per section in a single message.\n\n"
            "**{why}** Each section is independent - they all read from the same source files "
            "(`plan.md`, `index.md`) but write to different output files.\n")

    def wf_rules(why: str) -> list[str]:
        root = make_skill({"SKILL.md": "---\nname: case-skill\ndescription: x\n---\nSplit as split.md says.\n",
                           "references/split.md": text.format(why=why)}, name=f"case-{len(why)}")
        return [d.rule for d in skvm_lint.lint([root], EVERY_WF_RULE).diagnostics if d.rule.startswith("WF")]

    assert wf_rules("Why parallel?") == []
    assert wf_rules("Note:") == ["WF001"]


def test_an_order_a_condition_a_presentation_or_a_title_is_no_loop_over_items(make_skill):
    """"Execute steps strictly in ascending numerical order." then "For each step: ..." is serial on purpose; "if
    multiple documents" is a condition; "For each set of duplicates: Show ..." says how to present them; a heading
    "### Bulk export" names an API. A loop over items in the same shape is still reported."""
    def wf_rules(body: str) -> list[str]:
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n{body}"})
        return [d.rule for d in skvm_lint.lint([root], EVERY_WF_RULE).diagnostics if d.rule.startswith("WF")]

    assert wf_rules("## Steps\n\n1. Load the plan.\n2. Execute steps strictly in ascending numerical order.\n"
                    "3. For each step: execute the action as written.\n") == []
    assert wf_rules("## Steps\n\n1. Load the plan.\n2. Check the inputs.\n"
                    "3. For each step: execute the action as written.\n") == ["WF003"]
    assert wf_rules("## Steps\n\n1. Analyze the brand.\n2. Write the report.\n"
                    "3. Create it in `docs/` if multiple documents.\n") == []
    assert wf_rules("## Steps\n\n1. Hash the files.\n2. Find duplicates.\n3. For each set of duplicates: Show all "
                    "file paths, then ask which to keep.\n") == []
    # the sentence before presents a list: what follows lays out each shown item
    assert wf_rules("## Steps\n\n1. Explore the code.\n2. Show a numbered list of opportunities. For each candidate:"
                    "\n   - **Files** — which files are affected\n   - **Problem** — why it hurts\n3. Ask.\n") == []
    assert wf_rules("## Steps\n\n1. Explore the code.\n2. Find the opportunities. For each candidate:"
                    "\n   - **Files** — which files are affected\n   - **Problem** — why it hurts\n3. Ask.\n") == \
        ["WF003"]
    assert wf_rules("## Export\n\n### Bulk export\n```bash\nsf data export bulk --query q --output-file a.csv\n```\n"
                    "### Bulk import\n```bash\nsf data import bulk --file a.csv\n```\n") == []
    # a model's time series: each month carries the one before; downloads per month are still independent
    assert wf_rules("## Steps\n\n1. Pick the pricing.\n2. Define new customers acquired each month.\n"
                    "3. For each cohort, calculate retained customers x ARPU.\n") == []
    assert wf_rules("## Steps\n\n1. Pick the range.\n2. For each month, download the invoices.\n3. Report.\n") \
        == ["WF003"]
    assert wf_rules("## Steps\n\n1. Start with the latest revenue.\n2. Apply growth rates for each projection year"
                    ".\n3. Show the growth %.\n") == []  # a projection year carries the year before
    # words the agent says to the user: "each" inside a quotation orders no work
    assert wf_rules("## Steps\n\n1. Open the previews.\n2. Tell the user: \"我打开了57张卡片，每个都是真实渲染效果。\"\n"
                    "3. Wait for the choice.\n") == []
    assert wf_rules("## Steps\n\n1. Open the previews.\n2. 每个文件都转换成 PNG。\n3. Report.\n") == ["WF003"]
    # a list a label says a program does ("Each cycle the script:") narrates that program, not the agent's steps
    narrated = ("## How It Works\n\n{label}\n\n1. Polls the feeds.\n2. Matches articles to markets.\n"
                "3. For each match, calls the context endpoint.\n4. Records the trade.\n")
    assert wf_rules(narrated.format(label="Each cycle the script:")) == []
    assert wf_rules(narrated.format(label="脚本会：")) == []
    assert wf_rules(narrated.format(label="Each cycle:")) == ["WF003"]


def test_sub_agents_the_skill_already_runs_in_parallel_are_not_reported(make_skill):
    def wf_rules(description: str, body: str) -> list[str]:
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: {description}\n---\n{body}"})
        return [d.rule for d in skvm_lint.lint([root], EVERY_WF_RULE).diagnostics if d.rule.startswith("WF")]

    handoff = "## Work\n\nDispatch a sub-agent per independent task.\n\nHand each sub-agent its own files.\n"
    assert wf_rules("Splits work over sub-agents.", handoff) == ["WF001"]
    assert wf_rules("Dispatch subagents to work concurrently.", handoff) == []  # the description says so
    assert wf_rules("Splits work over sub-agents.", handoff + "\n## Review\n\nRun 3 reviewer agents in "
                    "parallel.\n") == []  # so does another section
    assert wf_rules("Splits work over sub-agents.", handoff + "\n## Research\n\nRun the research through a "
                    "parallel web fan-out.\n") == []
    # sent to the background, not awaited: "1 item = 1 subagent (background)", 后台子代理
    assert wf_rules("Splits work over sub-agents.", handoff + "\nEach item gets 1 `quick` SUBAGENT (background).\n") \
        == []
    assert wf_rules("Splits work over sub-agents.", handoff + "\n每个条目交给一个后台子代理。\n") == []
    # handed off with a tool that starts each one in the background and returns (OpenClaw's `sessions_spawn`)
    spawned = handoff + "\n```bash\nclawdbot sessions_spawn --task \"Review part A\"\n```\n"
    assert wf_rules("Splits work over sub-agents.", spawned) == []
    assert wf_rules("Investigates.", "## Collect\n\nSpawn up to 5 investigator sub-agents with `delegate_task` "
                    "(batch mode, max 3 concurrent).\n") == []


def test_independent_file_reads_are_ilp_but_pointers_are_not(make_skill):
    def kinds(body: str) -> list[str]:
        skill = skvm_lint.load(make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n{body}"}))
        return [g.type for g in workflow.analyze(skill).groups]

    assert kinds("## Context\n\nLoad all relevant context:\n\n- `spec.md` - requirements\n- `plan.md` - tasks\n") \
        == ["ilp"]
    assert kinds("## Start\n\n1. Read `memory/signals.jsonl` and `memory/index.json`.\n2. Encode.\n") == ["ilp"]
    assert kinds("## More\n\nFor detailed guides, read these files:\n\n- `references/a.md`\n- `references/b.md`\n") \
        == []  # read on demand
    assert kinds("## Help\n\nRead [auth.md](references/auth.md) for credential guidance, "
                 "[flows.md](references/flows.md) for complete recipes, and [cli.md](references/cli.md) for the "
                 "command inventory.\n") == []
    assert kinds("## Start\n\n1. Read `a.json`, then read the file it names in `b.json`.\n") == []  # a data flow
    assert kinds("## Rules\n\nThe CLI automatically loads rules from:\n\n- `AGENTS.md`\n- `CLAUDE.md`\n") \
        == []  # what another program reads by itself
    assert kinds("## Report\n\n1. Give the path so the user can inspect `report.json` and `summary.md`.\n") \
        == []  # what the user reads
    assert kinds("## Start\n\n1. Read `bases/*.base` to find the category (e.g., `Recipes.base`).\n") == []  # one
    assert kinds("## Start\n\n1. 读取 `a.json` 和 `b.json`。\n") == ["ilp"]
    # the agent's reads written one a line in a block, whatever the prose around them is written in
    assert kinds("#### リファレンス読み込み\n\n```\nRead references/a.md\nRead references/b.md\n```\n") == ["ilp"]
    assert kinds("```\nRead references/a.md\nthen edit the file it names\n```\n") == []  # not only reads
    assert kinds("```\nRead references/a.md\nRead references/a.md\n```\n") == []  # one file
    # one scene per choice: "according to the player's choice, read the matching scene"
    assert kinds("根据玩家的选择，读取对应场景：\n\n```\nread references/a.md\nread references/b.md\n```\n") == []
    # each item reads one file, but only when a need arises
    assert kinds("Load these references into context when users need:\n- API: `Read references/api.md`\n"
                 "- Workflows: `Read references/workflow.md`\n") == []
    assert kinds("Reference docs (read on demand):\n- [references/a.md](references/a.md) for mappings\n"
                 "- [references/b.md](references/b.md) for imports\n") == []
    assert kinds("参考文档（按需读取）：\n- `references/a.md`\n- `references/b.md`\n") == []
    assert kinds("At the start:\n- `Read references/api.md`\n- `Read references/workflow.md`\n") == ["ilp"]
    # an index: each entry names its topic, then the file read for it
    # what another program reads, described: "Reads `~/.config/shelley/AGENTS.md` and project `AGENTS.md`"
    assert kinds("### Shelley (Coding Agent)\n\n- Reads `~/.config/shelley/AGENTS.md` and project `AGENTS.md`\n") \
        == []
    assert kinds("## Detailed Reference\n\n- **API endpoints** (params): read `references/api.md`\n"
                 "- **Strategy builder** (nodes): read `references/strategy.md`\n") == []
    assert kinds("## Start\n\n- **Step 1:** read `references/api.md`\n- **Step 2:** read `references/strategy.md`\n") \
        == ["ilp"]
    # one entry per mode, labelled with a dash; and a read made only when the first file says so
    assert kinds("## Modes\n\n- **`solo`** — answer inline. Load `references/solo.md`.\n"
                 "- **`team`** — a real agent per persona. Load `references/team.md`.\n") == []
    assert kinds("## Start\n\n1. Load `references/auto.md` for that call; when it says to spawn, follow "
                 "`references/spawn.md`.\n") == []
    assert kinds("When someone says 'surprise me':\n\n1. Read `prefs.json` for likes\n2. Read `history.json` to "
                 "avoid repeats\n") == ["ilp"]  # when the procedure applies, not when each file is read
    # the files come in another sentence than the verb, or after a verb that makes them
    assert kinds("## Start\n\n1. Run the resolver and read its JSON. It merges `a.toml` and `b.toml` in order.\n"
                 "2. Greet.\n") == []
    assert kinds("## Finish\n\n- A sub-agent reads the notes; produces `DESIGN.md` and `EXPERIENCE.md`.\n") == []
    assert kinds("## Finish\n\n- A sub-agent reads `DESIGN.md` and `EXPERIENCE.md`.\n") == ["ilp"]
    assert kinds("## 开始\n\n1. 读取笔记并生成 `a.md` 和 `b.md`。\n") == []
    # a file named in what another file holds, after a dash, is not read; the reads listed above it are
    assert kinds("## Build\n\n- Load `references/meta.md` — manifest.json field definitions\n") == []
    assert kinds("## Build\n\n**Always load:**\n- Load `references/a.md` — fields\n- Load `references/b.md` — "
                 "patterns\n") == ["ilp"]
    # one resource of several, by platform: entries labelled with a code span, or a lead that says "exactly one"
    assert kinds("## Init\n\n- `macos`: read `references/macos.md` for the app flow.\n"
                 "- `windows`: read `references/windows.md` for the window flow.\n") == []
    assert kinds("## Init\n\nRead exactly one resource with `read_file`:\n\n- read `references/macos.md` on a Mac\n"
                 "- read `references/windows.md` on Windows\n") == []


def test_subagents_named_as_data_and_routing_lists_are_not_parallel(make_skill):
    def kinds(body: str, description: str = "x") -> list[str]:
        skill = skvm_lint.load(make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: {description}\n---\n"
                                                        f"{body}"}))
        return [g.type for g in workflow.analyze(skill).groups]

    assert kinds("- Tracks tokens and costs\n- Includes main session + subagent sessions\n"
                 "- Exports CSV for sub-agents and each session\n") == []
    assert kinds("Spawn one sub-agent per repository; each works on its own.\n") == ["tlp"]
    # one hand-off, named twice: "a spawned sub-agent", "a background sub-agent"
    assert kinds("Research a topic via a spawned sub-agent.\n\nUse `sessions_spawn` to run the research in a "
                 "background sub-agent.\n") == []
    # sub-agents the skill orders on purpose, however often it names them
    assert kinds("Dispatch a fresh sub-agent per task, with review after each.\n\n- Dispatch implementer subagent\n"
                 "- Dispatch reviewer subagent\n- Dispatch final reviewer subagent\n") == []
    assert kinds("Patterns:\n\n- Use the Task tool to invoke subagents for specialized tasks\n- Mark todos done\n") == []
    assert kinds("Spawn two subagents per test case in the same turn.\n\nWithout subagents there is no parallel "
                 "execution: run the cases one at a time.\n") == ["tlp"]
    assert kinds("Load the guide you need:\n\n- \"unit tests\" → `resources/unit.md`\n"
                 "- \"mocking\" → `resources/mocks.md`\n") == []
    # a sentence that names sub-agents and another that uses something: no hand-off ("users" is no "use" either)
    assert kinds("Credentials are passed to subagent sessions and logged. Advise users to use a dedicated "
                 "database.\n\nSpawn sessions for the subagents.\n") == []
    # one background sub-agent, however plural the description's other sentences are
    assert kinds("Spawn a background sub-agent session using `sessions_spawn`.\n\nWhen spawning the sub-agent, fill in "
                 "the template.\n", "Launch background sessions to explore ideas. Rewritten to use sessions_spawn.") \
        == []
    assert kinds("Delegating work to sub-agents, each on its own branch.\n") == ["tlp"]
    # agents named by their state: an SDK's warning hands out nothing
    assert kinds("When a parent agent is stopped, spawned subagents continue running as orphaned processes.\n\n"
                 "Running subagents are not stopped by the parent.\n") == []


def test_spawns_started_together_in_a_block_are_tlp_and_already_parallel(make_skill):
    block = ("### Parallel processing\n\n```bash\nsessions_spawn --task 'Summarize doc A' &\n"
             "sessions_spawn --task 'Summarize doc B' &\nwait\n```\n")
    root = make_skill({"SKILL.md": HEAD + block})
    assert [g.type for g in workflow.analyze(skvm_lint.load(root)).groups] == ["tlp"]
    # already so
    assert [d.rule for d in skvm_lint.lint([root], EVERY_WF_RULE).diagnostics if d.rule.startswith("WF")] == []
    one_after_another = block.replace(" &", "").replace("Parallel processing", "Summaries")
    assert _groups(make_skill, {"SKILL.md": HEAD + one_after_another}) == []


def test_hand_offs_under_a_parallel_heading_are_already_parallel(make_skill):
    """"#### Subagent Dispatch (parallel)" over "These checks are independent; dispatch them as subagents": the
    skill already runs them at once, so no WF001; the same hand-off under a plain heading is reported."""
    body = ("## Step 3: Validate\n\n#### {title}\n\nThe following checks are independent and can be dispatched as "
            "**subagents**:\n\n- **Tests**: run the suite\n- **Coverage**: map requirements\n")
    def rules(title: str) -> list[str]:
        root = make_skill({"SKILL.md": HEAD + body.format(title=title)})
        return [d.rule for d in skvm_lint.lint([root], EVERY_WF_RULE).diagnostics if d.rule.startswith("WF")]
    assert rules("Subagent Dispatch (parallel)") == []
    assert rules("Subagent Dispatch") == ["WF001"]


def test_a_pattern_to_search_for_is_no_operation_over_items(make_skill):
    text = HEAD + ("## Audit\n### 1. Scattered navigation\n**Search**: Multiple files with `path.append(`\n"
                   "### 2. Deprecated links\n**Search**: `NavigationLink.*isActive:`\n")
    assert [g.type for g in _groups(make_skill, {"SKILL.md": text})] == []
    assert workflow._each_operation("Multiple files: convert them to PNG") is False
    assert workflow._each_operation("Convert multiple files to PNG")


def test_each_needs_an_operation_not_a_deliverable():
    assert workflow._each_operation("Fetch the title for each URL in urls.txt.")
    assert workflow._each_operation("- For each file, extract the tables.")
    assert workflow._each_operation("对每个文件运行转换")
    # a kind of work named in an enumeration or as a label, not work done: "complex tasks include data analysis,
    # report writing, batch processing"; "batch processing: query after 1-3 minutes"
    assert not workflow._each_operation("**复杂任务**包括：数据分析、报告生成、批量处理、外部API调用等。")
    assert not workflow._each_operation("简单分析：10-20 秒后查询\n批量处理：1-3 分钟后查询")
    assert workflow._each_operation("批量处理所有图片，并输出结果")
    assert not workflow._each_operation("- Component specifications for each platform (Material, HIG)")
    assert not workflow._each_operation("For each hypothesis include:")
    assert not workflow._each_operation("4. For each fact: write as `[SPEC]` - terse, bullet or table")
    assert workflow._each_operation("4. For each fact: write a test, then run it")
    # what to write or weigh for each item of the answer
    assert not workflow._each_operation("For each issue, provide a concrete fix when available.")
    assert not workflow._each_operation("For each scenario:\n- Describe the market cycle transition")
    assert not workflow._each_operation("Every field reduces conversion. For each field, ask:")
    # a judgement written into one answer per item: its severity, its tags, its status
    assert not workflow._each_operation("For each finding, classify severity (critical, major, minor).")
    assert not workflow._each_operation("For each note: choose 1 top-level tag + 0-2 sub-tags")
    assert workflow._each_operation("For each file, download it and convert it to PDF.")
    # the parts of one output or one text, not items of their own
    assert not workflow._each_operation("Generate exactly 10 statements in each of these 5 categories:")
    assert not workflow._each_operation("对每个识别出的知识点，判断其属于哪种类型")
    assert not workflow._each_operation("For each of the 8 dimensions: find evidence, assign a score")
    assert not workflow._each_operation("Evaluate the work. For each applicable dimension, assess quality.")
    # items the step itself makes are one answer's parts, written together so that they differ; items it picks are
    # inputs still
    assert not workflow._each_operation("Create 5 distinct post concepts. For each concept, follow this process:")
    assert not workflow._each_operation("生成3个方案。每个方案：评估风险")
    assert not workflow._each_operation("5つのコンセプトを作成し、それぞれのコンセプトについて評価する")
    assert workflow._each_operation("Identify 3 competitors. For each competitor, fetch their pricing page.")
    assert workflow._each_operation("Create 5 folders. For each file, compress it.")
    assert not workflow._each_operation("Structure the review as a list. For each finding, classify severity:")
    # a list of fields under "For each X:" is what to record per item; commands or steps under it are work
    assert not workflow._each_operation("For each widget:\n- `id` - unique identifier\n- `name` - display name\n")
    assert workflow._each_operation("For each task mentioned:\n- **If it exists**: update it\n- **If new**: add it\n")
    assert not workflow._each_operation("**Widget Design**\nFor each widget: `id` - unique identifier `name` - a name")
    assert workflow._each_operation("For each repo:\n- `git pull` - update it\n- `make` - build it\n")
    assert workflow._each_operation("For each file:\n- Open it\n- Fix the typos\n")
    # an exchange with the user per item: the user answers one at a time
    assert not workflow._each_operation("- Ask for the light's entity ID\n- Get the RGB colours for each team\n")
    assert not workflow._each_operation("After the user visits the URL, run auth CODE.\n\nRepeat for each member.")
    assert workflow._each_operation("Ask for the app idea.\n" + "Analyse it against the principles.\n" * 20
                                    + "- Generate a schema for each tool")


def test_a_shell_loop_whose_runs_share_nothing_is_dlp(make_skill):
    def groups(code: str) -> list[str]:
        skill = skvm_lint.load(make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n"
                                                        f"## Batch\n\n```bash\n{code}\n```\n"}))
        return [g.reason for g in workflow.analyze(skill).groups if g.type == "dlp"]

    found = groups('for f in *.png; do\n  convert "$f" -resize 128x128 "thumbs/$f"\ndone')
    assert len(found) == 1 and "`for f`" in found[0] and "`convert`" in found[0]
    assert groups('for id in $(app list --json | jq -r ".[].id"); do\n  app pause "$id"\ndone') != []
    assert groups('for f in *.png; do echo "$f"; done') == []  # shows, does no work
    assert groups('for f in *.png; do convert x.png y.png; done') == []  # the item is not used
    assert groups('for q in a b; do\n  search "$q"\n  sleep 2\ndone') == []  # paced on purpose
    assert groups('for k in a b; do\n  if ssh -i "$k" host; then break; fi\ndone') == []  # stops at the first hit
    assert groups('n=0\nfor f in *.md; do\n  n=$((n + $(wc -l < "$f")))\n  gzip "$f"\ndone') == []  # carried
    assert groups('for f in *.md; do\n  pandoc "$f" >> all.txt\ndone') == []  # one shared file, in order
    assert groups('for e in .env .env.local; do\n  [ -f "$e" ] && source "$e"\ndone') == []  # the shell's state
    assert groups('for m in a b; do\n  torchrun train.py --model "$m"\ndone') == []  # each run takes every GPU
    assert groups('for f in *.png; do\n  convert "$f" "$f.jpg" &\ndone\nwait') == []  # already in the background
    assert groups('for i in 1 2 3; do\n  tmux send-keys -t "worker-$i" "run $i" Enter\ndone') == []  # handed to
    assert groups('for c in a b; do\n  sbatch --job-name "$c" job.sh\ndone') == []  # sessions or a job queue
    assert groups('# parallel: see below\nfor f in *.png; do\n  convert "$f" "$f.jpg"\ndone') == []
    assert groups('# convert >> logs\nfor f in *.png; do\n  convert "$f" "$f.jpg"\ndone') != []  # a comment


def test_one_read_per_task_a_negated_hand_off_and_a_launch_in_one_turn_are_not_serial_work(make_skill):
    def kinds_and_rules(body: str) -> tuple[list[str], list[str]]:
        root = make_skill({"SKILL.md": f"---\nname: case-skill\ndescription: x\n---\n{body}"})
        skill = skvm_lint.load(root)
        return ([g.type for g in workflow.analyze(skill).groups],
                [d.rule for d in skvm_lint.lint([root], EVERY_WF_RULE).diagnostics if d.rule.startswith("WF")])

    # a limit on what the controller reads is no step that reads them
    assert kinds_and_rules("## Constraints\n\n- **Controller stays lightweight**: Only read roadmap.md and brief.md "
                           "existence checks in main context.\n") == ([], [])
    assert kinds_and_rules("## Steps\n\n- Read roadmap.md and brief.md.\n")[1] == ["WF001"]
    # a read only when something is requested, and one file named by a link's text and its target
    assert kinds_and_rules("- For scorer design, read [design](references/design.md); also read "
                           "[alignment](references/alignment.md) when alignment is requested.\n") == ([], [])
    assert kinds_and_rules("- For expensive runs, read [throughput-guide.md](references/throughput-guide.md).\n") \
        == ([], [])
    # the appropriate file for the task at hand, not all of them
    assert kinds_and_rules("## Reference Files\n\nLoad the appropriate reference file based on your task:\n\n"
                           "- **`auth.md`**: tokens\n- **`api.md`**: calls\n") == ([], [])
    # a step that is not handed to a sub-agent, and sub-agents that work a task at a time with review between
    assert kinds_and_rules("## Self-Review\n\nThis is a checklist you run yourself, not a subagent dispatch.\n\n"
                           "## Execution\n\nI dispatch a fresh subagent per task, review between tasks.\n\n"
                           "- Fresh subagent per task + two-stage review\n") == ([], [])
    # sub-agents launched together: parallel already, so no finding; "fix everything at once" is no such launch
    _, rules = kinds_and_rules("## Step 1\n\n1. For each test case, spawn two subagents in the same turn.\n"
                                   "2. Launch everything at once.\n")
    assert "WF003" not in rules
    assert kinds_and_rules("## Steps\n\n1. Fetch the title for each URL; do not try to fix everything at once.\n"
                           "2. Write the report.\n")[1] == ["WF003"]
