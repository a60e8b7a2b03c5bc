"""`ontrack import-contacts --data FILE IN.csv|IN.vcf`: LinkedIn's Connections.csv or a vCard
file merged into the data file without the window, all or nothing, with counts."""

from __future__ import annotations

import argparse

from .cli import UserError
from .headless import _services
from .interchange.contact_errors import ContactImportError
from .interchange.contact_files import read_contacts_file
from .services.network import NetworkService

SHOWN_PROBLEMS = 5


def import_contacts(args: argparse.Namespace) -> str:
    try:
        found = read_contacts_file(args.source)
    except ContactImportError as error:
        raise UserError(f"{args.source}: {error}") from error
    if not found.contacts:
        first = f": {found.problems[0]}" if found.problems else ""
        raise UserError(f"{args.source}: no contact could be read{first}")
    with _services(args, create=True, writer=True) as services:
        network = NetworkService(services.context)
        plan = network.plan_import(found.contacts, found.problems)
        try:
            result = network.apply_import(plan, merge_duplicates=True)
        except ValueError as error:
            raise UserError(f"{args.source}: {error}; nothing was imported") from error
    message = (
        f"Imported {result.total:,} contacts from {args.source}: "
        f"{len(result.added_ids):,} new, {len(result.replaced):,} merged with existing contacts."
    )
    if plan.problems:
        shown = "; ".join(str(p) for p in plan.problems[:SHOWN_PROBLEMS])
        more = len(plan.problems) - SHOWN_PROBLEMS
        message += f"\nSkipped {len(plan.problems):,} unreadable: {shown}"
        message += f"; and {more:,} more" if more > 0 else ""
    return message
