"""What an unlabelled code fence holds, read from its content (ST012 labels the fence with it)."""

from __future__ import annotations

import json

from ..model import CodeBlock
from ..parsing.code import extract_facts


def fence_language(block: CodeBlock) -> str | None:
    """The language an unlabelled fence holds, when its content shows it: JSON that loads, shell that parses
    (``console`` with prompts), Python that starts like Python and parses; None when unsure."""
    text = block.text.strip()
    if not text:
        return None
    if text[0] in "{[":
        try:
            json.loads(text)
            return "json"
        except ValueError:
            return None
    if block.language == "shell" and block.code is not None and not block.code.syntax_errors:
        prompts = any(line.lstrip().startswith("$ ") for line in text.split("\n"))
        return "console" if prompts else "bash"
    lines = [line for line in text.split("\n") if line.strip()]
    if any(line.startswith(("import ", "from ", "def ", "class ")) for line in lines) and \
            not extract_facts(block.text, "python", "fence").syntax_errors:
        return "python"
    return None
