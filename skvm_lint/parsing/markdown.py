"""Markdown into :class:`MarkdownDoc` with markdown-it-py (CommonMark + tables + front matter, no linkify)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.front_matter import front_matter_plugin

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


@cache
def _markdown(max_nesting: int) -> MarkdownIt:
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
    # `read references/ch01.md` or `find the file`: an everyday word first needs another program next to be shell
    second = recognise(lines[1], CODE, file, line0 + 1, timeout_ms=timeout_ms) if len(lines) > 1 else None
    return second is not None and second.facts.commands[0].program != program


def _inside_quotation(before: str) -> bool:
    """Whether text ending in ``before`` has an open quotation: a command in quoted words ("Run `npx x`" as an
    example of what a user says, a plan step quoted in a table) is cited, not given to run."""
    return before.count('"') % 2 == 1 or before.count("\u201c") > before.count("\u201d")


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
                level = int(tok.tag[1])
                title = tokens[i + 1].content if i + 1 < n and tokens[i + 1].type == "inline" else ""
                while self.section_stack and doc.sections[self.section_stack[-1]].level >= level:
                    self.section_stack.pop()
                doc.sections.append(Section(title.strip(), level, self.span(tok.map[0]), doc.line_count,
                                            parent=self.current_section))
                self.section_stack.append(len(doc.sections) - 1)
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
                self.add_code_block(tok)
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
        for index, section in enumerate(doc.sections):
            end = doc.line_count
            for later in doc.sections[index + 1:]:
                if later.level <= section.level:
                    end = later.span.line - 1
                    break
            section.end_line = end
        doc.command_lines.sort(key=lambda c: (c.span.line, c.span.column))
        doc.truncated_nesting = max_level >= self.limits.max_markdown_nesting - 2
        return doc

    def add_code_block(self, tok: Token) -> None:
        start0, end0 = tok.map or (0, 0)
        fenced = tok.type == "fence"
        closed = True
        if fenced:
            last = self.lines[end0 - 1].lstrip("> \t").rstrip() if 0 < end0 <= len(self.lines) else ""
            closed = end0 - 1 > start0 and last.startswith(tok.markup) and last.strip(tok.markup[0]) == ""
        language = fence_language(tok.info) if fenced else None
        content_line = start0 + 2 if fenced else start0 + 1
        block = CodeBlock(tok.info.strip(), language, tok.content, self.span(start0), end0, content_line,
                          fenced=fenced, closed=closed, section=self.current_section, list_item=self.current_item)
        parse_as = language
        if fenced and (tok.info.split() or [""])[0].lower() == "tsx":
            parse_as = "tsx"
        elif language is None and _looks_like_shell(tok.content, self.file, content_line,
                                                    self.limits.parse_timeout_ms):
            parse_as = language = "shell"  # an unlabelled console session or command list (info stays "")
            block.language = "shell"
        if parse_as in PARSED_LANGUAGES and tok.content.strip():
            block.code = extract_facts(strip_prompts(tok.content, language or ""), parse_as, self.file,
                                       line_offset=content_line, timeout_ms=self.limits.parse_timeout_ms)
        self.doc.code_blocks.append(block)

    def add_command(self, text: str, where: str, line0: int) -> None:
        found = recognise(text, where, self.file, line0 + 1, timeout_ms=self.limits.parse_timeout_ms)
        if found is not None:
            self.doc.command_lines.append(CommandLine(found.text, self.span(line0, found.offset + 1), found.where,
                                                      found.facts))

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
            source = self.lines[line0] if line0 < len(self.lines) else ""
            found = recognise(text, PROSE, self.file, line0 + 1, timeout_ms=self.limits.parse_timeout_ms)
            if found is not None:
                column = max(source.find(text), 0) + found.offset + 1
                self.doc.command_lines.append(CommandLine(found.text, self.span(line0, column), found.where,
                                                          found.facts))

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
                if not heading and not _inside_quotation(before):
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


def parse_markdown(text: str, file: str, limits: Limits) -> tuple[MarkdownDoc, tuple[int, int, str] | None]:
    """Parse a Markdown file; returns the document and the front-matter block ``(start0, end0, yaml)`` if any."""
    tokens = _markdown(limits.max_markdown_nesting).parse(text)
    front = None
    if tokens and tokens[0].type == "front_matter" and tokens[0].map:
        front = (tokens[0].map[0], tokens[0].map[1], tokens[0].content)
    # markdown-it ends lines at \n, \r\n and a lone \r alike; count lines the same way so spans agree.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n") if "\r" in text else text.split("\n")
    doc = _Builder(file, lines, limits).build(tokens)
    return doc, front
