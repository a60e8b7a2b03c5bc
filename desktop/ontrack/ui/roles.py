"""Custom item-data roles shared by OnTrack's models and views."""

from PySide6.QtCore import Qt

SORT_ROLE = Qt.ItemDataRole.UserRole + 1  # a value that sorts the column correctly
RECORD_ROLE = Qt.ItemDataRole.UserRole + 2  # the domain object behind the row
ATTENTION_ROLE = Qt.ItemDataRole.UserRole + 3  # a short reason the row needs attention, or None
