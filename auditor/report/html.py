"""The HTML report: one self-contained page, readable without JavaScript, safe with any input.

Autoescaping is on for everything (text from sources is never trusted); the page carries a
Content-Security-Policy that forbids every outside request and allows only its own script.
"""

from __future__ import annotations

import base64
import hashlib

from jinja2 import Environment, PackageLoader, select_autoescape

from auditor import __version__
from auditor.catalog import SEVERITIES
from auditor.report import view
from auditor.report.model import VERSION, AuditReport

# Filtering by severity and text; the page works without it.
SCRIPT = """
document.documentElement.classList.add('js');
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  var q = document.getElementById('q');
  function apply() {
    var on = {};
    boxes.forEach(function (b) { on[b.getAttribute('data-filter')] = b.checked; });
    var text = (q.value || '').toLowerCase();
    document.querySelectorAll('article.disc').forEach(function (a) {
      var show = on[a.getAttribute('data-severity')] &&
        (!text || a.textContent.toLowerCase().indexOf(text) >= 0);
      a.hidden = !show;
    });
  }
  boxes.forEach(function (b) { b.addEventListener('change', apply); });
  q.addEventListener('input', apply);
})();
"""

_ENV = Environment(
    loader=PackageLoader("auditor.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
)


def script_hash(script: str = SCRIPT) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def render(report: AuditReport) -> str:
    entity_views = view.build(report)
    return _ENV.get_template("report.html.j2").render(
        version=__version__,
        report_version=VERSION,
        entities=report.entities,
        entity_views=entity_views,
        sources=sorted({d.source for d in report.documents}),
        summary=report.summary(),
        counts=report.counts(),
        failed_expectations=report.failed_expectations(),
        document_errors=report.document_errors,
        config_errors=list(report.errors),
        documents=report.documents,
        source_table=report.sources,
        expectations=report.expectations,
        severities=SEVERITIES,
        fail_on=report.fail_on,
        exit_code=report.exit_code,
        baseline=report.baseline,
        run=report.run,
        script=SCRIPT,
        script_hash=script_hash(),
    )
