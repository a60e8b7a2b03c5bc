"""The window's unlock of a protected file at start-up (#20): begun before Qt's widgets
load, in a forked child where that is safe (else on a thread), from a passphrase file,
ONTRACK_PASSPHRASE or a key remembered on this computer; and no keyring is loaded where
there can be none. The start-path cases run `ontrack --exit-after-startup` in a fresh
interpreter; so does every case that forks (this test process has threads)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ontrack.cli.early_unlock import ThreadUnlock, begin_unlock
from ontrack.services import protection
from ontrack.storage import connection
from tests.storage.protected_data import fill

PASSPHRASE = "plum orchard by the sea"
BENCHMARKS = Path(__file__).resolve().parent / "benchmarks"  # its file-backed keyring


@pytest.fixture
def protected_file(tmp_path: Path) -> Path:
    path = fill(tmp_path / "secret.sqlite")
    protection.protect(path, PASSPHRASE)
    connection.forget_keys()  # the program under test is a new one
    return path


def _no_keyring_env(home: Path, **extra: str) -> dict[str, str]:
    """A session with no keyring: no session bus, no backend chosen, no keyring config."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DBUS_SESSION_BUS_ADDRESS", "PYTHON_KEYRING_BACKEND", "XDG_RUNTIME_DIR")
        and not key.startswith("XDG_CONFIG")
    }
    env.pop("ONTRACK_PASSPHRASE", None)
    return dict(env, QT_QPA_PLATFORM="offscreen", HOME=str(home), **extra)


def _start(path: Path, env: dict[str, str], *options: str) -> tuple[int, set[str], str]:
    """Run the window's start path; its exit code, the modules it loaded, its stderr."""
    script = textwrap.dedent(
        f"""
        import sys
        from ontrack.cli import main
        code = main([*{list(options)!r}, "--data", {str(path)!r}, "--exit-after-startup"])
        print(" ".join(sorted(sys.modules)))
        sys.exit(code)
        """
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, env=env, check=False
    )
    modules = {name.split(".")[0] for name in result.stdout.split()}
    return result.returncode, modules, result.stderr


def test_a_passphrase_file_opens_it_and_no_keyring_is_loaded_without_one(
    protected_file: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    code, loaded, errors = _start(
        protected_file, _no_keyring_env(tmp_path), "--passphrase-file", str(secret)
    )
    assert code == 0, errors
    assert "sqlcipher3" in loaded  # it really opened the protected file
    assert "keyring" not in loaded


def test_the_environment_variable_opens_the_window_too(
    protected_file: Path, tmp_path: Path
) -> None:
    env = _no_keyring_env(tmp_path, ONTRACK_PASSPHRASE=PASSPHRASE)
    code, _, errors = _start(protected_file, env)
    assert code == 0, errors


def test_without_a_passphrase_or_a_keyring_it_says_so_and_loads_no_keyring(
    protected_file: Path, tmp_path: Path
) -> None:
    code, loaded, errors = _start(protected_file, _no_keyring_env(tmp_path))
    assert code == 1
    assert "is protected" in errors
    assert "keyring" not in loaded


def test_a_key_remembered_in_the_keyring_opens_it_without_a_passphrase(
    protected_file: Path, tmp_path: Path
) -> None:
    env = _no_keyring_env(
        tmp_path,
        PYTHON_KEYRING_BACKEND="_file_keyring.FileKeyring",
        ONTRACK_BENCH_KEYRING=str(tmp_path / "keyring.json"),
        PYTHONPATH=os.pathsep.join([str(BENCHMARKS), os.environ.get("PYTHONPATH", "")]),
    )
    code, loaded, _ = _start(protected_file, env)
    assert code == 1  # nothing remembered yet
    remember = (
        "from pathlib import Path; from ontrack.services import protection; "
        f"protection.unlock(Path({str(protected_file)!r}), {PASSPHRASE!r}, remember=True)"
    )
    subprocess.run([sys.executable, "-c", remember], check=True, env=env)
    code, loaded, errors = _start(protected_file, env)
    assert code == 0, errors
    # The keyring was asked in the forked child: the window's process never loaded it.
    assert "keyring" not in loaded
    assert "sqlcipher3" in loaded


def _run(script: str, env: dict[str, str]) -> str:
    result = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(script)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_the_unlock_is_forked_beside_the_loading_of_qt_widgets(
    protected_file: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    script = f"""
        import sys
        from pathlib import Path
        from ontrack.cli.early_unlock import ForkedUnlock, begin_unlock
        from ontrack.storage.connection import key_for
        path = Path({str(protected_file)!r})
        unlock = begin_unlock(path, Path({str(secret)!r}))
        assert isinstance(unlock, ForkedUnlock), type(unlock)
        import PySide6.QtWidgets
        assert unlock.wait() and unlock.wait()  # a second wait gives the same answer
        assert key_for(path) is not None
        heavy = [m for m in ("argon2", "cryptography", "keyring") if m in sys.modules]
        assert not heavy, heavy  # the child loaded them, not this process
        """
    _run(script, _no_keyring_env(tmp_path))


def test_a_forked_unlock_with_a_wrong_passphrase_leaves_it_to_the_dialog(
    protected_file: Path, tmp_path: Path
) -> None:
    wrong = tmp_path / "wrong"
    wrong.write_text("plum orchard\n", encoding="utf-8")
    script = f"""
        from pathlib import Path
        from ontrack.cli.early_unlock import begin_unlock
        from ontrack.storage.connection import key_for
        path = Path({str(protected_file)!r})
        unlock = begin_unlock(path, Path({str(wrong)!r}), fork=True)
        assert not unlock.wait()
        assert key_for(path) is None
        """
    _run(script, _no_keyring_env(tmp_path))


def test_a_fault_in_the_forked_child_is_raised_where_it_is_joined(
    protected_file: Path, tmp_path: Path
) -> None:
    script = f"""
        from pathlib import Path
        from ontrack.cli.early_unlock import begin_unlock
        from ontrack.services import protection
        def broken(path):
            raise LookupError("a bug of ours")
        protection.is_protected = broken
        unlock = begin_unlock(Path({str(protected_file)!r}), None, fork=True)
        try:
            unlock.wait()
        except RuntimeError as error:
            print(error)
        """
    assert "LookupError: a bug of ours" in _run(script, _no_keyring_env(tmp_path))


def test_a_process_with_a_thread_does_not_fork(tmp_path: Path) -> None:
    script = """
        import threading
        from ontrack.cli.early_unlock import fork_is_safe
        assert fork_is_safe()
        stop = threading.Event()
        thread = threading.Thread(target=stop.wait)
        thread.start()
        assert not fork_is_safe()
        stop.set()
        thread.join()
        """
    _run(script, _no_keyring_env(tmp_path))


def test_the_thread_unlock_opens_it_too(protected_file: Path, tmp_path: Path) -> None:
    secret = tmp_path / "pass"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")
    unlock = begin_unlock(protected_file, secret, fork=False)
    assert isinstance(unlock, ThreadUnlock)
    assert unlock.wait()
    assert protection.is_unlocked(protected_file)


def test_a_plain_file_starts_no_unlock(tmp_path: Path) -> None:
    assert begin_unlock(fill(tmp_path / "plain.sqlite"), None) is None


def test_a_wrong_passphrase_leaves_it_to_the_dialog(
    protected_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(protection, "remembered_key", lambda path: None)
    wrong = tmp_path / "wrong"
    wrong.write_text("plum orchard\n", encoding="utf-8")
    unlock = begin_unlock(protected_file, wrong, fork=False)
    assert isinstance(unlock, ThreadUnlock)
    assert not unlock.wait()
    assert not protection.is_unlocked(protected_file)


def test_a_fault_on_the_thread_is_raised_where_it_is_joined(
    protected_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(path: Path) -> bool:
        raise RuntimeError("a bug of ours")

    monkeypatch.setattr(protection, "is_protected", broken)
    unlock = begin_unlock(protected_file, None, fork=False)
    assert unlock is not None
    with pytest.raises(RuntimeError, match="a bug of ours"):
        unlock.wait()
