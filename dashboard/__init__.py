"""目标进度看板 — target-progress monitoring for city work-report targets.

Layers (imports point one way, enforced by tests/test_layers.py):
  core    pure progress maths and vocabulary: pandas/stdlib only, no I/O, no clock
  ingest  files -> validated rows (decoding, headers, periods, units, problems)
  store   DuckDB: schema, every query, transactions; functions take a connection
  charts  DataFrame -> Altair chart;  export  tables/charts -> bytes
  cli     thin commands;  app + ui  the only place that imports streamlit
"""
