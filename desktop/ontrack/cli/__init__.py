"""The `ontrack` command: opens the window, or works headless with a subcommand.

A user's mistake prints one clear line to stderr and exits non-zero, never a traceback,
and never leaves a half-written output file.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module
from pathlib import Path

from .. import APP_NAME, __version__
from ..domain.enums import Relationship
from .errors import UserError

EXIT_USER_ERROR = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ontrack",
        description=f"{APP_NAME}: take charge of your career. With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    parser.add_argument("--data", type=Path, metavar="FILE", help="the data file (default: yours)")
    parser.add_argument(
        "--passphrase-file",
        type=Path,
        metavar="FILE",
        help="a protected data file's passphrase or recovery code: the first line of FILE "
        "(else the ONTRACK_PASSPHRASE environment variable, which other programs of yours "
        "can read, or a prompt on the terminal)",
    )
    parser.add_argument(
        "--exit-after-startup",
        nargs="?",
        const="current",
        choices=("current", "all"),
        metavar="all",
        help="open the window, paint it with its current tab (=all: every tab) and exit "
        "(for benchmarks)",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=text, description=text)
        # SUPPRESS: a --data given before the command is not overwritten by this default.
        sub.add_argument("--data", type=Path, metavar="FILE", default=argparse.SUPPRESS)
        sub.add_argument("--passphrase-file", type=Path, metavar="FILE", default=argparse.SUPPRESS)
        return sub

    _data_commands(command)
    _report_command(command("report", "write a PDF progress report (default: the last 12 months)"))
    backup = command("backup", "write a verified copy of the data file")
    backup.add_argument("--out", type=Path, required=True, metavar="OUT")
    restore = command("restore", "replace the data file with a backup (the current one is kept)")
    restore.add_argument("backup", type=Path, metavar="BACKUP")
    _protection_commands(command)
    _ratings_commands(command)
    return parser


Command = Callable[[str, str], argparse.ArgumentParser]  # a subcommand, by name and help


def _data_commands(command: Command) -> None:
    """The commands that fill, read or merge the data file."""
    demo = command("demo", "fill a new data file with sample data")
    demo.add_argument("--size", choices=("small", "large"), default="small")
    demo.add_argument("--seed", type=int, default=1)

    export = command("export", "write everything as an OnTrack interchange (JSON) file")
    export.add_argument("--out", type=Path, required=True, metavar="OUT.json")

    import_ = command("import", "merge an OnTrack interchange (JSON) file into the data file")
    import_.add_argument("source", type=Path, metavar="IN.json")

    import_contacts = command(
        "import-contacts", "merge LinkedIn's Connections.csv or a vCard file into the data file"
    )
    import_contacts.add_argument("source", type=Path, metavar="IN.csv|IN.vcf")

    calendar = command(
        "export-calendar",
        "write goal deadlines, step due dates, follow-ups and reconnect dates as an .ics file",
    )
    calendar.add_argument("--out", type=Path, required=True, metavar="OUT.ics")


def _report_command(report: argparse.ArgumentParser) -> None:
    report.add_argument("--out", type=Path, required=True, metavar="OUT.pdf")
    # Dates stay text here: cli.report checks them, so a bad one is one clear line.
    report.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    report.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (default: today)")
    report.add_argument(
        "--all", dest="all_time", action="store_true", help="from the first record on"
    )
    report.add_argument(
        "--summary", action="store_true", help="the one-page summary instead of the full report"
    )
    report.add_argument(
        "--page-size",
        choices=("a4", "letter"),
        help="the paper (default: Letter in the US and Canada, A4 elsewhere, from the locale)",
    )


def _ratings_commands(command: Command) -> None:

    ask = command("ask-ratings", "write a fillable PDF questionnaire for somebody to rate you")
    ask.add_argument(
        "--assessment", metavar="ID", help="the assessment (default: the latest complete one)"
    )
    ask.add_argument("--name", required=True, help="the rater's name")
    ask.add_argument("--relationship", choices=[r.value for r in Relationship], default="peer")
    ask.add_argument("--email", help="the rater's e-mail address (optional)")
    ask.add_argument(
        "--ask-consent",
        action="store_true",
        help="ask them on the form to agree to be shown by name (for a group under three "
        "that you formed yourself; not for a manager)",
    )
    ask.add_argument("--out", type=Path, required=True, metavar="FORM.pdf")

    returned = command("import-ratings", "add the answers of returned questionnaires")
    returned.add_argument("forms", type=Path, nargs="+", metavar="FORM.pdf")


def _protection_commands(command: Command) -> None:
    command(
        "protect",
        "encrypt the data file with a passphrase (asked twice, or --new-passphrase-file)",
    ).add_argument("--new-passphrase-file", type=Path, metavar="FILE")
    command(
        "change-passphrase", "change a protected data file's passphrase (the recovery code stays)"
    ).add_argument("--new-passphrase-file", type=Path, metavar="FILE")
    command("unprotect", "decrypt a protected data file in place")


# Each command's module, and its function: only the one run is imported.
_HANDLERS = {
    "demo": ("data", "demo"),
    "export": ("data", "export"),
    "export-calendar": ("calendar", "export_calendar"),
    "import": ("data", "import_"),
    "import-contacts": ("contacts", "import_contacts"),
    "report": ("report", "report"),
    "ask-ratings": ("ratings", "ask_ratings"),
    "import-ratings": ("ratings", "import_ratings"),
    "backup": ("backup", "backup"),
    "restore": ("backup", "restore"),
    "protect": ("protection", "protect"),
    "change-passphrase": ("protection", "change_passphrase"),
    "unprotect": ("protection", "unprotect"),
}


def _window(args: argparse.Namespace) -> int:
    from .early_unlock import begin_unlock

    path: Path | None = args.data
    if path is None:
        from ..files.paths import default_data_path, set_application_names

        set_application_names()
        path = default_data_path()
    # A protected file's key is worked out in a child process (or on a thread) while Qt and
    # the window's modules load (next), not after them; a file named on the command line,
    # before QtCore.
    unlock = begin_unlock(path, args.passphrase_file)
    from ..ui.pyside_hook import cheapen_feature_scan

    cheapen_feature_scan()  # before the window's modules load: see there why
    from ..app import run_window  # Qt widgets only when a window is wanted

    return run_window(path, exit_after_startup=args.exit_after_startup, unlock=unlock)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        return _window(args)
    if args.data is None:
        # Only the default data file's folder is named after them; QtCore loads for it.
        from ..files.paths import set_application_names

        set_application_names()
    module, name = _HANDLERS[args.command]
    handler = getattr(import_module(f".{module}", __package__), name)
    try:
        message = handler(args)
    except UserError as error:
        print(f"ontrack {args.command}: {error}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print(f"ontrack {args.command}: interrupted; nothing was changed", file=sys.stderr)
        return 130
    if message:
        print(message)
    return 0
