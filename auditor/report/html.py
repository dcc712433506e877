"""The HTML report: self-contained pages, readable without JavaScript, safe with any input.

Up to `SINGLE_PAGE_UP_TO` entities it is one page, `report.html`. Above that, `report.html` is
an index (the summary, a sortable and filterable table of entities with their counts, the
expectation results) and each entity gets its own page, `entities/<file>.html`, linked both
ways: a catalog's single page would be hundreds of megabytes that no browser can open.

Autoescaping is on for everything (text from sources is never trusted), and the characters a
reader cannot see are written out (`_page`); every page carries a
Content-Security-Policy that forbids every outside request and allows only its own script.
Entity ids come from folder names and manifests, so file names are made safe (`file_name`).
"""

from __future__ import annotations

import base64
import hashlib
import multiprocessing as mp
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, Template, select_autoescape

from auditor import __version__
from auditor.catalog import SEVERITIES
from auditor.report import articles, unseen, view
from auditor.report.model import VERSION, AuditReport, unexpected_value

SINGLE_PAGE_UP_TO = 25  # entities; above this, an index page plus one page per entity
INDEX = "report.html"
ENTITY_DIR = "entities"
UNEXPECTED_IN_INDEX = 20  # unexpected values listed per expectation on the index page
TABLES_IN_INDEX = 100  # table files listed on the index page (report.json lists every one)
PARALLEL_FROM = 400  # entity pages; fewer render faster in this process than forked workers
MAX_WORKERS = 4

# Filtering discrepancies by severity and text; the page works without it.
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

# Sorting the index's entity table by any column, filtering it by name and by what it has.
INDEX_SCRIPT = """
document.documentElement.classList.add('js');
(function () {
  var table = document.getElementById('entities');
  var body = table.tBodies[0];
  var rows = Array.prototype.slice.call(body.rows);
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var cols = {error: 2, warning: 3, info: 4, failed: 5, unreadable: 6};
  var q = document.getElementById('q');
  var only = document.getElementById('only');
  var shown = document.getElementById('shown');
  function apply() {
    var text = (q.value || '').toLowerCase();
    var col = cols[only.value];
    var n = 0;
    rows.forEach(function (r) {
      var ok = (!text || r.cells[0].textContent.toLowerCase().indexOf(text) >= 0) &&
        (col === undefined || Number(r.cells[col].textContent) > 0);
      r.hidden = !ok;
      if (ok) { n++; }
    });
    shown.textContent = n + ' of ' + rows.length + ' shown';
  }
  function sort(th, i) {
    var numeric = th.hasAttribute('data-numeric');
    var desc = th.getAttribute('aria-sort') !== (numeric ? 'descending' : 'ascending');
    if (!numeric) { desc = !desc; }
    var key = function (r) {
      var t = r.cells[i].textContent;
      return numeric ? Number(t) : t;
    };
    rows.sort(function (a, b) {
      var x = key(a), y = key(b);
      var c = x < y ? -1 : x > y ? 1 : 0;
      if (desc) { c = -c; }
      if (c === 0) {
        var s = a.cells[0].textContent, t = b.cells[0].textContent;
        c = s < t ? -1 : s > t ? 1 : 0;
      }
      return c;
    });
    heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
    th.setAttribute('aria-sort', desc ? 'descending' : 'ascending');
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
  }
  heads.forEach(function (th, i) {
    th.tabIndex = 0;
    th.addEventListener('click', function () { sort(th, i); });
    th.addEventListener('keydown', function (ev) {
      if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); sort(th, i); }
    });
  });
  q.addEventListener('input', apply);
  only.addEventListener('change', apply);
  apply();
})();
"""

_ENV = Environment(
    loader=PackageLoader("auditor.report", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
    keep_trailing_newline=True,
    auto_reload=False,  # the package's templates do not change while it runs: no stat a page
)

_ENV.globals["articles"] = articles.articles
_ENV.globals["matrix"] = articles.matrix
_ENV.filters["n"] = "{:,}".format  # 1,520,000 claims: counts read at a glance
_ENV.filters["unexpected"] = unexpected_value

_SAFE = re.compile(r"[a-z0-9][a-z0-9._-]{0,99}")
# Names Windows refuses whatever the extension.
_RESERVED = re.compile(r"(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?")


def file_name(entity: str) -> str:
    """A file name stem for an entity id: the id itself when it is plainly safe (lower-case
    letters, digits, '.', '_', '-'; not a device name), otherwise a slug plus a hash of the id
    joined by '~', which no plain id contains, so two entities never share a page."""
    if _SAFE.fullmatch(entity) and not entity.endswith(".") and not _RESERVED.fullmatch(entity):
        return entity
    slug = re.sub(r"[^a-z0-9]+", "-", entity.lower()).strip("-")[:60] or "entity"
    digest = hashlib.sha256(entity.encode("utf-8")).hexdigest()[:12]
    return f"{slug}~{digest}"


def script_hash(script: str = SCRIPT) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "sha256-" + base64.b64encode(digest).decode("ascii")


def paged(report: AuditReport, single_page_up_to: int | None = None) -> bool:
    """Whether the report is an index plus entity pages rather than one page."""
    limit = SINGLE_PAGE_UP_TO if single_page_up_to is None else single_page_up_to
    return len(report.entities) > limit


def _common(report: AuditReport) -> dict:
    return dict(
        version=__version__,
        report_version=VERSION,
        entities=report.entities,
        sources=sorted({s for d in report.documents for s in d.sources or (d.source,) if s}),
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
    )


def _page(template: Template, **context) -> str:
    """A page rendered, its source text's unseen characters written out (auditor.report.unseen:
    the autoescaped fields and the articles' alike)."""
    return unseen.written_out(template.render(**context))


def render(report: AuditReport) -> str:
    """The whole report as one page (every entity on it)."""
    return next(Pages(report, single_page_up_to=len(report.entities)).files())[1]


@dataclass(frozen=True)
class _Link:
    entity: str
    file: str

    @property
    def href(self) -> str:  # from an entity page to another
        return f"{self.file}.html"


@dataclass(frozen=True)
class _IndexRow:
    row: view.IndexRow
    file: str

    def __getattr__(self, name: str):
        return getattr(self.row, name)

    @property
    def href(self) -> str:
        return f"{ENTITY_DIR}/{self.file}.html"


def files(
    report: AuditReport, single_page_up_to: int | None = None, workers: int | None = None
) -> Iterator[tuple[str, str]]:
    """Every file of the HTML report as (path relative to the reports folder, text), one at a
    time so that a catalog's pages are written as they are made, never held together."""
    return Pages(report, single_page_up_to).files(workers)


class Pages:
    """The HTML report made ready to render: everything its pages read that polars computes
    (the matrix cells, every claim's evidence row, the table rows: view.ReportView) is
    computed here, so that `files` is pure Python over the finished report and may run in a
    forked process (polars' thread pool does not survive a fork: its first parallel operation
    would wait forever)."""

    def __init__(self, report: AuditReport, single_page_up_to: int | None = None) -> None:
        self.report = report
        self.paged = paged(report, single_page_up_to)
        self.views = view.ReportView(report)
        # the entity pages that may show a character a reviewer cannot see (None: any)
        self.holding = unseen.entities_holding(report) if self.paged else None
        self.total = 1 + (len(report.entities) if self.paged else 0)  # files to write
        self.names: dict[str, str] | None = None
        self.job: _Job | None = None

    def files(self, workers: int | None = None) -> Iterator[tuple[str, str]]:
        """The files in order; entity pages in `workers` forked processes when there are
        enough of them (default: one per core, at most MAX_WORKERS)."""
        report, views = self.report, self.views
        if not self.paged:
            yield INDEX, _page(
                _ENV.get_template("report.html.j2"),
                **_common(report),
                entity_views=list(views),
                script=SCRIPT,
                script_hash=script_hash(),
            )
            return
        yield self.index()
        if workers is None:
            workers = min(os.cpu_count() or 1, MAX_WORKERS)
        yield from _entity_pages(report, views, self._names, self.holding, workers)

    def of(self, report: AuditReport) -> Pages:
        """These pages for `report`, the same report with its run id now set (the views
        do not read it: they may be made while the run id is)."""
        self.report = report
        return self

    @property
    def _names(self) -> dict[str, str]:
        if self.names is None:
            self.names = {e: file_name(e) for e in self.report.entities}
        return self.names

    def index(self) -> tuple[str, str]:
        """A catalog's index page (paged only)."""
        return INDEX, _page(
            _ENV.get_template("index.html.j2"),
            **_common(self.report),
            rows=[_IndexRow(r, self._names[r.entity]) for r in self.views.index()],
            cap=UNEXPECTED_IN_INDEX,
            cap_tables=TABLES_IN_INDEX,
            script=INDEX_SCRIPT,
            script_hash=script_hash(INDEX_SCRIPT),
        )

    def batches(self) -> list[range]:
        """The entity pages in batches, each rendered by `render` (paged only): two
        processes may share them out (auditor.check)."""
        n = len(self.report.entities)
        return [range(i, min(i + _BATCH, n)) for i in range(0, n, _BATCH)]

    def render(self, batch: range) -> list[tuple[str, str]]:
        if self.job is None:
            self.job = _job(self.report, self.views, self._names, self.holding)
        return self.job.render(batch)


def _entity_pages(
    report: AuditReport,
    views: view.ReportView,
    names: dict[str, str],
    holding: frozenset[str] | None,
    workers: int,
) -> Iterator[tuple[str, str]]:
    entities = report.entities
    job = _job(report, views, names, holding)
    batches = [range(i, min(i + _BATCH, len(entities))) for i in range(0, len(entities), _BATCH)]
    if len(entities) < PARALLEL_FROM or workers < 2 or "fork" not in mp.get_all_start_methods():
        for batch in batches:
            yield from job.render(batch)
        return
    # Pages are pure Python over the finished report (Pages made the rest with polars):
    # forked workers share it copy-on-write and render batches of entities in parallel;
    # pages come back in entity order.
    global _JOB
    _JOB = job
    try:
        with mp.get_context("fork").Pool(workers) as pool:
            for pages in pool.imap(_render_batch, batches):
                yield from pages
    finally:
        _JOB = None


_BATCH = 64  # entity pages rendered together


def _job(
    report: AuditReport,
    views: view.ReportView,
    names: dict[str, str],
    holding: frozenset[str] | None,
) -> _Job:
    fixed = dict(
        version=__version__,
        report_version=VERSION,
        severities=SEVERITIES,
        fail_on=report.fail_on,
        baseline=report.baseline,
        run=report.run,
        n_entities=len(report.entities),
        n_suites=len(report.expectations),
        script=SCRIPT,
        script_hash=script_hash(),
    )
    return _Job(views, report.entities, names, fixed, holding)


class _Job:
    """What every entity page needs, and the one compiled template that renders them; the
    pages of `holding` (None: every page) have their unseen characters written out."""

    def __init__(
        self,
        views,
        entities: list[str],
        names: dict[str, str],
        fixed: dict,
        holding: frozenset[str] | None,
    ) -> None:
        self.views, self.entities, self.names, self.fixed = views, entities, names, fixed
        self.holding = holding
        self.page = _ENV.get_template("entity.html.j2")
        self.links = [_Link(e, names[e]) for e in entities]

    def render(self, batch: range) -> list[tuple[str, str]]:
        out = []
        links, n = self.links, len(self.links)
        for i in batch:
            entity = self.entities[i]
            file = self.names[entity]
            page = self.page.render(
                **self.fixed,
                e=self.views.entity(entity),
                index_href=f"../{INDEX}#e-{file}",
                prev=links[i - 1] if i else None,
                next=links[i + 1] if i + 1 < n else None,
            )
            if self.holding is None or entity in self.holding:
                page = unseen.written_out(page)
            out.append((f"{ENTITY_DIR}/{file}.html", page))
        return out


_JOB: _Job | None = None


def _render_batch(batch: range) -> list[tuple[str, str]]:
    assert _JOB is not None
    return _JOB.render(batch)
