"""The Network tab's pieces: models, the contact and event panes, and the import dialog."""
