"""The data files shipped in ``skvm_lint/data/`` (vocabulary, cues, lookup tables), read through the package's
loader: ``pkgutil.get_data`` works from a folder or a zip alike, and costs nothing to import, where
``importlib.resources`` costs about 10 ms of imports (tempfile, zipfile, shutil) in a one-skill run."""

from __future__ import annotations

import pkgutil


def data_text(name: str) -> str:
    """The text (UTF-8) of ``skvm_lint/data/<name>``."""
    data = pkgutil.get_data("skvm_lint", f"data/{name}")
    if data is None:  # a loader that cannot read data files: never the case for a folder or a wheel
        raise FileNotFoundError(f"skvm_lint/data/{name}")
    return data.decode("utf-8")
