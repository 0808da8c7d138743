"""`skvm-lint corpus scan`: incremental results, and an interrupted scan that resumes without losing or half-writing."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from skvm_lint.cli import main

from .conftest import write_skill

SKILL = """---
name: {name}
description: Reports item {n}. Use when asked about item {n}.
---
## Steps
1. Run `curl -s https://api.example.org/items/{n} | jq .name`
2. Summarise the result.
"""


def _hub(root: Path, count: int) -> Path:
    for n in range(count):
        name = f"skill-{n:03d}"
        write_skill(root / name, {"SKILL.md": SKILL.format(name=name, n=n)})
    return root


def _scan(hub: Path, out: Path, *extra: str) -> str:
    result = CliRunner().invoke(main, ["corpus", "scan", str(hub), "--out", str(out), "-q", *extra])
    assert result.exit_code == 0, result.output
    return result.output


def test_rescan_reuses_unchanged_skills(tmp_path: Path) -> None:
    hub = _hub(tmp_path / "hub", 5)
    out = tmp_path / "out"
    assert "5 analysed, 0 unchanged" in _scan(hub, out, "-j", "1")
    assert "0 analysed, 5 unchanged" in _scan(hub, out, "-j", "1")
    (hub / "skill-002" / "SKILL.md").write_text(SKILL.format(name="skill-002", n=99), encoding="utf-8")
    assert "1 analysed, 4 unchanged" in _scan(hub, out, "-j", "1")
    records = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["name"] for r in records] == [f"skill-{n:03d}" for n in range(5)]
    # the cached objects are exactly what `analyze` prints
    fresh = CliRunner().invoke(main, ["analyze", "--format", "json", "-q", "-j", "1", str(hub)])
    by_path = {json.loads(line)["path"]: json.loads(line) for line in fresh.output.splitlines()}
    assert all(by_path[r["path"]] == r for r in records)


def test_a_changed_bundle_invalidates_its_sub_skills(tmp_path: Path) -> None:
    """A sub-skill inherits what its bundle declares: editing the bundle's SKILL.md re-analyses the sub-skill."""
    hub = tmp_path / "hub"
    write_skill(hub / "bundle", {"SKILL.md": "---\nname: bundle\ndescription: Routes to jq tasks.\n---\nx\n"})
    write_skill(hub / "bundle" / "skills" / "sub", {"SKILL.md": SKILL.format(name="sub", n=1)})
    out = tmp_path / "out"
    assert "2 analysed, 0 unchanged" in _scan(hub, out, "-j", "1")

    def jq_declared() -> bool:
        records = [json.loads(line) for line in (out / "results.jsonl").read_text(encoding="utf-8").splitlines()]
        sub = next(r for r in records if r["name"] == "sub")
        return next(d for d in sub["dependencies"] if d["name"] == "jq")["declared"]

    assert not jq_declared()
    (hub / "bundle" / "SKILL.md").write_text("---\nname: bundle\ndescription: Routes to jq tasks.\nmetadata: "
                                             "{\"openclaw\": {\"requires\": {\"bins\": [\"jq\"]}}}\n---\nx\n",
                                             encoding="utf-8")
    assert "2 analysed, 0 unchanged" in _scan(hub, out, "-j", "1")
    assert jq_declared()


def test_a_changed_rule_set_invalidates_the_cache(tmp_path: Path) -> None:
    hub = _hub(tmp_path / "hub", 3)
    out = tmp_path / "out"
    _scan(hub, out, "-j", "1")
    assert "3 analysed" in _scan(hub, out, "-j", "1", "--select", "FM")


def test_interrupted_scan_resumes_and_never_half_writes(tmp_path: Path) -> None:
    hub = _hub(tmp_path / "hub", 200)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "skvm_lint", "corpus", "scan", str(hub), "--out", str(out),
                             "-q", "-j", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=_ctrl_c_default)
    deadline = time.monotonic() + 120
    rows = 0
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with sqlite3.connect(out / "cache.sqlite") as db:
                rows = db.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        except sqlite3.Error:
            rows = 0
        if rows:
            break
        time.sleep(0.05)
    assert proc.poll() is None and rows, "the scan finished before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=60)
    assert not (out / "results.jsonl").exists(), "an interrupted scan must not leave a partial results file"

    resumed = _scan(hub, out, "-j", "1")
    analysed = int(resumed.split(": ")[1].split(" analysed")[0])
    assert 0 < analysed < 200, resumed  # the committed work was kept
    complete = _scan(hub, tmp_path / "fresh", "-j", "1")
    assert "200 analysed" in complete
    assert (out / "results.jsonl").read_bytes() == (tmp_path / "fresh" / "results.jsonl").read_bytes()


def test_dask_engine_gives_the_same_results_and_cache(tmp_path: Path) -> None:
    """The same per-skill work on a Dask LocalCluster with two workers: same results.jsonl, and the process
    engine then finds everything cached."""
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    hub = _hub(tmp_path / "hub", 12)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        output = _scan(hub, tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address)
    assert "12 analysed, 0 unchanged" in output
    _scan(hub, tmp_path / "local", "-j", "1")
    assert (tmp_path / "dask" / "results.jsonl").read_bytes() == (tmp_path / "local" / "results.jsonl").read_bytes()
    assert "0 analysed, 12 unchanged" in _scan(hub, tmp_path / "dask", "-j", "1")


FLAT_MEMORY_CHILD = """
import json, resource, sys
from pathlib import Path
from skvm_lint.config import Config
from skvm_lint.corpus import scan

report = scan(sys.argv[2:], Path(sys.argv[1]), Config(), jobs=2)
print(json.dumps({"skills": report.skills, "analysed": report.analysed,
                  "peak": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024}))
"""


def test_20000_skill_hub_scans_with_flat_memory(tmp_path: Path) -> None:
    """A synthetic hub of 20,000 skills made from the shipped example, near copies of one another: the
    scanning parent's peak memory over the whole scan (the walk, the analysis, results.jsonl and the library step)
    is the same for 2,000 skills and for 20,000. What it remembers of each skill is in SQLite, not in Python."""
    example = (Path(__file__).resolve().parent.parent / "corpus" / "examples" / "weather-report" / "SKILL.md")
    head, _, body = example.read_text(encoding="utf-8").partition("\n---\n")
    body = body.split("## Setup")[0]
    hub = tmp_path / "hub"
    for n in range(20_000):
        folder = hub / f"owner{n % 200}" / f"skill-{n}"
        folder.mkdir(parents=True)
        (folder / "SKILL.md").write_text(head.replace("name: weather-report", f"name: skill-{n}")
                                         + f"\n---\n{body}\nCity number {n}.\n", encoding="utf-8")
    peaks = []
    for owners in (20, 200):  # 2,000 skills, then all 20,000
        proc = subprocess.run([sys.executable, "-c", FLAT_MEMORY_CHILD, str(tmp_path / f"out{owners}"),
                               *(str(hub / f"owner{k}") for k in range(owners))],
                              capture_output=True, text=True, timeout=900)
        assert proc.returncode == 0, proc.stderr[-2000:]
        run = json.loads(proc.stdout.strip().splitlines()[-1])
        assert run["skills"] == run["analysed"] == owners * 100, run
        peaks.append(run["peak"])
        with open(tmp_path / f"out{owners}" / "results.jsonl", encoding="utf-8") as fh:
            assert sum(1 for _ in fh) == owners * 100
    library = json.loads((tmp_path / "out200" / "library.json").read_text(encoding="utf-8"))
    assert library["skills"] == 20_000  # and the copies were found:
    assert sum(len(cluster["paths"]) for cluster in library["near_duplicates"]) >= 10_000
    assert peaks[1] - peaks[0] < 12, peaks  # MiB, for 18,000 more skills: under 0.7 KB a skill


def _zip(path: Path, members: dict[str, str]) -> None:
    import zipfile

    with zipfile.ZipFile(path, "w") as archive:
        for name, text in members.items():
            archive.writestr(name, text)


def test_skills_packed_in_archives_are_scanned_in_memory(tmp_path: Path) -> None:
    import io
    import tarfile

    hub = _hub(tmp_path / "hub", 1)
    _zip(hub / "zipped.skill", {"SKILL.md": SKILL.format(name="zipped", n=1),
                                "scripts/run.py": "import requests\nrequests.get('https://api.example.org')\n"})
    with tarfile.open(hub / "tarred.tar.gz", "w:gz") as archive:
        members = {"tarred/SKILL.md": SKILL.format(name="tarred", n=2), "tarred/references/api.md": "# API\n"}
        for name, text in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(text.encode())
            archive.addfile(info, io.BytesIO(text.encode()))
    _zip(hub / "slip.zip", {"SKILL.md": SKILL.format(name="slip", n=3), "../../.bashrc": "curl x | sh\n"})
    _zip(hub / "not-a-skill.zip", {"data.csv": "a,b\n"})
    out = tmp_path / "out"
    assert "4 analysed" in _scan(hub, out, "-j", "1")
    records = {r["name"]: r for r in map(json.loads, (out / "results.jsonl").read_text(encoding="utf-8").splitlines())}
    assert set(records) == {"skill-000", "zipped", "tarred", "slip"}
    assert any(d["name"] == "requests" for d in records["zipped"]["dependencies"])  # read from the packed script
    assert not [d for d in records["tarred"]["diagnostics"] if d["rule"] in ("FM008", "ST001")]  # name = archive
    slip = [d for d in records["slip"]["diagnostics"] if d["rule"] == "IO007"]
    assert slip and "../../.bashrc" in slip[0]["message"] and "not read" in slip[0]["message"]
    assert "0 analysed, 4 unchanged" in _scan(hub, out, "-j", "1")
    _zip(hub / "zipped.skill", {"SKILL.md": SKILL.format(name="zipped", n=9)})
    assert "1 analysed, 3 unchanged" in _scan(hub, out, "-j", "1")


def _weather_hub(root: Path, count: int) -> Path:
    example = Path(__file__).resolve().parent.parent / "corpus" / "examples" / "weather-report"
    for i in range(count):
        target = root / f"w{i:04d}"
        shutil.copytree(example, target)
        skill_md = target / "SKILL.md"
        skill_md.write_text(skill_md.read_text().replace("name: weather-report", f"name: w{i:04d}"))
    return root


def _ctrl_c_default() -> None:
    """In the scan's process: Ctrl-C does what it does at a terminal. A suite started in the background (`pytest &`
    from a script) has SIGINT ignored, the children inherit that, and Python then leaves it ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _start_scan(hub: Path, out: Path) -> subprocess.Popen:
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    return subprocess.Popen([exe, "corpus", "scan", str(hub), "--out", str(out), "--jobs", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=_ctrl_c_default)


def _kept(out: Path) -> int:
    try:
        with sqlite3.connect(out / "cache.sqlite", timeout=5) as db:
            return db.execute("SELECT count(*) FROM results").fetchone()[0]
    except sqlite3.Error:
        return 0


def _workers(pid: int) -> list[int]:
    """The children of a process, read from /proc (no pgrep: a minimal machine may lack procps)."""
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()  # after "pid (comm)": state, ppid, ...
        except (OSError, IndexError):
            continue
        if int(fields[1]) == pid:
            children.append(int(stat.parent.name))
    return children


def _wait_for_work(process: subprocess.Popen, out: Path) -> None:
    deadline = time.monotonic() + 120
    while _kept(out) == 0 and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
    assert process.poll() is None, "the scan ended before it could be interrupted: give it more skills"


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")  # a zombie has exited


@pytest.mark.slow
def test_ctrl_c_and_sigterm_stop_a_scan_keep_the_work_and_leave_no_worker(tmp_path: Path):
    """kill -TERM left pool workers running under PID 1; Ctrl-C took 11-17 s and kept nothing in its first 10 s;
    a second scan into the same folder died with 'database is locked'."""
    hub = _weather_hub(tmp_path / "hub", 600)
    out = tmp_path / "out"
    scan = _start_scan(hub, out)
    _wait_for_work(scan, out)
    busy = subprocess.run([shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint")), "corpus",
                           "scan", str(hub), "--out", str(out)], capture_output=True, text=True, timeout=120)
    assert busy.returncode == 2 and "another scan (pid" in busy.stderr and "Traceback" not in busy.stderr
    scan.send_signal(signal.SIGINT)
    _, err = scan.communicate(timeout=30)
    assert scan.returncode == 130 and "run the same scan again to resume" in err, err
    kept = _kept(out)
    assert 0 < kept < 600
    resumed = subprocess.run([shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint")), "corpus",
                              "scan", str(hub), "--out", str(out), "--jobs", "2"], capture_output=True, text=True,
                             timeout=600)
    assert f"{600 - kept} analysed, {kept} unchanged" in resumed.stdout, resumed.stdout + resumed.stderr

    for sig in (signal.SIGTERM, signal.SIGKILL):
        again = tmp_path / f"out-{sig.name}"
        scan = _start_scan(hub, again)
        _wait_for_work(scan, again)
        workers = _workers(scan.pid)
        assert workers, "the scan runs a pool of workers"
        scan.send_signal(sig)
        scan.communicate(timeout=30)
        assert scan.returncode == (143 if sig == signal.SIGTERM else -signal.SIGKILL)
        deadline = time.monotonic() + 20
        while any(_alive(w) for w in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], f"workers outlived a {sig.name}ed scan"
        assert _kept(again) > 0
