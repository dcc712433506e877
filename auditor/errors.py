"""Errors the user can act on; the CLI turns them into exit code 2 with one line each."""

from __future__ import annotations


class AuditorError(Exception):
    """A usage, configuration or input error: the message says what to do."""

    exit_code = 2


class DocumentError(AuditorError):
    """One document could not be read or extracted; the others go on."""

    def __init__(self, document: str, problem: str, fix: str) -> None:
        self.document = document
        self.problem = problem
        self.fix = fix
        super().__init__(f"{document}: {problem}; {fix}")
