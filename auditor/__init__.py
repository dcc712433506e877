"""auditor: find, with evidence, where several sources describing the same things disagree.

The pipeline, one module (or package) per arrow:
documents -> extract (claims) -> [validate] -> [reconcile] -> [render].
"""

__version__ = "0.1.0"
