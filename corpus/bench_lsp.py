"""How long after an edit does the language server publish diagnostics for it? Median corpus skills, real server.

    python corpus/bench_lsp.py [ROOT] [--skills 40] [--edits 5] [--seed 7]

Starts `skvm-lint server` over stdio (pygls client), opens the SKILL.md of skills whose total size is around the
corpus median, and for each edit (a line appended, unsaved) measures the wall time from didChange to the
publishDiagnostics of that document version. The time includes the server's debounce
(skvm_lint.lsp_server.DEBOUNCE_SECONDS): it is what an author waits for. Prints the median, p90 and worst.
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

HERE = Path(__file__).resolve().parent
DEFAULT_ROOT = HERE.parent.parent / "shared" / "corpus" / "openclaw-skills"


def median_skills(root: Path, count: int, seed: int) -> list[Path]:
    """Skills whose total file size lies in the middle fifth of the corpus (the median skill and its neighbours)."""
    sized = []
    for skill_md in root.rglob("SKILL.md"):
        folder = skill_md.parent
        size = sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
        sized.append((size, folder))
    sized.sort()
    middle = sized[len(sized) * 2 // 5: len(sized) * 3 // 5]
    return [folder for _, folder in random.Random(seed).sample(middle, min(count, len(middle)))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("root", nargs="?", type=Path, default=DEFAULT_ROOT)
    parser.add_argument("--skills", type=int, default=40)
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    args.root = args.root.resolve()  # documents are opened by file URI, which must be absolute
    if not args.root.is_dir():
        sys.exit(f"{args.root}: no such folder (the shared corpus sits beside the checkout)")

    arrived: dict[tuple[str, int | None], float] = {}
    client = LanguageClient("skvm-lint-bench", "1")

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def diagnostics(params: types.PublishDiagnosticsParams) -> None:
        arrived.setdefault((params.uri, params.version), time.perf_counter())

    await client.start_io(sys.executable, "-m", "skvm_lint", "server")
    await client.initialize_async(types.InitializeParams(capabilities=types.ClientCapabilities()))
    client.initialized(types.InitializedParams())

    async def wait_for(key: tuple[str, int], timeout: float = 60) -> float:
        deadline = time.perf_counter() + timeout
        while key not in arrived:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no diagnostics for {key}")
            await asyncio.sleep(0.001)
        return arrived[key]

    latencies, sizes = [], []
    for folder in median_skills(args.root, args.skills, args.seed):
        path = folder / "SKILL.md"
        uri = path.as_uri()
        text = path.read_text(encoding="utf-8", errors="replace")
        sizes.append(len(text.encode()))
        client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="markdown", version=1, text=text)))
        await wait_for((uri, 1))
        for version in range(2, args.edits + 2):
            text += f"\nAn unsaved edit, number {version}.\n"
            sent = time.perf_counter()
            client.text_document_did_change(types.DidChangeTextDocumentParams(
                text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
            latencies.append((await wait_for((uri, version))) - sent)
        client.text_document_did_close(types.DidCloseTextDocumentParams(types.TextDocumentIdentifier(uri=uri)))

    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    ms = sorted(1000 * x for x in latencies)
    print(f"{len(sizes)} skills around the median size of {args.root.name} (SKILL.md {statistics.median(sizes):,.0f} "
          f"bytes median), {len(ms)} edits")
    print(f"change -> diagnostics: median {statistics.median(ms):.0f} ms, p90 {ms[int(len(ms) * 0.9)]:.0f} ms, "
          f"worst {ms[-1]:.0f} ms (debounce included)")


if __name__ == "__main__":
    asyncio.run(main())
