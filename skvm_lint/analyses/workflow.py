"""Workflow and parallelism, statically: steps, data dependencies, and DLP/ILP/TLP groups as SkVM classifies them.

Steps come from the Markdown structure (ordered lists under workflow-like sections, "Step N" headings, or
command-bearing sections). Each step keeps what it reads and writes (files, shell variables, URLs). A step depends
on an earlier one when it consumes what that one produces, refers back to it ("the output above", "from step 2"),
or when independence cannot be shown: the default is sequential, because wrong parallelism is worse than missed
parallelism. Edges only point from earlier to later steps, so the graph is acyclic by construction.

Groups:
- ``dlp``: one step applies the same operation to many independent items ("for each file", a ``for`` loop,
  每个/逐个);
- ``ilp``: two or more adjacent single-command, read-only steps with no data flow between them;
- ``tlp``: independent multi-turn sub-tasks the skill already hands to sub-agents.
"""

from __future__ import annotations

import re
from typing import Any, Callable

from msgspec import Struct, field

from ..cues import SENTENCE_BREAK, cue, inside_quotation, without_markers
from ..lazy_re import lazy
from ..model import ByFirstLine, CodeBlock, Command, CommandLine, ListItem, MarkdownDoc, Section, Skill, Span
from ..parsing.commands import VERSION_FLAGS
from ..vocabulary import (ACCELERATOR_LAUNCHERS, AUDITORS, BACKGROUND_SPAWNERS, INSPECTORS, NPM_PACKAGE_RUNNERS,
                          SCRIPT_RUNNERS, SHELL_EVALUATORS, WEB_CLIENTS, strip_version)

# SkVM's three kinds of parallelism, named for people (messages, hover) as well as by their abbreviations.
KIND_NAMES = {"dlp": "data-level parallelism (DLP)", "ilp": "instruction-level parallelism (ILP)",
              "tlp": "task-level parallelism (TLP)"}

WORKFLOW_TITLES = cue("workflow_title")
STEP_HEADING = cue("step_heading")
OUTLINE_SECTION = cue("outline_section")
CATALOGUE_SECTION = cue("catalogue_section")
ADVICE_SECTION = cue("advice_section")
PROGRAM_NARRATION = cue("program_narration")
BARE_NUMBER = lazy(r"^\d+[.)]\s")
BACK_REFERENCE = cue("back_reference")
EACH = cue("each")
WITH_THE_USER = cue("with_the_user")
CODE_TO_FIX = cue("code_to_fix")
BY_ITSELF = cue("by_itself")
USER_NEARBY = 300  # characters before an "each" line read for an exchange with the user
EACH_FORMAT = cue("each_format")
PRESENTING = cue("presenting")
MADE_ITEMS = cue("made_items")
MADE_NEARBY = 400  # characters before an "each" phrase read for the items the step makes
# the noun an "each" phrase is over: "for each concept", "each of the scenarios", 每个方案, それぞれの案
ITEM_NOUN = lazy(r"\s*(?:of\s+)?(?:(?:the|these|those|your)\s+)?([A-Za-z]{3,}|[\u3040-\u30ff\u3400-\u9fff]{2})")
PERIOD_SERIES = cue("period_series")
READ_VERB = cue("read_verb")
MAKE_VERB = cue("make_verb")
SEQUENCE_WORD = cue("sequence")
ON_DEMAND = cue("on_demand")
DELEGATE = cue("delegate")
ACTION_VERB = cue("action_verb")
SEQUENTIAL = cue("sequential")
CONDITION_BEFORE = lazy(r"\b(if|when|whether|unless)\s+(there (are|is)\s+|you have\s+)?$", re.IGNORECASE)
EXAMPLE_INTRO = cue("example_intro")
ROUTE_ARROW = lazy(r"\s(→|->|=>)\s")
# A name starts only where its characters do not continue one: one candidate per run of them, so linear time.
DATA_FILE_NAME = lazy(r"(?<![\w./~{}$*-])[\w~{}$][\w./~{}$*-]*\.(?:md|json|jsonl|ya?ml|txt|csv|toml|base|html|log|env)\b")
CONCURRENT = cue("concurrent")
# a read limited or forbidden right before its verb ("Only read", "never load", "do not open")
RESTRICTED_READ = lazy(r"\b(only|never|do not|don't|avoid|no need to)\s+(\w+\s+)?$", re.IGNORECASE)
NOT_SUBAGENT = cue("not_subagent")
SUBAGENT = cue("subagent")
BACKGROUND = cue("background")
BACKGROUND_SPAWN = lazy(r"\b(" + "|".join(map(re.escape, sorted(BACKGROUND_SPAWNERS))) + r")\b")
CJK = lazy(r"[\u3040-\u30ff\u3400-\u9fff]")  # Chinese or Japanese text
# several agents: a plural, or one per item ("a sub-agent for each question", "one agent per repository")
SEVERAL_AGENTS = lazy(r"\b(sub-?agents|agents|workers|sessions)\b|\b(each|every|per)\b", re.IGNORECASE)
AGENTS = lazy(r"\b(agents|reviewers|workers|fan(s|ned|ning)?[- ]?out)\b", re.IGNORECASE)  # "parallel web fan-out"
# how many sub-agents a hand-off starts, or that each works alone: "three isolated sub-agent personas", "sub-agents
# ... from multiple perspectives", "every spawned agent", 每个子代理
# (a number counts the agents it is said of: "spawn 3 subagents", not "even for 2-3 slides")
AGENT_COUNT = lazy(r"\b(independent|each|every|multiple|several)\b|\b(two|three|four|five|six|seven|eight|nine|ten|\d+)"
                   r"\s+(\w+\s+){0,2}?(sub-?agents?|agents?|workers?|delegates?|instances|sessions|tasks)\b"
                   r"|每个|各个|多个|それぞれ|複数", re.IGNORECASE)
# Wording around a code block saying its commands are several of a kind, or meant to run together.
SEVERAL = cue("several")
READ_ONLY = {"get", "list", "ls", "show", "view", "status", "info", "search", "find", "cat", "describe", "query",
             "read", "fetch", "check", "whoami", "balance", "stats", "logs", "inspect", "browse", "ps", "images"}
WRITE_VERBS = {"create", "delete", "update", "set", "post", "put", "rm", "remove", "add", "send", "edit", "move",
               "merge", "push", "commit", "install", "kill", "stop", "start", "run", "apply", "deploy", "write",
               "modify", "close", "complete", "done", "reopen", "pause", "resume", "promote", "rollback", "archive",
               "unarchive", "pin", "unpin", "assign", "launch", "deliver", "revoke", "revoke-tokens", "unread",
               "mark", "cancel", "approve", "reject", "restart", "enable", "disable", "upload", "reply", "publish",
               "rename", "reset", "restore", "submit", "trigger", "import", "sync", "pull", "checkout", "login",
               "logout", "toggle", "like", "follow", "unfollow", "block", "mute", "invite", "abort", "comment", "save",
               "clear", "purge", "drop", "kick", "ban", "share", "transfer", "pay", "buy", "sell", "order", "book",
               "accept", "decline", "deny", "export", "duplicate", "copy", "clone", "fork", "call", "invoke", "exec",
               "execute"}
# Commands that run until stopped or done (`kanban watch`, `logs tail`, `enrich poll`): a stream to follow or a wait,
# not a query to batch with others
STREAMING = {"watch", "tail", "stream", "monitor", "poll", "wait"}
CONTINUATION = lazy(r"\s*\\\n\s*")  # a command continued on the next line (`curl URL \` then `-d '{...}'`) is one line
URL = lazy(r"\b[a-z][\w+.-]*://\S*")
HTTP_GET = lazy(r"\bGET\b")  # the method, not `TARGET` or `BUDGET`
WRITE_METHOD = lazy(r"-X\s*(POST|PUT|DELETE|PATCH)|--method[= ](POST|PUT|DELETE|PATCH)|--data|\s-d\s|\s-f\s")
# A value the reader fills in that names one thing (<session-id>, GAME_ID); a bare <id> or <query> could be anything.
PLACEHOLDER = lazy(r"<[A-Za-z0-9]+(?:[-_][A-Za-z0-9]+)+>|\b[A-Z][A-Z0-9]*_ID\b")
ALTERNATIVE_COMMENT = lazy(r"#[ \t]*(or|alternatively|instead)\b|^[ \t]*or:?[ \t]*$",
                           re.IGNORECASE | re.MULTILINE)
ALTERNATIVES = cue("alternatives")
# A list item that names a topic before what it reads ("**API endpoints** (params, response shapes): read
# `references/api-endpoints.md`", "**`subagent`** — ... Load `references/mode-subagent.md`"): an index entry, read
# when that topic comes up; likewise "`macos`: read `references/macos.md`", labelled with a code span
TOPIC_LABEL = lazy(r"^\W*?(?:\*\*(?P<label>[^*\n]{1,60})\*\*(?:[^:：\n]{0,80}[:：]|[ \t]*[—–][ \t])"
                   r"|`(?P<code>[^`\n]{1,40})`[ \t]*(?:[:：]|[—–][ \t]))\s*\S")
# A dash after a file read opens what the file holds ("Load `metadata.md` — manifest.json field definitions"): a
# file named there is described, not read
GLOSS_DASH = lazy(r"\s(?:[—–]|--?)\s")
FILE_ARG = lazy(r"^[\w./~-]+\.(json|csv|txt|md|xlsx|png|jpg|pdf|mp3|mp4|wav|html|yaml|yml|log|db)$")


class Step(Struct):
    id: str
    description: str
    span: Span
    end_line: int
    commands: list[str] = field(default_factory=list)
    reads: set[str] = field(default_factory=set)
    writes: set[str] = field(default_factory=set)
    text: str = ""
    depends_on: list[str] = field(default_factory=list)
    loops: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "description": self.description, "depends_on": self.depends_on,
                "span": {"file": self.span.file, "line": self.span.line, "end_line": self.end_line},
                "commands": self.commands[:10], "reads": sorted(self.reads)[:20], "writes": sorted(self.writes)[:20]}


class Group(Struct):
    type: str  # dlp | ilp | tlp
    step_ids: list[str]
    reason: str
    mechanism: str
    span: Span
    concurrent: bool = False  # the text already runs the group's work at once (a block of backgrounded spawns)
    said_in_prose: bool = False  # read from words alone ("For each URL, fetch ..."), no loop or command shows it

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "step_ids": self.step_ids, "reason": self.reason, "mechanism": self.mechanism}


def says_several_at_work(text: str) -> bool:
    """Whether a text that hands work to sub-agents says they are several at work: concurrent, independent or
    counted (:data:`CONCURRENT`, :data:`AGENT_COUNT`)."""
    return bool(CONCURRENT.search(text) or AGENT_COUNT.search(text))


def topic_section(title: str) -> bool:
    """Whether a section's title says the numbered headings under it are topics, not steps: a part of the
    document's outline ("Core Concepts", "Best practices", "Limitations") or a catalogue of alternatives
    ("Collaboration Patterns")."""
    return bool(OUTLINE_SECTION.match(title) or CATALOGUE_SECTION.search(title))


def advice_section(title: str) -> bool:
    """Whether a section's title says a numbered list in it is advice, not steps ("Best Practices", "Tips",
    "Limitations", a catalogue of "Patterns"); an "Examples" or "Overview" list often is the steps."""
    return bool(ADVICE_SECTION.match(title) or CATALOGUE_SECTION.search(title))


def ordered_lists(doc: MarkdownDoc) -> dict[tuple[int | None, int | None], list[int]]:
    """The numbered lists of a document, by (section, parent item): the indexes of their top-level items. A list
    in an advice section ("## Best Practices": :func:`advice_section`) holds topics, not steps, and is left out, as
    are the entries of a table of contents (`ListItem.contents_entry`)."""
    lists: dict[tuple[int | None, int | None], list[int]] = {}
    advice = {i for i, section in enumerate(doc.sections) if advice_section(section.title)}
    for index, item in enumerate(doc.list_items):
        if item.ordered and item.depth == 0 and item.section not in advice and not item.contents_entry:
            lists.setdefault((item.section, item.parent), []).append(index)
    return {key: items for key, items in lists.items() if not _introduced_as_advice(doc, doc.list_items[items[0]])}


def _introduced_as_advice(doc: MarkdownDoc, first: ListItem) -> bool:
    """Whether a label right above a numbered list introduces it as advice or a catalogue, as an advice section's
    title would ("This CLI is designed for agent use. Key patterns:", "**Best Practices**:"): its items are topics.
    Or as what a program does ("Each cycle the script:"): its items are no steps of the agent's."""
    lead = doc.lead_in(first)
    if lead is None or first.parent is not None or lead.section != first.section:
        return False
    text = lead.text.strip()
    if not text.endswith((":", "：")):
        return False
    # a label of a few words ("Key patterns:", "Your core principles:"), not a sentence that names such things
    # ("Follow these steps when fixing Raycast features:"); or one saying a program does the list ("Each cycle the
    # script:", "The script will:"), whose items are that program's own steps, not the agent's
    label = SENTENCE_BREAK.split(text)[-1]
    if PROGRAM_NARRATION.search(label.strip(" *_：:")):
        return True
    return len(label.split()) <= 4 and advice_section(label)


def step_headings(doc: MarkdownDoc) -> list[Section]:
    """The headings of steps: "Step 2: ...", and numbered ones ("### 1. Gather context") unless their numbering is
    the document's outline (one of them is "When to Use", "Overview", "Examples") or they sit under a heading of
    topics (:func:`topic_section`: "## Core Concepts" over "### 1. Response Models", "## Collaboration Patterns"
    over "### 1. Hub and Spoke"): topics, not steps."""
    sections = doc.sections
    siblings: dict[int | None, list[Section]] = {}
    for section in sections:
        if STEP_HEADING.match(section.title):
            siblings.setdefault(section.parent, []).append(section)
    steps = []
    for parent, group in siblings.items():
        numbered = [s for s in group if BARE_NUMBER.match(s.title)]
        if any(OUTLINE_SECTION.match(s.title) for s in numbered) \
                or (parent is not None and topic_section(sections[parent].title)):
            group = [s for s in group if not BARE_NUMBER.match(s.title)]
        steps += group
    return sorted(steps, key=lambda s: s.span.line)


def _candidate_steps(doc: MarkdownDoc) -> tuple[list[tuple[str, Span, int]], bool]:
    """(description, span, end_line) of the skill's main workflow, by the strongest structure found; and whether
    that structure is only the sections that hold commands (no step headings, no ordered list)."""
    headings = step_headings(doc)
    if len(headings) >= 2:
        return [(s.title, s.span, s.end_line) for s in headings], False
    lists = ordered_lists(doc)
    best: list[int] = []
    for (section, _parent), indexes in lists.items():
        title = doc.sections[section].title if section is not None else ""
        score = len(indexes) + (10 if WORKFLOW_TITLES.search(title) else 0)
        best_score = len(best) + (10 if best and doc.list_items[best[0]].section is not None
                                  and WORKFLOW_TITLES.search(doc.sections[doc.list_items[best[0]].section].title)
                                  else 0)
        if len(indexes) >= 2 and score > best_score:
            best = indexes
    if best:
        return [(doc.list_items[i].text.split("\n", 1)[0], doc.list_items[i].span, doc.list_items[i].end_line)
                for i in best], False
    command_sections = [doc.sections[i] for i in sorted({b.section for b in doc.code_blocks
                                                          if b.language == "shell" and b.section is not None})]
    if len(command_sections) >= 2:
        return [(s.title, s.span, s.end_line) for s in command_sections], True
    return [], False


def _io(step: Step, blocks: list[CodeBlock]) -> None:
    for block in blocks:
        if block.code is None:
            continue
        for cmd in block.code.commands:
            step.commands.append(CONTINUATION.sub(" ", cmd.text).split("\n", 1)[0][:200])
            for arg in cmd.argv[1:]:
                if FILE_ARG.match(arg):
                    step.reads.add(arg)
        for m in re.finditer(r"(?:^|\s)>{1,2}\s?([\w./~${}-]+)", block.text):
            step.writes.add(m.group(1))
            step.reads.discard(m.group(1))
        for m in re.finditer(r"-o\s+([\w./~-]+)|--output[= ]([\w./~-]+)", block.text):
            step.writes.add(m.group(1) or m.group(2))
        step.writes.update(f"${b.name}" for b in block.code.assignments)
        step.reads.update(f"${e.name}" for e in block.code.env_reads)
        code = block.code_text  # comments blanked: "# Convert to DataFrame for analysis" holds no loop
        if re.search(r"(^|\s)(for|while)\s", code) or "xargs" in code:
            step.loops = True


class WorkflowFacts(Struct, frozen=True):
    """The workflow as a DAG of steps and the groups of them that can run in parallel (DLP, ILP, TLP)."""

    steps: tuple[Step, ...]
    groups: tuple[Group, ...]

    def to_dict(self) -> dict[str, Any]:
        """The ``workflow`` object of the analyze contract: ``{steps, parallelism}``."""
        return {"steps": [s.to_dict() for s in self.steps], "parallelism": [g.to_dict() for g in self.groups]}


def analyze(skill: Skill) -> WorkflowFacts:
    steps, groups = _workflow(skill)
    return WorkflowFacts(tuple(steps), tuple(groups))


def _workflow(skill: Skill) -> tuple[list[Step], list[Group]]:
    doc = skill.body
    if doc is None:
        return [], []
    candidates, by_sections = _candidate_steps(doc)
    steps: list[Step] = []
    paragraphs, blocks = ByFirstLine(doc.paragraphs), ByFirstLine(doc.code_blocks)
    for number, (description, span, end_line) in enumerate(candidates, 1):
        step = Step(f"s{number}", description.strip()[:200] or f"step {number}", span, end_line)
        step.text = " ".join(p.text for p in paragraphs.within(span.line, end_line)) or description
        step.text = f"{description} {step.text}"
        _io(step, blocks.within(span.line, end_line))
        steps.append(step)
    # what earlier steps write, and the last step to write each: what a step reads is what that one left (the
    # definition that reaches it, as in straight-line code); the earlier writes are that step's concern
    last_writer: dict[str, int] = {}
    for index, step in enumerate(steps):
        if index > 0:
            consumed = [steps[i].id for i in sorted({last_writer[item] for item in step.reads if item in last_writer})]
            referenced = bool(BACK_REFERENCE.search(step.text))
            if consumed:
                step.depends_on = consumed
            elif referenced or not _independent(steps[index - 1], step):
                step.depends_on = [steps[index - 1].id]  # sequential unless independence is shown
        for item in step.writes:
            last_writer[item] = index
    return steps, _groups(skill, steps, reference=by_sections)


def _writes(word: str) -> bool:
    """A write verb, also inside a compound (``set-mode``, ``add_todo``) or redone (``redeploy``)."""
    parts = re.split(r"[-_]", word.lower())
    return any(p in WRITE_VERBS or (p.startswith("re") and p[2:] in WRITE_VERBS) for p in parts)


def read_only_command(text: str) -> bool:
    """A command line that only reads: a read verb among its first words (``gh pr view``, ``sessions list``, a
    plain ``gh api`` GET) and no write verb or write method (``create``, ``set-mode``, ``-X POST``, ``--data``)."""
    words = [w.lower() for w in re.findall(r"[A-Za-z][\w-]*", URL.sub(" ", text))[:5]]  # not `api` of api.x.com
    if any(_writes(w) for w in words) or WRITE_METHOD.search(text):
        return False
    return any(w in READ_ONLY or w == "api" for w in words) or HTTP_GET.search(text) is not None


def _read_only_single(step: Step) -> bool:
    return len(step.commands) == 1 and not step.writes and read_only_command(step.commands[0])


def _independent(a: Step, b: Step) -> bool:
    """Provably independent: both single read-only commands, no data flow, no back-reference."""
    return _read_only_single(a) and _read_only_single(b) and not (a.writes & b.reads) \
        and not BACK_REFERENCE.search(b.text)


def _groups(skill: Skill, steps: list[Step], reference: bool = False) -> list[Group]:
    """The parallel groups among ``steps``; ``reference``: the steps are only sections that each hold commands (a
    command reference: `### Plan Items`, `### Order History`), which serve different needs, not one task's steps
    to batch."""
    groups: list[Group] = []
    run: list[Step] = []
    for step in steps + [None]:  # type: ignore[list-item]
        if step is not None and run and not step.depends_on and not reference and _independent(run[-1], step):
            run.append(step)
            continue
        if len(run) >= 2:
            groups.append(Group("ilp", [s.id for s in run], "single read-only commands with no data flow between "
                                "them", "batched tool calls in one turn", run[0].span))
        run = [step] if step is not None else []
    titles = {section.span.line: section.title for section in skill.body.sections} if skill.body else {}
    for index, step in enumerate(steps):
        # "Analyze each screenshot one at a time", or the step before: "Execute steps strictly in ascending
        # numerical order." then "For each step: ...": serial on purpose
        if SEQUENTIAL.search(step.text) or index and SEQUENTIAL.search(steps[index - 1].text):
            continue
        # A heading that starts with its "each" phrase names its section ("### Bulk export" over the Bulk API's
        # commands, not "### 3. Process Multiple Documents"): with none in the text under it, it orders nothing
        title = titles.get(step.span.line)
        first = EACH.search(title) if title is not None else None
        named = first is not None and not re.sub(r"^[\W\d]*", "", title[:first.start()])  # "6. 批量输出与记录"
        named_only = named and not EACH.search(step.text.removeprefix(title).strip().removeprefix(title))
        if not named_only and _each_operation(step.text) or (step.loops and CONCURRENT.search(step.text)):
            groups.append(Group("dlp", [step.id], "the same operation on many independent items",
                                "xargs -P / concurrent.futures / Promise.all over the items", step.span,
                                said_in_prose=not step.loops))
    body = skill.body
    if body is None:
        return groups
    # A list item's text is also its paragraph's: one line of prose, counted once.
    prose = list({(p.text, p.span.line): (p.text, p.span) for p in [*body.paragraphs, *body.list_items]}.values())

    def owner(span: Span) -> list[str]:
        found = next((s for s in steps if s.span.line <= span.line <= s.end_line), None)
        return [found.id] if found else []

    description = skill.frontmatter.as_read.get("description")
    if isinstance(description, str):
        prose.append((description, Span(skill.skill_md_path or "SKILL.md", skill.frontmatter.line_of("description"))))
    # A skill that says its sub-agents work one after another ("a fresh sub-agent per task, with review after
    # each") orders them on purpose, however often it names them elsewhere; "no sub-agents means no parallel
    # execution: one at a time" is about running without them.
    # (every phrase NOT_SUBAGENT removes names a sub-agent itself: a text SUBAGENT misses needs no removal)
    naming_subagents = [(t, sp) for t, sp in prose if SUBAGENT.search(t) and SUBAGENT.search(NOT_SUBAGENT.sub(" ", t))]
    ordered = any(SEQUENTIAL.search(t) and not CONCURRENT.search(t) for t, _ in naming_subagents)
    # each text's sentences that hand work to sub-agents: what the tests below read
    handing = [(" ".join(_handing_sentences(t)), sp) for t, sp in naming_subagents]
    sub = [] if ordered else [(t, sp) for t, sp in handing if t]
    # "via a spawned sub-agent", "runs in a background sub-agent": one hand-off, however often it is named (English
    # marks the plural; Chinese and Japanese do not, so their text is not held to it)
    if sub and not any(SEVERAL_AGENTS.search(t) or CJK.search(t) or CONCURRENT.search(t) for t, _ in sub):
        sub = []
    # Sub-agents named more than once are not yet several at work ("Always delegate to subagents to isolate context"):
    # the hand-off says they are several, independent or concurrent
    several = next((span for t, span in sub if says_several_at_work(t)), None)
    if several is not None:
        # at the hand-off that says they are several, not at the first mention of a sub-agent
        groups.append(Group("tlp", owner(several), "independent sub-tasks the skill hands to sub-agents",
                            "one sub-agent per branch", several))
    elif (spawning := _spawns_together(body)) is not None:
        groups.append(Group("tlp", owner(spawning.span), "sub-agents started together in one block",
                            "one sub-agent per branch", spawning.span, concurrent=True))
    if not any(g.type == "ilp" for g in groups):
        groups += _independent_reads(skill, owner)
    # a loop the code shows is looked for even where words said "for each": the code is the stronger evidence
    if not any(g.type == "dlp" and not g.said_in_prose for g in groups):
        repeated = _repeated_operation(body)
        if repeated is not None:
            block, operation, count = repeated
            groups.append(Group("dlp", owner(block.span), f"{count} independent runs of `{operation}` on different "
                                "items, shown together", "the calls batched in one turn (or xargs -P)", block.span))
    if not any(g.type == "dlp" and not g.said_in_prose for g in groups):
        loop = _independent_loop(body)
        if loop is not None:
            block, variable, operation = loop
            groups.append(Group("dlp", owner(block.span), f"a `for {variable}` loop whose runs share no state "
                                f"(`{operation}` on each item)", "xargs -P or GNU parallel over the items",
                                block.span))
    if not any(g.type == "dlp" for g in groups):
        # Only items said to be processed concurrently: "for each" alone is too often a sequential loop.
        # and said as work to do: "**Parallel processing** for speed across multiple cores" and "Processing
        # multiple independent tasks simultaneously" name what a library does or when to use the skill
        each = [(t, sp) for t, sp in prose
                if CONCURRENT.search(t) and (EACH.search(t) or re.search(r"\beach\b|\bmultiple\b", t, re.I))
                and _said_as_work(t)]
        if each:
            groups.append(Group("dlp", owner(each[0][1]), "the same operation on many independent items",
                                "concurrent calls over the items (xargs -P, concurrent.futures, Promise.all)",
                                each[0][1], said_in_prose=True))
    return groups


# Where an instruction's verb stands: a sentence's start (after a list marker or a bold lead), after the clause
# that sets its case ("When a query spans multiple needs, query ..."), or after "you can" / "agents should"
WORK_CLAUSE = lazy(r"^[\s>_#\d.)]*([-*+]\s+)?(\*\*[^*]*\*\*:?\s*)?|,\s+"
                   r"|\b(you|agents?|it|we)\s+(can|should|must|may)\s+", re.IGNORECASE)
# verbs that start work beyond the action verbs
HAND_OFF_VERB = lazy(r"(use|make|launch|dispatch|spawn|start|issue|orchestrate)s?\b", re.IGNORECASE)
# "Each investigation is independent and can happen in parallel": the work is said to run at once
PARALLELISABLE = lazy(r"\b(can|could|should|will)\s+(happen|run|be\s+(done|run|processed|executed|handled))\b"
                      r"[^.\n]{0,30}?\b(in parallel|concurrently|simultaneously|at the same time)\b", re.IGNORECASE)


def _said_as_work(text: str) -> bool:
    """Whether ``text`` tells the agent to do something: a sentence opens with an action verb or "use"/"make"
    ("Fetch the pages in parallel"; "When extracting from multiple sites, make separate parallel calls"; "you can
    query multiple databases in parallel"), the work is said to run at once ("Each investigation is independent and
    can happen in parallel"), or it is an each-operation; not a feature's name ("**Parallel processing** for speed
    across multiple cores") nor a use case ("Processing multiple tasks simultaneously")."""
    if _each_operation(text) or PARALLELISABLE.search(text):
        return True
    for sentence in re.split(r"(?<=[.!?;:])\s+|\n", text):
        for form in (sentence, sentence.replace("**", "")):  # "**Use parallel ingestion** for multiple files"
            for clause in WORK_CLAUSE.finditer(form):
                rest = form[clause.end():]
                if ACTION_VERB.match(rest) or HAND_OFF_VERB.match(rest):
                    return True
    return False


# Agents named by their state, not handed work: "spawned subagents", "running sessions", "continue running"
AGENT_STATE = lazy(r"\b(spawned|launched|dispatched|running|started|orphaned|existing|active)\s+(sub-?agents?|agents"
                   r"|sessions|processes)\b|\b(continue|continues|keep|keeps|still|stop|stops|stopped)\s+running\b",
                   re.IGNORECASE)


def _handing_sentences(text: str) -> list[str]:
    """The sentences of ``text`` that both name sub-agents and hand them work: "Database credentials are passed to
    subagent sessions. Advise users to use a dedicated database" has none, nor "spawned subagents continue running
    as orphaned processes", which names agents by their state."""
    return [sentence for sentence in SENTENCE_BREAK.split(text)
            if SUBAGENT.search(sentence) and DELEGATE.search(AGENT_STATE.sub(" ", sentence))]


def _spawns_together(doc: MarkdownDoc) -> CodeBlock | None:
    """A code block that starts several sub-agents at once: two or more spawning lines, sent to the background
    (`sessions_spawn --task "Summarize doc A" &`) or under a comment that says they run in parallel."""
    for block in doc.code_blocks:
        if block.language != "shell" or block.mispaired:
            continue
        spawning = [line for line in block.text.splitlines() if SUBAGENT.search(line)]
        if len(spawning) >= 2 and (sum(line.rstrip().endswith("&") for line in spawning) >= 2
                                   or CONCURRENT.search(block.text)):
            return block
    return None


def _each_operation(text: str) -> bool:
    """Whether ``text`` applies an operation to each of many items: an "each" phrase that starts its line, or a
    line that starts with an action verb ("Fetch the title for each URL"); not a per-item format ("For each
    hypothesis include:") nor a deliverable ("Component specifications for each platform")."""
    for m in EACH.finditer(text):
        if EACH_FORMAT.match(text, m.start()) or CONDITION_BEFORE.search(text, max(0, m.start() - 30), m.start()):
            continue  # a format for each item; "Create it in docs/ if multiple documents": a condition
        if _made_just_before(text, m):
            continue  # "Create 5 distinct post concepts. For each concept, ...": one answer's parts
        if _fields_follow(text, m.end()):
            continue  # "For each widget:" then "- `id` - unique identifier", "- `name` - display name"
        start = text.rfind("\n", 0, m.start()) + 1
        end = text.find("\n", m.end())
        colon = text.find(":", m.end(), m.end() + 40)
        if colon >= 0 and "\n" not in text[m.end():colon] and _presents_just_before(text[start:m.start()]):
            continue  # "Show a numbered list of opportunities. For each candidate:" then how each is laid out
        if PERIOD_SERIES.search(text, start, len(text) if end < 0 else end):
            continue  # "Define new customers acquired each month": a model's periods carry over, one after another
        before = text[start:m.start()]
        if inside_quotation(before):
            continue  # Tell the user: "... each card is a real rendering ..." (or in 「」): words to say, not work
        # "- Ask for the light's ID / - Get the colours for each team", "After the user visits the URL ... Repeat
        # for each family member": per-item exchanges with the user, who answers one at a time
        if WITH_THE_USER.search(text, max(0, start - USER_NEARBY), len(text) if end < 0 else end):
            continue
        sentence = re.split(r"[.!?;:]\s+", without_markers(before))[-1]
        if not m.group(0).isascii() and _named_not_done(text, m):
            continue
        if ACTION_VERB.match(sentence) or not m.group(0).isascii():
            return True
        # Starting its line, "for each URL, fetch..." loops; "Every page reachable from the site" states a fact, and
        # "Multiple files with `path.append(`" names what to look for.
        if not sentence.strip() and not m.group(0).lower().startswith(("every", "multiple")):
            return True
    return False


_CJK_CLAUSE_MARKS = "：:。；;\n"  # where an enumeration or a label of Chinese or Japanese text ends
_CJK_CLAUSE_END = lazy(f"[{_CJK_CLAUSE_MARKS}]")


def _named_not_done(text: str, m: re.Match[str]) -> bool:
    """A Chinese or Japanese "each" word that names a kind of work rather than doing it: one of an enumeration
    ("数据分析、报告生成、批量处理、外部API调用等") or a label ("批量处理：1-3 分钟后查询")."""
    start = max(text.rfind(c, 0, m.start()) for c in _CJK_CLAUSE_MARKS) + 1
    end_match = _CJK_CLAUSE_END.search(text, m.end())
    end = end_match.start() if end_match is not None else len(text)
    if end_match is not None and end_match.group() in "：:" and end - m.start() <= 8:
        return True  # a label the line's rest explains
    pieces = text[start:end].split("、")
    return len(pieces) >= 3 and all(len(piece.strip()) <= 12 for piece in pieces)


def _presents_just_before(before: str) -> bool:
    """Whether the sentence before an "each" phrase (in ``before``, its line up to the phrase) presents a list."""
    *earlier, rest = re.split(r"[.!?;。！？]\s*", before)
    sentences = [s for s in earlier if s.strip()]
    # the phrase starts a sentence of its own (only blanks after the last break), and the one before presents
    return not rest.strip() and bool(sentences) and PRESENTING.search(sentences[-1]) is not None


def _made_just_before(text: str, each: re.Match[str]) -> bool:
    """Whether the items of the ``each`` phrase are ones the text makes just before it ("Create 5 distinct post
    concepts. For each concept, ...", "develop 2-4 potential scenarios ... For each scenario: describe ..."): the
    parts of one answer, written together so that they differ, not inputs to fan out."""
    noun = ITEM_NOUN.match(text, each.end())
    if noun is None:
        return False
    stem = noun.group(1).lower()
    if stem.isascii():
        stem = stem[:-1]  # "concep" in "concepts", "entr" in "entries"; a CJK noun as it is
    return any(stem in made.group(0).lower()
               for made in MADE_ITEMS.finditer(text, max(0, each.start() - MADE_NEARBY), each.start()))


# a field named in code, then what it holds: "`id` - unique identifier" (in a list, or in a step's text, where a
# list's items follow each other on one line). Not a bold label: "**If task exists**: Update ...", "**From PDF
# invoices**:" open the cases or parts of the work on each item.
FIELD = lazy(r"\s*([-*+][ \t]+)?`[\w.-]+`[ \t]*(:|[-\u2013\u2014][ \t])")
FIELDS_READ = 300  # characters after an "each" phrase's colon read for its fields


def _fields_follow(text: str, after: int) -> bool:
    """Whether an "each" phrase ends at a colon and fields follow it, two or more, the first right after ("For each
    widget:" then "- `id` - unique identifier", "- `name` - display name"): what to record for every item, a
    per-item format, not work over the items."""
    colon = text.find(":", after, after + 40)
    if colon < 0 or "\n" in text[after:colon] or not FIELD.match(text, colon + 1):
        return False
    return len(FIELD.findall(text, colon + 1, colon + 1 + FIELDS_READ)) >= 2


def _read_only_sublist(doc: MarkdownDoc) -> ListItem | None:
    """A list item whose two or more sub-items are each one read-only command ("Always check both: - `gh pr view
    <id> --comments` - `gh api .../comments`"): independent single calls. Alternatives ("either ... or") are not."""
    children: dict[int, list[ListItem]] = {}
    for item in doc.list_items:
        if item.parent is not None:
            children.setdefault(item.parent, []).append(item)
    inline_commands: dict[int, CommandLine] = {}
    for command in doc.command_lines:
        if command.where == "code":
            inline_commands.setdefault(command.span.line, command)
    for parent, items in children.items():
        lead = doc.list_items[parent]
        commands = [inline_commands.get(item.span.line) if re.fullmatch(r"\s*`[^`]+`\s*", item.text.split("\n", 1)[0])
                    else None for item in items]
        if len(items) < 2 or not all(c and read_only_command(c.text) for c in commands) \
                or ALTERNATIVES.search(lead.text.split("\n", 1)[0]):
            continue
        # different operations; the same command twice is two examples of one call
        operations = {_operation(c.code.commands[0].argv, c.code.commands[0].program)[0] for c in commands if c}
        if len(operations) == len(items):
            return lead
    return None


# Options with which an inspector writes or runs something: `find -delete`, `find -exec`, `sort -o FILE`, `tree -o`.
WRITING_OPTIONS = {"find": {"-delete", "-exec", "-execdir", "-ok", "-okdir", "-fprint", "-fprint0", "-fprintf", "-fls"},
                   "sort": {"-o", "--output"}, "tree": {"-o"}}
DISCARDED_OUTPUT = lazy(r"\d?>>?\s*/dev/null\b|\d?>&\d")  # `2>/dev/null`, `2>&1`: nothing written
OUTPUT_OPTION = ("--output", "--out", "--save", "--write", "--export")  # `--output results.json`: a file written
FOLLOW_OPTIONS = {"-f", "-F", "--follow"}  # `tail -f`, `docker logs -f`: a stream that never ends, not a look


def _probe(command: Command) -> bool:
    """A command that only looks: an inspector (``ls``, ``find``, ``grep``) without a writing option, a version
    query (``docker --version``), or a read verb (``docker info``, ``kubectl get pods``); none that writes a file
    or follows a stream."""
    argv = command.argv
    follows = (command.program == "tail" or "logs" in argv) and bool(FOLLOW_OPTIONS.intersection(argv[1:]))
    if follows or any(a.startswith(OUTPUT_OPTION) for a in argv[1:]):
        return False
    program = command.program
    if program in NPM_PACKAGE_RUNNERS:  # `npx pa11y URL`: the run of what npx runs, judged below
        program = next((a for a in argv[1:] if not a.startswith("-")), "")
    if strip_version(program) in AUDITORS:  # `npx pa11y URL`, `lighthouse URL`: a scan that reports
        return (command.via in (None, "sudo") or command.via in NPM_PACKAGE_RUNNERS) and "--fix" not in argv
    if command.via is not None:
        return False
    if command.program in INSPECTORS:
        return not WRITING_OPTIONS.get(command.program, set()).intersection(argv[1:])
    if 2 <= len(argv) <= 3 and argv[1] in VERSION_FLAGS:  # also with one option: `kubectl version --client`
        return True
    return read_only_command(command.text)


def _read_only_block(doc: MarkdownDoc) -> tuple[CodeBlock, list[str]] | None:
    """A shell block of three or more lines that each only look (an environment check: versions, ``docker
    info``, ``find . -name Dockerfile``, ``docker ps``), two programs or more, nothing assigned or written: no line
    uses another's result, so they are one turn of batched calls."""
    for block in doc.code_blocks:
        code = block.code
        if block.language != "shell" or code is None or not code.commands or code.assignments or code.exports \
                or code.functions or code.embedded or code.syntax_errors:  # a fragment that does not parse: a sample
            continue
        if ">" in DISCARDED_OUTPUT.sub("", block.code_text) or not all(_probe(c) for c in code.commands):
            continue
        # "# SC2009: Consider using pgrep instead", "# Better: use find": code shown to be fixed, not run
        if sum(1 for comment in code.comments if CODE_TO_FIX.search(comment.text)) >= 2:
            continue
        # The first command of each line (a pipeline continued with `\` is one): a fallback after `||` or a
        # filter after `|` belongs to its step.
        firsts: dict[int, Command] = {}
        for command in code.commands:
            if not command.in_substitution:
                firsts.setdefault(command.pipeline[0] if command.pipeline else command.span.line, command)
        # Mostly different operations: one tool's variants (`grep -rn`, `grep -RnisI`, `cat x.json | jq ...` per
        # filter) are a cheat sheet of examples, not steps.
        operations = {_operation(c.argv, c.program)[0] for c in firsts.values()}
        if len(firsts) >= 3 and len({c.program for c in firsts.values()}) >= 2 \
                and len(operations) >= max(3, 0.6 * len(firsts)):
            return block, [c.text.split("\n", 1)[0][:40] for c in firsts.values()]
    return None


def _same_subject_queries(doc: MarkdownDoc) -> tuple[CodeBlock, str, list[str]] | None:
    """Two or more different read-only commands of one program about the same placeholder (``ccsinfo sessions show
    <session-id>``, ``ccsinfo sessions messages <session-id>``), in one section: once the value is known they are
    independent. Spread over sections of their own (`## Read Page`, `## Get Page Info`), they are a command
    reference's entries, each for another need; so are they beside commands that change the same subject (`neonctl
    branches list`, `... create`, `... reset`, `... schema-diff` of one project): a reference of its operations."""
    queries: dict[tuple[str, str, int | None], dict[str, CodeBlock]] = {}
    changed: set[tuple[str, str, int | None]] = set()  # subjects a command of the same section changes
    for block in doc.code_blocks:
        if block.language != "shell":
            continue
        for line in block.code_text.splitlines():
            line = line.strip()
            placeholder = PLACEHOLDER.search(line)
            if not placeholder or re.search(r"[|;>]|&&|\$\(", PLACEHOLDER.sub("", line)):
                continue
            head = [w for w in line[:placeholder.start()].split() if not w.startswith("-")]
            if len(head) < 2 or head[0] in WEB_CLIENTS or not all(re.match(r"^[\w./-]+$", w) for w in head):
                continue
            # the subject: the command's words but the last (``ccsinfo sessions``) and the placeholder
            subject = (" ".join(head[:-1]), placeholder.group(0), block.section)
            if any(_writes(w) or w in STREAMING for w in head):
                changed.add(subject)
                continue
            queries.setdefault(subject, {}).setdefault(" ".join(head), block)
    for subject, found in queries.items():
        placeholder = subject[1]
        if len(found) >= 2 and subject not in changed and any(read_only_command(command) for command in found):
            return next(iter(found.values())), placeholder, list(found)
    return None


def _operation(argv: tuple[str, ...] | list[str], program: str) -> tuple[str, tuple[str, ...]]:
    """What a command does and what it does it to: the program, the script it runs and its subcommand words,
    then the remaining positional arguments (``agent-browser --session a open x.com`` -> ``agent-browser open``,
    ``(x.com,)``; ``node timer.js 5m 'Tea'`` -> ``node timer.js``, ``(5m, 'Tea')``). Option values are skipped."""
    words: list[str] = []
    skip = False
    for arg in argv[1:]:
        if skip:
            skip = False
        elif arg.startswith("--") and "=" not in arg:
            skip = True  # a long option's value
        elif not arg.startswith("-"):
            words.append(arg)
    key = [program]
    if program in SCRIPT_RUNNERS and words:
        key.append(words.pop(0))
    while words and re.match(r"^[a-z][a-z_-]*$", words[0]):
        key.append(words.pop(0))
    return " ".join(key), tuple(words)


def _repeated_operation(doc: MarkdownDoc) -> tuple[CodeBlock, str, int] | None:
    """A shell block introduced as several of a kind ("Multiple timers", "Sessions (parallel browsers)") that runs
    one operation two or more times on different arguments, with no variable carrying data between the runs."""
    for block in doc.code_blocks:
        if block.language != "shell" or block.code is None or block.code.assignments:
            continue
        title = doc.sections[block.section].title if block.section is not None else ""
        lead = " ".join(p.text for p in doc.paragraphs_ending(block.span.line - 2, block.span.line))
        if not SEVERAL.search(f"{title} {lead}") or ALTERNATIVE_COMMENT.search(block.text):
            continue
        if any(line.lstrip().startswith("#") for line in block.text.strip().splitlines()[1:]):
            continue  # commented examples after the first line: a gallery of variants, not one batch
        runs: dict[tuple[str, frozenset[str]], set[tuple[str, ...]]] = {}
        for command in block.code.commands:
            if command.pipeline_position or command.in_substitution or "install" in command.argv \
                    or not re.match(r"^[\w.{}~$/][\w.{}~$/-]*$", command.program):  # option fragments, JSON keys
                continue
            operation, items = _operation(command.argv, command.program)
            if not items:
                continue  # `agent-browser tab` (list the tabs) beside `agent-browser tab 2`: no item it works on
            options = frozenset(a.split("=", 1)[0] for a in command.argv[1:] if a.startswith("-"))
            runs.setdefault((operation, options), set()).add(items)
        for (operation, _options), items in runs.items():
            if len(items) >= 2:  # one operation with the same options on two or more different items
                return block, operation, len(items)
    return None


# What makes a loop's runs depend on one another or on time: pacing (`sleep 2`, rate limits), a search that stops
# at the first hit (`break`), input read from the user, runs already sent to the background or handed to a
# terminal session or a job queue (`tmux send-keys`, `sbatch`: the work runs there, concurrently), the shell's own
# state changed (`eval`, `source`, `cd`), a job that takes every GPU of the machine.
SERIAL_LOOP_PROGRAMS = frozenset({"sleep", "break", "continue", "return", "exit", "wait", "read", "eval", "cd",
                                  "pushd", "popd", "tmux", "screen", "sbatch", "qsub", "bsub"}) \
    | SHELL_EVALUATORS | ACCELERATOR_LAUNCHERS
# Programs that only show something: a loop of them does no work worth spreading.
DISPLAY_PROGRAMS = frozenset({"echo", "printf", "export", "local", "set", "true", ":", "[", "[[", "test"})


def _independent_loop(doc: MarkdownDoc) -> tuple[CodeBlock, str, str] | None:
    """A shell ``for NAME in ...; do ...; done`` whose body runs a program on ``$NAME`` and carries nothing from
    one run to the next: no variable that builds on itself (``n=$((n+1))``, ``list+=``), no append to a shared
    file (``>>``), no pacing or early exit (``sleep``, ``break``), nothing sent to the background already."""
    for block in doc.code_blocks:
        code = block.code
        if block.language != "shell" or code is None or not code.loops or code.syntax_errors \
                or CONCURRENT.search(block.text):  # "# Parallel checking (faster)" below: shown already
            continue
        lines = block.code_text.split("\n")  # comments blanked: "# >> appends" is no append
        for loop in code.loops:
            start, end = (loop.body.line, loop.body.column), (loop.body.end_line or loop.body.line,
                                                              loop.body.end_column or 0)
            within = [c for c in code.commands if start <= (c.span.line, c.span.column) < end]
            body = "\n".join(lines[loop.body.line - block.content_line : end[0] - block.content_line + 1])
            if any(c.program in SERIAL_LOOP_PROGRAMS for c in within) or "+=" in body or ">>" in body \
                    or re.search(r"&\s*$|&\s+[^&]", body, re.MULTILINE):
                continue
            assigned = [(b.name, lines[b.span.line - block.content_line][b.span.end_column or 0 :])
                        for b in code.assignments if start <= (b.span.line, b.span.column) < end]
            if any(re.search(rf"\b{re.escape(name)}\b", value) for name, value in assigned):
                continue  # `n=$((n + 1))`, `all="$all $x"`: the next run starts from this one's value
            uses = re.compile(rf"\$\{{?{re.escape(loop.variable)}\b")
            work = next((c for c in within if c.program not in DISPLAY_PROGRAMS and c.program not in INSPECTORS
                         and uses.search(c.text)), None)
            if work is not None:
                return block, loop.variable, _operation(work.argv, work.program)[0]
    return None


def _independent_reads(skill: Skill, owner: Callable[[Span], list[str]]) -> list[Group]:
    """ILP found in SKILL.md or the documents it bundles for the agent (not READMEs): the first of a read-only
    sub-list or of same-subject queries."""
    for doc in skill.agent_docs():
        lead = _read_only_sublist(doc)
        if lead is not None:
            return [Group("ilp", owner(lead.span), "read-only commands listed together with no data flow between "
                          "them", "batched tool calls in one turn", lead.span)]
        queries = _same_subject_queries(doc)
        if queries is not None:
            block, placeholder, commands = queries
            return [Group("ilp", owner(block.span), f"read-only queries about the same {placeholder} "
                          f"({', '.join(commands[:3])})", "batched tool calls in one turn", block.span)]
        probes = _read_only_block(doc)
        if probes is not None:
            block, commands = probes
            return [Group("ilp", owner(block.span), f"read-only commands in one block with no data flow between "
                          f"them ({', '.join(commands[:3])})", "batched tool calls in one turn", block.span)]
        reads = _independent_file_reads(doc)
        if reads is not None:
            span, names = reads
            return [Group("ilp", owner(span), f"reads of independent files ({', '.join(names[:3])})",
                          "the reads issued in one turn", span)]
    return []


def _topic_entry(text: str) -> bool:
    """Whether a list item opens with a topic's label that is no step of its own (TOPIC_LABEL; not "**Step 2:**",
    not "**Read the spec**:")."""
    label = TOPIC_LABEL.match(text)
    if label is None:
        return False
    name = label["label"] or label["code"]
    return not READ_VERB.search(name) and not re.match(r"\W*(step|phase)?\s*\d", name, re.IGNORECASE)


def _independent_file_reads(doc: MarkdownDoc) -> tuple[Span, list[str]] | None:
    """Two or more files read with nothing between them: one step that reads several ("Load spec.md, plan.md and
    metadata.json"), or sibling list items that each read one. A back-reference ("from the previous step") or a
    sequence word between them is a data flow, not independence."""
    known: dict[str, list[str]] = {}  # a list item is read twice (alone, then beside its siblings)

    def files_read(text: str) -> list[str]:
        if text not in known:
            known[text] = read_files(text.split("\n", 1)[0])
        return known[text]

    def read_files(line: str) -> list[str]:
        if "." not in line:  # no file name (`x.md`): the cheap test first
            return []
        if not READ_VERB.search(line) or BACK_REFERENCE.search(line) or SEQUENCE_WORD.search(line) \
                or ON_DEMAND.search(line) or ALTERNATIVES.search(line) or ROUTE_ARROW.search(line) \
                or BY_ITSELF.search(line):  # "The CLI automatically loads rules from": a program's, not a step
            return []
        # a name given as an example of the one before (`*.base (e.g., Recipes.base)`) is no second file
        found = [m for m in DATA_FILE_NAME.finditer(line) if not EXAMPLE_INTRO.search(line, max(0, m.start() - 30),
                                                                                          m.start())]
        gloss = GLOSS_DASH.search(line, found[0].end()) if found else None
        if gloss:
            found = [m for m in found if m.start() < gloss.start()]
        verbs = list(READ_VERB.finditer(line, 0, found[0].start())) if found else []
        if not verbs:
            return []  # "`requirements.txt` → Python, read from python/": the verb is about something else
        if RESTRICTED_READ.search(line, 0, verbs[-1].start()):
            return []  # "Only read roadmap.md and brief.md existence checks in main context": a limit, no step
        between = line[verbs[-1].end():found[0].start()]
        if SENTENCE_BREAK.search(between) or MAKE_VERB.search(between):
            return []  # "read `x`. The resolver merges `a.toml`": another sentence; "reads notes; produces `b.md`"
        if any(re.search(r"[{<$]", m.group(0)) for m in found):
            return []  # `personas/{activePersona}.md`: named by a value read before, a data flow
        names = {m.group(0).strip("`").lower(): m.group(0).strip("`") for m in found}
        # `dev.md` not `Dev.md` names one file, and so does a link's text beside its target
        # (`[throughput-guide.md](references/throughput-guide.md)`)
        return [name for key, name in names.items()
                if not any(other != key and other.endswith("/" + key) for other in names)]

    for item in [*doc.list_items, *doc.paragraphs]:
        names = files_read(item.text)
        if len(names) >= 2:
            return item.span, names
    for block in doc.code_blocks:  # the agent's reads written one a line: `Read references/a.md`, `Read ...b.md`
        lines = [line.strip() for line in block.text.split("\n") if line.strip()]
        if not 2 <= len(lines) <= 12:
            continue
        per_line: list[str] = []
        for line in lines:
            names = files_read(line)
            if len(names) != 1:
                break  # every line must read exactly one file
            per_line.append(names[0])
        else:
            # "根据玩家的选择…读取对应场景：" / "Depending on the request, read:": one read per need
            if len({name.lower() for name in per_line}) >= 2 and not ON_DEMAND.search(doc.intro(block)):
                return block.span, per_line
    starts = sorted(p.span.line for p in doc.paragraphs if p.list_item is None)  # the next paragraph outside lists
    for lead in doc.paragraphs:  # "Load all relevant context:" then a list of the files
        last = lead.last_line
        if lead.list_item is not None or not last.endswith((":", "：")) or not READ_VERB.search(last) \
                or BACK_REFERENCE.search(last) or ON_DEMAND.search(last) or ALTERNATIVES.search(last) \
                or DATA_FILE_NAME.search(last) or BY_ITSELF.search(last):
            continue
        until = next((line for line in starts if line > lead.span.line), doc.line_count + 1)
        lines = [item.text.split("\n")[0] for item in doc.list_items if lead.end_line <= item.span.line < until]
        if any(ROUTE_ARROW.search(line) or ALTERNATIVES.search(line) for line in lines):
            continue  # "request -> file": a routing list, of which one applies
        listed = {m.group(0).strip("`").lower(): m.group(0).strip("`") for line in lines
                  for m in DATA_FILE_NAME.finditer(line) if not re.search(r"[{<$]", m.group(0))}
        if len(listed) >= 2:
            return lead.span, list(listed.values())
    siblings: dict[tuple[int | None, int | None], list[ListItem]] = {}
    for item in doc.list_items:
        siblings.setdefault((item.parent, item.section), []).append(item)
    for (parent, _section), items in siblings.items():
        run: list[tuple[ListItem, str]] = []
        for item in items:
            names = [] if _topic_entry(item.text) else files_read(item.text)
            if len(names) == 1:
                run.append((item, names[0]))
                if len({name for _i, name in run}) >= 2:
                    lead = _lead(doc, parent, run[0][0])
                    if READ_VERB.search(lead) and (ON_DEMAND.search(lead) or ALTERNATIVES.search(lead)):
                        break  # "Load these references when users need:", "Read exactly one resource:": one read
                    return run[0][0].span, [name for _i, name in run]
            else:
                run = []
    return None


def _lead(doc: MarkdownDoc, parent: int | None, first: ListItem) -> str:
    """The line that introduces a list: its parent item's first line, or the last line of the paragraph just
    before it ("Load these references when users need:")."""
    if parent is not None:
        return doc.list_items[parent].text.split("\n", 1)[0]
    lead = doc.lead_in(first)
    return lead.last_line if lead is not None else ""


def serial_groups(skill: Skill, steps: list[Step], groups: list[Group], types: tuple[str, ...],
                  said_in_prose: bool | None = None) -> list[Group]:
    """The groups of these types (and, when ``said_in_prose`` is given, read from words alone or not: WF003's or
    WF002's) that the text still has run one after another (what WF001-WF003 report): not those
    it already says how to run concurrently (a 'Parallel execution' section, concurrency wording in one of the
    group's steps or in the prose it was read from, the description included; for sub-agents, wherever the skill
    names them). What holds for the whole skill is read once, and steps and prose are looked up by id and place, so
    the cost stays linear however many groups a skill has."""
    chosen = [g for g in groups if g.type in types and said_in_prose in (None, g.said_in_prose)]
    if not chosen or re.search(r"^#+\s*parallel execution", skill.skill_md_text, re.IGNORECASE | re.MULTILINE):
        return []
    step_texts: dict[str, list[str]] = {}
    for step in steps:
        step_texts.setdefault(step.id, []).append(step.text)
    body = skill.body
    prose = [*body.paragraphs, *body.list_items] if body is not None else []
    prose_at: dict[Span, list[str]] = {}
    group_files = {g.span.file for g in chosen}
    heading_at: dict[tuple[str, int], str] = {}  # the title over each group's line: "#### Parallel Research"
    for doc in skill.agent_docs():  # a group read from a reference is looked up in that reference's prose
        if doc.file in group_files:
            for p in (prose if doc is body else [*doc.paragraphs, *doc.list_items]):
                prose_at.setdefault(p.span, []).append(p.text)
            lines = {g.span.line for g in chosen if g.span.file == doc.file}
            heading_at.update(((doc.file, line), title) for line, title in doc.headings_at(lines).items())
    description = skill.frontmatter.as_read.get("description")
    description = description if isinstance(description, str) else ""
    description_at = (skill.skill_md_path or "SKILL.md", skill.frontmatter.line_of("description"))
    # Sub-agents the skill runs in parallel anywhere ("10+ Haiku agents in parallel", "reviewers ... always
    # parallel", "research through parallel web fan-out", "1 `quick` SUBAGENT (background)"): its hand-offs are not
    # serial, wherever the group was read from.
    # So are hand-offs made with a tool that starts each sub-agent in the background (OpenClaw's `sessions_spawn`).
    agents_parallel = any(g.type == "tlp" for g in chosen) and (any(
        (CONCURRENT.search(t) or BACKGROUND.search(t)) and (SUBAGENT.search(t) or AGENTS.search(t))
        for t in [description, *(p.text for p in prose)]) or bool(BACKGROUND_SPAWN.search(skill.skill_md_text)))

    def already_parallel(group: Group) -> bool:
        if group.concurrent or (group.type == "tlp" and agents_parallel):
            return True
        texts = [text for step_id in dict.fromkeys(group.step_ids) for text in step_texts.get(step_id, ())]
        texts += prose_at.get(group.span, [])  # the prose the group was read from
        if group.type == "tlp":  # a hand-off under "#### Subagent Dispatch (parallel)" (not "## Sessions (parallel
            texts.append(heading_at.get((group.span.file, group.span.line), ""))  # browsers)": those run serially)
        if (group.span.file, group.span.line) == description_at:
            texts.append(description)  # "Dispatch subagents to work concurrently"
        return any(CONCURRENT.search(t) for t in texts)

    return [g for g in chosen if not already_parallel(g)]
