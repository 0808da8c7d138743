"""The vocabulary every analysis and rule shares (programs, hub metadata keys, installers, hosts), read once from
``skvm_lint/data/vocabulary.toml``: adding a program or a hub key is an edit to that file, not to code."""

from __future__ import annotations

import re

from .lazy_re import LazyPattern, lazy
from .package_data import data_toml

_DATA = data_toml("vocabulary.toml")


def _words(section: str, key: str) -> frozenset[str]:
    return frozenset(_DATA[section][key])


def _pairs(key: str) -> frozenset[tuple[str, str]]:
    return frozenset((program, sub) for program, sub in _DATA["installers"][key])


def _hosts(key: str) -> LazyPattern:
    """A host or any of its subdomains; ``*`` in the data stands for one word."""
    names = "|".join(re.escape(h).replace(r"\*", r"\w+") for h in _DATA["hosts"][key])
    return lazy(rf"(^|\.)({names})$")


HUB_METADATA_KEYS = tuple(_DATA["hubs"]["metadata_keys"])
HUB_CLIS = frozenset(_DATA["hubs"]["clis"])  # in the file's order: evidence is listed in it
# the manifests beside code a host loads: each metadata key's `<key>.plugin.json`, and the listed ones (HOOK.md)
HOST_PLUGIN_MANIFESTS = frozenset(f"{key}.plugin.json" for key in HUB_METADATA_KEYS) \
    | frozenset(_DATA["hubs"]["plugin_manifests"])
# A hub install entry's kind -> (the type of package it names, the program the client installs it with or "")
HUB_INSTALL_KINDS = {kind: (entry["package"], entry.get("installer", ""))
                     for kind, entry in _DATA["hubs"]["install_kinds"].items()}

CLOUD_PROVIDERS = _words("clouds", "providers")
INTERPRETERS = _words("programs", "interpreters")
SHELL_EVALUATORS = _words("programs", "shell_evaluators")
# the language of an interpreter's inline program -> the options that hand it over, and every such option
INLINE_CODE_OPTIONS = {language: frozenset(options)
                       for language, options in _DATA["programs"]["inline_code_options"].items()}
ANY_INLINE_CODE_OPTION = frozenset().union(*INLINE_CODE_OPTIONS.values())
ACCELERATOR_LAUNCHERS = _words("programs", "accelerator_launchers")
PACKAGE_RUNNERS = _words("programs", "package_runners")
ALL_PACKAGE_RUNNERS = _words("programs", "all_package_runners")
NPM_PACKAGE_RUNNERS = _words("programs", "npm_package_runners")
# Runs the code it is handed (a script, inline code, or a pipe): what a download must never be piped into.
RUNS_CODE = INTERPRETERS | SHELL_EVALUATORS
# Programs whose first argument is a script or package: that argument, not the program, names the operation.
SCRIPT_RUNNERS = INTERPRETERS | PACKAGE_RUNNERS
WEB_CLIENTS = _words("programs", "web_clients")
DOWNLOADERS = _words("programs", "downloaders")
NETWORK_SENDERS = _words("programs", "network_senders")
ENV_DUMPERS = _words("programs", "env_dumpers")
ARCHIVERS = _words("programs", "archivers")
PRIVILEGED_TOOLS = _words("programs", "privileged_tools")
TEXT_PROGRAMS = _words("programs", "text_programs")
INSPECTORS = _words("programs", "inspectors")
AUDITORS = _words("programs", "auditors")
ASSUMED_PROGRAMS = _words("programs", "assumed")
BASE_PROGRAMS = _words("programs", "base")
MACOS_SHIPS = _words("programs", "macos_ships")

# program -> (first words, manifest name patterns) of the commands that build, test or run a project from its manifest
PROJECT_COMMANDS = {program: (frozenset(words), tuple(manifests))
                    for program, (words, manifests) in _DATA["project_commands"].items()}

PIP_INSTALLERS = _pairs("pip")
NPM_INSTALLERS = _pairs("npm")
SYSTEM_INSTALLERS = _pairs("system")

HOST_CLIS = _words("agents", "host_clis")
HOST_TOOLS = _words("agents", "host_tools")
BACKGROUND_SPAWNERS = _words("agents", "background_spawners")
AGENT_WEB_TOOLS = _words("agents", "web_tools")
AGENT_READ_TOOLS = _words("agents", "read_tools")
AGENT_TODO_TOOLS = _words("agents", "todo_tools")
AGENT_BROWSER_TOOLS = _words("agents", "browser_tools")

KNOWN_COMMANDS = _words("commands", "known")
COMMAND_WORDS = _words("commands", "words")
PROSE_WORDS = _words("commands", "prose")
SHELL_SYNTAX = _words("commands", "syntax")
# Every program the lexicon knows: the base system, interpreters, package runners, installers and well-known tools
KNOWN_PROGRAMS = KNOWN_COMMANDS | BASE_PROGRAMS | INTERPRETERS | ALL_PACKAGE_RUNNERS \
    | {program for program, _ in PIP_INSTALLERS | NPM_INSTALLERS | SYSTEM_INSTALLERS}
_DEV_TOOLS = tuple(_DATA["development"]["tools"])


def is_dev_tool(package: str) -> bool:
    """A testing, linting or formatting tool: nobody needs it to run a skill."""
    name = package.lower()
    return any(name.startswith(t[:-1]) if t.endswith("*") else name == t for t in _DEV_TOOLS)


def for_developers(path: str) -> bool:
    """A file of the skill's own development: its test suite (tests/, conftest.py) or the configuration of a tool
    that tests or lints it (`vitest.config.ts`, `eslint.config.mjs`, `.eslintrc.js`). Its developers run it; a
    user of the skill never does. (A `test_*.py` elsewhere may be a setup check its users run.)"""
    name = path.rsplit("/", 1)[-1]
    if in_tests_folder(path) or name == "conftest.py":
        return True
    tool = DEV_TOOL_CONFIG.fullmatch(name)
    return tool is not None and is_dev_tool(tool.group(1))


DEV_TOOL_CONFIG = lazy(r"\.?([a-z][\w-]*?)(?:\.config|rc)\.[cm]?[jt]s")  # the tool a configuration file is named for


def in_tests_folder(path: str) -> bool:
    """Under tests/, benchmarks/ or demo/: the skill's own test and benchmark suites, which its developers run,
    and the demos they record (`demo/record-full-demo.sh`). A script named test_* elsewhere
    (`scripts/test_connection.sh`) is often one its users run to check their setup."""
    return path.startswith(("tests/", "test/", "benchmarks/", "benchmark/", "demo/", "demos/")) or "/tests/" in path \
        or "/benchmarks/" in path


_PLACEHOLDER_PACKAGE = lazy(_DATA["placeholders"]["packages"])
_PLACEHOLDER_PROGRAM = lazy(_DATA["placeholders"]["programs"])


def is_placeholder_package(name: str) -> bool:
    """A name an example gives "your package" (`package-name`, `myapp`, `package1`), or one in brackets
    (`[package]`, `@iconify-json/[collection-name]`): no package to install."""
    return bool(_PLACEHOLDER_PACKAGE.match(_placeholder_key(name))) or _BRACKETED.search(name) is not None


def is_placeholder_program(name: str) -> bool:
    """A name an example gives "your command" (`long-running-command`, `your-script`), one in brackets, or one in
    capitals (`brew install FORMULA`, `brew search X`; not R): no program to install."""
    return bool(_PLACEHOLDER_PROGRAM.match(_placeholder_key(name))) or _BRACKETED.search(name) is not None \
        or name.isupper() and name not in KNOWN_PROGRAMS


_BRACKETED = lazy(r"\[[^\]]*\]")


def _placeholder_key(name: str) -> str:
    """The name as the placeholder patterns read it: lower case, without `-`, `_` and `.`."""
    return re.sub(r"[-_.]", "", name.lower())


SHELL_VARIABLES = _words("environment", "shell_variables")
# a system file's path -> the variables sourcing it sets
SOURCED_SYSTEM_FILES = {path: frozenset(names) for path, names in _DATA["environment"]["sourced_system_files"].items()}
NODE_BUILTINS = _words("node", "builtins")
# what each program's installation brings: npm and npx come with Node.js, gsutil with gcloud's SDK
COMES_WITH: dict[str, frozenset[str]] = {program: frozenset(others) for program, others in _DATA["comes_with"].items()}
BATS_FUNCTIONS = _words("bats", "functions")
CONSOLE_COMMANDS = {console: frozenset(words) for console, words in _DATA["consoles"].items()}
NPM_BIN_PACKAGES: dict[str, str] = dict(_DATA["node"]["bin_packages"])  # `npx tsc` runs package typescript
PIP_BIN_PACKAGES: dict[str, str] = dict(_DATA["python"]["bin_packages"])  # `hf` comes with huggingface_hub
PIP_NAMESPACE_DEPTHS: dict[str, int] = dict(_DATA["python"]["namespace_depths"])  # azure.ai.agents: 3 parts
# `@pytest.mark.asyncio` -> (pytest-asyncio, pytest_asyncio)
PYTEST_MARKER_PLUGINS: dict[str, tuple[str, str]] = {
    marker: (dist, module) for marker, (dist, module) in _DATA["python"]["pytest_markers"].items()}

EXFILTRATION_HOSTS = _hosts("exfiltration")
TUNNEL_HOSTS = _hosts("tunnels")


def strip_version(spec: str) -> str:
    """A package spec without its version: ``pkg@1.2`` -> ``pkg``; ``@scope/pkg@1`` -> ``@scope/pkg``."""
    at = spec.rfind("@")
    return spec[:at] if at > 0 else spec
