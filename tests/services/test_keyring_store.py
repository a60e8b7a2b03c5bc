"""Where a keyring may exist, judged without loading `keyring` (120–270 ms even where it
finds none): a computer that surely has none is never asked."""

from __future__ import annotations

from pathlib import Path

import pytest

from ontrack.services import keyring_store

NONE_HERE: dict[str, str] = {"HOME": "/nonexistent"}


@pytest.fixture
def keyring_unloaded(monkeypatch: pytest.MonkeyPatch) -> None:
    # The test suite has `keyring` loaded (its GUI tests use an in-memory one); a program
    # starting up has not.
    monkeypatch.delitem(__import__("sys").modules, "keyring", raising=False)


@pytest.mark.usefixtures("keyring_unloaded")
def test_linux_without_a_session_bus_or_a_chosen_backend_has_none() -> None:
    assert not keyring_store.may_exist(NONE_HERE, "linux", configured=False)


@pytest.mark.usefixtures("keyring_unloaded")
@pytest.mark.parametrize(
    "environ",
    [
        {"DBUS_SESSION_BUS_ADDRESS": "unix:path=/run/user/1000/bus"},
        {"PYTHON_KEYRING_BACKEND": "keyring.backends.SecretService.Keyring"},
    ],
)
def test_a_session_bus_or_a_backend_named_may_have_one(environ: dict[str, str]) -> None:
    assert keyring_store.may_exist(environ, "linux", configured=False)


@pytest.mark.usefixtures("keyring_unloaded")
def test_a_session_bus_at_its_standard_place_may_have_one(tmp_path: Path) -> None:
    environ = {"XDG_RUNTIME_DIR": str(tmp_path)}
    assert not keyring_store.may_exist(environ, "linux", configured=False)
    (tmp_path / "bus").touch()
    assert keyring_store.may_exist(environ, "linux", configured=False)


@pytest.mark.usefixtures("keyring_unloaded")
def test_keyrings_own_configuration_file_counts(tmp_path: Path) -> None:
    environ = {"XDG_CONFIG_HOME": str(tmp_path)}
    assert not keyring_store.may_exist(environ, "linux")
    (tmp_path / "python_keyring").mkdir()
    (tmp_path / "python_keyring" / "keyringrc.cfg").write_text("[backend]\n")
    assert keyring_store.may_exist(environ, "linux")


@pytest.mark.usefixtures("keyring_unloaded")
@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_macos_and_windows_always_may(platform: str) -> None:
    assert keyring_store.may_exist(NONE_HERE, platform, configured=False)


def test_once_keyring_is_loaded_asking_it_costs_nothing_more() -> None:
    import keyring  # noqa: F401

    assert keyring_store.may_exist(NONE_HERE, "linux", configured=False)
