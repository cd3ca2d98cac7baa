"""Stored arrays read through one helper: mapped arrays are plain arrays over the file, npz files read whole."""

from concurrent.futures import ThreadPoolExecutor

import numpy as np

from paperqa.index import arrays


def test_mapped_arrays_are_plain_views_of_the_file_and_threads_may_read_at_once(tmp_path):
    np.save(tmp_path / "a.npy", np.arange(12, dtype=np.int32).reshape(3, 4))
    got = arrays.mapped(tmp_path / "a.npy")
    assert type(got) is np.ndarray and not got.flags.owndata and got[2, 3] == 11
    with ThreadPoolExecutor(4) as pool:
        loaded = list(pool.map(lambda _: arrays.mapped(tmp_path / "a.npy").sum(), range(200)))
    assert loaded == [66] * 200
    np.savez(tmp_path / "b.npz", x=np.ones(3), y=np.zeros(2))
    both = arrays.read_npz(tmp_path / "b.npz", ["x", "y"])
    assert both["x"].sum() == 3 and both["y"].shape == (2,)
    read = arrays.read(tmp_path / "a.npy")
    assert read.flags.writeable and not isinstance(read, np.memmap) and read[1, 0] == 4
