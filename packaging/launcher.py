"""The bundle's entry point: the same as the `ontrack` command."""

import sys

from ontrack.cli import main

if __name__ == "__main__":
    sys.exit(main())
