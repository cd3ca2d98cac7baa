"""A real `paperqa ingest` killed (SIGKILL) at many points of a multi-batch ingest: the index opens
consistent every time, loses nothing it had published, and a re-ingest completes without duplicates."""

import shutil
import subprocess
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.integration.indexing import PAPERQA, distinct, env_for, hash_assistant, write_jsonl

pytestmark = pytest.mark.integration
BASE, NEW, CHANGED = 60, 340, 40  # 400 papers to ingest in batches of 100: 4 batches, replacing 40 old papers

# (crash point, n-th time reached, delay in seconds: a kill that lands inside whatever runs next)
POINTS = [
    ("ingest.started", 1, None),
    ("chroma.upsert", 1, 0.004),  # inside the first Chroma write
    ("ingest.upserted", 2, None),  # vectors of batch 2 stored, its catalog rows not
    ("ingest.staged", 2, None),  # between batches
    ("chroma.upsert", 4, 0.004),  # inside the last Chroma write
    ("ingest.staged", 4, None),  # every batch staged, nothing published
    ("derived.bm25-saved", 1, None),  # during the derived-file writes
    ("ingest.derived-saved", 1, None),  # derived files written, catalog not yet published
    ("ingest.published", 1, None),  # published, replaced vectors not yet deleted
    ("chroma.delete", 1, 0.002),  # inside the clean-up of replaced vectors
    ("ingest.cleaned", 1, None),  # clean, `pending` not yet cleared
]
REPAIR_POINTS = [("repair.rolled-forward", 1, None), ("repair.orphans-deleted", 1, None)]


@pytest.fixture(scope="module")
def files(tmp_path_factory):
    root = tmp_path_factory.mktemp("crash")
    base = write_jsonl(root / "base.jsonl", [distinct(i, "b") for i in range(BASE)])
    rows = [distinct(i, "b", "revised") for i in range(CHANGED)] + [distinct(i, "n") for i in range(NEW)]
    more = write_jsonl(root / "more.jsonl", rows)
    seed = root / "seed"
    hash_assistant(seed).ingest([base])
    return seed, more


def run_ingest(home, corpus, crash=None, command=("ingest",)):
    env = env_for(home, PAPERQA_INGEST_BATCH="100")
    if crash:
        name, nth, delay = crash
        env["PAPERQA_CRASH_AT"] = f"{name}:{nth}" + (f":{delay}" if delay else "")
    args = [PAPERQA, *command] + ([str(corpus)] if corpus else [])
    return subprocess.run(args, env=env, capture_output=True, text=True, timeout=180)


def assert_consistent_and_whole(home, ingested: bool):
    a = hash_assistant(home)
    report = a.check()  # opening already repaired the index; check verifies every store against the catalog
    assert report.consistent, report.problems
    papers = a.index.papers
    assert all(f"b{i}" in papers for i in range(BASE)), "a published paper was lost"
    assert report.papers == (BASE + NEW if ingested else report.papers)
    for pid in ("b5", "b55") + (("n7", "n300") if ingested else ()):
        assert pid in papers and a.retrieve(f"{pid}marker")[0].paper.id == pid
    a.close()


def kill_then_heal(files, tmp_path, crash, repair_crash=None):
    seed, more = files
    home = tmp_path / "-".join(str(x) for x in (*crash, *(repair_crash or ())))
    shutil.copytree(seed, home)
    r = run_ingest(home, more, crash)
    assert r.returncode == -9, f"the crash point {crash} was not reached: {r.returncode} {r.stderr[-300:]}"
    if repair_crash:  # a second kill, this time in the middle of the repair of the first
        r = run_ingest(home, None, repair_crash, command=("check", "--repair"))
        assert r.returncode == -9, f"{repair_crash} was not reached: {r.stderr[-300:]}"
    assert_consistent_and_whole(home, ingested=False)
    a = hash_assistant(home, ingest_batch=100)
    report, _ = a.ingest([more])
    assert report.total == BASE + NEW
    a.close()
    assert_consistent_and_whole(home, ingested=True)
    b = hash_assistant(home)
    revised = [p for pid, p in b.index.papers.items() if pid.startswith("b") and "revised" in p.abstract]
    assert len(revised) == CHANGED
    b.close()
    return crash


def test_sigkill_at_every_point_then_heal_and_reingest(files, tmp_path):
    cases = [(p, None) for p in POINTS] + [(("ingest.staged", 3, None), rp) for rp in REPAIR_POINTS]
    assert len(cases) >= 10
    # Two at a time: each case is a separate index folder and separate processes.
    with ThreadPoolExecutor(2) as pool:
        done = list(pool.map(lambda c: kill_then_heal(files, tmp_path, *c), cases))
    assert len(done) == len(cases)


def test_three_kills_then_a_clean_reingest(files, tmp_path):
    seed, more = files
    home = tmp_path / "thrice"
    shutil.copytree(seed, home)
    for crash in (("ingest.staged", 2, None), ("chroma.upsert", 2, 0.004), ("ingest.published", 1, None)):
        assert run_ingest(home, more, crash).returncode == -9
    r = run_ingest(home, more)
    assert r.returncode == 0, r.stderr
    assert_consistent_and_whole(home, ingested=True)
