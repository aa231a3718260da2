"""The one family of errors with which the build stops on purpose, each with one plain Dutch message for the
person who can fix it.

Every stage and every macro raises a subclass of `SiteError`; none of them depends on MkDocs. Only the
MkDocs adapters turn a SiteError into MkDocs' PluginError (sitebuild/mkdocs_hooks.py for the stages,
macros/env.py when mkdocs-macros runs it), which MkDocs prints as one line; `python -m sitebuild` prints it
as one line too, and under Zensical it stops the build with the same message.
"""

from __future__ import annotations


class SiteError(Exception):
    """The base of every error by which the build stops on purpose."""


class DataError(SiteError):
    """A problem in a file under data/ (or in mkdocs.yml), worded for the person who edits it."""


class FinishError(SiteError):
    """A built page or asset that the finish stage cannot make safe or complete (an unknown inline script,
    a missing source file, a theme file that the patch table does not know)."""


class HandbookError(SiteError):
    """A chapter or the glossary asks for something that is not in data/ (a typo in a macro call)."""


class AppendixError(SiteError):
    """An appendix asks for something that is not in data/ (a typo in a macro call)."""
