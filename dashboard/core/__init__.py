"""Pure progress core: values in, values out. No files, database, Streamlit or clock."""
