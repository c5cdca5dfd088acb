"""DuckDB store: schema, every query, transactions. Functions take a connection."""
