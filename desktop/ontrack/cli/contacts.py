"""`ontrack import-contacts --data FILE IN.csv|IN.vcf`: LinkedIn's Connections.csv or a vCard
file merged into the data file without the window, all or nothing, with counts.

Everything left out and every warning (a field skipped, cut or read in a guessed charset)
is listed, one per line with its line in the file, so a person can look each one up."""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from ..domain.contact_matching import RowProblem
from ..interchange.contact_errors import ContactImportError, counted
from ..interchange.contact_files import read_contacts_file
from .errors import UserError
from .session import open_services


def import_contacts(args: argparse.Namespace) -> str:
    try:
        found = read_contacts_file(args.source)
    except ContactImportError as error:
        raise UserError(f"{args.source}: {error}") from error
    if not found.contacts:
        left_out = [p for p in found.problems if not p.kept]
        first = f": {left_out[0]}" if left_out else ""
        raise UserError(f"{args.source}: no contact could be read{first}")
    with open_services(args, create=True, writer=True) as services:
        network = services.network
        plan = network.plan_import(found.contacts, found.problems)
        try:
            result = network.apply_import(plan, merge_duplicates=True)
        except ValueError as error:
            raise UserError(f"{args.source}: {error}; nothing was imported") from error
    message = (
        f"Imported {counted(result.total, 'contact')} from {args.source}: "
        f"{len(result.added_ids):,} new, {len(result.replaced):,} merged with existing contacts."
    )
    return message + describe_problems(plan.problems)


def describe_problems(problems: Sequence[RowProblem]) -> str:
    """The rows or cards left out, then the warnings, each on a line of its own."""
    left_out = [p for p in problems if not p.kept]
    skipped = [p for p in problems if p.kept]
    text = ""
    if left_out:
        text += f"\nLeft out {counted(len(left_out), 'entry', 'entries')} that cannot be read:"
        text += "".join(f"\n  {p}" for p in left_out)
    if skipped:
        what = (
            "the contact was imported; the warning says what was left out or changed"
            if len(skipped) == 1
            else "the contacts were imported; each warning says what was left out or changed"
        )
        text += f"\n{counted(len(skipped), 'warning')} ({what}):"
        text += "".join(f"\n  {p}" for p in skipped)
    return text
