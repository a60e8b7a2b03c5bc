"""Services: the use cases, each in one transaction, announcing what changed on one signal."""
