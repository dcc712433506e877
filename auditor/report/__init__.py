"""Reports: one model (AuditReport) that every rendering reads."""
