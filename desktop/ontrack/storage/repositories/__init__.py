"""Repositories: queries that map rows to domain objects and read models, one module per area."""
