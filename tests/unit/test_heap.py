"""A long ingest gives freed arrays back to the system (glibc keeps them otherwise)."""

import subprocess
import sys

import pytest

from paperqa.index import heap

SCRIPT = """
import importlib.util, sys
import numpy as np
spec = importlib.util.spec_from_file_location("heap", sys.argv[2])  # alone: the package's imports cost seconds
heap = importlib.util.module_from_spec(spec)
spec.loader.exec_module(heap)
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
    args = [sys.executable, "-c", SCRIPT, mode, str(heap.__file__)]
    out = subprocess.run(args, capture_output=True, text=True, check=True)
    return int(out.stdout.strip())


@pytest.mark.skipif(not sys.platform.startswith("linux") or not heap.return_large_arrays(), reason="glibc only")
def test_freed_arrays_leave_the_process():
    kept = anon_mb_after_freeing("default")
    assert kept - anon_mb_after_freeing("fixed") > 200  # mapped one by one, unmapped when freed
    assert kept - anon_mb_after_freeing("released") > 200  # or handed back after the fact
