"""compose.yaml (not run here: no container daemon on the build machine) holds together:
two replicas of one service definition on one PostgreSQL URL, one data folder and one
cookie secret, both behind the proxy with sticky sessions, the image serving
dashboard/server.py. Read as text: the project does not depend on a YAML reader."""

from tests.conftest import ROOT


def test_two_replicas_share_the_database_the_data_folder_and_the_cookie_secret():
    compose = (ROOT / "compose.yaml").read_text("utf-8")
    assert "  app1: *app\n  app2: *app\n" in compose  # one definition, two replicas
    assert "DASHBOARD_DB: postgresql://dashboard@db:5432/dashboard\n" in compose
    assert "PGPASSWORD: ${POSTGRES_PASSWORD:?" in compose  # not inside the URL
    assert "STREAMLIT_SERVER_COOKIE_SECRET: ${COOKIE_SECRET:?" in compose
    assert "- dashboard-data:/app/data " in compose and "DASHBOARD_DATA: /app/data\n" in compose
    assert "image: postgres:15\n" in compose
    caddy = (ROOT / "deploy" / "Caddyfile").read_text("utf-8")
    assert "reverse_proxy app1:8501 app2:8501" in caddy and "lb_policy cookie" in caddy
    assert '"dashboard/server.py"' in (ROOT / "Dockerfile").read_text("utf-8")
