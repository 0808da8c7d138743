"""Extract a solidification candidate into ``scripts/``: the fence becomes one command, the code a script.

Placeholders become arguments: argparse options for Python (rewritten with libcst, so only string literals and
names change), positional parameters for shell and ``process.argv`` for Node, both substituted with their quoting
respected. The new script must parse (tree-sitter) or no fix is offered (for Python, whose rewrite needs libcst,
the fix is built when applied and reported as not applied when it cannot be built).
"""

from __future__ import annotations

import functools
import re

from ..analyses.solidification import POSITIONAL, Candidate, invocation, nested_bodies
from ..diagnostics import Applicability, Create, Edit, Fix, FixUnavailable, Replace
from ..model import Skill
from ..parsing.code import extract_facts
from .yaml_edit import line_end, line_offset


def extraction_fix(skill: Skill, candidate: Candidate) -> Fix | None:
    """The fix that moves a candidate into scripts/. Shell and JavaScript are rewritten now (plain text work);
    Python needs libcst (the `rewrite` extra), so its fix is built only when applied: checking never imports it."""
    if not candidate.safe or candidate.block is None:
        return None
    doc_file = skill.file(candidate.file)
    if doc_file is None or doc_file.text is None:
        return None
    description = f"extract the code into {candidate.script_path} and run it from SKILL.md"
    if candidate.language == "python":
        return Fix(description, (), Applicability.UNSAFE, build=functools.partial(_python_edits, doc_file.text,
                                                                                  candidate))
    body = _shell(candidate.block.text, candidate) if candidate.language == "shell" \
        else _javascript(candidate.block.text, candidate)
    edits = _edits(doc_file.text, candidate, body)
    return Fix(description, edits, Applicability.UNSAFE) if edits else None


def _python_edits(text: str, candidate: Candidate) -> tuple[Edit, ...]:
    edits = _edits(text, candidate, _python(candidate.block.text, candidate))
    if not edits:
        raise FixUnavailable("the Python could not be rewritten into a script with its parameters")
    return edits


def _edits(text: str, candidate: Candidate, body: str | None) -> tuple[Edit, ...]:
    """Replace the fence by one command and create the script; nothing when the script would not parse."""
    if body is None:
        return ()
    facts = extract_facts(body, candidate.language, candidate.script_path)
    if facts.syntax_errors or facts.not_read:
        return ()
    start, end = line_offset(text, candidate.span.line), line_end(text, candidate.end_line)
    opening = text[start:line_end(text, candidate.span.line)]
    indent = opening[: len(opening) - len(opening.lstrip())]
    marker = re.match(r"`{3,}|~{3,}", opening.lstrip()).group(0)
    fence = f"{indent}{marker}bash\n{indent}{invocation(candidate)}\n{indent}{marker}"
    return (Replace(candidate.file, start, end, fence), Create(candidate.script_path, body))


def _usage(candidate: Candidate, runner: str) -> str:
    names = " ".join((f"--{p.name.replace('_', '-')} " if candidate.language == "python" else "") + p.name.upper()
                     for p in candidate.parameters)
    return f"{runner} {candidate.script_path} {names}".rstrip()


def _header_comment(candidate: Candidate, mark: str) -> str:
    return (f"{mark} Extracted from {candidate.file} (lines {candidate.span.line}-{candidate.end_line}) by skvm-lint, so\n"
            f"{mark} the agent runs it instead of writing it out on every run.\n")


# --- Python: libcst ---------------------------------------------------------------------------------------------------

def _python(code: str, candidate: Candidate) -> str | None:
    try:
        import libcst as cst  # only this fix rewrites Python, and only when it is applied
    except ImportError:
        raise FixUnavailable("extracting Python needs libcst", install="pip install 'skvm-lint[rewrite]'") from None

    mapping = {p.placeholder: p.name for p in candidate.parameters}

    class Substitute(cst.CSTTransformer):
        def leave_SimpleString(self, original, updated):  # noqa: N802 (libcst's naming)
            value = updated.value
            prefix = re.match(r"^[rbuRBU]*", value).group(0)
            if "b" in prefix.lower() or not any(p in value for p in mapping):
                return updated
            quote = value[len(prefix) :][:3] if value[len(prefix) :][:3] in ('"""', "'''") else value[len(prefix)]
            inner = value[len(prefix) + len(quote) : -len(quote)]
            pieces = re.split("(" + "|".join(re.escape(p) for p in sorted(mapping, key=len, reverse=True)) + ")",
                              inner)
            parts: list[cst.BaseExpression] = []
            for piece in pieces:
                if piece in mapping:
                    parts.append(cst.parse_expression(f"_ARGS.{mapping[piece]}"))
                elif piece:
                    parts.append(cst.SimpleString(f"{prefix}{quote}{piece}{quote}"))
            expression = parts[0]
            for part in parts[1:]:
                expression = cst.BinaryOperation(expression, cst.Add(), part)
            return expression.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()]) \
                if len(parts) > 1 else expression

        def leave_Name(self, original, updated):  # noqa: N802
            if updated.value in mapping:
                return cst.parse_expression(f"_ARGS.{mapping[updated.value]}")
            return updated

    try:
        module = cst.parse_module(code)
        rewritten = module.visit(Substitute()).code
    except (cst.ParserSyntaxError, RecursionError, ValueError):
        return None
    if any(p in extract_facts(rewritten, "python", candidate.script_path).without_comments(rewritten)
           for p in mapping):
        return None  # a placeholder survives somewhere libcst does not rewrite (an f-string, a comment-like string)
    future = re.findall(r"(?m)^from __future__ import .*$", rewritten)
    rewritten = re.sub(r"(?m)^from __future__ import .*\n", "", rewritten)
    lines = ["#!/usr/bin/env python3", _header_comment(candidate, "#").rstrip("\n"), *future]
    if candidate.parameters:
        lines += ["import argparse as _argparse", "",
                  f"_parser = _argparse.ArgumentParser(usage={_usage(candidate, 'python3')!r})"]
        for p in candidate.parameters:
            lines.append(f"_parser.add_argument('--{p.name.replace('_', '-')}', dest={p.name!r}, required=True, "
                         f"help={'shown as ' + p.placeholder + ' in SKILL.md'!r})")
        lines += ["_ARGS = _parser.parse_args()", ""]
    return "\n".join(lines) + "\n" + rewritten.rstrip("\n") + "\n"


# --- shell and JavaScript: quote-aware substitution -------------------------------------------------------------------

def _substitute(code: str, mapping: dict[str, str], quoted: dict[str, str]) -> str:
    """Replace each placeholder by ``mapping[quote state]`` forms: quoted[state] % index. States: '', "'", '"', '`'."""
    pattern = re.compile("|".join(re.escape(p) for p in sorted(mapping, key=len, reverse=True)))
    out: list[str] = []
    quote = ""
    i = 0
    while i < len(code):
        m = pattern.match(code, i)
        if m:
            out.append(quoted[quote].format(mapping[m.group(0)]))
            i = m.end()
            continue
        c = code[i]
        if c == "\\" and quote != "'":
            out.append(code[i : i + 2])
            i += 2
            continue
        if not quote and c in "'\"`":
            quote = c
        elif c == quote:
            quote = ""
        out.append(c)
        i += 1
    return "".join(out)


SHELL_FORMS = {"": '"${{{0}}}"', '"': "${{{0}}}", "'": "'\"${{{0}}}\"'", "`": "${{{0}}}"}


def _substitute_shell(code: str, mapping: dict[str, str]) -> str | None:
    """Shell code with placeholders as positional parameters. A here-document's body is text, not shell words: its
    quotes and apostrophes are literal, so a placeholder there becomes a bare ``${1}``; in a quoted one (<<'EOF')
    nothing is expanded, so there is no script to offer."""
    lines = code.split("\n")
    pieces: list[str] = []
    start = 0
    for body in nested_bodies(code):
        if body.kind == "function":
            continue  # a function body is shell code like the rest
        pieces.append(_substitute("\n".join(lines[start:body.first]), mapping, SHELL_FORMS))
        text = "\n".join(lines[body.first:body.last])
        if body.kind == "quoted-heredoc" and any(p in text for p in mapping):
            return None
        pieces.append(_substitute(text, mapping, dict.fromkeys(SHELL_FORMS, "${{{0}}}")))
        start = body.last
    pieces.append(_substitute("\n".join(lines[start:]), mapping, SHELL_FORMS))
    return "\n".join(pieces)


def _shell(code: str, candidate: Candidate) -> str | None:
    used = [int(p.placeholder.strip("${}")) for p in candidate.parameters if POSITIONAL.fullmatch(p.placeholder)]
    next_index = max(used, default=0) + 1
    mapping: dict[str, str] = {}
    order: list[tuple[int, str]] = []
    for p in candidate.parameters:
        if POSITIONAL.fullmatch(p.placeholder):
            order.append((int(p.placeholder.strip("${}")), p.name))
            continue
        mapping[p.placeholder] = str(next_index)
        order.append((next_index, p.name))
        next_index += 1
    body = _substitute_shell(code, mapping) if mapping else code
    if body is None:
        return None
    lines = ["#!/usr/bin/env bash", _header_comment(candidate, "#").rstrip("\n")]
    if order:
        names = " ".join(name.upper() for _, name in sorted(order))
        lines += [f'if [ "$#" -lt {len(order)} ]; then',
                  f'  echo "usage: bash {candidate.script_path} {names}" >&2', "  exit 2", "fi"]
    return "\n".join(lines) + "\n" + body.rstrip("\n") + "\n"


def _javascript(code: str, candidate: Candidate) -> str | None:
    mapping = {p.placeholder: str(i + 2) for i, p in enumerate(candidate.parameters)}
    body = _substitute(code, mapping, {"": "process.argv[{0}]", '"': '" + process.argv[{0}] + "',
                                       "'": "' + process.argv[{0}] + '", "`": "${{process.argv[{0}]}}"}) \
        if mapping else code
    for empty in (" + ''", "'' + ", ' + ""', '"" + '):  # 'Bearer ' + process.argv[2] + '' -> 'Bearer ' + ...
        body = body.replace(empty, "")
    runner = "node" if candidate.language == "javascript" else "npx tsx"
    lines = [_header_comment(candidate, "//").rstrip("\n")]
    if mapping:
        usage = _usage(candidate, runner)
        lines += [f"if (process.argv.length < {len(mapping) + 2}) {{",
                  f"  console.error({usage!r});", "  process.exit(2);", "}"]
    return "\n".join(lines) + "\n" + body.rstrip("\n") + "\n"
