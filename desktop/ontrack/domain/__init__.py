"""The domain: plain dataclasses, enums and rules. Standard library only, no Qt, no SQL."""
