"""The window fixtures (a demo file, private settings, an open window) for the safety
tests that drive the window too."""

from tests.gui.conftest import demo_file, open_window, settings, small_dataset  # noqa: F401
