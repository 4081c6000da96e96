"""brief: turn a pile of news articles into a cited briefing document.

The package is the engine: corpus loading and cleaning, excerpts and tagging,
recipes, assembly and rendering. It never imports Textual; the terminal UI in
``tui/`` sits on top of it and only calls it.
"""

__version__ = "0.1.0"
