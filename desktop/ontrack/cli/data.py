"""`ontrack demo`, `export` and `import`: sample data, and everything in or out as JSON."""

from __future__ import annotations

import argparse

from ..interchange import json_codec
from ..interchange.errors import InterchangeError
from .errors import UserError
from .session import open_services


def demo(args: argparse.Namespace) -> str:
    from ..demo import generate

    with open_services(args, create=True, writer=True) as services:
        if not services.transfer.export_dataset().is_empty:
            raise UserError(
                f"{services.context.data.path} already holds data; "
                "sample data goes into a new or empty file"
            )
        dataset = generate(args.size, args.seed, services.context.clock.today())
        services.transfer.import_dataset(dataset)
        return (
            f"Wrote {args.size} sample data to {services.context.data.path}: "
            f"{len(dataset.goals):,} goals, {len(dataset.feedback):,} feedback entries, "
            f"{len(dataset.contacts):,} contacts."
        )


def export(args: argparse.Namespace) -> str:
    with open_services(args, create=False, writer=False) as services:
        dataset = services.transfer.export_dataset()
        try:
            json_codec.write_file(args.out, dataset, services.context.clock.now())
        except OSError as error:
            raise UserError(f"cannot write {args.out}: {error.strerror or error}") from error
        return f"Exported to {args.out}."


def import_(args: argparse.Namespace) -> str:
    try:
        dataset = json_codec.read_file(args.source)
    except InterchangeError as error:
        raise UserError(f"{args.source}: {error}") from error
    with open_services(args, create=True, writer=True) as services:
        summary = services.transfer.import_dataset(dataset)
    return (
        f"Imported {summary.total:,} records from {args.source}: "
        f"{summary.added:,} new, {summary.replaced:,} updated."
    )
