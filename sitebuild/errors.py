"""The two ways the build stops on purpose, each with one plain Dutch message for the person who can fix it.

Neither depends on MkDocs: the MkDocs adapters (sitebuild/mkdocs_hooks.py, macros/env.py) turn them into
its PluginError, and `python -m sitebuild` prints them as one line.
"""

from __future__ import annotations


class DataError(Exception):
    """A problem in a file under data/ (or in mkdocs.yml), worded for the person who edits it."""


class FinishError(Exception):
    """A built page or asset that the finish stage cannot make safe or complete (an unknown inline script,
    a missing source file)."""
