"""目标进度看板 — target-progress monitoring for city work-report targets.

Layers (imports point one way, enforced by tests/test_layers.py):
  core      pure progress maths, vocabulary, the message table, errors; imports nothing of ours
  ingest    files -> validated rows (decoding, headers, periods, units, problems)
  store     DuckDB: schema, every query, transactions; functions take a connection
  export    CSV/XLSX/PDF/PNG bytes and the fill-in template
  present   results -> words, tables, charts in zh/en (no Streamlit, no SQL)
  services  use cases shared by the command line and the pages
  ui        Streamlit pages; app.py the Streamlit entry, server.py the web server that
            serves it (with the login cookie's routes), cli.py the commands
"""
