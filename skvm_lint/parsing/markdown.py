"""Markdown into :class:`MarkdownDoc`: CommonMark + tables, no linkify, with markdown-it-pyrs on the hot path and
markdown-it-py (plus its front-matter plugin) as the reference and fallback."""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable, Iterator
from functools import cache
from itertools import takewhile
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # markdown-it-py is imported only when the reference parser runs (about 40 ms at start-up)
    from markdown_it import MarkdownIt
    from markdown_it.token import Token

from ..cues import inside_quotation
from ..lazy_re import lazy
from ..limits import Limits
from ..model import (
    CodeBlock,
    CommandLine,
    HtmlComment,
    InlineCode,
    Link,
    ListItem,
    MarkdownDoc,
    Paragraph,
    Section,
    Span,
    Table,
)
from .code import FENCE_LANGUAGES, PARSED_LANGUAGES, extract_facts, strip_prompts
from ..vocabulary import COMMAND_WORDS, SHELL_SYNTAX
from .commands import CODE, PROSE, recognise
from .frontmatter import find_block


@cache
def _markdown(max_nesting: int) -> MarkdownIt:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    md = MarkdownIt("commonmark", {"linkify": False, "html": True, "maxNesting": max_nesting})
    md.enable("table")
    md.use(front_matter_plugin)
    return md


def fence_language(info: str) -> str | None:
    """Normalise a fence info string (```` ```Python title="x" ```` -> ``python``); None when empty."""
    word = info.strip().split(maxsplit=1)[0] if info.strip() else ""
    word = word.strip("{}.").lower()
    if not word:
        return None
    return FENCE_LANGUAGES.get(word, word)


# A block's first line naming the configuration or data file it holds: a dotfile (`# .bazelrc`, `# .env.local`) or
# a name with a data extension (`# .pre-commit-config.yaml`, `# hostfile.txt`); not a script, a shell's own startup
# file (`# .bashrc` holds commands) nor `# Node.js`.
_NAMES_A_DATA_FILE = lazy(r"#[ \t]*(?:[\w.-]+/)*(?:\.(?!(?:bash|zsh)rc\b|(?:bash_|z)?profile\b|envrc\b)[\w-][\w.-]*|"
                          r"[\w.-]+\.(?:ya?ml|toml|json|ini|cfg|conf|txt|properties|xml|env|rc))[ \t]*(?:\n|$)")


def _looks_like_shell(text: str, file: str, line0: int, timeout_ms: int) -> bool:
    """An unlabelled code block that is a console session (``$ `` prompts) or starts with a command."""
    lines = [line.strip() for line in text.split("\n") if line.strip() and not line.strip().startswith("#")]
    if not lines:
        return False
    if any(line.startswith("$ ") for line in lines):
        return True
    first = recognise(lines[0], CODE, file, line0, timeout_ms=timeout_ms, single_word=True)
    if first is None:
        return False
    program = first.facts.commands[0].program
    if program not in COMMAND_WORDS and program not in SHELL_SYNTAX:
        return True
    # `read references/ch01.md` or `find the file`: an everyday word first needs another program next to be shell,
    # one that is no everyday word itself (`host 10.0.0.1` then `port 80` is a capture filter, not two commands)
    second = recognise(lines[1], CODE, file, line0 + 1, timeout_ms=timeout_ms) if len(lines) > 1 else None
    return second is not None and second.facts.commands[0].program not in COMMAND_WORDS


class _Builder:
    def __init__(self, file: str, source_lines: list[str], limits: Limits) -> None:
        self.file = file
        self.lines = source_lines
        self.limits = limits
        self.doc = MarkdownDoc(file=file, line_count=len(source_lines))
        self.section_stack: list[int] = []
        self.list_stack: list[tuple[bool, int]] = []  # (ordered, next number)
        self.item_stack: list[int] = []

    def span(self, line0: int, column: int = 1, end_line: int | None = None) -> Span:
        return Span(self.file, line0 + 1, column, end_line)

    @property
    def current_section(self) -> int | None:
        return self.section_stack[-1] if self.section_stack else None

    @property
    def current_item(self) -> int | None:
        return self.item_stack[-1] if self.item_stack else None

    def build(self, tokens: list[Token]) -> MarkdownDoc:
        doc = self.doc
        max_level = 0
        i = 0
        n = len(tokens)
        while i < n:
            tok = tokens[i]
            max_level = max(max_level, tok.level)
            kind = tok.type
            if kind == "heading_open" and tok.map:
                title = tokens[i + 1].content if i + 1 < n and tokens[i + 1].type == "inline" else ""
                self.open_section(int(tok.tag[1]), title, tok.map[0])
            elif kind in ("bullet_list_open", "ordered_list_open"):
                start = int(tok.attrs.get("start", 1) or 1) if kind == "ordered_list_open" else 0
                self.list_stack.append((kind == "ordered_list_open", start))
            elif kind in ("bullet_list_close", "ordered_list_close"):
                if self.list_stack:
                    self.list_stack.pop()
            elif kind == "list_item_open" and tok.map:
                ordered, _ = self.list_stack[-1] if self.list_stack else (False, 0)
                number = None
                if ordered:
                    try:
                        number = int(tok.info)
                    except (TypeError, ValueError):
                        number = None
                text = ""
                for j in range(i + 1, min(n, i + 6)):
                    if tokens[j].type == "inline":
                        text = tokens[j].content
                        break
                    if tokens[j].type == "list_item_close":
                        break
                doc.list_items.append(ListItem(text.strip(), self.span(tok.map[0]), tok.map[1],
                                               depth=max(len(self.list_stack) - 1, 0), ordered=ordered, number=number,
                                               parent=self.current_item, section=self.current_section))
                self.item_stack.append(len(doc.list_items) - 1)
            elif kind == "list_item_close":
                if self.item_stack:
                    self.item_stack.pop()
            elif kind in ("fence", "code_block") and tok.map:
                self.add_code_block(kind == "fence", tok.info, tok.content, tok.markup, *tok.map)
            elif kind == "paragraph_open" and tok.map and i + 1 < n and tokens[i + 1].type == "inline":
                doc.paragraphs.append(Paragraph(tokens[i + 1].content, self.span(tok.map[0]), tok.map[1],
                                                section=self.current_section, list_item=self.current_item))
            elif kind == "inline" and tok.map:
                self.add_inline(tok, heading=i > 0 and tokens[i - 1].type == "heading_open")
            elif kind == "html_block" and tok.map:
                self.add_html(tok.content, tok.map[0])
            elif kind == "table_open" and tok.map:
                i = self.add_table(tokens, i)
            i += 1
        return self.finish(max_level)

    def open_section(self, level: int, title: str, line0: int) -> None:
        doc = self.doc
        while self.section_stack and doc.sections[self.section_stack[-1]].level >= level:
            self.section_stack.pop()
        doc.sections.append(Section(title.strip(), level, self.span(line0), doc.line_count,
                                    parent=self.current_section))
        self.section_stack.append(len(doc.sections) - 1)

    def finish(self, max_level: int) -> MarkdownDoc:
        doc = self.doc
        # A section ends before the next one of its level or higher; the open ones form a stack of rising levels.
        open_sections: list[Section] = []
        for section in doc.sections:
            while open_sections and open_sections[-1].level >= section.level:
                open_sections.pop().end_line = section.span.line - 1
            open_sections.append(section)
        for section in open_sections:
            section.end_line = doc.line_count
        doc.command_lines.sort(key=lambda c: (c.span.line, c.span.column))
        doc.truncated_nesting = max_level >= self.limits.max_markdown_nesting - 2
        return doc

    def fence_closed(self, start0: int, end0: int, markup: str) -> bool:
        """Whether the fence opened with ``markup`` on line ``start0`` is closed by line ``end0 - 1``."""
        last = self.lines[end0 - 1].lstrip("> \t").rstrip() if 0 < end0 <= len(self.lines) else ""
        return end0 - 1 > start0 and last.startswith(markup) and last.strip(markup[0]) == ""

    def add_code_block(self, fenced: bool, info: str, content: str, markup: str, start0: int, end0: int) -> None:
        closed = self.fence_closed(start0, end0, markup) if fenced else True
        language = fence_language(info) if fenced else None
        content_line = start0 + 2 if fenced else start0 + 1
        block = CodeBlock(info.strip(), language, content, self.span(start0), end0, content_line,
                          fenced=fenced, closed=closed, section=self.current_section, list_item=self.current_item,
                          marker=markup if fenced else "")
        parse_as = language
        if fenced and (info.split() or [""])[0].lower() == "tsx":
            parse_as = "tsx"
        elif language is None and _looks_like_shell(content, self.file, content_line,
                                                    self.limits.parse_timeout_ms):
            parse_as = language = "shell"  # an unlabelled console session or command list (info stays "")
            block.language = "shell"
        if parse_as == "shell" and _NAMES_A_DATA_FILE.match(content.lstrip("\n")):
            parse_as = None  # `# .bazelrc` over a shell fence: the lines are that file's, not commands
        if parse_as in PARSED_LANGUAGES and content.strip():
            code = strip_prompts(content, language or "", labelled=bool(info.strip()))
            block.code = extract_facts(code, parse_as, self.file, line_offset=content_line,
                                       timeout_ms=self.limits.parse_timeout_ms)
        self.doc.code_blocks.append(block)

    def source_line(self, line0: int) -> str:
        return self.lines[line0] if 0 <= line0 < len(self.lines) else ""

    def add_command(self, text: str, where: str, line0: int) -> None:
        found = recognise(text, where, self.file, line0 + 1, timeout_ms=self.limits.parse_timeout_ms)
        if found is not None:
            self.doc.command_lines.append(CommandLine(found.text, self.span(line0, found.offset + 1), found.where,
                                                      found.facts, self.source_line(line0)))

    def add_inline(self, tok: Token, heading: bool = False) -> None:
        line0 = tok.map[0] if tok.map else 0
        if not heading:
            self.add_prose_lines((line0 + index, line) for index, line in enumerate(tok.content.split("\n")))
        self.add_inline_children(((c.type, c.content, c.attrs.get("href") if c.type == "link_open" else
                                   c.attrs.get("src") if c.type == "image" else None) for c in tok.children or []),
                                 line0, heading)

    def add_prose_lines(self, lines: Iterable[tuple[int, str]]) -> None:
        """Plain-text lines of a paragraph, list item or table cell (inline code is read from the children). A
        command's column is where it stands in the source line, whatever containers indent it."""
        for line0, line in lines:
            text = line.strip()
            if "`" in text or not text:
                continue
            source = self.source_line(line0)
            found = recognise(text, PROSE, self.file, line0 + 1, timeout_ms=self.limits.parse_timeout_ms)
            if found is not None:
                column = max(source.find(text), 0) + found.offset + 1
                self.doc.command_lines.append(CommandLine(found.text, self.span(line0, column), found.where,
                                                          found.facts, source))

    def add_inline_children(self, children: Iterable[tuple[str, str, str | None]], line0: int,
                            heading: bool) -> None:
        """Inline code, links, images and inline HTML of one inline run, as ``(kind, content, target)`` in
        markdown-it's token terms (``link_open`` carries the href, ``image`` its source and raw label)."""
        link: tuple[str, int, list[str]] | None = None
        before = ""  # the line's text before the current child: is an inline code inside a quotation?
        for kind, content, target in children:
            if kind in ("softbreak", "hardbreak"):
                line0 += 1
                before = ""
            elif kind == "code_inline":
                self.doc.inline_code.append(InlineCode(content, self.span(line0)))
                # a command in quoted words ("Run `npx x`" as an example of what a user says, a plan step quoted in a
                # table) is cited, not given to run
                if not heading and not inside_quotation(before):
                    self.add_command(content, CODE, line0)
            if kind == "text":
                before = (before + content).rsplit("\n", 1)[-1]
            elif kind == "link_open":
                link = (str(target or ""), line0, [])
            elif kind == "link_close" and link is not None:
                self.doc.links.append(Link(link[0], "".join(link[2]), self.span(link[1])))
                link = None
            elif kind == "image":
                self.doc.links.append(Link(str(target or ""), content, self.span(line0), image=True))
            elif kind == "html_inline":
                self.add_html(content, line0)
            elif kind == "text" and link is not None:
                link[2].append(content)
            if kind == "text" and "\n" in content:
                line0 += content.count("\n")

    def add_html(self, html: str, line0: int) -> None:
        start = html.find("<!--")
        while start != -1:
            end = html.find("-->", start + 4)
            text = html[start:] if end == -1 else html[start:end + 3]
            self.doc.html_comments.append(HtmlComment(text, self.span(line0 + html.count("\n", 0, start))))
            if end == -1:
                break
            start = html.find("<!--", end + 3)

    def add_table(self, tokens: list[Token], i: int) -> int:
        open_tok = tokens[i]
        header: list[str] = []
        rows: list[list[str]] = []
        row: list[str] = []
        in_head = False
        j = i + 1
        while j < len(tokens) and tokens[j].type != "table_close":
            t = tokens[j]
            if t.type == "thead_open":
                in_head = True
            elif t.type == "thead_close":
                in_head = False
            elif t.type == "tr_open":
                row = []
            elif t.type == "tr_close":
                if in_head:
                    header = row
                else:
                    rows.append(row)
            elif t.type == "inline":
                row.append(t.content)
                self.add_inline(t)
            j += 1
        start0, end0 = open_tok.map or (0, 0)
        self.doc.tables.append(Table(header, rows, self.span(start0), end0))
        return j


class _TreeWalk:
    """markdown-it-pyrs's syntax tree into the same :class:`MarkdownDoc` the token builder makes.

    Its nodes carry byte ranges of the source, not lines, and hold no raw inline text: lines come from the ranges,
    and a paragraph's text is its source lines without the containers' markers and indentation, as markdown-it's
    inline content is. ``corpus/parity_markdown.py`` measures the two front ends against each other.
    """

    def __init__(self, builder: _Builder, data: bytes) -> None:
        self.b = builder
        self.data = data
        self.starts = [0]
        find = data.find
        at = find(b"\n")
        while at != -1:
            self.starts.append(at + 1)
            at = find(b"\n", at + 1)
        self.max_level = 0
        self.ends_with_newline = data.endswith(b"\n")
        # markdown-it's last line: the empty string after a final newline is not a line
        self.last_line = len(builder.lines) - 1 if self.ends_with_newline else len(builder.lines)
        self.run_starts: dict[tuple[int, int], int] = {}  # a list item's text run -> where the item's content starts
        self.memo: dict[tuple[Any, ...], Any] = {}  # an item's context and text lines are asked for twice

    def line_of(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def end_of(self, node: Any) -> int:
        """The 0-based line after the node's last line."""
        start, end = node.srcmap
        return self.line_of(max(end - 1, start)) + 1

    def column_of(self, offset: int) -> int:
        """Characters (not bytes) from the start of the offset's line."""
        start = self.starts[self.line_of(offset)]
        return len(self.data[start:offset].decode("utf-8", "replace"))

    def text_lines(self, srcmap: tuple[int, int], ctx: tuple[int, int]) -> list[tuple[int, str]]:
        """The source lines of a byte range as markdown-it's inline content has them: the first from where the range
        starts, the others without blockquote markers and without up to ``indent`` columns (``ctx`` is the
        blockquote depth and the list item's content indentation, markdown-it's blkIndent)."""
        key = ("text", srcmap, ctx)  # a list item's first paragraph is read for the item's text, then as itself
        out = self.memo.get(key)
        if out is not None:
            return out
        quotes, indent = ctx
        start, end = srcmap
        first, last = self.line_of(start), self.line_of(max(end - 1, start))
        lines = self.b.lines
        out = self.memo[key] = [(first, lines[first][self.column_of(start):] if first < len(lines) else "")]
        for number in range(first + 1, min(last, len(lines) - 1) + 1):
            line = lines[number]
            if quotes:
                line = line[len(_quote_prefix(line, quotes)):]
            spaces = len(line) - len(line.lstrip(" "))
            out.append((number, line[min(spaces, indent):]))
        return out

    def inline_content(self, lines: list[tuple[int, str]]) -> str:
        return "\n".join(text for _, text in lines).strip()

    def flatten(self, nodes: Iterable[Any]) -> Iterator[tuple[str, str, str | None]]:
        """Inline nodes as markdown-it's inline tokens: ``(kind, content, target)``."""
        for node in nodes:
            name = node.name
            if name in ("text", "text_special"):
                yield "text", node.meta.get("content", ""), None
            elif name in ("softbreak", "hardbreak"):
                yield name, "", None
            elif name == "code_inline":
                yield name, "".join(c.meta.get("content", "") for c in node.children), None
            elif name == "html_inline":
                yield name, node.meta.get("content", ""), None
            elif name in ("link", "autolink"):
                yield "link_open", "", node.meta.get("url", "")
                yield from self.flatten(node.children)
                yield "link_close", "", None
            elif name == "image":
                yield name, self.image_label(node), node.meta.get("url", "")
            else:  # em, strong and other wrappers: their children
                yield from self.flatten(node.children)

    def image_label(self, node: Any) -> str:
        """An image's raw label (markdown-it keeps the source between ``![`` and its closing bracket)."""
        raw = self.data[node.srcmap[0]:node.srcmap[1]].decode("utf-8", "replace")
        depth, index = 0, 2
        while index < len(raw):
            char = raw[index]
            if char == "\\":
                index += 2
                continue
            if char == "[":
                depth += 1
            elif char == "]":
                if depth == 0:
                    return raw[2:index]
                depth -= 1
            index += 1
        return raw[2:]

    def inline(self, children: list[Any], lines: list[tuple[int, str]], heading: bool = False) -> None:
        """One inline run: its prose lines (not a heading's) and its children."""
        if not heading:
            self.b.add_prose_lines(lines)
        # Code spans, links, images and inline HTML each need a backtick, a bracket or an angle bracket: most runs
        # of text have none, and their nodes need no walk.
        if any("`" in text or "[" in text or "<" in text for _, text in lines):
            self.b.add_inline_children(self.flatten(children), lines[0][0], heading)

    def paragraph(self, children: list[Any], lines: list[tuple[int, str]], end0: int) -> None:
        b = self.b
        b.doc.paragraphs.append(Paragraph(self.inline_content(lines), b.span(lines[0][0]), end0,
                                          section=b.current_section, list_item=b.current_item))
        self.inline(children, lines)

    def run_lines(self, children: list[Any], ctx: tuple[int, int]) -> list[tuple[int, str]]:
        """Source lines of a tight list item's text (inline nodes straight under the item, no paragraph). The
        compiled parser's ranges of emphasis can start late, so an item's text starts where its content does."""
        key = (children[0].srcmap, len(children), ctx)
        lines = self.memo.get(key)
        if lines is None:
            lines = self.memo[key] = self._run_lines(children, ctx)
        return lines

    def _run_lines(self, children: list[Any], ctx: tuple[int, int]) -> list[tuple[int, str]]:
        start = self.run_starts.get(children[0].srcmap, min(c.srcmap[0] for c in children))
        last = self.line_of(start) + _line_breaks(children)
        for child in children:  # a code span or an HTML tag may run over a line break
            if child.name in ("code_inline", "html_inline"):
                last = max(last, self.line_of(max(child.srcmap[1] - 1, child.srcmap[0])))
        last = min(last, len(self.starts) - 1)
        end = self.starts[last] + len(self.b.lines[min(last, len(self.b.lines) - 1)].encode("utf-8", "replace"))
        return self.text_lines((start, end), ctx)

    def first_inline(self, children: list[Any], ctx: tuple[int, int]) -> str:
        """markdown-it's item text: the first inline content within five tokens of the item's opening (``ctx``: the
        item's inner context)."""
        first = children[0] if children else None
        if first is not None and first.name in _INLINE:  # the usual cases first: text, or a paragraph
            run = list(takewhile(lambda node: node.name in _INLINE, children))
            return self.inline_content(self.run_lines(run, ctx))
        if first is not None and first.name == "paragraph":
            return self.inline_content(self.text_lines(first.srcmap, ctx))
        for count, (kind, lines) in enumerate(self.token_kinds(children, ctx)):
            if count >= 5 or kind == "end":
                return ""
            if kind == "inline":
                return self.inline_content(lines())
        return ""

    def token_kinds(self, nodes: list[Any], ctx: tuple[int, int]) -> Iterator[tuple[str, Any]]:
        """The kinds of markdown-it block tokens the nodes would make, in order (enough to count them)."""
        run: list[Any] = []
        for node in [*nodes, None]:
            if node is not None and node.name in _INLINE:
                run.append(node)
                continue
            if run:
                group = run
                yield "open", None
                yield "inline", lambda group=group: self.run_lines(group, ctx)
                yield "close", None
                run = []
            if node is None:
                break
            name = node.name
            if name in ("paragraph", "heading", "lheading"):
                yield "open", None
                yield "inline", lambda node=node: self.heading_lines(node, ctx) if name != "paragraph" \
                    else self.text_lines(node.srcmap, ctx)
                yield "close", None
            elif name in ("bullet_list", "ordered_list", "list_item", "blockquote", "table", "thead", "tbody",
                          "trow", "tcell"):
                yield "open", None
                if name == "tcell":
                    yield "inline", lambda node=node: self.cell_lines(node)
                else:
                    yield from self.token_kinds(node.children, (ctx[0] + 1, 0) if name == "blockquote" else
                                                    self.item_context(node, ctx) if name == "list_item" else ctx)
                yield "close", None
            elif name not in ("definition", "front_matter"):
                yield "leaf", None
        yield "end", None

    def heading_lines(self, node: Any, ctx: tuple[int, int]) -> list[tuple[int, str]]:
        lines = self.text_lines(node.srcmap, ctx)
        if node.name == "lheading":
            return lines[:-1] or lines
        number, line = lines[0]
        text = line.lstrip(" ").lstrip("#").rstrip(" \t")
        closing = text.rstrip("#")
        if closing != text and (not closing or closing[-1] in " \t"):
            text = closing
        return [(number, text.strip())]

    def cell_lines(self, node: Any) -> list[tuple[int, str]]:
        start, end = node.srcmap
        # markdown-it splits the row at unescaped pipes and unescapes the rest
        return [(self.line_of(start), self.data[start:end].decode("utf-8", "replace").strip().replace("\\|", "|"))]

    def item_end(self, node: Any, limit: int, ctx: tuple[int, int]) -> int:
        """markdown-it's end of a list item: after its last line and the blank lines that follow it."""
        end0 = self.end_of(node)
        lines = self.b.lines
        while end0 < limit and end0 < len(lines) and not lines[end0][len(_quote_prefix(lines[end0], ctx[0])):] \
                .strip():
            end0 += 1
        return end0

    def blocks(self, nodes: list[Any], ctx: tuple[int, int], depth: int, limit: int) -> None:
        b = self.b
        self.max_level = max(self.max_level, depth)
        run: list[Any] = []
        for index, node in enumerate([*nodes, None]):
            if node is not None and node.name in _INLINE:
                run.append(node)
                continue
            if run:  # a tight list item's text: markdown-it makes a hidden paragraph
                lines = self.run_lines(run, ctx)
                self.paragraph(run, lines, lines[-1][0] + 1)
                run = []
            if node is None:
                break
            name = node.name
            start = self.line_of(node.srcmap[0])
            if name in ("heading", "lheading"):
                lines = self.heading_lines(node, ctx)
                b.open_section(node.meta.get("level", 1), self.inline_content(lines), start)
                self.inline(node.children, lines, heading=True)
            elif name == "paragraph":
                self.paragraph(node.children, self.text_lines(node.srcmap, ctx), self.end_of(node))
            elif name in ("bullet_list", "ordered_list"):
                b.list_stack.append((name == "ordered_list", int(node.meta.get("start", 1) or 1)
                                     if name == "ordered_list" else 0))
                list_limit = self.line_of(nodes[index + 1].srcmap[0]) if index + 1 < len(nodes) else limit
                for item in node.children:
                    self.list_item(item, ctx, depth + 2, list_limit)
                b.list_stack.pop()
            elif name in ("fence", "code_block"):
                end0 = self.end_of(node)
                meta = node.meta
                markup = meta.get("marker", "`") * int(meta.get("marker_len", 3)) if name == "fence" else ""
                content = meta.get("content", "")
                if name == "fence" and not b.fence_closed(start, end0, markup):
                    # unclosed: markdown-it runs it to the container's end, and the document's last line has no
                    # newline of its own
                    end0 = max(limit, end0)
                    if end0 >= self.last_line and not self.ends_with_newline and content.endswith("\n"):
                        content = content[:-1]
                b.add_code_block(name == "fence", meta.get("info", "") or "", content, markup, start, end0)
            elif name == "html_block":
                b.add_html(node.meta.get("content", ""), start)
            elif name == "table":
                self.table(node, start)
            elif name == "blockquote":
                # a blockquote ends at its last line: a list inside it never runs into the blank lines after it
                self.blocks(node.children, (ctx[0] + 1, 0), depth + 1, min(self.end_of(node), limit))

    def list_item(self, item: Any, ctx: tuple[int, int], depth: int, limit: int) -> None:
        b = self.b
        children = item.children  # the compiled tree builds its Python nodes on every access
        ordered, _ = b.list_stack[-1]
        start = self.line_of(item.srcmap[0])
        inner = self.item_context(item, ctx)
        if children and children[0].name in _INLINE:
            line = self.b.lines[start]
            self.run_starts[children[0].srcmap] = (
                self.starts[start] + len(line[:len(_quote_prefix(line, ctx[0])) + inner[1]].encode("utf-8")))
        number = None
        if ordered:
            head = self.data[item.srcmap[0]:item.srcmap[0] + 12].decode("utf-8", "replace").lstrip(" ")
            digits = head[:len(head) - len(head.lstrip("0123456789"))]
            number = int(digits) if digits else None
        b.doc.list_items.append(ListItem(self.first_inline(children, inner).strip(), b.span(start),
                                         self.item_end(item, limit, ctx), depth=max(len(b.list_stack) - 1, 0),
                                         ordered=ordered, number=number, parent=b.current_item,
                                         section=b.current_section))
        b.item_stack.append(len(b.doc.list_items) - 1)
        self.blocks(children, inner, depth, limit)
        b.item_stack.pop()

    def item_context(self, item: Any, ctx: tuple[int, int]) -> tuple[int, int]:
        """The context inside a list item: markdown-it's blkIndent is the column its content starts at (after the
        marker and one to four spaces; one when more follow, or when the marker ends its line)."""
        key = ("item", item.srcmap, ctx)
        inner = self.memo.get(key)
        if inner is None:
            inner = self.memo[key] = self._item_context(item, ctx)
        return inner

    def _item_context(self, item: Any, ctx: tuple[int, int]) -> tuple[int, int]:
        line = self.b.lines[self.line_of(item.srcmap[0])]
        prefix = len(_quote_prefix(line, ctx[0]))
        column = self.column_of(item.srcmap[0])
        rest = line[column:]
        column += len(rest) - len(rest.lstrip(" "))
        rest = rest.lstrip(" ")
        marker = len(rest) - len(rest.lstrip("0123456789")) + 1
        after = rest[marker:]
        spaces = len(after) - len(after.lstrip(" "))
        if spaces > 4 or not after.strip():
            spaces = 1
        return ctx[0], column - prefix + marker + spaces

    def table(self, node: Any, start: int) -> None:
        header: list[str] = []
        rows: list[list[str]] = []
        for part in node.children:
            for row in part.children:
                cells = []
                for cell in row.children:
                    lines = self.cell_lines(cell)
                    cells.append(lines[0][1])
                    self.inline(cell.children, lines)
                if part.name == "thead":
                    header = cells
                else:
                    rows.append(cells)
        self.b.doc.tables.append(Table(header, rows, self.b.span(start), self.end_of(node)))


_INLINE = frozenset({"text", "text_special", "softbreak", "hardbreak", "code_inline", "html_inline", "link",
                     "autolink", "image", "em", "strong"})
_INLINE_LEAVES = frozenset({"text", "text_special", "code_inline", "html_inline", "image"})  # flatten's, unopened


def _line_breaks(nodes: Iterable[Any]) -> int:
    """The soft and hard breaks among inline nodes, as :meth:`_TreeWalk.flatten` yields them (without making its
    tuples: a tight list item's text is measured before it is read)."""
    count = 0
    for node in nodes:
        name = node.name
        if name in ("softbreak", "hardbreak"):
            count += 1
        elif name not in _INLINE_LEAVES:
            count += _line_breaks(node.children)
    return count


def _quote_prefix(line: str, quotes: int) -> str:
    """The leading blockquote markers of a line (at most ``quotes`` of them, each with one optional space)."""
    index = 0
    for _ in range(quotes):
        probe = index
        while probe < len(line) and probe - index < 3 and line[probe] == " ":
            probe += 1
        if probe < len(line) and line[probe] == ">":
            index = probe + 1
            if index < len(line) and line[index] in " \t":
                index += 1
        else:
            break
    return line[:index]


# A line opening this many container markers (or as deep an indentation) might nest deeper than the limit: the
# compiled parser has no nesting limit and overflows its stack there, so such a document goes to markdown-it-py.
# Searched in "\n" + text: a line start is then a newline, a literal the engine skips to (``^`` under MULTILINE
# is tried at every position).
_DEEP_CANDIDATE = lazy(r"\n([ \t>*+\-0-9.)]{24,})")
_MARKER = lazy(r">|[-*+](?=[ \t])|[0-9]{1,9}[.)](?=[ \t])")


def _may_nest_deeper_than(text: str, limit: int) -> bool:
    """Whether some line could open ``limit`` containers: an upper bound, counting each marker and every two
    columns of indentation as one level (linear in the text)."""
    for match in _DEEP_CANDIDATE.finditer("\n" + text):
        prefix = match.group(1)
        columns = len(prefix.expandtabs(4)) - len(prefix.lstrip(" \t").expandtabs(4))
        if len(_MARKER.findall(prefix)) + columns // 2 >= limit:
            return True
    return False


_BACKTICKS = lazy(r"`+")


def _may_leave_a_code_span_open(text: str) -> bool:
    """Whether a backtick run may stay unmatched after a ``[``: markdown-it-pyrs 0.4 panics on that (``[`x``). A
    run length seen an odd number of times is the cheap sign (0.8 % of corpus Markdown files). Where no run is
    longer than three (inline code and fences), how many runs there are of each length follows from counting one,
    two and three backticks in a row (a run of L holds L // k non-overlapping runs of k): four string scans instead
    of a pattern listing every run."""
    if "[" not in text or "`" not in text:
        return False
    if "````" not in text:
        threes = text.count("```")
        twos = text.count("``") - threes
        ones = text.count("`") - 2 * twos - 3 * threes
        return bool(ones % 2 or twos % 2 or threes % 2)
    return any(count % 2 for count in Counter(map(len, _BACKTICKS.findall(text))).values())


def _compiled_tree(source: str) -> Any:
    """The compiled parser's tree, or None where it panicked (the reference parser then reads the text)."""
    try:
        return _compiled().tree(source)
    except BaseException as exc:  # pyo3's PanicException derives from BaseException, not Exception
        if type(exc).__name__ != "PanicException":
            raise
        _compiled.cache_clear()  # never reuse a parser that stopped half-way
        return None


@cache
def _compiled() -> Any:
    """markdown-it-pyrs (Rust), the hot path; None where its wheel is missing."""
    try:
        import markdown_it_pyrs
    except ImportError:
        return None
    return markdown_it_pyrs.MarkdownIt("commonmark").enable("table")


# A fence line at the top level: up to three spaces, three or more backticks or tildes, an info string or none
_FENCE_LINE = lazy(r"^ {0,3}(`{3,}|~{3,})[ \t]*(.*?)[ \t]*$")
_TEMPLATE_INFOS = frozenset({"markdown", "md"})  # the info strings of a fence that holds a Markdown document


def _holds_markdown(info: str) -> bool:
    """Whether a fence's info string says the block is a Markdown document (```` ```markdown ````, ```` ```md ````)."""
    return (info.split() or [""])[0].lower() in _TEMPLATE_INFOS


def _may_hold_a_template(text: str) -> bool:
    """Whether some fence of ``text`` has an info string starting like a template's (``markdown``, ``md``): a few
    string searches per fence, four times cheaper than a multi-line pattern over every document."""
    for marker in ("```", "~~~"):
        at = text.find(marker)
        while at != -1:
            if text[at + 3:at + 40].lstrip(marker[0] + " \t")[:8].lower().startswith(("markdown", "md")):
                return True
            at = text.find(marker, at + 3)
    return False


def nested_fences(lines: list[str]) -> list[tuple[int, int, int]]:
    """Markdown templates whose author nested fences of the outer fence's kind: a ```markdown block holding ```bash
    ... ``` lines. CommonMark ends the template at the inner block's closing line (GitHub shows the rest of it as the
    document, and its commands as the skill's); its author paired each inner opening with a closing. Each found:
    0-based (outer opening line, first inner opening line, the line that closes the outer fence as its author meant).

    Inner fences pair up as a stack. A bare fence with none open either closes the template or opens a plain inner
    block (```` ``` ```` under "### Status Update" inside it). It closes the template where the document resumes
    after it (the end, or a heading no deeper than the one the template is under), or where a bare fence follows
    right after a closing one (an inner block's close, then the template's), or where, that fence taken as a block's
    opening, a rule and a heading as shallow as the template's own follow before anything closes it; failing these,
    the first such fence does. Not past another template's opening, nor past ``_NESTED_REACH`` lines from
    CommonMark's close of it. The lines read in all are capped at a few times the document's (templates that never
    pair up would each read to the end). None found where no inner fence has an info string."""
    found = []
    index = 0
    level = 6  # of the last heading outside code blocks: a template's own headings are deeper or anything
    budget = _NESTED_BUDGET * len(lines) + 1000
    while index < len(lines) and budget > 0:
        opening = _FENCE_LINE.match(lines[index])
        if opening is None:
            if (heading := _ATX_HEADING.match(lines[index])) is not None:
                level = len(heading.group(1))
            index += 1
            continue
        marker, info = opening.group(1), opening.group(2)
        template = _holds_markdown(info) and not (marker[0] == "`" and "`" in info)
        stack: list[int] = []
        inner = first_close = stack_close = pair_close = None
        emptied_at = None  # the bare fence that last closed the innermost block, while only blank lines follow it
        line = index + 1
        while line < len(lines) and budget > 0:
            budget -= 1
            fence = _FENCE_LINE.match(lines[line])
            if first_close is not None and line - first_close > _NESTED_REACH:
                break  # bounded: past CommonMark's close, each template reads this far for its author's close
            if fence is None or fence.group(1)[0] != marker[0] or len(fence.group(1)) < len(marker):
                if lines[line].strip():
                    emptied_at = None
                    if stack == [stack_close] and _sets_apart(lines, line, level):
                        pair_close = stack_close  # that bare fence closed the template: the document went on
                        break
                line += 1
                continue
            if not template:
                if not fence.group(2):
                    break  # an ordinary block, closed here; a line with an info string inside it is content
            elif fence.group(2):
                if not stack and stack_close is not None and _holds_markdown(fence.group(2)):
                    break  # another template: this one ended at the stack's close
                stack.append(line)
                inner = line if inner is None else inner
                emptied_at = None
            else:
                first_close = line if first_close is None else first_close
                if stack:
                    stack.pop()
                    emptied_at = line if not stack else None
                elif emptied_at is not None:
                    pair_close = line  # an inner close, then the template's
                    break
                else:
                    stack_close = line if stack_close is None else stack_close
                    if inner is None:
                        break  # a template with no inner fence: CommonMark's close is its author's
                    if _resumes_after(lines, line, level):
                        pair_close = line
                        break
                    stack.append(line)  # taken as a plain inner block's opening, unless no pair follows
            line += 1
        close = pair_close if pair_close is not None else stack_close
        if template and inner is not None and close is not None and close != first_close:
            found.append((index, inner, close))
            index = close + 1
        else:
            index = (first_close if template and first_close is not None else line) + 1
    return found


_ATX_HEADING = lazy(r"^ {0,3}(#{1,6})(?:[ \t]|$)")


_THEMATIC_BREAK = lazy(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_RESUME_WINDOW = 5  # lines after a fence read for the document going on (blank lines and rules are looked past)


def _heading_within(text: str, level: int) -> bool:
    """Whether ``text`` is a heading no deeper than ``level``."""
    heading = _ATX_HEADING.match(text)
    return heading is not None and len(heading.group(1)) <= level


def _resumes_after(lines: list[str], line: int, level: int) -> bool:
    """Whether the document resumes after ``line``: the next line with text is a heading no deeper than ``level``,
    or there is none. A few blank lines are looked past, and a rule (``---``) that sets the next part apart."""
    for following in lines[line + 1:line + 1 + _RESUME_WINDOW]:
        if following.strip() and not _THEMATIC_BREAK.match(following):
            return _heading_within(following, level)
    return line + 1 + _RESUME_WINDOW >= len(lines)


def _sets_apart(lines: list[str], line: int, level: int) -> bool:
    """Whether ``line`` is a heading no deeper than ``level`` right after a rule (``---``): the document's next part,
    not a template's section."""
    if not _heading_within(lines[line], level):
        return False
    before = next((text for text in reversed(lines[max(line - 3, 0):line]) if text.strip()), "")
    return _THEMATIC_BREAK.match(before) is not None


_NESTED_REACH = 1000  # lines past CommonMark's close of a template in which its author's close is looked for
_NESTED_BUDGET = 4  # lines read in all, per line of the document


def _as_nested(lines: list[str], nested: list[tuple[int, int, int]]) -> list[str]:
    """``lines`` with each outer fence of ``nested`` (opening and closing line) made of the other fence character,
    as long: the parser then holds the inner fences in it, as the author meant, and no line or column moves. Not
    where the template holds a line that would close the new fence."""
    lines = list(lines)
    for start, _inner, end in nested:
        old = _FENCE_LINE.match(lines[start]).group(1)
        new = ("~" if old[0] == "`" else "`") * len(old)
        if any((m := _FENCE_LINE.match(lines[i])) is not None and m.group(1).startswith(new)
               for i in range(start + 1, end)):
            continue
        for i in (start, end):
            at = lines[i].index(old)
            lines[i] = lines[i][:at] + new + lines[i][at + len(old):]
    return lines


def parse_markdown(text: str, file: str, limits: Limits, *, engine: str = "auto",
                   ) -> tuple[MarkdownDoc, tuple[int, int, str] | None]:
    """Parse a Markdown file; returns the document and the front-matter block ``(start0, end0, yaml)`` if any.

    ``engine``: "auto" parses with markdown-it-pyrs and falls back to markdown-it-py (the reference) for text it
    cannot take (deep nesting, unpaired surrogates) or when the wheel is missing; "markdown-it-py" forces the
    reference.
    """
    # markdown-it ends lines at \n, \r\n and a lone \r alike and reads NUL as U+FFFD; normalise the same way so
    # spans and byte ranges agree.
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    nested = nested_fences(lines) if _may_hold_a_template(text) else []
    if nested:
        lines = _as_nested(lines, nested)
        text = "\n".join(lines)
    doc, front = _parse_lines(text, lines, file, limits, engine)
    doc.nested_fences = [(start + 1, inner + 1, end + 1) for start, inner, end in nested]
    return doc, front


def _parse_lines(text: str, lines: list[str], file: str, limits: Limits, engine: str,
                 ) -> tuple[MarkdownDoc, tuple[int, int, str] | None]:
    compiled = _compiled() if engine == "auto" else None
    if compiled is not None and not _may_nest_deeper_than(text, limits.max_markdown_nesting // 2) \
            and not _may_leave_a_code_span_open(text):
        source = text.replace("\0", "\ufffd")
        front = find_block(source)
        if front is not None:  # blank the front matter (same characters per line, same lines) rather than parse it
            blank = "\n".join(" " * len(line) for line in lines[:front[1]])
            source = blank + source[len(blank):]
        try:
            data = source.encode("utf-8")
        except UnicodeEncodeError:
            data = None
        if data is not None:
            tree = _compiled_tree(source)
            if tree is not None:
                builder = _Builder(file, lines, limits)
                walk = _TreeWalk(builder, data)
                walk.blocks(tree.children, (0, 0), 0, walk.last_line)
                return builder.finish(walk.max_level), front
    tokens = _markdown(limits.max_markdown_nesting).parse(text)
    front = None
    if tokens and tokens[0].type == "front_matter" and tokens[0].map:
        front = (tokens[0].map[0], tokens[0].map[1], tokens[0].content)
    return _Builder(file, lines, limits).build(tokens), front
