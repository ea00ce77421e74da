"""The few exceptions the core raises; the CLI turns them into messages and exit codes."""

from __future__ import annotations

from profkarta.findings import ERROR, Finding


class ProfkartaError(Exception):
    """Base of every error the CLI reports without a traceback."""

    exit_code = 1


class UsageError(ProfkartaError):
    """The command was called wrongly (exit 2)."""

    exit_code = 2


class ProjectNotFound(UsageError):
    """The path is not a site project, cluster folder or YAML file."""


class LoadError(ProfkartaError):
    """A file could not be read at all; carries the finding that says why."""

    def __init__(self, finding: Finding):
        super().__init__(finding.format())
        self.finding = finding


class ValidationFailed(ProfkartaError):
    """Validation found errors (or warnings under --strict); nothing was written."""

    def __init__(self, findings: list[Finding]):
        errors = sum(f.severity == ERROR for f in findings)
        super().__init__(f"найдено ошибок: {errors}" if errors else
                         f"предупреждений: {len(findings)} (с --strict они считаются ошибками)")
        self.findings = findings


class BuildError(ProfkartaError):
    """A build step (mkdocs, a PDF) failed; the previous site is left as it was."""


class ExistsError(ProfkartaError):
    """init/new refuse to overwrite."""
