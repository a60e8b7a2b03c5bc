"""The Qt widgets: main window, tabs, dialogs, item models and delegates."""
