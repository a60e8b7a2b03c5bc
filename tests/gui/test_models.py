"""Every item model passes pytest-qt's model tester, empty and full, and pages lazily."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from ontrack.domain.clock import FixedClock
from ontrack.domain.dataset import Dataset
from ontrack.domain.network import Contact
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from ontrack.ui.paged_model import PagedTableModel
from ontrack.ui.roles import ATTENTION_ROLE, RECORD_ROLE, SORT_ROLE
from ontrack.ui.table_models import ContactsTableModel


@pytest.fixture(autouse=True)
def _application(qapp) -> None:  # type: ignore[no-untyped-def]
    """Models paint icons, which needs a QApplication even without any widget."""


@pytest.fixture
def services(demo_file: Path, clock: FixedClock) -> Iterator[Services]:
    data = open_data_file(demo_file)
    yield Services.create(data, clock)
    data.close()


MODELS = {"contacts": ContactsTableModel}


@pytest.mark.parametrize("loaded", [False, True], ids=["empty", "loaded"])
@pytest.mark.parametrize("name", list(MODELS))
def test_table_models_pass_the_model_tester(  # type: ignore[no-untyped-def]
    qtmodeltester, services: Services, clock: FixedClock, name: str, loaded: bool
) -> None:
    model: PagedTableModel = MODELS[name](services.listings, clock.today())
    if loaded:
        model.reload()
        assert model.rowCount() > 0
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected: sorting and reloading are checked as they happen.
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    model.reload()
    while model.canFetchMore():
        model.fetchMore()


def test_sort_and_record_roles(services: Services, clock: FixedClock) -> None:
    model = ContactsTableModel(services.listings, clock.today())
    model.reload()
    index = model.index(0, 0)
    record = index.data(RECORD_ROLE)
    assert index.data(SORT_ROLE) == record.name.casefold()
    assert index.data() == record.name


def test_each_role_a_cell_is_painted_with(services: Services, clock: FixedClock) -> None:
    """What painting asks of every cell: text, alignment and the attention marks; the
    roles the model leaves to the style answer nothing."""
    model = ContactsTableModel(services.listings, clock.today())
    model.sort(5)  # next reconnect, soonest first: due contacts on top
    model.reload()
    due, calm = model.index(0, 0), None
    for row in range(model.rowCount()):
        if model.index(row, 0).data(ATTENTION_ROLE) is None:
            calm = model.index(row, 0)
            break
    assert due.data(ATTENTION_ROLE) == "Due to reconnect"
    assert calm is not None
    assert due.data(Qt.ItemDataRole.BackgroundRole) is not None
    assert due.data(Qt.ItemDataRole.DecorationRole) is not None
    assert due.siblingAtColumn(1).data(Qt.ItemDataRole.DecorationRole) is None
    assert calm.data(Qt.ItemDataRole.BackgroundRole) is None
    assert "Due to reconnect: " in due.data(Qt.ItemDataRole.ToolTipRole)
    left = int((Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter).value)
    assert due.data(Qt.ItemDataRole.TextAlignmentRole) == left
    for role in (Qt.ItemDataRole.FontRole, Qt.ItemDataRole.ForegroundRole):
        assert due.data(role) is None
    assert model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) is None


def test_a_big_table_loads_a_page_at_a_time(
    data_path: Path, clock: FixedClock, qtmodeltester
) -> None:  # type: ignore[no-untyped-def]
    contacts = tuple(Contact(f"c{n:04}", f"Person {n:04}") for n in range(450))
    with open_data_file(data_path) as data:
        services = Services.create(data, clock)
        services.transfer.import_dataset(Dataset(contacts=contacts))
        model = ContactsTableModel(services.listings, clock.today())
        model.sort(0)
        model.reload()
        assert (model.rowCount(), model.total()) == (200, 450)
        assert model.canFetchMore()
        model.fetchMore()
        model.fetchMore()
        assert model.rowCount() == 450
        assert not model.canFetchMore()
        assert [model.index(r, 0).data() for r in (0, 449)] == ["Person 0000", "Person 0449"]
        qtmodeltester.check(model, force_py=True)
