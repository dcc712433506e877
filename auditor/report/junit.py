"""JUnit XML, so that CI systems show expectations and discrepancies as test results.

One test case per expectation (failed when it fails), one per discrepancy at or above the fail
threshold (failed when new, skipped when the baseline knows it), one per unreadable document.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from auditor.report.model import AuditReport


def render(report: AuditReport) -> str:
    root = ET.Element("testsuites", name="auditor")
    exp = ET.SubElement(root, "testsuite", name="expectations")
    for suite in report.expectations:
        for r in suite.results:
            case = ET.SubElement(
                exp,
                "testcase",
                classname=f"expectations.{suite.source}.{suite.suite}",
                name=f"{r.expectation}({r.column or ''})",
            )
            if not r.success:
                failure = ET.SubElement(case, "failure", message=r.details, type=r.severity)
                failure.text = "; ".join(
                    f"{u['value']} in {', '.join(u['documents'])}" for u in r.unexpected
                )
    disc = ET.SubElement(root, "testsuite", name="discrepancies")
    threshold = report.fail_on
    from auditor.catalog import SEVERITIES

    rank = SEVERITIES.index(threshold) if threshold != "never" else -1
    for d in report.discrepancies:
        if SEVERITIES.index(d.severity) > rank:
            continue
        case = ET.SubElement(
            disc,
            "testcase",
            classname=f"discrepancies.{d.entity}",
            name=f"{d.code} {d.kind} {d.attribute} #{d.id}",
        )
        if d.status == "known":
            ET.SubElement(case, "skipped", message="known: accepted in the baseline")
        else:
            failure = ET.SubElement(case, "failure", message=d.explanation, type=d.severity)
            failure.text = "\n".join(f"{c.source}: {c.raw!r} at {c.locator}" for c in d.claims)
    docs = ET.SubElement(root, "testsuite", name="documents")
    for doc in report.documents:
        case = ET.SubElement(docs, "testcase", classname="documents", name=doc.document)
        if doc.error:
            ET.SubElement(case, "error", message=doc.error, type="input")
    for suite_el in root:
        cases = list(suite_el)
        suite_el.set("tests", str(len(cases)))
        suite_el.set("failures", str(sum(c.find("failure") is not None for c in cases)))
        suite_el.set("errors", str(sum(c.find("error") is not None for c in cases)))
        suite_el.set("skipped", str(sum(c.find("skipped") is not None for c in cases)))
    totals = {
        k: sum(int(s.get(k)) for s in root) for k in ("tests", "failures", "errors", "skipped")
    }
    for k, v in totals.items():
        root.set(k, str(v))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
