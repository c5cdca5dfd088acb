"""The audit log as pages and commands add to it and read it (rows are only ever added)."""

from dashboard.store.audit import entries, record

__all__ = ["entries", "record"]
