"""Deployment defaults: Streamlit's config, the README's two quick-start commands."""

import re
import tomllib

from tests.conftest import ROOT


def test_streamlit_config_hides_deploy_and_sends_no_statistics():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text("utf-8"))
    assert config["client"]["toolbarMode"] == "viewer"
    assert config["browser"]["gatherUsageStats"] is False
    assert config["server"]["maxUploadSize"] == 20  # as the upload check (ingest/parse.py)


def test_quick_start_is_two_commands_and_the_dashboard_needs_no_test_tools():
    readme = (ROOT / "README.md").read_text("utf-8")
    start = readme[readme.index("## Quick start") :]
    blocks = re.findall(r"```bash\n(.*?)\n```", start, re.DOTALL)[:2]
    assert blocks == [
        "python -m pip install -e . && python -m streamlit run dashboard/server.py",
        'python -m pip install -e ".[test]" && python -m pytest',
    ]
    ci = (ROOT / ".ci" / "run").read_text("utf-8").replace("pip install -q ", "pip install ")
    assert blocks[1] in ci  # CI runs the README's test command


def test_screenshots_and_secrets_stay_out_of_git():
    ignored = (ROOT / ".gitignore").read_text("utf-8").split()
    assert {"test-artifacts/", ".streamlit/secrets.toml"} <= set(ignored)
