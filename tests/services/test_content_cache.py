"""The assessment content's parsed copy in the cache folder (services/content_cache.py): the
same content as parsing gives, used while the files are unchanged, and never trusted over
them."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ontrack.domain import content as content_module
from ontrack.domain.content import ContentError, load_content
from ontrack.files.resources import resource_path
from ontrack.services.content_cache import CACHE_NAME, load_content_cached


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the bundled content, free to change."""
    return Path(shutil.copytree(resource_path("content"), tmp_path / "content"))


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """The folders whose TOML files were parsed, in order."""
    seen: list[Path] = []
    real = content_module.read_documents

    def counted(directory: Path) -> dict[str, object]:
        seen.append(directory)
        return real(directory)

    monkeypatch.setattr(content_module, "read_documents", counted)
    return seen


def test_the_copy_gives_the_content_parsing_gives(folder: Path, tmp_path: Path) -> None:
    first = load_content_cached(folder, tmp_path / "cache")
    assert (tmp_path / "cache" / CACHE_NAME).is_file()
    again = load_content_cached(folder, tmp_path / "cache")
    assert first == again == load_content(folder)


def test_unchanged_files_are_not_parsed_again(
    folder: Path, tmp_path: Path, parses: list[Path]
) -> None:
    load_content_cached(folder, tmp_path / "cache")
    load_content_cached(folder, tmp_path / "cache")
    assert parses == [folder]


def test_a_changed_file_is_parsed_again_and_checked(
    folder: Path, tmp_path: Path, parses: list[Path]
) -> None:
    load_content_cached(folder, tmp_path / "cache")
    factors = folder / "factors.toml"
    factors.write_text(factors.read_text("utf-8").replace("[[factors]]", "[[factor]]", 1))
    with pytest.raises(ContentError, match=r"factors\.toml"):
        load_content_cached(folder, tmp_path / "cache")
    assert parses == [folder, folder]


def test_a_file_touched_to_the_same_size_is_parsed_again(
    folder: Path, tmp_path: Path, parses: list[Path]
) -> None:
    load_content_cached(folder, tmp_path / "cache")
    questions = folder / "questions.toml"
    stat = questions.stat()
    os.utime(questions, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))
    load_content_cached(folder, tmp_path / "cache")
    assert parses == [folder, folder]


def test_a_damaged_copy_is_replaced(folder: Path, tmp_path: Path, parses: list[Path]) -> None:
    cache = tmp_path / "cache"
    expected = load_content_cached(folder, cache)
    (cache / CACHE_NAME).write_bytes(b"\x00not marshal")
    assert load_content_cached(folder, cache) == expected
    assert load_content_cached(folder, cache) == expected
    assert parses == [folder, folder]  # parsed again once, then the new copy is read


def test_without_a_cache_folder_it_parses(folder: Path, parses: list[Path]) -> None:
    assert load_content_cached(folder, None) == load_content(folder)
    assert parses == [folder, folder]  # this call and load_content: no copy anywhere


def test_a_missing_file_is_named(folder: Path, tmp_path: Path) -> None:
    (folder / "transitions.toml").unlink()
    with pytest.raises(ContentError, match=r"transitions\.toml"):
        load_content_cached(folder, tmp_path / "cache")
