"""Tests of brief; they mirror the modules of brief/."""
