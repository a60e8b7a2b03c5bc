"""The window fixtures (a demo file, private settings, an open window) for the safety
tests that drive the window too."""

from tests.gui.conftest import (  # noqa: F401
    demo_file,
    fallback_fonts,
    open_window,
    settings,
    small_dataset,
)
