"""JUnit XML, so that CI systems show expectations and discrepancies as test results.

One test case per expectation (failed when it fails), one per discrepancy at or above the fail
threshold (failed when new, skipped when the baseline knows it), one per unreadable document.
The run id is a property of every suite.

XML 1.0 cannot carry most control characters, even escaped: every text and attribute (file
names included) has them written out as `\\x1b` (and bidirectional overrides as `\\u202e`,
auditor.report.unseen), so the file is well-formed whatever the input.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import polars as pl

from auditor.catalog import SEVERITIES
from auditor.reconcile.model import ClaimStore, Discrepancy
from auditor.report import unseen
from auditor.report.model import AuditReport, unexpected_value

# Characters XML 1.0 does not allow, its discouraged ones (C1 controls, non-characters), and
# the rest of those a reviewer cannot see (bidirectional overrides).
_NOT_XML = re.compile(f"[{unseen.CLASS}\\ud800-\\udfff\\ufdd0-\\ufdef\\ufffe\\uffff]")


def _xml_safe(text: str) -> str:
    return unseen.written_out(text, _NOT_XML)


def _clean(root: ET.Element) -> None:
    for el in root.iter():
        if el.text:
            el.text = _xml_safe(el.text)
        for key, value in el.attrib.items():
            el.set(key, _xml_safe(value))


def evidence(report: AuditReport) -> list[str]:
    """Each failing discrepancy's text, in order: its claims, one a line, as
    `source: 'raw' at locator`. Only the cited claims' columns are read out of the claim store
    (not every claim decoded). The one part of the file polars makes: `render` given these
    texts is pure Python (it may run in a forked process)."""
    failures = [d for d in report.discrepancies if _fails(d, _rank(report.fail_on))]
    wanted: dict[int, tuple[ClaimStore, list[int]]] = {}
    for d in failures:
        if d.store is not None:
            wanted.setdefault(id(d.store), (d.store, []))[1].extend(d.claim_idx)
    rows = {}
    for key, (store, idx) in wanted.items():
        part = store.frame.select(_COLUMNS)[pl.Series(idx, dtype=pl.Int64)]
        rows[key] = zip(*(part.get_column(c).to_list() for c in _COLUMNS), strict=True)
    texts = []
    for d in failures:
        if d.store is None:
            texts.append("")
            continue
        taken = rows[id(d.store)]
        texts.append("\n".join(_line(*next(taken)) for _ in d.claim_idx))
    return texts


def _rank(threshold: str) -> int:
    return SEVERITIES.index(threshold) if threshold != "never" else -1


def _fails(d: Discrepancy, rank: int) -> bool:
    """A failed test case: at or above the threshold and not known to the baseline."""
    return SEVERITIES.index(d.severity) <= rank and d.status != "known"


_COLUMNS = ("source", "raw", "document", "span_start", "span_end", "row", "column")


def _line(source, raw, document, start, end, row, column) -> str:
    """ClaimRef.locator's text, from the claim's columns."""
    if row is not None:
        where = f"{document} row {row}, column {column}"
    elif start is not None:
        where = f"{document}[{start}:{end}]"
    else:
        where = document
    return f"{source}: {raw!r} at {where}"


def render(report: AuditReport, texts: list[str] | None = None) -> str:
    """The file; `texts`: `evidence(report)`, when it was made beforehand."""
    if texts is None:
        texts = evidence(report)
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
                    f"{unexpected_value(u['value'])} in {', '.join(u['documents'])}"
                    for u in r.unexpected
                )
    disc = ET.SubElement(root, "testsuite", name="discrepancies")
    rank = _rank(report.fail_on)
    failures: list[ET.Element] = []
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
            failures.append(
                ET.SubElement(case, "failure", message=d.explanation, type=d.severity)
            )
    for failure, text in zip(failures, texts, strict=True):
        failure.text = text
    docs = ET.SubElement(root, "testsuite", name="documents")
    for doc in report.documents:
        case = ET.SubElement(docs, "testcase", classname="documents", name=doc.document)
        if doc.error:
            ET.SubElement(case, "error", message=doc.error, type="input")
    for suite_el in root:
        cases = suite_el.findall("testcase")
        suite_el.set("tests", str(len(cases)))
        suite_el.set("failures", str(sum(c.find("failure") is not None for c in cases)))
        suite_el.set("errors", str(sum(c.find("error") is not None for c in cases)))
        suite_el.set("skipped", str(sum(c.find("skipped") is not None for c in cases)))
    totals = {
        k: sum(int(s.get(k)) for s in root) for k in ("tests", "failures", "errors", "skipped")
    }
    for k, v in totals.items():
        root.set(k, str(v))
    if report.run:
        for suite_el in root:
            props = ET.Element("properties")
            ET.SubElement(props, "property", name="auditor.run", value=report.run)
            suite_el.insert(0, props)
    _clean(root)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
