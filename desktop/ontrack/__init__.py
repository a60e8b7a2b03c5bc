"""OnTrack: a private desktop app for taking charge of your own career."""

__version__ = "0.1.0"
APP_NAME = "OnTrack"
APP_ID = "org.ontrack.OnTrack"
