"""Progress of long work on the terminal: a bar on a terminal, plain lines otherwise.

Used by the CLI while the corpus index is built or brought up to date. Short
work (fewer than :data:`QUIET_BELOW` articles) prints nothing.
"""

from __future__ import annotations

import sys
import time
from typing import TextIO

QUIET_BELOW = 25
BAR_WIDTH = 30


class TerminalProgress:
    """A ``progress(done, total, what)`` callback that draws on ``stream`` (stderr by default)."""

    def __init__(self, stream: TextIO | None = None, *, tty: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.tty = self.stream.isatty() if tty is None else tty
        self.started = time.monotonic()
        self.last_drawn = 0.0
        self.last_step = -1

    def __call__(self, done: int, total: int, what: str) -> None:
        if total < QUIET_BELOW:
            return
        if done == 0:
            self.started = time.monotonic()
        elapsed = time.monotonic() - self.started
        if self.tty:
            now = time.monotonic()
            if done < total and now - self.last_drawn < 0.1:
                return
            self.last_drawn = now
            filled = BAR_WIDTH * done // total
            left = f", about {elapsed / done * (total - done):.0f} s left" if done and done < total else ""
            self.stream.write(f"\r{what} [{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} articles"
                              f" ({elapsed:.0f} s{left})\033[K")
            if done >= total:
                self.stream.write("\n")
            self.stream.flush()
            return
        step = 10 * done // total
        if step != self.last_step:
            self.last_step = step
            self.stream.write(f"{what}: {done}/{total} articles ({elapsed:.0f} s)\n")
            self.stream.flush()
