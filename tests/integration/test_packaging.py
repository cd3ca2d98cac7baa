"""`pip install .` (a real wheel) carries the corpus, prompts and UI package, not only the editable tree."""

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration


def test_wheel_contains_data_and_edges(tmp_path):
    # Built from a copy of the sources: a `build/` folder left in the tree would lend the wheel stale modules.
    root = tmp_path / "src"
    skip = shutil.ignore_patterns(".venv", "build", "*.egg-info", ".git", "__pycache__", "*_cache", "out")
    shutil.copytree(Path(__file__).resolve().parents[2], root, ignore=skip)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(tmp_path / "wheel"),
            str(root),
        ],
        check=True,
        timeout=300,
    )
    [wheel] = (tmp_path / "wheel").glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sum(n.startswith("paperqa/ingest/corpus/") and n.endswith(".txt") for n in names) == 5
    assert {
        "paperqa/prompts/answer_system.txt",
        "paperqa/prompts/answer_user.txt",
        "paperqa/ui/__init__.py",
        "paperqa/ui/app.py",
        "paperqa/ui/render.py",
        "paperqa/cli/app.py",
        "paperqa/index/core.py",
        "paperqa/answer/claims.py",
        "paperqa/ingest/run.py",
    } <= names
    library = {n for n in names if n.startswith("paperqa/") and n.endswith(".py")}
    edges = ("paperqa/ui/", "paperqa/ingest/", "paperqa/prompts/")
    assert all((root / "src" / n).exists() for n in library if not n.startswith(edges))  # nothing stale
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target), str(wheel)],
        check=True,
        timeout=300,
    )
    code = (
        "import paperqa, paperqa.corpus as c, paperqa.templates as t;"
        f"assert paperqa.__file__.startswith({str(target)!r});" + "print(len(c.shipped_corpus()), sorted(t.names()))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env={"PYTHONPATH": str(target)}, capture_output=True, text=True, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "5 ['answer_system', 'answer_user']"
