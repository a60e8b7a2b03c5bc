"""Undoable commands: each keeps the old and new values and acts through a service."""
