"""The Overview tab's parts: the attention list, the side cards and the first-run welcome."""
