"""Journal search on the large demo data (10,000 entries): what the list does for each
search — read the ids of every match, newest first, then the first page of rows — for
common, rare and prefix words, alone and combined with filters.
Target: under 30 ms each (median)."""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _fixtures import TODAY, large_demo_file

from ontrack.domain.clock import FixedClock
from ontrack.domain.enums import Factor, FeedbackKind
from ontrack.domain.journal_query import JournalQuery
from ontrack.services.journal import JournalService
from ontrack.services.registry import Services
from ontrack.storage.database import open_data_file

QUERIES = {
    "no search (the whole list)": JournalQuery(),
    "one common word": JournalQuery(text="meeting"),
    "one rare word": JournalQuery(text="retrospective"),
    "a one-letter word": JournalQuery(text="a"),
    "a two-letter prefix": JournalQuery(text="co"),
    "two words": JournalQuery(text="team demo"),
    "word + kind + factor": JournalQuery(
        text="meeting", kind=FeedbackKind.CONSTRUCTIVE, factor=Factor.TEAMWORK
    ),
    "word + date range": JournalQuery(text="a", since=date(2020, 1, 1), until=date(2022, 12, 31)),
    "follow-ups due and requests": JournalQuery(needs_follow_up=True),
    "no match": JournalQuery(text="zzzqqq"),
}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "large.sqlite"
        shutil.copy(large_demo_file(), path)  # opening migrates: keep the cache as it is
        start = time.perf_counter()
        with open_data_file(path) as data:
            opened = time.perf_counter() - start
            journal = JournalService(Services.create(data, FixedClock.on(TODAY)).context)
            entries = data.execute("SELECT count(*) FROM feedback").fetchone()[0]
            print(f"Journal search over {entries:,} entries (every id + first 200 rows)")
            print(f"  opening (builds the search index if not built yet): {opened * 1000:.0f} ms")
            for name, query in QUERIES.items():
                samples = []
                for _ in range(args.rounds):
                    start = time.perf_counter()
                    ids = journal.matching_ids(query)  # what the list model does
                    journal.entries(query, ids[:200])
                    found = len(ids)
                    samples.append(time.perf_counter() - start)
                print(
                    f"  {name:<30} {found:>6} found   "
                    f"median {statistics.median(samples) * 1000:6.1f} ms   "
                    f"max {max(samples) * 1000:6.1f} ms   n={len(samples)}"
                )


if __name__ == "__main__":
    main()
