"""The Textual terminal UI of brief (to come: see the TUI issue). It only calls the engine in ``brief``."""
