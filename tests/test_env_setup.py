"""env-setup.sh run for real, in a sandbox: a fresh virtualenv or .venv beside the skill, packages from a local
index, a PATH without system package managers (nothing is installed on the machine itself)."""

from __future__ import annotations

import base64
import hashlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from .conftest import write_skill

CORPUS_SKILLS = ("administratorfung/news-aggregator-skill-3", "andrewdmwalker/geo-optimization",
                 "bluemeda/bmkg-monitor")


def _wheel(folder: Path, name: str) -> None:
    """A minimal, valid wheel built by hand: pip installs it with no index and no build backend."""
    files = {f"{name}/__init__.py": "VALUE = 42\n",
             f"{name}-0.1.dist-info/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: 0.1\n",
             f"{name}-0.1.dist-info/WHEEL": "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\n"
                                          "Tag: py3-none-any\n"}
    record = []
    for path, text in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(text.encode()).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(text.encode())}")
    record.append(f"{name}-0.1.dist-info/RECORD,,")
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(folder / f"{name}-0.1-py3-none-any.whl", "w") as wheel:
        for path, text in files.items():
            wheel.writestr(path, text)
        wheel.writestr(f"{name}-0.1.dist-info/RECORD", "\n".join(record) + "\n")


def _sandbox_path(tmp_path: Path) -> str:
    """bash, coreutils and a python3; no apt-get, brew or sudo (and no uv: the plain venv path is what we test)."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    base_python = Path(getattr(sys, "_base_executable", sys.executable))
    (bin_dir / "python3").symlink_to(base_python)
    for tool in ("bash", "dirname", "id", "env", "cat", "rm", "mkdir", "ln", "uname", "sed", "grep", "head"):
        found = shutil.which(tool, path="/usr/bin:/bin")
        if found:
            (bin_dir / tool).symlink_to(found)
    return str(bin_dir)


def _setup_script(skill: Path) -> Path:
    script = skill / "env-setup.sh"
    exe = shutil.which("skvm-lint") or str(Path(sys.executable).with_name("skvm-lint"))
    subprocess.run([exe, "deps", str(skill), "--format", "sh", "-o", str(script)], check=True, timeout=120)
    return script


def _run(script: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(script)], capture_output=True, text=True, timeout=600, env=env)


def test_pip_packages_go_into_a_project_environment_never_user_or_system(tmp_path: Path):
    _wheel(tmp_path / "wheels", "skvmdemo")
    skill = write_skill(tmp_path / "demo-skill", {
        "SKILL.md": "---\nname: demo-skill\ndescription: Demo. Use when asked.\n---\n# Demo\nRun "
                    "`python3 {baseDir}/scripts/run.py`.\n",
        "scripts/run.py": "import skvmdemo\nprint(skvmdemo.VALUE)\n",
        "requirements.txt": "skvmdemo\n",
        "tests/test_run.py": "import pytest\n"})
    script = _setup_script(skill)
    text = script.read_text()
    assert "left out: pip pytest (a development tool" in text and "install --user" not in text
    env = {"PATH": _sandbox_path(tmp_path), "HOME": str(tmp_path / "home"), "PIP_NO_INDEX": "1",
           "PIP_FIND_LINKS": str(tmp_path / "wheels"), "PIP_DISABLE_PIP_VERSION_CHECK": "1"}
    first = _run(script, env)
    assert first.returncode == 0, first.stdout + first.stderr
    assert "1 installed, 0 failed" in first.stdout
    venv_python = skill / ".venv" / "bin" / "python"
    assert subprocess.run([str(venv_python), str(skill / "scripts" / "run.py")], capture_output=True,
                          text=True).stdout == "42\n"
    again = _run(script, env)  # idempotent: present now, nothing installed twice
    assert "1 present, 0 installed" in again.stdout, again.stdout

    # Inside an active virtualenv the packages go there, not into .venv (pip refused --user in one).
    active = tmp_path / "active"
    subprocess.run([str(Path(getattr(sys, "_base_executable", sys.executable))), "-m", "venv", str(active)],
                   check=True, timeout=300)
    shutil.rmtree(skill / ".venv")
    inside = _run(script, {**env, "VIRTUAL_ENV": str(active)})
    assert inside.returncode == 0 and "1 installed" in inside.stdout, inside.stdout + inside.stderr
    assert not (skill / ".venv").exists()
    assert subprocess.run([str(active / "bin" / "python"), "-c", "import skvmdemo"]).returncode == 0


def test_a_program_a_languages_package_manager_installs_is_set_up_with_it_then_found(tmp_path: Path):
    """`go install github.com/projectdiscovery/httpx/cmd/httpx@latest`: the script runs that line (Debian's httpx is
    another program), after go's own step, and finds the program in go's bin folder, which is not on PATH. `go` here
    is a stand-in that installs a program the way go does (the toolchain is not on the test machine)."""
    skill = write_skill(tmp_path / "recon-skill", {
        "SKILL.md": "---\nname: recon-skill\ndescription: Probe. Use when asked.\n---\n```bash\n"
                    "go install github.com/projectdiscovery/httpx/cmd/httpx@latest\nhttpx -u example.org\n```\n"})
    script = _setup_script(skill)
    text = script.read_text()
    go_step, httpx_step = text.index("step system go "), text.index("step system httpx ")
    assert go_step < httpx_step and "go install github.com/projectdiscovery/httpx/cmd/httpx@latest" in text
    path = _sandbox_path(tmp_path)
    gopath = tmp_path / "gopath"
    fake_go = Path(path) / "go"
    fake_go.write_text(f"""#!/bin/bash
if [ "$1" = env ] && [ "$2" = GOPATH ]; then echo {gopath}; exit 0; fi
if [ "$1" = install ]; then
  name="${{2%@*}}"; name="${{name##*/}}"; mkdir -p {gopath}/bin
  printf '#!/bin/bash\\necho ok\\n' > "{gopath}/bin/$name"; chmod +x "{gopath}/bin/$name"; exit 0
fi
exit 2
""")
    fake_go.chmod(0o755)
    done = _run(script, {"PATH": path, "HOME": str(tmp_path / "home")})
    assert done.returncode == 0, done.stdout + done.stderr
    assert "installed: system httpx" in done.stdout and (gopath / "bin" / "httpx").exists()


@pytest.mark.skipif(os.environ.get("CI") != "true", reason="installs real packages from PyPI: CI only")
@pytest.mark.parametrize("name", CORPUS_SKILLS)
def test_corpus_skills_imports_resolve_after_env_setup(corpus: Path, tmp_path: Path, name: str):
    skill = tmp_path / name.rsplit("/", 1)[-1]
    shutil.copytree(corpus / "openclaw-skills" / "skills" / name, skill)
    done = _run(_setup_script(skill), {"PATH": _sandbox_path(tmp_path), "HOME": str(tmp_path / "home")})
    assert "0 failed" in done.stdout, done.stdout + done.stderr
    # The interpreter the script settled on: .venv when it had to install, else the python3 that already had it all.
    python = skill / ".venv" / "bin" / "python"
    if not python.exists():
        python = Path(getattr(sys, "_base_executable", sys.executable))
    for script in sorted(skill.rglob("*.py")):
        if ".venv" in script.parts:
            continue
        imports = subprocess.run([str(python), "-c", "import ast, sys; tree = ast.parse(open(sys.argv[1]).read()); "
                                  "print(' '.join(sorted({a.name.split('.')[0] for n in ast.walk(tree) "
                                  "if isinstance(n, ast.Import) for a in n.names})))", str(script)],
                                 capture_output=True, text=True).stdout.split()
        for module in imports:
            if (script.parent / f"{module}.py").exists() or (skill / module).exists():
                continue  # the skill's own modules
            assert subprocess.run([str(python), "-c", f"import {module}"], capture_output=True,
                                  cwd=script.parent).returncode == 0, f"{script}: import {module} does not resolve"
