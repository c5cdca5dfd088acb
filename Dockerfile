# The dashboard as one container image (compose.yaml runs two of them on PostgreSQL).
FROM python:3.11-slim-bookworm
# A CJK font: PDF and PNG exports show Chinese instead of empty boxes.
RUN apt-get update && apt-get install -y --no-install-recommends fonts-wqy-microhei \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY dashboard ./dashboard
COPY .streamlit ./.streamlit
RUN pip install --no-cache-dir .
# The catalogue (and seasonal profiles) ship with the image and seed the shared data
# volume on first start; the synthetic sample figures do not: a real deployment starts
# without them.
COPY data/targets.csv data/seasonal_profiles.csv ./data/
ENV DASHBOARD_DATA=/app/data
EXPOSE 8501
# dashboard/server.py serves the pages and the login cookie's routes (README).
CMD ["python", "-m", "streamlit", "run", "dashboard/server.py", "--server.address=0.0.0.0", \
     "--server.port=8501", "--server.headless=true"]
