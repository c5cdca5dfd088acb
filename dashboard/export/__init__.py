"""Exports: progress tables and charts -> CSV, XLSX, PDF and PNG bytes."""
