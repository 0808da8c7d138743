"""Model responses cached in SQLite (standard library), keyed by everything that shapes them: the prompt (which holds
the skill's content, the target's levels and the demands), the system prompt, the model, its endpoint and the prompt
version. A second run over an unchanged skill costs no tokens."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

from ..user_cache import user_cache_dir
from .providers import Completion


def default_path() -> Path | None:
    """``llm.sqlite`` in the user's cache folder; None where caching is turned off (SKVM_LINT_NO_CACHE)."""
    folder = user_cache_dir()
    return Path(folder) / "llm.sqlite" if folder is not None else None


class ResponseCache:
    def __init__(self, path: Path | None) -> None:
        self.db = None
        if path is not None:
            path.parent.mkdir(parents=True, exist_ok=True)
            self.db = sqlite3.connect(path)
            self.db.execute("CREATE TABLE IF NOT EXISTS responses (key TEXT PRIMARY KEY, text TEXT NOT NULL, "
                            "input_tokens INTEGER NOT NULL, output_tokens INTEGER NOT NULL)")

    @staticmethod
    def key(*parts: str | None) -> str:
        return hashlib.sha256(json.dumps(parts).encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str) -> Completion | None:
        if self.db is None:
            return None
        row = self.db.execute("SELECT text, input_tokens, output_tokens FROM responses WHERE key = ?",
                              (key,)).fetchone()
        return Completion(*row) if row else None

    def put(self, key: str, completion: Completion) -> None:
        if self.db is not None:
            self.db.execute("INSERT OR REPLACE INTO responses VALUES (?, ?, ?, ?)",
                            (key, completion.text, completion.input_tokens, completion.output_tokens))
            self.db.commit()

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
