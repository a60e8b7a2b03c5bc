"""The Goals tab's parts: table model, delegates, detail panel, step checklist, check-ins."""
