"""The Assessment tab's parts: the wizard, results, profile chart, history and comparison."""
