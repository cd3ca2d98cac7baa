"""A reader's snapshot cache: pruning old copies never removes a copy another live process is still fetching."""

import os

from paperqa.index import derived
from paperqa.index.snapshots import SnapshotFolder

DEAD = 2**22 + 17  # above Linux's largest pid: no such process


def test_pruning_keeps_copies_in_progress_of_live_processes_only(tmp_path):
    mine, theirs = os.getpid(), os.getppid()
    folders = ["gkeep", f"g2.tmp{mine}", f"g3.tmp{theirs}", f"g4.tmp{DEAD}", "g5"]
    parts = ["pkeep", f"p1.tmp{mine}", f"p2.tmp{DEAD}", "p3"]
    for name in folders:
        (tmp_path / name).mkdir()
    for name in parts:
        (tmp_path / derived.PARTS / name).mkdir(parents=True)
    SnapshotFolder._forget(tmp_path, {"gkeep"}, {"pkeep"})
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == sorted(["gkeep", f"g2.tmp{mine}", f"g3.tmp{theirs}", derived.PARTS])
    assert sorted(p.name for p in (tmp_path / derived.PARTS).iterdir()) == sorted(["pkeep", f"p1.tmp{mine}"])
