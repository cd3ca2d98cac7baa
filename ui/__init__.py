from __future__ import annotations

import os
import tempfile

# Set before any module of the package imports Gradio, which reads them once at import ("from paperqa.ui.chat
# import …" first had left Gradio's own /tmp/gradio behind).
# Gradio keeps copies of served files (exports) in a shared /tmp/gradio that nothing empties, and its own
# clean-up at shutdown waits for open browser tabs in vain. This process's copies go in a folder of its own,
# removed when it exits (unless the user chose GRADIO_TEMP_DIR).
_SCRATCH = tempfile.TemporaryDirectory(prefix="paperqa-ui-")
os.environ.setdefault("GRADIO_TEMP_DIR", _SCRATCH.name)

# The app never needs the Hugging Face hub: no analytics, telemetry or registry look-ups.
for _name, _value in (
    ("GRADIO_ANALYTICS_ENABLED", "False"),
    ("HF_HUB_DISABLE_TELEMETRY", "1"),
    ("HF_HUB_OFFLINE", "1"),
):
    os.environ.setdefault(_name, _value)
