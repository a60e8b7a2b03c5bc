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


@pytest.fixture
def services(data_path: Path, clock: FixedClock) -> Iterator[Services]:
    with open_data_file(data_path) as data:
        services = Services.create(data, clock)
        services.profile.update(Profile(name="Sam Rivera"))
        yield services


@pytest.fixture
def assessment(services: Services) -> Assessment:
    draft = services.assessments.start("Engineer", "Manager")
    for statement in services.content.statements:
        services.assessments.rate(draft.id, statement.id, 5)
    services.assessments.set_status(draft.id, AssessmentStatus.COMPLETE)
    return services.assessments.get(draft.id)
