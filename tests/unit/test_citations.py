"""Citations to anything not retrieved are removed, in whole texts and in streams."""

from paperqa.answer.citations import StreamFilter, cited_numbers, clean


def test_clean_keeps_valid_and_drops_invalid():
    removed = []
    text = clean("A [1]. B [7]. C [1, 3]. D [2-4].", valid=3, removed=removed)
    assert text == "A [1]. B. C [1][3]. D [2][3]."
    assert removed == ["7", "4"]
    assert cited_numbers(text) == [1, 3, 2]


def test_prose_brackets_are_left_alone():
    assert clean("an interval [a, b] and [0.5]", valid=2) == "an interval [a, b] and [0.5]"


def test_stream_filter_never_shows_an_invalid_citation():
    full = "Claim [1]. Wrong [12]. Pair [2, 9]. Bracket [not a citation at all here]. End [3]"
    for size in (1, 2, 5, 100):
        f = StreamFilter(valid=2)
        shown = [f.feed(full[i : i + size]) for i in range(0, len(full), size)] + [f.flush()]
        assert "".join(shown) == "Claim [1]. Wrong. Pair [2]. Bracket [not a citation at all here]. End"
        assert all("[12]" not in s and "[9]" not in s for s in shown)
