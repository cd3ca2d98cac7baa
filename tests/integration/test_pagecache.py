"""A new reader reads its generation's files into the page cache in the background (issue 11: a first reader's
questions read their pages from disk), and leaves files that would not fit to the kernel."""

import ctypes
import mmap
import os
import shutil
import sys

import pytest

from paperqa import Assistant, Settings
from paperqa.index import derived, pagecache

pytestmark = [pytest.mark.integration, pytest.mark.skipif(sys.platform != "linux", reason="mincore, MemAvailable")]


def resident(path) -> tuple[int, int]:
    """How many of a file's pages are in the page cache, and how many it has (mincore over a fresh map)."""
    size = path.stat().st_size
    pages = -(-size // mmap.PAGESIZE)
    found = (ctypes.c_ubyte * pages)()
    with open(path, "rb") as fh, mmap.mmap(fh.fileno(), size, access=mmap.ACCESS_COPY) as mapped:
        start = ctypes.c_char.from_buffer(mapped)  # the map's address; nothing is read through it
        failed = ctypes.CDLL(None, use_errno=True).mincore(
            ctypes.c_void_p(ctypes.addressof(start)), ctypes.c_size_t(size), found
        )
        del start
    assert failed == 0, os.strerror(ctypes.get_errno())
    return sum(b & 1 for b in found), pages


def evicted_copy(shipped_home, tmp_path):
    """A copy of the shipped index (paths this process has never warmed), its arrays dropped from the cache."""
    home = tmp_path / "home"
    shutil.copytree(shipped_home, home)
    root = home / "index" / "derived"
    generation = max(int(g.name[1:]) for g in root.glob("g*"))
    files = derived.files(root, generation)
    for path in files:
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())
            os.posix_fadvise(fh.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
    largest = max(files, key=lambda p: p.stat().st_size)
    cached, pages = resident(largest)
    assert pages > 64 and cached < pages // 2, (largest.name, cached, pages)  # else this test could not tell
    return home, files


def test_a_new_reader_reads_its_generation_into_the_page_cache(shipped_home, tmp_path):
    home, files = evicted_copy(shipped_home, tmp_path)
    assistant = Assistant(Settings(home=home, llm="offline"))
    with assistant.index.reading() as view:  # loading maps the arrays; no question touches them
        assert view.papers
    assert pagecache.idle(timeout=30)
    for path in files:
        cached, pages = resident(path)
        assert cached == pages, f"{path.name}: {cached} of {pages} pages cached"
    assistant.close()


def test_files_larger_than_half_the_free_memory_are_left_to_the_kernel(shipped_home, tmp_path, monkeypatch):
    home, files = evicted_copy(shipped_home, tmp_path)
    monkeypatch.setattr(pagecache, "_available", lambda: sum(p.stat().st_size for p in files))  # they fill all of it
    assistant = Assistant(Settings(home=home, llm="offline"))
    with assistant.index.reading():
        pass
    assert pagecache.idle(timeout=30)
    largest = max(files, key=lambda p: p.stat().st_size)
    cached, pages = resident(largest)
    assert cached < pages, "read although the files would not fit in half the free memory"
    assistant.close()
