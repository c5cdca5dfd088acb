"""Files -> validated rows. Nothing here touches the database or Streamlit."""
