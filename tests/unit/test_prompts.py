"""Every shipped template renders; a missing or unknown variable fails loudly."""

import pytest

from paperqa import templates as prompts
from paperqa.errors import PromptError


def test_every_template_renders():
    assert {"answer_system", "answer_user"} <= set(prompts.names())
    for name in prompts.names():
        declared, _ = prompts.load(name)
        text = prompts.render(name, **{v: f"<{v}>" for v in declared})
        assert all(f"<{v}>" in text for v in declared)


def test_missing_and_unknown_variables_fail():
    with pytest.raises(PromptError, match="missing variable"):
        prompts.render("answer_user", question="q", sources="s")
    with pytest.raises(PromptError, match="unknown variable"):
        prompts.render("answer_system", refusal="R", nonce="n", extra="x")
