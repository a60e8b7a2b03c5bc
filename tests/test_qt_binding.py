"""Guards against defects in the Qt binding itself that would crash OnTrack or the suite."""

from __future__ import annotations

import subprocess
import sys
import textwrap


def test_disconnecting_a_signal_keeps_python_alive() -> None:
    # PySide6 6.12.0 lost a reference to True on every Signal.disconnect(); after enough
    # of them Python aborts. pyproject.toml excludes that release; this catches another.
    script = textwrap.dedent(
        """
        import sys
        from PySide6.QtCore import QObject, Signal

        class Emitter(QObject):
            fired = Signal()

        emitter = Emitter()
        def slot():
            pass
        before = sys.getrefcount(True)
        for _ in range(200):
            emitter.fired.connect(slot)
            emitter.fired.disconnect(slot)
        print(sys.getrefcount(True) - before)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert abs(int(result.stdout)) < 10
