"""Results into words, tables and charts in Chinese and English. No Streamlit, no SQL."""
