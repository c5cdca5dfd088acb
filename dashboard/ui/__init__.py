"""Streamlit pages: the only code that imports streamlit. Pages only wire widgets."""
