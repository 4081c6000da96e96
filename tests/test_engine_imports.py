"""The engine never imports Textual, and a Markdown-only run never imports WeasyPrint.

Checked in a fresh interpreter, since this test session may already have imported
either. A control in each check shows that it would see an import if there were one.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

from .conftest import run_brief_subprocess

HEAVY = ("textual", "weasyprint")


def run_python(code: str, cwd: Path) -> dict:
    """Run ``code`` in a new interpreter; it prints a JSON object as its last line."""
    completed = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], cwd=cwd,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0, completed.stderr
    return json.loads(completed.stdout.strip().splitlines()[-1])


LOADED = "sorted({name.split('.')[0] for name in sys.modules} & {'textual', 'weasyprint'})"


def test_engine_and_markdown_build_import_neither_textual_nor_weasyprint(repo: Path, tmp_path: Path) -> None:
    result = run_python(f"""
        import json, sys
        import brief.cli, brief.build, brief.assembly, brief.workspace
        after_import = {LOADED}
        code = brief.cli.main(["build", "briefings/weekly.yaml", "--format", "md", "--out", {str(tmp_path)!r}])
        after_build = {LOADED}
        from importlib.util import find_spec
        control = None
        if find_spec("textual") is not None:
            import textual  # the control: an import does show up
            control = {LOADED}
        print(json.dumps({{"import": after_import, "build": after_build, "code": code, "control": control}}))
    """, cwd=repo)
    assert result["code"] == 0
    assert list(tmp_path.glob("*.md")) and not list(tmp_path.glob("*.pdf"))
    assert result["import"] == []
    assert result["build"] == []
    assert result["control"] in (None, ["textual"])


def test_help_imports_neither(repo: Path) -> None:
    result = run_python(f"""
        import json, sys
        import brief.cli
        try:
            brief.cli.main(["--help"])
        except SystemExit as exit:
            code = exit.code
        print(json.dumps({{"loaded": {LOADED}, "code": code}}))
    """, cwd=repo)
    assert result == {"loaded": [], "code": 0}


def test_help_as_a_command_imports_neither(repo: Path) -> None:
    """``python -m brief.cli --help`` as a user runs it; ``-X importtime`` lists every import."""
    completed = subprocess.run([sys.executable, "-X", "importtime", "-m", "brief.cli", "--help"], cwd=repo,
                               capture_output=True, text=True, timeout=120)
    assert completed.returncode == 0
    assert completed.stdout.startswith("usage: brief")
    imported = {line.rsplit("|", 1)[-1].strip().split(".")[0]
                for line in completed.stderr.splitlines() if line.startswith("import time:")}
    assert "brief" in imported and "argparse" in imported  # the listing works
    assert not imported & set(HEAVY)


def test_help_via_the_shared_helper(repo: Path) -> None:
    completed = run_brief_subprocess("--help", cwd=repo)
    assert completed.returncode == 0
    assert completed.stdout.startswith("usage: brief")
    assert "Traceback" not in completed.stderr
