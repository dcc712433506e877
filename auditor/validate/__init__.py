"""Validation: per-source tables checked against Great Expectations suites in expectations/.

Great Expectations is slow to import, so it is imported here, only when validating.
"""

from auditor.validate.run import validate

__all__ = ["validate"]
