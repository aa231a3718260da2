"""The mkdocs-macros entry point: functions that hand-written pages call as {{ ... }}.

Each widget or part of the handbook keeps its macros in its own module with a
`register(env)` function; this file only wires them up.
"""

from __future__ import annotations

from pathlib import Path

from . import appendices, cards, chooser, handbook, render, state, timer


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros passes its own env type
    # mkdocs-macros runs before the hook's on_config, so the data is loaded here first;
    # a DataError raised now stops the build with its plain message.
    state.load(Path(env.project_dir))

    @env.macro
    def methods_table() -> str:
        return render.methods_table(state.current())

    @env.macro
    def case_type_sections(link_prefix: str = "") -> str:
        return render.case_type_sections(state.current(), link_prefix)

    @env.macro
    def method_count() -> int:
        return len(state.current().methods)

    @env.macro
    def roles() -> dict:
        return state.current().roles

    @env.macro
    def sources() -> dict:
        return state.current().sources

    @env.macro
    def editorial_table() -> str:
        return render.editorial_table(state.current())

    for module in (chooser, timer, cards, handbook, appendices):
        module.register(env)
