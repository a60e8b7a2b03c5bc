"""What the services' tests of asking others for ratings share: a file with the person's
name in it and a complete assessment to be rated. A test module with fixtures of the same
names uses its own."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ontrack.domain.assessment import Assessment
from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import AssessmentStatus
from ontrack.domain.profile import Profile
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file
from tests.conftest import TODAY, FileTemplates


def _fill(path: Path, *, assessed: bool) -> None:
    with open_data_file(path) as data:
        services = Services.create(data, FixedClock.on(TODAY))
        services.profile.update(Profile(name="Sam Rivera"))
        if assessed:  # every statement rated, one transaction each: filled once, copied
            draft = services.assessments.start("Engineer", "Manager")
            for statement in services.content.statements:
                services.assessments.rate(draft.id, statement.id, 5)
            services.assessments.set_status(draft.id, AssessmentStatus.COMPLETE)


@pytest.fixture
def services(
    data_path: Path,
    clock: FixedClock,
    file_templates: FileTemplates,
    request: pytest.FixtureRequest,
) -> Iterator[Services]:
    # A test that takes `assessment` gets a copy of the file that holds it already.
    assessed = "assessment" in request.fixturenames
    name = "sam-assessed" if assessed else "sam"
    file_templates.copy(name, lambda path: _fill(path, assessed=assessed), data_path)
    with open_data_file(data_path) as data:
        yield Services.create(data, clock)


@pytest.fixture
def assessment(services: Services) -> Assessment:
    """The complete assessment that `services` put in the file."""
    complete = services.assessments.latest_complete()
    assert complete is not None
    assert len(complete.answers) == len(services.content.statements)
    return complete
