"""The Journal tab's parts: list model and delegate, editor pane, filters, dialogs."""
