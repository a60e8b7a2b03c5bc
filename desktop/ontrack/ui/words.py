"""Words OnTrack says in more than one place, kept here so that they agree: the welcome, the
Assessment tab and the wizard all describe the assessment the same way (tests check these
against the assessment content)."""

from __future__ import annotations

# What the assessment asks (resources/content: 40 statements on the 8 derailers, and three
# questions in your own words besides a box for anything else), and how long it takes.
ASSESSMENT_STATEMENTS = 40
ASSESSMENT_QUESTIONS = 3
ASSESSMENT_PARTS = "forty statements on the eight career derailers and three short questions"
ASSESSMENT_TIME = "about fifteen minutes"
