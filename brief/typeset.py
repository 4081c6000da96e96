"""Typeset a Markdown brief to PDF in a separate process, with a time limit.

The TUI exports through here so that WeasyPrint never runs on the UI's
threads and a runaway typesetting job can be stopped:
``python -m brief.typeset FILE.md FILE.pdf PAPER TEMPLATE_DIR...``.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from brief.atomic import write_atomic
from brief.errors import Problem, UserError

TYPESET_TIMEOUT_SECONDS = 120


def typeset_in_subprocess(markdown_path: Path, pdf_path: Path, template_dirs: list[Path], paper: str,
                          timeout: float = TYPESET_TIMEOUT_SECONDS) -> Path:
    """Run the typesetter in its own process; a failure or time-out is a :class:`UserError`."""
    command = [sys.executable, "-m", "brief.typeset", str(markdown_path), str(pdf_path), paper,
               *map(str, template_dirs)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        raise UserError(Problem(f"typesetting the PDF took longer than {timeout:.0f} s and was stopped",
                                file=markdown_path)) from None
    if done.returncode != 0:
        message = (done.stderr.strip().splitlines() or ["unknown error"])[-1]
        raise UserError(Problem(f"typesetting the PDF failed: {message}", file=markdown_path))
    return pdf_path


def main(argv: list[str]) -> int:
    from brief.render_pdf import markdown_to_pdf

    markdown_path, pdf_path, paper, *dirs = argv
    try:
        markdown = Path(markdown_path).read_text(encoding="utf-8")
        write_atomic(Path(pdf_path), markdown_to_pdf(markdown, [Path(d) for d in dirs], paper=paper))
    except UserError as error:
        print(error.format(), file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
