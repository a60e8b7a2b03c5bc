"""`python -m ontrack`: the same as the `ontrack` command."""

import sys

from ontrack.cli import main

sys.exit(main())
