"""A long ingest gives freed arrays back to the system (glibc keeps them otherwise)."""

import subprocess
import sys

import pytest

from paperqa.index import heap

SCRIPT = """
import sys
import numpy as np
from paperqa.index import heap
if sys.argv[1] == "fixed":
    heap.return_large_arrays()
big = np.ones(16 << 20, np.uint8)
del big  # freeing a large mapped array raises glibc's threshold: later arrays come from the heap
arrays, pins = [], []
for _ in range(300):  # 300 MiB of 1 MiB arrays, each followed by a 64 KiB one that stays
    arrays.append(np.ones(1 << 20, np.uint8))
    pins.append(np.ones(64 << 10, np.uint8))
del arrays
if sys.argv[1] == "released":
    heap.release()
status = open("/proc/self/status").read()
print(int(status.split("RssAnon:")[1].split()[0]) // 1024)
"""


def anon_mb_after_freeing(mode: str) -> int:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux") or not heap.return_large_arrays(), reason="glibc only")
def test_freed_arrays_leave_the_process():
    kept = anon_mb_after_freeing("default")
    assert kept - anon_mb_after_freeing("fixed") > 200  # mapped one by one, unmapped when freed
    assert kept - anon_mb_after_freeing("released") > 200  # or handed back after the fact
