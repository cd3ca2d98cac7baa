"""`pip install .` (a real wheel) carries the corpus, prompts and UI package, not only the editable tree."""

import subprocess
import sys
import zipfile

import pytest

pytestmark = pytest.mark.integration


def test_wheel_contains_data_and_edges(tmp_path):
    root = __import__("pathlib").Path(__file__).resolve().parents[2]
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
            str(tmp_path),
            str(root),
        ],
        check=True,
        timeout=300,
    )
    [wheel] = tmp_path.glob("*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    assert sum(n.startswith("paperqa/ingest/corpus/") and n.endswith(".txt") for n in names) == 5
    assert {
        "paperqa/prompts/answer_system.txt",
        "paperqa/prompts/answer_user.txt",
        "paperqa/ui/__init__.py",
        "paperqa/ui/app.py",
        "paperqa/ui/render.py",
        "paperqa/cli.py",
        "paperqa/ingest/run.py",
    } <= names
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
